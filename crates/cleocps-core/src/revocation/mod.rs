//! Revocation (**contract**, DESIGN §4c): whether a certificate is revoked —
//! OCSP at its AIA `ocsp` URL, else the CRL at its distribution points —
//! from answers signed by its issuer (or, for OCSP, a responder it
//! delegated), fetched within time and size bounds and cached in the
//! workspace until their next update. Anything not proven is "unknown",
//! never "good". `status`, `check`, `doctor` and the interface (from a job)
//! all ask [`Checker`].

mod cache;
mod check;
mod crl;
mod ldap;
mod ocsp;
mod pointers;

pub use check::{annotate, annotate_with, check_request, Checker};
pub use pointers::{crl_urls, ocsp_urls};

use crate::i18n::{t, tf, Lang};
use serde::{Deserialize, Serialize};
use std::time::{Duration, SystemTime};
use x509_cert::ext::pkix::CrlReason;

/// `revocation.mode`: `off` for air-gapped servers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    #[default]
    Auto,
    Off,
}

/// `revocation` in the configuration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RevocationConfig {
    pub mode: Mode,
    /// `check` warns once the status has been unknown this long.
    pub max_unknown_days: u32,
    /// Fetch CRLs from `ldap://` distribution points too.
    pub ldap: bool,
}

impl Default for RevocationConfig {
    fn default() -> Self {
        RevocationConfig {
            mode: Mode::Auto,
            max_unknown_days: 7,
            ldap: false,
        }
    }
}

/// The largest `max_unknown_days` accepted (a year).
pub const MAX_UNKNOWN_DAYS: u32 = 366;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Good,
    Revoked,
    Unknown,
    /// Not checked: `mode` off, a certificate no longer watched, or one
    /// that names no OCSP responder and no CRL (`detail` says so).
    #[default]
    Off,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    Ocsp,
    Crl,
}

/// A certificate's revocation status (`status --json`'s `"revocation"`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Revocation {
    pub status: Status,
    pub source: Option<Source>,
    /// When the answer used was fetched (RFC 3339).
    pub checked_at: Option<String>,
    pub revoked_at: Option<String>,
    /// RFC 5280 reason name (`keyCompromise`, `superseded`…).
    pub reason: Option<String>,
    /// Unknown: since when (RFC 3339).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unknown_since: Option<String>,
    /// Unknown: why, in the user's language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// Unknown for longer than `max_unknown_days`: `check` warns.
    #[serde(skip)]
    pub overdue: bool,
}

impl Revocation {
    pub fn is_revoked(&self) -> bool {
        self.status == Status::Revoked
    }

    /// The revocation date alone (YYYY-MM-DD).
    pub fn revoked_on(&self) -> &str {
        let at = self.revoked_at.as_deref().unwrap_or("?");
        at.get(..10).unwrap_or(at)
    }

    /// One phrase for a person: "révoqué le 2026-12-01 (keyCompromise)".
    pub fn describe(&self, lang: Lang) -> String {
        match self.status {
            Status::Revoked => tf(
                lang,
                "revocation.revoked_on",
                &[
                    &self.revoked_on(),
                    &reason_label(lang, self.reason.as_deref().unwrap_or("unspecified")),
                ],
            ),
            Status::Good => t(lang, "revocation.good").to_string(),
            Status::Off => t(lang, "revocation.off").to_string(),
            Status::Unknown => tf(
                lang,
                "revocation.unknown",
                &[&self.detail.as_deref().unwrap_or("-")],
            ),
        }
    }
}

/// A checked answer: revoked (when, why) or not, and its validity window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Verified {
    pub revoked: Option<(SystemTime, Option<String>)>,
    pub this_update: SystemTime,
    pub next_update: Option<SystemTime>,
}

/// Clocks differ a little between the responder and us.
const SKEW: Duration = Duration::from_secs(300);

impl Verified {
    /// Itself when it is in force at `now`.
    fn current(self, now: SystemTime) -> Result<Verified, Fault> {
        if self.this_update > now + SKEW {
            return Err(Fault::NotYetValid(crate::pki::rfc3339(self.this_update)));
        }
        match self.next_update {
            Some(next) if next + SKEW < now => Err(Fault::Stale(crate::pki::rfc3339(next))),
            _ => Ok(self),
        }
    }
}

/// Why an answer proves nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Fault {
    /// Fetching `url` failed (network, HTTP status, size, time).
    Fetch(String, String),
    Unreadable(String),
    /// Not signed by the issuer (nor, for OCSP, by a delegated responder).
    NotSigned,
    /// The responder refused (tryLater, unauthorized…).
    Responder(String),
    /// The responder does not know the certificate.
    NotListed,
    Stale(String),
    NotYetValid(String),
    /// The issuer's certificate is nowhere: nothing can be verified.
    NoIssuer(String),
    /// The certificate names no OCSP responder and no CRL.
    NoPointer,
    /// An `ldap://` distribution point, with `revocation.ldap` false.
    LdapSkipped(String),
}

