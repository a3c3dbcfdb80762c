//! What the user (or a finished job) asks of the TUI, and what `update`
//! asks of the outside world in return.

use cleocps_core::pki::KeySize;
use cleocps_core::request::RequestType;
use cleocps_core::secret::Secret;
use std::path::PathBuf;
use tui_input::InputRequest;

/// The three steps of the original, one tab each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    Init,
    Request,
    Final,
}

impl Step {
    pub const ALL: [Step; 3] = [Step::Init, Step::Request, Step::Final];

    pub fn index(self) -> usize {
        match self {
            Step::Init => 0,
            Step::Request => 1,
            Step::Final => 2,
        }
    }

    pub fn from_index(i: usize) -> Step {
        match i % 3 {
            0 => Step::Init,
            1 => Step::Request,
            _ => Step::Final,
        }
    }
}

pub type JobId = u64;

/// A typed user intent or event. Keys map to these through [`crate::tui::keymap`].
#[derive(Debug, Clone)]
pub enum Action {
    // Moving around.
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    /// A page up or down in a long text (help, CSR, a command's output).
    PageUp,
    PageDown,
    NextStep,
    PrevStep,
    GoStep(Step),
    /// Enter: the step's next sensible action.
    Activate,
    // Tree.
    NewFolder,
    NewRequest,
    RenameFolder,
    Delete,
    // Steps.
    GenerateKeys,
    EditForm,
    /// "Générer la demande": choose the card (default) or the CSR only.
    GenerateRequest,
    GenerateCsr,
    GenerateCard,
    ShowCsr,
    ImportResponse,
    /// Étape 3: "Coller la réponse", the dialog a paste fills.
    PasteAnswer,
    /// Étape 3: record a rejection read outside cleocps (code, then reason).
    RecordRejection,
    ExportPem,
    ExportP12,
    Files,
    Renew,
    /// Étape 3: run the saved deploy profile.
    Deploy,
    /// Étape 2: mail the signed request to the registration server.
    Send,
    /// Étape 3: look for the answer in the mailbox.
    Fetch,
    /// Étape 3: look again and again until the answer comes (Esc stops).
    FetchWait,
    /// In the form: fill it from the card holder's servers in the directory.
    Lookup,
    /// Open the CleoWizard screen.
    Wizard,
    Help,
    /// The command palette (F10 or `:`).
    Palette,
    /// The configuration screen.
    Config,
    /// The configuration screen: write the changes (F2).
    SaveConfig,
    /// The configuration screen: run the focused section's checks (F5).
    TestSection,
    Quit,
    // Modal and form layers.
    Cancel,
    Submit,
    NextField,
    PrevField,
    Edit(InputRequest),
    /// Tab in a path input.
    Complete,
    /// The loop's answer to [`Effect::Complete`].
    Completed(Option<String>),
    /// Copy the CSR to the SSH client's clipboard (OSC 52).
    Copy,
    /// Open a shell in the request's directory.
    Shell,
    // Events.
    /// Text pasted into the terminal (bracketed paste): never keystrokes.
    Paste(String),
    Resize(u16, u16),
    Tick,
    Job(JobId, JobOutcome),
}

/// What `update` asks the loop to do.
#[derive(Debug)]
pub enum Effect {
    Job(JobId, Job),
    Quit,
    /// Put this text on the clipboard of the terminal (OSC 52).
    Copy(String),
    /// Suspend the TUI and run a shell in this directory.
    Shell(PathBuf),
    /// Complete this partial path (reads the disk, so not in `update`).
    Complete(String),
    /// The configuration was saved: the next jobs use it.
    UseConfig(Box<cleocps_core::config::Config>),
}

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

/// The certificate as Étape 3 shows it (already formatted by `jobs`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertView {
    pub subject: String,
    pub issuer: String,
    pub serial: String,
    pub not_before: String,
    pub not_after: String,
    pub san: Vec<String>,
    pub fingerprint: String,
    /// The chain's subjects, the leaf's issuer first, up to the trust anchor.
    pub chain: Vec<String>,
    /// The request's files as they were when the certificate was read (a
    /// tall terminal lists them under the buttons).
    pub files: Vec<FileEntry>,
}

/// A file of "Accéder aux fichiers", read off the UI thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileEntry {
    pub path: PathBuf,
    /// Bytes.
    pub size: u64,
    /// `st_mode` (type and permission bits); 0 when unknown.
    pub mode: u32,
}

/// Something a finished job brings to show.
#[derive(Debug, Clone)]
pub enum Shown {
    Csr {
        path: String,
        pem: String,
    },
    Certificate {
        path: String,
        cert: CertView,
    },
    Files {
        dir: PathBuf,
        files: Vec<FileEntry>,
    },
    /// A report worth a modal (import warnings, exported files).
    Report {
        title: &'static str,
        text: String,
    },
    /// A deploy's outcome with its commands' output (sanitised lines).
    Output(crate::tui::modal::OutputModal),
    /// The card answered the probe: next, the PIN modal (or a refusal).
    Card(Box<CardProbe>),
    /// The key password was wrong: ask it again, then run `retry` with it.
    WrongKeyPassword {
        retry: Box<Job>,
    },
    /// The card refused the PIN (one try used): read it again and ask anew.
    WrongPin {
        path: String,
        key_password: Option<Secret>,
    },
    /// An export found this file already there: ask, then `retry` with force.
    Exists {
        file: PathBuf,
        retry: Box<Job>,
    },
    /// The card holder's servers from the directory, for the form of `path`.
    Servers {
        path: String,
        holder: String,
        servers: Vec<cleocps_core::directory::ServerEntry>,
    },
    /// What a wizard job brings.
    Wizard(Box<super::wizard::WizardShown>),
    /// What "Tester" found for a section of the configuration screen.
    ConfigTested {
        part: crate::tui::config_screen::Part,
        outcome: crate::tui::config_screen::Outcome,
    },
    /// The configuration as saved.
    ConfigSaved(Box<cleocps_core::config::Config>),
}

/// What a card probe read, for the PIN modal and the status line.
#[derive(Debug, Clone)]
pub struct CardProbe {
    pub path: String,
    pub info: cleocps_core::card::TokenInfo,
    /// "810001234567 JEAN DUPONT".
    pub holder: String,
    /// Reached through `card share` + `ssh -R` (p11-kit's client module).
    pub forwarded: bool,
    pub key_password: Option<Secret>,
    /// The previous PIN was wrong: the modal says so above the tries left.
    pub wrong_pin: bool,
    /// The form's name, when the directory doesn't list it for this holder.
    pub unlisted: Option<String>,
}

/// A finished job's result.
#[derive(Debug, Clone)]
pub enum JobOutcome {
    Done(Box<Done>),
    /// A waiting job's progress (seconds to the next look, seconds left);
    /// the job goes on.
    Progress {
        next_check: u64,
        left: u64,
    },
    /// The error, localized, saying what to do.
    Failed(String),
}

#[derive(Debug, Clone, Default)]
pub struct Done {
    /// The whole tree again, after a change on disk.
    pub tree: Option<crate::tui::app::TreeRead>,
    /// What to select after the change: "FOLDER" or "FOLDER/NAME".
    pub select: Option<String>,
    /// One line for the status bar.
    pub message: Option<String>,
    pub shown: Option<Shown>,
}
