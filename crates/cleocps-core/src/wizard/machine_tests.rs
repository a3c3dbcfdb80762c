//! The run's order, answer by answer.

use super::*;
use crate::card::{PinState, TokenSource};
use crate::directory::{Lookup, ServerEntry};
use crate::wizard::Given;

fn info() -> TokenInfo {
    TokenInfo {
        label: "CPS".into(),
        serial: "1".into(),
        manufacturer: String::new(),
        model: String::new(),
        source: TokenSource::Soft {
            path: "card.json".into(),
        },
        pin: PinState::default(),
    }
}

fn probed(lookup: Result<Lookup, String>) -> Found {
    Found::Probed {
        info: info(),
        holder: "810001234567 JEAN DUPONT".into(),
        lookup,
    }
}

fn listed(names: &[&str]) -> Result<Lookup, String> {
    Ok(Lookup {
        servers: names
            .iter()
            .map(|n| ServerEntry {
                fqdn: (*n).into(),
                ..ServerEntry::default()
            })
            .collect(),
        size_limit_hit: None,
    })
}

#[test]
fn a_new_run_in_order_each_answer_at_its_step() {
    let mut run = Run::new();
    assert!(run.found(Found::Resumable(None)).is_none());
    assert!(matches!(run.step, Step::Type));
    let next = run.answer(Answer::Type(RequestType::Ssl));
    assert!(matches!(next, Ok(Some(Next::Probe(RequestType::Ssl)))));
    assert!(run.found(probed(listed(&["a.fr", "b.fr"]))).is_none());
    assert!(matches!(&run.step, Step::Server { entries } if entries.len() == 2));
    // An answer of another step changes nothing.
    assert!(matches!(run.answer(Answer::KeyPassword(true)), Ok(None)));
    assert!(matches!(run.step, Step::Server { .. }));
    run.answer(Answer::Server(Some(1))).expect("picked");
    assert_eq!(run.target.as_ref().map(|t| t.name.as_str()), Some("b.fr"));
    let next = run.answer(Answer::KeyPassword(false));
    assert!(matches!(next, Ok(Some(Next::AskPin))));
    match run.answer(Answer::Pin) {
        Ok(Some(Next::Send(Start::New {
            target,
            key_password,
        }))) => {
            assert_eq!(target.name, "b.fr");
            assert!(!key_password);
        }
        other => panic!("{other:?}"),
    }
    let next = run.found(Found::Sent { path: "W/r".into() });
    assert!(matches!(next, Some(Next::Finish(p)) if p == "W/r"));
    run.progress(2, 500);
    assert!(matches!(
        run.step,
        Step::Waiting {
            next_check: Some(2),
            left: Some(500),
            ..
        }
    ));
    run.found(Found::Finished(Finished::NotYet { path: "W/r".into() }));
    assert!(matches!(
        run.answer(Answer::WaitAgain),
        Ok(Some(Next::Finish(_)))
    ));
}

#[test]
fn a_given_name_asks_no_server_and_a_typed_one_is_checked() {
    let mut run = Run {
        given: Some("Srv.Example.FR.".into()),
        ..Run::new()
    };
    run.found(Found::Resumable(None));
    run.answer(Answer::Type(RequestType::Ssl)).expect("type");
    run.found(probed(Err("LDAP down".into())));
    assert!(matches!(run.step, Step::KeyPassword));
    assert_eq!(
        run.target.as_ref().map(|t| t.name.as_str()),
        Some("srv.example.fr")
    );
    let mut typed = Run::new();
    typed.found(Found::Resumable(None));
    typed
        .answer(Answer::Type(RequestType::Smime))
        .expect("type");
    typed.found(probed(Err("LDAP down".into())));
    assert!(matches!(&typed.step, Step::Typed { degraded: Some(_) }));
    assert_eq!(
        typed.answer(Answer::Name("srv.example.fr".into())).err(),
        Some(NameProblem::NotEmail)
    );
    assert_eq!(
        typed.answer(Answer::Name(" ".into())).err(),
        Some(NameProblem::Empty)
    );
    assert!(typed.answer(Answer::Name("a@b.fr".into())).is_ok());
    assert!(matches!(typed.step, Step::KeyPassword));
}

#[test]
fn a_resumed_run_goes_on_where_it_stopped() {
    let resumed = |state| {
        let mut run = Run::new();
        run.found(Found::Resumable(Some(paused(state, Route::Card))));
        let next = run.answer(Answer::Resume(true)).expect("resume");
        (run, next)
    };
    assert!(matches!(resumed(State::Sent).1, Some(Next::Finish(_))));
    assert!(matches!(
        resumed(State::RequestGenerated).1,
        Some(Next::Send(Start::Resume { .. }))
    ));
    let (mut run, next) = resumed(State::KeysGenerated);
    assert!(matches!(next, Some(Next::Probe(_))));
    // The card read again: straight to the PIN, then the send.
    assert!(matches!(run.found(probed(listed(&[]))), Some(Next::AskPin)));
    assert!(matches!(
        run.answer(Answer::Pin),
        Ok(Some(Next::Send(Start::Resume { path }))) if path == "W/r"
    ));
    // Stopped while waiting for the card: back to the resume question.
    let (mut run, _) = resumed(State::KeysGenerated);
    run.card_stopped();
    assert!(matches!(run.step, Step::Resume { .. }));
    assert!(run.resume.is_none());
}