impl Fault {
    pub fn localize(&self, lang: Lang) -> String {
        match self {
            Fault::Fetch(url, detail) => tf(lang, "revocation.fetch", &[url, detail]),
            Fault::Unreadable(detail) => tf(lang, "revocation.unreadable", &[detail]),
            Fault::NotSigned => t(lang, "revocation.not_signed").to_string(),
            Fault::Responder(status) => tf(lang, "revocation.responder", &[status]),
            Fault::NotListed => t(lang, "revocation.not_listed").to_string(),
            Fault::Stale(at) => tf(lang, "revocation.stale", &[at]),
            Fault::NotYetValid(at) => tf(lang, "revocation.not_yet_valid", &[at]),
            Fault::NoIssuer(issuer) => tf(lang, "revocation.no_issuer", &[issuer]),
            Fault::NoPointer => t(lang, "revocation.no_pointer").to_string(),
            Fault::LdapSkipped(url) => tf(lang, "revocation.ldap_skipped", &[url]),
        }
    }
}

/// The reason codes a revocation may give, by their RFC 5280 names.
pub const REASONS: &[(&str, CrlReason)] = &[
    ("unspecified", CrlReason::Unspecified),
    ("keyCompromise", CrlReason::KeyCompromise),
    ("cACompromise", CrlReason::CaCompromise),
    ("affiliationChanged", CrlReason::AffiliationChanged),
    ("superseded", CrlReason::Superseded),
    ("cessationOfOperation", CrlReason::CessationOfOperation),
    ("certificateHold", CrlReason::CertificateHold),
    ("privilegeWithdrawn", CrlReason::PrivilegeWithdrawn),
    ("aACompromise", CrlReason::AaCompromise),
];

/// The reason code named `name` (RFC 5280 spelling, any case).
pub fn reason_of(name: &str) -> Option<CrlReason> {
    REASONS
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, r)| *r)
}

/// A reason for a person: its RFC 5280 name, glossed in French.
pub fn reason_label(lang: Lang, name: &str) -> String {
    const IDS: &[(&str, &str)] = &[
        ("unspecified", "revocation.reason.unspecified"),
        ("keyCompromise", "revocation.reason.keyCompromise"),
        ("cACompromise", "revocation.reason.cACompromise"),
        ("affiliationChanged", "revocation.reason.affiliationChanged"),
        ("superseded", "revocation.reason.superseded"),
        (
            "cessationOfOperation",
            "revocation.reason.cessationOfOperation",
        ),
        ("certificateHold", "revocation.reason.certificateHold"),
        ("removeFromCRL", "revocation.reason.removeFromCRL"),
        ("privilegeWithdrawn", "revocation.reason.privilegeWithdrawn"),
        ("aACompromise", "revocation.reason.aACompromise"),
    ];
    IDS.iter()
        .find(|(n, _)| *n == name)
        .map(|(_, id)| t(lang, id).to_string())
        .unwrap_or_else(|| crate::sanitize::line(name).into_owned())
}

/// RFC 5280's name of a reason code, as `openssl` prints it.
pub fn reason_name(reason: CrlReason) -> String {
    match reason {
        CrlReason::Unspecified => "unspecified",
        CrlReason::KeyCompromise => "keyCompromise",
        CrlReason::CaCompromise => "cACompromise",
        CrlReason::AffiliationChanged => "affiliationChanged",
        CrlReason::Superseded => "superseded",
        CrlReason::CessationOfOperation => "cessationOfOperation",
        CrlReason::CertificateHold => "certificateHold",
        CrlReason::RemoveFromCRL => "removeFromCRL",
        CrlReason::PrivilegeWithdrawn => "privilegeWithdrawn",
        CrlReason::AaCompromise => "aACompromise",
    }
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::UNIX_EPOCH;

    #[test]
    fn an_answer_counts_only_between_its_updates() {
        let now = UNIX_EPOCH + Duration::from_secs(2_000_000_000);
        let hour = Duration::from_secs(3600);
        let answer = |this: SystemTime, next: Option<SystemTime>| Verified {
            revoked: None,
            this_update: this,
            next_update: next,
        };
        assert!(answer(now - hour, Some(now + hour)).current(now).is_ok());
        assert!(answer(now - hour, None).current(now).is_ok());
        // A few minutes of clock skew are forgiven, not more.
        assert!(answer(now + SKEW / 2, Some(now + hour))
            .current(now)
            .is_ok());
        assert!(matches!(
            answer(now + hour, None).current(now),
            Err(Fault::NotYetValid(_))
        ));
        assert!(matches!(
            answer(now - 2 * hour, Some(now - hour)).current(now),
            Err(Fault::Stale(_))
        ));
        let stale = Fault::Stale("2033-05-18T02:33:20Z".into());
        assert!(stale
            .localize(Lang::Fr)
            .starts_with("réponse de révocation périmée"));
    }

    #[test]
    fn reasons_read_and_say() {
        assert_eq!(reason_of("KEYCOMPROMISE"), Some(CrlReason::KeyCompromise));
        assert_eq!(reason_of("lost"), None);
        assert_eq!(
            reason_name(CrlReason::CessationOfOperation),
            "cessationOfOperation"
        );
        assert_eq!(
            reason_label(Lang::Fr, "superseded"),
            "remplacé (superseded)"
        );
        assert_eq!(reason_label(Lang::En, "superseded"), "superseded");
        assert_eq!(reason_label(Lang::En, "odd\u{1b}[31m"), "odd[31m");
    }
}
