//! A fixed example workspace in memory, for snapshots, screenshots and the
//! benchmark: no disk, no clock, the same bytes on every run.

mod config;
mod ops;
mod platform;
mod portal;
mod revocation;
mod wizard;
mod wizard_platform;

use crate::i18n::{t, tf, Lang};
use crate::tui::action::{CertView, Step};
use crate::tui::app::{App, Folder, Running, Status};
use crate::tui::form::Form;
use crate::tui::job_kind::JobKind;
use crate::tui::modal::{Ask, CardWaitModal, Choose, Confirm, CsrModal, FilesModal, HelpModal};
use crate::tui::modal::{Hidden, Modal, PinFor, PinModal, SecretModal};
use cleocps_core::card::{PinState, PinWarning};
use cleocps_core::procedure::PinStep;
use cleocps_core::request::{Generation, Request, RequestType, State, Subject};
use std::path::PathBuf;
use zeroize::Zeroizing;

const DAY: &str = "2026-03-02T09:15:00Z";

fn request(folder: &str, name: &str, kind: RequestType, state: State) -> Request {
    let mut r = Request::new(folder, name, kind, DAY);
    // Distinct ids (renewal links hold ids), the same on every run.
    let sum = name.bytes().fold(0u64, |a, b| a * 31 + u64::from(b)) % 1_000_000_000_000;
    r.id = format!("00000000-0000-4000-8000-{sum:012}");
    r.state = state;
    if state != State::New {
        r.key_bits = Some(2048);
        r.key_encrypted = Some(true);
    }
    r.subject = Subject {
        c: Some("FR".into()),
        st: Some("Sarthe (72)".into()),
        l: Some("Le Mans".into()),
        o: Some("Clinique du Test".into()),
        ou: Some("1720012345".into()),
        cn: None,
    };
    r
}

fn tree() -> Vec<Folder> {
    let f = "Clinique du Test";
    let mut web = request(f, "srv-web", RequestType::Ssl, State::CertificateImported);
    web.subject.cn = Some("srv-web.clinique-test.fr".into());
    web.san = vec!["www.clinique-test.fr".into()];
    web.generation = Some(Generation::CsrOnly);
    let mut mail = request(f, "messagerie", RequestType::Smime, State::KeysGenerated);
    mail.subject.cn = Some("secretariat@clinique-test.fr".into());
    let mut intra = request(f, "intranet", RequestType::Ssl, State::KeysGenerated);
    intra.subject.cn = Some("intranet.clinique-test.fr".into());
    let mut rejected = request(f, "Demande 3", RequestType::Ssl, State::Rejected);
    rejected.subject.cn = Some("dmp.clinique-test.fr".into());
    rejected.generation = Some(Generation::Card);
    rejected.rejection_code = Some("ADMIN_INCONNU".into());
    rejected.rejection_reason = Some(
        "Le porteur de la carte n'est pas enregistré comme administrateur du doublet serveur & domaine dmp.clinique-test.fr.".into(),
    );
    let mut portal = request(f, "portail", RequestType::Ssl, State::RequestGenerated);
    portal.subject.cn = Some("portail.clinique-test.fr".into());
    portal.generation = Some(Generation::CsrOnly);
    let fresh = request("Dossier 2", "Demande 1", RequestType::Ssl, State::New);
    let old = |n: &str| {
        let mut r = request(
            "Archives 2023",
            n,
            RequestType::Ssl,
            State::CertificateImported,
        );
        r.subject.cn = Some(format!("{n}.clinique-test.fr"));
        r
    };
    vec![
        Folder {
            name: f.into(),
            requests: vec![rejected, intra, mail, portal, web],
        },
        Folder {
            name: "Dossier 2".into(),
            requests: vec![fresh],
        },
        Folder {
            name: "Archives 2023".into(),
            requests: vec![old("ancien-web"), old("ancien-dmp")],
        },
    ]
}

