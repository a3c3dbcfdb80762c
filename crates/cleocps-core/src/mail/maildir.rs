//! Reading a local Maildir: `new/` and `cur/`, never moving a file (so a
//! mail client still sees its mail as new).

use super::MailError;
use std::path::Path;

/// Every message of the Maildir, raw, in file-name order (delivery time first).
pub fn fetch_all(dir: &Path) -> Result<Vec<Vec<u8>>, MailError> {
    let err = |e: std::io::Error| MailError::Maildir {
        path: dir.to_path_buf(),
        detail: e.to_string(),
    };
    if !dir.join("new").is_dir() && !dir.join("cur").is_dir() {
        return Err(err(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            "no new/ or cur/",
        )));
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
    files
        .into_iter()
        .map(|(_, p)| std::fs::read(&p).map_err(err))
        .collect()
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
}
