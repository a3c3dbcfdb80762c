//! The platform's rules for a subject, per type (DESIGN §2a): an ORG
//! certificate names a service in a few allowed characters, and INSi takes
//! only two exact names.

use super::RequestType;
use crate::validate::Problem;

/// The only CNs INSi accepts (anything else: error DESIR_560).
pub const INSI_NAMES: [&str; 2] = ["INSI-AUTO", "INSI-MANU"];

/// The CNs offered as choices for `kind` (INSi's for ORG AUTH_CLI).
pub fn offered_cns(kind: RequestType) -> &'static [&'static str] {
    match kind {
        RequestType::OrgAuthCli => &INSI_NAMES,
        _ => &[],
    }
}

/// A service name (the CN of an ORG certificate): 1–64 of letters without
/// accent, digits, space and `- _ . ' ( ) / & + ,`, as the platform's form
/// takes them; no leading or trailing space.
pub fn service_name(s: &str) -> Result<(), Problem> {
    let allowed = |c: char| c.is_ascii_alphanumeric() || " -_.'()/&+,".contains(c);
    if s.is_empty() || s.len() > 64 || s.trim() != s || !s.chars().all(allowed) {
        return Err(Problem {
            id: "val.service_name",
        });
    }
    Ok(())
}

/// Whether `cn` looks like an INSi name without being exactly one
/// (`INSI_AUTO`, `insi-auto`, `INSI AUTO`…): INSi would refuse the
/// certificate three years long, so the user is warned before the CSR.
pub fn insi_lookalike(cn: &str) -> bool {
    if INSI_NAMES.contains(&cn) {
        return false;
    }
    let letters: String = cn
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect();
    matches!(
        letters.as_str(),
        "INSI" | "INSIAUTO" | "INSIMANU" | "INSAUTO" | "INSMANU"
    )
}

/// Warnings about a request's subject worth showing before its CSR is
/// made: text ids, in the user's language through `i18n`.
pub fn subject_warnings(kind: RequestType, cn: Option<&str>) -> Vec<&'static str> {
    match (kind, cn) {
        (RequestType::OrgAuthCli, Some(cn)) if insi_lookalike(cn) => vec!["val.insi_lookalike"],
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insi_names_are_offered_and_lookalikes_warned() {
        assert_eq!(offered_cns(RequestType::OrgAuthCli), INSI_NAMES);
        assert!(offered_cns(RequestType::OrgSign).is_empty());
        for exact in INSI_NAMES {
            assert!(!insi_lookalike(exact));
            assert!(subject_warnings(RequestType::OrgAuthCli, Some(exact)).is_empty());
        }
        for near in [
            "INSI_AUTO",
            "insi-auto",
            "INSI AUTO",
            "Insi-Manu",
            "INSI",
            "INS-AUTO",
        ] {
            assert!(insi_lookalike(near), "{near}");
            assert_eq!(
                subject_warnings(RequestType::OrgAuthCli, Some(near)),
                vec!["val.insi_lookalike"]
            );
        }
        for other in ["EMA", "DMP-SIGNATURE", "INSIGHT"] {
            assert!(!insi_lookalike(other), "{other}");
        }
        // The rule is INSi's: other types are not warned.
        assert!(subject_warnings(RequestType::OrgSign, Some("INSI_AUTO")).is_empty());
    }

    #[test]
    fn service_names_keep_to_the_platform_characters() {
        for ok in ["INSI-AUTO", "EMA", "Service d'accueil (DMP)", "GAM/1"] {
            assert_eq!(service_name(ok), Ok(()), "{ok}");
        }
        for bad in ["", " EMA", "Hôpital", "a@b", "x\ny", &"A".repeat(65)] {
            assert!(service_name(bad).is_err(), "{bad:?}");
        }
    }
}
