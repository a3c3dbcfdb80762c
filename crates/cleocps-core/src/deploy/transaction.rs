//! One deploy, from the staged files to the journal line: swap, check,
//! reload, and on any failure or interruption the previous files back (and
//! the reload run again if it had run). Every ending is journaled as what
//! really happened.

use super::command::{self, CommandRun, Ended};
use super::error::DeployError;
use super::files::Staged;
use super::interrupt::{self, Interrupt};
use super::{DeployProfile, Installed, DEPLOYED};
use crate::error::{Error, Result};
use crate::i18n::Lang;
use std::cell::RefCell;
use std::time::Duration;

/// What a deploy that went through ran.
pub(super) struct Done {
    pub targets: Vec<Installed>,
    pub check: Option<CommandRun>,
    pub reload: Option<CommandRun>,
}

pub(super) struct Transaction<'a> {
    pub profile: &'a DeployProfile,
    pub interrupt: &'a Interrupt,
    pub timeout: Duration,
    /// A rollback that failed: it, not the failure before it, is what the user must know.
    pub not_restored: RefCell<Option<DeployError>>,
}

/// How it ended: the journal's words and the result.
type Ending = (String, Result<Done>);

/// A step that stopped the deploy: the journal's words and the error (boxed: errors travel by value).
type Stop = Box<(String, Error)>;

impl Transaction<'_> {
    /// Swaps `staged` in and runs the commands. Never leaves the new files
    /// in place on failure.
    pub fn run(&self, mut staged: Staged) -> Ending {
        if let Some(signal) = self.interrupt.caught() {
            let said = format!(
                "interrupted by {} before any file was replaced",
                interrupt::name(signal)
            );
            return (said, Err(DeployError::Interrupted(signal).into()));
        }
        let installed = match staged.swap() {
            Ok(i) => i,
            Err(e) => {
                let said = format!("{}, previous files restored", e.localize(Lang::En));
                return (said, Err(e.into()));
            }
        };
        let check = match self.step(&staged, &installed, self.profile.check.as_deref(), false) {
            Ok(run) => run,
            Err(stop) => return (stop.0, Err(stop.1)),
        };
        let reload = match self.step(&staged, &installed, self.profile.reload.as_deref(), true) {
            Ok(run) => run,
            Err(stop) => return (stop.0, Err(stop.1)),
        };
        if let Some(signal) = self.interrupt.caught() {
            let said = self.rollback(
                &staged,
                &installed,
                reload.as_ref().map(|r| r.command.as_str()),
            );
            let said = format!(
                "interrupted by {} after the reload, {said}",
                interrupt::name(signal)
            );
            return (said, Err(DeployError::Interrupted(signal).into()));
        }
        staged.finish();
        let done = Done {
            targets: installed,
            check,
            reload,
        };
        (DEPLOYED.to_string(), Ok(done))
    }

    /// Runs the check (`reload` false) or the reload; a failure or an
    /// interruption rolls back and is the ending.
    fn step(
        &self,
        staged: &Staged,
        installed: &[Installed],
        command: Option<&str>,
        reload: bool,
    ) -> std::result::Result<Option<CommandRun>, Stop> {
        let what = if reload { "reload" } else { "check" };
        // A reload interrupted may have half-happened: it runs again with the previous files.
        let again = |cmd| reload.then_some(cmd);
        if let Some(signal) = self.interrupt.caught() {
            let said = self.rollback(staged, installed, None);
            let said = format!(
                "interrupted by {} before the {what}, {said}",
                interrupt::name(signal)
            );
            return Err(Box::new((said, DeployError::Interrupted(signal).into())));
        }
        let Some(cmd) = command else {
            return Ok(None);
        };
        let run = match command::run(cmd, self.timeout, Some(self.interrupt)) {
            Ok(Ended::Ran(run)) => run,
            Ok(Ended::Interrupted(signal)) => {
                let said = self.rollback(staged, installed, again(cmd));
                let said = format!(
                    "interrupted by {} during the {what}, {said}",
                    interrupt::name(signal)
                );
                return Err(Box::new((said, DeployError::Interrupted(signal).into())));
            }
            Err(e) => {
                let said = self.rollback(staged, installed, None);
                return Err(Box::new((format!("{what} could not start, {said}"), e)));
            }
        };
        if run.success {
            return Ok(Some(run));
        }
        let failed = if let Some(secs) = run.timed_out_after {
            format!("{what} timed out after {secs} s")
        } else {
            format!("{what} failed")
        };
        if !reload {
            let said = self.rollback(staged, installed, None);
            let said = format!("{failed}, {said}, nothing reloaded");
            return Err(Box::new((
                said,
                DeployError::CheckFailed(Box::new(run)).into(),
            )));
        }
        let (said, second) = self.rollback_reloading(staged, installed, cmd);
        let said = format!("{failed}, {said}");
        let again = second.unwrap_or_else(|| run.clone());
        let error = DeployError::ReloadFailed {
            first: Box::new(run),
            again: Box::new(again),
        };
        Err(Box::new((said, error.into())))
    }

    /// Puts the previous files back, reloading with them when `reload` is
    /// given; returns what happened, in the journal's words.
    fn rollback(&self, staged: &Staged, installed: &[Installed], reload: Option<&str>) -> String {
        match reload {
            Some(cmd) => self.rollback_reloading(staged, installed, cmd).0,
            None => self.restored(staged, installed),
        }
    }

    fn restored(&self, staged: &Staged, installed: &[Installed]) -> String {
        match staged.restore(installed) {
            Ok(()) => "previous files restored".to_string(),
            Err(e) => {
                let said = format!("previous files NOT restored ({})", e.localize(Lang::En));
                self.not_restored
                    .replace(Some(DeployError::NotRestored(Box::new(e))));
                said
            }
        }
    }

    fn rollback_reloading(
        &self,
        staged: &Staged,
        installed: &[Installed],
        cmd: &str,
    ) -> (String, Option<CommandRun>) {
        let said = self.restored(staged, installed);
        // Not interruptible: the service must end up on the previous files.
        match command::run(cmd, self.timeout, None) {
            Ok(Ended::Ran(run)) if run.success => (format!("{said} and reloaded"), Some(run)),
            Ok(Ended::Ran(run)) => (format!("{said}, reload failed again"), Some(run)),
            _ => (format!("{said}, reload could not run again"), None),
        }
    }
}
