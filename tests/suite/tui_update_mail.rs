//! `update` for *Envoyer*, *Relever la boîte*, "recommencer" and the form
//! filled from the directory: every action and refusal, without disk.

use crate::support;

use cleocps::tui::action::{Done, JobOutcome, Shown, Step};
use cleocps::tui::app::Layer;
use cleocps::tui::jobs as work;
use cleocps::tui::modal::Modal;
use cleocps::tui::modal::{MessageModal, ServersModal};
use cleocps::tui::{update, Action, App, Effect};
use cleocps_core::request::{Generation, State};
use support::tui::{at, done_last, entry, job, status_of};

const INTRA: &str = "Clinique du Test/intranet";

/// The intranet request in `state`, signed with the card.
fn intranet(state: State, step: Step) -> App {
    let mut app = at(INTRA, step);
    for f in &mut app.tree {
        for r in &mut f.requests {
            if r.path() == INTRA {
                r.state = state;
                r.generation = Some(Generation::Card);
            }
        }
    }
    app
}

fn value(app: &App, id: &str) -> String {
    let form = app.form.as_ref().expect("form open");
    form.fields
        .iter()
        .find(|f| f.id == id)
        .map(|f| f.input.value().to_string())
        .unwrap_or_default()
}

#[test]
fn send_only_a_card_request_not_sent_yet() {
    // Keys only: the life cycle refuses, saying why.
    let mut app = at(INTRA, Step::Request);
    assert!(update(&mut app, Action::Send).is_none());
    assert!(status_of(&app).1);
    // A CSR for the portal has nothing to mail.
    let mut app = at("Clinique du Test/portail", Step::Request);
    assert!(update(&mut app, Action::Send).is_none());
    assert!(
        status_of(&app).0.contains("portal"),
        "{:?}",
        status_of(&app)
    );
    // Signed with the card: the send job, and a second one is refused while it runs.
    let mut app = intranet(State::RequestGenerated, Step::Request);
    assert!(
        matches!(job(update(&mut app, Action::Send)), Ok(work::SendMail { path }) if path == INTRA)
    );
    assert!(update(&mut app, Action::Send).is_none());
    assert!(status_of(&app).1);
    // Already sent: refused.
    let mut app = intranet(State::Sent, Step::Request);
    assert!(update(&mut app, Action::Send).is_none());
    assert!(status_of(&app).1);
}

#[test]
fn enter_sends_in_step2_and_fetches_in_step3() {
    let mut app = intranet(State::RequestGenerated, Step::Request);
    assert!(matches!(
        job(update(&mut app, Action::Activate)),
        Ok(work::SendMail { .. })
    ));
    let mut app = intranet(State::Sent, Step::Final);
    assert!(matches!(
        job(update(&mut app, Action::Activate)),
        Ok(work::FetchReply { .. })
    ));
}

#[test]
fn fetch_refused_before_sending_and_nothing_yet_is_calm() {
    let mut app = intranet(State::RequestGenerated, Step::Final);
    assert!(update(&mut app, Action::Fetch).is_none());
    assert!(status_of(&app).1);
    let mut app = intranet(State::Sent, Step::Final);
    assert!(
        matches!(job(update(&mut app, Action::Fetch)), Ok(work::FetchReply { path }) if path == INTRA)
    );
    // "No answer yet" comes back as a message, not an error, and no dialog.
    done_last(
        &mut app,
        Done {
            message: Some("No answer in the mailbox yet.".into()),
            ..Done::default()
        },
    );
    assert_eq!(
        status_of(&app),
        ("No answer in the mailbox yet.".into(), false)
    );
    assert!(app.modal.is_none());
    assert!(!app.busy());
}

#[test]
fn fetch_failure_says_what_failed() {
    let mut app = intranet(State::Sent, Step::Final);
    update(&mut app, Action::Fetch);
    let id = app.jobs[0].id;
    update(
        &mut app,
        Action::Job(id, JobOutcome::Failed("IMAP down".into())),
    );
    assert!(matches!(
        app.modal,
        Some(Modal::Message(MessageModal { error: true, .. }))
    ));
    assert_eq!(status_of(&app), ("IMAP down".into(), true));
}

