//! What the mail loop keeps in the server's directory, beside `seen/`:
//!
//! ```text
//! DIR/handled/<key>.json   a mail done with: answered, or skipped with why; never read again
//! DIR/pending/<key>.json   a decided mail whose answer has not left yet: the answer mail
//!                          itself, sent again each round until it leaves
//! DIR/mailbox.json         where the loop got to in its mailbox (IMAP UIDVALIDITY and last
//!                          UID, or the Maildir names handled): a round reads only newer mail
//! ```
//! `<key>` is the SHA-256 of the mail as stored in the mailbox. Each file is
//! written whole with `write_atomic`; an answer is queued in `pending/`
//! before it is sent, and its mail moves to `handled/` once sent.

use cleocps_core::error::{Error, Result};
use cleocps_core::fsutil::{create_private_dir, write_atomic, PRIVATE_FILE};
use cleocps_core::mail::Cursor;
use std::path::{Path, PathBuf};

/// Where a mail stands after a round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Decided, and the answer sent.
    Answered,
    /// Decided; the answer waits in `pending/` for a later round.
    Queued,
    /// Never answered: why is in the outcome (recorded in `handled/`).
    Skipped,
    /// Not decided yet (the directory could not answer): next round.
    Retry,
}

/// What one mail became this round.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Handled {
    /// The mail's Message-ID (without `<>`), else `sha256:<hash of the mail>`.
    pub message_id: String,
    /// Where it is in the mailbox (`UID <n>`, a Maildir file name).
    pub origin: String,
    /// Whom the answer goes to, as the mail writes it (Reply-To, else From).
    pub from: Option<String>,
    pub status: Status,
    /// `issued <serial> for <names>`, `rejected:<CODE>`, or why not.
    pub outcome: String,
}

/// `DIR/handled/<key>.json`.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct Record {
    pub message_id: String,
    /// Where the mail was (`UID <n>`, a Maildir file name).
    pub origin: String,
    /// The address the answer went (or would have gone) to, as written.
    pub from: Option<String>,
    pub subject: Option<String>,
    pub status: Status,
    /// What was decided (`issued …`, `rejected:<CODE>`) or why it was skipped.
    pub outcome: String,
    pub time: String,
}

/// `DIR/pending/<key>.json`.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct Pending {
    pub message_id: String,
    pub origin: String,
    pub from: Option<String>,
    pub subject: Option<String>,
    /// The decision (`issued …`, `rejected:<CODE>`).
    pub outcome: String,
    /// The answer mail, base64, exactly as it is sent (same Message-ID every try).
    pub mail: String,
    pub envelope_from: String,
    pub envelope_to: Vec<String>,
    pub decided: String,
    pub attempts: u32,
    pub last_error: Option<String>,
}

impl Record {
    pub(crate) fn handled(&self) -> Handled {
        Handled {
            message_id: self.message_id.clone(),
            origin: self.origin.clone(),
            from: self.from.clone(),
            status: self.status,
            outcome: self.outcome.clone(),
        }
    }
}

impl Pending {
    /// Its mail, done with `status` and `outcome`.
    pub(crate) fn record(&self, status: Status, outcome: String) -> Record {
        Record {
            message_id: self.message_id.clone(),
            origin: self.origin.clone(),
            from: self.from.clone(),
            subject: self.subject.clone(),
            status,
            outcome,
            time: now(),
        }
    }
}

pub(crate) fn now() -> String {
    cleocps_core::card::rfc3339(std::time::SystemTime::now())
}

/// The two record directories of a server, and its mailbox cursor.
pub(crate) struct Records {
    handled: PathBuf,
    pending: PathBuf,
    cursor: PathBuf,
}

fn file(dir: &Path, key: &str) -> PathBuf {
    dir.join(format!("{key}.json"))
}

fn write_json<T: serde::Serialize>(dir: &Path, key: &str, value: &T) -> Result<()> {
    create_private_dir(dir).map_err(|e| Error::io(dir, e))?;
    let path = file(dir, key);
    let json = serde_json::to_vec_pretty(value).map_err(|e| Error::Corrupt {
        path: path.clone(),
        detail: e.to_string(),
    })?;
    write_atomic(&path, &json, PRIVATE_FILE).map_err(|e| Error::io(&path, e))
}

fn remove(path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(Error::io(path, e)),
        _ => Ok(()),
    }
}

impl Records {
    pub(crate) fn new(ra_dir: &Path) -> Records {
        Records {
            handled: ra_dir.join("handled"),
            pending: ra_dir.join("pending"),
            cursor: ra_dir.join("mailbox.json"),
        }
    }

    /// Where the last round got to; none (the whole mailbox is read) when
    /// missing or unreadable, which only costs one full look.
    pub(crate) fn cursor(&self) -> Cursor {
        match std::fs::read(&self.cursor) {
            Ok(b) => serde_json::from_slice(&b).unwrap_or_else(|e| {
                log::warn!(
                    "ra: {} unreadable ({e}): reading all mail once",
                    self.cursor.display()
                );
                Cursor::default()
            }),
            Err(_) => Cursor::default(),
        }
    }

    pub(crate) fn save_cursor(&self, cursor: &Cursor) -> Result<()> {
        let json = serde_json::to_vec_pretty(cursor).map_err(|e| Error::Corrupt {
            path: self.cursor.clone(),
            detail: e.to_string(),
        })?;
        write_atomic(&self.cursor, &json, PRIVATE_FILE).map_err(|e| Error::io(&self.cursor, e))
    }

    /// True when the mail `key` is done with or its answer is queued.
    pub(crate) fn known(&self, key: &str) -> bool {
        self.is_handled(key) || file(&self.pending, key).exists()
    }

    pub(crate) fn is_handled(&self, key: &str) -> bool {
        file(&self.handled, key).exists()
    }

    /// The mail `key` is done with: recorded, its queued answer (if any) dropped.
    pub(crate) fn finish(&self, key: &str, record: &Record) -> Result<()> {
        write_json(&self.handled, key, record)?;
        remove(&file(&self.pending, key))
    }

    /// Queues (or updates) the answer of the mail `key`.
    pub(crate) fn queue(&self, key: &str, pending: &Pending) -> Result<()> {
        write_json(&self.pending, key, pending)
    }

    /// Drops a queued answer whose mail is already done with (a crash came
    /// between the two writes of [`Records::finish`]).
    pub(crate) fn drop_pending(&self, key: &str) -> Result<()> {
        remove(&file(&self.pending, key))
    }

    /// The queued answers, oldest decision first. A file that can't be read
    /// is left in place with a warning (it is never half-written).
    pub(crate) fn pending(&self) -> Vec<(String, Pending)> {
        let Ok(entries) = std::fs::read_dir(&self.pending) else {
            return Vec::new();
        };
        let mut out: Vec<(String, Pending)> = entries
            .flatten()
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                if name.starts_with('.') {
                    return None; // a temp file of write_atomic
                }
                let key = name.strip_suffix(".json")?;
                let read = std::fs::read(e.path())
                    .map_err(|e| e.to_string())
                    .and_then(|b| serde_json::from_slice(&b).map_err(|e| e.to_string()));
                match read {
                    Ok(p) => Some((key.to_string(), p)),
                    Err(err) => {
                        log::warn!("ra: {} unreadable, left: {err}", e.path().display());
                        None
                    }
                }
            })
            .collect();
        out.sort_by(|a, b| a.1.decided.cmp(&b.1.decided).then(a.0.cmp(&b.0)));
        out
    }
}
