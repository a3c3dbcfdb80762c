//! The platform road in the interface: the seven request types by the
//! platform's names, the ORG form (a service, INSi's names offered, a
//! look-alike warned), the journal in French.

use crate::support;
use cleocps::i18n::Lang;
use cleocps::tui::action::{Done, Step};
use cleocps::tui::form::Form;
use cleocps::tui::job::{Cx, Work};
use cleocps::tui::jobs as work;
use cleocps::tui::modal::{Ask, InputModal, Modal};
use cleocps::tui::update::road;
use cleocps::tui::{sample, tree, update, Action};
use cleocps::tui::{App, Effect, TuiContext};
use cleocps_core::request::{JournalEntry, Request, RequestType, State};
use cleocps_core::workspace::Workspace;
use std::os::unix::fs::PermissionsExt;
use std::sync::atomic::AtomicBool;
use support::tui::{done_last, job, render};

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

/// Runs `work` as its worker would, on `ws`.
fn run_work<W: Work>(ws: &Workspace, work: W) -> Done {
    let stop = AtomicBool::new(false);
    let ctx = TuiContext::default();
    let cx = Cx {
        ws,
        ctx: &ctx,
        lang: Lang::Fr,
        progress: &|_, _| {},
        stop: &stop,
    };
    Box::new(work).run(&cx).expect("the job")
}

#[test]
fn the_first_run_asks_the_road_and_the_platform_writes_a_minimal_file() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = Workspace::open(&tmp.path().join("ws")).expect("ws");
    let file = tmp.path().join("etc/cleocps.json");
    let mut app = App::new(Lang::Fr, tmp.path().join("ws"));
    app.config_path = Some(file.clone());
    road::ask(&mut app);
    assert!(render(&app, 80, 24).contains("par la plateforme IGC-Santé"));
    // The platform (the default): no configuration screen, a file written.
    let save: work::SaveConfig = job(update(&mut app, Action::Submit)).expect("a save");
    assert!(app.config_screen.is_none() && app.modal.is_none());
    assert_eq!((save.path.as_path(), save.pairs.len()), (file.as_path(), 0));
    let done = run_work(&ws, save);
    assert!(matches!(
        done_last(&mut app, done),
        Some(Effect::UseConfig(_))
    ));
    assert_eq!(std::fs::read_to_string(&file).expect("file").trim(), "{}");
    let mode = std::fs::metadata(&file).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let screen = render(&app, 80, 24);
    assert!(!screen.contains("inscription"), "{screen}");

    // The card's road: the configuration screen, on its first run.
    let mut app = App::new(Lang::Fr, tmp.path().join("ws"));
    app.config_path = Some(file);
    road::ask(&mut app);
    update(&mut app, Action::Down);
    assert!(update(&mut app, Action::Submit).is_none());
    assert!(app.config_screen.as_ref().is_some_and(|s| s.first_run));
}

#[test]
fn generating_offers_the_card_only_where_it_can_go() {
    let offered = |kind: RequestType, registration: bool| {
        let mut app = sample::example(Lang::Fr);
        if registration {
            app.config.registration.certificate = Some("ra.crt".into());
        }
        for f in &mut app.tree {
            for r in &mut f.requests {
                r.kind = kind;
                if kind.san_kind() == cleocps_core::request::SanKind::None {
                    r.subject.cn = Some("EMA".into());
                }
            }
        }
        assert!(tree::select(&mut app, "Clinique du Test/intranet"));
        app.step = Step::Request;
        update(&mut app, Action::GenerateRequest);
        match &app.modal {
            Some(Modal::Choice(m)) => (m.count(), render(&app, 80, 24)),
            other => panic!("{other:?}"),
        }
    };
    let (n, screen) = offered(RequestType::Ssl, false);
    assert_eq!(n, 1, "{screen}");
    assert!(screen.contains("Demande seule (CSR)") && !screen.contains("carte CPS"));
    let (n, screen) = offered(RequestType::OrgAuthCli, true);
    assert_eq!(n, 1, "{screen}");
    let (n, screen) = offered(RequestType::Ssl, true);
    assert_eq!(n, 2, "{screen}");
    assert!(screen.contains("● Signer et chiffrer la demande avec la carte CPS"));
}

#[test]
fn step2_says_the_platforms_steps_for_every_type() {
    for lang in [Lang::Fr, Lang::En] {
        for kind in RequestType::ALL {
            let mut app = sample::example(lang);
            for f in &mut app.tree {
                for r in &mut f.requests {
                    r.kind = kind;
                }
            }
            assert!(tree::select(&mut app, "Clinique du Test/portail"));
            app.step = Step::Request;
            let screen = render(&app, 80, 24);
            let flat: String = screen
                .lines()
                .map(|l| {
                    l.trim_end_matches(['│', ' '])
                        .rsplit('│')
                        .next()
                        .unwrap_or("")
                })
                .collect::<Vec<_>>()
                .join(" ");
            let flat: String = flat.split_whitespace().collect::<Vec<_>>().join(" ");
            let (offer, usage) = kind.platform_name().split_once(' ').expect("offer usage");
            for words in [
                kind.platform_name().to_string(),
                "Demander".to_string(),
                "Demander un nouveau produit".to_string(),
                format!("{offer}, structure 1720012345"),
                format!("Usage {usage}"),
                "Retirer".to_string(),
            ] {
                assert!(flat.contains(&words), "{kind:?} {words}:\n{screen}");
            }
        }
    }
}

