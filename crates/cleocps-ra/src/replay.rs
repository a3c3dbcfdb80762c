//! Replay refusal: one small file per signed content already decided,
//! `DIR/seen/<sha256>.json`, holding the decision *and its answer*, so a
//! crash or a failed send after the decision never turns it into a replay:
//! the same mail gets the stored answer again. Recording stages the whole
//! file with `write_atomic`, then hard-links it to its name: atomic, and two
//! concurrent servers can't both record (and both accept) the same request.

use cleocps_core::error::{Error, Result};
use cleocps_core::fsutil::{create_private_dir, fsync_dir, write_atomic, PRIVATE_FILE};
use std::fs;
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
    /// The answer (the `smime.p7c` DER or the rejection text), base64.
    #[serde(default)]
    pub answer: Option<String>,
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
            answer: None,
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
        let path = self.path(&entry.sha256);
        let staged = self.dir.join(format!(
            ".{}.tmp-{}-{:08x}",
            entry.sha256,
            std::process::id(),
            rand::random::<u32>()
        ));
        let result =
            write_atomic(&staged, &json, PRIVATE_FILE).and_then(|()| {
                match fs::hard_link(&staged, &path) {
                    Ok(()) => fsync_dir(&self.dir).map(|()| true),
                    Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
                    Err(e) => Err(e),
                }
            });
        let _ = fs::remove_file(&staged);
        result.map_err(|e| Error::io(&path, e))
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
            answer: Some("Y2VydA==".into()),
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
