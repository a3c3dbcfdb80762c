//! Secrets (PINs, passwords) in memory: wiped on drop, never printed.

use std::fmt;
use std::path::Path;
use zeroize::Zeroizing;

/// A PIN or password. `Debug` and `Display` print `***`, so a secret can't
/// reach a log or a message by accident.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(Zeroizing<String>);

impl Secret {
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(Zeroizing::new(value.into()))
    }

    /// The secret itself, for the one place that needs it (KDF, card login).
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Reads a password/PIN file (DESIGN §3): the first line is the secret,
    /// its LF or CRLF ending removed, inner and trailing spaces kept; an empty
    /// first line is an error.
    pub fn from_file(path: &Path) -> Result<Secret, SecretFileError> {
        let raw = Zeroizing::new(
            std::fs::read(path).map_err(|e| SecretFileError::Unreadable {
                path: path.to_path_buf(),
                reason: e.to_string(),
            })?,
        );
        let text = std::str::from_utf8(&raw).map_err(|_| SecretFileError::NotUtf8 {
            path: path.to_path_buf(),
        })?;
        let first = text.split('\n').next().unwrap_or("");
        let first = first.strip_suffix('\r').unwrap_or(first);
        if first.is_empty() {
            return Err(SecretFileError::Empty {
                path: path.to_path_buf(),
            });
        }
        Ok(Secret::new(first))
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SecretFileError {
    Unreadable {
        path: std::path::PathBuf,
        reason: String,
    },
    NotUtf8 {
        path: std::path::PathBuf,
    },
    Empty {
        path: std::path::PathBuf,
    },
}

impl SecretFileError {
    pub fn localize(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::tf;
        match self {
            SecretFileError::Empty { path } => {
                tf(lang, "err.secret_file.empty", &[&path.display()])
            }
            SecretFileError::NotUtf8 { path } => {
                tf(lang, "err.secret_file.utf8", &[&path.display()])
            }
            SecretFileError::Unreadable { path, reason } => tf(
                lang,
                "err.secret_file.unreadable",
                &[&path.display(), reason],
            ),
        }
    }
}

crate::display_localized!(SecretFileError);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_and_display_hide_the_value() {
        let s = Secret::new("1234");
        assert_eq!(format!("{s:?} {s}"), "*** ***");
    }

    #[test]
    fn file_first_line_without_ending_spaces_kept() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("pw");
        std::fs::write(&p, "a b \r\nsecond\n").expect("write");
        assert_eq!(Secret::from_file(&p).expect("read").expose(), "a b ");
        std::fs::write(&p, "\nsecond\n").expect("write");
        assert!(matches!(
            Secret::from_file(&p),
            Err(SecretFileError::Empty { .. })
        ));
        std::fs::write(&p, "nolf").expect("write");
        assert_eq!(Secret::from_file(&p).expect("read").expose(), "nolf");
    }
}
