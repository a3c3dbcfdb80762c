//! Why a deploy was refused or failed; each message says what to do.

use super::command::CommandRun;
use crate::i18n::{t, tf, Lang};
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DeployError {
    /// `deploy FOLDER/NAME` alone, and no saved profile.
    NoProfile,
    NoTargets,
    Expired(String),
    KeyMismatch,
    /// `--encrypted-key` for a key stored without a password.
    KeyNotEncrypted,
    ParentNotDir(PathBuf),
    Symlink(PathBuf),
    TargetIsDir(PathBuf),
    SameTarget(PathBuf),
    BadMode(String),
    UnknownOwner(String),
    Io(PathBuf, String),
    /// Boxed: a command's output is large, and errors travel by value.
    CheckFailed(Box<CommandRun>),
    ReloadFailed {
        first: Box<CommandRun>,
        again: Box<CommandRun>,
    },
}

crate::display_localized!(DeployError);

/// The last line a command printed, to say why it failed in one line;
/// sanitised: it is the service's text, shown on a terminal.
fn last_line(run: &CommandRun) -> String {
    let line = crate::sanitize::line(run.output.lines().last().unwrap_or(""));
    let line = line.trim();
    match run.exit_code {
        Some(c) if line.is_empty() => format!("exit {c}"),
        Some(c) => format!("exit {c}: {line}"),
        None => line.to_string(),
    }
}

impl DeployError {
    pub fn localize(&self, lang: Lang) -> String {
        let p = |p: &PathBuf| p.display().to_string();
        match self {
            DeployError::NoProfile => t(lang, "deploy.no_profile").to_string(),
            DeployError::NoTargets => t(lang, "deploy.no_targets").to_string(),
            DeployError::Expired(d) => tf(lang, "deploy.expired", &[d]),
            DeployError::KeyMismatch => t(lang, "deploy.key_mismatch").to_string(),
            DeployError::KeyNotEncrypted => t(lang, "deploy.key_not_encrypted").to_string(),
            DeployError::ParentNotDir(x) => tf(lang, "deploy.parent_not_dir", &[&p(x)]),
            DeployError::Symlink(x) => tf(lang, "deploy.symlink", &[&p(x)]),
            DeployError::TargetIsDir(x) => tf(lang, "deploy.target_is_dir", &[&p(x)]),
            DeployError::SameTarget(x) => tf(lang, "deploy.same_target", &[&p(x)]),
            DeployError::BadMode(m) => tf(lang, "deploy.bad_mode", &[m]),
            DeployError::UnknownOwner(o) => tf(lang, "deploy.unknown_owner", &[o]),
            DeployError::Io(x, d) => tf(lang, "err.io", &[&p(x), d]),
            DeployError::CheckFailed(run) => tf(
                lang,
                "deploy.check_failed",
                &[&run.command, &last_line(run)],
            ),
            DeployError::ReloadFailed { first, again } => tf(
                lang,
                if again.success {
                    "deploy.reload_failed"
                } else {
                    "deploy.reload_failed_twice"
                },
                &[&first.command, &last_line(first)],
            ),
        }
    }
}
