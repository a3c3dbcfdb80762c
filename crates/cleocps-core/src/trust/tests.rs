//! The trust sources: built-in roots, anchor files, `trust.intermediates`,
//! AIA over a local HTTP server, and the real IGC-Santé test chain.

use super::*;
use crate::pki::test_support::{ca, cert, leaf, read, root, test_key, CA_EXT, LEAF_EXT};
use crate::pki::{public_key_der, Usage};
use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// Serves `reply` (a whole HTTP response) to every connection on 127.0.0.1;
/// returns the base URL and the number of requests served.
fn http_server(reply: Vec<u8>) -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    let hits = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&hits);
    std::thread::spawn(move || {
        for mut s in listener.incoming().flatten() {
            let mut req = [0u8; 2048];
            let _ = s.read(&mut req);
            counter.fetch_add(1, Ordering::SeqCst);
            let _ = s.write_all(&reply);
        }
    });
    (base, hits)
}

fn ok_reply(body: &[u8]) -> Vec<u8> {
    [
        format!("HTTP/1.0 200 OK\r\nContent-Length: {}\r\n\r\n", body.len()).as_bytes(),
        body,
    ]
    .concat()
}

fn der(p: &Path) -> Vec<u8> {
    use der::Encode;
    cert(p).to_der().expect("der")
}

fn ssl<'a>(spki: &'a [u8]) -> Expected<'a> {
    Expected {
        spki,
        names: &[],
        usage: Usage::ServerAuth,
        request: "SERV SSL_SERV",
        san: true,
    }
}

fn anchors(entries: &[&Path]) -> TrustConfig {
    TrustConfig {
        anchors: entries
            .iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect(),
        intermediates: None,
    }
}

/// Root and intermediate CAs in `d` (`root.crt`, `inter.crt`).
fn cas(d: &Path) {
    root(d, "root", "/C=FR/O=Test/CN=Test Root", CA_EXT, 30);
    ca(
        d,
        "inter",
        "/C=FR/O=Test/CN=Test Intermediate",
        "root",
        CA_EXT,
        30,
    );
}

/// A leaf `name` for `key` issued by the intermediate, its AIA pointing at `aia`.
fn leaf_with(d: &Path, name: &str, key: &rsa::RsaPrivateKey, aia: Option<&str>) -> Certificate {
    let ext = match aia {
        Some(url) => format!("{LEAF_EXT}authorityInfoAccess=caIssuers;URI:{url}\n"),
        None => LEAF_EXT.to_string(),
    };
    cert(&leaf(d, name, key, "srv.example.fr", "inter", &ext, 30))
}

#[test]
fn built_in_anchors_match_their_fingerprints() {
    assert_eq!(BUILT_IN.len(), 2);
    for (name, cn) in [
        ("igc-sante", "CN=AC RACINE IGC-SANTE ELEMENTAIRE"),
        ("igc-sante-test", "CN=TEST AC RACINE IGC-SANTE ELEMENTAIRE"),
    ] {
        let certs = anchors::anchor(name).expect(name);
        let subject = certs[0].tbs_certificate.subject.to_string();
        assert!(subject.starts_with(cn), "{name}: {subject}");
    }
    // DESIGN §4a's fingerprint for the production root.
    assert_eq!(
        BUILT_IN[0].sha256,
        "2D:9E:22:CA:19:F7:77:C6:B7:45:25:7C:72:3E:CB:8D:F3:C3:5F:A6:F1:F6:EC:36:B8:36:00:C9:73:46:96:7F"
    );
    assert_eq!(
        TrustConfig::default().load().map(|s| s.anchors.len()),
        Ok(1)
    );
}