#[test]
fn a_second_request_starts_from_the_folders_last_and_its_name() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = Workspace::open(&tmp.path().join("ws")).expect("ws");
    ws.create_folder(Some("Clinique")).expect("folder");
    let first = run_work(
        &ws,
        work::CreateRequest {
            folder: "Clinique".into(),
            name: Some("web".into()),
            kind: RequestType::Ssl,
        },
    );
    assert!(first.message.is_some());
    let edit = cleocps_core::procedure::FormEdit {
        cn: Some("web.clinique-test.fr".into()),
        email: None,
        san: None,
        o: Some("Clinique du Test".into()),
        ou: Some("1720012345".into()),
        st: Some("Sarthe (72)".into()),
        l: Some("Le Mans".into()),
        c: Some("FR".into()),
        allow_wildcard: false,
    };
    cleocps_core::procedure::edit_form(&ws, "Clinique/web", &edit).expect("form");
    run_work(
        &ws,
        work::CreateRequest {
            folder: "Clinique".into(),
            name: Some("srv.clinique-test.fr".into()),
            kind: RequestType::Ssl,
        },
    );
    let second = ws.find("Clinique/srv.clinique-test.fr").expect("second");
    let s = &second.subject;
    assert_eq!(
        (
            s.o.as_deref(),
            s.ou.as_deref(),
            s.st.as_deref(),
            s.l.as_deref()
        ),
        (
            Some("Clinique du Test"),
            Some("1720012345"),
            Some("Sarthe (72)"),
            Some("Le Mans")
        )
    );
    assert_eq!(s.cn.as_deref(), Some("srv.clinique-test.fr"));
}

#[test]
fn a_long_serial_is_cut_at_its_start() {
    let mut app = sample::example(Lang::Fr);
    let serial = "4848EB09C1919AB46F498CB198BA604A727D0011";
    for c in app.certs.values_mut() {
        c.serial = serial.into();
    }
    assert!(tree::select(&mut app, "Clinique du Test/srv-web"));
    app.step = Step::Final;
    let screen = render(&app, 80, 24);
    let row = screen
        .lines()
        .find(|l| l.contains("Série"))
        .expect("the serial's row");
    let shown = row
        .split("Série")
        .nth(1)
        .expect("value")
        .trim()
        .trim_end_matches('│')
        .trim();
    assert!(shown.starts_with('…'), "{row}");
    assert!(serial.ends_with(shown.trim_start_matches('…')), "{row}");
}

#[test]
fn a_message_goes_with_its_tab_and_an_untrusted_ca_names_the_trust_screen() {
    let mut app = sample::example(Lang::Fr);
    assert!(tree::select(&mut app, "Clinique du Test/portail"));
    app.status = Some(cleocps::tui::app::Status {
        text: "Demande copiée".into(),
        error: false,
    });
    update(&mut app, Action::GoStep(Step::Final));
    assert!(app.status.is_none());

    let e = cleocps_core::error::Error::Pki(cleocps_core::pki::PkiError::UntrustedRoot {
        subject: "TEST AC RACINE".into(),
    });
    let text = cleocps::tui::job::Failure::Core(std::sync::Arc::new(e)).text(Lang::Fr);
    assert!(text.contains("Configuration › Confiance"), "{text}");
    assert!(!text.contains("--"), "{text}");
    // Whole in the status line at 80 columns.
    app.status = Some(cleocps::tui::app::Status { text, error: true });
    let screen = render(&app, 80, 24);
    let flat: String = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Confiance (touche C)."), "{screen}");
}

#[test]
fn the_deploy_question_keeps_its_question_mark_and_agrees_with_the_key_bar() {
    let (_, mut app) = sample::screens(Lang::Fr)
        .into_iter()
        .find(|(name, _)| *name == "40-step3-deploy-profile")
        .expect("the deploy dialog's example");
    if let Some(Modal::Deploy(m)) = app.modal.as_mut() {
        m.path = "Clinique du Test/srv.clinique-test.fr".into();
    }
    let screen = render(&app, 80, 24);
    // The question whole: the path, then "ainsi ?" on the next row.
    assert!(screen.contains("srv.clinique-test.fr"), "{screen}");
    assert!(screen.contains("ainsi ?"), "{screen}");
    // The dialog and the key bar say the same keys.
    let bar = screen.trim_end().lines().last().expect("key bar");
    assert!(
        bar.contains("o oui") && bar.contains("n/Échap non"),
        "{bar}"
    );
    assert!(screen.contains("n/Échap non"), "{screen}");
}