fn cert() -> CertView {
    CertView {
        subject: "CN=srv-web.clinique-test.fr,OU=1720012345,O=Clinique du Test,L=Le Mans,ST=Sarthe (72),C=FR".into(),
        issuer: "CN=TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS,O=ASIP-SANTE,C=FR".into(),
        serial: "4A1F09C2D37B".into(),
        not_before: "2026-03-02".into(),
        not_after: "2029-03-01".into(),
        san: vec![
            "DNS:srv-web.clinique-test.fr".into(),
            "DNS:www.clinique-test.fr".into(),
        ],
        fingerprint: "9C:41:D2:7E:0B:55:A8:13:F6:2D:90:C4:7A:E1:38:5B:E2:0F:66:3A:D8:91:4C:B7:05:7E:C3:29:A4:18:6F:D0".into(),
        chain: portal::chain(),
        files: portal::files(&portal::srv_web_dir(), "srv-web"),
    }
}

/// The example state: a few folders, requests in every state, one selected.
pub fn example(lang: Lang) -> App {
    let mut app = App::new(lang, PathBuf::from("/home/admin/.local/share/cleocps"));
    app.cwd = PathBuf::from("/home/admin");
    app.tree = tree();
    app.collapsed.insert("Archives 2023".into());
    app.certs.insert("Clinique du Test/srv-web".into(), cert());
    ops::certified(&mut app);
    portal::journals(&mut app);
    crate::tui::tree::select(&mut app, "Clinique du Test/messagerie");
    app
}

fn at(lang: Lang, path: &str, step: Step) -> App {
    let mut app = example(lang);
    crate::tui::tree::select(&mut app, path);
    app.step = step;
    app
}

const CSR: &str = "-----BEGIN CERTIFICATE REQUEST-----
MIIC4jCCAcoCAQAwgZwxCzAJBgNVBAYTAkZSMRQwEgYDVQQIDAtTYXJ0aGUgKDcy
KTEQMA4GA1UEBwwHTGUgTWFuczEZMBcGA1UECgwQQ2xpbmlxdWUgZHUgVGVzdDET
MBEGA1UECwwKMTcyMDAxMjM0NTEhMB8GA1UEAwwYcG9ydGFpbC5jbGluaXF1ZS10
ZXN0LmZyMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAxampleExample
AQABoDcwNQYJKoZIhvcNAQkOMSgwJjAkBgNVHREEHTAbghlwb3J0YWlsLmNsaW5p
cXVlLXRlc3QuZnIwDQYJKoZIhvcNAQELBQADggEBAExampleSignatureExample
-----END CERTIFICATE REQUEST-----";

const CERT: &str = "-----BEGIN CERTIFICATE-----
MIIFjTCCA3WgAwIBAgIUExampleExampleExampleExampleExampleMA0GCSqGSIb3
DQEBCwUAMFkxCzAJBgNVBAYTAkZSMRMwEQYDVQQKDApBU0lQLVNBTlRFMRcwFQYD
VQQLDA4wMDAyIDE4NzUxMjc1MTEcMBoGA1UEAwwTVEVTVCBBQyBJR0MtU0FOVEUw
ExampleExampleExampleExampleExampleExampleExampleExampleExample==
-----END CERTIFICATE-----";

/// Every screen and dialog worth a snapshot or a screenshot, by name.
pub fn screens(lang: Lang) -> Vec<(&'static str, App)> {
    let mut out = Vec::new();
    out.push((
        "01-tree-step1",
        at(lang, "Clinique du Test/messagerie", Step::Init),
    ));
    out.push(("02-step1-new", at(lang, "Dossier 2/Demande 1", Step::Init)));
    out.push((
        "03-step2-form",
        at(lang, "Clinique du Test/intranet", Step::Request),
    ));

    let mut edit = at(lang, "Clinique du Test/intranet", Step::Request);
    if let Some(req) = crate::tui::tree::selected_request(&edit) {
        let mut form = Form::open(req);
        if let Some(f) = form.fields.first_mut() {
            f.input = tui_input::Input::new("intranet".into());
        }
        form.problems = crate::tui::form::check(form.kind, &form.values(), false);
        edit.form = Some(form);
    }
    out.push(("04-step2-edit", edit));

    out.push((
        "05-step3-certificate",
        at(lang, "Clinique du Test/srv-web", Step::Final),
    ));
    out.push((
        "06-step3-rejected",
        at(lang, "Clinique du Test/Demande 3", Step::Final),
    ));
    out.push((
        "07-step3-locked",
        at(lang, "Dossier 2/Demande 1", Step::Final),
    ));

    out.extend(pin_screens(lang));
    out.extend(dialog_screens(lang));
    out.extend(work_and_export_screens(lang));
    out.extend(later_screens(lang));
    out
}

