//! What a certificate is made for (DESIGN §2a): the key usage and extended
//! key usage a request's type needs, the check that refuses a certificate
//! made for something else, and the reading of a certificate's own usage
//! (so `request adopt` can tell the type without being told).

use super::path::extension;
use super::{PkiError, Result};
use const_oid::db::rfc5280;
use const_oid::ObjectIdentifier;
use x509_cert::ext::pkix::{ExtendedKeyUsage, KeyUsage, KeyUsages};
use x509_cert::Certificate;

/// The usage a request's certificate must allow; the platform's usages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Usage {
    /// A TLS server (SSL_SERV): EKU `serverAuth`.
    ServerAuth,
    /// Mail protection (S/MIME): EKU `emailProtection`.
    EmailProtection,
    /// A client authenticating to a service (AUTH_CLI): EKU `clientAuth`.
    ClientAuth,
    /// Signature (SIGN): KU `digitalSignature` or `nonRepudiation`.
    Signature,
    /// Encryption (CONF): KU `keyEncipherment` or `dataEncipherment`.
    Encipherment,
}

const SIGN_BITS: [KeyUsages; 2] = [KeyUsages::DigitalSignature, KeyUsages::NonRepudiation];
const CONF_BITS: [KeyUsages; 2] = [KeyUsages::KeyEncipherment, KeyUsages::DataEncipherment];

impl Usage {
    /// The platform's name of the usage.
    pub fn platform_name(self) -> &'static str {
        match self {
            Usage::ServerAuth => "SSL_SERV",
            Usage::EmailProtection => "S/MIME",
            Usage::ClientAuth => "AUTH_CLI",
            Usage::Signature => "SIGN",
            Usage::Encipherment => "CONF",
        }
    }

    /// What the certificate must allow, as the extensions name it.
    pub fn requirement(self) -> &'static str {
        match self {
            Usage::ServerAuth => "EKU serverAuth",
            Usage::EmailProtection => "EKU emailProtection",
            Usage::ClientAuth => "EKU clientAuth",
            Usage::Signature => "KU digitalSignature / nonRepudiation",
            Usage::Encipherment => "KU keyEncipherment / dataEncipherment",
        }
    }

    /// The extended key usage this usage needs, when it is one.
    fn eku(self) -> Option<ObjectIdentifier> {
        match self {
            Usage::ServerAuth => Some(rfc5280::ID_KP_SERVER_AUTH),
            Usage::EmailProtection => Some(rfc5280::ID_KP_EMAIL_PROTECTION),
            Usage::ClientAuth => Some(rfc5280::ID_KP_CLIENT_AUTH),
            Usage::Signature | Usage::Encipherment => None,
        }
    }

    /// The key usage bits of which one is needed, when the usage is a KU one.
    fn ku(self) -> Option<[KeyUsages; 2]> {
        match self {
            Usage::Signature => Some(SIGN_BITS),
            Usage::Encipherment => Some(CONF_BITS),
            _ => None,
        }
    }

    /// The key usage and extended key usage a request for this usage asks
    /// for in its CSR (the CA decides; the platform's profiles agree).
    pub fn requested(self) -> (Vec<KeyUsages>, Option<ObjectIdentifier>) {
        match self {
            Usage::ServerAuth => (
                vec![KeyUsages::DigitalSignature, KeyUsages::KeyEncipherment],
                self.eku(),
            ),
            Usage::EmailProtection => (
                vec![KeyUsages::DigitalSignature, KeyUsages::KeyEncipherment],
                self.eku(),
            ),
            Usage::ClientAuth => (vec![KeyUsages::DigitalSignature], self.eku()),
            Usage::Signature => (SIGN_BITS.to_vec(), None),
            Usage::Encipherment => (vec![KeyUsages::KeyEncipherment], None),
        }
    }
}

/// A certificate's usage extensions, read once.
struct Extensions {
    ku: Option<KeyUsage>,
    eku: Option<ExtendedKeyUsage>,
}

