//! `update` for the CleoWizard's work: what the core's run says comes next
//! becomes a job (or the PIN modal), and what a job found is fed back to
//! the run; the wait's progress and stop flag, the card's stop.

use super::{set_error, set_info, start};
use crate::i18n::tf;
use crate::tui::action::Effect;
use crate::tui::modal::{Modal, PinFor};
use crate::tui::wizard::{WizStep, WizardJob};
use crate::tui::App;
use cleocps_core::procedure::PinStep;
use cleocps_core::request::RequestType;
use cleocps_core::wizard::{self as core, Found, Next};

/// Runs what the run says comes next.
pub(super) fn next(app: &mut App, next: Option<Next>) -> Option<Effect> {
    match next? {
        Next::Probe(kind) => probe(app, kind),
        Next::AskPin => {
            ask_pin(app);
            None
        }
        // The PIN is given with the answer that leads here (`pin_given`);
        // a resumed run already signed sends without it.
        Next::Send(start_from) => start(
            app,
            WizardJob::Send {
                start: start_from,
                pin: None,
            },
        ),
        Next::Finish(path) => wait(app, path),
        Next::Csr(start_from) => start(app, WizardJob::Csr { start: start_from }),
        Next::Import { path, given } => start(app, WizardJob::Import { path, given }),
    }
}

/// The card (and directory) job; Esc in the card's waiting modal stops it
/// as it stops Étape 2's probe.
fn probe(app: &mut App, kind: RequestType) -> Option<Effect> {
    start(app, WizardJob::Probe { kind })
}

/// Waits for the answer; Esc (leaving) or quitting stops it.
fn wait(app: &mut App, path: String) -> Option<Effect> {
    start(app, WizardJob::Finish { path })
}

/// The card's warning first; a locked card is refused before asking.
fn ask_pin(app: &mut App) {
    let lang = app.lang;
    let Some(w) = app.wizard.as_mut() else { return };
    let Some(info) = w.run.card.clone() else {
        return;
    };
    match PinStep::for_card(&info, false, true) {
        PinStep::Refused(e) => {
            let text = e.localize(lang);
            w.run.failed(text.clone());
            app.modal = Some(Modal::error(text));
        }
        pin @ PinStep::Ask { warning, .. } => {
            let what = PinFor {
                path: core::FOLDER.to_string(),
                key_password: None,
                pin,
            };
            app.modal = Some(Modal::pin(what, warning.map(|w| w.localize(lang))));
        }
    }
}

/// The waiting job's progress line.
pub(super) fn progress(app: &mut App, next_check: u64, left: u64) {
    if let Some(w) = app.wizard.as_mut() {
        w.run.progress(next_check, left);
    }
}

/// The user stopped waiting for the card: back to the question before it
/// (the type, or the run to resume, which stays resumable).
pub(super) fn card_cancelled(app: &mut App) {
    let Some(w) = app.wizard.as_mut() else { return };
    w.run.card_stopped();
    w.sel = match w.run.step {
        WizStep::Type => usize::from(w.run.kind == RequestType::Smime),
        _ => 0,
    };
}

/// A wizard job failed: the screen says what, the run stays resumable; a
/// certificate refused is asked again, saying why.
pub(super) fn failed(app: &mut App, text: String) {
    if let Some(w) = app.wizard.as_mut() {
        if matches!(w.run.step, WizStep::Importing { .. }) {
            w.run.refused(text);
            return;
        }
        w.run.failed(text.clone());
        if app.modal.is_none() {
            app.modal = Some(Modal::error(text.clone()));
        }
    }
    set_error(app, text);
}

/// What a wizard job found, fed to the run.
pub(super) fn shown(app: &mut App, found: Found) -> Option<Effect> {
    let lang = app.lang;
    let Some(w) = app.wizard.as_mut() else {
        // The screen was left: say where the run is.
        if let Found::Finished(core::Finished::Done { files, .. }) = &found {
            set_info(
                app,
                tf(lang, "tui.wiz.done_status", &[&files.p12.display()]),
            );
        }
        return None;
    };
    w.sel = 0;
    let then = w.run.found(found);
    next(app, then)
}
