//! The CleoWizard screen's state: the core's run (its step and what it has
//! gathered, the order both fronts follow) and what only the screen has.
//! Secrets never live here: the PIN stays in its modal, then in the job;
//! the random passwords are made and kept by the core.
//!
//! Steps, as the original's wizard: type → card + directory (job) →
//! server (list, or typed in the degraded mode) → key password yes/no →
//! PIN (modal) → prepare + sign + send (job) → wait (job, cancellable) →
//! files, or the rejection.

use cleocps_core::request::RequestType;
use cleocps_core::secret::Secret;
use cleocps_core::wizard::{Given, Route, Run, Start};
use tui_input::Input;

/// The wizard's steps: the core's, which the CLI walks too.
pub use cleocps_core::wizard::Step as WizStep;

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

/// The platform road's step line: type, subject, key, request,
/// certificate, files.
pub const PLATFORM_STEP_IDS: [&str; 6] = [
    "tui.wiz.s.type",
    "tui.wpf.s.subject",
    "tui.wiz.s.key",
    "tui.wpf.s.request",
    "tui.wpf.s.certificate",
    "tui.wiz.s.files",
];

/// The screen: the core's run, and what only the screen has (the line
/// selected in a list, the name being typed).
#[derive(Debug, Clone)]
pub struct Wizard {
    pub run: Run,
    /// The line selected at a list step (resume, type, server, key password).
    pub sel: usize,
    /// The name typed at [`WizStep::Typed`] (or the certificate's file at
    /// [`WizStep::Certificate`]), and why it was refused.
    pub input: Input,
    pub name_error: Option<String>,
}

impl Wizard {
    pub fn new() -> Wizard {
        Wizard::on(Route::Card)
    }

    /// A screen whose run takes this road.
    pub fn on(route: Route) -> Wizard {
        Wizard {
            run: Run::on(route),
            sel: 0,
            input: Input::default(),
            name_error: None,
        }
    }
}

impl Default for Wizard {
    fn default() -> Self {
        Wizard::new()
    }
}

/// The wizard's work off the UI thread: the core's [`Next`] steps, with
/// what the screen adds (the stop flags, the PIN).
///
/// [`Next`]: cleocps_core::wizard::Next
#[derive(Debug, Clone)]
pub enum WizardJob {
    /// Is there a run to resume?
    Resumable,
    /// Card (no PIN; polled while absent, until cancelled) and the
    /// holder's servers in the directory.
    Probe { kind: RequestType },
    /// Prepare (a new run), sign if needed, send. `pin` is one try.
    Send { start: Start, pin: Option<Secret> },
    /// Wait for the answer (until cancelled), then write the files.
    Finish { path: String },
    /// Platform: the request, its key and CSR (or the CSR of a resumed run).
    Csr { start: Start },
    /// Platform: the certificate pasted or its file, imported; then the files.
    Import { path: String, given: Given },
}
