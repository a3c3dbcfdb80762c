//! The full-screen terminal front (ratatui + crossterm).
//!
//! Shape (STYLE.md): keys become typed [`Action`]s through one keymap table
//! ([`keymap`]); [`update`] is pure and returns an [`Effect`]; effects that
//! touch disk or crypto run as jobs on worker threads ([`jobs`], the only
//! file that calls the core procedures) and report back over one channel;
//! drawing ([`view`]) is a pure function of [`App`].

pub mod action;
pub mod app;
pub mod event;
pub mod form;
pub mod job_kind;
pub mod jobs;
pub mod keymap;
pub mod modal;
pub mod sample;
pub mod steps;
pub mod term;
pub mod texts;
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
pub use texts::TEXTS;
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
}

/// Runs the TUI on `ws` until the user quits; returns the process exit code.
pub fn run(ws: Workspace, lang: Lang, ctx: TuiContext) -> std::io::Result<i32> {
    term::run(ws, lang, ctx)
}
