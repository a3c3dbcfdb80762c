//! The configuration screen's "Tester" against the real test services: the
//! same checks as `doctor`, run as a job; a wrong
//! IMAP port or LDAP address fails naming the service, the real dovecot,
//! aiosmtpd and slapd pass — on what the screen shows, before saving.

use crate::support;

use cleocps::i18n::Lang;
use cleocps::tui::config_screen::{Outcome, Part, Tested};
use cleocps::tui::event::Event;
use cleocps::tui::{jobs, sample, update, Action, App, Effect, TuiContext};
use cleocps_core::config::Config;
use cleocps_core::workspace::Workspace;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;
use support::services::{Stack, ALL};
use support::tui::{clear, render, screen, status_of, typed};

/// F5 on the section of `key`, the job run as the loop runs it.
fn tester(app: &mut App, ws: &Path, key: &str) -> Vec<Tested> {
    let s = app.config_screen.as_mut().expect("screen");
    assert!(s.focus_key(key), "{key}");
    let part = s.part();
    let (id, job) = match update(app, Action::TestSection) {
        Some(Effect::Job(id, job)) => (id, job),
        other => panic!("a job expected, got {other:?}"),
    };
    let ws = Workspace::open(ws).expect("workspace");
    let (tx, rx) = std::sync::mpsc::channel();
    jobs::spawn(&ws, &Arc::new(TuiContext::default()), app.lang, id, job, tx);
    match rx.recv_timeout(Duration::from_secs(60)).expect("an answer") {
        Event::Job(got, outcome) if got == id => update(app, Action::Job(id, outcome)),
        other => panic!("{other:?}"),
    };
    match screen(app).results.get(&part) {
        Some(Outcome::Checks(lines)) => lines.clone(),
        other => panic!("checks expected for {part:?}, got {other:?}"),
    }
}

fn retype(app: &mut App, key: &str, value: &str) {
    let s = app.config_screen.as_mut().expect("screen");
    assert!(s.focus_key(key), "{key}");
    clear(app);
    typed(app, value);
}

#[test]
fn tester_names_the_failing_service_and_passes_against_the_real_ones() {
    let stack = Stack::start(ALL);
    let tmp = tempfile::tempdir().expect("tmp");
    let closed = support::free_port();
    let mut json = stack.config();
    json["imap"]["port"] = closed.into();
    json["ldap"]["url"] = format!("ldap://127.0.0.1:{closed}").into();
    let file = tmp.path().join("config.json");
    std::fs::write(&file, json.to_string()).expect("config");
    let before = std::fs::read_to_string(&file).expect("config");

    let mut app = sample::example(Lang::Fr);
    app.config = Config::parse(&file, &before).expect("valid");
    app.config_path = Some(file.clone());
    update(&mut app, Action::Config);
    let ws = tmp.path().join("ws");

    // Receiving mail: nothing listens on that port.
    let lines = tester(&mut app, &ws, "imap.host");
    let imap = format!("IMAP 127.0.0.1:{closed}");
    assert!(
        matches!(lines.as_slice(), [t] if !t.ok && t.service == imap),
        "{lines:?}"
    );
    let (status, error) = status_of(&app);
    assert!(error, "{status}");
    assert_eq!(status, format!("Réception du courrier ({imap}) : échec"));
    let text = render(&app, 80, 24);
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains(&format!("✗ {imap} : échec")), "{text}");
    assert!(flat.contains("refuse la connexion"), "{text}");

    // The real dovecot, typed in the screen and not saved yet.
    retype(&mut app, "imap.port", &stack.imaps_port.to_string());
    let lines = tester(&mut app, &ws, "imap.host");
    let imap = format!("IMAP 127.0.0.1:{}", stack.imaps_port);
    assert!(
        matches!(lines.as_slice(), [t] if t.ok && t.service == imap),
        "{lines:?}"
    );
    assert_eq!(
        status_of(&app),
        (
            "Réception du courrier : tout fonctionne.".to_string(),
            false
        )
    );
    assert!(render(&app, 80, 24).contains(&format!("✓ {imap} :")));

    // A wrong IMAP password: the login fails, the service still named.
    let wrong = stack.password_file("wrong.pass", "not-it");
    retype(&mut app, "imap.password_file", &wrong.to_string_lossy());
    let lines = tester(&mut app, &ws, "imap.host");
    assert!(
        matches!(lines.as_slice(), [t] if !t.ok && t.service == imap),
        "{lines:?}"
    );

    // Sending mail: the SMTP server of the stack.
    let lines = tester(&mut app, &ws, "smtp.host");
    let smtp = format!("SMTP 127.0.0.1:{}", stack.smtp_port);
    assert!(
        matches!(lines.as_slice(), [t] if t.ok && t.service == smtp),
        "{lines:?}"
    );

    // The directory: nothing there, then the real slapd.
    let lines = tester(&mut app, &ws, "ldap.url");
    let ldap = format!("LDAP ldap://127.0.0.1:{closed}");
    assert!(
        matches!(lines.as_slice(), [t] if !t.ok && t.service == ldap),
        "{lines:?}"
    );
    retype(&mut app, "ldap.url", &stack.ldap_url());
    let lines = tester(&mut app, &ws, "ldap.url");
    let ldap = format!("LDAP {}", stack.ldap_url());
    assert!(
        matches!(lines.as_slice(), [t] if t.ok && t.service == ldap),
        "{lines:?}"
    );
    assert!(screen(&app).results.contains_key(&Part::Receiving));

    // Testing writes nothing.
    assert_eq!(std::fs::read_to_string(&file).expect("config"), before);
}
