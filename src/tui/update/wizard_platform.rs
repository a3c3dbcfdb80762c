//! `update` for the platform road of the CleoWizard screen: its lists (the
//! seven types, the service names offered), the CSR to copy, and the
//! certificate pasted back. The core's run says what comes next.

use crate::tui::action::Effect;
use crate::tui::app::App;
use crate::tui::wizard::{WizStep, Wizard};
use cleocps_core::request::RequestType;
use cleocps_core::wizard::{Answer, Route};

/// The road `w` opens on: the card's only where a registration server is
/// configured; else the platform (never a dead end on a missing server).
pub(super) fn opening(app: &App) -> Wizard {
    match app.config.registration.certificate {
        Some(_) => Wizard::on(Route::Card),
        None => Wizard::on(Route::Platform),
    }
}

/// How many lines a list of the platform road has (`None`: not its list).
pub(super) fn lines(w: &Wizard) -> Option<usize> {
    match (&w.run.step, w.run.route) {
        (WizStep::Type, Route::Platform) => Some(RequestType::ALL.len()),
        // SSL, S/MIME, then "another type, on the platform".
        (WizStep::Type, Route::Card) => Some(3),
        // The names offered, then "another name (typed)".
        (WizStep::Service { names }, _) => Some(names.len() + 1),
        _ => None,
    }
}

/// What Enter does at a step of the platform road, from the selected line:
/// an answer, or (`Ok(None)`) the card road's list left for the platform's.
pub(super) fn picked(w: &mut Wizard) -> Option<Option<Answer>> {
    let sel = w.sel;
    Some(match (&w.run.step, w.run.route) {
        (WizStep::Type, Route::Platform) => RequestType::ALL.get(sel).map(|k| Answer::Type(*k)),
        (WizStep::Type, Route::Card) if sel == 2 => {
            w.run.route = Route::Platform;
            w.sel = 0;
            None
        }
        (WizStep::Service { names }, _) => Some(Answer::Server((sel < names.len()).then_some(sel))),
        (WizStep::Csr { .. }, _) => Some(Answer::Continue),
        _ => return None,
    })
}

/// `y` at the CSR: the request on the terminal's clipboard (OSC 52).
pub(super) fn copy(app: &mut App) -> Option<Effect> {
    let w = app.wizard.as_ref()?;
    let WizStep::Csr { csr, .. } = &w.run.step else {
        return None;
    };
    let csr = csr.clone();
    super::set_info(app, crate::i18n::t(app.lang, "tui.wpf.copied").to_string());
    Some(Effect::Copy(csr))
}

/// Whether a paste is the certificate the wizard waits for.
pub(super) fn wants_certificate(app: &App) -> bool {
    app.modal.is_none()
        && app
            .wizard
            .as_ref()
            .is_some_and(|w| matches!(w.run.step, WizStep::Certificate { .. }))
}

/// `D` once the files are written: the deploy of the wizard's request, its
/// form when no profile is saved yet (the wizard closes, Étape 3 opens).
pub(super) fn deploy(app: &mut App) -> Option<Effect> {
    let path = app.wizard.as_ref()?.run.done.clone()?;
    app.wizard = None;
    crate::tui::tree::select(app, &path);
    app.step = crate::tui::action::Step::Final;
    let req = crate::tui::tree::selected_request(app)?.clone();
    super::deploy::open(app, &req);
    None
}
