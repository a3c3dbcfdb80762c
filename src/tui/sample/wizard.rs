//! The example states of the mail steps and the CleoWizard screen, for
//! snapshots and screenshots (see `sample`): no disk, no clock.

use super::example;
use crate::i18n::{t, tf, Lang};
use crate::tui::action::Step;
use crate::tui::app::{App, Running, Status};
use crate::tui::form::Form;
use crate::tui::job_kind::{JobKind, WizardJobKind};
use crate::tui::modal::{Modal, PinFor, PinModal, ServersModal};
use crate::tui::wizard::{WizStep, Wizard};
use cleocps_core::card::{PinState, TokenInfo, TokenSource};
use cleocps_core::directory::ServerEntry;
use cleocps_core::procedure::PinStep;
use cleocps_core::request::{Generation, JournalEntry, RequestType, State};
use cleocps_core::wizard::{FinalFiles, Target};
use std::path::PathBuf;
use zeroize::Zeroizing;

const INTRA: &str = "Clinique du Test/intranet";
const MSG_ID: &str = "<7f3a2c91.4b1e@clinique-test.fr>";
const ROOT: &str = "/home/admin/.local/share/cleocps";

fn at(lang: Lang, path: &str, step: Step) -> App {
    let mut app = example(lang);
    crate::tui::tree::select(&mut app, path);
    app.step = step;
    app
}

/// The intranet request signed with the card, then (if `sent`) mailed.
fn intranet(lang: Lang, state: State, step: Step) -> App {
    let mut app = at(lang, INTRA, step);
    for f in &mut app.tree {
        for r in &mut f.requests {
            if r.path() == INTRA {
                r.state = state;
                r.generation = Some(Generation::Card);
                if state == State::Sent {
                    r.message_id = Some(MSG_ID.into());
                    r.journal.push(JournalEntry {
                        time: "2026-03-02T09:42:10Z".into(),
                        action: "request_send".into(),
                        outcome: format!("outbox to inscription@test {MSG_ID}"),
                    });
                }
            }
        }
    }
    app
}

fn entry(fqdn: &str, mail: &str) -> ServerEntry {
    ServerEntry {
        fqdn: fqdn.into(),
        mail: Some(mail.into()),
        structure_id: Some("1720012345".into()),
        structure_name: Some("Clinique du Test".into()),
        departement: Some("Sarthe (72)".into()),
    }
}

fn entries() -> Vec<ServerEntry> {
    vec![
        entry("dmp.clinique-test.fr", "dmp@clinique-test.fr"),
        entry("intranet.clinique-test.fr", "intranet@clinique-test.fr"),
        entry("srv-web.clinique-test.fr", "secretariat@clinique-test.fr"),
    ]
}

fn card() -> TokenInfo {
    TokenInfo {
        label: "CPS4v1-TEST0001".into(),
        serial: "0001".into(),
        manufacturer: String::new(),
        model: String::new(),
        source: TokenSource::Soft {
            path: PathBuf::from("/home/admin/carte-demo.json"),
        },
        pin: PinState {
            min_len: 4,
            max_len: 8,
            ..PinState::default()
        },
    }
}

/// The wizard on `step`, with what the earlier steps gathered.
fn wizard(lang: Lang, step: WizStep) -> App {
    let mut app = example(lang);
    let gathered = !matches!(step, WizStep::Type | WizStep::Resume { .. });
    let mut w = Wizard::new();
    if gathered {
        w.run.holder = Some("810001234567 JEAN DUPONT".into());
        w.run.card = Some(card());
    }
    if matches!(
        step,
        WizStep::KeyPassword
            | WizStep::Pin
            | WizStep::Waiting { .. }
            | WizStep::Done { .. }
            | WizStep::Rejected { .. }
    ) {
        w.run.target = Some(Target {
            kind: RequestType::Ssl,
            name: "srv-web.clinique-test.fr".into(),
            entry: entries().pop(),
        });
    }
    w.run.step = step;
    app.wizard = Some(w);
    app
}

