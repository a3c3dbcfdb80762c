//! `update` for Étape 3's deploy: the saved profile shown first (or how to
//! save one), the key's password asked when the key goes out clear, then
//! the job; its result dialog scrolls.

use super::{set_info, start};
use crate::i18n::{t, tf};
use crate::tui::action::{Action, Effect};
use crate::tui::app::App;
use crate::tui::jobs as work;
use crate::tui::modal::{DeployModal, Hidden, Modal, OutputModal, Then};
use cleocps_core::deploy::{CommandRun, DeployError, DeployReport};
use cleocps_core::request::Request;
use cleocps_core::sanitize;

/// "Déployer": the profile to confirm, or the form of a first one.
pub(super) fn open(app: &mut App, req: &Request) {
    let Some(profile) = &req.deploy else {
        return super::deploy_form::open(app, req);
    };
    app.modal = Some(Modal::Deploy(DeployModal {
        path: req.path(),
        // As the core's `deploy::needs_key_password`, without the disk:
        // a key written clear from one stored under a password (§4b), or
        // an adopted request (no generation, so no CSR), whose
        // certificate is checked against the key itself.
        needs_key_password: req.key_encrypted == Some(true)
            && ((profile.key.is_some() && !profile.encrypted_key) || req.generation.is_none()),
        profile: profile.clone(),
    }));
}

/// Yes: the password first when the key goes out clear, else the job.
pub(super) fn confirmed(app: &mut App, m: DeployModal) -> Option<Effect> {
    if m.needs_key_password {
        app.modal = Some(Modal::secret(Hidden::KeyPassword {
            then: Then::Deploy {
                path: m.path,
                profile: None,
            },
        }));
        return None;
    }
    start(
        app,
        work::Deploy {
            path: m.path,
            key_password: None,
            profile: None,
        },
    )
}

/// The result dialog: ↑/↓ scroll within its lines; Esc, q, Enter close
/// (handled with every dialog's Cancel).
pub(super) fn output_action(app: &mut App, mut m: OutputModal, action: Action) -> Option<Effect> {
    // The dialog's rows at most: the screen less margins, border and keys.
    let page = usize::from(app.size.1.saturating_sub(6));
    let width = crate::tui::view::output_width(app.size.0);
    let total = crate::tui::view::output_rows(&m.lines, width).len();
    match super::scroll::scrolled(m.scroll as u16, &action, total, page) {
        Some(top) => m.scroll = top.into(),
        None if matches!(action, Action::Submit) => return None,
        None => {}
    }
    app.modal = Some(Modal::Output(m));
    None
}

/// The deploy's outcome as a dialog: what was installed and the commands'
/// output, or the failed check or reload (undone) and why.
pub(super) fn deployed(app: &mut App, path: &str, outcome: Result<Box<DeployReport>, DeployError>) {
    let lang = app.lang;
    let (title, lines, error) = match outcome {
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
            set_info(app, tf(lang, "tui.deploy.done", &[&path]));
            ("tui.title.deploy_done", lines, false)
        }
        // The journal changed, and the output says why: a dialog, not one
        // error line.
        Err(e) => {
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
            ("tui.title.deploy_failed", lines, true)
        }
    };
    app.modal = Some(Modal::Output(OutputModal {
        title,
        lines,
        error,
        scroll: 0,
    }));
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
