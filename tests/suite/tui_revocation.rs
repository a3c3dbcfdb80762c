//! Revocation in the interface, on a real workspace: an openssl CA revokes
//! one of two certificates and serves its CRL over HTTP; the job the
//! interface starts (after the tree is read, and on `V`) finds it, the
//! tree says "révoqué" in place of the days left and Étape 3 gives the
//! date and reason after "Certificat importé", in the user's language.

use crate::support;

use cleocps::i18n::Lang;
use cleocps::tui::action::Step;
use cleocps::tui::event::Event;
use cleocps::tui::{jobs, term, tree, update, Action, App, Effect, JobKind, TuiContext};
use cleocps_core::workspace::Workspace;
use std::path::Path;
use std::sync::mpsc::channel;
use std::sync::Arc;
use std::time::Duration;
use support::http::FileServer;
use support::openssl_ca::{certified, OpensslCa};
use support::tui::render;

/// Runs every job `effect` starts, for real, and gives `update` their
/// outcomes, until nothing more is started.
fn settle(app: &mut App, ws: &Workspace, effect: Option<Effect>) {
    let mut todo: Vec<Effect> = effect.into_iter().collect();
    while let Some(effect) = todo.pop() {
        match effect {
            Effect::Many(more) => todo.extend(more.into_iter().rev()),
            Effect::Job(id, job) => {
                let (tx, rx) = channel();
                jobs::spawn(ws, &Arc::new(TuiContext::default()), app.lang, id, job, tx);
                match rx.recv_timeout(Duration::from_secs(60)).expect("an answer") {
                    Event::Job(got, outcome) => todo.extend(update(app, Action::Job(got, outcome))),
                    other => panic!("{other:?}"),
                }
            }
            // The configuration saved: the loop's copy; `app` has it too.
            Effect::UseConfig(_) => {}
            other => panic!("unexpected {other:?}"),
        }
    }
}

/// Two certified requests, `F/good` and `F/bad`, `bad` revoked for key
/// compromise in the CRL their certificates point at (served over HTTP).
fn revoked_workspace(tmp: &Path) -> (Workspace, FileServer) {
    let ca = OpensslCa::new(&tmp.join("ca"), "/C=FR/O=TEST/CN=TEST AC TUI");
    let crl = tmp.join("ca.crl");
    ca.crl(&crl);
    let server = FileServer::file(crl.clone());
    let url = format!("{}/ca.crl", server.base);
    let ws = tmp.join("ws");
    certified(&ws, &ca, "good", None, Some(&url));
    let bad = certified(&ws, &ca, "bad", None, Some(&url));
    ca.revoke(&bad, "keyCompromise");
    ca.crl(&crl);
    (Workspace::open(&ws).expect("workspace"), server)
}

/// The line of the tree that names `name`.
fn tree_line(screen: &str, name: &str) -> String {
    screen
        .lines()
        .find(|l| l.contains(name))
        .unwrap_or_else(|| panic!("{name} in\n{screen}"))
        .to_string()
}

#[test]
fn the_tree_and_etape_3_say_revoked_after_the_job_checked_the_crl() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (ws, server) = revoked_workspace(tmp.path());
    let mut app = term::load(&ws, Lang::Fr).expect("load");
    // Read as the interface opens: nothing checked yet, nothing fetched.
    assert!(!render(&app, 80, 24).contains("révoqué"));
    assert_eq!(server.hits(), 0);

    // The interface opens: the check runs as a job, off the loop.
    let effect = update::opened(&mut app, None);
    assert!(app.jobs.iter().any(|j| j.kind == JobKind::Revocation));
    settle(&mut app, &ws, effect);
    assert!(server.hits() >= 1, "the CRL was fetched");
    let screen = render(&app, 80, 24);
    let bad = tree_line(&screen, "bad");
    assert!(bad.contains("révoqué"), "{screen}");
    assert!(!tree_line(&screen, "good").contains("révoqué"), "{screen}");
    assert!(tree_line(&screen, "good").contains(" j"), "{screen}");

    // Étape 3 of the revoked one: the date and the reason, in French.
    assert!(tree::select(&mut app, "F/bad"));
    let effect = update(&mut app, Action::GoStep(Step::Final));
    settle(&mut app, &ws, effect);
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("Certificat importé · révoqué le 20"),
        "{screen}"
    );
    assert!(screen.contains("(motif :"), "{screen}");
    assert!(screen.contains("compromission de la clé"), "{screen}");
    // The good one is said good, with the day it was checked.
    assert!(tree::select(&mut app, "F/good"));
    let effect = update(&mut app, Action::GoStep(Step::Final));
    settle(&mut app, &ws, effect);
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("Certificat importé · non révoqué (20"),
        "{screen}"
    );
    // Every button of Étape 3 still fits at 80×24.
    assert!(screen.contains("[m]") && screen.contains("[D]"), "{screen}");
}

