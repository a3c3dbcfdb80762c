//! `update` for the CleoWizard screen: every step, its jobs' answers, the
//! refusals and the stop flag, without a card or disk.

use crate::support;

use cleocps::i18n::Lang;
use cleocps::tui::action::{Done, JobOutcome, Shown};
use cleocps::tui::app::Layer;
use cleocps::tui::jobs as work;
use cleocps::tui::modal::Modal;
use cleocps::tui::modal::{CardWaitModal, MessageModal, PinModal};
use cleocps::tui::wizard::{WizStep, WizardJob};
use cleocps::tui::{sample, update, Action, App, Effect};
use cleocps_core::card::PinState;
use cleocps_core::directory::Lookup;
use cleocps_core::request::{RequestType, State};
use cleocps_core::wizard::{FinalFiles, Finished, Found, Paused, Route, Start};
use std::path::PathBuf;
use support::tui::{done, done_last, entry, job, last_job, pin_state, token_info, typed};

const RUN: &str = "CleoWizard/Demande 1";

fn wjob(effect: Option<Effect>) -> WizardJob {
    match job(effect) {
        Ok(w) => w,
        other => panic!("expected a wizard job, got {other:?}"),
    }
}

fn step(app: &App) -> WizStep {
    app.wizard.as_ref().expect("wizard open").run.step.clone()
}

/// The line selected at a list step.
fn sel(app: &App) -> usize {
    app.wizard.as_ref().expect("wizard open").sel
}

/// The name typed was refused, saying why.
fn name_refused(app: &App) -> bool {
    let w = app.wizard.as_ref().expect("wizard open");
    matches!(w.run.step, WizStep::Typed { .. }) && w.name_error.is_some()
}

/// The request a send job resumes, if it resumes one.
fn resumed_path(start: &Start) -> Option<&str> {
    match start {
        Start::Resume { path } => Some(path),
        Start::New { .. } => None,
    }
}

/// The last job's answer.
fn answer(app: &mut App, s: Found) -> Option<Effect> {
    let d = Done {
        shown: Some(Shown::Wizard(Box::new(s))),
        ..Done::default()
    };
    done_last(app, d)
}

fn probed(app: &mut App, lookup: Result<Lookup, String>, pin: PinState) -> Option<Effect> {
    answer(
        app,
        Found::Probed {
            info: token_info("CPS-DEMO", pin),
            holder: "899700367917 CLAIRE MARTIN".into(),
            lookup,
        },
    )
}

fn servers(names: &[&str]) -> Result<Lookup, String> {
    Ok(Lookup {
        servers: names.iter().map(|n| entry(n)).collect(),
        size_limit_hit: None,
    })
}

/// The example with a registration server: `w` opens on the card's road.
fn card_example(lang: Lang) -> App {
    let mut app = sample::example(lang);
    app.config.registration.certificate = Some(PathBuf::from("/etc/cleocps/inscription.crt"));
    app
}

/// `w`, no run to resume: the type step.
fn opened() -> App {
    let mut app = card_example(Lang::En);
    assert!(matches!(
        wjob(update(&mut app, Action::Wizard)),
        WizardJob::Resumable
    ));
    assert_eq!(app.layer(), Layer::Wizard);
    assert!(matches!(step(&app), WizStep::Opening));
    answer(&mut app, Found::Resumable(None));
    assert!(matches!(step(&app), WizStep::Type));
    assert_eq!(sel(&app), 0);
    app
}

/// Up to the PIN modal, SSL, the first listed server, key password yes.
fn to_pin(app: &mut App) {
    assert!(matches!(
        wjob(update(app, Action::Submit)),
        WizardJob::Probe {
            kind: RequestType::Ssl,
            ..
        }
    ));
    assert!(matches!(step(app), WizStep::Looking));
    probed(
        app,
        servers(&["srv-web.clinique-demo.fr"]),
        pin_state(false, false, false),
    );
    assert!(matches!(step(app), WizStep::Server { .. }));
    assert_eq!(sel(app), 0);
    update(app, Action::Submit);
    assert!(matches!(step(app), WizStep::KeyPassword));
    assert_eq!(sel(app), 0);
    let w = app.wizard.as_ref().expect("wizard");
    assert_eq!(
        w.run.target.as_ref().map(|t| t.name.as_str()),
        Some("srv-web.clinique-demo.fr")
    );
    update(app, Action::Submit);
    assert!(matches!(step(app), WizStep::Pin));
    assert!(matches!(app.modal, Some(Modal::Pin(_))));
    assert_eq!(app.layer(), Layer::Text);
}