#[test]
fn anchor_files_intermediates_and_bad_settings() {
    let dir = tempfile::tempdir().expect("tmp");
    let d = dir.path();
    let key = test_key();
    let spki = public_key_der(&key.to_public_key()).expect("spki");
    cas(d);
    let leaf = leaf_with(d, "leaf", &key, None);
    let inters = d.join("intermediates");
    std::fs::create_dir(&inters).expect("dir");
    std::fs::write(inters.join("inter.pem"), read(&d.join("inter.crt"))).expect("inter");
    std::fs::write(inters.join("README"), "not a certificate").expect("readme");
    let now = SystemTime::now();

    // The leaf alone: refused by default, then with the root but no intermediate.
    let lone = || vec![leaf.clone()];
    let err = check_answer(lone(), &ssl(&spki), &TrustConfig::default(), now).expect_err("default");
    assert!(
        err.localize(Lang::En).contains("Test Intermediate"),
        "{err}"
    );
    let mut trust = anchors(&[&d.join("root.crt")]);
    let err = check_answer(lone(), &ssl(&spki), &trust, now).expect_err("no intermediate");
    assert!(
        matches!(&err, crate::Error::Pki(PkiError::MissingIssuer { issuer, .. }) if issuer.contains("Test Intermediate")),
        "{err:?}"
    );
    trust.intermediates = Some(inters.clone());
    let answer = check_answer(lone(), &ssl(&spki), &trust, now).expect("accepted");
    assert_eq!(answer.chain.len(), 2);
    trust.intermediates = Some(inters.join("inter.pem"));
    assert!(
        check_answer(lone(), &ssl(&spki), &trust, now).is_ok(),
        "one file"
    );

    // Settings that can't be used say which and how.
    let unknown = TrustConfig {
        anchors: vec!["igc-santé".into()],
        intermediates: None,
    };
    let msg = unknown.load().expect_err("unknown").localize(Lang::En);
    assert!(
        msg.contains("igc-santé") && msg.contains("igc-sante-test"),
        "{msg}"
    );
    let none = TrustConfig {
        anchors: vec![],
        intermediates: None,
    };
    assert_eq!(none.load().err(), Some(TrustError::NoAnchor));
    trust.intermediates = Some(d.join("absent"));
    assert!(matches!(
        trust.load(),
        Err(TrustError::IntermediatesUnreadable { .. })
    ));
    let with_file = TrustConfig::default().with_anchor_files(&[d.join("root.crt")]);
    assert_eq!(with_file.load().map(|s| s.anchors.len()), Ok(2));
}

#[test]
fn a_missing_intermediate_is_fetched_from_aia_and_checked() {
    let dir = tempfile::tempdir().expect("tmp");
    let d = dir.path();
    let key = test_key();
    let spki = public_key_der(&key.to_public_key()).expect("spki");
    cas(d);
    let (base, hits) = http_server(ok_reply(&der(&d.join("inter.crt"))));
    let served = format!("{base}/ac/inter.cer");
    let leaf = leaf_with(d, "leaf", &key, Some(&served));
    // Read the clock after making each certificate (their notBefore is "now", in seconds).
    let now = SystemTime::now;
    let trust = anchors(&[&d.join("root.crt")]);
    let answer = check_answer(vec![leaf.clone()], &ssl(&spki), &trust, now()).expect("fetched");
    assert_eq!(
        answer.chain,
        vec![cert(&d.join("inter.crt")), cert(&d.join("root.crt"))]
    );
    assert_eq!(hits.load(Ordering::SeqCst), 1);
    assert!(
        answer
            .warnings
            .iter()
            .any(|w| matches!(w, AnswerWarning::IssuerFetched { url, .. } if *url == served)),
        "{:?}",
        answer.warnings
    );
    // What was fetched must itself chain to an anchor.
    let stranger = root(d, "stranger", "/C=FR/CN=Stranger", CA_EXT, 30);
    let err = check_answer(
        vec![leaf.clone()],
        &ssl(&spki),
        &anchors(&[&stranger]),
        now(),
    )
    .expect_err("fetched but untrusted");
    assert!(
        matches!(&err, crate::Error::Pki(PkiError::MissingIssuer { issuer, .. }) if issuer.contains("Test Root")),
        "{err:?}"
    );
    // A failed download names the URL and the fix.
    let (base, _) = http_server(b"HTTP/1.0 404 Not Found\r\n\r\n".to_vec());
    let gone = leaf_with(d, "gone", &key, Some(&format!("{base}/gone.cer")));
    let err = check_answer(vec![gone], &ssl(&spki), &trust, now()).expect_err("404");
    let msg = err.localize(Lang::En);
    assert!(
        msg.contains("gone.cer") && msg.contains("404") && msg.contains("trust.intermediates"),
        "{msg}"
    );
}

