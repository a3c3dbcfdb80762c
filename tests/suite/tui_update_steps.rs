//! The next action is easy to find: a step's key
//! works from any tab (the tab follows) or says why not, and the tab moves
//! on by itself when a step is done.

use crate::support;

use cleocps::tui::action::{Done, Step};
use cleocps::tui::app::Layer;
use cleocps::tui::jobs as work;
use cleocps::tui::keymap::action_for;
use cleocps::tui::modal::{Choose, Modal};
use cleocps::tui::{update, Action};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use support::tui::{at, done_last, job, started, status_of};

fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

/// Presses `c` as the loop does: through the keymap, then `update`.
fn press(app: &mut cleocps::tui::App, c: char) -> Option<cleocps::tui::Effect> {
    let action = action_for(app, key(c)).unwrap_or_else(|| panic!("{c} does nothing"));
    update(app, action)
}

#[test]
fn e_from_step1_opens_the_form_in_step2() {
    let mut app = at("Clinique du Test/intranet", Step::Init);
    assert!(press(&mut app, 'e').is_none());
    assert_eq!(app.layer(), Layer::Form);
    assert_eq!(app.step, Step::Request);
}

#[test]
fn r_from_step1_asks_how_to_generate_in_step2() {
    let mut app = at("Clinique du Test/intranet", Step::Init);
    press(&mut app, 'r');
    assert_eq!(app.step, Step::Request);
    assert!(matches!(
        &app.modal,
        Some(Modal::Choice(m)) if matches!(m.what, Choose::RequestMode { .. })
    ));
}

#[test]
fn m_from_step1_says_why_not_or_fetches_in_step3() {
    // Keys only: nothing was sent, so nothing to fetch; it says so.
    let mut app = at("Clinique du Test/intranet", Step::Init);
    assert!(press(&mut app, 'm').is_none());
    let (text, error) = status_of(&app);
    assert!(error && !text.is_empty(), "{text}");
    assert!(app.jobs.is_empty());
    // Sent: the mailbox is looked at, in Étape 3.
    let mut app = at("Clinique du Test/intranet", Step::Init);
    if let Some(r) = app.tree[0]
        .requests
        .iter_mut()
        .find(|r| r.name == "intranet")
    {
        r.state = cleocps_core::request::State::Sent;
    }
    assert!(matches!(
        job(press(&mut app, 'm')),
        Ok(work::FetchReply { .. })
    ));
    assert_eq!(app.step, Step::Final);
}

#[test]
fn the_tab_moves_on_when_the_keys_are_made() {
    let mut app = at("Dossier 2/Demande 1", Step::Init);
    update(&mut app, Action::GenerateKeys);
    update(&mut app, Action::Submit);
    update(&mut app, Action::Down);
    started(update(&mut app, Action::Submit));
    done_last(
        &mut app,
        Done {
            message: Some("Keys generated".into()),
            ..Done::default()
        },
    );
    assert_eq!(app.step, Step::Request);
}
