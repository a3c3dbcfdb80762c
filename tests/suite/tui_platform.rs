//! The platform road in the interface: the seven request types by the
//! platform's names, the ORG form (a service, INSi's names offered, a
//! look-alike warned), the journal in French.

use crate::support;
use cleocps::i18n::Lang;
use cleocps::tui::action::Step;
use cleocps::tui::form::Form;
use cleocps::tui::jobs as work;
use cleocps::tui::modal::{Ask, InputModal, Modal};
use cleocps::tui::{sample, tree, update, Action};
use cleocps_core::request::{JournalEntry, Request, RequestType, State};
use support::tui::{job, render};

#[test]
fn the_type_choice_offers_the_seven_platform_types() {
    let mut app = sample::example(Lang::Fr);
    tree::select(&mut app, "Dossier 2/Demande 1");
    update(&mut app, Action::NewRequest);
    let screen = render(&app, 80, 24);
    for name in [
        "SERV SSL_SERV",
        "SERV S/MIME",
        "SERV SIGN",
        "SERV CONF",
        "ORG AUTH_CLI",
        "ORG SIGN",
        "ORG CONF",
    ] {
        assert!(screen.contains(name), "{name} offered:\n{screen}");
    }
    // The fifth option is ORG AUTH_CLI, and the request is made of that type.
    for _ in 0..4 {
        update(&mut app, Action::Down);
    }
    update(&mut app, Action::Submit);
    assert!(matches!(
        &app.modal,
        Some(Modal::Input(InputModal {
            what: Ask::RequestName {
                kind: RequestType::OrgAuthCli,
                ..
            },
            ..
        }))
    ));
    match job(update(&mut app, Action::Submit)) {
        Ok(work::CreateRequest { kind, .. }) => assert_eq!(kind, RequestType::OrgAuthCli),
        Err(other) => panic!("{other:?}"),
    }
}

fn org_request(kind: RequestType, cn: &str) -> Request {
    let mut r = Request::new("Dossier 2", "insi", kind, "2026-03-02T09:15:00Z");
    r.state = State::KeysGenerated;
    r.subject.cn = Some(cn.into());
    r
}

#[test]
fn an_org_form_names_a_service_and_offers_insi_names() {
    let form = Form::open(&org_request(RequestType::OrgSign, "EMA"));
    let ids: Vec<&str> = form.fields.iter().map(|f| f.id).collect();
    assert_eq!(ids[0], "field.service");
    assert!(!ids.contains(&"field.san"), "no SAN for ORG: {ids:?}");

    // F2 puts INSi's names in the service field, one after the other.
    let mut form = Form::open(&org_request(RequestType::OrgAuthCli, "INSI_AUTO"));
    assert!(
        form.problems
            .iter()
            .any(|p| p.problem == "val.insi_lookalike" && p.warning),
        "{:?}",
        form.problems
    );
    form.focus = 2;
    form.next_offered_name();
    assert_eq!((form.values().cn.as_str(), form.focus), ("INSI-AUTO", 0));
    assert!(form.problems.is_empty(), "{:?}", form.problems);
    form.next_offered_name();
    assert_eq!(form.values().cn, "INSI-MANU");
    form.next_offered_name();
    assert_eq!(form.values().cn, "INSI-AUTO");
    // Another ORG type offers none.
    let mut sign = Form::open(&org_request(RequestType::OrgSign, "EMA"));
    sign.next_offered_name();
    assert_eq!(sign.values().cn, "EMA");
}

#[test]
fn the_org_screens_say_service_and_warn_before_the_csr() {
    let mut app = sample::example(Lang::Fr);
    let mut insi = org_request(RequestType::OrgAuthCli, "insi-auto");
    insi.subject.o = Some("Clinique du Test".into());
    app.tree[1].requests.push(insi);
    assert!(tree::select(&mut app, "Dossier 2/insi"));
    app.step = Step::Request;
    let screen = render(&app, 80, 24);
    assert!(screen.contains("Nom du service"), "{screen}");
    assert!(screen.contains("ORG AUTH_CLI"), "{screen}");
    assert!(screen.contains("INSi n'accepte que"), "{screen}");
    // The tree gives the long type its room: the name is not cut.
    assert!(screen.contains("insi ORG AUTH_CLI"), "{screen}");
    // In the form, F2 then Enter: the warning is gone.
    update(&mut app, Action::EditForm);
    update(&mut app, Action::OfferedName);
    let screen = render(&app, 80, 24);
    assert!(screen.contains("INSI-AUTO"), "{screen}");
    assert!(!screen.contains("ressemble"), "{screen}");
}

#[test]
fn the_journal_is_french_in_french() {
    let mut app = sample::example(Lang::Fr);
    tree::select(&mut app, "Dossier 2/Demande 1");
    let path = "Dossier 2/Demande 1";
    for f in &mut app.tree {
        for r in &mut f.requests {
            if r.path() == path {
                r.state = State::KeysGenerated;
                r.journal = vec![
                    JournalEntry {
                        time: "2026-03-02T09:15:00Z".into(),
                        action: "keys_generate".into(),
                        outcome: "RSA 4096 encrypted".into(),
                    },
                    JournalEntry {
                        time: "2026-03-02T09:16:00Z".into(),
                        action: "request_generate".into(),
                        outcome: "csr-only".into(),
                    },
                ];
            }
        }
    }
    let screen = render(&app, 140, 50);
    assert!(screen.contains("Clés générées"), "{screen}");
    for english in ["encrypted", "csr-only"] {
        assert!(!screen.contains(english), "{english}:\n{screen}");
    }
}
