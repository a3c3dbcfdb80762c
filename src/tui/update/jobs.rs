//! `update` for finished jobs: apply the fresh tree, show what they bring,
//! say what failed. A result for a job we no longer wait for is dropped.

use super::{after_move, set_error, set_info};
use crate::i18n::tf;
use crate::tui::action::{Action, Done, Effect, JobId, JobOutcome, Shown, Step};
use crate::tui::app::{App, Running};
use crate::tui::job_kind::{JobKind, WizardJobKind};
use crate::tui::modal::{Confirm, CsrModal, FilesModal, Modal};
use crate::tui::tree;

/// What said "a job runs" no longer holds once it ended: the
/// refusal naming its request, and the quit question when nothing runs.
fn settle(app: &mut App, request: Option<&str>) {
    if let Some(path) = request {
        let busy = tf(app.lang, "tui.busy", &[&path]);
        if app.status.as_ref().is_some_and(|s| s.text == busy) {
            app.status = None;
        }
    }
    let asks_quit = matches!(
        &app.modal,
        Some(Modal::Confirm(m)) if matches!(m.what, Confirm::Quit)
    );
    if asks_quit && app.jobs.is_empty() {
        app.modal = None;
    }
}

pub(super) fn job_done(app: &mut App, id: JobId, outcome: JobOutcome) -> Option<Effect> {
    let pos = app.jobs.iter().position(|j| j.id == id)?;
    let kind = app.jobs[pos].kind;
    let done = match outcome {
        JobOutcome::Progress { next_check, left } => {
            progress(app, kind, next_check, left);
            return None;
        }
        JobOutcome::Failed(failure) => Err(failure.text(app.lang)),
        JobOutcome::Done(done) => Ok(*done),
    };
    let run = app.jobs.remove(pos);
    let stopped = app.stopped.remove(&id);
    settle(app, run.request.as_deref());
    if kind == JobKind::FetchWait {
        app.wait_progress = None;
    }
    if kind.probes_card() && super::card::probe_ended(app, stopped) {
        // Stopped by the user while waiting for the card: nothing to show.
        if kind == JobKind::Wizard(WizardJobKind::Probe) {
            super::wizard_jobs::card_cancelled(app);
        }
        clear_progress(app);
        return None;
    }
    match done {
        Err(text) => {
            failed(app, kind, text);
            None
        }
        Ok(done) => finished(app, &run, done),
    }
}

/// A waiting job's progress goes where its wait is shown.
fn progress(app: &mut App, kind: JobKind, next_check: u64, left: u64) {
    if kind == JobKind::FetchWait {
        app.wait_progress = Some((next_check, left));
    } else if kind.probes_card() {
        super::card::waiting(app, left);
    } else {
        super::wizard_jobs::progress(app, next_check, left);
    }
}

/// A finished job clears its own progress message, never an error.
fn clear_progress(app: &mut App) {
    if app.jobs.is_empty() && app.status.as_ref().is_some_and(|s| !s.error) {
        app.status = None;
    }
}

/// A failure goes to the screen the job was for: the wizard's, the
/// configuration's, else a dialog and the status line.
fn failed(app: &mut App, kind: JobKind, text: String) {
    match kind {
        JobKind::Wizard(_) => super::wizard_jobs::failed(app, text),
        JobKind::TestConfig | JobKind::SaveConfig => super::config::failed(app, kind, text),
        _ => {
            // Don't clobber a dialog the user opened meanwhile.
            if app.modal.is_none() {
                app.modal = Some(Modal::error(text.clone()));
            }
            set_error(app, text);
        }
    }
}

/// A job done: the tree it read, the tab that follows, its message, what
/// it brings to show.
fn finished(app: &mut App, run: &Running, done: Done) -> Option<Effect> {
    if run.kind == JobKind::EditForm {
        app.form = None;
    }
    let mut revocation = None;
    if let Some(fresh) = done.tree {
        let before = tree::selected_row(app).map(|r| tree::row_key(app, r));
        let read: Vec<String> = fresh.certified.keys().cloned().collect();
        app.apply_tree(fresh);
        revocation = super::revocation::check(app, Some(&read), false);
        // Certificates are re-read when shown again.
        if let Some(path) = &run.request {
            app.certs.remove(path);
        }
        let target = done.select.or(before);
        if !target.is_some_and(|key| tree::select(app, &key)) {
            tree::clamp(app);
        }
    }
    follow(app, run.kind, run.request.as_deref());
    match done.message {
        Some(m) => set_info(app, m),
        // A background job's end leaves the last message where it is.
        None if run.kind.background() => {}
        None => clear_progress(app),
    }
    let effect = match done.shown {
        Some(shown) => show(app, shown),
        None => after_move(app),
    };
    super::revocation::both(effect, revocation)
}

/// What a job brings, on the screen.
fn show(app: &mut App, shown: Shown) -> Option<Effect> {
    match shown {
        Shown::Csr { path, pem } => {
            app.modal = Some(Modal::Csr(CsrModal {
                path,
                pem,
                scroll: 0,
            }))
        }
        Shown::Certificate { path, cert } => {
            app.certs.insert(path, cert);
        }
        Shown::Files { dir, files } => app.modal = Some(Modal::Files(FilesModal { dir, files })),
        Shown::Card(probe) => super::card::probed(app, *probe),
        Shown::WrongKeyPassword { retry } => super::export::wrong_key_password(app, *retry),
        Shown::WrongPin { path, key_password } => {
            return super::card::wrong_pin(app, path, key_password);
        }
        Shown::Exists { file, retry } => {
            let text = tf(app.lang, "tui.confirm.overwrite", &[&file.display()]);
            app.modal = Some(Modal::confirm(
                Confirm::Overwrite { file, job: retry },
                text,
            ));
        }
        Shown::Servers {
            path,
            holder,
            servers,
        } => super::mail::servers(app, path, holder, servers),
        Shown::Wizard(found) => {
            if let Some(effect) = super::wizard_jobs::shown(app, *found) {
                return Some(effect);
            }
        }
        Shown::Deployed { path, outcome } => super::deploy::deployed(app, &path, outcome),
        Shown::ConfigTested { part, outcome } => super::config::tested(app, part, outcome),
        Shown::ConfigSaved(config) => return super::config::saved(app, config),
        // Only into the path input it was asked from, still open.
        Shown::Completed(path) if matches!(app.modal, Some(Modal::Input(_))) => {
            return super::modal::modal_action(app, Action::Completed(path));
        }
        Shown::Completed(_) => {}
        Shown::Revocation { facts, asked } => {
            super::revocation::checked(app, facts, asked);
            return None;
        }
        Shown::Exported { files, notice } => super::reports::exported(app, &files, notice),
        Shown::Signed(report) => super::reports::signed(app, &report),
        Shown::ImportWarnings(warnings) => super::reports::import_warnings(app, &warnings),
    }
    after_move(app)
}

/// A step done moves the tab to the next one, for the request it was done
/// for: keys made → Étape 2; request mailed, or CSR made for the portal →
/// Étape 3, where the answer comes back.
fn follow(app: &mut App, kind: JobKind, request: Option<&str>) {
    let next = match kind {
        JobKind::GenerateKeys => Step::Request,
        JobKind::SendMail | JobKind::GenerateCsr => Step::Final,
        _ => return,
    };
    let selected = tree::selected_request(app).map(|r| r.path());
    if request.is_some() && selected.as_deref() == request {
        app.step = next;
    }
}
