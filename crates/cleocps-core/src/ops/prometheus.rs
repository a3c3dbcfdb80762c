//! The Prometheus text exposition format (version 0.0.4) of `status`, for
//! node_exporter's textfile collector (§9a).

use super::status::Status;
use std::fmt::Write;

/// A metric family: name, help text, and the value it takes of a certificate.
type Family = (&'static str, &'static str, fn(&super::Certified) -> i64);

/// The metrics: expiry time and days left of every certificate, labelled
/// `folder`, `request`, `cn`, `type`; and how many entries can't be read,
/// so an alert can fire on a workspace that silently lost a certificate.
pub fn prometheus(status: &Status) -> String {
    let mut out = String::new();
    let families: [Family; 4] = [
        (
            "cleocps_certificate_not_after_seconds",
            "End of validity of the certificate, in seconds since the epoch.",
            |c| c.not_after_unix,
        ),
        (
            "cleocps_certificate_days_left",
            "Whole days left before the certificate expires (negative once expired).",
            |c| c.days_left,
        ),
        (
            "cleocps_certificate_revoked",
            "1 when the issuer's OCSP responder or CRL says the certificate is revoked.",
            |c| i64::from(c.revocation.is_revoked()),
        ),
        (
            "cleocps_certificate_revocation_unknown",
            "1 when no verified revocation answer could be had for the certificate.",
            |c| i64::from(c.revocation.status == crate::revocation::Status::Unknown),
        ),
    ];
    for (name, help, value) in families {
        let _ = writeln!(out, "# HELP {name} {help}");
        let _ = writeln!(out, "# TYPE {name} gauge");
        // A replaced certificate is left out: a `days_left < 7` alert rule
        // must not fire on one that is no longer served.
        for c in status.certificates.iter().filter(|c| c.watched()) {
            let _ = writeln!(
                out,
                "{name}{{folder=\"{}\",request=\"{}\",cn=\"{}\",type=\"{}\"}} {}",
                label(&c.folder),
                label(&c.name),
                label(&c.cn),
                c.kind.as_str(),
                value(c)
            );
        }
    }
    let name = "cleocps_unreadable_entries";
    let _ = writeln!(
        out,
        "# HELP {name} Workspace entries that should hold a certificate but can't be read."
    );
    let _ = writeln!(out, "# TYPE {name} gauge");
    let _ = writeln!(out, "{name} {}", status.problems.len());
    out
}

/// A label value: backslash, double quote and line feed escaped, as the
/// format requires; other control characters (a hostile CN) dropped.
fn label(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    for ch in v.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_values_are_escaped() {
        assert_eq!(label("a\"b\\c\nd\u{1b}e"), "a\\\"b\\\\c\\nde");
    }

    #[test]
    fn an_empty_workspace_still_exposes_the_families() {
        let text = prometheus(&Status::default());
        assert!(text.contains("# TYPE cleocps_certificate_days_left gauge"));
        assert!(text.ends_with("cleocps_unreadable_entries 0\n"));
    }
}
