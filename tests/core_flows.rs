//! Rules that both fronts share, reached from the command line: each of
//! these drifted between the CLI and the interface before the core owned it.

mod support;

use std::path::Path;
use support::*;

const REQ: &str = "Dossier 1/Demande 1";

fn ssl_request_with_clear_key(ws: &Path) {
    ok(ws, &["folder", "create"]);
    ok(ws, &["request", "create", "Dossier 1", "--type", "ssl"]);
    ok(ws, &["keys", "generate", REQ, "--no-key-password"]);
}

#[test]
fn a_request_allowed_wildcards_keeps_the_permission() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    ssl_request_with_clear_key(&ws);
    let err = refused(&ws, &["request", "edit", REQ, "--cn", "*.a.example.fr"]);
    assert!(err.contains("wildcard"), "{err}");
    ok(
        &ws,
        &[
            "request",
            "edit",
            REQ,
            "--cn",
            "*.a.example.fr",
            "--allow-wildcard",
        ],
    );
    // A later edit without the flag: the request's permission still holds.
    ok(&ws, &["request", "edit", REQ, "--cn", "*.b.example.fr"]);
}

#[test]
fn exporting_a_key_that_has_no_password_warns() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    ssl_request_with_clear_key(&ws);
    ok(
        &ws,
        &["request", "edit", REQ, "--cn", "srv.clinique.example.fr"],
    );
    ok(&ws, &["request", "generate", REQ, "--csr-only"]);
    let ca = TestCa::new(tmp.path());
    let leaf = ca.issue(
        &ws.join("dossiers/Dossier 1/Demande 1/Demande 1.csr"),
        "leaf",
        "serverAuth",
    );
    let answer = ca.p7c(&leaf, &tmp.path().join("smime.p7c"), false);
    ok(
        &ws,
        &[
            "response",
            "import",
            REQ,
            answer.to_str().expect("utf8"),
            "--trust-anchor",
            ca.root.to_str().expect("utf8"),
        ],
    );
    // No --no-key-password, but the stored key is clear: the export says so.
    let out = cleo(
        &ws,
        &[
            "export",
            "pem",
            REQ,
            "--out",
            tmp.path().join("out").to_str().expect("utf8"),
        ],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("without a password"), "{err}");
}

/// `cleocps --lang en ARGS` in the test's sandbox, with extra environment.
fn cleo_env(ws: &Path, env: &[(&str, &str)], args: &[&str]) -> std::process::Output {
    let sandbox = ws.parent().expect("sandbox");
    let mut cmd = cleocps(sandbox);
    cmd.arg("--workspace")
        .arg(ws)
        .args(["--lang", "en"])
        .args(args);
    cmd.envs(env.iter().copied());
    cmd.output().expect("run cleocps")
}

#[test]
fn waits_that_cannot_be_are_usage_errors() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    for (env, args) in [
        (
            vec![],
            vec!["response", "fetch", REQ, "--wait", "18446744073709551615"],
        ),
        (
            vec![("CLEOCPS_POLL_INTERVAL_S", "soon")],
            vec!["response", "fetch", REQ, "--wait", "60"],
        ),
        (
            vec![("CLEOCPS_POLL_INTERVAL_S", "18446744073709551615")],
            vec!["response", "fetch", REQ, "--wait", "60"],
        ),
        (
            vec![],
            vec![
                "wizard",
                "--type",
                "ssl",
                "--non-interactive",
                "--interval",
                "18446744073709551615",
            ],
        ),
    ] {
        let out = cleo_env(&ws, &env, &args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}
