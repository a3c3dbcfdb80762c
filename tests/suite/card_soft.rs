//! The soft token: CPS4-like PIN counter, persisted between opens.

use crate::support;

use cleocps::i18n::Lang;
use cleocps_core::card::{
    self, pin_precheck, soft_init, CardError, CardOptions, PinWarning, Token,
};
use cleocps_core::secret::Secret;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use support::ca::openssl;
use support::run;
use support::softhsm::Pki;

fn setup(dir: &Path) -> (Pki, CardOptions) {
    let pki = Pki::new(dir);
    let path = dir.join("card.json");
    soft_init(
        &path,
        &pki.sig.cert_pem(),
        &pki.sig.key_pem(),
        &Secret::new("4321"),
    )
    .expect("soft_init");
    let opts = CardOptions {
        soft_token: Some(path),
        ..Default::default()
    };
    (pki, opts)
}

fn wrong(token: &mut dyn Token) -> CardError {
    token
        .sign_sha256(&Secret::new("0000"), b"x")
        .expect_err("wrong PIN refused")
}

#[test]
fn file_info_and_a_signature_openssl_verifies() {
    let dir = tempfile::tempdir().expect("tmp");
    let (pki, opts) = setup(dir.path());
    let path = opts.soft_token.clone().expect("path");
    let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    let text = std::fs::read_to_string(&path).expect("r");
    assert!(!text.contains("4321"));
    assert!(text.contains("ENCRYPTED PRIVATE KEY"));

    let mut token = card::open(&opts).expect("open");
    let info = token.info().expect("info");
    assert_eq!(info.label, "SOFTCPS-810001234567");
    assert_eq!((info.pin.min_len, info.pin.max_len), (4, 8));
    assert!(!info.pin.count_low);

    let sd = card::sign_content(token.as_mut(), &Secret::new("4321"), b"CSR").expect("sign");
    std::fs::write(dir.path().join("sd.der"), &sd).expect("w");
    run(openssl()
        .args(["cms", "-verify", "-inform", "DER", "-binary", "-in"])
        .arg(dir.path().join("sd.der"))
        .arg("-CAfile")
        .arg(&pki.card_ca.crt)
        .arg("-out")
        .arg(dir.path().join("out")));
    assert_eq!(std::fs::read(dir.path().join("out")).expect("r"), b"CSR");

    let st = card::status(&opts).expect("status");
    assert_eq!(st.holder.surname.as_deref(), Some("DUPONT"));
    let json = serde_json::to_value(card::list(&opts).expect("list")).expect("json");
    assert_eq!(json["soft"]["source"]["kind"], "soft");
    let checks = card::doctor(&opts);
    assert!(
        !checks.is_empty() && checks.iter().all(|c| c.ok),
        "{checks:?}"
    );
}

#[test]
fn good_pin_resets_the_counter() {
    let dir = tempfile::tempdir().expect("tmp");
    let (_pki, opts) = setup(dir.path());
    let mut token = card::open(&opts).expect("open");
    assert_eq!(wrong(token.as_mut()), CardError::WrongPin);
    let info = token.info().expect("info");
    assert!(info.pin.count_low && !info.pin.final_try);
    assert_eq!(
        pin_precheck(&info, true, false),
        Ok(Some(PinWarning::CountLow))
    );
    token
        .sign_sha256(&Secret::new("4321"), b"x")
        .expect("good PIN");
    assert!(!token.info().expect("info").pin.count_low);
}

#[test]
fn final_try_then_locked_and_good_pin_refused_after() {
    let dir = tempfile::tempdir().expect("tmp");
    let (_pki, opts) = setup(dir.path());
    let mut token = card::open(&opts).expect("open");
    // A PIN of the wrong length does not cost a try.
    assert_eq!(
        token.sign_sha256(&Secret::new("123456789"), b"x").err(),
        Some(CardError::PinLength { min: 4, max: 8 })
    );
    assert!(!token.info().expect("info").pin.count_low);

    wrong(token.as_mut());
    // The counter persists: a new open sees it.
    drop(token);
    let mut token = card::open(&opts).expect("reopen");
    assert_eq!(wrong(token.as_mut()), CardError::WrongPin);
    let info = token.info().expect("info");
    assert!(info.pin.final_try && !info.pin.locked);
    assert_eq!(
        pin_precheck(&info, true, false),
        Err(CardError::FinalTryRefused)
    );
    assert_eq!(
        pin_precheck(&info, true, true),
        Ok(Some(PinWarning::FinalTry))
    );
    assert_eq!(
        pin_precheck(&info, false, false),
        Ok(Some(PinWarning::FinalTry))
    );
    assert!(PinWarning::FinalTry
        .localize(Lang::En)
        .contains("a wrong PIN blocks the card"));

    assert_eq!(wrong(token.as_mut()), CardError::PinLocked);
    let info = token.info().expect("info");
    assert!(info.pin.locked);
    assert_eq!(pin_precheck(&info, false, true), Err(CardError::PinLocked));
    assert!(CardError::PinLocked.localize(Lang::Fr).contains("PUK"));

    // Locked: even the good PIN is refused, and nothing changes on disk.
    let before = std::fs::read(opts.soft_token.as_ref().expect("p")).expect("r");
    assert_eq!(
        token.sign_sha256(&Secret::new("4321"), b"x").err(),
        Some(CardError::PinLocked)
    );
    let after = std::fs::read(opts.soft_token.as_ref().expect("p")).expect("r");
    assert_eq!(before, after);
}

#[test]
fn init_refuses_a_key_of_another_certificate_and_bad_pins() {
    let dir = tempfile::tempdir().expect("tmp");
    let pki = Pki::new(dir.path());
    let path = dir.path().join("card.json");
    assert_eq!(
        soft_init(
            &path,
            &pki.sig.cert_pem(),
            &pki.aut.key_pem(),
            &Secret::new("1234")
        ),
        Err(CardError::KeyCertificateMismatch)
    );
    assert!(matches!(
        soft_init(
            &path,
            &pki.sig.cert_pem(),
            &pki.sig.key_pem(),
            &Secret::new("12")
        ),
        Err(CardError::PinLength { .. })
    ));
    assert!(!path.exists());
}
