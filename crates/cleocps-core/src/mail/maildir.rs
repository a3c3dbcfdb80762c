//! Reading a local Maildir: `new/` and `cur/`, never moving a file (so a
//! mail client still sees its mail as new).

use super::wanted::Wanted;
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
        .map(|(_, p)| crate::fsutil::read_input(&p).map_err(|e| err(e.into())))
        .collect()
}

/// Every message of the Maildir in file-name order: whole when its size is
/// at most `max` bytes, else only its header. An unreadable file is skipped
/// with a warning.
pub fn fetch_bounded(dir: &Path, max: u64) -> Result<Vec<RawMail>, MailError> {
    let mut out = Vec::new();
    each_bounded_except(dir, max, &|_| false, &mut |m| {
        out.push(m);
        Ok::<(), MailError>(())
    })?;
    Ok(out)
}

/// The name of a Maildir file without its flags (`1.a:2,S` → `1.a`): it
/// stays the same when a mail client moves it to `cur/` or flags it.
pub fn base_name(name: &str) -> &str {
    name.split(':').next().unwrap_or(name)
}

/// The [`base_name`]s of every message file.
pub fn names(dir: &Path) -> Result<Vec<String>, MailError> {
    Ok(files(dir)?
        .into_iter()
        .map(|(n, _)| base_name(&n.to_string_lossy()).to_string())
        .collect())
}

/// As [`fetch_bounded`], one mail at a time to `each`, leaving out the
/// files whose [`base_name`] is `known`. An error of `each` stops the reading.
pub fn each_bounded_except<E>(
    dir: &Path,
    max: u64,
    known: &dyn Fn(&str) -> bool,
    each: &mut dyn FnMut(RawMail) -> Result<(), E>,
) -> Result<(), E>
where
    E: From<MailError>,
{
    for (name, path) in files(dir)? {
        let name = name.to_string_lossy().into_owned();
        if known(base_name(&name)) {
            continue;
        }
        let read = std::fs::metadata(&path).and_then(|m| {
            let size = m.len();
            let whole = size <= max;
            let bytes = if whole {
                crate::fsutil::read_bounded(&path, max)?
            } else {
                header_of(&path)?
            };
            Ok(RawMail {
                origin: name.clone(),
                size,
                bytes,
                whole,
            })
        });
        match read {
            Ok(mail) => each(mail)?,
            Err(e) => log::warn!("maildir: {} skipped: {e}", path.display()),
        }
    }
    Ok(())
}

/// The header of the mail in `path` (up to its blank line, at most 256 KiB).
fn header_of(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut bytes = read_header(&mut std::fs::File::open(path)?)?;
    bytes.truncate(header_end(&bytes));
    Ok(bytes)
}

/// The most read of a header.
const MAX_HEADER: usize = 256 * 1024;

/// Reads `f` until its header's blank line (a little past it), at most [`MAX_HEADER`].
fn read_header(f: &mut impl Read) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    let mut chunk = [0u8; 8192];
    while bytes.len() < MAX_HEADER {
        let n = f.read(&mut chunk)?;
        if n == 0 {
            break;
        }
        // The blank line may straddle two reads: look a little back.
        let from = bytes.len().saturating_sub(3);
        bytes.extend_from_slice(&chunk[..n]);
        if blank_line(&bytes[from..]).is_some() {
            break;
        }
    }
    Ok(bytes)
}

/// Where the header of `bytes` ends (after its blank line), else its length.
fn header_end(bytes: &[u8]) -> usize {
    blank_line(bytes).unwrap_or(bytes.len())
}

fn blank_line(bytes: &[u8]) -> Option<usize> {
    let crlf = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|i| i + 4);
    let lf = bytes.windows(2).position(|w| w == b"\n\n").map(|i| i + 2);
    match (crlf, lf) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Hands each candidate answer of `wanted` to `keep`, whole; every other
/// message is read only to its blank line. A candidate over `max` bytes and
/// a file that can't be read are skipped with a warning: one bad file never
/// fails the look.
pub fn candidates(
    dir: &Path,
    wanted: &Wanted,
    max: u64,
    keep: &mut dyn FnMut(&[u8]),
) -> Result<(), MailError> {
    for (_, path) in files(dir)? {
        match candidate(&path, wanted, max) {
            Ok(Some(bytes)) => keep(&bytes),
            Ok(None) => {}
            Err(e) => log::warn!("maildir: {} skipped: {e}", path.display()),
        }
    }
    Ok(())
}

/// The whole message in `path` when its header makes it a candidate.
fn candidate(path: &Path, wanted: &Wanted, max: u64) -> std::io::Result<Option<Vec<u8>>> {
    let mut f = std::fs::File::open(path)?;
    let meta = f.metadata()?;
    let mut bytes = read_header(&mut f)?;
    // Delivery time: the file's (as dovecot's INTERNALDATE).
    let arrived = meta
        .modified()
        .ok()
        .map(|t| time::OffsetDateTime::from(t).date());
    if !wanted.header_matches(&bytes[..header_end(&bytes)], arrived) {
        return Ok(None);
    }
    if meta.len() > max {
        log::warn!(
            "maildir: {} skipped: {} bytes, over max_message_bytes ({max})",
            path.display(),
            meta.len()
        );
        return Ok(None);
    }
    f.take(max.saturating_sub(bytes.len() as u64))
        .read_to_end(&mut bytes)?;
    Ok(Some(bytes))
}

/// The message files of `new/` then `cur/`, sorted by name. Anything but a
/// directory is listed: a file that can't be read is said so when read.
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
            let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
            if !name.to_string_lossy().starts_with('.') && !is_dir {
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

    #[test]
    fn only_candidates_are_read_and_a_bad_file_is_skipped() {
        let d = tempfile::tempdir().expect("tmp");
        for s in ["new", "cur"] {
            std::fs::create_dir(d.path().join(s)).expect("mkdir");
        }
        let wanted = Wanted {
            message_ids: vec!["req@x".into()],
            ..Wanted::default()
        };
        let answer = b"In-Reply-To: <req@x>\r\n\r\nREJET: X\r\n".to_vec();
        let big = [answer.as_slice(), &[b'x'; 3000]].concat();
        std::fs::write(d.path().join("new/1.answer"), &answer).expect("w");
        std::fs::write(d.path().join("new/2.big"), &big).expect("w");
        std::fs::write(d.path().join("new/3.other"), b"Subject: hi\n\nbody").expect("w");
        std::os::unix::fs::symlink(d.path().join("gone"), d.path().join("cur/0.dangling"))
            .expect("symlink");
        std::fs::create_dir(d.path().join("cur/9.dir")).expect("dir");
        let mut got = Vec::new();
        candidates(d.path(), &wanted, 1000, &mut |m| got.push(m.to_vec())).expect("look");
        assert_eq!(got, vec![answer]);
    }

    #[test]
    fn a_header_over_many_reads_is_found() {
        let mut text = vec![b'H'; 10_000];
        text.extend_from_slice(b"\r\n\r\nbody");
        let read = read_header(&mut text.as_slice()).expect("read");
        assert_eq!(header_end(&read), 10_004);
    }
}
