//! The configuration screen: `C` and the palette open
//! it; what is typed is saved through `config set`'s door (a file
//! `config check` accepts, mode 0600); a bad value is said under its field
//! and nothing is written; Échap asks before dropping changes.

use crate::support;

use cleocps::tui::action::JobOutcome;
use cleocps::tui::app::Layer;
use cleocps::tui::config_screen::{ConfigScreen, Item, Outcome, Part};
use cleocps::tui::event::Event;
use cleocps::tui::jobs as work;
use cleocps::tui::{jobs, keymap, update, Action, App, Effect, TuiContext};
use cleocps_core::config::Config;
use cleocps_core::workspace::Workspace;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;
use support::tui::{clear, french, render, screen, status_of, typed};

fn screen_mut(app: &mut App) -> &mut ConfigScreen {
    app.config_screen
        .as_mut()
        .expect("the configuration screen")
}

/// Opens the screen on `file` and puts the focus on `key`, by keys.
fn open_at(app: &mut App, file: &Path, key: &str) {
    app.config_path = Some(file.to_path_buf());
    update(app, Action::Config);
    for _ in 0..60 {
        if screen(app).field().is_some_and(|f| f.spec.key == key) {
            return;
        }
        update(app, Action::NextField);
    }
    panic!("no field {key}");
}

/// Runs the job of `effect` as the loop would and hands its answer back.
fn run_job(app: &mut App, effect: Option<Effect>) -> Option<Effect> {
    let (id, job) = match effect {
        Some(Effect::Job(id, job)) => (id, job),
        other => panic!("a job expected, got {other:?}"),
    };
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = Workspace::open(tmp.path()).expect("workspace");
    let (tx, rx) = std::sync::mpsc::channel();
    jobs::spawn(&ws, &Arc::new(TuiContext::default()), app.lang, id, job, tx);
    match rx.recv_timeout(Duration::from_secs(60)).expect("an answer") {
        Event::Job(got, outcome) => {
            assert_eq!(got, id);
            update(app, Action::Job(id, outcome))
        }
        other => panic!("{other:?}"),
    }
}

fn mode(file: &Path) -> u32 {
    std::fs::metadata(file)
        .expect("written")
        .permissions()
        .mode()
        & 0o777
}

#[test]
fn capital_c_and_the_palette_open_it() {
    let mut app = french();
    let key = KeyEvent::new(KeyCode::Char('C'), KeyModifiers::SHIFT);
    let action = keymap::action_for(&app, key).expect("C is bound");
    update(&mut app, action);
    assert_eq!(app.layer(), Layer::Config);
    let text = render(&app, 80, 24);
    for part in [
        "Serveur d'inscription",
        "Envoi du courrier",
        "Réception du courrier",
    ] {
        assert!(text.contains(part), "{part}:\n{text}");
    }
    update(&mut app, Action::Cancel);
    assert_eq!(
        app.layer(),
        Layer::Main,
        "Échap closes when nothing changed"
    );

    update(&mut app, Action::Palette);
    typed(&mut app, "configuration");
    update(&mut app, Action::Submit);
    assert_eq!(app.layer(), Layer::Config, "the palette's entry opens it");
}

#[test]
fn typing_then_f2_writes_a_file_config_check_accepts_0600() {
    let tmp = tempfile::tempdir().expect("tmp");
    let file = tmp.path().join("etc/config.json");
    let mut app = french();
    open_at(&mut app, &file, "registration.address");
    typed(&mut app, "inscription@igc-sante.example.fr");
    open_field(&mut app, "smtp.host");
    typed(&mut app, "smtp.clinique.example.fr");
    update(&mut app, Action::NextField);
    typed(&mut app, "587");
    open_field(&mut app, "subject_defaults.ou");
    typed(&mut app, "1234567890");
    assert!(screen(&app).dirty());

    let key = KeyEvent::new(KeyCode::F(2), KeyModifiers::NONE);
    let save = keymap::action_for(&app, key).expect("F2 is bound");
    let effect = update(&mut app, save);
    let effect = run_job(&mut app, effect);
    let Some(Effect::UseConfig(config)) = effect else {
        panic!("the loop is told to use the new configuration: {effect:?}")
    };
    assert_eq!(mode(&file), 0o600);
    let text = std::fs::read_to_string(&file).expect("written");
    let parsed = Config::parse(&file, &text).expect("config check accepts it");
    assert_eq!(parsed, *config);
    assert_eq!(
        parsed.registration.address.as_deref(),
        Some("inscription@igc-sante.example.fr")
    );
    let smtp = parsed.smtp.clone().expect("smtp");
    assert_eq!(
        (smtp.host.as_str(), smtp.port),
        ("smtp.clinique.example.fr", Some(587))
    );
    assert_eq!(parsed.subject_defaults.ou.as_deref(), Some("1234567890"));
    assert_eq!(app.config, parsed, "the screen opens on it next time");
    assert!(!screen(&app).dirty());
    let (status, error) = status_of(&app);
    assert!(
        !error && status.contains("Configuration enregistrée"),
        "{status}"
    );

    // Emptying a field removes its key.
    open_field(&mut app, "subject_defaults.ou");
    clear(&mut app);
    let effect = update(&mut app, Action::SaveConfig);
    run_job(&mut app, effect);
    let text = std::fs::read_to_string(&file).expect("written");
    assert!(!text.contains("1234567890"), "{text}");
    Config::parse(&file, &text).expect("still valid");
}

