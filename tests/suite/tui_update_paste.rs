//! Bracketed paste: a paste is one typed action,
//! never keystrokes. In Étape 3 of a request awaiting its answer it opens
//! "Coller la réponse"; in a text field it inserts the text; elsewhere it
//! changes nothing but the status line.

use crate::support;

use cleocps::tui::action::Step;
use cleocps::tui::app::Layer;
use cleocps::tui::jobs as work;
use cleocps::tui::modal::{Ask, Modal, PasteModal};
use cleocps::tui::{update, Action};
use support::tui::{at, clear, job, status, typed};

/// A PEM chain as a terminal pastes it, with a `q` (quit) and an `i`
/// (import) among its letters: none of them may act.
const PEM: &str = "-----BEGIN CERTIFICATE-----\r\nMIIqiq3\r\n-----END CERTIFICATE-----\r\n";

fn pasted(app: &cleocps::tui::App) -> &PasteModal {
    match &app.modal {
        Some(Modal::Paste(m)) => m,
        other => panic!("the paste dialog expected: {other:?}"),
    }
}

#[test]
fn a_paste_in_step3_awaiting_its_answer_opens_the_dialog_then_enter_imports() {
    let mut app = at("Clinique du Test/portail", Step::Final);
    assert!(update(&mut app, Action::Paste(PEM.into())).is_none());
    assert_eq!(app.layer(), Layer::Paste);
    let m = pasted(&app);
    assert_eq!(m.path, "Clinique du Test/portail");
    // Line ends as terminals paste them (CRLF, or CR alone) become LF.
    let lf = PEM.replace("\r\n", "\n");
    assert_eq!(m.text, lf);
    // A second paste (the chain in two copies) adds to the first.
    update(&mut app, Action::Paste("second\rthird".into()));
    assert_eq!(pasted(&app).text, format!("{lf}second\nthird"));
    match job(update(&mut app, Action::Submit)) {
        Ok(work::ImportPasted { path, text }) => {
            assert_eq!(path, "Clinique du Test/portail");
            assert_eq!(text, format!("{lf}second\nthird"));
        }
        other => panic!("{other:?}"),
    }
    assert!(app.modal.is_none());
}

#[test]
fn escape_cancels_and_the_key_opens_an_empty_dialog() {
    let mut app = at("Clinique du Test/portail", Step::Final);
    update(&mut app, Action::Paste(PEM.into()));
    assert!(update(&mut app, Action::Cancel).is_none());
    assert!(app.modal.is_none() && app.jobs.is_empty());

    // From Étape 3's key bar: the dialog waits for the paste.
    assert!(update(&mut app, Action::PasteAnswer).is_none());
    assert_eq!(pasted(&app).text, "");
    // Enter with nothing pasted says so and starts nothing.
    assert!(update(&mut app, Action::Submit).is_none());
    let m = pasted(&app);
    assert!(
        m.error.as_deref().is_some_and(|e| e.contains("Nothing")),
        "{m:?}"
    );
    update(&mut app, Action::Paste(PEM.into()));
    assert_eq!(pasted(&app).error, None);

    // The key, like the import, is refused where no answer is awaited.
    let mut app = at("Clinique du Test/intranet", Step::Final);
    assert!(update(&mut app, Action::PasteAnswer).is_none());
    assert!(app.modal.is_none());
    assert!(!status(&app).is_empty());
}

#[test]
fn the_key_is_in_step3s_key_bar() {
    use cleocps::tui::keymap::{action_for, footer};
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let app = at("Clinique du Test/portail", Step::Final);
    let v = KeyEvent::new(KeyCode::Char('v'), KeyModifiers::NONE);
    assert!(matches!(action_for(&app, v), Some(Action::PasteAnswer)));
    assert!(footer(&app)
        .iter()
        .any(|(k, h)| k == "v" && *h == "tui.btn.paste"));
}

#[test]
fn a_paste_elsewhere_is_never_keystrokes() {
    // Tree, Étape 1: nothing opens, nothing quits, nothing starts.
    let mut app = at("Clinique du Test/portail", Step::Init);
    assert!(update(&mut app, Action::Paste("qqq\niii".into())).is_none());
    assert!(app.modal.is_none() && app.jobs.is_empty());
    assert!(status(&app).contains("Step 3"), "{}", status(&app));
    // Étape 3 of a certified request: no answer awaited.
    let mut app = at("Clinique du Test/srv-web", Step::Final);
    assert!(update(&mut app, Action::Paste(PEM.into())).is_none());
    assert!(app.modal.is_none() && app.jobs.is_empty());
    // A confirmation: a pasted "o" is no "yes".
    let mut app = at("Clinique du Test/portail", Step::Final);
    update(&mut app, Action::Delete);
    assert_eq!(app.layer(), Layer::Confirm);
    assert!(update(&mut app, Action::Paste("o".into())).is_none());
    assert_eq!(app.layer(), Layer::Confirm);
}

#[test]
fn in_a_text_field_a_paste_inserts_the_text_on_one_line() {
    let mut app = at("Clinique du Test/portail", Step::Final);
    update(&mut app, Action::ImportResponse);
    clear(&mut app);
    typed(&mut app, "/tmp/");
    update(&mut app, Action::Paste("smime.p7c\r\n".into()));
    match &app.modal {
        Some(Modal::Input(m)) => {
            assert!(matches!(m.what, Ask::ImportPath { .. }));
            assert_eq!(m.input.value(), "/tmp/smime.p7c");
        }
        other => panic!("{other:?}"),
    }
    // The form: the focused field gets it.
    let mut app = at("Clinique du Test/intranet", Step::Request);
    update(&mut app, Action::EditForm);
    clear(&mut app);
    update(&mut app, Action::Paste("intranet.clinique.fr\n".into()));
    let form = app.form.as_ref().expect("form");
    assert_eq!(
        form.fields[form.focus].input.value(),
        "intranet.clinique.fr"
    );
}

#[test]
fn the_key_bar_offers_only_what_the_request_allows() {
    use cleocps::tui::keymap::footer;
    let hints = |app: &cleocps::tui::App| -> Vec<&'static str> {
        footer(app).into_iter().map(|(_, h)| h).collect()
    };
    // Certified: no more fetching, importing or pasting.
    let app = at("Clinique du Test/srv-web", Step::Final);
    for gone in ["tui.btn.fetch", "tui.btn.import", "tui.btn.paste"] {
        assert!(!hints(&app).contains(&gone), "{gone} in {:?}", hints(&app));
    }
    assert!(hints(&app).contains(&"tui.key.help"));
    // Étape 1 with keys already made and a request generated: no "g".
    let app = at("Clinique du Test/portail", Step::Init);
    assert!(!hints(&app).contains(&"tui.btn.keys"), "{:?}", hints(&app));
}

#[test]
fn a_paste_too_long_for_an_answer_is_refused() {
    let mut app = at("Clinique du Test/portail", Step::Final);
    let huge = "A".repeat(1_000_001);
    assert!(update(&mut app, Action::Paste(huge)).is_none());
    assert!(app.modal.is_none());
    assert!(status(&app).contains("too long"), "{}", status(&app));
}
