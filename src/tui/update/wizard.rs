//! `update` for the CleoWizard screen: the keys of each step (the answers
//! of its jobs are in `wizard_jobs`). Every question is asked
//! before the job that needs it; the PIN goes from its modal straight into
//! the send job.

use super::wizard_jobs::{resume, wait};
use super::{set_info, start};
use crate::i18n::t;
use crate::tui::action::Effect;
use crate::tui::jobs as work;
use crate::tui::modal::{Modal, PinFor};
use crate::tui::wizard::{WizStep, Wizard, WizardJob};
use crate::tui::{Action, App};
use cleocps_core::procedure::PinStep;
use cleocps_core::request::RequestType;
use cleocps_core::secret::Secret;
use cleocps_core::wizard::{self as core, Target};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

pub(super) fn job(app: &mut App, j: WizardJob) -> Option<Effect> {
    start(app, j)
}

pub(super) fn step(app: &mut App, s: WizStep) {
    if let Some(w) = app.wizard.as_mut() {
        w.step = s;
    }
}

/// The card (and directory) job; its stop flag is the card probe's (Esc in
/// the waiting modal).
pub(super) fn probe(app: &mut App, kind: RequestType) -> Option<Effect> {
    let stop = Arc::new(AtomicBool::new(false));
    let stop_job = Arc::clone(&stop);
    let effect = job(
        app,
        WizardJob::Probe {
            kind,
            stop: stop_job,
        },
    );
    if effect.is_some() {
        app.stop_card = Some(stop);
    }
    effect
}

/// `w`: the wizard screen, first looking for a run to resume.
pub(super) fn open(app: &mut App) -> Option<Effect> {
    if app.wizard.is_some() {
        return None;
    }
    app.form = None;
    app.wizard = Some(Wizard::new());
    job(app, WizardJob::Resumable)
}

/// Leaves the screen; a waiting run is stopped and stays resumable.
fn leave(app: &mut App) -> Option<Effect> {
    let mut w = app.wizard.take()?;
    if matches!(
        w.step,
        WizStep::Waiting { .. } | WizStep::Stopped { .. } | WizStep::Failed { .. }
    ) || w.stop.is_some()
    {
        set_info(app, t(app.lang, "tui.wiz.kept").to_string());
    }
    w.stop_waiting();
    start(app, work::Reload)
}

fn moved(sel: usize, count: usize, action: &Action) -> usize {
    match action {
        Action::Up => sel.saturating_sub(1),
        Action::Down => (sel + 1).min(count.saturating_sub(1)),
        _ => sel,
    }
}