/// The PIN prompt, first with the card's warning, then after a wrong PIN.
fn pin_screens(lang: Lang) -> Vec<(&'static str, App)> {
    let mut out = Vec::new();
    // After a probe of a card with a failed try: the card's own warning.
    let mut pin = at(lang, "Clinique du Test/messagerie", Step::Request);
    pin.status = Some(Status {
        text: tf(
            lang,
            "tui.card.seen",
            &[&"CPS4v1-TEST0001", &"810001234567 JEAN DUPONT"],
        ) + " · "
            + t(lang, "tui.card.forwarded"),
        error: false,
    });
    pin.modal = Some(Modal::Pin(PinModal {
        what: PinFor {
            path: "Clinique du Test/messagerie".into(),
            key_password: None,
            pin: PinStep::Ask {
                warning: Some(PinWarning::CountLow),
                bounds: PinState {
                    count_low: true,
                    min_len: 4,
                    max_len: 8,
                    ..PinState::default()
                },
            },
        },
        warning: Some(PinWarning::CountLow.localize(lang)),
        pin: Zeroizing::new("1234".into()),
        error: None,
        unlisted: None,
    }));
    out.push(("08-pin", pin.clone()));

    // After a wrong PIN: asked again, with the tries left; the form's name
    // the directory doesn't list for this holder.
    if let Some(Modal::Pin(m)) = &mut pin.modal {
        m.pin = Zeroizing::new(String::new());
        m.error = Some(t(lang, "tui.pin.wrong").to_string());
        m.unlisted = Some(tf(
            lang,
            "wizard.unlisted_form",
            &[&"secretariat@clinique-test.fr"],
        ));
    }
    out.push(("48-pin-again", pin));

    out
}

/// Help, an error, the key password, the choices, the CSR, the files, a deletion.
fn dialog_screens(lang: Lang) -> Vec<(&'static str, App)> {
    let mut out = Vec::new();
    let mut help = example(lang);
    help.modal = Some(Modal::Help(HelpModal::default()));
    out.push(("09-help", help));

    let mut err = at(lang, "Clinique du Test/portail", Step::Final);
    err.modal = Some(Modal::error(t(lang, "tui.sample.error").to_string()));
    out.push(("10-error", err));

    let mut pw = at(lang, "Dossier 2/Demande 1", Step::Init);
    pw.modal = Some(Modal::Secret(SecretModal {
        what: Hidden::NewKeyPassword {
            path: "Dossier 2/Demande 1".into(),
            size: cleocps_core::pki::KeySize::B2048,
            replace: false,
        },
        first: Zeroizing::new("correct horse".into()),
        second: Zeroizing::new("corr".into()),
        on_second: true,
        error: None,
    }));
    out.push(("11-key-password", pw));

    let mut kind = at(lang, "Dossier 2/Demande 1", Step::Init);
    kind.modal = Some(Modal::choice(
        Choose::RequestType {
            folder: "Dossier 2".into(),
        },
        0,
    ));
    out.push(("12-choose-type", kind));

    let mut csr = at(lang, "Clinique du Test/portail", Step::Request);
    csr.modal = Some(Modal::Csr(CsrModal {
        path: "Clinique du Test/portail".into(),
        pem: CSR.into(),
        scroll: 0,
    }));
    out.push(("13-csr", csr));

    let mut files = at(lang, "Clinique du Test/srv-web", Step::Final);
    let dir = portal::srv_web_dir();
    files.modal = Some(Modal::Files(FilesModal {
        files: portal::files(&dir, "srv-web"),
        dir,
    }));
    out.push(("14-files", files));

    let mut del = at(lang, "Clinique du Test/Demande 3", Step::Final);
    del.modal = Some(Modal::confirm(
        Confirm::DeleteRequest {
            path: "Clinique du Test/Demande 3".into(),
            force: false,
        },
        crate::i18n::tf(
            lang,
            "tui.confirm.delete_request",
            &[&"Clinique du Test/Demande 3"],
        ),
    ));
    out.push(("15-confirm-delete", del));

    out
}

