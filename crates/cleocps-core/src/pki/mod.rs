//! All cryptography of cleocps lives here, so a move to newer RustCrypto
//! releases touches one module. No file system, no terminal: bytes in, bytes out.

pub mod answer;
pub mod ber;
mod certs;
pub mod cms;
pub mod csr;
pub mod der_limits;
pub mod keys;
pub mod p12;
pub mod p12_read;
mod path;
mod pem;
mod summary;
#[cfg(test)]
pub(crate) mod test_support;
mod truststore;
mod usage;
mod verify;

pub use answer::{select_answer, Answer, AnswerWarning, Expected};
pub use certs::{
    cert_from_pem_or_der, cert_pem, certificate_has_key, certs_pem, parse_certificates,
};
pub use csr::{
    build_csr, csr_from_pem, csr_pem, csr_public_key_der, public_key_der, CsrSpec, SanEntry,
};
pub use keys::{
    decode_key_pem, encode_key_pem, generate_key, is_encrypted_key_pem, KeySize, PBKDF2_ITERATIONS,
};
pub use p12::{build_p12, P12Profile};
pub use p12_read::{read_p12, P12Contents};
pub use path::{ca_issuers, same_name, TrustStore};
pub(crate) use pem::blocks as pem_blocks;
pub use summary::{common_name, not_after, rfc3339, summarize, CertSummary};
pub use truststore::{build_truststore, certs_only_p7c};
pub use usage::{check_usage, infer_usage, Usage};
pub use verify::{issued_by, signature_verifies};

use crate::i18n::{tf, Lang};

/// What can go wrong in the crypto layer. Shown to users through [`PkiError::localize`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PkiError {
    /// The key file is encrypted and the password is wrong.
    WrongKeyPassword,
    /// The key file is encrypted and no password was given.
    KeyPasswordNeeded,
    /// The key file is not a PKCS#8 RSA key we can read.
    BadKeyFile(String),
    /// RSA or another primitive failed (rare; the detail is technical).
    Crypto(String),
    /// The request has no common name.
    EmptyCommonName,
    /// A subject or SAN value can't be encoded (C not two letters, non-ASCII DNS name…).
    BadSubjectField { field: String, value: String },
    /// The file is not a PKCS#10 request.
    BadCsr(String),
    /// The answer file is empty.
    EmptyAnswer,
    /// The answer file is neither certificates nor a PKCS#7.
    NotCertificates,
    /// The answer file is cut short (incomplete download or copy).
    Truncated,
    /// The answer is well formed but holds no certificate.
    NoCertificate,
    /// No certificate of the answer carries our public key.
    CertificateForAnotherKey,
    /// The issued certificate has expired.
    LeafExpired { not_after: String },
    /// The issued certificate is not valid yet.
    LeafNotYetValid { not_before: String },
    /// A signature of the chain does not verify.
    BadSignature { subject: String },
    /// A certificate is signed with an algorithm we don't check (not RSA PKCS#1 v1.5).
    UnsupportedSignature { subject: String, algorithm: String },

    // --- Path validation (pki::path) ---
    /// The issuer of `subject` is nowhere to be found; `ca_issuers`: its AIA URLs.
    MissingIssuer {
        issuer: String,
        subject: String,
        ca_issuers: Vec<String>,
    },
    /// The chain ends at a root that is not a trust anchor.
    UntrustedRoot { subject: String },
    /// The issuer of `subject` is already lower in the chain: it loops and
    /// never reaches an anchor.
    ChainLoop { subject: String, issuer: String },
    /// An issuer without basicConstraints CA (or keyCertSign, or beyond its path length).
    NotCa { subject: String },
    /// An issuer outside its validity period.
    IssuerNotValid {
        subject: String,
        not_before: String,
        not_after: String,
    },
    /// The leaf's extended key usage excludes the request's type.
    WrongUsage {
        /// What the certificate is made for, when its extensions say.
        made_for: Option<Usage>,
        /// Its usage extensions, as text.
        found: String,
        needed: Usage,
        /// The platform's name of the request's type.
        request: &'static str,
    },

    // --- CMS (pki::cms) ---
    /// The signer (the card) could not sign; its message.
    SignFailed(String),
    /// A CMS message we can't read or that lacks a part; the detail is technical.
    BadCms(String),
    /// The CMS signature or message digest does not verify.
    CmsBadSignature,
    /// The CMS message is not encrypted for this key.
    NotForThisKey,
    /// The certificate does not carry an RSA key.
    NotRsaKey,

    // --- PKCS#12 read (pki::p12_read) ---
    /// The MAC does not verify: the password is wrong (or the file altered).
    P12WrongPassword,
    /// A PKCS#12 layout or algorithm we don't read; the detail names it.
    P12Unsupported(String),
    /// Not a PKCS#12 file, or a damaged one; the detail is technical.
    BadP12(String),
    /// The file holds certificates but no private key.
    P12NoKey,
}

