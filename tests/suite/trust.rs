//! Trust (DESIGN §4a) through the real binary: an answer is imported only
//! when it chains to a trust anchor, every issuer a valid CA; a missing
//! intermediate comes from `trust.intermediates` or its AIA URL.

use crate::support;

use std::path::{Path, PathBuf};
use support::ca::{pem_bundle, Intermediate, Issued};
use support::http::FileServer;
use support::*;

const REQ: &str = "F/r";
const FQDN: &str = "srv.clinique.example.fr";

/// An SSL request `F/r` with its CSR generated; returns the CSR.
fn request(ws: &Path) -> PathBuf {
    prepared_request(ws, "r", "ssl", &["--no-key-password"], &["--cn", FQDN]);
    ok(ws, &["request", "generate", REQ, "--csr-only"]);
    ws.join("dossiers/F/r/r.csr")
}

/// A temp dir holding a workspace with the request `F/r` and its CSR.
fn case() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    let csr = request(&ws);
    (tmp, ws, csr)
}

fn import(file: &Path, anchors: &[&Path]) -> Vec<String> {
    let mut args = vec!["response".to_string(), "import".into(), REQ.into()];
    args.push(s(file).into());
    for a in anchors {
        args.extend(["--trust-anchor".to_string(), s(a).into()]);
    }
    args
}

fn refused_import(ws: &Path, file: &Path, anchors: &[&Path]) -> String {
    let args = import(file, anchors);
    let before = snapshot(ws);
    let err = refused(ws, &args.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(snapshot(ws), before, "a refused import changes nothing");
    err
}

fn imported(ws: &Path, file: &Path, anchors: &[&Path]) -> String {
    let args = import(file, anchors);
    let out = cleo(ws, &args.iter().map(String::as_str).collect::<Vec<_>>());
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{err}");
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("certificate imported"),
        "{out:?}"
    );
    err
}

/// The subjects of the chain file the import wrote, issuer first.
fn chain_subjects(ws: &Path) -> Vec<String> {
    let pem = std::fs::read(ws.join("dossiers/F/r/r.chain.pem")).expect("chain");
    cleocps_core::pki::parse_certificates(&pem)
        .expect("chain")
        .iter()
        .map(|c| cleocps_core::pki::summarize(c).subject)
        .collect()
}

#[test]
fn a_throwaway_ca_is_refused_by_default_and_accepted_when_declared() {
    let (tmp, ws, csr) = case();
    let t = tmp.path();
    let ca = TestCa::new(t);
    let leaf = ca.issue(&csr, "leaf", "serverAuth,clientAuth");
    let p7c = ca.p7c(&leaf, &t.join("smime.p7c"), false);

    // Root, intermediate and leaf all there and well signed: still not trusted.
    let err = refused_import(&ws, &p7c, &[]);
    assert!(err.contains("TEST AC RACINE"), "names the root: {err}");
    assert!(
        err.contains("--trust-anchor FILE") && err.contains("trust.anchors"),
        "says the fix: {err}"
    );
    let fr = output(
        cleocps(t)
            .args(["--workspace", s(&ws), "--lang", "fr"])
            .args(["response", "import", REQ, s(&p7c)]),
    );
    let fr = String::from_utf8_lossy(&fr.stderr);
    assert!(fr.contains("n'est pas une ancre de confiance"), "{fr}");
    // Another CA declared does not help.
    let other = Issued::ca(t, "other", "/C=FR/O=AUTRE/CN=AUTRE RACINE");
    refused_import(&ws, &p7c, &[&other.crt]);

    // Declared for one command: imported, the chain ends at that root.
    imported(&ws, &p7c, &[&other.crt, &ca.root]);
    assert_eq!(
        chain_subjects(&ws),
        [
            "CN=TEST AC ORGANISATIONS,O=TEST,C=FR",
            "CN=TEST AC RACINE,O=TEST,C=FR"
        ]
    );
}