/// A job running, the import path, the request mode, the export's questions.
fn work_and_export_screens(lang: Lang) -> Vec<(&'static str, App)> {
    let mut out = Vec::new();
    let mut busy = at(lang, "Dossier 2/Demande 1", Step::Init);
    busy.jobs.push(Running {
        id: 1,
        kind: JobKind::GenerateKeys,
        request: Some("Dossier 2/Demande 1".into()),
    });
    out.push(("16-job-running", busy));

    let mut import = at(lang, "Clinique du Test/portail", Step::Final);
    import.modal = Some(Modal::input(
        Ask::ImportPath {
            path: "Clinique du Test/portail".into(),
        },
        "/home/admin/Téléchargements/smime.p7c",
    ));
    out.push(("17-import-path", import));

    let mut mode = at(lang, "Clinique du Test/intranet", Step::Request);
    mode.modal = Some(Modal::choice(
        Choose::RequestMode {
            path: "Clinique du Test/intranet".into(),
            card: true,
        },
        0,
    ));
    out.push(("18-request-mode", mode));

    let web = "Clinique du Test/srv-web";
    let mut dir = at(lang, web, Step::Final);
    dir.modal = Some(Modal::input(
        Ask::ExportFiles { path: web.into() },
        "/home/admin/srv-web.clinique-test.fr",
    ));
    out.push(("19-export-dir", dir));

    let mut key = at(lang, web, Step::Final);
    key.modal = Some(Modal::choice(
        Choose::PemKey {
            path: web.into(),
            out: PathBuf::from("/home/admin/srv-web.clinique-test.fr"),
        },
        1,
    ));
    out.push(("20-export-clear-key", key));

    let mut over = at(lang, web, Step::Final);
    let file = PathBuf::from("/home/admin/srv-web.key");
    let text = tf(lang, "tui.confirm.overwrite", &[&file.display()]);
    let job = Box::new(crate::tui::action::Job::new(crate::tui::jobs::Files {
        path: web.into(),
    }));
    over.modal = Some(Modal::confirm(Confirm::Overwrite { file, job }, text));
    out.push(("21-overwrite", over));

    out
}

/// The card awaited and an answer pasted, then the CleoWizard, operations,
/// palette, welcome, portal and configuration screens.
fn later_screens(lang: Lang) -> Vec<(&'static str, App)> {
    let mut out = Vec::new();
    // The card probe found no card: it polls until it comes (or Esc).
    let intra = "Clinique du Test/intranet";
    let mut wait = at(lang, intra, Step::Request);
    wait.jobs.push(Running {
        id: 1,
        kind: JobKind::ProbeCard,
        request: Some(intra.into()),
    });
    wait.modal = Some(Modal::CardWait(CardWaitModal { left: 117 }));
    out.push(("29-card-wait", wait));

    // "Coller la réponse": a chain pasted into Étape 3.
    let portal = "Clinique du Test/portail";
    let mut paste = at(lang, portal, Step::Final);
    let chain = format!("{}\n{}\n", CERT, CERT);
    paste.modal = Some(Modal::Paste(crate::tui::modal::PasteModal {
        path: portal.into(),
        text: chain,
        error: None,
    }));
    out.push(("30-paste-answer", paste));
    out.extend(wizard::screens(lang));
    out.extend(wizard_platform::screens(lang));
    out.extend(wizard_platform::deploy_form(lang));
    out.extend(ops::screens(lang));
    out.extend(revocation::screens(lang));

    // The command palette (F10 or `:`), "dem" typed.
    let mut palette = at(lang, "Dossier 2/Demande 1", Step::Init);
    palette.modal = Some(Modal::Palette(crate::tui::modal::PaletteModal {
        query: tui_input::Input::new("dem".into()),
        sel: 0,
    }));
    out.push(("42-palette", palette));
    // The welcome page of an empty workspace.
    out.push(("43-welcome", App::new(lang, PathBuf::from("/srv/cleocps"))));
    out.extend(portal::screens(lang));
    out.extend(config::screens(lang));
    out.extend(platform::screens(lang));
    out
}