#[test]
fn rejected_recommencer_is_renew() {
    let mut app = at("Clinique du Test/Demande 3", Step::Final);
    assert!(matches!(
        job(update(&mut app, Action::Renew)),
        Ok(work::Renew { path }) if path == "Clinique du Test/Demande 3"
    ));
    // Fetch and send are refused on a rejected request.
    let mut app = at("Clinique du Test/Demande 3", Step::Final);
    assert!(update(&mut app, Action::Fetch).is_none());
    assert!(update(&mut app, Action::Send).is_none());
}

#[test]
fn a_rejection_read_elsewhere_is_recorded_from_step3() {
    use tui_input::InputRequest;
    let mut app = intranet(State::Sent, Step::Final);
    assert!(update(&mut app, Action::RecordRejection).is_none());
    assert_eq!(app.layer(), Layer::Text);
    let typed = |app: &mut App, text: &str| {
        for c in text.chars() {
            update(app, Action::Edit(InputRequest::InsertChar(c)));
        }
    };
    // A code that is not one stays in the input, with why.
    typed(&mut app, "pas un code");
    assert!(update(&mut app, Action::Submit).is_none());
    assert!(matches!(&app.modal, Some(Modal::Input(m)) if m.error.is_some()));
    update(&mut app, Action::Edit(InputRequest::DeleteLine));
    // Lower case is taken as upper case; then the reason (optional).
    typed(&mut app, "admin_inconnu");
    assert!(update(&mut app, Action::Submit).is_none());
    typed(&mut app, "lu sur le portail");
    assert!(matches!(
        job(update(&mut app, Action::Submit)),
        Ok(work::RecordRejection { path, code, reason })
            if path == INTRA && code == "ADMIN_INCONNU" && reason == "lu sur le portail"
    ));
    // Not once the certificate is imported.
    let mut app = intranet(State::CertificateImported, Step::Final);
    assert!(update(&mut app, Action::RecordRejection).is_none());
    assert!(app.modal.is_none());
}

#[test]
fn lookup_fills_the_form_from_one_server() {
    let mut app = at(INTRA, Step::Request);
    update(&mut app, Action::EditForm);
    assert_eq!(app.layer(), Layer::Form);
    assert!(
        matches!(job(update(&mut app, Action::Lookup)), Ok(work::Lookup { path }) if path == INTRA)
    );
    done_last(
        &mut app,
        Done {
            shown: Some(Shown::Servers {
                path: INTRA.into(),
                holder: "899700367917 CLAIRE MARTIN".into(),
                servers: vec![entry("srv-web.clinique-demo.fr")],
            }),
            ..Done::default()
        },
    );
    assert!(app.modal.is_none());
    assert_eq!(value(&app, "field.cn"), "srv-web.clinique-demo.fr");
    assert_eq!(value(&app, "field.o"), "Clinique de Démonstration");
    assert_eq!(value(&app, "field.ou"), "318751275100020");
    assert_eq!(value(&app, "field.st"), "Sarthe (72)");
    // Still editing: Enter applies.
    assert!(matches!(
        job(update(&mut app, Action::Submit)),
        Ok(work::EditForm { .. })
    ));
}

#[test]
fn lookup_with_several_servers_asks_which() {
    let mut app = at(INTRA, Step::Request);
    update(&mut app, Action::EditForm);
    update(&mut app, Action::Lookup);
    done_last(
        &mut app,
        Done {
            shown: Some(Shown::Servers {
                path: INTRA.into(),
                holder: "h".into(),
                servers: vec![entry("a.example.fr"), entry("b.example.fr")],
            }),
            ..Done::default()
        },
    );
    assert!(matches!(
        app.modal,
        Some(Modal::Servers(ServersModal { sel: 0, .. }))
    ));
    assert_eq!(app.layer(), Layer::Choice);
    update(&mut app, Action::Down);
    update(&mut app, Action::Down);
    assert!(matches!(
        app.modal,
        Some(Modal::Servers(ServersModal { sel: 1, .. }))
    ));
    assert!(update(&mut app, Action::Submit).is_none());
    assert!(app.modal.is_none());
    assert_eq!(value(&app, "field.cn"), "b.example.fr");
    // Esc in the chooser changes nothing.
    update(&mut app, Action::Lookup);
    done_last(
        &mut app,
        Done {
            shown: Some(Shown::Servers {
                path: INTRA.into(),
                holder: "h".into(),
                servers: vec![entry("a.example.fr"), entry("c.example.fr")],
            }),
            ..Done::default()
        },
    );
    update(&mut app, Action::Cancel);
    assert_eq!(value(&app, "field.cn"), "b.example.fr");
    assert_eq!(app.layer(), Layer::Form);
}

