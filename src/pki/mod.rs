//! All cryptography of cleocps lives here, so a move to newer RustCrypto
//! releases touches one module. No file system, no terminal: bytes in, bytes out.

pub mod cms;
pub mod keys;
mod texts;

pub use keys::{decode_key_pem, encode_key_pem, generate_key, is_encrypted_key_pem, KeySize};
pub use texts::TEXTS;

use crate::i18n::{tf, Lang};

/// What can go wrong in the crypto layer. Shown to users through [`PkiError::localize`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PkiError {
    /// The key file is encrypted and the password is wrong.
    WrongKeyPassword,
    /// The key file is encrypted and no password was given.
    KeyPasswordNeeded,
    /// The key file is not a PKCS#8 RSA key we can read.
    BadKeyFile(String),
    /// RSA or another primitive failed (rare; the detail is technical).
    Crypto(String),

    // --- CMS (pki::cms) ---
    /// The signer (the card) could not sign; its message.
    SignFailed(String),
    /// A CMS message we can't read or that lacks a part; the detail is technical.
    BadCms(String),
    /// The CMS signature or message digest does not verify.
    BadSignature,
    /// The CMS message is not encrypted for this key.
    NotForThisKey,
    /// The certificate does not carry an RSA key.
    NotRsaKey,
}

impl PkiError {
    pub fn localize(&self, lang: Lang) -> String {
        match self {
            PkiError::WrongKeyPassword => tf(lang, "pki.wrong_key_password", &[]),
            PkiError::KeyPasswordNeeded => tf(lang, "pki.key_password_needed", &[]),
            PkiError::BadKeyFile(d) => tf(lang, "pki.bad_key_file", &[d]),
            PkiError::Crypto(d) => tf(lang, "pki.crypto", &[d]),
            PkiError::SignFailed(d) => tf(lang, "pki.sign_failed", &[d]),
            PkiError::BadCms(d) => tf(lang, "pki.bad_cms", &[d]),
            PkiError::BadSignature => tf(lang, "pki.bad_signature", &[]),
            PkiError::NotForThisKey => tf(lang, "pki.not_for_this_key", &[]),
            PkiError::NotRsaKey => tf(lang, "pki.not_rsa_key", &[]),
        }
    }
}

impl std::fmt::Display for PkiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.localize(crate::i18n::current()))
    }
}

impl std::error::Error for PkiError {}

pub type Result<T> = std::result::Result<T, PkiError>;
