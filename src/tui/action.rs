//! What the user (or a finished job) asks of the TUI, and what `update`
//! asks of the outside world in return.

use cleocps_core::secret::Secret;
use std::path::PathBuf;
use tui_input::InputRequest;

pub use super::job::{FormValues, Job};

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
    /// Étape 3: the platform's `.p12` (it made the key) into the request.
    ImportPlatformP12,
    /// In the form: the next name the type offers (INSi's) in the name field.
    OfferedName,
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
    /// The completion job's answer: the path completed, if anything matched.
    Completed(Option<String>),
    /// Copy the CSR to the SSH client's clipboard (OSC 52).
    Copy,
    /// Open a shell in the request's directory.
    Shell,
    /// Check the certificates' revocation now.
    CheckRevocation,
    // Events.
    /// Text pasted into the terminal (bracketed paste): never keystrokes.
    Paste(String),
    Resize(u16, u16),
    Tick,
    /// An hour went by with nothing to do: the days left move on, so the
    /// tree is read again (drawn only where it changed).
    Refresh,
    Job(JobId, JobOutcome),
}

/// What `update` asks the loop to do.
#[derive(Debug)]
pub enum Effect {
    Job(JobId, Job),
    /// Tell this job to stop: a wait ends at its next look (the card's, the
    /// mailbox's). `update` already knows it asked (`App::stopped`).
    Cancel(JobId),
    /// Leave; every running job is told to stop first (a waiting wizard
    /// run stays resumable).
    Quit,
    /// Put this text on the clipboard of the terminal (OSC 52).
    Copy(String),
    /// Suspend the TUI and run a shell in this directory.
    Shell(PathBuf),
    /// The configuration was saved: the next jobs use it.
    UseConfig(Box<cleocps_core::config::Config>),
    /// Several of the above, in order.
    Many(Vec<Effect>),
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
    /// The files an export wrote, and the core's notice about them.
    Exported {
        files: Vec<PathBuf>,
        notice: Option<cleocps_core::procedure::Notice>,
    },
    /// The card signed and encrypted the request.
    Signed(Box<cleocps_core::procedure::CardRequestReport>),
    /// The certificate was imported, with what to look at.
    ImportWarnings(Vec<String>),
    /// A deploy's outcome: what it did, or the check or reload that failed
    /// (then undone).
    Deployed {
        path: String,
        outcome: Result<Box<cleocps_core::deploy::DeployReport>, cleocps_core::deploy::DeployError>,
    },
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
    Wizard(Box<cleocps_core::wizard::Found>),
    /// What "Tester" found for a section of the configuration screen.
    ConfigTested {
        part: crate::tui::config_screen::Part,
        outcome: crate::tui::config_screen::Outcome,
    },
    /// The configuration as saved.
    ConfigSaved(Box<cleocps_core::config::Config>),
    /// A path input's completion (`None`: nothing matched).
    Completed(Option<String>),
    /// The revocation status of the certificates checked; `asked`: by the
    /// user, who is told the outcome.
    Revocation {
        facts: Vec<RevocationFact>,
        asked: bool,
    },
}

/// One certificate's revocation status, as the check found it.
#[derive(Debug, Clone)]
pub struct RevocationFact {
    /// "FOLDER/NAME".
    pub path: String,
    /// The serial checked: a certificate replaced meanwhile keeps its own.
    pub serial: String,
    pub revocation: cleocps_core::revocation::Revocation,
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
    /// What failed; `update` says it, and what to do.
    Failed(crate::tui::job::Failure),
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
