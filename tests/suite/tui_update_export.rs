//! `update` for Étape 3's exports: the dialogs
//! start in the request's directory (then the last one used) with files
//! named after the server, the clear-key warning shows only for a clear
//! key, and a wrong key password is asked again with the rest kept.

use crate::support;

use cleocps::tui::action::{Done, Shown, Step};
use cleocps::tui::jobs as work;
use cleocps::tui::modal::{Ask, ChoiceModal, Choose, Hidden, InputModal, Modal, SecretModal};
use cleocps::tui::{update, Action};
use cleocps_core::secret::Secret;
use std::path::PathBuf;
use support::tui::{at, clear, done, job, started, status_of, typed};

const WEB: &str = "Clinique du Test/srv-web";
const WEB_DIR: &str = "/home/admin/.local/share/cleocps/dossiers/Clinique du Test/srv-web";

fn input_value(app: &cleocps::tui::App) -> String {
    match &app.modal {
        Some(Modal::Input(InputModal { input, .. })) => input.value().to_string(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn pem_export_starts_in_the_request_directory_named_after_the_fqdn() {
    let mut app = at(WEB, Step::Final);
    update(&mut app, Action::ExportPem);
    assert!(matches!(
        &app.modal,
        Some(Modal::Input(InputModal {
            what: Ask::ExportFiles { .. },
            ..
        }))
    ));
    assert_eq!(
        input_value(&app),
        format!("{WEB_DIR}/srv-web.clinique-test.fr")
    );
    // Protected (the default), then the key password: the job names the files.
    update(&mut app, Action::Submit);
    update(&mut app, Action::Submit);
    typed(&mut app, "pw");
    match job(update(&mut app, Action::Submit)) {
        Ok(work::ExportPem {
            dir, name, clear, ..
        }) => {
            assert_eq!(dir, PathBuf::from(WEB_DIR));
            assert_eq!(name.as_deref(), Some("srv-web.clinique-test.fr"));
            assert!(!clear);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_next_export_starts_where_the_last_went() {
    let mut app = at(WEB, Step::Final);
    update(&mut app, Action::ExportPem);
    clear(&mut app);
    typed(&mut app, "/etc/nginx/ssl/web");
    update(&mut app, Action::Submit);
    update(&mut app, Action::Cancel);
    update(&mut app, Action::ExportP12);
    assert_eq!(
        input_value(&app),
        "/etc/nginx/ssl/srv-web.clinique-test.fr.p12"
    );
    // A directory typed with its trailing slash keeps the request's name.
    update(&mut app, Action::Cancel);
    update(&mut app, Action::ExportPem);
    clear(&mut app);
    typed(&mut app, "/srv/tls/");
    update(&mut app, Action::Submit);
    update(&mut app, Action::Down);
    update(&mut app, Action::Submit);
    typed(&mut app, "pw");
    match job(update(&mut app, Action::Submit)) {
        Ok(work::ExportPem { dir, name, .. }) => {
            assert_eq!(dir, PathBuf::from("/srv/tls/"));
            assert_eq!(name, None);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_clear_key_warning_shows_only_for_a_clear_key() {
    let choose = Choose::PemKey {
        path: WEB.into(),
        out: PathBuf::from("/tmp/x"),
    };
    assert_eq!(choose.note_id(0), None, "« Protégée » chosen");
    assert_eq!(choose.note_id(1), Some("notice.clear_key"));
}

#[test]
fn a_wrong_key_password_is_asked_again_keeping_the_file_and_p12_password() {
    let mut app = at(WEB, Step::Final);
    update(&mut app, Action::ExportP12);
    clear(&mut app);
    typed(&mut app, "/root/web.p12");
    update(&mut app, Action::Submit);
    typed(&mut app, "wrongpw");
    update(&mut app, Action::Submit);
    typed(&mut app, "p12pw");
    update(&mut app, Action::NextField);
    typed(&mut app, "p12pw");
    update(&mut app, Action::Submit);
    let first = started(update(&mut app, Action::Submit));
    let id = app.jobs[0].id;
    let refused = Done {
        message: Some("wrong key password (if it is lost, …)".into()),
        shown: Some(Shown::WrongKeyPassword {
            retry: Box::new(first),
        }),
        ..Done::default()
    };
    assert!(done(&mut app, id, refused).is_none());
    assert!(status_of(&app).1, "an error in the status");
    match &app.modal {
        Some(Modal::Secret(SecretModal {
            what: Hidden::KeyPasswordAgain { .. },
            error: Some(e),
            first,
            ..
        })) => {
            assert!(e.contains("wrong key password"), "{e}");
            assert!(first.is_empty());
        }
        other => panic!("{other:?}"),
    }
    typed(&mut app, "keypw");
    match job(update(&mut app, Action::Submit)) {
        Ok(work::ExportP12 {
            file,
            p12_password,
            key_password,
            ..
        }) => {
            assert_eq!(file, PathBuf::from("/root/web.p12"));
            assert_eq!(p12_password, Secret::new("p12pw"));
            assert_eq!(key_password, Some(Secret::new("keypw")));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn export_pem_asks_key_password() {
    let mut app = at("Clinique du Test/srv-web", Step::Final);
    update(&mut app, Action::ExportPem);
    assert!(matches!(
        app.modal,
        Some(Modal::Input(InputModal {
            what: Ask::ExportFiles { .. },
            ..
        }))
    ));
    update(&mut app, Action::Submit);
    // The key is encrypted: keep its password on the export (default) or write it clear.
    assert!(matches!(
        app.modal,
        Some(Modal::Choice(ChoiceModal {
            what: Choose::PemKey { .. },
            sel: 0
        }))
    ));
    update(&mut app, Action::Submit);
    typed(&mut app, "pw");
    assert!(matches!(
        job(update(&mut app, Action::Submit)),
        Ok(work::ExportPem {
            key_password: Some(_),
            clear: false,
            force: false,
            ..
        })
    ));
    let mut app = at("Clinique du Test/portail", Step::Final);
    assert!(update(&mut app, Action::ExportPem).is_none());
}

#[test]
fn export_p12_other_password_twice_and_profile() {
    let mut app = at("Clinique du Test/srv-web", Step::Final);
    update(&mut app, Action::ExportP12);
    update(&mut app, Action::Submit);
    typed(&mut app, "keypw");
    update(&mut app, Action::Submit);
    assert!(matches!(
        app.modal,
        Some(Modal::Secret(SecretModal {
            what: Hidden::P12Password { .. },
            ..
        }))
    ));
    // The same password as the key's is refused.
    typed(&mut app, "keypw");
    update(&mut app, Action::Submit);
    typed(&mut app, "keypw");
    update(&mut app, Action::Submit);
    assert!(
        matches!(&app.modal, Some(Modal::Secret(SecretModal { error: Some(e), .. })) if e.contains("differ"))
    );
    typed(&mut app, "p12pw");
    update(&mut app, Action::NextField);
    typed(&mut app, "p12pw");
    update(&mut app, Action::Submit);
    assert!(matches!(
        app.modal,
        Some(Modal::Choice(ChoiceModal {
            what: Choose::P12Profile { .. },
            ..
        }))
    ));
    update(&mut app, Action::Down);
    match job(update(&mut app, Action::Submit)) {
        Ok(work::ExportP12 {
            legacy,
            p12_password,
            key_password,
            ..
        }) => {
            assert!(legacy);
            assert_eq!(p12_password.expose(), "p12pw");
            assert_eq!(
                key_password.map(|k| k.expose().to_string()).as_deref(),
                Some("keypw")
            );
        }
        other => panic!("{other:?}"),
    }
}
