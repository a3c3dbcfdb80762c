//! `update(&mut App, Action) -> Option<Effect>`: the whole behaviour, pure
//! (no disk, no clock, no core call that does I/O: that is `jobs`' part).
//!
//! The main layer (tree, steps) is here; the rest of the folder, one file
//! per concern:
//! - `request`: the step buttons on the selected request;
//! - `modal`: the form layer and the dialogs; `secret`: the masked inputs;
//! - `palette`: the command palette (F10, `:`);
//! - `paste`: bracketed paste, and "Coller la réponse";
//! - `card`: Étape 2 with the CPS card (probe → PIN → sign);
//! - `mail`: *Envoyer* and the form filled from the directory;
//! - `wizard`, `wizard_jobs`: the CleoWizard screen's keys and job answers;
//! - `config`: the configuration screen's keys and job answers;
//! - `jobs`: what a finished job changes; `reports`: its report dialogs;
//! - `revocation`: the certificates' revocation check and its facts;
//! - `deploy`, `export`: Étape 3's deploy and exports.

mod card;
mod config;
mod deploy;
mod deploy_form;
mod export;
mod jobs;
mod mail;
mod modal;
mod palette;
mod paste;
mod reports;
mod request;
mod revocation;
pub mod road;
mod scroll;
mod secret;
mod wizard;
mod wizard_jobs;
mod wizard_platform;

use self::jobs::job_done;
use self::modal::{form_action, modal_action};
use self::request::request_action;
use crate::i18n::{t, tf};
use crate::tui::action::{Action, Effect, Job, Step};
use crate::tui::app::{App, Layer, Running, Status};
use crate::tui::job_kind::JobKind;
use crate::tui::jobs as work;
use crate::tui::modal::{Ask, Choose, Confirm, HelpModal, Modal};
use crate::tui::tree::{self, Row};
use crate::tui::{keymap, steps};
use cleocps_core::request::{Action as Op, State};

pub fn update(app: &mut App, action: Action) -> Option<Effect> {
    match action {
        Action::Resize(w, h) => {
            app.size = (w, h);
            None
        }
        Action::Tick => {
            app.spinner = app.spinner.wrapping_add(1);
            None
        }
        Action::Refresh if app.jobs.is_empty() => start(app, work::Reload),
        Action::Refresh => None,
        Action::Job(id, outcome) => job_done(app, id, outcome),
        Action::Paste(text) => paste::paste(app, text),
        // Bound only where no field takes `:` (and F10 everywhere else).
        Action::Palette => {
            palette::open(app);
            None
        }
        other => match app.layer() {
            Layer::Main => main_action(app, other),
            Layer::Form => form_action(app, other),
            Layer::Wizard | Layer::WizardText => wizard::action(app, other),
            Layer::Config => config::action(app, other),
            _ => modal_action(app, other),
        },
    }
}

/// Starts a job unless its request is already busy.
pub(super) fn start(app: &mut App, job: impl Into<Job>) -> Option<Effect> {
    let job = job.into();
    if let Some(path) = job.request() {
        if app.busy_with(path) {
            set_error(app, tf(app.lang, "tui.busy", &[&path]));
            return None;
        }
    }
    let id = app.next_job;
    app.next_job += 1;
    app.jobs.push(Running {
        id,
        kind: job.kind(),
        request: job.request().map(str::to_string),
    });
    Some(Effect::Job(id, job))
}

pub(super) fn set_error(app: &mut App, text: String) {
    app.status = Some(Status { text, error: true });
}

pub(super) fn set_info(app: &mut App, text: String) {
    app.status = Some(Status { text, error: false });
}

/// The first "<base> N" not taken, as the original proposes.
pub(super) fn default_name(base: &str, taken: &[&str]) -> String {
    (1..)
        .map(|n| format!("{base} {n}"))
        .find(|n| !taken.contains(&n.as_str()))
        .unwrap_or_else(|| base.to_string())
}

/// The interface opens: `first`, then the certificates' revocation check.
pub fn opened(app: &mut App, first: Option<Effect>) -> Option<Effect> {
    let check = revocation::check(app, None, false);
    revocation::both(first, check)
}

/// After the selection or tab changed: fetch the certificate Étape 3 shows.
pub(super) fn after_move(app: &mut App) -> Option<Effect> {
    let req = tree::selected_request(app)?;
    if app.step == Step::Final
        && req.state == State::CertificateImported
        && !app.certs.contains_key(&req.path())
        && !app.jobs.iter().any(|j| j.kind.only_reads())
    {
        let path = req.path();
        return start(app, work::Certificate { path });
    }
    None
}

