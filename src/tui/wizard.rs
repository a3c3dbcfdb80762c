//! The CleoWizard screen's state: which step it is on and what it has
//! gathered. Secrets never live here: the PIN stays in its modal, then in
//! the job; the random passwords are made and kept by the core.
//!
//! Steps, as the original's wizard: type → card + directory (job) →
//! server (list, or typed in the degraded mode) → key password yes/no →
//! PIN (modal) → prepare + sign + send (job) → wait (job, stop flag) →
//! files, or the rejection.

use cleocps_core::card::TokenInfo;
use cleocps_core::directory::{Lookup, ServerEntry};
use cleocps_core::request::{RequestType, State};
use cleocps_core::secret::Secret;
use cleocps_core::wizard::{FinalFiles, Target};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use tui_input::Input;

#[derive(Debug, Clone)]
pub enum WizStep {
    /// Looking for a run to resume (job).
    Opening,
    /// A run stopped while under way: resume it (0) or start anew (1).
    Resume {
        path: String,
        state: State,
        sel: usize,
    },
    /// SSL (0) or S/MIME (1).
    Type {
        sel: usize,
    },
    /// Card and directory (job).
    Looking,
    /// The holder's servers; the last line is "another one (typed)".
    Server {
        entries: Vec<ServerEntry>,
        sel: usize,
    },
    /// The name typed by hand; `degraded` is why the directory could not help.
    Typed {
        input: Input,
        degraded: Option<String>,
        error: Option<String>,
    },
    /// Protect the key with a random password (0) or not (1).
    KeyPassword {
        sel: usize,
    },
    /// The PIN modal is (or was) open over the wizard.
    Pin,
    /// Prepare, sign, send (job).
    Sending,
    /// Waiting for the answer (job); the progress as the job reports it.
    Waiting {
        path: String,
        next_check: Option<u64>,
        left: Option<u64>,
    },
    /// No answer within the wait: the run stays resumable.
    Stopped {
        path: String,
    },
    Done {
        files: FinalFiles,
    },
    Rejected {
        path: String,
        code: String,
        reason: String,
    },
    /// A job failed; the text says what to do.
    Failed {
        text: String,
    },
}

impl WizStep {
    /// Index in the step line at the top of the screen.
    pub fn index(&self) -> usize {
        match self {
            WizStep::Opening | WizStep::Resume { .. } | WizStep::Type { .. } => 0,
            WizStep::Looking | WizStep::Server { .. } | WizStep::Typed { .. } => 1,
            WizStep::KeyPassword { .. } => 2,
            WizStep::Pin => 3,
            WizStep::Sending => 4,
            WizStep::Waiting { .. } | WizStep::Stopped { .. } | WizStep::Rejected { .. } => 5,
            WizStep::Done { .. } => 6,
            WizStep::Failed { .. } => 4,
        }
    }
}

/// The step line's labels, in order.
pub const STEP_IDS: [&str; 7] = [
    "tui.wiz.s.type",
    "tui.wiz.s.server",
    "tui.wiz.s.key",
    "tui.wiz.s.card",
    "tui.wiz.s.send",
    "tui.wiz.s.answer",
    "tui.wiz.s.files",
];

#[derive(Debug, Clone)]
pub struct Wizard {
    pub kind: RequestType,
    pub step: WizStep,
    /// "810001234567 JEAN DUPONT", once the card was read.
    pub holder: Option<String>,
    /// The card as the probe read it: the PIN modal's bounds and warning.
    pub card: Option<TokenInfo>,
    pub target: Option<Target>,
    pub key_password: bool,
    /// The request of a resumed run.
    pub resume: Option<String>,
    /// Set to stop the waiting job (Esc, quit).
    pub stop: Option<Arc<AtomicBool>>,
}

impl Wizard {
    pub fn new() -> Wizard {
        Wizard {
            kind: RequestType::Ssl,
            step: WizStep::Opening,
            holder: None,
            card: None,
            target: None,
            key_password: true,
            resume: None,
            stop: None,
        }
    }

    /// Stops the waiting job, if any (it ends at its next look).
    pub fn stop_waiting(&mut self) {
        if let Some(flag) = self.stop.take() {
            flag.store(true, Ordering::Relaxed);
        }
    }
}

impl Default for Wizard {
    fn default() -> Self {
        Wizard::new()
    }
}

/// The wizard's work off the UI thread.
#[derive(Debug, Clone)]
pub enum WizardJob {
    /// Is there a run to resume?
    Resumable,
    /// Card (no PIN; polled while absent, until `stop`) and the holder's
    /// servers in the directory.
    Probe {
        kind: RequestType,
        stop: Arc<AtomicBool>,
    },
    /// New run: prepare (request, form, key) then sign and send; resumed
    /// run (`resume`): sign if needed, then send. `pin` is one try.
    Send {
        target: Option<Target>,
        key_password: bool,
        resume: Option<String>,
        pin: Option<Secret>,
    },
    /// Wait for the answer (until `stop`), then write the files.
    Finish { path: String, stop: Arc<AtomicBool> },
}

/// What a wizard job brings back.
#[derive(Debug, Clone)]
pub enum WizardShown {
    Resumable(Option<(String, State)>),
    Probed {
        info: TokenInfo,
        holder: String,
        lookup: Result<Lookup, String>,
    },
    Sent {
        path: String,
    },
    Done {
        files: FinalFiles,
    },
    Rejected {
        path: String,
        code: String,
        reason: String,
    },
    /// The wait ended (time, or stopped) without an answer.
    NotYet {
        path: String,
    },
}
