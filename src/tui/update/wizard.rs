//! `update` for the CleoWizard screen's keys: each key becomes an answer
//! to the core's run ([`Run`](cleocps_core::wizard::Run)), which says what
//! comes next (`wizard_jobs` runs it). The screen keeps only its line
//! selection and the name being typed; the PIN goes from its modal
//! straight into the send job.

use super::wizard_jobs::next;
use super::wizard_platform as platform;
use super::{set_info, start};
use crate::i18n::t;
use crate::tui::action::Effect;
use crate::tui::job_kind::{JobKind, WizardJobKind};
use crate::tui::jobs as work;
use crate::tui::wizard::{WizStep, Wizard, WizardJob};
use crate::tui::{Action, App};
use cleocps_core::request::RequestType;
use cleocps_core::secret::Secret;
use cleocps_core::wizard::{Answer, Given, Next};

/// `w`: the wizard screen, first looking for a run to resume.
pub(super) fn open(app: &mut App) -> Option<Effect> {
    if app.wizard.is_some() {
        return None;
    }
    app.form = None;
    app.wizard = Some(platform::opening(app));
    start(app, WizardJob::Resumable)
}

/// Leaves the screen; a waiting run is told to stop and stays resumable
/// (its answer brings the tree read again), else the tree is read again.
fn leave(app: &mut App) -> Option<Effect> {
    let w = app.wizard.take()?;
    if w.run.kept() {
        set_info(app, t(app.lang, "tui.wiz.kept").to_string());
    }
    let waiting = |k| k == JobKind::Wizard(WizardJobKind::Finish);
    match app.running(waiting) {
        Some(id) => Some(app.stop(id)),
        None => start(app, work::Reload),
    }
}

/// How many lines the list of this step has (0: not a list).
fn lines(w: &Wizard) -> usize {
    if let Some(n) = platform::lines(w) {
        return n;
    }
    match &w.run.step {
        WizStep::Resume { .. } | WizStep::Type | WizStep::KeyPassword => 2,
        // The last line is "another server (typed)".
        WizStep::Server { entries } => entries.len() + 1,
        _ => 0,
    }
}

/// The answer Enter gives at a list step, from the selected line.
fn picked(step: &WizStep, sel: usize) -> Option<Answer> {
    Some(match step {
        WizStep::Resume { .. } => Answer::Resume(sel == 0),
        WizStep::Type if sel == 1 => Answer::Type(RequestType::Smime),
        WizStep::Type => Answer::Type(RequestType::Ssl),
        WizStep::Server { .. } => Answer::Server(Some(sel)),
        WizStep::KeyPassword => Answer::KeyPassword(sel == 0),
        WizStep::Pin => Answer::Pin,
        WizStep::Stopped { .. } => Answer::WaitAgain,
        WizStep::Rejected { .. } => Answer::Anew,
        _ => return None,
    })
}

pub(super) fn action(app: &mut App, action: Action) -> Option<Effect> {
    let w = app.wizard.as_mut()?;
    let step = w.run.step.clone();
    match (action, &step) {
        (Action::Cancel, _) => leave(app),
        (Action::Quit, _) => super::main_quit(app),
        (action @ (Action::Up | Action::Down), _) if lines(w) > 0 => {
            w.sel = moved(w.sel, lines(w), &action);
            None
        }
        (Action::Copy, WizStep::Csr { .. }) => platform::copy(app),
        (Action::ShowCsr, WizStep::Csr { path, csr }) => {
            app.modal = Some(crate::tui::modal::Modal::Csr(crate::tui::modal::CsrModal {
                path: path.clone(),
                pem: csr.clone(),
                scroll: 0,
            }));
            None
        }
        (Action::Submit, WizStep::Certificate { .. }) => {
            let file = w.input.value().trim().to_string();
            if file.is_empty() {
                return None;
            }
            answer(app, Answer::Certificate(Given::File(file.into())))
        }
        (Action::Edit(r), WizStep::Typed { .. } | WizStep::Certificate { .. }) => {
            w.input.handle(r);
            w.name_error = None;
            None
        }
        (Action::Submit, WizStep::Typed { .. }) => {
            let name = w.input.value().to_string();
            answer(app, Answer::Name(name))
        }
        // The PIN modal was closed with Esc: Enter opens it again.
        (Action::Submit, WizStep::Pin) => {
            let again = w.run.pin_again();
            next(app, again)
        }
        (Action::Submit, WizStep::Done { .. } | WizStep::Failed { .. }) => leave(app),
        (Action::Submit, _) => {
            let a = match platform::picked(w) {
                Some(a) => a?,
                None => picked(&step, w.sel)?,
            };
            answer(app, a)
        }
        (Action::Renew, WizStep::Rejected { path, .. }) => {
            let path = path.clone();
            app.wizard = None;
            start(app, work::Renew { path })
        }
        (Action::Deploy, WizStep::Done { .. }) => platform::deploy(app),
        (Action::Files, WizStep::Done { files }) => {
            let dir = cleocps_core::fsutil::parent_of(&files.p12).to_path_buf();
            start(app, work::ListDir { dir })
        }
        _ => None,
    }
}

fn moved(sel: usize, count: usize, action: &Action) -> usize {
    match action {
        Action::Up => sel.saturating_sub(1),
        Action::Down => (sel + 1).min(count.saturating_sub(1)),
        _ => sel,
    }
}

/// Gives the run an answer: a refused name is said under the input; else
/// the selection starts again on the next step, which may need work.
fn answer(app: &mut App, a: Answer) -> Option<Effect> {
    let lang = app.lang;
    let w = app.wizard.as_mut()?;
    match w.run.answer(a) {
        Err(problem) => {
            w.name_error = Some(t(lang, problem.text_id()).to_string());
            None
        }
        Ok(then) => {
            w.sel = 0;
            if matches!(
                w.run.step,
                WizStep::Typed { .. } | WizStep::Certificate { .. }
            ) {
                w.input = tui_input::Input::default();
            }
            next(app, then)
        }
    }
}

/// A paste at [`WizStep::Certificate`]: the certificate, imported.
pub(super) fn certificate_pasted(app: &mut App, text: String) -> Option<Effect> {
    answer(app, Answer::Certificate(Given::Text(text.into_bytes())))
}

/// Whether the PIN modal open now is the wizard's.
pub(super) fn wants_pin(app: &App) -> bool {
    app.wizard
        .as_ref()
        .is_some_and(|w| matches!(w.run.step, WizStep::Pin))
}

/// The PIN typed (length already checked): prepare, sign and send.
pub(super) fn pin_given(app: &mut App, pin: Secret) -> Option<Effect> {
    let w = app.wizard.as_mut()?;
    match w.run.answer(Answer::Pin) {
        Ok(Some(Next::Send(start))) => super::start(
            app,
            WizardJob::Send {
                start,
                pin: Some(pin),
            },
        ),
        Ok(then) => next(app, then),
        Err(_) => None,
    }
}
