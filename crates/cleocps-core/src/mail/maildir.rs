//! Reading a local Maildir: `new/` and `cur/`, never moving a file (so a
//! mail client still sees its mail as new).

use super::{MailError, RawMail};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Every message of the Maildir, raw, in file-name order (delivery time first).
pub fn fetch_all(dir: &Path) -> Result<Vec<Vec<u8>>, MailError> {
    let err = |e: std::io::Error| MailError::Maildir {
        path: dir.to_path_buf(),
        detail: e.to_string(),
    };
    files(dir)?
        .into_iter()
        .map(|(_, p)| std::fs::read(&p).map_err(err))
        .collect()
}

/// Every message of the Maildir in file-name order: whole when its size is
/// at most `max` bytes, else only its header. An unreadable file is skipped
/// with a warning.
pub fn fetch_bounded(dir: &Path, max: u64) -> Result<Vec<RawMail>, MailError> {
    let mut out = Vec::new();
    for (name, path) in files(dir)? {
        let read = std::fs::metadata(&path).and_then(|m| {
            let size = m.len();
            let whole = size <= max;
            let bytes = if whole {
                std::fs::read(&path)?
            } else {
                header_of(&path)?
            };
            Ok(RawMail {
                origin: name.to_string_lossy().into_owned(),
                size,
                bytes,
                whole,
            })
        });
        match read {
            Ok(mail) => out.push(mail),
            Err(e) => log::warn!("maildir: {} skipped: {e}", path.display()),
        }
    }
    Ok(out)
}

/// The header of the mail in `path` (up to its blank line, at most 256 KiB).
fn header_of(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(256 * 1024)
        .read_to_end(&mut bytes)?;
    let end = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|i| i + 4)
        .or_else(|| bytes.windows(2).position(|w| w == b"\n\n").map(|i| i + 2));
    bytes.truncate(end.unwrap_or(bytes.len()));
    Ok(bytes)
}

/// The message files of `new/` then `cur/`, sorted by name.
fn files(dir: &Path) -> Result<Vec<(std::ffi::OsString, PathBuf)>, MailError> {
    if !dir.join("new").is_dir() && !dir.join("cur").is_dir() {
        return Err(MailError::Maildir {
            path: dir.to_path_buf(),
            detail: std::io::Error::new(std::io::ErrorKind::NotFound, "no new/ or cur/")
                .to_string(),
        });
    }
    let mut files = Vec::new();
    for sub in ["new", "cur"] {
        let d = dir.join(sub);
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let name = e.file_name();
            if !name.to_string_lossy().starts_with('.') && e.path().is_file() {
                files.push((name, e.path()));
            }
        }
    }
    files.sort();
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_new_and_cur_without_moving() {
        let d = tempfile::tempdir().expect("tmp");
        for s in ["new", "cur", "tmp"] {
            std::fs::create_dir(d.path().join(s)).expect("mkdir");
        }
        std::fs::write(d.path().join("new/2.b"), b"B").expect("w");
        std::fs::write(d.path().join("cur/1.a:2,S"), b"A").expect("w");
        std::fs::write(d.path().join("tmp/0.x"), b"X").expect("w");
        let got = fetch_all(d.path()).expect("read");
        assert_eq!(got, vec![b"A".to_vec(), b"B".to_vec()]);
        assert!(d.path().join("new/2.b").exists());
        assert!(fetch_all(&d.path().join("nope")).is_err());
    }

    #[test]
    fn over_the_limit_only_the_header_is_read() {
        let d = tempfile::tempdir().expect("tmp");
        std::fs::create_dir(d.path().join("new")).expect("mkdir");
        let big = [
            b"Message-ID: <b@x>\r\nSubject: b\r\n\r\n".as_slice(),
            &[b'x'; 5000],
        ]
        .concat();
        std::fs::write(d.path().join("new/1"), &big).expect("w");
        std::fs::write(d.path().join("new/2"), b"Subject: a\n\nbody").expect("w");
        let got = fetch_bounded(d.path(), 1000).expect("read");
        assert_eq!(got.len(), 2);
        assert!(!got[0].whole);
        assert_eq!(got[0].size, big.len() as u64);
        assert_eq!(got[0].bytes, b"Message-ID: <b@x>\r\nSubject: b\r\n\r\n");
        assert_eq!(got[0].origin, "1");
        assert!(got[1].whole);
        assert_eq!(got[1].bytes, b"Subject: a\n\nbody");
    }
}
