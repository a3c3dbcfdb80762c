//! The card through PKCS#11, with a SoftHSM2 token shaped like a CPS4 card.
//! The module is loaded in this process: each test holds its environment
//! ([`InProcess`]) while it does.

use crate::support;

use cleocps_core::card::{
    self, holder_of, CardError, CardOptions, Holder, Token, TokenSource, SIG_KEY_LABEL,
};
use cleocps_core::pki::cms::enveloped_data;
use cleocps_core::secret::Secret;
use der::Encode;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::mpsc;
use std::time::{Duration, Instant};
use support::ca::openssl;
use support::process::{wait_until, Reaped};
use support::run;
use support::softhsm::{InProcess, SoftHsm, LABEL, MODULE, PIN};

fn opts(label: Option<&str>) -> CardOptions {
    CardOptions {
        pkcs11_module: Some(PathBuf::from(MODULE)),
        token_label: label.map(str::to_string),
        ..Default::default()
    }
}

fn open(label: Option<&str>) -> Box<dyn Token> {
    card::open(&opts(label)).expect("open token")
}

#[test]
fn signs_a_request_that_openssl_opens_and_verifies() {
    let hsm = SoftHsm::card();
    let _env = hsm.in_process();
    let mut token = open(Some(LABEL));
    let info = token.info().expect("info");
    assert_eq!(info.label, LABEL);
    assert!(
        matches!(&info.source, TokenSource::Pkcs11 { module, .. } if module == &PathBuf::from(MODULE))
    );
    assert!(!info.pin.count_low && !info.pin.final_try && !info.pin.locked);
    assert!(info.pin.min_len >= 4 && info.pin.max_len >= 8);

    let cert = token.signature_certificate().expect("cert");
    assert_eq!(
        cert.to_der().expect("der"),
        hsm.pki.sig.cert().to_der().expect("der")
    );
    assert_eq!(
        holder_of(&cert),
        Holder {
            id: "810001234567".into(),
            surname: Some("DUPONT".into()),
            given_name: Some("JEAN".into()),
        }
    );

    let csr = b"0\x82CSR-LIKE bytes\r\n\0 with binary".to_vec();
    let sd = card::sign_content(token.as_mut(), &Secret::new(PIN), &csr).expect("sign");
    let p7m = enveloped_data(&sd, &hsm.pki.ra.cert()).expect("envelope");
    std::fs::write(hsm.path("req.p7m"), &p7m).expect("w");
    run(openssl()
        .args(["cms", "-decrypt", "-inform", "DER", "-binary", "-in"])
        .arg(hsm.path("req.p7m"))
        .arg("-recip")
        .arg(&hsm.pki.ra.crt)
        .arg("-inkey")
        .arg(&hsm.pki.ra.key)
        .arg("-out")
        .arg(hsm.path("sd.der")));
    run(openssl()
        .args(["cms", "-verify", "-inform", "DER", "-binary", "-in"])
        .arg(hsm.path("sd.der"))
        .arg("-CAfile")
        .arg(&hsm.pki.card_ca.crt)
        .arg("-out")
        .arg(hsm.path("csr.out"))
        .arg("-signer")
        .arg(hsm.path("signer.pem")));
    assert_eq!(std::fs::read(hsm.path("csr.out")).expect("r"), csr);
    // The signature key signed, not the authentication key.
    let signer = std::fs::read_to_string(hsm.path("signer.pem")).expect("r");
    assert_eq!(signer.trim(), hsm.pki.sig.cert_pem().trim());

    // Without a label: the only token.
    drop(token);
    assert_eq!(open(None).info().expect("info").label, LABEL);
}

#[test]
fn status_list_and_doctor() {
    let hsm = SoftHsm::card();
    let _env = hsm.in_process();
    let st = card::status(&opts(None)).expect("status");
    assert_eq!(st.holder.id, "810001234567");
    assert!(!st.expired);
    assert!(st.issuer.contains("TEST AC CARTES CPS"), "{}", st.issuer);
    let json = serde_json::to_value(&st).expect("json");
    assert_eq!(json["token"]["label"], LABEL);
    assert_eq!(json["token"]["pin"]["count_low"], false);
    assert_eq!(json["token"]["source"]["kind"], "pkcs11");

    let listing = card::list(&opts(None)).expect("list");
    assert_eq!(listing.module, Some(PathBuf::from(MODULE)));
    let labels: Vec<_> = listing
        .slots
        .iter()
        .filter_map(|s| s.token.as_ref().map(|t| t.label.clone()))
        .collect();
    assert_eq!(labels, vec![LABEL.to_string()]);
    // SoftHSM always adds one empty (uninitialised) slot.
    assert!(listing.slots.iter().any(|s| s.token.is_none()));

    let checks = card::doctor(&opts(None));
    for c in &checks {
        assert!(c.ok, "{c:?}");
    }
    let names: Vec<_> = checks.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "module",
            "token",
            "signature_certificate",
            "certificate_valid",
        ]
    );
}

