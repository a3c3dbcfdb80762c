//! A CleoWizard run whose request was rejected, then certified after all
//! (the certificate for its key supersedes the rejection): the wizard
//! finishes it — its passwords were kept for that — and writes the files
//! of the original, which openssl opens with `password.txt`.

use crate::support;

use cleocps_core::config::Config;
use cleocps_core::mail::AnswerWait;
use cleocps_core::procedure;
use cleocps_core::request::{RequestType, State};
use cleocps_core::wizard::{self, Finished, Target};
use cleocps_core::workspace::Workspace;
use std::sync::atomic::AtomicBool;
use std::time::Duration;
use support::openssl_ca::OpensslCa;
use support::tool_ok;

#[test]
fn a_certificate_that_supersedes_a_rejection_is_finalised_by_the_wizard() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ca = OpensslCa::new(&tmp.path().join("ca"), "/C=FR/O=TEST/CN=TEST AC WIZARD");
    let file = tmp.path().join("config.json");
    let json = serde_json::json!({"trust": {"anchors": [&ca.crt]}});
    let config = Config::parse(&file, &json.to_string()).expect("config");
    let ws = Workspace::open(&tmp.path().join("ws"))
        .expect("workspace")
        .with_trust(config.trust.clone());
    let target = Target {
        kind: RequestType::Ssl,
        name: "srv.clinique.test.local".into(),
        entry: None,
    };
    let (req, secrets) = wizard::prepare(&ws, &config, &target, true).expect("prepared");
    let path = req.path();
    procedure::generate_csr(&ws, &path, secrets.key.as_ref()).expect("csr");
    // The registration server said no…
    let rejected =
        procedure::reject_by_hand(&ws, &path, "ADMIN_INCONNU", "pas listé").expect("rejection");
    assert_eq!(rejected.state, State::Rejected);
    // …then issued the certificate after all, for the same key.
    let csr = ws.root().join(format!("dossiers/{path}/{}.csr", req.name));
    let leaf = tmp.path().join("leaf.crt");
    ca.issue(&csr, &leaf, None, None);
    let bytes = std::fs::read(&leaf).expect("leaf");
    let (req, _) = procedure::import_response(&ws, &path, &bytes).expect("supersedes");
    assert_eq!(req.state, State::CertificateImported);

    // The wizard offers to resume it, and finishes it.
    let (found, _) = wizard::resumable(&ws)
        .expect("read")
        .expect("a run to resume");
    assert_eq!(found.path(), path);
    let wait = AnswerWait::new(Duration::from_secs(1)).expect("wait");
    let finished = wizard::finish(
        &ws,
        &config,
        &path,
        wait,
        &AtomicBool::new(false),
        &mut |_| {},
    )
    .expect("finalised");
    let Finished::Done { files, .. } = finished else {
        panic!("not finished: {finished:?}")
    };
    // password.txt opens the .p12 and the key, as in the original.
    let text = std::fs::read_to_string(&files.password).expect("password.txt");
    let p12_password = text
        .lines()
        .find_map(|l| l.strip_prefix("p12="))
        .expect("a password");
    let pass = tmp.path().join("pass");
    std::fs::write(&pass, p12_password).expect("pass");
    let out = tool_ok(
        "openssl",
        &[
            "pkcs12",
            "-in",
            &files.p12.to_string_lossy(),
            "-passin",
            &format!("file:{}", pass.display()),
            "-nokeys",
            "-clcerts",
        ],
    );
    assert!(out.contains("srv.clinique.test.local"), "{out}");
    // The run is over: its passwords are gone now.
    assert!(!ws.pending_secrets_path(&req).exists());
    assert!(wizard::resumable(&ws).expect("read").is_none());
}
