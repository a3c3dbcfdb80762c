//! A certificate in a few printable fields (for `status`, JSON output, logs).

use const_oid::db::{rfc4519, rfc5280};
use der::{Decode, Encode};
use sha2::{Digest, Sha256};
use std::time::SystemTime;
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::ext::pkix::SubjectAltName;
use x509_cert::name::Name;
use x509_cert::Certificate;

/// A certificate in a few printable fields (for `status`, JSON output, logs).
#[derive(Debug, Clone, serde::Serialize)]
pub struct CertSummary {
    /// Subject, RFC 4514 (`CN=…,O=…,C=FR`).
    pub subject: String,
    /// Issuer, RFC 4514.
    pub issuer: String,
    /// Serial number, uppercase hex.
    pub serial: String,
    /// Start of validity, RFC 3339 UTC.
    pub not_before: String,
    /// End of validity, RFC 3339 UTC.
    pub not_after: String,
    /// subjectAltName entries as `DNS:x`, `email:y`.
    pub san: Vec<String>,
    /// SHA-256 of the DER, `AA:BB:…`.
    pub sha256_fingerprint: String,
}

/// When the certificate stops being valid.
pub fn not_after(cert: &Certificate) -> SystemTime {
    cert.tbs_certificate.validity.not_after.to_system_time()
}

/// The subject's first common name (the FQDN or e-mail), if any.
pub fn common_name(cert: &Certificate) -> Option<String> {
    common_names(&cert.tbs_certificate.subject)
        .into_iter()
        .next()
}

/// Every common name of `name`, in order.
pub(super) fn common_names(name: &Name) -> Vec<String> {
    name.0
        .iter()
        .flat_map(|rdn| rdn.0.iter())
        .filter(|atv| atv.oid == rfc4519::CN)
        .filter_map(|atv| {
            let any = atv.value.clone();
            any.decode_as::<String>()
                .ok()
                .or_else(|| std::str::from_utf8(any.value()).ok().map(str::to_string))
        })
        .collect()
}

/// The printable summary of `cert`.
pub fn summarize(cert: &Certificate) -> CertSummary {
    let tbs = &cert.tbs_certificate;
    let fingerprint = cert
        .to_der()
        .map(|der| colon_hex(&Sha256::digest(der)))
        .unwrap_or_default();
    let mut san = Vec::new();
    for name in san_names(cert).unwrap_or_default() {
        match name {
            GeneralName::DnsName(d) => san.push(format!("DNS:{}", d.as_str())),
            GeneralName::Rfc822Name(e) => san.push(format!("email:{}", e.as_str())),
            _ => {}
        }
    }
    CertSummary {
        subject: tbs.subject.to_string(),
        issuer: tbs.issuer.to_string(),
        serial: hex::encode_upper(tbs.serial_number.as_bytes()),
        not_before: rfc3339(tbs.validity.not_before.to_system_time()),
        not_after: rfc3339(not_after(cert)),
        san,
        sha256_fingerprint: fingerprint,
    }
}

pub fn rfc3339(t: SystemTime) -> String {
    time::OffsetDateTime::from(t)
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_else(|_| format!("{t:?}"))
}

pub(super) fn colon_hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(":")
}

pub(super) fn san_names(cert: &Certificate) -> Option<Vec<GeneralName>> {
    let ext = cert
        .tbs_certificate
        .extensions
        .iter()
        .flatten()
        .find(|e| e.extn_id == rfc5280::ID_CE_SUBJECT_ALT_NAME)?;
    SubjectAltName::from_der(ext.extn_value.as_bytes())
        .ok()
        .map(|s| s.0)
}