pub fn screens(lang: Lang) -> Vec<(&'static str, App)> {
    let mut out = Vec::new();
    out.push((
        "22-step2-send-ready",
        intranet(lang, State::RequestGenerated, Step::Request),
    ));
    out.push(("23-step2-sent", intranet(lang, State::Sent, Step::Request)));

    let mut fetching = intranet(lang, State::Sent, Step::Final);
    fetching.jobs.push(Running {
        id: 1,
        kind: JobKind::FetchReply,
        request: Some(INTRA.into()),
    });
    out.push(("24-step3-fetching", fetching));

    let mut waiting = intranet(lang, State::Sent, Step::Final);
    waiting.jobs.push(Running {
        id: 1,
        kind: JobKind::FetchWait,
        request: Some(INTRA.into()),
    });
    waiting.wait_progress = Some((2, 584));
    out.push(("28-step3-waiting", waiting));

    let mut nothing = intranet(lang, State::Sent, Step::Final);
    nothing.status = Some(Status {
        text: t(lang, "tui.fetch.nothing").to_string(),
        error: false,
    });
    out.push(("25-step3-nothing-yet", nothing));

    let mut servers = at(lang, INTRA, Step::Request);
    if let Some(req) = crate::tui::tree::selected_request(&servers) {
        servers.form = Some(Form::open(req));
    }
    servers.modal = Some(Modal::Servers(ServersModal {
        path: INTRA.into(),
        entries: entries(),
        sel: 1,
    }));
    out.push(("26-form-servers", servers));

    let mut down = at(lang, INTRA, Step::Request);
    if let Some(req) = crate::tui::tree::selected_request(&down) {
        down.form = Some(Form::open(req));
    }
    let why = "ldap://annuaire.sante.fr:389: connexion refusée.";
    down.modal = Some(Modal::error(tf(lang, "tui.dir.unreachable", &[&why])));
    out.push(("27-form-directory-down", down));
    out.extend(wizard_screens(lang));
    out
}

/// CleoWizard's screens, from resuming a request to a rejection.
fn wizard_screens(lang: Lang) -> Vec<(&'static str, App)> {
    let mut out = Vec::new();

    let resume = WizStep::Resume {
        path: "CleoWizard/Demande 1".into(),
        state: State::Sent,
    };
    out.push(("49-wizard-resume", wizard(lang, resume)));
    out.push(("31-wizard-type", wizard(lang, WizStep::Type)));
    let list = WizStep::Server { entries: entries() };
    let mut servers = wizard(lang, list);
    if let Some(w) = servers.wizard.as_mut() {
        w.sel = 2;
    }
    out.push(("32-wizard-servers", servers));
    let degraded = WizStep::Typed {
        degraded: Some("ldap://annuaire.sante.fr:389: connexion refusée".into()),
    };
    let mut typed = wizard(lang, degraded);
    if let Some(w) = typed.wizard.as_mut() {
        w.input = tui_input::Input::new("srv-web.clinique-test.fr".into());
    }
    out.push(("33-wizard-degraded", typed));
    out.push(("34-wizard-key-password", wizard(lang, WizStep::KeyPassword)));
    let mut pin = wizard(lang, WizStep::Pin);
    pin.modal = Some(Modal::Pin(PinModal {
        what: PinFor {
            path: cleocps_core::wizard::FOLDER.into(),
            key_password: None,
            pin: PinStep::Ask {
                warning: None,
                bounds: card().pin,
            },
        },
        warning: None,
        unlisted: None,
        pin: Zeroizing::new("12".into()),
        error: None,
    }));
    out.push(("35-wizard-pin", pin));
    let mut waiting = wizard(
        lang,
        WizStep::Waiting {
            path: "CleoWizard/Demande 1".into(),
            next_check: Some(2),
            left: Some(587),
        },
    );
    waiting.jobs.push(Running {
        id: 1,
        kind: JobKind::Wizard(WizardJobKind::Finish),
        request: None,
    });
    out.push(("36-wizard-waiting", waiting));
    let dir = PathBuf::from(ROOT).join("wizard");
    let files = FinalFiles {
        p12: dir.join("Requete_Wizard.p12"),
        crt: dir.join("Requete_Wizard.crt"),
        key: dir.join("Requete_Wizard.key"),
        password: dir.join("password.txt"),
        previous: Some(dir.join("historique/2026-03-02T09-15-00Z")),
    };
    out.push(("37-wizard-done", wizard(lang, WizStep::Done { files })));
    let rejected = WizStep::Rejected {
        path: "CleoWizard/Demande 2".into(),
        code: "ADMIN_INCONNU".into(),
        reason: "Le porteur de la carte n'est pas enregistré comme administrateur du doublet serveur & domaine srv-web.clinique-test.fr.".into(),
    };
    out.push(("38-wizard-rejected", wizard(lang, rejected)));
    out
}
