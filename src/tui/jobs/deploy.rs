//! Étape 3's deploy job: the core's `deploy` with the saved profile (the
//! same call as `cleocps deploy FOLDER/NAME`), its outcome as a dialog.

use super::changed;
use crate::i18n::{t, tf, Lang};
use crate::tui::action::{Done, Shown};
use crate::tui::job::{Cx, Failure, Work};
use crate::tui::job_kind::JobKind;
use crate::tui::modal::OutputModal;
use cleocps_core::deploy::{self, CommandRun, DeployError};
use cleocps_core::error::Error;
use cleocps_core::sanitize;
use cleocps_core::secret::Secret;
use cleocps_core::workspace::Workspace;

/// Étape 3: the saved deploy profile, run as `cleocps deploy` runs it.
#[derive(Debug, Clone)]
pub struct Deploy {
    pub path: String,
    pub key_password: Option<Secret>,
}

impl Work for Deploy {
    fn kind(&self) -> JobKind {
        JobKind::Deploy
    }

    fn request(&self) -> Option<&str> {
        Some(&self.path)
    }

    fn key_password(&mut self) -> Option<&mut Option<Secret>> {
        Some(&mut self.key_password)
    }

    fn run(self: Box<Self>, cx: &Cx<'_>) -> Result<Done, Failure> {
        Ok(run(cx.ws, cx.lang, self.path, self.key_password)?)
    }
}

fn run(
    ws: &Workspace,
    lang: Lang,
    path: String,
    key_password: Option<Secret>,
) -> cleocps_core::Result<Done> {
    match deploy::deploy(ws, &path, None, false, key_password.as_ref()) {
        Ok(report) => {
            let mut lines = vec![tf(lang, "deploy.done", &[&path, &report.serial])];
            lines.extend(
                report
                    .targets
                    .iter()
                    .map(|i| format!("  {}", sanitize::line(&i.path.display().to_string()))),
            );
            for run in report.check.iter().chain(report.reload.iter()) {
                lines.extend(output(run));
            }
            let mut done = changed(ws, path.clone(), tf(lang, "tui.deploy.done", &[&path]))?;
            done.shown = Some(Shown::Output(OutputModal {
                title: "tui.title.deploy_done",
                lines,
                error: false,
                scroll: 0,
            }));
            Ok(done)
        }
        // Undone after a failed check or reload: the journal changed, and
        // the output says why — a dialog, not one error line.
        Err(Error::Deploy(
            e @ (DeployError::CheckFailed(_) | DeployError::ReloadFailed { .. }),
        )) => {
            let mut lines = vec![sanitize::line(&e.localize(lang)).into_owned()];
            match &e {
                DeployError::CheckFailed(run) => lines.extend(output(run)),
                DeployError::ReloadFailed { first, again } => {
                    lines.extend(output(first));
                    lines.push(t(lang, "tui.deploy.again").to_string());
                    lines.extend(output(again));
                }
                _ => {}
            }
            let mut done = changed(ws, path, e.localize(lang))?;
            done.message = None;
            done.shown = Some(Shown::Output(OutputModal {
                title: "tui.title.deploy_failed",
                lines,
                error: true,
                scroll: 0,
            }));
            Ok(done)
        }
        Err(e) => Err(e),
    }
}

/// "$ command" then its output, each line sanitised (it is the service's
/// text: escape sequences must not reach the terminal).
fn output(run: &CommandRun) -> Vec<String> {
    let mut lines = vec![format!("$ {}", sanitize::line(&run.command))];
    lines.extend(
        run.output
            .lines()
            .map(|l| format!("  {}", sanitize::line(l))),
    );
    lines
}
