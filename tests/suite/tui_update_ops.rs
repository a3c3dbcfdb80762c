//! Operations in the TUI: the days left beside each certified
//! request of the tree, brought by the job that re-reads the tree; Étape 3's
//! certificate, renewal links and deploy action.

use crate::support;

use cleocps::i18n::Lang;
use cleocps::tui::action::{Done, Shown, Step};
use cleocps::tui::app::{Layer, TreeRead};
use cleocps::tui::jobs as work;
use cleocps::tui::modal::Modal;
use cleocps::tui::{keymap, sample, tree, update, view, Action, App};
use cleocps_core::deploy::{CommandRun, DeployReport};
use cleocps_core::ops::Certified;
use cleocps_core::request::RequestType;
use ratatui::backend::TestBackend;
use ratatui::style::Color;
use ratatui::Terminal;
use std::collections::HashMap;
use support::tui::{at, done_last, job, started, status, typed};

fn certified(path: &str, days_left: i64, replaced_by: Option<&str>) -> Certified {
    let (folder, name) = path.split_once('/').expect("path");
    Certified {
        folder: folder.into(),
        name: name.into(),
        id: "id".into(),
        kind: RequestType::Ssl,
        cn: format!("{name}.example.fr"),
        serial: "4A1F".into(),
        not_before: "2026-01-01T00:00:00Z".into(),
        not_after: "2026-12-04T00:00:00Z".into(),
        not_after_unix: 0,
        days_left,
        deployed: vec![],
        replaced_by: replaced_by.map(str::to_string),
        revocation: Default::default(),
    }
}

/// The tree as a reload reads it, with these certificates.
fn reread(app: &App, certs: &[Certified]) -> TreeRead {
    TreeRead {
        certified_only: None,
        folders: app
            .tree
            .iter()
            .map(|f| (f.name.clone(), f.requests.clone()))
            .collect(),
        certified: certs
            .iter()
            .map(|c| (c.path(), c.clone()))
            .collect::<HashMap<_, _>>(),
    }
}

/// The screen's text and the foreground colour of the first cell of `needle`.
fn screen(app: &App, needle: &str) -> (String, Option<Color>) {
    let mut term = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    term.draw(|f| view::draw(f, app)).expect("draw");
    let buf = term.backend().buffer();
    let text = view::to_text(buf);
    let colour = text.lines().enumerate().find_map(|(y, line)| {
        let col = line.find(needle)?;
        let x = line[..col].chars().count() as u16;
        Some(buf[(x, y as u16)].fg)
    });
    (text, colour)
}

#[test]
fn a_reread_tree_brings_the_days_left_of_each_certificate() {
    let mut app = at("Clinique du Test/portail", Step::Request);
    app.collapsed.clear();
    started(update(&mut app, Action::ShowCsr));
    let certs = [
        certified("Clinique du Test/srv-web", 5, None),
        certified("Archives 2023/ancien-web", 25, None),
        certified(
            "Archives 2023/ancien-dmp",
            -3,
            Some("Clinique du Test/srv-web"),
        ),
    ];
    let fresh = reread(&app, &certs);
    done_last(
        &mut app,
        Done {
            tree: Some(fresh),
            ..Done::default()
        },
    );
    assert_eq!(app.certified.len(), 3);
    assert_eq!(app.certified["Clinique du Test/srv-web"].days_left, 5);

    let theme = cleocps::tui::theme::Theme { color: true };
    let (text, colour) = screen(&app, "5 d ");
    assert!(text.contains("srv-web"), "{text}");
    assert_eq!(colour, theme.error().fg, "≤ 7 days: error colour\n{text}");
    let (_, colour) = screen(&app, "25 d");
    assert_eq!(
        colour,
        theme.warning().fg,
        "≤ 30 days: warning colour\n{text}"
    );
    assert!(text.contains("replaced"), "{text}");

    let mut fr = sample::example(Lang::Fr);
    fr.collapsed.clear();
    fr.certified = app.certified.clone();
    tree::select(&mut fr, "Dossier 2/Demande 1");
    let (text, _) = screen(&fr, "remplacé");
    assert!(text.contains("5 j "), "{text}");
    assert!(text.contains("remplacé"), "{text}");
    fr.certified.insert(
        "Archives 2023/ancien-web".into(),
        certified("Archives 2023/ancien-web", -1, None),
    );
    let (text, colour) = screen(&fr, "expiré");
    assert!(text.contains("expiré"), "{text}");
    assert_eq!(colour, theme.error().fg);
}

