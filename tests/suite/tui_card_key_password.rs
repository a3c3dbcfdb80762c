//! Étape 2 with the card, a wrong key password: the jobs run for real (a
//! soft token, a workspace on disk), the `update` loop is fed their answers
//! as the event loop does. The key password is asked again, then the card
//! is read again and the PIN asked anew: a PIN is never reused.

use crate::support;

use cleocps::i18n::Lang;
use cleocps::tui::action::{JobOutcome, Step};
use cleocps::tui::event::Event;
use cleocps::tui::modal::{Modal, PinModal, SecretModal};
use cleocps::tui::{jobs, term, tree, update, Action, App, Effect, TuiContext};
use cleocps_core::card::{self, soft_init, CardOptions};
use cleocps_core::secret::Secret;
use cleocps_core::workspace::Workspace;
use std::path::Path;
use std::sync::mpsc::channel;
use std::sync::Arc;
use std::time::Duration;
use support::softhsm::Pki;
use support::tui::{status_of, typed};

const KEY_PASSWORD: &str = "keypw-card";
const PIN: &str = "4321";

/// A request ready for Étape 2 (encrypted key, form filled), a soft-token
/// card, and the context pointing at both.
fn setup(tmp: &Path) -> (Workspace, Pki, TuiContext, String) {
    let ws = tmp.join("ws");
    let kp = support::secret_file(tmp, "kp", KEY_PASSWORD);
    let path = support::prepared_request(
        &ws,
        "r",
        "ssl",
        &["--key-password-file", &kp.to_string_lossy()],
        &["--cn", "srv.clinique-test.fr"],
    );
    let pki = Pki::new(tmp);
    let token = tmp.join("card.json");
    soft_init(
        &token,
        &pki.sig.cert_pem(),
        &pki.sig.key_pem(),
        &Secret::new(PIN),
    )
    .expect("soft_init");
    let mut ctx = TuiContext {
        card: CardOptions {
            soft_token: Some(token),
            ..Default::default()
        },
        ..TuiContext::default()
    };
    ctx.config.registration.certificate = Some(pki.ra.crt.clone());
    (Workspace::open(&ws).expect("workspace"), pki, ctx, path)
}

/// Runs the job `effect` asks for on its worker thread and feeds every
/// answer to `update`, as the event loop does; returns `update`'s effect
/// for the final answer.
fn run(
    app: &mut App,
    ws: &Workspace,
    ctx: &Arc<TuiContext>,
    effect: Option<Effect>,
) -> Option<Effect> {
    let Some(Effect::Job(id, job)) = effect else {
        panic!("a job was expected, got {effect:?}");
    };
    let (tx, rx) = channel();
    jobs::spawn(ws, ctx, Lang::En, id, job, tx);
    loop {
        match rx.recv_timeout(Duration::from_secs(60)).expect("an answer") {
            Event::Job(got, outcome) => {
                assert_eq!(got, id);
                let last = !matches!(outcome, JobOutcome::Progress { .. });
                let next = update(app, Action::Job(id, outcome));
                if last {
                    return next;
                }
            }
            other => panic!("{other:?}"),
        }
    }
}

fn key_password_asked(app: &App) -> bool {
    matches!(&app.modal, Some(Modal::Secret(SecretModal { what, .. })) if what.title_id() == "tui.secret.key")
}

fn pin_asked(app: &App) -> bool {
    matches!(&app.modal, Some(Modal::Pin(PinModal { pin, .. })) if pin.is_empty())
}

#[test]
fn a_wrong_key_password_found_at_the_signature_is_asked_again_then_the_card_is_read_again() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (ws, pki, ctx, path) = setup(tmp.path());
    let ctx = Arc::new(ctx);
    let mut app = term::load(&ws, Lang::En).expect("load");
    app.config = ctx.config.clone();
    assert!(tree::select(&mut app, &path));
    app.step = Step::Request;

    // "Générer la demande" → the card (default) → a wrong key password.
    assert!(update(&mut app, Action::GenerateRequest).is_none());
    assert!(update(&mut app, Action::Submit).is_none());
    assert!(key_password_asked(&app), "{:?}", app.modal);
    typed(&mut app, "not-the-key-password");
    let probe = update(&mut app, Action::Submit);
    assert!(run(&mut app, &ws, &ctx, probe).is_none());
    assert!(pin_asked(&app), "{:?}", app.modal);
    typed(&mut app, PIN);
    let sign = update(&mut app, Action::Submit);
    assert!(run(&mut app, &ws, &ctx, sign).is_none());

    // The key password is asked again, saying why; nothing else is redone.
    assert!(key_password_asked(&app), "{:?}", app.modal);
    let (text, error) = status_of(&app);
    assert!(error && text.contains("key password"), "{text}");
    let token = card::open(&ctx.card).expect("open");
    let info = token.info().expect("info");
    assert!(!info.pin.count_low, "no PIN try was used");
    drop(token);

    // The right one: the card is read again and the PIN asked anew (never
    // the PIN typed before), then the request is signed and encrypted.
    typed(&mut app, KEY_PASSWORD);
    let again = update(&mut app, Action::Submit);
    assert!(run(&mut app, &ws, &ctx, again).is_none());
    assert!(pin_asked(&app), "the PIN is asked again: {:?}", app.modal);
    typed(&mut app, PIN);
    let sign = update(&mut app, Action::Submit);
    run(&mut app, &ws, &ctx, sign);
    let (text, error) = status_of(&app);
    assert!(!error, "{text}");
    let p7m = ws.root().join(format!("dossiers/{path}/r.p7m"));
    let (content, _) =
        support::open_p7m(&p7m, &pki.ra.crt, &pki.ra.key, &pki.card_ca.crt, tmp.path());
    // The content is the request's CSR, which openssl verifies.
    let csr = ws.root().join(format!("dossiers/{path}/r.csr"));
    let csr_der = tmp.path().join("csr.der");
    let s = |p: &Path| p.to_string_lossy().into_owned();
    support::tool_ok("openssl", &["req", "-verify", "-noout", "-in", &s(&csr)]);
    support::tool_ok(
        "openssl",
        &[
            "req",
            "-in",
            &s(&csr),
            "-outform",
            "DER",
            "-out",
            &s(&csr_der),
        ],
    );
    assert_eq!(content, std::fs::read(&csr_der).expect("csr"));
}
