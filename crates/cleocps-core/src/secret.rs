//! Secrets (PINs, passwords) in memory: wiped on drop, never printed.

use crate::fsutil::ReadError;
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
    /// first line is an error. Only a regular file or a pipe, and only its
    /// first [`MAX_SECRET_LINE`] bytes are ever read.
    pub fn from_file(path: &Path) -> Result<Secret, SecretFileError> {
        let path_buf = || path.to_path_buf();
        let first = crate::fsutil::read_first_line(path, MAX_SECRET_LINE).map_err(|e| match e {
            ReadError::Io(e) => SecretFileError::Unreadable {
                path: path_buf(),
                reason: e.to_string(),
            },
            ReadError::NotAFile => SecretFileError::NotAFile { path: path_buf() },
            ReadError::TooLarge(_) => SecretFileError::TooLong { path: path_buf() },
        })?;
        let text = std::str::from_utf8(&first)
            .map_err(|_| SecretFileError::NotUtf8 { path: path_buf() })?;
        if text.is_empty() {
            return Err(SecretFileError::Empty { path: path_buf() });
        }
        Ok(Secret::new(text))
    }
}

/// The longest first line a password or PIN file may have.
pub const MAX_SECRET_LINE: u64 = 4096;

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
    /// A FIFO, device or directory: reading it could block or never end.
    NotAFile {
        path: std::path::PathBuf,
    },
    /// A first line over [`MAX_SECRET_LINE`] bytes.
    TooLong {
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
            SecretFileError::NotAFile { path } => tf(lang, "err.not_a_file", &[&path.display()]),
            SecretFileError::TooLong { path } => tf(
                lang,
                "err.secret_file.too_long",
                &[&path.display(), &MAX_SECRET_LINE],
            ),
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

    #[test]
    fn only_a_bounded_first_line_of_a_regular_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("pw");
        std::fs::write(&p, format!("{}\r\nrest", "a".repeat(4096))).expect("write");
        assert_eq!(Secret::from_file(&p).expect("read").expose().len(), 4096);
        std::fs::write(&p, "a".repeat(4097)).expect("write");
        assert!(matches!(
            Secret::from_file(&p),
            Err(SecretFileError::TooLong { .. })
        ));
        assert!(matches!(
            Secret::from_file(Path::new("/dev/zero")),
            Err(SecretFileError::NotAFile { .. })
        ));
        // A FIFO is refused at once, never waited on (no writer here).
        let fifo = dir.path().join("fifo");
        assert!(std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo")
            .success());
        assert!(matches!(
            Secret::from_file(&fifo),
            Err(SecretFileError::NotAFile { .. })
        ));
        assert!(matches!(
            Secret::from_file(dir.path()),
            Err(SecretFileError::NotAFile { .. })
        ));
    }
}