#[test]
fn the_whole_run_by_keys() {
    let mut app = opened();
    to_pin(&mut app);
    typed(&mut app, "1234");
    match wjob(update(&mut app, Action::Submit)) {
        WizardJob::Send {
            start: Start::New {
                target,
                key_password,
            },
            pin,
        } => {
            assert_eq!(target.name, "srv-web.clinique-demo.fr");
            assert!(key_password);
            assert_eq!(pin.map(|p| p.expose().to_string()), Some("1234".into()));
        }
        other => panic!("{other:?}"),
    }
    assert!(app.modal.is_none(), "the PIN left with its modal");
    assert!(matches!(step(&app), WizStep::Sending));
    // Sent: the wait starts.
    match wjob(answer(&mut app, Found::Sent { path: RUN.into() })) {
        WizardJob::Finish { path } => assert_eq!(path, RUN),
        other => panic!("{other:?}"),
    };
    assert!(matches!(
        step(&app),
        WizStep::Waiting {
            next_check: None,
            ..
        }
    ));
    let id = last_job(&app);
    assert!(update(
        &mut app,
        Action::Job(
            id,
            JobOutcome::Progress {
                next_check: 2,
                left: 598
            }
        )
    )
    .is_none());
    assert!(matches!(
        step(&app),
        WizStep::Waiting {
            next_check: Some(2),
            left: Some(598),
            ..
        }
    ));
    assert!(app.busy(), "progress keeps the job running");
    let files = FinalFiles {
        p12: PathBuf::from("/ws/wizard/Requete_Wizard.p12"),
        crt: PathBuf::from("/ws/wizard/Requete_Wizard.crt"),
        key: PathBuf::from("/ws/wizard/Requete_Wizard.key"),
        password: PathBuf::from("/ws/wizard/password.txt"),
        previous: None,
    };
    let request = Box::new(cleocps_core::request::Request::new(
        "CleoWizard",
        "Demande 1",
        RequestType::Ssl,
        "2026-01-01T00:00:00Z",
    ));
    answer(&mut app, Found::Finished(Finished::Done { request, files }));
    assert!(app.stopped.is_empty(), "nothing was told to stop");
    assert!(matches!(step(&app), WizStep::Done { .. }));
    // "Accéder aux certificats obtenus": the folder's files.
    assert!(matches!(
        job(update(&mut app, Action::Files)),
        Ok(work::ListDir { dir }) if dir == std::path::Path::new("/ws/wizard")
    ));
    // Enter: leave, the tree read again.
    done_last(
        &mut app,
        Done {
            shown: Some(Shown::Files {
                dir: PathBuf::from("/ws/wizard"),
                files: vec![],
            }),
            ..Done::default()
        },
    );
    assert!(matches!(app.modal, Some(Modal::Files(_))));
    update(&mut app, Action::Cancel);
    assert!(matches!(
        job(update(&mut app, Action::Submit)),
        Ok(work::Reload)
    ));
    assert!(app.wizard.is_none());
    assert_eq!(app.layer(), Layer::Main);
}

