//! The CleoWizard screen's platform road, key by key: `w` opens on it
//! without a registration server; with one, the card's list offers it as
//! its last line; the work it asks for; a refused certificate asked again.

use crate::support;

use cleocps::i18n::Lang;
use cleocps::tui::action::{Done, Shown};
use cleocps::tui::modal::Modal;
use cleocps::tui::wizard::{WizStep, WizardJob};
use cleocps::tui::{sample, update, Action, App, Effect};
use cleocps_core::request::RequestType;
use cleocps_core::wizard::{Found, Given, Route, Start};
use std::path::PathBuf;
use support::tui::{done_last, job, render};

fn wjob(effect: Option<Effect>) -> WizardJob {
    match job(effect) {
        Ok(w) => w,
        other => panic!("expected a wizard job, got {other:?}"),
    }
}

fn step(app: &App) -> WizStep {
    app.wizard.as_ref().expect("wizard open").run.step.clone()
}

fn found(app: &mut App, f: Found) -> Option<Effect> {
    let d = Done {
        shown: Some(Shown::Wizard(Box::new(f))),
        ..Done::default()
    };
    done_last(app, d)
}

fn opened(app: &mut App) {
    assert!(matches!(
        wjob(update(app, Action::Wizard)),
        WizardJob::Resumable
    ));
    found(app, Found::Resumable(None));
}

#[test]
fn without_a_registration_server_w_opens_on_the_platform() {
    let mut app = sample::example(Lang::Fr);
    opened(&mut app);
    let screen = render(&app, 80, 24);
    assert!(!screen.contains("non configuré"), "{screen}");
    assert!(screen.contains("ORG AUTH_CLI"), "{screen}");
    for _ in 0..4 {
        update(&mut app, Action::Down);
    }
    update(&mut app, Action::Submit);
    assert!(matches!(step(&app), WizStep::Service { .. }));
    // The last line: another name, typed.
    update(&mut app, Action::Down);
    update(&mut app, Action::Down);
    update(&mut app, Action::Submit);
    assert!(matches!(step(&app), WizStep::Typed { .. }));
    for c in "INSI-MANU".chars() {
        update(
            &mut app,
            Action::Edit(tui_input::InputRequest::InsertChar(c)),
        );
    }
    update(&mut app, Action::Submit);
    assert!(matches!(step(&app), WizStep::KeyPassword));
    match wjob(update(&mut app, Action::Submit)) {
        WizardJob::Csr {
            start: Start::New {
                target,
                key_password,
            },
        } => {
            assert_eq!(target.kind, RequestType::OrgAuthCli);
            assert_eq!(target.name, "INSI-MANU");
            assert!(key_password);
        }
        other => panic!("expected the CSR's job, got {other:?}"),
    }
    let path = "CleoWizard/Demande 1".to_string();
    let csr = "-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n";
    found(
        &mut app,
        Found::Prepared {
            path: path.clone(),
            csr: csr.into(),
        },
    );
    assert!(matches!(
        update(&mut app, Action::Copy),
        Some(Effect::Copy(text)) if text == csr
    ));
    // The request alone, as a page of PEM (80×24 can't hold it beside the steps).
    update(&mut app, Action::ShowCsr);
    assert!(matches!(&app.modal, Some(Modal::Csr(m)) if m.pem == csr));
    update(&mut app, Action::Cancel);
    assert!(app.modal.is_none() && matches!(step(&app), WizStep::Csr { .. }));
    update(&mut app, Action::Submit);
    assert!(matches!(step(&app), WizStep::Certificate { .. }));
    // A paste is the certificate: imported off the UI thread.
    match wjob(update(
        &mut app,
        Action::Paste("-----BEGIN CERTIFICATE-----".into()),
    )) {
        WizardJob::Import { path: p, given } => {
            assert_eq!(p, path);
            assert_eq!(given, Given::Text(b"-----BEGIN CERTIFICATE-----".to_vec()));
        }
        other => panic!("expected the import, got {other:?}"),
    }
    // Refused: asked again, saying why, the run kept.
    let id = support::tui::last_job(&app);
    let why = cleocps::tui::job::Failure::Said("certificat d'une autre clé".into());
    let failure = cleocps::tui::action::JobOutcome::Failed(why);
    update(&mut app, Action::Job(id, failure));
    match step(&app) {
        WizStep::Certificate {
            refused: Some(why), ..
        } => assert!(why.contains("autre clé")),
        other => panic!("expected the question again, got {other:?}"),
    }
    assert!(render(&app, 80, 24).contains("autre clé"));
    // Or its file: the path typed, read by the job.
    for c in "/tmp/insi.p7b".chars() {
        update(
            &mut app,
            Action::Edit(tui_input::InputRequest::InsertChar(c)),
        );
    }
    match wjob(update(&mut app, Action::Submit)) {
        WizardJob::Import { given, .. } => {
            assert_eq!(given, Given::File("/tmp/insi.p7b".into()))
        }
        other => panic!("expected the import, got {other:?}"),
    }
}

#[test]
fn with_a_registration_server_the_card_list_offers_the_platform() {
    let mut app = sample::example(Lang::Fr);
    app.config.registration.certificate = Some(PathBuf::from("/etc/cleocps/inscription.crt"));
    opened(&mut app);
    let w = app.wizard.as_ref().expect("wizard");
    assert_eq!(w.run.route, Route::Card);
    update(&mut app, Action::Down);
    update(&mut app, Action::Down);
    assert!(update(&mut app, Action::Submit).is_none());
    let w = app.wizard.as_ref().expect("wizard");
    assert_eq!(w.run.route, Route::Platform);
    assert!(matches!(w.run.step, WizStep::Type));
    assert!(render(&app, 80, 24).contains("ORG CONF"));
}
