//! The configuration screen's keys and its jobs' answers: typing edits the
//! focused field, F5 tests the focused section, F2 saves the changes,
//! Échap leaves (a second time when changes are not saved).

use super::{set_error, set_info, start};
use crate::i18n::{t, tf};
use crate::tui::action::{Action, Effect};
use crate::tui::config_screen::{ConfigScreen, Item, Outcome, Part};
use crate::tui::job_kind::JobKind;
use crate::tui::jobs as work;
use crate::tui::App;
use cleocps_core::config::Config;
use tui_input::InputRequest;

pub(super) fn open(app: &mut App) {
    app.config_screen = Some(ConfigScreen::open(&app.config, app.config_path.clone()));
}

pub(super) fn action(app: &mut App, action: Action) -> Option<Effect> {
    let s = app.config_screen.as_mut()?;
    if !matches!(action, Action::Cancel) {
        s.leaving = false;
    }
    match action {
        Action::NextField | Action::Down => s.next(),
        Action::PrevField | Action::Up => s.prev(),
        Action::NextStep => s.jump(true),
        Action::PrevStep => s.jump(false),
        Action::Edit(req) => edit(s, req),
        Action::Submit if matches!(s.focused(), Some(Item::Test(_))) => return test(app),
        Action::Submit => s.next(),
        Action::TestSection => return test(app),
        Action::SaveConfig => return save(app),
        Action::Cancel => leave(app),
        _ => {}
    }
    None
}

/// A key in the focused field; ← → (and space) go through a choice.
fn edit(s: &mut ConfigScreen, req: InputRequest) {
    let part = s.part();
    let Some(f) = s.field_mut() else { return };
    if let Some(values) = f.spec.kind.choices() {
        let now = values
            .iter()
            .position(|(v, _)| *v == f.value())
            .unwrap_or(0);
        let n = values.len();
        let to = match req {
            InputRequest::GoToPrevChar => (now + n - 1) % n,
            InputRequest::GoToNextChar | InputRequest::InsertChar(' ') => (now + 1) % n,
            _ => return,
        };
        f.input = tui_input::Input::new(values[to].0.to_string());
    } else {
        f.input.handle(req);
    }
    let key = f.spec.key;
    s.problems.retain(|(k, _)| *k != key);
    // What was tested and said no longer holds for the new values.
    s.results.remove(&part);
    s.error = None;
    s.saved = None;
}

/// The section's problems, shown under their fields; the focus on the first.
fn refuse(app: &mut App, problems: Vec<(&'static str, &'static str)>) {
    let lang = app.lang;
    let Some(s) = app.config_screen.as_mut() else {
        return;
    };
    s.problems = problems
        .iter()
        .map(|(key, id)| (*key, t(lang, id).to_string()))
        .collect();
    if let Some((key, _)) = problems.first() {
        s.focus_key(key);
    }
    s.error = Some(t(lang, "tui.cfg.fix_first").to_string());
}

/// "Tester": the focused section's checks, on what the screen shows.
fn test(app: &mut App) -> Option<Effect> {
    let s = app.config_screen.as_mut()?;
    let part = s.part();
    if part.checks().is_none() {
        let text = t(app.lang, "tui.cfg.no_test").to_string();
        set_info(app, text);
        return None;
    }
    if s.testing.is_some() {
        return None;
    }
    let problems = s.problems_in(part);
    if !problems.is_empty() {
        refuse(app, problems);
        return None;
    }
    let (pairs, _) = s.pairs();
    // The focus goes to the "Tester" line, so its results come into view.
    if let Some(i) = s.items().iter().position(|it| *it == Item::Test(part)) {
        s.focus = i;
    }
    s.testing = Some(part);
    s.results.remove(&part);
    let path = s.path.clone();
    start(app, work::TestConfig { path, pairs, part })
}

/// F2: every change at once, or why not (nothing is written then).
fn save(app: &mut App) -> Option<Effect> {
    let lang = app.lang;
    let s = app.config_screen.as_mut()?;
    let (pairs, problems) = s.pairs();
    if !problems.is_empty() {
        refuse(app, problems);
        return None;
    }
    let Some(path) = s.path.clone() else {
        s.error = Some(t(lang, "tui.cfg.no_path").to_string());
        return None;
    };
    if pairs.is_empty() {
        s.saved = Some(t(lang, "tui.cfg.unchanged").to_string());
        return None;
    }
    s.error = None;
    start(app, work::SaveConfig { path, pairs })
}

/// Échap: leaves, unless changes would be lost — then once more.
fn leave(app: &mut App) {
    let Some(s) = app.config_screen.as_mut() else {
        return;
    };
    if s.dirty() && !s.leaving {
        s.leaving = true;
        return;
    }
    app.config_screen = None;
}

/// "Tester" answered: the lines go under the section, the first failure
/// (or that all is well) to the status line.
pub(super) fn tested(app: &mut App, part: Part, outcome: Outcome) {
    let lang = app.lang;
    let title = t(lang, part.title_id());
    let status = match &outcome {
        Outcome::Checks(lines) => match lines.iter().find(|l| !l.ok) {
            Some(bad) => Err(tf(lang, "tui.cfg.status_failed", &[&title, &bad.service])),
            None => Ok(tf(lang, "tui.cfg.status_ok", &[&title])),
        },
        Outcome::Nothing => Ok(t(lang, "tui.cfg.nothing").to_string()),
        Outcome::Refused(text) => Err(text.clone()),
    };
    if let Some(s) = app.config_screen.as_mut() {
        s.testing = None;
        s.results.insert(part, outcome);
    }
    match status {
        Ok(text) => set_info(app, text),
        Err(text) => set_error(app, text),
    }
}

/// Saved: the screen starts again from the file, the jobs take the new
/// configuration (and the workspace its trust anchors).
pub(super) fn saved(app: &mut App, config: Box<Config>) -> Option<Effect> {
    app.default_key = crate::tui::term::default_key(config.key_bits);
    app.config = (*config).clone();
    let message = app.status.as_ref().map(|s| s.text.clone());
    if let Some(s) = app.config_screen.as_mut() {
        s.saved_as(&config);
        s.saved = message;
    }
    Some(Effect::UseConfig(config))
}

/// A test or a save that could not be done: said in the screen.
pub(super) fn failed(app: &mut App, kind: JobKind, text: String) {
    if let Some(s) = app.config_screen.as_mut() {
        match (kind, s.testing.take()) {
            (JobKind::TestConfig, Some(part)) => {
                s.results.insert(part, Outcome::Refused(text.clone()));
            }
            _ => s.error = Some(text.clone()),
        }
    }
    set_error(app, text);
}
