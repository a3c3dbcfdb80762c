//! `update` for Étape 2 with the CPS card and for the exports' questions
//! (clear key, overwrite): every step and refusal, without a card or disk.

use crate::support;

use cleocps::i18n::Lang;
use cleocps::tui::action::{CardProbe, Done, JobOutcome, Shown, Step};
use cleocps::tui::jobs as work;
use cleocps::tui::modal::{
    CardWaitModal, ChoiceModal, ConfirmModal, MessageModal, PinModal, SecretModal,
};
use cleocps::tui::modal::{Choose, Confirm, Hidden, Modal, PinFor};
use cleocps::tui::{update, Action, App, Effect, Job};
use cleocps_core::card::{CardError, PinState};
use std::path::PathBuf;
use support::tui::{at, done, job, pin_state, started, status, token_info, typed};
use tui_input::InputRequest;

const INTRA: &str = "Clinique du Test/intranet";

/// The probe's answer for the job `id`.
/// The example at `path` with a registration server configured: the
/// card's road is offered.
fn card_at(path: &str, step: Step) -> App {
    let mut app = at(path, step);
    app.config.registration.certificate = Some(PathBuf::from("ra.crt"));
    app
}

fn probed(app: &mut App, id: u64, pin: PinState, forwarded: bool) -> Option<Effect> {
    let probe = CardProbe {
        path: INTRA.into(),
        info: token_info("CPS4v1-TEST0001", pin),
        holder: "810001234567 JEAN DUPONT".into(),
        forwarded,
        key_password: Some(cleocps_core::secret::Secret::new("keypw")),
        wrong_pin: false,
        unlisted: None,
    };
    let answer = Done {
        shown: Some(Shown::Card(Box::new(probe))),
        ..Done::default()
    };
    done(app, id, answer)
}

