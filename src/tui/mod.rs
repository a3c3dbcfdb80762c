//! The full-screen terminal front (ratatui + crossterm).
//!
//! Shape (STYLE.md): keys become typed [`Action`]s through one keymap table
//! ([`keymap`]); [`update`](fn@update) is pure and returns an [`Effect`];
//! effects that touch the disk, the card or the network run as typed
//! [`Job`]s on worker threads ([`jobs`], the only folder that calls such
//! core procedures) and report back over one channel; drawing ([`view`]) is
//! a pure function of [`App`]. Running jobs are told apart by their
//! [`JobKind`], never by text.
//!
//! ```text
//! tui/
//!   action.rs    the vocabulary: Action, Effect and what jobs bring back
//!   job.rs       Job and the Work trait: a job's kind, request, key password,
//!                retry and run, asked of the job itself
//!   job_kind.rs  JobKind: what a running job is, matched on by update and views
//!   app.rs       the state (App); the parts it holds:
//!   form.rs        the Étape 2 form and its inline check
//!   modal/         the dialogs, one struct per dialog (Modal says which is open)
//!   wizard.rs      the CleoWizard screen: the core's run (wizard::Run), the
//!                  line selected, the name typed; the wizard's jobs
//!   config_screen/ the configuration screen's fields, focus and results
//!   tree.rs        the tree's rows and selection
//!   steps.rs       what each step tab offers, and why not
//!   keymap.rs    keys → Action, one table (also the footer and the help)
//!   update/      update(&mut App, Action) -> Option<Effect>: pure
//!   jobs/        the jobs, one type each, and their worker threads: the only I/O
//!   view/        draw(&App): one file per screen part and per dialog
//!   event.rs     the loop's one event type and its sources
//!   term.rs      terminal setup and restore, the loop, terminal effects
//!   theme.rs     styles, with and without colour
//!   (its texts are in crate::texts, below every module that says them)
//!   sample/      fixed example states for snapshots, screenshots and tests
//!                (feature `samples`: not in the shipped program)
//! ```

pub mod action;
pub mod app;
pub mod config_screen;
pub mod event;
pub mod form;
pub mod job;
pub mod job_kind;
pub mod jobs;
pub mod keymap;
pub mod modal;
pub mod said;
#[cfg(feature = "samples")]
pub mod sample;
pub mod steps;
pub mod term;
pub mod theme;
pub mod tree;
pub mod update;
pub mod view;
pub mod wizard;

#[cfg(test)]
mod snapshot_tests;

pub use action::{Action, Effect, Job, JobId, JobOutcome};
pub use app::App;
pub use job_kind::{JobKind, WizardJobKind};
pub use update::update;

use crate::i18n::Lang;
use cleocps_core::workspace::Workspace;

/// What the TUI needs besides the workspace: the configuration (subject
/// defaults, key size, registration certificate…) and how to reach the card.
#[derive(Debug, Clone, Default)]
pub struct TuiContext {
    pub config: cleocps_core::config::Config,
    pub card: cleocps_core::card::CardOptions,
    /// Open on the CleoWizard screen (`cleocps wizard` on a terminal).
    pub open_wizard: bool,
    /// Where the configuration screen saves (`None`: no home for it).
    pub config_path: Option<std::path::PathBuf>,
    /// No configuration file yet: open on the configuration screen.
    pub open_config: bool,
}

/// Runs the TUI on `ws` until the user quits; returns the process exit code.
pub fn run(ws: Workspace, lang: Lang, ctx: TuiContext) -> std::io::Result<i32> {
    term::run(ws, lang, ctx)
}