#[test]
fn wrong_pin_is_tried_once_then_count_low_then_good_pin_clears() {
    let hsm = SoftHsm::card();
    let mut env = hsm.in_process();
    // Load through OpenSC's pkcs11-spy to count the C_Login calls.
    let spy_log = hsm.path("spy.log");
    env.set("PKCS11SPY", MODULE);
    env.set("PKCS11SPY_OUTPUT", &spy_log);
    let spied = CardOptions {
        pkcs11_module: Some("/usr/lib/x86_64-linux-gnu/pkcs11/pkcs11-spy.so".into()),
        token_label: Some(LABEL.into()),
        ..Default::default()
    };
    let mut token = card::open(&spied).expect("open through spy");
    let err = token
        .sign_sha256(&Secret::new("9999"), b"data")
        .expect_err("wrong PIN");
    assert_eq!(err, CardError::WrongPin);
    assert!(err
        .localize(cleocps::i18n::Lang::Fr)
        .contains("code porteur incorrect"));
    assert!(err.localize(cleocps::i18n::Lang::En).contains("wrong PIN"));
    drop(token);
    env.remove("PKCS11SPY");
    env.remove("PKCS11SPY_OUTPUT");
    let log = std::fs::read_to_string(&spy_log).expect("spy log");
    assert_eq!(log.matches("C_Login").count(), 1, "{log}");

    let mut token = open(Some(LABEL));
    assert!(token.info().expect("info").pin.count_low);
    // Out-of-bounds length: refused before the card, no try used.
    assert!(matches!(
        token.sign_sha256(&Secret::new("12"), b"data"),
        Err(CardError::PinLength { .. })
    ));
    token
        .sign_sha256(&Secret::new(PIN), b"data")
        .expect("good PIN signs");
    assert!(!token.info().expect("info").pin.count_low);
}

#[test]
fn falls_back_to_the_non_repudiation_key_when_labels_differ() {
    let hsm = SoftHsm::empty();
    let _env = hsm.in_process();
    hsm.init_token(LABEL, PIN);
    // Authentication key first, signature key under another label and id.
    hsm.import("AUTH", "02", &hsm.pki.aut, "aut");
    hsm.import("SIGNATURE", "07", &hsm.pki.sig, "sig");
    assert_ne!(SIG_KEY_LABEL, "SIGNATURE");
    let mut token = open(None);
    let cert = token.signature_certificate().expect("cert");
    assert_eq!(
        cert.to_der().expect("der"),
        hsm.pki.sig.cert().to_der().expect("der")
    );
    let sd = card::sign_content(token.as_mut(), &Secret::new(PIN), b"x").expect("sign");
    let (_, signer) = cleocps_core::pki::cms::verify_signed(&sd).expect("verify");
    assert_eq!(signer, cert);
}

#[test]
fn module_and_token_errors() {
    let mut env = InProcess::take();
    let missing = PathBuf::from("/nonexistent/libcps3_pkcs11_lux.so");
    let o = CardOptions {
        pkcs11_module: Some(missing.clone()),
        ..Default::default()
    };
    assert_eq!(
        card::open(&o).err(),
        Some(CardError::NoModule {
            tried: vec![missing]
        })
    );

    let libc = PathBuf::from("/lib/x86_64-linux-gnu/libc.so.6");
    let o = CardOptions {
        pkcs11_module: Some(libc.clone()),
        ..Default::default()
    };
    assert!(matches!(
        card::open(&o).err(),
        Some(CardError::ModuleNotLoadable { module, .. }) if module == libc
    ));

    let hsm = SoftHsm::empty();
    env.set("SOFTHSM2_CONF", &hsm.conf);
    assert_eq!(
        card::open(&opts(None)).err(),
        Some(CardError::NoToken {
            module: MODULE.into()
        })
    );

    hsm.init_token("CPS3v3-TEST0002", PIN);
    hsm.init_token(LABEL, PIN);
    match card::open(&opts(None)).err() {
        Some(CardError::SeveralTokens { mut labels }) => {
            labels.sort();
            assert_eq!(
                labels,
                vec!["CPS3v3-TEST0002".to_string(), LABEL.to_string()]
            );
        }
        other => panic!("expected SeveralTokens, got {other:?}"),
    }
    assert!(matches!(
        card::open(&opts(Some("CPS4v1-NOPE"))).err(),
        Some(CardError::TokenNotFound { .. })
    ));
    // A token without keys or certificates.
    let token = open(Some("CPS3v3-TEST0002"));
    assert_eq!(
        token.signature_certificate().err(),
        Some(CardError::NoCertificate {
            token: "CPS3v3-TEST0002".into()
        })
    );
}