#[test]
fn smime_and_several_servers_and_another_typed() {
    let mut app = opened();
    update(&mut app, Action::Down);
    assert!(matches!(
        wjob(update(&mut app, Action::Submit)),
        WizardJob::Probe {
            kind: RequestType::Smime,
            ..
        }
    ));
    probed(
        &mut app,
        servers(&["a.example.fr", "b.example.fr"]),
        pin_state(false, false, false),
    );
    match step(&app) {
        WizStep::Server { entries, .. } => assert_eq!(entries.len(), 2),
        other => panic!("{other:?}"),
    }
    update(&mut app, Action::Down);
    update(&mut app, Action::Submit);
    let name = app
        .wizard
        .as_ref()
        .and_then(|w| w.run.target.clone())
        .map(|t| t.name);
    assert_eq!(
        name.as_deref(),
        Some("admin@b.example.fr"),
        "S/MIME: the e-mail"
    );
    // Back to the type step is a new run; the last line types by hand.
    let mut app = opened();
    update(&mut app, Action::Submit);
    probed(
        &mut app,
        servers(&["a.example.fr"]),
        pin_state(false, false, false),
    );
    update(&mut app, Action::Down);
    update(&mut app, Action::Down);
    update(&mut app, Action::Submit);
    assert!(matches!(step(&app), WizStep::Typed { degraded: None, .. }));
    assert_eq!(app.layer(), Layer::WizardText);
}

#[test]
fn degraded_mode_types_the_name_with_the_warning() {
    let mut app = opened();
    update(&mut app, Action::Submit);
    probed(
        &mut app,
        Err("LDAP down".into()),
        pin_state(false, false, false),
    );
    match step(&app) {
        WizStep::Typed { degraded, .. } => assert_eq!(degraded.as_deref(), Some("LDAP down")),
        other => panic!("{other:?}"),
    }
    // Empty, then not a server name: refused inline.
    update(&mut app, Action::Submit);
    assert!(name_refused(&app));
    typed(&mut app, "srv");
    update(&mut app, Action::Submit);
    assert!(name_refused(&app));
    typed(&mut app, ".Clinique.fr.");
    update(&mut app, Action::Submit);
    assert!(matches!(step(&app), WizStep::KeyPassword));
    let t = app
        .wizard
        .as_ref()
        .and_then(|w| w.run.target.clone())
        .expect("target");
    assert_eq!(t.name, "srv.clinique.fr");
    assert!(t.entry.is_none());
    // No key password.
    update(&mut app, Action::Down);
    update(&mut app, Action::Submit);
    typed(&mut app, "1234");
    match wjob(update(&mut app, Action::Submit)) {
        WizardJob::Send {
            start: Start::New { key_password, .. },
            ..
        } => assert!(!key_password),
        other => panic!("{other:?}"),
    }
}

#[test]
fn pin_refusals_never_cost_a_try() {
    // A locked card is refused before asking.
    let mut app = opened();
    update(&mut app, Action::Submit);
    let locked = PinState {
        locked: true,
        ..pin_state(false, false, false)
    };
    probed(&mut app, servers(&["a.example.fr"]), locked);
    update(&mut app, Action::Submit);
    assert!(update(&mut app, Action::Submit).is_none());
    assert!(matches!(step(&app), WizStep::Failed { .. }));
    assert!(matches!(
        app.modal,
        Some(Modal::Message(MessageModal { error: true, .. }))
    ));
    // A PIN of the wrong length stays in the modal, no job.
    let mut app = opened();
    to_pin(&mut app);
    typed(&mut app, "12");
    assert!(update(&mut app, Action::Submit).is_none());
    assert!(matches!(
        app.modal,
        Some(Modal::Pin(PinModal { error: Some(_), .. }))
    ));
    // Esc closes it; Enter asks again.
    update(&mut app, Action::Cancel);
    assert!(app.modal.is_none());
    assert!(matches!(step(&app), WizStep::Pin));
    update(&mut app, Action::Submit);
    assert!(matches!(app.modal, Some(Modal::Pin(_))));
}

#[test]
fn a_failed_send_says_so_and_stays_resumable() {
    let mut app = opened();
    to_pin(&mut app);
    typed(&mut app, "9999");
    update(&mut app, Action::Submit);
    let id = last_job(&app);
    update(
        &mut app,
        Action::Job(id, JobOutcome::Failed("wrong PIN (2 tries left)".into())),
    );
    assert!(matches!(step(&app), WizStep::Failed { text } if text.contains("wrong PIN")));
    assert!(matches!(
        app.modal,
        Some(Modal::Message(MessageModal { error: true, .. }))
    ));
    assert!(app.status.as_ref().is_some_and(|s| s.error));
}

