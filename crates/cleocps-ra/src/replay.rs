//! Replay refusal: one small file per signed content already decided,
//! `DIR/seen/<sha256>.json`. Recording is a hard link of a complete temp
//! file, so it is atomic and two concurrent servers can't both record (and
//! both accept) the same request.

use cleocps_core::error::{Error, Result};
use cleocps_core::fsutil::{create_private_dir, fsync_dir, PRIVATE_FILE};
use std::fs;
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

/// The `seen/` directory of a registration server.
#[derive(Debug, Clone)]
pub struct SeenStore {
    dir: PathBuf,
}

/// What is kept about a decided request (never a secret nor the CSR).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct SeenEntry {
    pub sha256: String,
    pub holder: String,
    pub time: String,
    pub message_id: Option<String>,
    /// `issued` or the rejection code.
    pub decision: String,
}

impl SeenStore {
    pub fn new(dir: &Path) -> SeenStore {
        SeenStore {
            dir: dir.to_path_buf(),
        }
    }

    fn path(&self, sha256: &str) -> PathBuf {
        self.dir.join(format!("{sha256}.json"))
    }

    /// The earlier decision on this content, if any.
    pub fn get(&self, sha256: &str) -> Option<SeenEntry> {
        let text = fs::read_to_string(self.path(sha256)).ok()?;
        // A damaged entry still proves the content was seen.
        Some(serde_json::from_str(&text).unwrap_or(SeenEntry {
            sha256: sha256.to_string(),
            holder: String::new(),
            time: String::new(),
            message_id: None,
            decision: String::new(),
        }))
    }

    /// Records `entry`; `Ok(false)` when it was already there (a replay that
    /// raced with us).
    pub fn record(&self, entry: &SeenEntry) -> Result<bool> {
        create_private_dir(&self.dir).map_err(|e| Error::io(&self.dir, e))?;
        let json = serde_json::to_vec_pretty(entry).map_err(|e| Error::Corrupt {
            path: self.dir.clone(),
            detail: e.to_string(),
        })?;
        let tmp = self.dir.join(format!(
            ".{}.tmp-{}-{:08x}",
            entry.sha256,
            std::process::id(),
            rand::random::<u32>()
        ));
        let result = (|| {
            let mut f = fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(PRIVATE_FILE)
                .open(&tmp)?;
            f.write_all(&json)?;
            f.sync_all()?;
            match fs::hard_link(&tmp, self.path(&entry.sha256)) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Ok(false),
                Err(e) => return Err(e),
            }
            fsync_dir(&self.dir)?;
            Ok(true)
        })();
        let _ = fs::remove_file(&tmp);
        result.map_err(|e| Error::io(self.path(&entry.sha256), e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_record_is_refused() {
        let dir = tempfile::tempdir().expect("tmp");
        let store = SeenStore::new(&dir.path().join("seen"));
        let e = SeenEntry {
            sha256: "ab".repeat(32),
            holder: "810001234567".into(),
            time: "now".into(),
            message_id: None,
            decision: "issued".into(),
        };
        assert!(store.get(&e.sha256).is_none());
        assert!(store.record(&e).expect("record"));
        assert!(!store.record(&e).expect("record"));
        assert_eq!(store.get(&e.sha256).expect("seen").decision, "issued");
        assert_eq!(
            fs::read_dir(dir.path().join("seen")).expect("ls").count(),
            1,
            "no temp file left"
        );
    }
}