pub(super) fn main_action(app: &mut App, action: Action) -> Option<Effect> {
    let rows = tree::rows(app).len();
    match action {
        Action::Up => app.cursor = app.cursor.saturating_sub(1),
        Action::Down => app.cursor = (app.cursor + 1).min(rows.saturating_sub(1)),
        Action::Home => app.cursor = 0,
        Action::End => app.cursor = rows.saturating_sub(1),
        Action::Left => match tree::selected_row(app) {
            Some(Row::Request(fi, _)) => {
                let name = app.tree.get(fi).map(|f| f.name.clone()).unwrap_or_default();
                tree::select(app, &name);
            }
            Some(Row::Folder(fi)) => {
                if let Some(f) = app.tree.get(fi) {
                    app.collapsed.insert(f.name.clone());
                }
            }
            None => {}
        },
        Action::Right => {
            if let Some(Row::Folder(fi)) = tree::selected_row(app) {
                if let Some(f) = app.tree.get(fi) {
                    let name = f.name.clone();
                    app.collapsed.remove(&name);
                }
            }
        }
        Action::NextStep | Action::PrevStep | Action::GoStep(_) => {
            app.step = match action {
                Action::NextStep => Step::from_index(app.step.index() + 1),
                Action::PrevStep => Step::from_index(app.step.index() + 2),
                Action::GoStep(s) => s,
                _ => app.step,
            };
            // A message said for the tab left is past its moment.
            app.status = None;
        }
        Action::Activate => return activate(app),
        Action::Help => app.modal = Some(Modal::Help(HelpModal::default())),
        Action::Quit => return main_quit(app),
        Action::NewFolder => {
            let taken: Vec<&str> = app.tree.iter().map(|f| f.name.as_str()).collect();
            let name = default_name("Dossier", &taken);
            app.modal = Some(Modal::input(Ask::FolderName, &name));
        }
        Action::NewRequest => match tree::selected_folder(app) {
            Some(folder) => {
                app.modal = Some(Modal::choice(
                    Choose::RequestType {
                        folder: folder.to_string(),
                    },
                    0,
                ))
            }
            None => set_error(app, t(app.lang, "tui.need_folder").to_string()),
        },
        Action::RenameFolder => match tree::selected_row(app) {
            Some(Row::Folder(fi)) => {
                let old = app.tree.get(fi).map(|f| f.name.clone()).unwrap_or_default();
                app.modal = Some(Modal::input(Ask::RenameFolder { old: old.clone() }, &old));
            }
            _ => set_error(app, t(app.lang, "tui.select_folder").to_string()),
        },
        Action::Delete => delete(app),
        Action::Wizard => return wizard::open(app),
        Action::Config => config::open(app),
        Action::CheckRevocation => return revocation::asked(app),
        Action::Cancel => {
            let id = app.running(|k| k == JobKind::FetchWait)?;
            set_info(app, t(app.lang, "tui.fetch.stopping").to_string());
            return Some(app.stop(id));
        }
        other => {
            // A step's action from another tab: that tab comes forward,
            // unless the request refuses it (the status then says why).
            if let (Some(step), Some(req)) = (keymap::step_of(&other), tree::selected_request(app))
            {
                if steps::possible(req, &other) {
                    app.step = step;
                }
            }
            return request_action(app, other);
        }
    }
    after_move(app)
}

/// Quit, after a question when a job runs.
pub(super) fn main_quit(app: &mut App) -> Option<Effect> {
    if app.jobs.iter().all(|j| j.kind.background()) {
        return Some(Effect::Quit);
    }
    app.modal = Some(Modal::confirm(
        Confirm::Quit,
        t(app.lang, "tui.confirm.quit").to_string(),
    ));
    None
}

fn activate(app: &mut App) -> Option<Effect> {
    match tree::selected_row(app) {
        Some(Row::Folder(_)) => {
            if let Some(folder) = tree::selected_folder(app).map(str::to_string) {
                if !app.collapsed.remove(&folder) {
                    app.collapsed.insert(folder);
                }
            }
            None
        }
        Some(Row::Request(..)) => {
            let req = tree::selected_request(app)?;
            match steps::step_refusal(req, app.step) {
                Some(reason) => {
                    set_error(app, t(app.lang, reason).to_string());
                    None
                }
                None => match steps::primary(req, app.step) {
                    Some(a) => request_action(app, a),
                    None => {
                        set_info(app, t(app.lang, "tui.nothing_to_do").to_string());
                        None
                    }
                },
            }
        }
        None => main_action(app, Action::NewFolder),
    }
}

fn delete(app: &mut App) {
    let lang = app.lang;
    match tree::selected_row(app) {
        Some(Row::Folder(fi)) => {
            let Some(f) = app.tree.get(fi) else { return };
            let force = !f.requests.is_empty();
            let text = if force {
                tf(
                    lang,
                    "tui.confirm.delete_folder_full",
                    &[&f.name, &f.requests.len()],
                )
            } else {
                tf(lang, "tui.confirm.delete_folder", &[&f.name])
            };
            app.modal = Some(Modal::confirm(
                Confirm::DeleteFolder {
                    name: f.name.clone(),
                    force,
                },
                text,
            ));
        }
        Some(Row::Request(..)) => {
            let Some(req) = tree::selected_request(app) else {
                return;
            };
            let path = req.path();
            if app.busy_with(&path) {
                set_error(app, tf(lang, "tui.busy", &[&path]));
                return;
            }
            // A certified request holds a key and certificate: say so, then force.
            let force = req.check(Op::Delete).is_err();
            let text = if force {
                tf(lang, "tui.confirm.delete_certified", &[&path])
            } else {
                tf(lang, "tui.confirm.delete_request", &[&path])
            };
            app.modal = Some(Modal::confirm(Confirm::DeleteRequest { path, force }, text));
        }
        None => {}
    }
}