fn extensions(cert: &Certificate) -> Result<Extensions> {
    Ok(Extensions {
        ku: extension(cert, rfc5280::ID_CE_KEY_USAGE)?,
        eku: extension(cert, rfc5280::ID_CE_EXT_KEY_USAGE)?,
    })
}

/// The leaf must allow `usage`: its EKU, when present, holds the usage's
/// purpose (or anyExtendedKeyUsage); its KU, when present, one of the
/// usage's bits. An absent extension is no contradiction (RFC 5280 §4.2.1.12).
/// `request` is the platform's name of the request's type, for the message.
pub fn check_usage(leaf: &Certificate, usage: Usage, request: &'static str) -> Result<()> {
    let ext = extensions(leaf)?;
    let eku_fits = match (usage.eku(), &ext.eku) {
        (Some(wanted), Some(eku)) => eku
            .0
            .iter()
            .any(|o| *o == wanted || *o == rfc5280::ANY_EXTENDED_KEY_USAGE),
        _ => true,
    };
    let ku_fits = match (usage.ku(), &ext.ku) {
        (Some(bits), Some(ku)) => bits.iter().any(|b| ku.0.contains(*b)),
        _ => true,
    };
    if eku_fits && ku_fits {
        return Ok(());
    }
    Err(PkiError::WrongUsage {
        made_for: infer(&ext),
        found: describe(&ext),
        needed: usage,
        request,
    })
}

/// What `cert` is made for, read from its EKU, then its KU; `None` when
/// they say nothing that tells the usages apart.
pub fn infer_usage(cert: &Certificate) -> Result<Option<Usage>> {
    Ok(infer(&extensions(cert)?))
}

fn infer(ext: &Extensions) -> Option<Usage> {
    let has = |oid| ext.eku.as_ref().is_some_and(|e| e.0.contains(&oid));
    for usage in [Usage::ServerAuth, Usage::EmailProtection, Usage::ClientAuth] {
        if usage.eku().is_some_and(has) {
            return Some(usage);
        }
    }
    let ku = ext.ku.as_ref()?;
    let sign = SIGN_BITS.iter().any(|b| ku.0.contains(*b));
    let conf = CONF_BITS.iter().any(|b| ku.0.contains(*b));
    match (sign, conf) {
        (true, false) => Some(Usage::Signature),
        (false, true) => Some(Usage::Encipherment),
        _ => None,
    }
}

/// The certificate's usage extensions as a short text: "EKU clientAuth; KU digitalSignature".
fn describe(ext: &Extensions) -> String {
    let mut parts = Vec::new();
    if let Some(eku) = &ext.eku {
        let names: Vec<String> = eku
            .0
            .iter()
            .map(|oid| {
                const_oid::db::DB
                    .by_oid(oid)
                    .map(|n| n.trim_start_matches("id-kp-").to_string())
                    .unwrap_or_else(|| oid.to_string())
            })
            .collect();
        parts.push(format!("EKU {}", names.join(", ")));
    }
    if let Some(ku) = &ext.ku {
        let names: Vec<String> = ku.0.into_iter().map(ku_name).map(str::to_string).collect();
        parts.push(format!("KU {}", names.join(", ")));
    }
    parts.join("; ")
}

fn ku_name(bit: KeyUsages) -> &'static str {
    match bit {
        KeyUsages::DigitalSignature => "digitalSignature",
        KeyUsages::NonRepudiation => "nonRepudiation",
        KeyUsages::KeyEncipherment => "keyEncipherment",
        KeyUsages::DataEncipherment => "dataEncipherment",
        KeyUsages::KeyAgreement => "keyAgreement",
        KeyUsages::KeyCertSign => "keyCertSign",
        KeyUsages::CRLSign => "cRLSign",
        KeyUsages::EncipherOnly => "encipherOnly",
        KeyUsages::DecipherOnly => "decipherOnly",
    }
}

#[cfg(test)]
mod tests;
