//! What can go wrong with the card, each in words that say what to do.

use crate::i18n::{tf, Lang};
use crate::pki::PkiError;
use std::path::PathBuf;

/// Everything that can go wrong with the card; each text says what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CardError {
    /// No PKCS#11 module at any of these paths.
    NoModule {
        tried: Vec<PathBuf>,
    },
    /// The file exists but is not a PKCS#11 library (or fails to start).
    ModuleNotLoadable {
        module: PathBuf,
        reason: String,
    },
    /// No card in the reader (no initialised token).
    NoToken {
        module: PathBuf,
    },
    /// `--token-label` names no present token.
    TokenNotFound {
        label: String,
        available: Vec<String>,
    },
    /// The card was pulled out during the operation.
    CardRemoved,
    /// Several tokens and no `--token-label`.
    SeveralTokens {
        labels: Vec<String>,
    },
    NoSignatureKey {
        token: String,
    },
    NoCertificate {
        token: String,
    },
    CertificateExpired {
        not_after: String,
    },
    /// The key that signed does not match the certificate read before.
    KeyCertificateMismatch,
    WrongPin,
    PinLocked,
    PinLength {
        min: usize,
        max: usize,
    },
    /// Nothing was typed.
    PinEmpty,
    /// Non-interactive run, one try left, no `--allow-last-pin-try`.
    FinalTryRefused,
    /// The soft token file can't be read or written.
    SoftToken {
        path: PathBuf,
        reason: String,
    },
    /// `card share` could not export the card.
    Share {
        detail: String,
    },
    /// `card share` on a system p11-kit does not run on.
    ShareUnsupported,
    /// The forwarded card's socket is there but nobody answers (ssh ended).
    ForwardingDead {
        socket: PathBuf,
    },
    /// Another PKCS#11 failure (function and return code).
    Pkcs11(String),
    Pki(PkiError),
}

impl CardError {
    pub fn localize(&self, lang: Lang) -> String {
        let paths = |v: &[PathBuf]| {
            v.iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        };
        match self {
            CardError::NoModule { tried } => tf(lang, "card.no_module", &[&paths(tried)]),
            CardError::ModuleNotLoadable { module, reason } => tf(
                lang,
                "card.module_not_loadable",
                &[&module.display(), reason],
            ),
            CardError::NoToken { module } => tf(lang, "card.no_token", &[&module.display()]),
            CardError::TokenNotFound { label, available } => tf(
                lang,
                "card.token_not_found",
                &[label, &available.join(", ")],
            ),
            CardError::CardRemoved => tf(lang, "card.removed", &[]),
            CardError::SeveralTokens { labels } => {
                tf(lang, "card.several_tokens", &[&labels.join(", ")])
            }
            CardError::NoSignatureKey { token } => tf(lang, "card.no_signature_key", &[token]),
            CardError::NoCertificate { token } => tf(lang, "card.no_certificate", &[token]),
            CardError::CertificateExpired { not_after } => {
                tf(lang, "card.certificate_expired", &[not_after])
            }
            CardError::KeyCertificateMismatch => tf(lang, "card.key_certificate_mismatch", &[]),
            CardError::WrongPin => tf(lang, "card.wrong_pin", &[]),
            CardError::PinLocked => tf(lang, "card.pin_locked", &[]),
            CardError::PinLength { min, max } => tf(lang, "card.pin_length", &[min, max]),
            CardError::FinalTryRefused => tf(lang, "card.final_try_refused", &[]),
            CardError::PinEmpty => tf(lang, "card.pin_empty", &[]),
            CardError::SoftToken { path, reason } => {
                tf(lang, "card.soft_token", &[&path.display(), reason])
            }
            CardError::Pkcs11(d) => tf(lang, "card.pkcs11", &[d]),
            CardError::Share { detail } => tf(lang, "card.share_failed", &[detail]),
            CardError::ShareUnsupported => tf(lang, "card.share_unsupported", &[]),
            CardError::ForwardingDead { socket } => {
                tf(lang, "card.forwarding_dead", &[&socket.display()])
            }
            CardError::Pki(e) => e.localize(lang),
        }
    }
}

crate::display_localized!(CardError);

impl From<PkiError> for CardError {
    fn from(e: PkiError) -> Self {
        CardError::Pki(e)
    }
}