fn modal(app: &App) -> &Modal {
    app.modal.as_ref().expect("a dialog is open")
}

#[test]
fn step3_shows_the_certificate_life_and_renewal_links() {
    let app = at("Clinique du Test/srv-web", Step::Final);
    let (text, _) = screen(&app, "Renews");
    assert!(text.contains("1095 days (until 2029-03-01)"), "{text}");
    assert!(text.contains("4A1F09C2D37B"), "serial\n{text}");
    assert!(
        text.contains("/etc/nginx/tls/srv-web.fullchain.pem"),
        "{text}"
    );
    assert!(text.contains("Renews: Archives 2023/ancien-web"), "{text}");
    let mut old = at("Archives 2023/ancien-web", Step::Final);
    old.certs.clear();
    let (text, _) = screen(&old, "Renewed");
    assert!(
        text.contains("Renewed by: Clinique du Test/srv-web"),
        "{text}"
    );
}

#[test]
fn deploy_shows_the_saved_profile_asks_the_key_password_then_runs() {
    let mut app = at("Clinique du Test/srv-web", Step::Final);
    let footer: Vec<_> = keymap::footer(&app).into_iter().map(|(k, _)| k).collect();
    assert!(footer.contains(&"D".to_string()), "{footer:?}");
    assert!(update(&mut app, Action::Deploy).is_none());
    assert_eq!(app.layer(), Layer::Confirm);
    let (text, _) = screen(&app, "nginx -t");
    assert!(text.contains("root:www-data"), "{text}");
    assert!(text.contains("systemctl reload nginx"), "{text}");
    // The stored key is encrypted and goes out clear: its password first.
    assert!(update(&mut app, Action::Submit).is_none());
    assert!(matches!(modal(&app), Modal::Secret(_)), "{:?}", app.modal);
    typed(&mut app, "secret");
    match job(update(&mut app, Action::Submit)) {
        Ok(work::Deploy {
            path,
            key_password,
            profile: None,
        }) => {
            assert_eq!(path, "Clinique du Test/srv-web");
            assert!(key_password.is_some());
        }
        other => panic!("{other:?}"),
    }
    assert!(app.busy_with("Clinique du Test/srv-web"));
    let lines: Vec<String> = (0..40).map(|i| format!("line {i}")).collect();
    let report = DeployReport {
        serial: "01".into(),
        not_after: "2027-01-01".into(),
        targets: vec![],
        check: Some(CommandRun {
            command: "nginx -t".into(),
            success: true,
            exit_code: Some(0),
            timed_out_after: None,
            output: lines.join("\n"),
        }),
        reload: None,
        saved: false,
    };
    done_last(
        &mut app,
        Done {
            shown: Some(Shown::Deployed {
                path: "Clinique du Test/srv-web".into(),
                outcome: Ok(Box::new(report)),
            }),
            ..Done::default()
        },
    );
    assert_eq!(app.layer(), Layer::Help, "read-only, scrollable");
    let (text, _) = screen(&app, "line 0");
    assert!(
        text.contains("Deployed") && !text.contains("line 39"),
        "{text}"
    );
    for _ in 0..100 {
        update(&mut app, Action::Down);
    }
    let (text, _) = screen(&app, "line 39");
    assert!(
        text.contains("line 39") && !text.contains("line 0 "),
        "{text}"
    );
    update(&mut app, Action::Cancel);
    assert!(app.modal.is_none());
}

