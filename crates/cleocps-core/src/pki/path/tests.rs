//! Path validation against openssl-made hierarchies: anchors, CA flags,
//! validity, extended key usage, AIA.
use super::*;
use crate::pki::test_support::{ca, cert, leaf, root, run, sign, test_key, CA_EXT, LEAF_EXT};
use std::path::Path;
use std::time::Duration;

const DAY: Duration = Duration::from_secs(86400);
const INTER: &str = "/C=FR/O=Test/CN=Test Intermediate";

/// A root "Test Root" in `dir`, 30 days.
fn test_root(dir: &Path) -> Certificate {
    cert(&root(dir, "root", "/C=FR/O=Test/CN=Test Root", CA_EXT, 30))
}

/// An intermediate `name` under the root with `ext`, and a leaf under it: (leaf, inter).
fn under(dir: &Path, name: &str, ext: &str, days: u32) -> (Certificate, Certificate) {
    let inter = cert(&ca(dir, name, INTER, "root", ext, days));
    let leaf_name = format!("{name}-leaf");
    let key = test_key();
    let leaf = cert(&leaf(
        dir,
        &leaf_name,
        &key,
        "srv.example.fr",
        name,
        LEAF_EXT,
        30,
    ));
    (leaf, inter)
}

fn now() -> SystemTime {
    SystemTime::now()
}

#[test]
fn the_chain_ends_at_an_anchor_or_names_what_is_missing() {
    let dir = tempfile::tempdir().expect("tmp");
    let d = dir.path();
    let root = test_root(d);
    let (leaf, inter) = under(d, "inter", CA_EXT, 30);
    // A same-named CA that did not sign the leaf is passed over.
    let (_, rogue) = under(d, "rogue", CA_EXT, 30);
    let pool = [rogue, inter.clone()];
    let path = build_path(&leaf, &pool, std::slice::from_ref(&root), now());
    assert_eq!(path, Ok(vec![inter.clone(), root.clone()]));
    // The intermediate itself may be the anchor.
    let path = build_path(&leaf, &[], std::slice::from_ref(&inter), now());
    assert_eq!(path, Ok(vec![inter.clone()]));
    // The root in the answer, but not an anchor.
    match build_path(&leaf, &[inter.clone(), root.clone()], &[], now()) {
        Err(PkiError::UntrustedRoot { subject }) => assert!(subject.contains("Test Root")),
        other => panic!("{other:?}"),
    }
    // The intermediate absent: its name is what is missing.
    match build_path(&leaf, &[], std::slice::from_ref(&root), now()) {
        Err(PkiError::MissingIssuer {
            issuer, subject, ..
        }) => {
            assert!(issuer.contains("Test Intermediate"), "{issuer}");
            assert!(subject.contains("srv.example.fr"), "{subject}");
        }
        other => panic!("{other:?}"),
    }
    match build_path(&leaf, &[inter], &[], now()) {
        Err(PkiError::MissingIssuer { issuer, .. }) => assert!(issuer.contains("Test Root")),
        other => panic!("{other:?}"),
    }
}

/// `<name>.crt`: the key `<key>.key` under `subj`, issued by `<issuer>`.
fn reissued(dir: &Path, name: &str, key: &str, subj: &str, issuer: &str) -> Certificate {
    run(std::process::Command::new("openssl")
        .current_dir(dir)
        .args([
            "req",
            "-new",
            "-key",
            &format!("{key}.key"),
            "-subj",
            subj,
            "-out",
            &format!("{name}.csr"),
        ]));
    cert(&sign(dir, name, issuer, CA_EXT, 30, false))
}

#[test]
fn a_chain_that_loops_is_named_as_a_loop_not_a_missing_issuer() {
    let dir = tempfile::tempdir().expect("tmp");
    let d = dir.path();
    let anchor = test_root(d);
    let (a, b) = ("/C=FR/O=Test/CN=Loop A", "/C=FR/O=Test/CN=Loop B");
    root(d, "a", a, CA_EXT, 30);
    root(d, "b", b, CA_EXT, 30);
    // A issued by B and B issued by A: each issuer is in the file.
    let a_by_b = reissued(d, "ab", "a", a, "b");
    let b_by_a = reissued(d, "ba", "b", b, "a");
    let key = test_key();
    let leaf = cert(&leaf(d, "l", &key, "srv.example.fr", "a", LEAF_EXT, 30));
    match build_path(&leaf, &[a_by_b, b_by_a], &[anchor], now()) {
        Err(PkiError::ChainLoop { subject, issuer }) => {
            assert!(subject.contains("Loop B"), "{subject}");
            assert!(issuer.contains("Loop A"), "{issuer}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn every_issuer_must_be_a_ca() {
    let dir = tempfile::tempdir().expect("tmp");
    let d = dir.path();
    let anchor = test_root(d);
    for (name, ext) in [
        ("no-bc", "keyUsage=critical,keyCertSign,cRLSign\n"),
        ("not-ca", "basicConstraints=critical,CA:FALSE\n"),
        (
            "no-certsign",
            "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,digitalSignature\n",
        ),
    ] {
        let (leaf, inter) = under(d, name, ext, 30);
        match build_path(&leaf, &[inter], std::slice::from_ref(&anchor), now()) {
            Err(PkiError::NotCa { subject }) => {
                assert!(subject.contains("Test Intermediate"), "{name}: {subject}")
            }
            other => panic!("{name}: {other:?}"),
        }
    }
    // A root allowed no CA under it (pathlen:0) above an intermediate.
    let strict = cert(&root(
        d,
        "strict",
        "/C=FR/O=Test/CN=Test Root",
        "basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign\n",
        30,
    ));
    let inter = cert(&ca(d, "under-strict", INTER, "strict", CA_EXT, 30));
    let key = test_key();
    let l = cert(&leaf(
        d,
        "l",
        &key,
        "srv.example.fr",
        "under-strict",
        LEAF_EXT,
        30,
    ));
    match build_path(&l, &[inter], &[strict], now()) {
        Err(PkiError::NotCa { subject }) => assert!(subject.contains("Test Root")),
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_expired_intermediate_is_refused() {
    let dir = tempfile::tempdir().expect("tmp");
    let d = dir.path();
    let root = test_root(d);
    let (leaf, inter) = under(d, "inter", CA_EXT, 1);
    assert!(build_path(
        &leaf,
        std::slice::from_ref(&inter),
        std::slice::from_ref(&root),
        now()
    )
    .is_ok());
    // Two days on, the leaf is still valid, its issuer is not.
    match build_path(&leaf, &[inter], &[root], now() + 2 * DAY) {
        Err(PkiError::IssuerNotValid { subject, .. }) => {
            assert!(subject.contains("Test Intermediate"))
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn aia_ca_issuers_are_read() {
    let dir = tempfile::tempdir().expect("tmp");
    let d = dir.path();
    test_root(d);
    ca(d, "inter", INTER, "root", CA_EXT, 30);
    let key = test_key();
    let ext = format!(
        "{LEAF_EXT}authorityInfoAccess=OCSP;URI:http://ocsp.example/,caIssuers;URI:http://pki.example/inter.cer\n"
    );
    let l = cert(&leaf(d, "l", &key, "srv.example.fr", "inter", &ext, 30));
    assert_eq!(ca_issuers(&l), vec!["http://pki.example/inter.cer"]);
    match build_path(&l, &[], &[], now()) {
        Err(PkiError::MissingIssuer { ca_issuers, .. }) => {
            assert_eq!(ca_issuers, vec!["http://pki.example/inter.cer"])
        }
        other => panic!("{other:?}"),
    }
}
