//! `update(&mut App, Action) -> Option<Effect>`: every action, allowed and
//! refused, without a terminal or a disk.

use crate::support;

use cleocps::i18n::Lang;
use cleocps::tui::action::{Done, JobOutcome, Shown, Step};
use cleocps::tui::app::Layer;
use cleocps::tui::jobs as work;
use cleocps::tui::modal::{Ask, Choose, Confirm, Hidden, Modal};
use cleocps::tui::modal::{
    ChoiceModal, ConfirmModal, HelpModal, InputModal, MessageModal, SecretModal,
};
use cleocps::tui::{sample, tree, update, Action, App, Effect};
use cleocps_core::pki::KeySize;
use cleocps_core::request::{RequestType, State};
use support::tui::{at, clear, done, job, started, status, typed};
use tui_input::InputRequest;

#[test]
fn navigation_moves_and_folds() {
    let mut app = sample::example(Lang::En);
    app.cursor = 0;
    assert!(update(&mut app, Action::Down).is_none());
    assert_eq!(app.cursor, 1);
    update(&mut app, Action::Up);
    update(&mut app, Action::Up);
    assert_eq!(app.cursor, 0, "stays on the first row");
    update(&mut app, Action::End);
    let last = tree::rows(&app).len() - 1;
    assert_eq!(app.cursor, last);
    update(&mut app, Action::Down);
    assert_eq!(app.cursor, last, "stays on the last row");
    update(&mut app, Action::Home);
    let before = tree::rows(&app).len();
    update(&mut app, Action::Left);
    assert!(tree::rows(&app).len() < before, "folder collapsed");
    update(&mut app, Action::Right);
    assert_eq!(tree::rows(&app).len(), before, "folder expanded");
    // Left on a request goes to its folder.
    tree::select(&mut app, "Dossier 2/Demande 1");
    update(&mut app, Action::Left);
    assert_eq!(tree::selected_folder(&app), Some("Dossier 2"));
    assert!(tree::selected_request(&app).is_none());
    // Enter on a folder toggles it.
    update(&mut app, Action::Activate);
    assert!(app.collapsed.contains("Dossier 2"));
}

#[test]
fn steps_cycle_and_jump() {
    let mut app = at("Dossier 2/Demande 1", Step::Init);
    update(&mut app, Action::NextStep);
    assert_eq!(app.step, Step::Request);
    update(&mut app, Action::NextStep);
    update(&mut app, Action::NextStep);
    assert_eq!(app.step, Step::Init);
    update(&mut app, Action::PrevStep);
    assert_eq!(app.step, Step::Final);
    update(&mut app, Action::GoStep(Step::Request));
    assert_eq!(app.step, Step::Request);
}

#[test]
fn locked_step_refuses_enter_with_reason() {
    let mut app = at("Dossier 2/Demande 1", Step::Final);
    assert!(update(&mut app, Action::Activate).is_none());
    assert!(status(&app).contains("Step 1"), "{}", status(&app));
}

#[test]
fn help_and_quit() {
    let mut app = sample::example(Lang::En);
    update(&mut app, Action::Help);
    assert_eq!(app.layer(), Layer::Help);
    update(&mut app, Action::Down);
    assert!(matches!(
        app.modal,
        Some(Modal::Help(HelpModal { scroll: 1 }))
    ));
    update(&mut app, Action::Cancel);
    assert_eq!(app.layer(), Layer::Main);
    assert!(matches!(update(&mut app, Action::Quit), Some(Effect::Quit)));
}