fn open_field(app: &mut App, key: &str) {
    assert!(screen_mut(app).focus_key(key), "{key}");
}

#[test]
fn a_bad_value_is_said_under_its_field_and_nothing_is_written() {
    let tmp = tempfile::tempdir().expect("tmp");
    let file = tmp.path().join("config.json");
    let mut app = french();
    open_at(&mut app, &file, "imap.host");
    typed(&mut app, "imap.example.fr");
    open_field(&mut app, "imap.port");
    typed(&mut app, "99999");
    let effect = update(&mut app, Action::SaveConfig);
    assert!(effect.is_none(), "no job: {effect:?}");
    assert!(!file.exists(), "nothing written");
    let s = screen(&app);
    assert_eq!(s.problem("imap.port"), Some("un nombre de 1 à 65535"));
    assert_eq!(s.problem("imap.user"), Some("à remplir"));
    assert_eq!(
        s.field().map(|f| f.spec.key),
        Some("imap.user"),
        "focus on the first"
    );
    let text = render(&app, 80, 24);
    assert!(text.contains("↳ à remplir"), "{text}");

    // What only the core's check sees (two sending ways) comes back from
    // the job, in French, and the file stays as it was.
    std::fs::write(&file, "{}\n").expect("file");
    let mut app = french();
    open_at(&mut app, &file, "smtp.host");
    typed(&mut app, "smtp.example.fr");
    open_field(&mut app, "outbox");
    typed(&mut app, "/var/spool/cleocps");
    let effect = update(&mut app, Action::SaveConfig);
    assert!(run_job(&mut app, effect).is_none());
    let error = screen(&app).error.clone().expect("said in the screen");
    assert!(
        error.contains("smtp") && error.contains("outbox"),
        "{error}"
    );
    assert!(status_of(&app).1);
    assert_eq!(std::fs::read_to_string(&file).expect("kept"), "{}\n");
}

#[test]
fn escape_with_changes_asks_once_more() {
    let mut app = french();
    update(&mut app, Action::Config);
    typed(&mut app, "x");
    update(&mut app, Action::Cancel);
    assert_eq!(app.layer(), Layer::Config, "kept open");
    let text = render(&app, 80, 24);
    assert!(text.contains("Modifications non enregistrées"), "{text}");
    update(&mut app, Action::Cancel);
    assert_eq!(app.layer(), Layer::Main);
}

#[test]
fn security_is_chosen_with_the_arrows() {
    use tui_input::InputRequest;
    let mut app = french();
    update(&mut app, Action::Config);
    open_field(&mut app, "imap.security");
    assert_eq!(
        screen(&app).field().map(|f| f.value().to_string()),
        Some("tls".into())
    );
    update(&mut app, Action::Edit(InputRequest::GoToNextChar));
    assert_eq!(
        screen(&app).field().map(|f| f.value().to_string()),
        Some("plain".into())
    );
    update(&mut app, Action::Edit(InputRequest::InsertChar('z')));
    assert_eq!(
        screen(&app).field().map(|f| f.value().to_string()),
        Some("plain".into())
    );
}

#[test]
fn tester_without_a_server_says_there_is_nothing_to_test() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut app = french();
    open_at(&mut app, &tmp.path().join("config.json"), "imap.host");
    // Enter goes down the fields to the section's "Tester" line, then runs it.
    while !matches!(screen(&app).focused(), Some(Item::Test(_))) {
        update(&mut app, Action::Submit);
    }
    let effect = update(&mut app, Action::Submit);
    assert!(
        matches!(&effect, Some(Effect::Job(_, j)) if j.get::<work::TestConfig>().is_some()),
        "{effect:?}"
    );
    run_job(&mut app, effect);
    assert_eq!(
        screen(&app).results.get(&Part::Receiving),
        Some(&Outcome::Nothing)
    );
    // A failed job is said in the screen, not in a dialog over it.
    update(&mut app, Action::TestSection);
    let id = app.jobs.last().map(|j| j.id).expect("a job");
    update(&mut app, Action::Job(id, JobOutcome::Failed("boom".into())));
    assert!(app.modal.is_none());
    assert_eq!(
        screen(&app).results.get(&Part::Receiving),
        Some(&Outcome::Refused("boom".into()))
    );
}
