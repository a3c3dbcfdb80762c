//! `cleocps deploy`: the profile from the command line (or the saved one),
//! the key password when one is needed; the core does the rest.

use super::super::{say, secrets, Output};
use super::args::DeployArgs;
use crate::i18n::tf;
use cleocps_core::deploy::{self, DeployError, DeployProfile};
use cleocps_core::error::{Error, Result};
use cleocps_core::workspace::Workspace;
use serde_json::json;
use std::path::{Path, PathBuf};

/// The profile the command line gives, `None` when it names no target
/// and no option (then the saved one is used). Paths are made absolute,
/// so a saved profile means the same from any directory.
fn profile(a: &DeployArgs) -> Result<Option<DeployProfile>> {
    let abs = |p: &Option<PathBuf>| -> Result<Option<PathBuf>> {
        p.as_deref()
            .map(|p: &Path| std::path::absolute(p).map_err(|e| Error::io(p, e)))
            .transpose()
    };
    let p = DeployProfile {
        cert: abs(&a.cert)?,
        key: abs(&a.key)?,
        chain: abs(&a.chain)?,
        fullchain: abs(&a.fullchain)?,
        owner: a.owner.clone(),
        mode: a.mode.clone(),
        key_mode: a.key_mode.clone(),
        encrypted_key: a.encrypted_key,
        check: a.check.clone(),
        reload: a.reload.clone(),
        follow_symlinks: a.follow_symlinks,
        command_timeout: a.command_timeout,
    };
    Ok((p != DeployProfile::default()).then_some(p))
}

pub(in crate::cli) fn run(ws: &Workspace, a: &DeployArgs, out: &Output) -> Result<i32> {
    let lang = out.lang;
    let given = profile(a)?;
    let req = ws.find(&a.path)?;
    let effective = given.clone().or_else(|| req.deploy.clone());
    let password = match (&a.key_password_file, &effective) {
        (Some(f), _) => Some(secrets::obtain(lang, Some(f), "field.key_password", false)?),
        (None, Some(p)) if deploy::needs_key_password(ws, &req, p) => {
            Some(secrets::obtain(lang, None, "field.key_password", false)?)
        }
        _ => None,
    };
    let result = deploy::deploy(ws, &a.path, given.as_ref(), a.save, password.as_ref());
    let report = match result {
        Ok(r) => r,
        Err(Error::Deploy(e)) => {
            // What the failed command said, before the one-line verdict.
            if let DeployError::CheckFailed(run) | DeployError::ReloadFailed { first: run, .. } = &e
            {
                for line in run.output.lines() {
                    say(&format!("  {line}"));
                }
            }
            return Err(Error::Deploy(e));
        }
        Err(e) => return Err(e),
    };
    let mut lines = vec![tf(lang, "deploy.done", &[&a.path, &report.serial])];
    for t in &report.targets {
        lines.push(format!("  {}", t.path.display()));
    }
    for run in report.check.iter().chain(report.reload.iter()) {
        lines.push(format!("  $ {}", run.command));
        lines.extend(run.output.lines().map(|l| format!("    {l}")));
    }
    let effective = given.as_ref().or(req.deploy.as_ref());
    if let Some(owner) = effective
        .filter(|p| p.numeric_owner())
        .and_then(|p| p.owner.as_ref())
    {
        lines.push(tf(lang, "cli.deploy.numeric_owner", &[owner]));
    }
    if report.saved {
        lines.push(tf(
            lang,
            "cli.deploy.saved",
            &[&crate::cli::hint::shell_word(&a.path)],
        ));
    }
    out.done(
        &lines.join("\n"),
        json!({"request": a.path, "deploy": report}),
    );
    Ok(0)
}