impl PkiError {
    /// The message in `lang`: what is wrong and what to do.
    pub fn localize(&self, lang: Lang) -> String {
        match self {
            PkiError::WrongKeyPassword => tf(lang, "pki.wrong_key_password", &[]),
            PkiError::KeyPasswordNeeded => tf(lang, "pki.key_password_needed", &[]),
            PkiError::BadKeyFile(d) => tf(lang, "pki.bad_key_file", &[d]),
            PkiError::Crypto(d) => tf(lang, "pki.crypto", &[d]),
            PkiError::EmptyCommonName => tf(lang, "pki.empty_cn", &[]),
            PkiError::BadSubjectField { field, value } => {
                tf(lang, "pki.bad_subject_field", &[field, value])
            }
            PkiError::BadCsr(d) => tf(lang, "pki.bad_csr", &[d]),
            PkiError::EmptyAnswer => tf(lang, "pki.empty_answer", &[]),
            PkiError::NotCertificates => tf(lang, "pki.not_certificates", &[]),
            PkiError::Truncated => tf(lang, "pki.truncated", &[]),
            PkiError::NoCertificate => tf(lang, "pki.no_certificate", &[]),
            PkiError::CertificateForAnotherKey => tf(lang, "pki.another_key", &[]),
            PkiError::LeafExpired { not_after } => tf(lang, "pki.leaf_expired", &[not_after]),
            PkiError::LeafNotYetValid { not_before } => {
                tf(lang, "pki.leaf_not_yet_valid", &[not_before])
            }
            PkiError::BadSignature { subject } => tf(lang, "pki.bad_signature", &[subject]),
            PkiError::UnsupportedSignature { subject, algorithm } => {
                tf(lang, "pki.unsupported_signature", &[subject, algorithm])
            }
            PkiError::MissingIssuer {
                issuer, subject, ..
            } => tf(lang, "pki.missing_issuer", &[issuer, subject]),
            PkiError::UntrustedRoot { subject } => tf(lang, "pki.untrusted_root", &[subject]),
            PkiError::ChainLoop { subject, issuer } => {
                tf(lang, "pki.chain_loop", &[subject, issuer])
            }
            PkiError::NotCa { subject } => tf(lang, "pki.not_ca", &[subject]),
            PkiError::IssuerNotValid {
                subject,
                not_before,
                not_after,
            } => tf(
                lang,
                "pki.issuer_not_valid",
                &[subject, not_before, not_after],
            ),
            PkiError::WrongUsage {
                made_for,
                found,
                needed,
                request,
            } => match made_for {
                Some(usage) => tf(
                    lang,
                    "pki.wrong_usage",
                    &[
                        &usage.platform_name(),
                        found,
                        request,
                        &needed.requirement(),
                    ],
                ),
                None => tf(
                    lang,
                    "pki.wrong_usage_unknown",
                    &[found, request, &needed.requirement()],
                ),
            },
            PkiError::SignFailed(d) => tf(lang, "pki.sign_failed", &[d]),
            PkiError::BadCms(d) => tf(lang, "pki.bad_cms", &[d]),
            PkiError::CmsBadSignature => tf(lang, "pki.cms_bad_signature", &[]),
            PkiError::NotForThisKey => tf(lang, "pki.not_for_this_key", &[]),
            PkiError::NotRsaKey => tf(lang, "pki.not_rsa_key", &[]),
            PkiError::P12WrongPassword => tf(lang, "pki.p12_wrong_password", &[]),
            PkiError::P12Unsupported(d) => tf(lang, "pki.p12_unsupported", &[d]),
            PkiError::BadP12(d) => tf(lang, "pki.bad_p12", &[d]),
            PkiError::P12NoKey => tf(lang, "pki.p12_no_key", &[]),
        }
    }
}

crate::display_localized!(PkiError);

pub type Result<T> = std::result::Result<T, PkiError>;