#[test]
fn quit_while_busy_asks_then_esc_keeps_running() {
    let mut app = at("Dossier 2/Demande 1", Step::Init);
    let _ = started(update(&mut app, Action::GenerateKeys).or_else(|| {
        update(&mut app, Action::Down);
        update(&mut app, Action::Submit);
        update(&mut app, Action::Down);
        update(&mut app, Action::Submit)
    }));
    assert!(app.busy());
    assert!(update(&mut app, Action::Quit).is_none());
    assert!(matches!(
        app.modal,
        Some(Modal::Confirm(ConfirmModal {
            what: Confirm::Quit,
            ..
        }))
    ));
    assert!(update(&mut app, Action::Cancel).is_none());
    assert!(app.modal.is_none());
    update(&mut app, Action::Quit);
    assert!(matches!(
        update(&mut app, Action::Submit),
        Some(Effect::Quit)
    ));
}

#[test]
fn create_folder_with_default_name_and_invalid_name() {
    let mut app = sample::example(Lang::En);
    update(&mut app, Action::NewFolder);
    match &app.modal {
        Some(Modal::Input(InputModal {
            what: Ask::FolderName,
            input,
            ..
        })) => assert_eq!(input.value(), "Dossier 1"),
        other => panic!("{other:?}"),
    }
    clear(&mut app);
    typed(&mut app, ".hidden");
    assert!(update(&mut app, Action::Submit).is_none());
    assert!(matches!(
        &app.modal,
        Some(Modal::Input(InputModal { error: Some(_), .. }))
    ));
    clear(&mut app);
    typed(&mut app, "Radiologie");
    match job(update(&mut app, Action::Submit)) {
        Ok(work::CreateFolder { name }) => assert_eq!(name.as_deref(), Some("Radiologie")),
        other => panic!("{other:?}"),
    }
    assert!(app.modal.is_none());
}