pub(super) fn action(app: &mut App, action: Action) -> Option<Effect> {
    let w = app.wizard.as_ref()?;
    match (&action, &w.step) {
        (Action::Cancel, _) => return leave(app),
        (Action::Quit, _) => {
            return super::main_quit(app);
        }
        _ => {}
    }
    let current = w.step.clone();
    match current {
        WizStep::Resume { path, state, sel } => match action {
            Action::Up | Action::Down => {
                let sel = moved(sel, 2, &action);
                step(app, WizStep::Resume { path, state, sel });
                None
            }
            Action::Submit if sel == 0 => resume(app, path, state),
            Action::Submit => {
                step(app, WizStep::Type { sel: 0 });
                None
            }
            _ => None,
        },
        WizStep::Type { sel } => match action {
            Action::Up | Action::Down => {
                step(
                    app,
                    WizStep::Type {
                        sel: moved(sel, 2, &action),
                    },
                );
                None
            }
            Action::Submit => {
                let kind = if sel == 1 {
                    RequestType::Smime
                } else {
                    RequestType::Ssl
                };
                if let Some(w) = app.wizard.as_mut() {
                    w.kind = kind;
                    w.step = WizStep::Looking;
                }
                probe(app, kind)
            }
            _ => None,
        },
        WizStep::Server { entries, sel } => match action {
            // The last line is "another server (typed)".
            Action::Up | Action::Down => {
                let sel = moved(sel, entries.len() + 1, &action);
                step(app, WizStep::Server { entries, sel });
                None
            }
            Action::Submit => {
                match entries.get(sel) {
                    Some(e) => {
                        let kind = app.wizard.as_ref().map_or(RequestType::Ssl, |w| w.kind);
                        let target = core::target_of(kind, e);
                        chosen(app, target);
                    }
                    None => step(app, typed(None)),
                }
                None
            }
            _ => None,
        },
        WizStep::Typed {
            mut input,
            degraded,
            ..
        } => match action {
            Action::Edit(r) => {
                input.handle(r);
                step(
                    app,
                    WizStep::Typed {
                        input,
                        degraded,
                        error: None,
                    },
                );
                None
            }
            Action::Submit => {
                let name = input.value().trim().trim_end_matches('.').to_lowercase();
                let kind = app.wizard.as_ref().map_or(RequestType::Ssl, |w| w.kind);
                let problem = check_name(kind, &name);
                match problem {
                    Some(p) => step(
                        app,
                        WizStep::Typed {
                            input,
                            degraded,
                            error: Some(t(app.lang, p).to_string()),
                        },
                    ),
                    None => chosen(
                        app,
                        Target {
                            kind,
                            name,
                            entry: None,
                        },
                    ),
                }
                None
            }
            _ => None,
        },
        WizStep::KeyPassword { sel } => match action {
            Action::Up | Action::Down => {
                step(
                    app,
                    WizStep::KeyPassword {
                        sel: moved(sel, 2, &action),
                    },
                );
                None
            }
            Action::Submit => {
                if let Some(w) = app.wizard.as_mut() {
                    w.key_password = sel == 0;
                }
                ask_pin(app);
                None
            }
            _ => None,
        },
        // The PIN modal was closed with Esc: Enter opens it again.
        WizStep::Pin if matches!(action, Action::Submit) => {
            ask_pin(app);
            None
        }
        WizStep::Stopped { path } if matches!(action, Action::Submit) => wait(app, path),
        WizStep::Rejected { path, .. } => match action {
            Action::Renew => {
                app.wizard = None;
                start(app, work::Renew { path })
            }
            Action::Submit => {
                app.wizard = Some(Wizard::new());
                step(app, WizStep::Type { sel: 0 });
                None
            }
            _ => None,
        },
        WizStep::Done { files } => match action {
            Action::Files => {
                let dir = cleocps_core::fsutil::parent_of(&files.p12).to_path_buf();
                start(app, work::ListDir { dir })
            }
            Action::Submit => leave(app),
            _ => None,
        },
        WizStep::Failed { .. } if matches!(action, Action::Submit) => leave(app),
        _ => None,
    }
}

/// What makes a typed name unusable, as a text id.
fn check_name(kind: RequestType, name: &str) -> Option<&'static str> {
    if name.is_empty() {
        return Some("tui.wiz.name_empty");
    }
    match kind {
        RequestType::Ssl if name.contains('@') || !name.contains('.') => Some("tui.wiz.bad_fqdn"),
        RequestType::Smime if !name.contains('@') => Some("tui.wiz.bad_email"),
        _ => None,
    }
}

pub(super) fn typed(degraded: Option<String>) -> WizStep {
    WizStep::Typed {
        input: tui_input::Input::default(),
        degraded,
        error: None,
    }
}

fn chosen(app: &mut App, target: Target) {
    if let Some(w) = app.wizard.as_mut() {
        w.target = Some(target);
        w.step = WizStep::KeyPassword { sel: 0 };
    }
}

/// The card's warning first; a locked card is refused before asking.
pub(super) fn ask_pin(app: &mut App) {
    let lang = app.lang;
    let Some(info) = app.wizard.as_ref().and_then(|w| w.card.clone()) else {
        return;
    };
    match PinStep::for_card(&info, false, true) {
        PinStep::Refused(e) => {
            let text = e.localize(lang);
            app.modal = Some(Modal::error(text.clone()));
            step(app, WizStep::Failed { text });
        }
        pin @ PinStep::Ask { warning, .. } => {
            step(app, WizStep::Pin);
            let what = PinFor {
                path: core::FOLDER.to_string(),
                key_password: None,
                pin,
            };
            app.modal = Some(Modal::pin(what, warning.map(|w| w.localize(lang))));
        }
    }
}

/// Whether the PIN modal open now is the wizard's.
pub(super) fn wants_pin(app: &App) -> bool {
    app.wizard
        .as_ref()
        .is_some_and(|w| matches!(w.step, WizStep::Pin))
}

/// The PIN typed (length already checked): prepare, sign and send.
pub(super) fn pin_given(app: &mut App, pin: Secret) -> Option<Effect> {
    let w = app.wizard.as_mut()?;
    w.step = WizStep::Sending;
    let j = WizardJob::Send {
        target: w.target.clone(),
        key_password: w.key_password,
        resume: w.resume.clone(),
        pin: Some(pin),
    };
    job(app, j)
}
