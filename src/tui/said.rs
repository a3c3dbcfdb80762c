//! The core's errors the interface says its own way: where the command
//! line names a flag (`--trust-anchor FICHIER`) or a configuration key,
//! the interface names the screen where the user fixes it.

use crate::i18n::{tf, Lang};
use cleocps_core::error::Error;
use cleocps_core::pki::PkiError;

/// `e` in the interface's words, when they differ from the command line's.
pub fn in_interface_words(lang: Lang, e: &Error) -> Option<String> {
    match e {
        Error::Pki(PkiError::UntrustedRoot { subject }) => {
            Some(tf(lang, "tui.err.untrusted_root", &[subject]))
        }
        Error::Pki(PkiError::MissingIssuer {
            issuer, subject, ..
        }) => Some(tf(lang, "tui.err.missing_issuer", &[issuer, subject])),
        _ => None,
    }
}