#[test]
fn a_read_of_the_tree_checks_again_and_v_checks_on_demand() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (ws, _server) = revoked_workspace(tmp.path());
    let mut app = term::load(&ws, Lang::En).expect("load");
    // `V`: checked now, and the outcome said.
    let effect = update(&mut app, Action::CheckRevocation);
    settle(&mut app, &ws, effect);
    let status = support::tui::status(&app);
    assert_eq!(status, "Revocation checked: 2 certificate(s), 1 revoked.");
    let screen = render(&app, 80, 24);
    assert!(tree_line(&screen, "bad").contains("revoked"), "{screen}");

    // A job that reads the tree again: the fresh read is checked again
    // (its certificates come back unchecked), quietly but for the revoked.
    app.status = None;
    let effect = update(&mut app, Action::Refresh);
    // What was found holds while the tree is read again, not "unchecked".
    assert!(app.certified["F/bad"].revocation.is_revoked());
    settle(&mut app, &ws, effect);
    let screen = render(&app, 80, 24);
    assert!(tree_line(&screen, "bad").contains("revoked"), "{screen}");
    // Nothing newly revoked: the check of a read of the tree says nothing.
    assert_eq!(support::tui::status(&app), "");
    // Étape 3 in English.
    assert!(tree::select(&mut app, "F/bad"));
    let effect = update(&mut app, Action::GoStep(Step::Final));
    settle(&mut app, &ws, effect);
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("Certificate imported · revoked on 20"),
        "{screen}"
    );
    assert!(screen.contains("(reason:"), "{screen}");
    assert!(screen.contains("keyCompromise)"), "{screen}");

    // Quitting asks nothing for a check still running.
    let effect = update(&mut app, Action::CheckRevocation);
    assert!(matches!(update(&mut app, Action::Quit), Some(Effect::Quit)));
    drop(effect);
}

#[test]
fn the_trust_section_edits_the_revocation_settings() {
    use tui_input::InputRequest;
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = Workspace::open(&tmp.path().join("ws")).expect("workspace");
    let file = tmp.path().join("config.json");
    let mut app = support::tui::french();
    app.config_path = Some(file.clone());
    update(&mut app, Action::Config);
    let focus = |app: &mut App, key: &str| {
        let s = app.config_screen.as_mut().expect("the screen");
        assert!(s.focus_key(key), "{key}");
    };
    let value = |app: &App| {
        let f = support::tui::screen(app).field().expect("a field");
        f.value().to_string()
    };
    // Each starts on what the configuration says (here its defaults).
    focus(&mut app, "revocation.mode");
    assert_eq!(value(&app), "auto");
    let text = render(&app, 80, 24);
    assert!(text.contains("Révocation"), "{text}");
    assert!(text.contains("‹ vérifiée (OCSP, CRL) ›"), "{text}");
    update(&mut app, Action::Edit(InputRequest::GoToNextChar));
    assert_eq!(value(&app), "off");
    let text = render(&app, 80, 24);
    assert!(text.contains("‹ désactivée (hors réseau) ›"), "{text}");
    focus(&mut app, "revocation.ldap");
    assert_eq!(value(&app), "false");
    update(&mut app, Action::Edit(InputRequest::InsertChar(' ')));
    assert_eq!(value(&app), "true");
    focus(&mut app, "revocation.max_unknown_days");
    assert_eq!(value(&app), "7");

    // A number of days out of bounds is said under its field, nothing written.
    support::tui::clear(&mut app);
    support::tui::typed(&mut app, "0");
    assert!(update(&mut app, Action::SaveConfig).is_none());
    assert!(!file.exists());
    assert_eq!(
        support::tui::screen(&app).problem("revocation.max_unknown_days"),
        Some("un nombre de jours de 1 à 366")
    );
    focus(&mut app, "revocation.max_unknown_days");
    support::tui::clear(&mut app);
    support::tui::typed(&mut app, "30");
    let effect = update(&mut app, Action::SaveConfig);
    settle(&mut app, &ws, effect);
    let text = std::fs::read_to_string(&file).expect("written");
    let parsed =
        cleocps_core::config::Config::parse(&file, &text).expect("config check accepts it");
    assert_eq!(parsed.revocation.mode, cleocps_core::revocation::Mode::Off);
    assert_eq!(parsed.revocation.max_unknown_days, 30);
    assert!(parsed.revocation.ldap);
    assert_eq!(app.config, parsed);

    // Revocation off: `V` says where it was turned off, and starts nothing.
    update(&mut app, Action::Cancel);
    assert!(update(&mut app, Action::CheckRevocation).is_none());
    assert_eq!(
        support::tui::status(&app),
        "révocation non vérifiée (désactivée dans Configuration › Confiance)"
    );
}