fn paused(state: State, route: Route) -> Paused {
    Paused {
        path: "W/r".into(),
        state,
        route,
        kind: RequestType::OrgAuthCli,
    }
}

#[test]
fn a_platform_run_in_order_each_answer_at_its_step() {
    let mut run = Run::on(Route::Platform);
    run.found(Found::Resumable(None));
    assert!(matches!(run.step, Step::Type));
    // No card, no directory: the type leads to the subject.
    assert!(matches!(
        run.answer(Answer::Type(RequestType::OrgAuthCli)),
        Ok(None)
    ));
    assert!(matches!(&run.step, Step::Service { names } if names == &["INSI-AUTO", "INSI-MANU"]));
    // Another answer changes nothing; "another name" leads to typing it.
    assert!(matches!(run.answer(Answer::Continue), Ok(None)));
    run.answer(Answer::Server(None)).expect("typed");
    assert!(matches!(run.step, Step::Typed { degraded: None }));
    assert_eq!(
        run.answer(Answer::Name("INSI AUTO é".into())).err(),
        Some(NameProblem::NotService)
    );
    // A service's name keeps its case.
    run.answer(Answer::Name(" INSI-MANU ".into()))
        .expect("name");
    assert_eq!(
        run.target.as_ref().map(|t| t.name.as_str()),
        Some("INSI-MANU")
    );
    assert!(matches!(run.step, Step::KeyPassword));
    match run.answer(Answer::KeyPassword(false)) {
        Ok(Some(Next::Csr(Start::New {
            target,
            key_password,
        }))) => {
            assert_eq!(target.kind, RequestType::OrgAuthCli);
            assert!(!key_password);
        }
        other => panic!("expected the CSR's work, got {other:?}"),
    }
    assert!(matches!(run.step, Step::Preparing));
    let prepared = Found::Prepared {
        path: "CleoWizard/Demande 1".into(),
        csr: "-----BEGIN CERTIFICATE REQUEST-----".into(),
    };
    assert!(run.found(prepared).is_none());
    assert!(matches!(&run.step, Step::Csr { path, .. } if path == "CleoWizard/Demande 1"));
    assert!(run.kept());
    assert!(matches!(run.answer(Answer::Continue), Ok(None)));
    assert!(matches!(run.step, Step::Certificate { refused: None, .. }));
    match run.answer(Answer::Certificate(Given::File("insi.p7b".into()))) {
        Ok(Some(Next::Import { path, given })) => {
            assert_eq!(path, "CleoWizard/Demande 1");
            assert_eq!(given, Given::File("insi.p7b".into()));
        }
        other => panic!("expected the import, got {other:?}"),
    }
    // A certificate refused: asked again, saying why.
    run.refused("wrong key".into());
    assert!(matches!(&run.step, Step::Certificate { refused: Some(r), .. } if r == "wrong key"));
    assert_eq!(run.step.index(), 4);
}

#[test]
fn a_platform_run_picks_offered_names_and_checks_server_names() {
    let mut run = Run::on(Route::Platform);
    run.found(Found::Resumable(None));
    run.answer(Answer::Type(RequestType::OrgAuthCli))
        .expect("type");
    run.answer(Answer::Server(Some(0))).expect("picked");
    assert_eq!(
        run.target.as_ref().map(|t| t.name.as_str()),
        Some("INSI-AUTO")
    );
    // SERV types: the server's name typed, checked, lower-cased.
    let mut run = Run::on(Route::Platform);
    run.found(Found::Resumable(None));
    run.answer(Answer::Type(RequestType::ServSign))
        .expect("type");
    assert!(matches!(run.step, Step::Typed { .. }));
    assert_eq!(
        run.answer(Answer::Name("srv".into())).err(),
        Some(NameProblem::NotFqdn)
    );
    run.answer(Answer::Name("Srv.Clinique.fr.".into()))
        .expect("name");
    assert_eq!(
        run.target.as_ref().map(|t| t.name.as_str()),
        Some("srv.clinique.fr")
    );
    // A name given up front asks nothing.
    let mut run = Run::on(Route::Platform);
    run.given = Some("EMA".into());
    run.found(Found::Resumable(None));
    run.answer(Answer::Type(RequestType::OrgSign))
        .expect("type");
    assert!(matches!(run.step, Step::KeyPassword));
}

#[test]
fn a_resumed_platform_run_shows_its_csr_again() {
    let resumed = |state| {
        let mut run = Run::new();
        run.found(Found::Resumable(Some(paused(state, Route::Platform))));
        assert_eq!(run.route, Route::Platform);
        assert_eq!(run.kind, RequestType::OrgAuthCli);
        let next = run.answer(Answer::Resume(true)).expect("resume");
        (run, next)
    };
    // The CSR is read again (or made, if the run stopped before it).
    for state in [State::RequestGenerated, State::KeysGenerated] {
        let (run, next) = resumed(state);
        assert!(matches!(next, Some(Next::Csr(Start::Resume { path })) if path == "W/r"));
        assert!(matches!(run.step, Step::Preparing));
    }
    let (_, next) = resumed(State::CertificateImported);
    assert!(matches!(next, Some(Next::Finish(_))));
}
