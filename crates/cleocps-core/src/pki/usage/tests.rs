//! Usage checks and inference against openssl-made certificates.
use super::*;
use crate::pki::test_support::{ca, cert, leaf, root, test_key, CA_EXT};

/// A leaf under a test intermediate, with `ext` besides basicConstraints.
fn with(ext: &str) -> Certificate {
    let dir = tempfile::tempdir().expect("tmp");
    let d = dir.path();
    root(d, "root", "/C=FR/O=Test/CN=Test Root", CA_EXT, 30);
    ca(
        d,
        "inter",
        "/C=FR/O=Test/CN=Test Intermediate",
        "root",
        CA_EXT,
        30,
    );
    let ext = format!("basicConstraints=CA:FALSE\n{ext}");
    cert(&leaf(
        d,
        "l",
        &test_key(),
        "x.example.fr",
        "inter",
        &ext,
        30,
    ))
}

#[test]
fn the_extended_key_usage_must_fit_the_request() {
    let mail_only = with("extendedKeyUsage=emailProtection\n");
    assert_eq!(
        check_usage(&mail_only, Usage::ServerAuth, "SERV SSL_SERV"),
        Err(PkiError::WrongUsage {
            made_for: Some(Usage::EmailProtection),
            found: "EKU emailProtection".into(),
            needed: Usage::ServerAuth,
            request: "SERV SSL_SERV",
        })
    );
    assert_eq!(check_usage(&mail_only, Usage::EmailProtection, ""), Ok(()));
    let server = with("extendedKeyUsage=serverAuth,clientAuth\n");
    assert!(check_usage(&server, Usage::EmailProtection, "").is_err());
    assert_eq!(check_usage(&server, Usage::ServerAuth, ""), Ok(()));
    // The SSL_SERV leaf also authenticates as a client.
    assert_eq!(check_usage(&server, Usage::ClientAuth, ""), Ok(()));
    let any = with("extendedKeyUsage=anyExtendedKeyUsage\n");
    assert_eq!(check_usage(&any, Usage::EmailProtection, ""), Ok(()));
    // No EKU at all: accepted here, the import warns.
    assert_eq!(check_usage(&with(""), Usage::ServerAuth, ""), Ok(()));
}

#[test]
fn the_key_usage_must_fit_sign_and_conf() {
    let sign = with("keyUsage=critical,nonRepudiation\n");
    let conf = with("keyUsage=critical,keyEncipherment\n");
    assert_eq!(check_usage(&sign, Usage::Signature, ""), Ok(()));
    assert_eq!(check_usage(&conf, Usage::Encipherment, ""), Ok(()));
    let refused = check_usage(&conf, Usage::Signature, "ORG SIGN").expect_err("conf for sign");
    assert_eq!(
        refused,
        PkiError::WrongUsage {
            made_for: Some(Usage::Encipherment),
            found: "KU keyEncipherment".into(),
            needed: Usage::Signature,
            request: "ORG SIGN",
        }
    );
    let text = refused.localize(crate::i18n::Lang::En);
    for part in ["CONF", "KU keyEncipherment", "ORG SIGN", "nonRepudiation"] {
        assert!(text.contains(part), "{part} in {text}");
    }
    assert!(check_usage(&sign, Usage::Encipherment, "").is_err());
    // No KU: no contradiction.
    assert_eq!(check_usage(&with(""), Usage::Signature, ""), Ok(()));
}

#[test]
fn a_certificate_tells_its_usage_eku_first_then_ku() {
    let infer = |ext: &str| infer_usage(&with(ext)).expect("read");
    assert_eq!(
        infer(
            "keyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth,clientAuth\n"
        ),
        Some(Usage::ServerAuth)
    );
    assert_eq!(
        infer("extendedKeyUsage=clientAuth\n"),
        Some(Usage::ClientAuth)
    );
    assert_eq!(
        infer("extendedKeyUsage=emailProtection\n"),
        Some(Usage::EmailProtection)
    );
    assert_eq!(
        infer("keyUsage=digitalSignature,nonRepudiation\n"),
        Some(Usage::Signature)
    );
    assert_eq!(
        infer("keyUsage=dataEncipherment\n"),
        Some(Usage::Encipherment)
    );
    assert_eq!(infer("keyUsage=digitalSignature,keyEncipherment\n"), None);
    assert_eq!(infer(""), None);
}