#[test]
fn deploy_asks_the_key_password_only_when_the_key_must_be_opened() {
    let path = "Clinique du Test/srv-web";
    let set = |app: &mut App, f: &dyn Fn(&mut cleocps_core::request::Request)| {
        for r in app.tree.iter_mut().flat_map(|f| &mut f.requests) {
            if r.path() == path {
                f(r);
            }
        }
    };
    // No key target: the CSR checks the certificate, no password.
    let mut app = at(path, Step::Final);
    set(&mut app, &|r| {
        if let Some(p) = r.deploy.as_mut() {
            p.key = None;
        }
    });
    update(&mut app, Action::Deploy);
    assert!(matches!(
        job(update(&mut app, Action::Submit)),
        Ok(work::Deploy {
            key_password: None,
            ..
        })
    ));
    // The same for an adopted request (no CSR): its key must be opened.
    let mut app = at(path, Step::Final);
    set(&mut app, &|r| {
        r.generation = None;
        if let Some(p) = r.deploy.as_mut() {
            p.key = None;
        }
    });
    update(&mut app, Action::Deploy);
    assert!(update(&mut app, Action::Submit).is_none());
    assert!(matches!(modal(&app), Modal::Secret(_)));
}

#[test]
fn deploy_without_a_profile_opens_its_form_and_is_offered_only_when_allowed() {
    let mut app = at("Archives 2023/ancien-dmp", Step::Final);
    assert!(update(&mut app, Action::Deploy).is_none());
    assert!(
        matches!(modal(&app), Modal::DeployForm(_)),
        "{:?}",
        app.modal
    );
    // Empty: the core's rule says why, the form stays.
    assert!(update(&mut app, Action::Submit).is_none());
    match modal(&app) {
        Modal::DeployForm(m) => {
            let e = m.error.clone().unwrap_or_default();
            // In the interface's words: no command-line flag.
            assert!(e.contains("Nothing to install") && !e.contains("--"), "{e}");
        }
        other => panic!("{other:?}"),
    }
    // A mode that is not octal is refused before anything runs.
    typed(&mut app, "/srv/tls/dmp.fullchain.pem");
    for _ in 0..5 {
        update(&mut app, Action::NextField);
    }
    typed(&mut app, "rw-r--r--");
    assert!(update(&mut app, Action::Submit).is_none());
    match modal(&app) {
        Modal::DeployForm(m) => assert!(
            m.error.as_deref().is_some_and(|e| e.contains("octal")),
            "{:?}",
            m.error
        ),
        other => panic!("{other:?}"),
    }
    support::tui::clear(&mut app);
    typed(&mut app, "0644");
    for _ in 0..2 {
        update(&mut app, Action::NextField);
    }
    typed(&mut app, "true");
    match job(update(&mut app, Action::Submit)) {
        Ok(work::Deploy {
            path,
            key_password: None,
            profile: Some(p),
        }) => {
            assert_eq!(path, "Archives 2023/ancien-dmp");
            assert_eq!(p.fullchain, Some("/srv/tls/dmp.fullchain.pem".into()));
            assert_eq!(p.mode.as_deref(), Some("0644"));
            assert_eq!(p.check.as_deref(), Some("true"));
            assert!(p.key.is_none());
        }
        other => panic!("{other:?}"),
    }
    // A request without a certificate: no D in the key bar, refused with why.
    let mut app = at("Clinique du Test/portail", Step::Final);
    let footer: Vec<_> = keymap::footer(&app).into_iter().map(|(k, _)| k).collect();
    assert!(!footer.contains(&"D".to_string()), "{footer:?}");
    assert!(update(&mut app, Action::Deploy).is_none());
    assert!(app.modal.is_none());
    assert!(
        status(&app).contains("import the answer"),
        "{}",
        status(&app)
    );
}

/// A TUI left open overnight: after an idle hour the tree is read again,
/// so the days left move on (the loop sends `Refresh`; nothing else runs).
#[test]
fn an_idle_hour_reads_the_tree_again_and_the_days_left_move_on() {
    let mut app = at("Clinique du Test/srv-web", Step::Final);
    app.collapsed.clear();
    assert!(matches!(
        job(update(&mut app, Action::Refresh)),
        Ok(work::Reload)
    ));
    // A job runs: the next hour waits for it.
    assert!(update(&mut app, Action::Refresh).is_none());
    let fresh = reread(&app, &[certified("Clinique du Test/srv-web", 29, None)]);
    let answer = Done {
        tree: Some(fresh),
        ..Done::default()
    };
    done_last(&mut app, answer);
    let (text, _) = screen(&app, "29 d");
    assert!(text.contains("29 d"), "{text}");
}
