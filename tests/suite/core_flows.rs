//! Rules that both fronts share, reached from the command line: each of
//! these drifted between the CLI and the interface before the core owned it.

use crate::support;

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

#[test]
fn external_text_cannot_drive_the_terminal() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    ssl_request_with_clear_key(&ws);
    // A rejection reason as a hostile mail could carry it.
    let file = ws.join("dossiers/Dossier 1/Demande 1/request.json");
    let mut req: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&file).expect("read")).expect("json");
    req["state"] = "rejected".into();
    req["rejection_code"] = "ADMIN_INCONNU\u{1b}[2J".into();
    req["rejection_reason"] = "refus\u{1b}]0;pwned\u{7} \u{202e}cba\u{9b}31m".into();
    std::fs::write(&file, serde_json::to_vec(&req).expect("json")).expect("write");
    let out = cleo(&ws, &["request", "show", REQ]);
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(shown.contains("ADMIN_INCONNU"), "{shown}");
    assert!(shown.contains("pwned"), "the text stays readable: {shown}");
    for bad in ['\u{1b}', '\u{7}', '\u{202e}', '\u{9b}'] {
        assert!(
            !shown.contains(bad),
            "{bad:?} reached the terminal: {shown:?}"
        );
    }
}

#[test]
fn demo_reset_deletes_only_its_own_sandbox() {
    let tmp = tempfile::tempdir().expect("tmp");
    // A directory of ours that demo did not make: refused, untouched.
    let mine = tmp.path().join("mine");
    std::fs::create_dir_all(&mine).expect("mkdir");
    std::fs::write(mine.join("notes.txt"), "à garder").expect("write");
    for args in [
        &["demo", "--reset", "--no-tui"][..],
        &["demo", "--no-tui"][..],
    ] {
        let out = cleo_env(&mine, &[], args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.contains("not a sandbox made by cleocps demo"), "{err}");
    }
    assert_eq!(
        std::fs::read_to_string(mine.join("notes.txt")).expect("kept"),
        "à garder"
    );
    assert_eq!(std::fs::read_dir(&mine).expect("dir").count(), 1);
    // Its own sandbox: made, then reset.
    let sandbox = tmp.path().join("demo");
    for args in [
        &["demo", "--no-tui"][..],
        &["demo", "--reset", "--no-tui"][..],
    ] {
        let out = cleo_env(&sandbox, &[], args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(sandbox.join("cleocps.json").is_file());
    }
}

#[test]
fn a_stray_directory_is_listed_as_damaged_while_the_rest_works() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    ssl_request_with_clear_key(&ws);
    std::fs::create_dir(ws.join("dossiers/Dossier 1/x+y")).expect("stray");
    let listed = ok(&ws, &["request", "list"]);
    assert!(listed.contains("Demande 1"), "{listed}");
    assert!(listed.contains("Dossier 1/x+y  DAMAGED"), "{listed}");
    let json = ok(&ws, &["--json", "request", "list"]);
    assert!(json.contains("\"state\":\"damaged\""), "{json}");
    ok(&ws, &["request", "show", REQ]);
    ok(&ws, &["request", "edit", REQ, "--cn", "srv.example.fr"]);
    assert!(ws.join("dossiers/Dossier 1/x+y").is_dir(), "left untouched");
}

#[test]
fn the_interface_opens_beside_a_damaged_entry_and_names_it() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    ssl_request_with_clear_key(&ws);
    std::fs::create_dir(ws.join("dossiers/Dossier 1/x+y")).expect("stray");
    let w = cleocps_core::workspace::Workspace::open(&ws).expect("ws");
    let app = cleocps::tui::term::load(&w, cleocps::i18n::Lang::En).expect("load");
    assert_eq!(app.tree.len(), 1);
    assert_eq!(app.tree[0].requests.len(), 1);
    let status = app.status.expect("a status").text;
    assert!(status.contains("Dossier 1/x+y"), "{status}");
}