#[test]
fn the_demo_shows_one_request_of_each_road_and_a_revoked_certificate() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("demo");
    let sandbox = cleocps::demo::ensure(&root, false).expect("the sandbox");
    let _servers = cleocps::demo::RaThread::start(&sandbox).expect("its servers");
    let ws = Workspace::open(&sandbox.workspace)
        .expect("workspace")
        .with_trust(sandbox.config.trust.clone());
    let mut app = term::load(&ws, Lang::Fr).expect("load");
    app.config = sandbox.config.clone();
    let effect = update::opened(&mut app, None);
    settle(&mut app, &ws, effect);
    let screen = render(&app, 80, 24);
    assert!(screen.contains("Clinique de Démonstration"), "{screen}");
    // The card road's request waits for the card; the platform's are issued.
    assert!(
        tree_line(&screen, "messagerie").contains("S/MIME clés"),
        "{screen}"
    );
    assert!(tree_line(&screen, " insi ").contains(" j"), "{screen}");
    assert!(
        tree_line(&screen, "ancien-web").contains("révoqué"),
        "{screen}"
    );

    // The command line agrees: `check` is CRITICAL naming the revocation.
    let out = support::cleocps(tmp.path())
        .arg("--config")
        .arg(&sandbox.config_file)
        .arg("--workspace")
        .arg(&sandbox.workspace)
        .args(["--lang", "en", "check"])
        .output()
        .expect("check");
    let line = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{line}");
    assert!(
        line.contains("Clinique de Démonstration/ancien-web REVOKED on "),
        "{line}"
    );
    assert!(line.contains("keyCompromise"), "{line}");
    // And openssl reads the rehearsal CRL as listing its serial.
    let crt = sandbox
        .workspace
        .join("dossiers/Clinique de Démonstration/ancien-web/ancien-web.crt");
    let serial = support::tool_ok(
        "openssl",
        &["x509", "-noout", "-serial", "-in", &crt.to_string_lossy()],
    );
    let serial = serial.trim().trim_start_matches("serial=").to_uppercase();
    let base = std::fs::read_to_string(root.join("ra/revocation/url")).expect("its address");
    let crl_file = tmp.path().join("ca.crl");
    support::tool_ok(
        "curl",
        &[
            "-sf",
            "-o",
            &crl_file.to_string_lossy(),
            &format!("{}/crl/ca.crl", base.trim()),
        ],
    );
    let crl = support::tool_ok(
        "openssl",
        &[
            "crl",
            "-inform",
            "DER",
            "-noout",
            "-text",
            "-in",
            &crl_file.to_string_lossy(),
        ],
    );
    assert!(
        crl.to_uppercase().contains(serial.trim_start_matches('0')),
        "{serial}\n{crl}"
    );
}

#[test]
fn an_unreachable_list_is_said_unknown_since_not_good() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ca = OpensslCa::new(&tmp.path().join("ca"), "/C=FR/O=TEST/CN=TEST AC TUI");
    // A port nothing listens on: the list cannot be fetched.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}/ca.crl", closed.local_addr().expect("addr"));
    drop(closed);
    let ws_dir = tmp.path().join("ws");
    certified(&ws_dir, &ca, "web", None, Some(&url));
    let ws = Workspace::open(&ws_dir).expect("workspace");
    let mut app = term::load(&ws, Lang::Fr).expect("load");
    let effect = update::opened(&mut app, None);
    settle(&mut app, &ws, effect);
    assert!(tree::select(&mut app, "F/web"));
    let effect = update(&mut app, Action::GoStep(Step::Final));
    settle(&mut app, &ws, effect);
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("Certificat importé · révocation inconnue depuis"),
        "{screen}"
    );
    assert!(!screen.contains("non révoqué"), "{screen}");
    assert!(!tree_line(&screen, "web").contains("révoqué"), "{screen}");
}
