//! The slow or disk-touching work `update` asks for, run off the UI thread
//! by [`super::jobs`], and the form's values one of them carries.

use cleocps_core::pki::KeySize;
use cleocps_core::request::RequestType;
use cleocps_core::secret::Secret;
use std::path::PathBuf;

/// The form's values as typed, trimmed; turned into the core's edit by
/// [`form::to_edit`](super::form::to_edit).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FormValues {
    pub cn: String,
    pub san: Vec<String>,
    pub o: String,
    pub ou: String,
    pub st: String,
    pub l: String,
    pub c: String,
}

/// Slow or disk-touching work, run off the UI thread by `jobs`.
#[derive(Debug, Clone)]
pub enum Job {
    Reload,
    CreateFolder {
        name: Option<String>,
    },
    RenameFolder {
        old: String,
        new: String,
    },
    DeleteFolder {
        name: String,
        force: bool,
    },
    CreateRequest {
        folder: String,
        name: Option<String>,
        kind: RequestType,
    },
    DeleteRequest {
        path: String,
        force: bool,
    },
    GenerateKeys {
        path: String,
        size: KeySize,
        password: Option<Secret>,
        replace: bool,
    },
    EditForm {
        path: String,
        values: FormValues,
    },
    GenerateCsr {
        path: String,
        key_password: Option<Secret>,
    },
    ShowCsr {
        path: String,
    },
    Certificate {
        path: String,
    },
    ImportResponse {
        path: String,
        file: PathBuf,
    },
    /// The answer pasted into "Coller la réponse" (PEM or base64).
    ImportPasted {
        path: String,
        text: String,
    },
    RecordRejection {
        path: String,
        code: String,
        reason: String,
    },
    ExportPem {
        path: String,
        dir: PathBuf,
        /// The files' base name (the request's when `None`).
        name: Option<String>,
        key_password: Option<Secret>,
        /// Write the key without a password (`notice.clear_key`).
        clear: bool,
        /// Overwrite: only after the user said yes to the overwrite question.
        force: bool,
    },
    ExportP12 {
        path: String,
        file: PathBuf,
        p12_password: Secret,
        key_password: Option<Secret>,
        legacy: bool,
        force: bool,
    },
    /// Opens the card (waiting for it while absent, reporting the time
    /// left as progress) and reads its flags and holder (no PIN): what the PIN
    /// modal shows. Also checks the registration certificate, so nobody
    /// types a PIN for a request that can't be encrypted.
    ProbeCard {
        path: String,
        /// Carried through to the PIN modal (asked before the probe).
        key_password: Option<Secret>,
        /// Set (Esc) to stop waiting for an absent card.
        stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
        /// Read again after a wrong PIN: the PIN modal says so.
        wrong_pin: bool,
    },
    /// One PIN try on the card: sign, encrypt, write the `.p7m`.
    Sign {
        path: String,
        key_password: Option<Secret>,
        pin: Secret,
    },
    Renew {
        path: String,
    },
    /// Étape 3: the saved deploy profile, run as `cleocps deploy` runs it.
    Deploy {
        path: String,
        key_password: Option<Secret>,
    },
    Files {
        path: String,
    },
    /// Étape 2: mail the `.p7m`.
    SendMail {
        path: String,
    },
    /// Étape 3: one look in the mailbox for this request's answer.
    FetchReply {
        path: String,
    },
    /// Étape 3: `FetchReply` until the answer comes or `stop` is set.
    FetchWait {
        path: String,
        stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    },
    /// Card → holder → directory, to fill the form of `path`.
    Lookup {
        path: String,
    },
    /// The files of a directory (the wizard's results).
    ListDir {
        dir: PathBuf,
    },
    /// The wizard's jobs (see `jobs::wizard`).
    Wizard(Box<super::wizard::WizardJob>),
    /// The configuration screen's "Tester": the section's `doctor` checks
    /// on the file's configuration with the screen's changes (unsaved).
    TestConfig {
        path: Option<PathBuf>,
        pairs: Vec<(String, String)>,
        part: crate::tui::config_screen::Part,
    },
    /// The configuration screen's changes written into the file
    /// (validated as a whole, atomically, mode 0600).
    SaveConfig {
        path: PathBuf,
        pairs: Vec<(String, String)>,
    },
}

impl Job {
    /// Whether a wrong key password can be asked again for this job.
    pub fn takes_key_password(&self) -> bool {
        matches!(
            self,
            Job::GenerateCsr { .. }
                | Job::ExportPem { .. }
                | Job::ExportP12 { .. }
                | Job::Deploy { .. }
        )
    }

    /// The same job with this key password (typed again after a wrong one).
    pub fn with_key_password(mut self, password: Secret) -> Job {
        if let Job::GenerateCsr { key_password, .. }
        | Job::ExportPem { key_password, .. }
        | Job::ExportP12 { key_password, .. }
        | Job::Deploy { key_password, .. } = &mut self
        {
            *key_password = Some(password);
        }
        self
    }

    /// The request this job works on: a second job on it is refused.
    pub fn request(&self) -> Option<&str> {
        match self {
            Job::GenerateKeys { path, .. }
            | Job::EditForm { path, .. }
            | Job::GenerateCsr { path, .. }
            | Job::ImportResponse { path, .. }
            | Job::ImportPasted { path, .. }
            | Job::RecordRejection { path, .. }
            | Job::ExportPem { path, .. }
            | Job::ExportP12 { path, .. }
            | Job::ProbeCard { path, .. }
            | Job::Sign { path, .. }
            | Job::DeleteRequest { path, .. }
            | Job::SendMail { path }
            | Job::FetchReply { path }
            | Job::FetchWait { path, .. }
            | Job::Renew { path }
            | Job::Deploy { path, .. } => Some(path),
            _ => None,
        }
    }
}
