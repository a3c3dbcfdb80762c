//! Checks of what the user types: names, FQDN, e-mail, structure identifier.
//! Each returns the problem as a text id, so both fronts show it in the user's language.

/// A problem with a value; `id` is an i18n text id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub id: &'static str,
}

const fn problem(id: &'static str) -> Problem {
    Problem { id }
}

/// The base name of exported files: a name, or an e-mail address (an
/// S/MIME certificate is filed under its address).
pub fn file_base(s: &str) -> Result<(), Problem> {
    name(&s.replace('@', "_"))
}

/// Folder and request names (DESIGN §3): 1–64 characters, letters (accents
/// allowed), digits, space, `-_.`; no leading dot.
pub fn name(s: &str) -> Result<(), Problem> {
    let count = s.chars().count();
    if count == 0 || count > 64 {
        return Err(problem("val.name.length"));
    }
    if s.starts_with('.') {
        return Err(problem("val.name.leading_dot"));
    }
    if s.trim() != s {
        return Err(problem("val.name.spaces"));
    }
    if !s
        .chars()
        .all(|c| c.is_alphanumeric() || c == ' ' || c == '-' || c == '_' || c == '.')
    {
        return Err(problem("val.name.chars"));
    }
    // Later steps need it: the PKCS#12 friendlyName is a BMPString, and
    // `<name>.fullchain.pem` plus a temp prefix must fit a 255-byte file
    // name (64 letters of 3 bytes at most do).
    if s.chars().any(|c| c as u32 > 0xFFFF) {
        return Err(problem("val.name.bmp"));
    }
    Ok(())
}

/// A fully qualified domain name: at least two labels, each 1–63 of
/// `a-z0-9-` not starting or ending with `-`, 253 characters at most, and
/// a leading `*.` only when wildcards are allowed.
pub fn fqdn(s: &str, allow_wildcard: bool) -> Result<(), Problem> {
    let s = s.strip_suffix('.').unwrap_or(s);
    if s.is_empty() {
        return Err(problem("val.fqdn.empty"));
    }
    if s.len() > 253 {
        return Err(problem("val.fqdn.too_long"));
    }
    let (rest, wildcard) = match s.strip_prefix("*.") {
        Some(r) => (r, true),
        None => (s, false),
    };
    if wildcard && !allow_wildcard {
        return Err(problem("val.fqdn.wildcard"));
    }
    let labels: Vec<&str> = rest.split('.').collect();
    // Wrong characters first: "srv web_1" is not a name at all, which says
    // more than "not fully qualified".
    if labels.iter().any(|l| {
        !l.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '*')
    }) {
        return Err(problem("val.fqdn.chars"));
    }
    if labels.len() < 2 {
        return Err(problem("val.fqdn.not_qualified"));
    }
    for label in &labels {
        if label.is_empty() || label.len() > 63 {
            return Err(problem("val.fqdn.label_length"));
        }
        if label.contains('*') {
            return Err(problem("val.fqdn.wildcard"));
        }
        if !label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            return Err(problem("val.fqdn.chars"));
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err(problem("val.fqdn.hyphen"));
        }
    }
    if labels
        .last()
        .is_some_and(|tld| tld.chars().all(|c| c.is_ascii_digit()))
    {
        return Err(problem("val.fqdn.ip"));
    }
    Ok(())
}

/// An e-mail address as it goes in a certificate: ASCII local part of
/// RFC 5322 "atext" and dots, and an FQDN domain.
pub fn email(s: &str) -> Result<(), Problem> {
    let Some((local, domain)) = s.rsplit_once('@') else {
        return Err(problem("val.email.shape"));
    };
    const SPECIAL: &str = "!#$%&'*+/=?^_`{|}~-.";
    if local.is_empty()
        || local.len() > 64
        || local.starts_with('.')
        || local.ends_with('.')
        || local.contains("..")
        || !local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || SPECIAL.contains(c))
    {
        return Err(problem("val.email.local"));
    }
    fqdn(domain, false).map_err(|_| problem("val.email.domain"))
}

/// Outcome of checking a structure identifier (`OU`): refused, accepted, or
/// accepted with a warning for shapes we do not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StructureId {
    Valid,
    Unusual(Problem),
}

/// Identifiant national de structure: one type digit 0–4, then the number.
/// SIREN (type 2, 9 digits) and SIRET (type 3, 14 digits) must pass Luhn.
pub fn structure_id(s: &str) -> Result<StructureId, Problem> {
    let mut chars = s.chars();
    let Some(kind) = chars.next() else {
        return Err(problem("val.ou.empty"));
    };
    let number = chars.as_str();
    if !s.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(problem("val.ou.chars"));
    }
    match kind {
        '2' if number.len() == 9 && is_digits(number) => luhn_checked(number),
        '3' if number.len() == 14 && is_digits(number) => luhn_checked(number),
        '2' => Err(problem("val.ou.siren_length")),
        '3' => Err(problem("val.ou.siret_length")),
        '0' | '1' | '4' if !number.is_empty() => Ok(StructureId::Valid),
        _ => Ok(StructureId::Unusual(problem("val.ou.unusual"))),
    }
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_digit())
}

