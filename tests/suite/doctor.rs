//! `doctor` (DESIGN §9a) against the real test services: with a good
//! configuration every check passes; a wrong IMAP password, a stopped slapd
//! and an expired registration certificate each fail their own check, with
//! the fix.

use crate::support;

use serde_json::{json, Value};
use std::path::Path;
use support::ca::{new_csr, Issued, Key, CA_EXT};
use support::mail::{cleo_cfg, write_config};
use support::services::{Stack, ALL};
use support::*;

/// `doctor --json`: exit code and the checks by name.
fn doctor(ws: &Path, config: &Value, dir: &Path, name: &str) -> (i32, Vec<Value>) {
    let cfg = write_config(dir, name, config);
    let out = cleo_cfg(ws, &cfg, &["--json", "doctor"]);
    let checks: Vec<Value> = serde_json::from_slice(&out.stdout).expect("doctor --json");
    (out.status.code().expect("exit code"), checks)
}

fn named<'a>(checks: &'a [Value], name: &str) -> &'a Value {
    checks
        .iter()
        .find(|c| c["name"] == name)
        .unwrap_or_else(|| panic!("no check {name} in {checks:?}"))
}

#[test]
fn every_check_passes_then_each_fault_fails_its_own_check() {
    let mut stack = Stack::start(ALL);
    let tmp = tempfile::tempdir().expect("tmp");
    let t = tmp.path();
    let ws = t.join("ws");
    // A rehearsal server for the registration certificate and a soft card.
    let ra = t.join("ra");
    ok(&ws, &["ra", "init", s(&ra), "--ca-bits", "2048"]);
    let (crt, key) = (t.join("holder.crt"), t.join("holder.key"));
    let holder = [
        "--holder-id",
        "810001234567",
        "--surname",
        "TEST",
        "--given-name",
        "ANNE",
    ];
    let out = ["--out-cert", s(&crt), "--out-key", s(&key)];
    ok(&ws, &[&["ra", "card", s(&ra)], &holder[..], &out].concat());
    let token = t.join("card.token");
    let pin = secret_file(t, "pin", "1234");
    soft_card(&ws, &token, &crt, &key, &pin);

    let mut good = stack.config();
    good["registration"]["certificate"] = json!(ra.join("inscription.crt"));
    good["card"] = json!({"soft_token": token});
    let (code, checks) = doctor(&ws, &good, t, "good.json");
    for c in &checks {
        assert_eq!(c["ok"], true, "{c}");
    }
    assert_eq!(code, 0);
    for name in [
        "registration_certificate",
        "trust_anchors",
        "smtp",
        "imap",
        "ldap",
        "workspace",
    ] {
        named(&checks, name);
    }

    // A wrong IMAP password: only the IMAP check fails, naming the fix.
    let mut bad = good.clone();
    bad["imap"]["password_file"] = json!(stack.password_file("wrong.pass", "not-it"));
    let (code, checks) = doctor(&ws, &bad, t, "imap.json");
    assert_eq!(code, 1);
    let imap = named(&checks, "imap");
    assert_eq!(imap["ok"], false);
    assert!(
        imap["fix"]
            .as_str()
            .expect("fix")
            .contains("imap.password_file"),
        "{imap}"
    );
    assert_eq!(named(&checks, "smtp")["ok"], true);

    // An expired registration certificate.
    let ca = Issued::self_signed(t, "oldca", "/CN=Old CA", Key::Rsa, 30, CA_EXT);
    let (_, csr) = new_csr(t, "old-ra", "/CN=Old registration", Key::Rsa);
    let expired = ca.sign_between(
        &csr,
        t,
        "old-ra",
        "20200101000000Z",
        "20210101000000Z",
        "keyUsage=critical,keyEncipherment\n",
    );
    let mut bad = good.clone();
    bad["registration"]["certificate"] = json!(expired);
    let (code, checks) = doctor(&ws, &bad, t, "ra.json");
    assert_eq!(code, 1);
    let reg = named(&checks, "registration_certificate");
    assert_eq!(reg["ok"], false);
    assert!(
        reg["detail"].as_str().expect("detail").contains("expired"),
        "{reg}"
    );
    assert!(reg["fix"].is_string(), "{reg}");

    // The directory stopped.
    stack.stop("slapd");
    let (code, checks) = doctor(&ws, &good, t, "ldap.json");
    assert_eq!(code, 1);
    let ldap = named(&checks, "ldap");
    assert_eq!(ldap["ok"], false);
    assert!(
        ldap["fix"].as_str().expect("fix").contains("ldap.url"),
        "{ldap}"
    );
    assert_eq!(named(&checks, "imap")["ok"], true);
}

#[test]
fn an_open_or_damaged_workspace_is_told() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    ok(&ws, &["folder", "create", "F"]);
    std::fs::create_dir(ws.join("dossiers/F/x+y")).expect("stray dir");
    let (code, checks) = doctor(&ws, &json!({}), tmp.path(), "c.json");
    assert_eq!(code, 1);
    let w = named(&checks, "workspace");
    assert_eq!(w["ok"], false);
    assert!(
        w["detail"].as_str().expect("detail").contains("F/x+y"),
        "{w}"
    );

    std::fs::remove_dir(ws.join("dossiers/F/x+y")).expect("rm");
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&ws, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let (_, checks) = doctor(&ws, &json!({}), tmp.path(), "c.json");
    let w = named(&checks, "workspace");
    assert_eq!(w["ok"], false);
    assert!(
        w["fix"].as_str().expect("fix").starts_with("chmod 700"),
        "{w}"
    );
}