#[test]
fn esc_while_waiting_stops_and_keeps_the_run() {
    let mut app = opened();
    to_pin(&mut app);
    typed(&mut app, "1234");
    update(&mut app, Action::Submit);
    assert!(matches!(
        wjob(answer(&mut app, Found::Sent { path: RUN.into() })),
        WizardJob::Finish { .. }
    ));
    let wait_id = last_job(&app);
    assert!(
        matches!(update(&mut app, Action::Cancel), Some(Effect::Cancel(id)) if id == wait_id),
        "the wait was told to stop"
    );
    assert!(app.wizard.is_none());
    assert!(app
        .status
        .as_ref()
        .is_some_and(|s| !s.error && s.text.contains("CleoWizard")));
    // The stopped job's answer, after the screen was left, is calm.
    let d = Done {
        shown: Some(Shown::Wizard(Box::new(Found::Finished(Finished::NotYet {
            path: RUN.into(),
        })))),
        ..Done::default()
    };
    done(&mut app, wait_id, d);
    assert!(app.wizard.is_none());
    assert!(app.modal.is_none());
}

#[test]
fn quit_while_waiting_asks_then_stops() {
    let mut app = opened();
    to_pin(&mut app);
    typed(&mut app, "1234");
    update(&mut app, Action::Submit);
    assert!(matches!(
        wjob(answer(&mut app, Found::Sent { path: RUN.into() })),
        WizardJob::Finish { .. }
    ));
    assert!(update(&mut app, Action::Quit).is_none());
    assert!(matches!(app.modal, Some(Modal::Confirm(_))));
    // The loop stops every job when it quits.
    assert!(matches!(
        update(&mut app, Action::Submit),
        Some(Effect::Quit)
    ));
}

#[test]
fn no_answer_in_time_then_wait_again() {
    let mut app = opened();
    to_pin(&mut app);
    typed(&mut app, "1234");
    update(&mut app, Action::Submit);
    answer(&mut app, Found::Sent { path: RUN.into() });
    answer(
        &mut app,
        Found::Finished(Finished::NotYet { path: RUN.into() }),
    );
    assert!(matches!(step(&app), WizStep::Stopped { .. }));
    assert!(matches!(
        wjob(update(&mut app, Action::Submit)),
        WizardJob::Finish { .. }
    ));
}

#[test]
fn rejection_shows_code_and_recommencer() {
    let mut app = opened();
    to_pin(&mut app);
    typed(&mut app, "1234");
    update(&mut app, Action::Submit);
    answer(&mut app, Found::Sent { path: RUN.into() });
    answer(
        &mut app,
        Found::Finished(Finished::Rejected {
            path: RUN.into(),
            code: "ADMIN_INCONNU".into(),
            reason: "not an administrator".into(),
        }),
    );
    assert!(matches!(step(&app), WizStep::Rejected { code, .. } if code == "ADMIN_INCONNU"));
    // Enter: a new run from the type step.
    let mut again = app.clone();
    assert!(update(&mut again, Action::Submit).is_none());
    assert!(matches!(step(&again), WizStep::Type));
    // n: "recommencer" = a new request pre-filled, selected in the tree.
    assert!(matches!(
        job(update(&mut app, Action::Renew)),
        Ok(work::Renew { path }) if path == RUN
    ));
    assert!(app.wizard.is_none());
}

