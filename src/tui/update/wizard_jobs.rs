//! `update` for the answers of the CleoWizard jobs: resume, wait (with
//! its progress and stop flag), and what each job brought back.

use super::wizard::{ask_pin, job, probe, step, typed};
use super::{set_error, set_info};
use crate::i18n::tf;
use crate::tui::action::Effect;
use crate::tui::modal::Modal;
use crate::tui::wizard::{WizStep, WizardJob, WizardShown};
use crate::tui::App;
use cleocps_core::request::{RequestType, State};
use cleocps_core::wizard::{self as core, Choice};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

pub(super) fn resume(app: &mut App, path: String, state: State) -> Option<Effect> {
    if let Some(w) = app.wizard.as_mut() {
        w.resume = Some(path.clone());
    }
    match state {
        State::KeysGenerated => {
            // The card is read again for the PIN modal.
            step(app, WizStep::Looking);
            let kind = app.wizard.as_ref().map_or(RequestType::Ssl, |w| w.kind);
            probe(app, kind)
        }
        State::RequestGenerated => {
            step(app, WizStep::Sending);
            job(
                app,
                WizardJob::Send {
                    target: None,
                    key_password: false,
                    resume: Some(path),
                    pin: None,
                },
            )
        }
        _ => wait(app, path),
    }
}

/// Waits for the answer; Esc or quitting sets the stop flag.
pub(super) fn wait(app: &mut App, path: String) -> Option<Effect> {
    let stop = Arc::new(AtomicBool::new(false));
    if let Some(w) = app.wizard.as_mut() {
        w.stop = Some(Arc::clone(&stop));
        w.step = WizStep::Waiting {
            path: path.clone(),
            next_check: None,
            left: None,
        };
    }
    job(app, WizardJob::Finish { path, stop })
}

/// The waiting job's progress line.
pub(super) fn progress(app: &mut App, next_check: u64, left: u64) {
    if let Some(w) = app.wizard.as_mut() {
        if let WizStep::Waiting { path, .. } = &w.step {
            w.step = WizStep::Waiting {
                path: path.clone(),
                next_check: Some(next_check),
                left: Some(left),
            };
        }
    }
}

/// The user stopped waiting for the card: back to the question before it
/// (the type, or the run to resume, which stays resumable).
pub(super) fn card_cancelled(app: &mut App) {
    let Some(w) = app.wizard.as_mut() else { return };
    w.step = match w.resume.take() {
        Some(path) => WizStep::Resume {
            path,
            state: State::KeysGenerated,
            sel: 0,
        },
        None => WizStep::Type {
            sel: usize::from(w.kind == RequestType::Smime),
        },
    };
}

/// A wizard job failed: the screen says what, the run stays resumable.
pub(super) fn failed(app: &mut App, text: String) {
    match app.wizard.as_mut() {
        Some(w) => {
            w.stop = None;
            w.step = WizStep::Failed { text: text.clone() };
            if app.modal.is_none() {
                app.modal = Some(Modal::error(text.clone()));
            }
            set_error(app, text);
        }
        None => set_error(app, text),
    }
}

/// A wizard job's answer.
pub(super) fn shown(app: &mut App, s: WizardShown) -> Option<Effect> {
    let lang = app.lang;
    let Some(w) = app.wizard.as_mut() else {
        // The screen was left: say where the run is.
        if let WizardShown::Done { files } = &s {
            set_info(
                app,
                tf(lang, "tui.wiz.done_status", &[&files.p12.display()]),
            );
        }
        return None;
    };
    match s {
        WizardShown::Resumable(Some((path, state))) => {
            w.step = WizStep::Resume {
                path,
                state,
                sel: 0,
            }
        }
        WizardShown::Resumable(None) => w.step = WizStep::Type { sel: 0 },
        WizardShown::Probed {
            info,
            holder,
            lookup,
        } => {
            w.holder = Some(holder);
            w.card = Some(info);
            if w.resume.is_some() {
                ask_pin(app);
                return None;
            }
            w.step = match core::choose(w.kind, None, &lookup) {
                Choice::One(t) => WizStep::Server {
                    entries: t.entry.into_iter().collect(),
                    sel: 0,
                },
                Choice::Several(entries) => WizStep::Server { entries, sel: 0 },
                Choice::Type { reason } => typed(reason),
            };
        }
        WizardShown::Sent { path } => return wait(app, path),
        WizardShown::Done { files } => {
            w.stop = None;
            w.step = WizStep::Done { files };
        }
        WizardShown::Rejected { path, code, reason } => {
            w.stop = None;
            w.step = WizStep::Rejected { path, code, reason };
        }
        WizardShown::NotYet { path } => {
            w.stop = None;
            w.step = WizStep::Stopped { path };
        }
    }
    None
}