/// A real SERV SSL leaf of the IGC-Santé TEST platform (public), valid 2017–2020.
fn reference_test_leaf() -> Certificate {
    crate::pki::cert_from_pem_or_der(include_bytes!("testdata/serv-ssl-leaf.pem")).expect("leaf")
}

/// The reference leaf's public key, a day into its validity, and the
/// configuration trusting the TEST root only.
fn reference_setting(leaf: &Certificate) -> (Vec<u8>, SystemTime, TrustConfig) {
    use der::Encode;
    let spki = leaf
        .tbs_certificate
        .subject_public_key_info
        .to_der()
        .expect("spki");
    let when =
        leaf.tbs_certificate.validity.not_before.to_system_time() + Duration::from_secs(86400);
    let test_anchor = TrustConfig {
        anchors: vec!["igc-sante-test".into()],
        intermediates: None,
    };
    (spki, when, test_anchor)
}

/// The real IGC-Santé test chain, checked at a time inside the leaf's validity.
#[test]
fn the_reference_test_leaf_chains_to_igc_sante_test() {
    let leaf = reference_test_leaf();
    let inter = crate::pki::cert_from_pem_or_der(include_bytes!(
        "../../anchors/igc-sante-test-organisations.pem"
    ))
    .expect("intermediate");
    let (spki, when, test_anchor) = reference_setting(&leaf);
    let answer = check_answer(
        vec![inter.clone(), leaf.clone()],
        &ssl(&spki),
        &test_anchor,
        when,
    )
    .expect("IGC-Santé test chain");
    let test_root = anchors::anchor("igc-sante-test").expect("built-in");
    assert_eq!(answer.chain, vec![inter.clone(), test_root[0].clone()]);
    assert!(answer.warnings.is_empty(), "{:?}", answer.warnings);
    // The production root does not vouch for the test PKI.
    let err = check_answer(
        vec![inter, leaf.clone()],
        &ssl(&spki),
        &TrustConfig::default(),
        when,
    )
    .expect_err("test chain under the production root");
    assert!(err.localize(Lang::En).contains("TEST AC RACINE"), "{err}");
    // And today the leaf has expired.
    let err = check_answer(vec![leaf], &ssl(&spki), &test_anchor, SystemTime::now())
        .expect_err("expired");
    assert!(matches!(
        err,
        crate::Error::Pki(PkiError::LeafExpired { .. })
    ));
}

/// The platform may hand the leaf alone: the built-in TEST intermediate
/// completes its chain with no file and no network.
#[test]
fn a_lone_platform_leaf_chains_through_the_built_in_intermediate() {
    let leaf = reference_test_leaf();
    let (spki, when, test_anchor) = reference_setting(&leaf);
    let answer = check_answer(vec![leaf], &ssl(&spki), &test_anchor, when).expect("chained");
    assert_eq!(answer.chain.len(), 2, "intermediate and root");
    assert!(
        answer.warnings.is_empty(),
        "nothing fetched: {:?}",
        answer.warnings
    );
}

#[test]
fn built_in_intermediates_match_their_fingerprints_and_roots() {
    for i in BUILT_IN_INTERMEDIATES {
        let found = anchors::intermediates_of(i.root).expect("pinned");
        assert!(found.iter().any(|(n, _)| *n == i.name), "{}", i.name);
    }
    let entries = TrustConfig::default().entries().expect("entries");
    let names: Vec<&str> = entries.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["igc-sante", "igc-sante-organisations"]);
    assert_eq!(entries[1].role, TrustRole::Intermediate);
    assert!(entries[1].sha256.starts_with("D8:34:EE:5B"));
}