#[test]
fn resume_offers_each_state_its_next_step() {
    let resumed = |state: State| {
        let mut app = card_example(Lang::Fr);
        update(&mut app, Action::Wizard);
        let paused = Paused {
            path: RUN.into(),
            state,
            route: Route::Card,
            kind: RequestType::Ssl,
        };
        answer(&mut app, Found::Resumable(Some(paused)));
        assert!(matches!(step(&app), WizStep::Resume { .. }));
        assert_eq!(sel(&app), 0);
        app
    };
    let mut app = resumed(State::Sent);
    assert!(matches!(
        wjob(update(&mut app, Action::Submit)),
        WizardJob::Finish { path, .. } if path == RUN
    ));
    let mut app = resumed(State::RequestGenerated);
    match wjob(update(&mut app, Action::Submit)) {
        WizardJob::Send { start, pin } => {
            assert_eq!(resumed_path(&start), Some(RUN));
            assert!(pin.is_none(), "sending again needs no PIN");
        }
        other => panic!("{other:?}"),
    }
    // Keys only: the card is read, then the PIN, straight to the send.
    let mut app = resumed(State::KeysGenerated);
    assert!(matches!(
        wjob(update(&mut app, Action::Submit)),
        WizardJob::Probe { .. }
    ));
    probed(
        &mut app,
        Err("not needed".into()),
        pin_state(false, false, false),
    );
    assert!(matches!(app.modal, Some(Modal::Pin(_))));
    typed(&mut app, "1234");
    match wjob(update(&mut app, Action::Submit)) {
        WizardJob::Send { start, pin } => {
            assert_eq!(resumed_path(&start), Some(RUN));
            assert!(pin.is_some());
        }
        other => panic!("{other:?}"),
    }
    // "Start a new run" goes to the type step.
    let mut app = resumed(State::Sent);
    update(&mut app, Action::Down);
    assert!(update(&mut app, Action::Submit).is_none());
    assert!(matches!(step(&app), WizStep::Type));
}

#[test]
fn wizard_keys_and_help_come_from_the_keymap() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let app = opened();
    let key = |c| KeyEvent::new(c, KeyModifiers::NONE);
    let k = cleocps::tui::keymap::action_for(&app, key(KeyCode::Esc));
    assert!(matches!(k, Some(Action::Cancel)));
    let k = cleocps::tui::keymap::action_for(&app, key(KeyCode::Down));
    assert!(matches!(k, Some(Action::Down)));
    let main = sample::example(Lang::En);
    let k = cleocps::tui::keymap::action_for(&main, key(KeyCode::Char('w')));
    assert!(matches!(k, Some(Action::Wizard)));
    let help = cleocps::tui::keymap::help(Lang::Fr);
    assert!(help
        .iter()
        .any(|(t, lines)| *t == "tui.help.wizard" && !lines.is_empty()));
}

#[test]
fn wizard_waits_for_an_absent_card_and_esc_goes_back_to_the_type() {
    let mut app = opened();
    update(&mut app, Action::Down);
    assert!(matches!(
        wjob(update(&mut app, Action::Submit)),
        WizardJob::Probe { .. }
    ));
    let id = last_job(&app);
    let progress = JobOutcome::Progress {
        next_check: 0,
        left: 119,
    };
    update(&mut app, Action::Job(id, progress));
    assert!(matches!(
        app.modal,
        Some(Modal::CardWait(CardWaitModal { left: 119 }))
    ));
    // Esc closes the waiting modal only (not the wizard) and stops the job.
    assert!(matches!(
        update(&mut app, Action::Cancel),
        Some(Effect::Cancel(c)) if c == id
    ));
    assert!(app.modal.is_none() && app.wizard.is_some());
    update(
        &mut app,
        Action::Job(id, JobOutcome::Failed("no card".into())),
    );
    assert!(app.modal.is_none());
    assert!(matches!(step(&app), WizStep::Type));
    assert_eq!(sel(&app), 1);
}

#[test]
fn wizard_card_inserted_while_waiting_goes_on_to_the_servers() {
    let mut app = opened();
    wjob(update(&mut app, Action::Submit));
    let id = last_job(&app);
    let progress = JobOutcome::Progress {
        next_check: 0,
        left: 100,
    };
    update(&mut app, Action::Job(id, progress));
    assert!(matches!(app.modal, Some(Modal::CardWait(_))));
    probed(
        &mut app,
        servers(&["srv-web.clinique-demo.fr"]),
        pin_state(false, false, false),
    );
    assert!(app.modal.is_none());
    assert!(matches!(step(&app), WizStep::Server { .. }));
}
