//! `keys password` (DESIGN §9a): change, add or remove the password of a
//! request's key. The key itself never changes (the CSR, the request sent
//! and the certificate stay valid); only its PEM encoding does, written in
//! one atomic step.

use super::{now, Notice};
use crate::error::{Error, Result};
use crate::pki;
use crate::request::{Action, Request};
use crate::secret::Secret;
use crate::workspace::{RequestFile, Workspace};

/// What the change did, for the journal and the fronts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyPasswordChange {
    Changed,
    Added,
    Removed,
    /// The key had none and still has none: nothing written.
    Unchanged,
}

/// Re-encodes the key of `path` under `new` (`None`: clear PKCS#8). `old`
/// opens it when it is encrypted. A wrong `old` changes nothing.
pub fn change_key_password(
    ws: &Workspace,
    path: &str,
    old: Option<&Secret>,
    new: Option<&Secret>,
) -> Result<(Request, KeyPasswordChange, Vec<Notice>)> {
    // PBKDF2 is the slow part: done without the lock, then written only if
    // the key on disk is still the one re-encoded (else done again from it).
    for _ in 0..super::KEY_READ_ATTEMPTS {
        let req = ws.find(path)?;
        req.check(Action::KeyPassword)?;
        // A wizard run under way keeps the key's password for its last step
        // (password.txt): changing it now would break the resume.
        if ws.pending_secrets_path(&req).exists() {
            return Err(Error::WizardHoldsKeyPassword);
        }
        let read = ws.read_file(&req, RequestFile::Key)?;
        let was_encrypted = pki::is_encrypted_key_pem(&String::from_utf8_lossy(&read));
        let key = super::decode_key(&read, old)?;
        let change = match (was_encrypted, new.is_some()) {
            (true, true) => KeyPasswordChange::Changed,
            (false, true) => KeyPasswordChange::Added,
            (true, false) => KeyPasswordChange::Removed,
            (false, false) => KeyPasswordChange::Unchanged,
        };
        let notices = if new.is_none() {
            vec![Notice("notice.clear_key")]
        } else {
            Vec::new()
        };
        if change == KeyPasswordChange::Unchanged {
            return Ok((req, change, notices));
        }
        let pem = pki::encode_key_pem(&key, new)?;
        let _lock = ws.lock()?;
        let mut req = ws.find(path)?;
        req.check(Action::KeyPassword)?;
        if ws.read_file(&req, RequestFile::Key)? != read {
            continue;
        }
        ws.write_file(&req, RequestFile::Key, pem.as_bytes())?;
        req.key_encrypted = Some(new.is_some());
        let outcome = match change {
            KeyPasswordChange::Changed => "password changed",
            KeyPasswordChange::Added => "password added",
            _ => "password removed",
        };
        req.log(Action::KeyPassword, outcome, &now());
        ws.save(&req)?;
        return Ok((req, change, notices));
    }
    Err(Error::KeyKeptChanging)
}