fn luhn_checked(number: &str) -> Result<StructureId, Problem> {
    if luhn(number) {
        Ok(StructureId::Valid)
    } else {
        Err(problem("val.ou.luhn"))
    }
}

/// The Luhn check used by SIREN and SIRET.
pub fn luhn(digits: &str) -> bool {
    let mut sum = 0u32;
    for (i, c) in digits.chars().rev().enumerate() {
        let Some(mut d) = c.to_digit(10) else {
            return false;
        };
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    !digits.is_empty() && sum.is_multiple_of(10)
}

/// Country: two upper-case letters (ISO 3166), PrintableString-safe.
pub fn country(s: &str) -> Result<(), Problem> {
    if s.len() == 2 && s.chars().all(|c| c.is_ascii_uppercase()) {
        Ok(())
    } else {
        Err(problem("val.country"))
    }
}

/// Free text fields (O, ST, L): not empty when given, at most 64 characters, no control characters.
pub fn text_field(s: &str) -> Result<(), Problem> {
    if s.trim().is_empty() || s.chars().count() > 64 || s.chars().any(char::is_control) {
        Err(problem("val.text"))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert!(name("Dossier 1").is_ok());
        assert!(name("Clé_serveur-2.prod").is_ok());
        assert!(name("").is_err());
        assert!(name(".cache").is_err());
        assert!(name("a/b").is_err());
        assert!(name(&"x".repeat(65)).is_err());
        assert!(name(&"é".repeat(64)).is_ok());
        assert!(name(" lead").is_err());
        // Outside the BMP: breaks the .p12 friendlyName and, 64 of them, file names.
        assert_eq!(name("𝐀"), Err(problem("val.name.bmp")));
        assert_eq!(name(&"𝐀".repeat(64)), Err(problem("val.name.bmp")));
        assert!(name(&"語".repeat(64)).is_ok());
    }

    #[test]
    fn fqdns() {
        assert!(fqdn("srv.clinique.example.fr", false).is_ok());
        assert!(fqdn("srv.clinique.example.fr.", false).is_ok());
        assert!(fqdn("xn--clinique-5ya.fr", false).is_ok());
        assert_eq!(
            fqdn("localhost", false).map_err(|p| p.id),
            Err("val.fqdn.not_qualified")
        );
        assert_eq!(
            fqdn("*.example.fr", false).map_err(|p| p.id),
            Err("val.fqdn.wildcard")
        );
        assert!(fqdn("*.example.fr", true).is_ok());
        assert!(fqdn("a.*.example.fr", true).is_err());
        assert!(fqdn("-a.example.fr", false).is_err());
        assert!(fqdn("a..fr", false).is_err());
        assert!(fqdn("a_b.example.fr", false).is_err());
        // A space or an underscore is named as a bad character, not as a
        // name without dots: that is what the admin has to change.
        assert_eq!(
            fqdn("srv web_1", false).map_err(|p| p.id),
            Err("val.fqdn.chars")
        );
        assert!(fqdn("192.168.1.1", false).is_err());
        assert!(fqdn(&format!("{}.fr", "a".repeat(64)), false).is_err());
        let long = vec!["a".repeat(60); 5].join(".");
        assert_eq!(
            fqdn(&long, false).map_err(|p| p.id),
            Err("val.fqdn.too_long")
        );
        assert!(fqdn("", false).is_err());
    }

    #[test]
    fn emails() {
        assert!(email("serveur.mail@clinique.example.fr").is_ok());
        assert!(email("a+b@example.fr").is_ok());
        assert!(email("nobody").is_err());
        assert!(email("@example.fr").is_err());
        assert!(email("a..b@example.fr").is_err());
        assert!(email("a@localhost").is_err());
        assert!(email("é@example.fr").is_err());
        assert!(email("a b@example.fr").is_err());
    }

    #[test]
    fn luhn_and_structure_ids() {
        // SIREN of the ASIP-Santé (187512751) and its SIRET 18751275100020.
        assert!(luhn("187512751"));
        assert!(luhn("18751275100020"));
        assert!(!luhn("187512752"));
        assert_eq!(structure_id("2187512751"), Ok(StructureId::Valid));
        assert_eq!(structure_id("318751275100020"), Ok(StructureId::Valid));
        assert_eq!(
            structure_id("318751275100021").map_err(|p| p.id),
            Err("val.ou.luhn")
        );
        assert_eq!(
            structure_id("21875127").map_err(|p| p.id),
            Err("val.ou.siren_length")
        );
        assert_eq!(structure_id("10B0152872"), Ok(StructureId::Valid));
        assert!(matches!(structure_id("9ABC"), Ok(StructureId::Unusual(_))));
        assert!(structure_id("").is_err());
        assert!(structure_id("3 1").is_err());
    }

    #[test]
    fn countries_and_text() {
        assert!(country("FR").is_ok());
        assert!(country("fr").is_err());
        assert!(country("FRA").is_err());
        assert!(text_field("Sarthe (72)").is_ok());
        assert!(text_field("  ").is_err());
        assert!(text_field("a\nb").is_err());
    }
}
