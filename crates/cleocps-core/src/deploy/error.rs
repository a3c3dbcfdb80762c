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
    /// A device, FIFO or socket where a file would be replaced.
    NotRegular(PathBuf),
    /// One of the workspace's own files (only cleocps writes there).
    InWorkspace(PathBuf),
    /// With `--follow-symlinks`: a link, or a directory on its way, owned
    /// by another user than root or the one running cleocps.
    UntrustedLink {
        path: PathBuf,
        uid: u32,
    },
    BadMode(String),
    /// A key mode giving permissions to others.
    KeyModeForOthers(String),
    /// A signal stopped the deploy (after the rollback); the process exits 128 + it.
    Interrupted(i32),
    /// A rename into place failed; the ones done were undone.
    SwapFailed {
        path: PathBuf,
        kind: std::io::ErrorKind,
        detail: String,
    },
    /// The rollback itself failed: files may be mixed.
    NotRestored(Box<DeployError>),
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
fn last_line(lang: Lang, run: &CommandRun) -> String {
    if let Some(secs) = run.timed_out_after {
        return tf(lang, "deploy.timed_out", &[&secs]);
    }
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
            DeployError::NotRegular(x) => tf(lang, "deploy.not_regular", &[&p(x)]),
            DeployError::InWorkspace(x) => tf(lang, "deploy.in_workspace", &[&p(x)]),
            DeployError::UntrustedLink { path, uid } => {
                tf(lang, "deploy.untrusted_link", &[&p(path), uid])
            }
            DeployError::BadMode(m) => tf(lang, "deploy.bad_mode", &[m]),
            DeployError::KeyModeForOthers(m) => tf(lang, "deploy.key_mode_others", &[m]),
            DeployError::Interrupted(signal) => tf(
                lang,
                "deploy.interrupted",
                &[&super::interrupt::name(*signal)],
            ),
            DeployError::SwapFailed { path, kind, detail } => tf(
                lang,
                "deploy.swap_failed",
                &[&p(path), &crate::error::io_kind(lang, *kind, detail)],
            ),
            DeployError::NotRestored(e) => tf(lang, "deploy.not_restored", &[&e.localize(lang)]),
            DeployError::UnknownOwner(o) => tf(lang, "deploy.unknown_owner", &[o]),
            DeployError::Io(x, d) => tf(lang, "err.io", &[&p(x), d]),
            DeployError::CheckFailed(run) => tf(
                lang,
                "deploy.check_failed",
                &[&run.command, &last_line(lang, run)],
            ),
            DeployError::ReloadFailed { first, again } => tf(
                lang,
                if again.success {
                    "deploy.reload_failed"
                } else {
                    "deploy.reload_failed_twice"
                },
                &[&first.command, &last_line(lang, first)],
            ),
        }
    }
}