/// Up to the probe job: "Générer la demande" → card (default) → key password.
fn to_probe(app: &mut App) -> u64 {
    assert!(update(app, Action::GenerateRequest).is_none());
    assert!(matches!(
        app.modal,
        Some(Modal::Choice(ChoiceModal {
            what: Choose::RequestMode { .. },
            sel: 0
        }))
    ));
    assert!(update(app, Action::Submit).is_none());
    assert!(matches!(
        app.modal,
        Some(Modal::Secret(SecretModal {
            what: Hidden::KeyPassword { .. },
            ..
        }))
    ));
    typed(app, "keypw");
    match job(update(app, Action::Submit)) {
        Ok(work::ProbeCard {
            path, key_password, ..
        }) => {
            assert_eq!(path, INTRA);
            assert_eq!(
                key_password.map(|k| k.expose().to_string()),
                Some("keypw".into())
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(app.modal.is_none(), "no modal while the card is read");
    app.jobs[0].id
}

#[test]
fn generate_request_offers_card_first_then_csr() {
    let mut app = card_at(INTRA, Step::Request);
    update(&mut app, Action::GenerateRequest);
    update(&mut app, Action::Down);
    update(&mut app, Action::Submit);
    // The CSR path: key password, then the CSR job (as before).
    typed(&mut app, "pw");
    assert!(matches!(
        job(update(&mut app, Action::Submit)),
        Ok(work::GenerateCsr { .. })
    ));
    // Enter in Étape 2 opens the same choice.
    let mut app = card_at(INTRA, Step::Request);
    update(&mut app, Action::Activate);
    assert!(matches!(
        app.modal,
        Some(Modal::Choice(ChoiceModal {
            what: Choose::RequestMode { .. },
            ..
        }))
    ));
}

#[test]
fn generate_request_refused_when_already_generated_or_incomplete() {
    let mut app = at("Clinique du Test/portail", Step::Request);
    assert!(update(&mut app, Action::GenerateRequest).is_none());
    assert!(app.modal.is_none());
    assert!(app.status.as_ref().is_some_and(|s| s.error));
    assert!(update(&mut app, Action::GenerateCard).is_none());
    assert!(app.modal.is_none());
    let mut app = at("Dossier 2/Demande 1", Step::Request);
    assert!(update(&mut app, Action::GenerateCard).is_none());
    assert!(app.modal.is_none() && app.jobs.is_empty());
}

#[test]
fn card_probe_ok_opens_pin_modal_with_warning_and_status() {
    let mut app = card_at(INTRA, Step::Request);
    let id = to_probe(&mut app);
    assert!(probed(&mut app, id, pin_state(true, false, false), true).is_none());
    match &app.modal {
        Some(Modal::Pin(PinModal {
            what, warning, pin, ..
        })) => {
            assert_eq!(what.path, INTRA);
            assert!(pin.is_empty());
            let w = warning.as_deref().unwrap_or("");
            assert!(w.contains("2 tries left"), "{w}");
        }
        other => panic!("{other:?}"),
    }
    let s = status(&app);
    assert!(
        s.contains("CPS4v1-TEST0001") && s.contains("810001234567"),
        "{s}"
    );
    assert!(s.contains("forwarded over SSH"), "{s}");

    // The PIN goes to the sign job, with the key password; the modal is gone.
    typed(&mut app, "7391");
    match job(update(&mut app, Action::Submit)) {
        Ok(work::Sign {
            path,
            key_password,
            pin,
        }) => {
            assert_eq!(path, INTRA);
            assert_eq!(pin.expose(), "7391");
            assert!(key_password.is_some());
        }
        other => panic!("{other:?}"),
    }
    assert!(app.modal.is_none());
    assert!(
        !format!("{app:?}").contains("7391"),
        "the PIN left in state"
    );
}

#[test]
fn final_try_warns_and_no_warning_when_clean() {
    let mut app = card_at(INTRA, Step::Request);
    let id = to_probe(&mut app);
    probed(&mut app, id, pin_state(true, true, false), false);
    assert!(matches!(&app.modal,
        Some(Modal::Pin(PinModal { warning: Some(w), .. })) if w.contains("1 try left")));
    assert!(!status(&app).contains("SSH"));
    let mut app = card_at(INTRA, Step::Request);
    let id = to_probe(&mut app);
    probed(&mut app, id, pin_state(false, false, false), false);
    assert!(matches!(
        &app.modal,
        Some(Modal::Pin(PinModal { warning: None, .. }))
    ));
}

#[test]
fn locked_card_is_refused_without_pin_modal() {
    let mut app = card_at(INTRA, Step::Request);
    let id = to_probe(&mut app);
    assert!(probed(&mut app, id, pin_state(true, true, true), false).is_none());
    assert!(
        matches!(
            &app.modal,
            Some(Modal::Message(MessageModal { error: true, .. }))
        ),
        "{:?}",
        app.modal
    );
    assert!(app.status.as_ref().is_some_and(|s| s.error));
    assert!(status(&app).contains(&CardError::PinLocked.localize(Lang::En)));
}

#[test]
fn pin_of_wrong_length_is_refused_before_the_card() {
    let mut app = card_at(INTRA, Step::Request);
    let id = to_probe(&mut app);
    probed(&mut app, id, pin_state(false, false, false), false);
    typed(&mut app, "12");
    assert!(update(&mut app, Action::Submit).is_none());
    assert!(matches!(&app.modal,
        Some(Modal::Pin(PinModal { error: Some(_), pin, .. })) if pin.is_empty()));
    assert!(update(&mut app, Action::Submit).is_none(), "empty PIN");
    assert!(app.jobs.is_empty());
}

#[test]
fn wrong_pin_is_never_retried_the_card_is_read_again_and_the_pin_asked_with_tries_left() {
    let mut app = card_at(INTRA, Step::Request);
    let id = to_probe(&mut app);
    probed(&mut app, id, pin_state(false, false, false), false);
    typed(&mut app, "9999");
    let _ = started(update(&mut app, Action::Submit));
    let id = app.jobs[0].id;
    let wrong = CardError::WrongPin.localize(Lang::En);
    let refused = Done {
        message: Some(wrong.clone()),
        shown: Some(Shown::WrongPin {
            path: INTRA.into(),
            key_password: Some(cleocps_core::secret::Secret::new("keypw")),
        }),
        ..Done::default()
    };
    // No restart from `r`; the card's flags are read
    // again (no PIN given), then the PIN is asked with the tries left.
    match job(done(&mut app, id, refused)) {
        Ok(work::ProbeCard {
            path,
            key_password,
            wrong_pin,
            ..
        }) => {
            assert_eq!(path, INTRA);
            assert!(wrong_pin);
            assert_eq!(
                key_password.map(|k| k.expose().to_string()),
                Some("keypw".into())
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(status(&app).contains("wrong PIN"), "{}", status(&app));
    let id = app.jobs[0].id;
    let probe = CardProbe {
        path: INTRA.into(),
        info: token_info("CPS4v1-TEST0001", pin_state(true, false, false)),
        holder: "810001234567 JEAN DUPONT".into(),
        forwarded: false,
        key_password: Some(cleocps_core::secret::Secret::new("keypw")),
        wrong_pin: true,
        unlisted: None,
    };
    let answer = Done {
        shown: Some(Shown::Card(Box::new(probe))),
        ..Done::default()
    };
    assert!(
        done(&mut app, id, answer).is_none(),
        "never tried again on its own"
    );
    match &app.modal {
        Some(Modal::Pin(PinModal {
            error: Some(e),
            warning: Some(w),
            pin,
            ..
        })) => {
            assert!(e.contains("Wrong PIN"), "{e}");
            assert!(w.contains("2 tries left"), "{w}");
            assert!(pin.is_empty());
        }
        other => panic!("{other:?}"),
    }
    // Esc leaves it there: nothing runs.
    update(&mut app, Action::Cancel);
    assert!(app.modal.is_none() && app.jobs.is_empty());
}

#[test]
fn forwarding_dead_is_a_message_and_the_ui_stays() {
    let mut app = card_at(INTRA, Step::Request);
    let id = to_probe(&mut app);
    let cursor = app.cursor;
    let tree_before = format!("{:?}", app.tree);
    let text = CardError::ForwardingDead {
        socket: PathBuf::from("/home/admin/.cleocps/card.sock"),
    }
    .localize(Lang::En);
    assert!(update(
        &mut app,
        Action::Job(id, JobOutcome::Failed(text.clone().into()))
    )
    .is_none());
    assert!(
        matches!(&app.modal, Some(Modal::Message(MessageModal { error: true, text: t, .. })) if *t == text)
    );
    assert_eq!(app.cursor, cursor);
    assert_eq!(app.step, Step::Request);
    assert_eq!(format!("{:?}", app.tree), tree_before);
    assert!(app.jobs.is_empty());
    // Still usable: Esc, then move.
    update(&mut app, Action::Cancel);
    update(&mut app, Action::Up);
    assert_ne!(app.cursor, cursor);
}

#[test]
fn esc_in_pin_modal_does_nothing_and_drops_the_pin() {
    let mut app = card_at(INTRA, Step::Request);
    let id = to_probe(&mut app);
    probed(&mut app, id, pin_state(false, false, false), false);
    typed(&mut app, "58");
    update(&mut app, Action::Edit(InputRequest::DeletePrevChar));
    assert!(matches!(&app.modal, Some(Modal::Pin(PinModal { pin, .. })) if pin.as_str() == "5"));
    typed(&mut app, "806");
    assert!(update(&mut app, Action::Cancel).is_none());
    assert!(app.modal.is_none());
    assert!(app.jobs.is_empty());
    assert!(!format!("{app:?}").contains("5806"));
}

#[test]
fn a_second_card_action_on_a_busy_request_is_refused() {
    let mut app = card_at(INTRA, Step::Request);
    to_probe(&mut app);
    assert!(update(&mut app, Action::GenerateRequest).is_none());
    assert!(status(&app).contains("already running"), "{}", status(&app));
}

#[test]
fn unencrypted_key_goes_straight_to_the_probe() {
    let mut app = card_at(INTRA, Step::Request);
    for f in &mut app.tree {
        for r in &mut f.requests {
            r.key_encrypted = Some(false);
        }
    }
    update(&mut app, Action::GenerateRequest);
    assert!(matches!(
        job(update(&mut app, Action::Submit)),
        Ok(work::ProbeCard {
            key_password: None,
            ..
        })
    ));
}

#[test]
fn export_pem_clear_key_then_overwrite_asks_and_forces() {
    let web = "Clinique du Test/srv-web";
    let mut app = at(web, Step::Final);
    update(&mut app, Action::ExportPem);
    update(&mut app, Action::Submit);
    update(&mut app, Action::Down);
    update(&mut app, Action::Submit);
    typed(&mut app, "pw");
    let first = started(update(&mut app, Action::Submit));
    assert!(matches!(
        first.get(),
        Some(work::ExportPem {
            clear: true,
            force: false,
            ..
        })
    ));
    // The job found the file there: it asks, yes runs it again with force.
    let id = app.jobs[0].id;
    let mut retry: work::ExportPem = first.into_inner().expect("an export");
    retry.force = true;
    let finished = Done {
        shown: Some(Shown::Exists {
            file: PathBuf::from("/home/admin/srv-web.key"),
            retry: Box::new(Job::new(retry)),
        }),
        ..Done::default()
    };
    done(&mut app, id, finished);
    assert!(matches!(&app.modal,
        Some(Modal::Confirm(ConfirmModal { what: Confirm::Overwrite { .. }, text })) if text.contains("srv-web.key")));
    assert!(matches!(
        job(update(&mut app, Action::Submit)),
        Ok(work::ExportPem {
            clear: true,
            force: true,
            ..
        })
    ));
}

#[test]
fn overwrite_refused_by_esc_runs_nothing() {
    let mut app = at("Clinique du Test/srv-web", Step::Final);
    app.modal = Some(Modal::Confirm(ConfirmModal {
        what: Confirm::Overwrite {
            file: PathBuf::from("/tmp/x.p12"),
            job: Box::new(Job::new(work::Files {
                path: "Clinique du Test/srv-web".into(),
            })),
        },
        text: "x".into(),
    }));
    assert!(update(&mut app, Action::Cancel).is_none());
    assert!(app.modal.is_none() && app.jobs.is_empty());
}

#[test]
fn export_p12_starts_without_force() {
    let mut app = at("Clinique du Test/srv-web", Step::Final);
    update(&mut app, Action::ExportP12);
    update(&mut app, Action::Submit);
    typed(&mut app, "keypw");
    update(&mut app, Action::Submit);
    typed(&mut app, "p12pw");
    update(&mut app, Action::Submit);
    typed(&mut app, "p12pw");
    update(&mut app, Action::Submit);
    assert!(matches!(
        job(update(&mut app, Action::Submit)),
        Ok(work::ExportP12 { force: false, .. })
    ));
}

#[test]
fn key_size_chooser_starts_on_configured_size() {
    let mut app = at("Dossier 2/Demande 1", Step::Init);
    app.default_key = cleocps::tui::term::default_key(Some(4096));
    assert_eq!(app.default_key, 2);
    update(&mut app, Action::GenerateKeys);
    assert!(matches!(
        app.modal,
        Some(Modal::Choice(ChoiceModal {
            what: Choose::KeySize { .. },
            sel: 2
        }))
    ));
    assert_eq!(cleocps::tui::term::default_key(None), 0);
    assert_eq!(cleocps::tui::term::default_key(Some(1234)), 0);
}

#[test]
fn pin_for_is_plain_data() {
    // The modal's request and bounds, nothing secret but the key password.
    let p = PinFor {
        path: INTRA.into(),
        key_password: None,
        pin: cleocps_core::procedure::PinStep::Ask {
            warning: None,
            bounds: pin_state(false, false, false),
        },
    };
    assert!(format!("{p:?}").contains("intranet"));
}

/// The probe job reports "no card yet" as progress (seconds left).
fn no_card_yet(app: &mut App, id: u64, left: u64) {
    let progress = JobOutcome::Progress {
        next_check: 0,
        left,
    };
    assert!(update(app, Action::Job(id, progress)).is_none());
}

#[test]
fn absent_card_shows_the_waiting_modal_then_the_pin_modal() {
    let mut app = card_at(INTRA, Step::Request);
    let id = to_probe(&mut app);
    no_card_yet(&mut app, id, 119);
    assert!(matches!(
        app.modal,
        Some(Modal::CardWait(CardWaitModal { left: 119 }))
    ));
    no_card_yet(&mut app, id, 118);
    assert!(matches!(
        app.modal,
        Some(Modal::CardWait(CardWaitModal { left: 118 }))
    ));
    // Keys other than Esc leave it open; the job goes on.
    update(&mut app, Action::Submit);
    assert!(matches!(app.modal, Some(Modal::CardWait(_))));
    assert_eq!(app.jobs.len(), 1);
    // The card came: the PIN modal, with the card's warning, as without a wait.
    probed(&mut app, id, pin_state(true, false, false), false);
    assert!(matches!(&app.modal,
        Some(Modal::Pin(PinModal { warning: Some(w), .. })) if w.contains("2 tries left")));
    assert!(app.jobs.is_empty() && app.stopped.is_empty());
}

#[test]
fn esc_stops_waiting_for_the_card_without_side_effect() {
    let mut app = card_at(INTRA, Step::Request);
    let id = to_probe(&mut app);
    no_card_yet(&mut app, id, 119);
    assert!(
        matches!(update(&mut app, Action::Cancel), Some(Effect::Cancel(c)) if c == id),
        "the job is told to stop"
    );
    assert!(app.modal.is_none());
    // A late tick does not reopen it; the job's "no card" answer is dropped.
    no_card_yet(&mut app, id, 118);
    assert!(app.modal.is_none());
    let no_card = CardError::NoToken {
        module: PathBuf::from("/usr/lib64/libcps3_pkcs11_lux.so"),
    }
    .localize(Lang::En);
    assert!(update(
        &mut app,
        Action::Job(id, JobOutcome::Failed(no_card.into()))
    )
    .is_none());
    assert!(app.modal.is_none());
    assert!(
        !app.status.as_ref().is_some_and(|s| s.error),
        "{:?}",
        app.status
    );
    assert!(app.jobs.is_empty() && app.stopped.is_empty());
    // Even a card found just as Esc was pressed asks no PIN.
    let mut app = card_at(INTRA, Step::Request);
    let id = to_probe(&mut app);
    no_card_yet(&mut app, id, 119);
    update(&mut app, Action::Cancel);
    probed(&mut app, id, pin_state(false, false, false), false);
    assert!(app.modal.is_none());
}

#[test]
fn card_wait_timeout_is_the_no_card_error() {
    let mut app = card_at(INTRA, Step::Request);
    let id = to_probe(&mut app);
    no_card_yet(&mut app, id, 1);
    let no_card = CardError::NoToken {
        module: PathBuf::from("/usr/lib64/libcps3_pkcs11_lux.so"),
    }
    .localize(Lang::En);
    update(
        &mut app,
        Action::Job(id, JobOutcome::Failed(no_card.into())),
    );
    assert!(matches!(&app.modal,
        Some(Modal::Message(MessageModal { error: true, text, .. })) if text.contains("insert the CPS card")));
}

#[test]
fn the_pin_prompt_warns_when_the_directory_does_not_list_the_name() {
    let mut app = card_at(INTRA, Step::Request);
    let id = to_probe(&mut app);
    let probe = CardProbe {
        path: INTRA.into(),
        info: token_info("CPS4v1-TEST0001", pin_state(false, false, false)),
        holder: "810001234567 JEAN DUPONT".into(),
        forwarded: false,
        key_password: None,
        wrong_pin: false,
        unlisted: Some("intranet.clinique-test.fr".into()),
    };
    let answer = Done {
        shown: Some(Shown::Card(Box::new(probe))),
        ..Done::default()
    };
    done(&mut app, id, answer);
    match &app.modal {
        Some(Modal::Pin(PinModal {
            unlisted: Some(u), ..
        })) => {
            assert!(
                u.contains("\"intranet.clinique-test.fr\" is not listed"),
                "{u}"
            );
            assert!(u.contains("ADMIN_INCONNU"), "{u}");
        }
        other => panic!("{other:?}"),
    }
    let screen = support::tui::render(&app, 80, 24);
    assert!(screen.contains("ADMIN_INCONNU"), "{screen}");
}