#[test]
fn an_anchor_in_the_configuration_is_trusted() {
    let (tmp, ws, csr) = case();
    let t = tmp.path();
    let ca = TestCa::new(t);
    let leaf = ca.issue(&csr, "leaf", "serverAuth");
    let p7c = ca.p7c(&leaf, &t.join("smime.p7c"), true);
    let config = t.join("c.json");
    let with = |anchors: serde_json::Value| {
        let json = serde_json::json!({"trust": {"anchors": anchors}});
        std::fs::write(&config, json.to_string()).expect("config");
        cleo(
            &ws,
            &["--config", s(&config), "response", "import", REQ, s(&p7c)],
        )
    };
    // A misspelt anchor is named, with the built-in names.
    let out = with(serde_json::json!(["igc-sant"]));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("\"igc-sant\"") && err.contains("igc-sante-test"),
        "{err}"
    );
    let out = with(serde_json::json!(["igc-sante", ca.root]));
    assert!(out.status.success(), "{out:?}");
}

#[test]
fn a_lone_leaf_is_refused_naming_its_missing_issuer() {
    let (tmp, ws, csr) = case();
    let t = tmp.path();
    let ca = TestCa::new(t);
    let leaf = ca.issue(&csr, "leaf", "serverAuth");

    // The portal may hand out the leaf alone; without AIA, nothing to fetch.
    let err = refused_import(&ws, &leaf, &[&ca.root]);
    assert!(
        err.contains("TEST AC ORGANISATIONS"),
        "names the issuer: {err}"
    );
    assert!(err.contains("trust.intermediates"), "says the fix: {err}");

    // With the intermediate known from the configuration: imported.
    let config = t.join("c.json");
    let json = serde_json::json!({"trust": {"anchors": [ca.root], "intermediates": ca.inter}});
    std::fs::write(&config, json.to_string()).expect("config");
    let out = cleo(
        &ws,
        &["--config", s(&config), "response", "import", REQ, s(&leaf)],
    );
    assert!(out.status.success(), "{out:?}");
}

#[test]
fn an_intermediate_published_at_the_aia_url_is_fetched() {
    let (tmp, ws, csr) = case();
    let t = tmp.path();
    let ca = TestCa::new(t);
    // IGC-Santé publishes its CAs in DER (`.cer`) over plain HTTP.
    let inter = Issued {
        key: PathBuf::new(),
        crt: ca.inter.clone(),
    };
    let server = FileServer::start(std::fs::read(inter.der(t)).expect("der"));
    let url = format!("{}/AC%20TEST/ACI-EL-ORG-TEST.cer", server.base);
    let leaf = ca.issue_aia(&csr, "leaf", "serverAuth,clientAuth", &url);

    let warnings = imported(&ws, &leaf, &[&ca.root]);
    assert_eq!(server.hits(), 1);
    assert!(
        warnings.contains("downloaded from") && warnings.contains(&url),
        "{warnings}"
    );
    assert_eq!(
        chain_subjects(&ws),
        [
            "CN=TEST AC ORGANISATIONS,O=TEST,C=FR",
            "CN=TEST AC RACINE,O=TEST,C=FR"
        ]
    );
}

#[test]
fn an_issuer_that_is_not_a_ca_is_refused() {
    let (tmp, ws, csr) = case();
    let t = tmp.path();
    let ca = TestCa::with(t, Intermediate::NotACa);
    let leaf = ca.issue(&csr, "leaf", "serverAuth");
    let bundle = pem_bundle(&t.join("bundle.pem"), &[&ca.inter, &ca.root, &leaf]);
    let err = refused_import(&ws, &bundle, &[&ca.root]);
    assert!(
        err.contains("TEST PAS UNE AC") && err.contains("not allowed to issue"),
        "{err}"
    );
}

#[test]
fn an_expired_intermediate_is_refused() {
    let (tmp, ws, csr) = case();
    let t = tmp.path();
    let ca = TestCa::with(t, Intermediate::Expired);
    let leaf = ca.issue(&csr, "leaf", "serverAuth");
    let bundle = pem_bundle(&t.join("bundle.pem"), &[&ca.inter, &leaf]);
    let err = refused_import(&ws, &bundle, &[&ca.root]);
    assert!(
        err.contains("TEST AC EXPIREE") && err.contains("not valid now"),
        "{err}"
    );
}

#[test]
fn a_certificate_for_another_usage_is_refused() {
    let (tmp, ws, csr) = case();
    let t = tmp.path();
    let ca = TestCa::new(t);
    // An SSL request answered with a signature-only certificate.
    let leaf = ca.issue(&csr, "leaf", "emailProtection");
    let p7c = ca.p7c(&leaf, &t.join("smime.p7c"), false);
    let err = refused_import(&ws, &p7c, &[&ca.root]);
    assert!(
        err.contains("emailProtection") && err.contains("serverAuth"),
        "{err}"
    );
}
