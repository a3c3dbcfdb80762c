//! Helpers of the TUI `update` tests (`tests/tui_update*.rs`): the example
//! state at a request, typing, the status line, the jobs and their answers,
//! a card's token info and a directory entry.

use cleocps::i18n::Lang;
use cleocps::tui::action::{Done, JobOutcome, Step};
use cleocps::tui::config_screen::ConfigScreen;
use cleocps::tui::job::Work;
use cleocps::tui::{sample, tree, update, Action, App, Effect, Job};
use cleocps_core::card::{PinState, TokenInfo, TokenSource};
use cleocps_core::directory::ServerEntry;
use std::path::PathBuf;
use tui_input::InputRequest;

/// The example state (English) with `path` selected, on `step`.
pub fn at(path: &str, step: Step) -> App {
    let mut app = sample::example(Lang::En);
    assert!(tree::select(&mut app, path), "{path} in the example");
    app.step = step;
    app
}

/// The example state in French, the cursor on its first line.
pub fn french() -> App {
    let mut app = sample::example(Lang::Fr);
    app.cursor = 0;
    app
}

/// The configuration screen, which the test has opened.
pub fn screen(app: &App) -> &ConfigScreen {
    app.config_screen
        .as_ref()
        .expect("the configuration screen")
}

/// Types `s` in the focused input, one key at a time.
pub fn typed(app: &mut App, s: &str) {
    for c in s.chars() {
        update(app, Action::Edit(InputRequest::InsertChar(c)));
    }
}

/// Clears the focused input (Ctrl-U).
pub fn clear(app: &mut App) {
    update(app, Action::Edit(InputRequest::DeleteLine));
}

/// The status line's text and whether it is an error ("", false: none).
pub fn status_of(app: &App) -> (String, bool) {
    app.status
        .as_ref()
        .map(|s| (s.text.clone(), s.error))
        .unwrap_or_default()
}

/// The status line's text ("" when there is none).
pub fn status(app: &App) -> String {
    status_of(app).0
}

/// The job an action started; panics on anything else.
pub fn started(effect: Option<Effect>) -> Job {
    match effect {
        Some(Effect::Job(_, j)) => j,
        other => panic!("expected a job, got {other:?}"),
    }
}

/// The job an action started, as a `T` (the other job when it is not one);
/// panics when no job started.
pub fn job<T: Work>(effect: Option<Effect>) -> Result<T, Job> {
    let j = started(effect);
    if j.get::<T>().is_some() {
        Ok(j.into_inner().expect("a T"))
    } else {
        Err(j)
    }
}

/// The id of the last job started.
pub fn last_job(app: &App) -> u64 {
    app.jobs.last().map(|j| j.id).expect("a job runs")
}

/// Job `id` ends with `d`.
pub fn done(app: &mut App, id: u64, d: Done) -> Option<Effect> {
    update(app, Action::Job(id, JobOutcome::Done(Box::new(d))))
}

/// The last job started ends with `d`.
pub fn done_last(app: &mut App, d: Done) -> Option<Effect> {
    let id = last_job(app);
    done(app, id, d)
}

/// A PIN state with the CPS bounds (4 to 8 digits).
pub fn pin_state(count_low: bool, final_try: bool, locked: bool) -> PinState {
    PinState {
        count_low,
        final_try,
        locked,
        min_len: 4,
        max_len: 8,
    }
}

/// A soft token `label` in that PIN state.
pub fn token_info(label: &str, pin: PinState) -> TokenInfo {
    TokenInfo {
        label: label.into(),
        serial: "0001".into(),
        manufacturer: String::new(),
        model: String::new(),
        source: TokenSource::Soft {
            path: PathBuf::from("/tmp/card.json"),
        },
        pin,
    }
}

/// A server of the directory, with its structure.
pub fn entry(fqdn: &str) -> ServerEntry {
    ServerEntry {
        fqdn: fqdn.into(),
        mail: Some(format!("admin@{fqdn}")),
        structure_id: Some("318751275100020".into()),
        structure_name: Some("Clinique de Démonstration".into()),
        departement: Some("Sarthe (72)".into()),
    }
}

/// The screen as text, drawn at `w`×`h`.
pub fn render(app: &App, w: u16, h: u16) -> String {
    use ratatui::backend::TestBackend;
    use ratatui::Terminal;
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    term.draw(|f| cleocps::tui::view::draw(f, app))
        .expect("draw");
    cleocps::tui::view::to_text(term.backend().buffer())
}

/// Where the frame leaves the terminal's cursor, drawn at `w`×`h`.
pub fn cursor(app: &App, w: u16, h: u16) -> (u16, u16) {
    use ratatui::backend::{Backend, TestBackend};
    use ratatui::Terminal;
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    term.draw(|f| cleocps::tui::view::draw(f, app))
        .expect("draw");
    let p = term.backend_mut().get_cursor_position().expect("cursor");
    (p.x, p.y)
}