#[test]
fn forwarded_card_through_p11_kit_server() {
    let hsm = SoftHsm::card();
    let mut env = hsm.in_process();
    let socket = hsm.path("card.sock");
    let log = std::fs::File::create(hsm.path("p11-kit.log")).expect("log");
    // Killed on drop: no stray `p11-kit server`.
    let _server = Reaped::spawn(
        std::process::Command::new("p11-kit")
            .args(["server", "-f", "--provider", MODULE, "-n"])
            .arg(&socket)
            .arg(format!("pkcs11:token={LABEL}"))
            .env("SOFTHSM2_CONF", &hsm.conf)
            .stdout(log.try_clone().expect("log"))
            .stderr(log),
    );
    wait_until(10, "p11-kit server's socket", || {
        socket.exists().then_some(())
    });
    env.set(
        "P11_KIT_SERVER_ADDRESS",
        format!("unix:path={}", socket.display()),
    );
    // No module given: the forwarded card is chosen.
    let result = card::open(&CardOptions::default()).and_then(|mut token| {
        let module = card::find_module(&CardOptions::default())?;
        let sd = card::sign_content(token.as_mut(), &Secret::new(PIN), b"forwarded")?;
        Ok((module, token.info()?.label, sd))
    });
    env.remove("P11_KIT_SERVER_ADDRESS");
    let (module, label, sd) = result.expect("sign through the forwarded card");
    assert!(module.ends_with("p11-kit-client.so"));
    assert_eq!(label, LABEL);
    let (content, signer) = cleocps_core::pki::cms::verify_signed(&sd).expect("verify");
    assert_eq!(content, b"forwarded");
    assert_eq!(
        signer.to_der().expect("der"),
        hsm.pki.sig.cert().to_der().expect("der")
    );
}

/// Polling (DESIGN §8): the wait sees a card inserted after it started,
/// because each try initialises the module again.
#[test]
fn wait_for_card_sees_a_card_inserted_later() {
    let hsm = SoftHsm::empty();
    let _env = hsm.in_process();
    let stop = AtomicBool::new(false);
    let (tx, rx) = mpsc::channel();
    let opts = opts(Some(LABEL));
    let (waited, ticks) = std::thread::scope(|s| {
        let waiter = s.spawn(|| {
            let mut ticks = 0;
            let token = card::wait_for_card(&opts, Duration::from_secs(60), &stop, &mut |_| {
                ticks += 1;
                let _ = tx.send(());
            });
            (token, ticks)
        });
        // A first miss: the card is absent and the wait goes on.
        rx.recv_timeout(Duration::from_secs(30)).expect("a tick");
        hsm.insert();
        waiter.join().expect("waiter")
    });
    let token = waited.expect("the card, once inserted");
    assert_eq!(token.info().expect("info").label, LABEL);
    assert!(ticks >= 1);
}

#[test]
fn wait_for_card_times_out_with_the_no_card_error() {
    let hsm = SoftHsm::empty();
    let _env = hsm.in_process();
    let stop = AtomicBool::new(false);
    let mut lefts = Vec::new();
    let started = Instant::now();
    let r = card::wait_for_card(&opts(None), Duration::from_millis(1500), &stop, &mut |l| {
        lefts.push(l)
    });
    assert!(matches!(r, Err(CardError::NoToken { .. })), "{:?}", r.err());
    let took = started.elapsed();
    assert!(
        took >= Duration::from_millis(1500) && took < Duration::from_secs(10),
        "{took:?}"
    );
    assert!(
        !lefts.is_empty() && lefts.windows(2).all(|w| w[1] < w[0]),
        "{lefts:?}"
    );
    // A wanted label that is absent is waited for too, then named.
    let r = card::wait_for_card(&opts(Some(LABEL)), Duration::ZERO, &stop, &mut |_| {});
    assert!(
        matches!(r, Err(CardError::TokenNotFound { .. })),
        "{:?}",
        r.err()
    );
}

#[test]
fn wait_for_card_stops_on_the_flag_and_on_other_errors() {
    let hsm = SoftHsm::empty();
    let _env = hsm.in_process();
    let stop = AtomicBool::new(true);
    let started = Instant::now();
    let mut ticks = 0;
    let r = card::wait_for_card(&opts(None), Duration::from_secs(60), &stop, &mut |_| {
        ticks += 1
    });
    assert!(matches!(r, Err(CardError::NoToken { .. })), "{:?}", r.err());
    // Not waiting for a module that is not there: that won't fix itself.
    let bad = CardOptions {
        pkcs11_module: Some(PathBuf::from("/nonexistent/libnothing.so")),
        ..Default::default()
    };
    let go = AtomicBool::new(false);
    let r = card::wait_for_card(&bad, Duration::from_secs(60), &go, &mut |_| ticks += 1);
    assert!(r.is_err_and(|e| !card::card_absent(&e)));
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(ticks, 0);
}