#[test]
fn create_request_chooses_type_then_default_name() {
    let mut app = at("Dossier 2/Demande 1", Step::Init);
    update(&mut app, Action::NewRequest);
    assert!(matches!(
        app.modal,
        Some(Modal::Choice(ChoiceModal {
            what: Choose::RequestType { .. },
            sel: 0
        }))
    ));
    update(&mut app, Action::Down);
    update(&mut app, Action::Submit);
    match &app.modal {
        Some(Modal::Input(InputModal {
            what: Ask::RequestName { folder, kind },
            input,
            ..
        })) => {
            assert_eq!(folder, "Dossier 2");
            assert_eq!(*kind, RequestType::Smime);
            assert_eq!(input.value(), "Demande 2");
        }
        other => panic!("{other:?}"),
    }
    match job(update(&mut app, Action::Submit)) {
        Ok(work::CreateRequest { folder, name, kind }) => {
            assert_eq!(
                (folder.as_str(), name.as_deref(), kind),
                ("Dossier 2", Some("Demande 2"), RequestType::Smime)
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn new_request_without_folder_is_refused() {
    let mut app = App::new(Lang::En, "/tmp/x".into());
    assert!(update(&mut app, Action::NewRequest).is_none());
    assert!(status(&app).contains("folder"));
}

#[test]
fn rename_only_on_a_folder() {
    let mut app = at("Dossier 2/Demande 1", Step::Init);
    assert!(update(&mut app, Action::RenameFolder).is_none());
    assert!(app.modal.is_none());
    assert!(app.status.as_ref().is_some_and(|s| s.error));
    tree::select(&mut app, "Dossier 2");
    update(&mut app, Action::RenameFolder);
    clear(&mut app);
    typed(&mut app, "Imagerie");
    match job(update(&mut app, Action::Submit)) {
        Ok(work::RenameFolder { old, new }) => {
            assert_eq!((old.as_str(), new.as_str()), ("Dossier 2", "Imagerie"))
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn delete_folder_and_requests_confirm_first() {
    let mut app = sample::example(Lang::En);
    tree::select(&mut app, "Dossier 2");
    update(&mut app, Action::Delete);
    assert!(matches!(
        app.modal,
        Some(Modal::Confirm(ConfirmModal {
            what: Confirm::DeleteFolder { force: true, .. },
            ..
        }))
    ));
    assert!(
        update(&mut app, Action::Cancel).is_none(),
        "Esc: nothing deleted"
    );
    update(&mut app, Action::Delete);
    assert!(matches!(
        job(update(&mut app, Action::Submit)),
        Ok(work::DeleteFolder { force: true, .. })
    ));

    let mut app = at("Clinique du Test/Demande 3", Step::Final);
    update(&mut app, Action::Delete);
    assert!(matches!(
        job(update(&mut app, Action::Submit)),
        Ok(work::DeleteRequest { force: false, .. })
    ));

    // A certified request: the confirmation says so, and forces.
    let mut app = at("Clinique du Test/srv-web", Step::Final);
    update(&mut app, Action::Delete);
    assert!(matches!(
        app.modal,
        Some(Modal::Confirm(ConfirmModal {
            what: Confirm::DeleteRequest { force: true, .. },
            ..
        }))
    ));
}

#[test]
fn generate_keys_with_password_twice() {
    let mut app = at("Dossier 2/Demande 1", Step::Init);
    update(&mut app, Action::Activate);
    assert!(matches!(
        app.modal,
        Some(Modal::Choice(ChoiceModal {
            what: Choose::KeySize { replace: false, .. },
            ..
        }))
    ));
    update(&mut app, Action::Down);
    update(&mut app, Action::Down);
    update(&mut app, Action::Submit);
    assert!(matches!(
        app.modal,
        Some(Modal::Choice(ChoiceModal {
            what: Choose::KeyProtect {
                size: KeySize::B4096,
                ..
            },
            ..
        }))
    ));
    update(&mut app, Action::Submit);
    assert_eq!(app.layer(), Layer::Text);
    // Empty is refused.
    update(&mut app, Action::Submit);
    assert!(matches!(
        &app.modal,
        Some(Modal::Secret(SecretModal { error: Some(_), .. }))
    ));
    typed(&mut app, "s3cret");
    update(&mut app, Action::Submit);
    typed(&mut app, "other");
    update(&mut app, Action::Submit);
    assert!(
        matches!(
            &app.modal,
            Some(Modal::Secret(SecretModal {
                error: Some(_),
                on_second: false,
                ..
            }))
        ),
        "mismatch starts over"
    );
    typed(&mut app, "s3cret");
    update(&mut app, Action::Submit);
    typed(&mut app, "s3cret");
    match job(update(&mut app, Action::Submit)) {
        Ok(work::GenerateKeys {
            path,
            size,
            password,
            replace,
        }) => {
            assert_eq!(path, "Dossier 2/Demande 1");
            assert_eq!(size, KeySize::B4096);
            assert_eq!(
                password.map(|p| p.expose().to_string()).as_deref(),
                Some("s3cret")
            );
            assert!(!replace);
        }
        other => panic!("{other:?}"),
    }
    assert!(app.modal.is_none(), "the secret left with the job");
    // A second action on the busy request is refused.
    assert!(update(&mut app, Action::GenerateKeys).is_none());
    assert!(status(&app).contains("already running"));
    // Navigation and help still work.
    update(&mut app, Action::Up);
    update(&mut app, Action::Help);
    assert_eq!(app.layer(), Layer::Help);
}

#[test]
fn generate_keys_without_password() {
    let mut app = at("Dossier 2/Demande 1", Step::Init);
    update(&mut app, Action::GenerateKeys);
    update(&mut app, Action::Submit);
    update(&mut app, Action::Down);
    assert!(matches!(
        job(update(&mut app, Action::Submit)),
        Ok(work::GenerateKeys {
            password: None,
            size: KeySize::B2048,
            ..
        })
    ));
}

#[test]
fn replace_keys_asks_then_refused_after_request() {
    let mut app = at("Clinique du Test/intranet", Step::Init);
    update(&mut app, Action::GenerateKeys);
    assert!(matches!(
        app.modal,
        Some(Modal::Confirm(ConfirmModal {
            what: Confirm::ReplaceKeys { .. },
            ..
        }))
    ));
    update(&mut app, Action::Submit);
    assert!(matches!(
        app.modal,
        Some(Modal::Choice(ChoiceModal {
            what: Choose::KeySize { replace: true, .. },
            ..
        }))
    ));

    let mut app = at("Clinique du Test/portail", Step::Init);
    assert!(update(&mut app, Action::GenerateKeys).is_none());
    assert!(app.modal.is_none());
    assert!(app.status.as_ref().is_some_and(|s| s.error));
}

#[test]
fn edit_form_validates_inline_and_applies() {
    let mut app = at("Clinique du Test/intranet", Step::Request);
    update(&mut app, Action::EditForm);
    assert_eq!(app.layer(), Layer::Form);
    clear(&mut app);
    typed(&mut app, "intranet");
    let form = app.form.as_ref().expect("form");
    assert!(form.blocking(), "{:?}", form.problems);
    assert!(update(&mut app, Action::Submit).is_none());
    assert!(status(&app).contains("Fix"));
    typed(&mut app, ".clinique-test.fr");
    assert!(!app.form.as_ref().expect("form").blocking());
    update(&mut app, Action::NextField);
    typed(&mut app, "www.clinique-test.fr");
    update(&mut app, Action::PrevField);
    assert_eq!(app.form.as_ref().expect("form").focus, 0);
    match job(update(&mut app, Action::Submit)) {
        Ok(work::EditForm { path, values }) => {
            assert_eq!(path, "Clinique du Test/intranet");
            assert_eq!(values.cn, "intranet.clinique-test.fr");
            assert_eq!(values.san, vec!["www.clinique-test.fr"]);
        }
        other => panic!("{other:?}"),
    }
    // The form closes when the job reports success.
    let id = app.jobs[0].id;
    done(&mut app, id, Done::default());
    assert!(app.form.is_none());
}

#[test]
fn edit_form_cancel_and_refused_when_frozen() {
    let mut app = at("Clinique du Test/intranet", Step::Request);
    update(&mut app, Action::EditForm);
    typed(&mut app, "zzz");
    assert!(update(&mut app, Action::Cancel).is_none());
    assert!(app.form.is_none());
    let mut app = at("Clinique du Test/portail", Step::Request);
    assert!(update(&mut app, Action::EditForm).is_none());
    assert!(app.form.is_none());
    assert!(
        status(&app).contains("cannot be changed"),
        "{}",
        status(&app)
    );
}

#[test]
fn generate_csr_asks_key_password_then_job() {
    let mut app = at("Clinique du Test/intranet", Step::Request);
    update(&mut app, Action::GenerateCsr);
    assert!(matches!(
        app.modal,
        Some(Modal::Secret(SecretModal {
            what: Hidden::KeyPassword { .. },
            ..
        }))
    ));
    typed(&mut app, "pw");
    assert!(matches!(
        job(update(&mut app, Action::Submit)),
        Ok(work::GenerateCsr {
            key_password: Some(_),
            ..
        })
    ));
}

#[test]
fn generate_csr_refused_without_keys_or_name() {
    let mut app = at("Dossier 2/Demande 1", Step::Request);
    assert!(update(&mut app, Action::GenerateCsr).is_none());
    assert!(status(&app).contains("Step 1"));
    // Keys but no server name.
    let mut app = at("Clinique du Test/intranet", Step::Request);
    let fi = app
        .tree
        .iter()
        .position(|f| f.name == "Clinique du Test")
        .expect("folder");
    for r in &mut app.tree[fi].requests {
        r.subject.cn = None;
    }
    assert!(update(&mut app, Action::GenerateCsr).is_none());
    assert!(status(&app).contains("incomplete"), "{}", status(&app));
}

#[test]
fn show_csr_then_copy_osc52() {
    let mut app = at("Clinique du Test/portail", Step::Request);
    assert!(matches!(
        job(update(&mut app, Action::ShowCsr)),
        Ok(work::ShowCsr { .. })
    ));
    let id = app.jobs[0].id;
    let finished = Done {
        shown: Some(Shown::Csr {
            path: "Clinique du Test/portail".into(),
            pem: "PEM".into(),
        }),
        ..Done::default()
    };
    done(&mut app, id, finished);
    assert_eq!(app.layer(), Layer::Csr);
    assert!(matches!(update(&mut app, Action::Copy), Some(Effect::Copy(p)) if p == "PEM"));
    let mut app = at("Clinique du Test/intranet", Step::Request);
    assert!(update(&mut app, Action::ShowCsr).is_none());
}

#[test]
fn import_path_with_completion() {
    let mut app = at("Clinique du Test/portail", Step::Final);
    update(&mut app, Action::Activate);
    assert_eq!(app.layer(), Layer::Path);
    clear(&mut app);
    typed(&mut app, "/tmp/smi");
    // Tab: the disk is read by a job, whose answer fills the input.
    assert!(matches!(
        job(update(&mut app, Action::Complete)),
        Ok(work::Complete { partial }) if partial == "/tmp/smi"
    ));
    let completed = Done {
        shown: Some(Shown::Completed(Some("/tmp/smime.p7c".into()))),
        ..Done::default()
    };
    let id = app.jobs[0].id;
    done(&mut app, id, completed);
    match job(update(&mut app, Action::Submit)) {
        Ok(work::ImportResponse { file, .. }) => {
            assert_eq!(file, std::path::PathBuf::from("/tmp/smime.p7c"))
        }
        other => panic!("{other:?}"),
    }
    let mut app = at("Clinique du Test/intranet", Step::Final);
    assert!(update(&mut app, Action::ImportResponse).is_none());
    assert!(app.modal.is_none());
}

#[test]
fn files_then_shell() {
    let mut app = at("Clinique du Test/srv-web", Step::Final);
    assert!(matches!(
        job(update(&mut app, Action::Files)),
        Ok(work::Files { .. })
    ));
    let id = app.jobs[0].id;
    let finished = Done {
        shown: Some(Shown::Files {
            dir: "/d".into(),
            files: vec![cleocps::tui::action::FileEntry {
                path: "/d/a".into(),
                size: 3,
                mode: 0o100_600,
            }],
        }),
        ..Done::default()
    };
    done(&mut app, id, finished);
    assert!(
        matches!(update(&mut app, Action::Shell), Some(Effect::Shell(d)) if d == std::path::Path::new("/d"))
    );
}

#[test]
fn renew_allowed_after_rejection_refused_before() {
    let mut app = at("Clinique du Test/Demande 3", Step::Final);
    assert!(matches!(
        job(update(&mut app, Action::Activate)),
        Ok(work::Renew { .. })
    ));
    let mut app = at("Clinique du Test/intranet", Step::Final);
    assert!(update(&mut app, Action::Renew).is_none());
    assert!(app.status.as_ref().is_some_and(|s| s.error));
}

#[test]
fn job_results_reload_select_and_fail_into_a_message() {
    let mut app = at("Dossier 2/Demande 1", Step::Init);
    update(&mut app, Action::GenerateKeys);
    update(&mut app, Action::Submit);
    update(&mut app, Action::Down);
    let _ = started(update(&mut app, Action::Submit));
    let id = app.jobs[0].id;
    // A stale id is dropped.
    assert!(update(&mut app, Action::Job(999, JobOutcome::Failed("x".into()))).is_none());
    assert!(app.busy());
    let mut fresh: Vec<(String, Vec<cleocps_core::request::Request>)> = app
        .tree
        .iter()
        .map(|f| (f.name.clone(), f.requests.clone()))
        .collect();
    fresh[1].1[0].state = State::KeysGenerated;
    let finished = Done {
        tree: Some(cleocps::tui::app::TreeRead {
            certified_only: None,
            folders: fresh,
            certified: Default::default(),
        }),
        select: Some("Dossier 2/Demande 1".into()),
        message: Some("ok".into()),
        shown: None,
    };
    done(&mut app, id, finished);
    assert!(!app.busy());
    assert_eq!(
        tree::selected_request(&app).map(|r| r.state),
        Some(State::KeysGenerated)
    );
    assert_eq!(status(&app), "ok");

    update(&mut app, Action::ShowCsr);
    update(&mut app, Action::Files);
    let id = app.jobs[0].id;
    update(
        &mut app,
        Action::Job(id, JobOutcome::Failed("disk full: free some space".into())),
    );
    assert!(
        matches!(&app.modal, Some(Modal::Message(MessageModal { error: true, text, .. })) if text.contains("free"))
    );
    update(&mut app, Action::Submit);
    assert!(app.modal.is_none());
}

#[test]
fn step3_loads_the_certificate_once() {
    let mut app = at("Clinique du Test/srv-web", Step::Init);
    app.certs.clear();
    assert!(matches!(
        job(update(&mut app, Action::GoStep(Step::Final))),
        Ok(work::Certificate { .. })
    ));
    assert!(update(&mut app, Action::Tick).is_none());
    assert!(update(&mut app, Action::Resize(100, 30)).is_none());
    assert_eq!(app.size, (100, 30));
}

#[test]
fn keymap_routes_by_layer() {
    use cleocps::tui::keymap::action_for;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let key = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    let mut app = at("Dossier 2/Demande 1", Step::Init);
    assert!(matches!(
        action_for(&app, key('g')),
        Some(Action::GenerateKeys)
    ));
    assert!(matches!(action_for(&app, key('j')), Some(Action::Down)));
    // A step's key works from any tab (`update` brings its tab forward).
    assert!(matches!(
        action_for(&app, key('i')),
        Some(Action::ImportResponse)
    ));
    app.modal = Some(Modal::input(Ask::FolderName, ""));
    assert!(matches!(
        action_for(&app, key('g')),
        Some(Action::Edit(InputRequest::InsertChar('g')))
    ));
    assert!(matches!(
        action_for(&app, KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)),
        Some(Action::Cancel)
    ));
}

/// "Une opération est en cours" goes when the job ends (the
/// status saying so, and the quit question, which no longer holds).
#[test]
fn the_busy_message_and_the_quit_question_go_when_the_job_ends() {
    let mut app = at("Dossier 2/Demande 1", Step::Init);
    let _ = started(update(&mut app, Action::GenerateKeys).or_else(|| {
        update(&mut app, Action::Down);
        update(&mut app, Action::Submit);
        update(&mut app, Action::Down);
        update(&mut app, Action::Submit)
    }));
    let id = support::tui::last_job(&app);
    // A second action on the same request is refused while the job runs.
    update(&mut app, Action::GenerateKeys);
    assert!(status(&app).contains("already running"), "{}", status(&app));
    update(&mut app, Action::Quit);
    assert!(matches!(app.modal, Some(Modal::Confirm(_))));
    done(&mut app, id, Done::default());
    assert!(!app.busy());
    assert!(
        !status(&app).contains("already running"),
        "{}",
        status(&app)
    );
    assert!(app.modal.is_none(), "{:?}", app.modal);
}

/// The PKCS#12 is named after the server (its CN),
/// not "Demande 2.p12".
#[test]
fn the_p12_is_named_after_the_fqdn() {
    let mut app = at("Clinique du Test/srv-web", Step::Final);
    update(&mut app, Action::ExportP12);
    match &app.modal {
        Some(Modal::Input(m)) => assert!(
            m.input.value().ends_with("/srv-web.clinique-test.fr.p12"),
            "{}",
            m.input.value()
        ),
        other => panic!("{other:?}"),
    }
}