#[test]
fn lookup_none_or_unreachable_says_so_and_keeps_the_form() {
    let mut app = at(INTRA, Step::Request);
    update(&mut app, Action::EditForm);
    update(&mut app, Action::Lookup);
    done_last(
        &mut app,
        Done {
            shown: Some(Shown::Servers {
                path: INTRA.into(),
                holder: "899700367917".into(),
                servers: vec![],
            }),
            ..Done::default()
        },
    );
    let (text, error) = status_of(&app);
    assert!(error && text.contains("899700367917"), "{text}");
    assert_eq!(value(&app, "field.cn"), "intranet.clinique-test.fr");
    update(&mut app, Action::Lookup);
    let id = app.jobs[0].id;
    update(
        &mut app,
        Action::Job(
            id,
            JobOutcome::Failed("Directory unreachable: LDAP down".into()),
        ),
    );
    assert!(matches!(
        app.modal,
        Some(Modal::Message(MessageModal { error: true, .. }))
    ));
    update(&mut app, Action::Cancel);
    assert_eq!(app.layer(), Layer::Form, "the form stays open");
}

#[test]
fn lookup_answer_after_the_form_closed_is_dropped() {
    let mut app = at(INTRA, Step::Request);
    update(&mut app, Action::EditForm);
    update(&mut app, Action::Lookup);
    update(&mut app, Action::Cancel);
    done_last(
        &mut app,
        Done {
            shown: Some(Shown::Servers {
                path: INTRA.into(),
                holder: "h".into(),
                servers: vec![entry("a.example.fr"), entry("b.example.fr")],
            }),
            ..Done::default()
        },
    );
    assert!(app.modal.is_none());
    assert!(app.form.is_none());
}

#[test]
fn automatic_wait_stops_on_esc_and_on_quit() {
    let mut app = intranet(State::RequestGenerated, Step::Final);
    assert!(
        update(&mut app, Action::FetchWait).is_none(),
        "not sent yet"
    );
    assert!(app.jobs.is_empty());
    let mut app = intranet(State::Sent, Step::Final);
    match job(update(&mut app, Action::FetchWait)) {
        Ok(work::FetchWait { path }) => assert_eq!(path, INTRA),
        other => panic!("{other:?}"),
    };
    let id = app.jobs[0].id;
    update(
        &mut app,
        Action::Job(
            id,
            JobOutcome::Progress {
                next_check: 3,
                left: 590,
            },
        ),
    );
    assert_eq!(app.wait_progress, Some((3, 590)));
    assert!(app.busy());
    // Esc: the job is told to stop; it ends at its next look.
    assert!(matches!(
        update(&mut app, Action::Cancel),
        Some(Effect::Cancel(c)) if c == id
    ));
    assert!(update(&mut app, Action::Cancel).is_none(), "told once");
    assert!(!status_of(&app).1);
    done_last(
        &mut app,
        Done {
            message: Some("No answer in the mailbox yet.".into()),
            ..Done::default()
        },
    );
    assert!(app.wait_progress.is_none() && app.stopped.is_empty());
    // Quit while waiting: asked, then quit (the loop stops every job).
    let mut app = intranet(State::Sent, Step::Final);
    assert!(matches!(
        job(update(&mut app, Action::FetchWait)),
        Ok(work::FetchWait { .. })
    ));
    update(&mut app, Action::Quit);
    assert!(matches!(app.modal, Some(Modal::Confirm(_))));
    assert!(matches!(
        update(&mut app, Action::Submit),
        Some(Effect::Quit)
    ));
}
