//! `cleocps keys password` (DESIGN §9a): change, add and remove the key's
//! password; the key stays the same key, openssl opens every result, and a
//! refusal leaves every file as it was.

use crate::support;

use std::path::Path;
use support::*;

const OLD: &str = "ancien mot de passe é";
const NEW: &str = "nouveau  mot de passe ";
const ADDED: &str = "troisième";

/// `openssl pkey` on `key` with `password` (none: a clear key); the modulus, or the error.
fn open_key(key: &Path, password: Option<&str>) -> Result<String, String> {
    let mut args = vec![
        "rsa".to_string(),
        "-in".into(),
        key.to_string_lossy().into_owned(),
        "-noout".into(),
        "-modulus".into(),
    ];
    // A wrong or missing password must fail, never prompt.
    args.extend(["-passin".into(), format!("pass:{}", password.unwrap_or(""))]);
    let out = output(std::process::Command::new("openssl").args(&args));
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

fn request_json(ws: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(ws.join("dossiers/F/r/request.json")).expect("json");
    serde_json::from_str(&text).expect("parse")
}

#[test]
fn change_remove_and_add_the_password() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    let files = |name, v| {
        secret_file(tmp.path(), name, v)
            .to_string_lossy()
            .into_owned()
    };
    let (old, new, added) = (files("old", OLD), files("new", NEW), files("added", ADDED));
    let path = prepared_request(&ws, "r", "ssl", &["--key-password-file", &old], &[]);
    let key = ws.join("dossiers/F/r/r.key");
    let modulus = open_key(&key, Some(OLD)).expect("the key opens with its password");

    // Change.
    let said = ok(
        &ws,
        &[
            "keys",
            "password",
            &path,
            "--key-password-file",
            &old,
            "--new-key-password-file",
            &new,
        ],
    );
    assert!(said.contains("key password of F/r changed"), "{said}");
    assert_eq!(
        open_key(&key, Some(NEW)).as_deref(),
        Ok(modulus.as_str()),
        "same key"
    );
    assert!(
        open_key(&key, Some(OLD)).is_err(),
        "the old password no longer opens it"
    );
    assert_eq!(request_json(&ws)["key_encrypted"], true);
    let journal = request_json(&ws)["journal"].to_string();
    assert!(journal.contains("\"key_password\"") && journal.contains("password changed"));

    // Remove: a clear PKCS#8 key, with the usual warning.
    let out = cleo(
        &ws,
        &[
            "keys",
            "password",
            &path,
            "--key-password-file",
            &new,
            "--no-key-password",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        !String::from_utf8_lossy(&out.stderr).is_empty(),
        "the clear-key warning"
    );
    let pem = std::fs::read_to_string(&key).expect("key");
    assert!(pem.starts_with("-----BEGIN PRIVATE KEY-----"), "{pem}");
    assert_eq!(open_key(&key, None).as_deref(), Ok(modulus.as_str()));
    assert_eq!(request_json(&ws)["key_encrypted"], false);

    // Add one again (JSON says what was done).
    let v: serde_json::Value = serde_json::from_str(&ok(
        &ws,
        &[
            "--json",
            "keys",
            "password",
            &path,
            "--new-key-password-file",
            &added,
        ],
    ))
    .expect("json");
    assert_eq!(v["change"], "added");
    assert_eq!(v["request"]["key_encrypted"], true);
    assert!(std::fs::read_to_string(&key)
        .expect("key")
        .starts_with("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
    assert_eq!(open_key(&key, Some(ADDED)).as_deref(), Ok(modulus.as_str()));
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&key).expect("key").permissions().mode();
    assert_eq!(mode & 0o777, 0o600);

    // The key still makes the CSR of its request.
    ok(&ws, &["request", "edit", &path, "--cn", "srv.example.fr"]);
    ok(
        &ws,
        &[
            "request",
            "generate",
            &path,
            "--csr-only",
            "--key-password-file",
            &added,
        ],
    );
    // No password anywhere on disk, in the log or left in a temp file.
    assert_nowhere(&ws, &[OLD, NEW, ADDED]);
    let log = std::fs::read_to_string(log_of(&ws)).unwrap_or_default();
    for pw in [OLD, NEW, ADDED] {
        assert!(!log.contains(pw), "password in the log");
    }
}

#[test]
fn refusals_change_nothing() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    let files = |name, v| {
        secret_file(tmp.path(), name, v)
            .to_string_lossy()
            .into_owned()
    };
    let (old, new, wrong) = (files("old", OLD), files("new", NEW), files("wrong", "faux"));
    let path = prepared_request(&ws, "r", "ssl", &["--key-password-file", &old], &[]);
    let before = snapshot(&ws);
    // Wrong current password.
    let err = refused(
        &ws,
        &[
            "keys",
            "password",
            &path,
            "--key-password-file",
            &wrong,
            "--new-key-password-file",
            &new,
        ],
    );
    assert!(err.to_lowercase().contains("password"), "{err}");
    // No current password and no terminal to ask it on.
    refused(
        &ws,
        &["keys", "password", &path, "--new-key-password-file", &new],
    );
    // No new password, no --no-key-password, no terminal.
    refused(
        &ws,
        &["keys", "password", &path, "--key-password-file", &old],
    );
    assert_eq!(snapshot(&ws), before, "nothing written");
    // Both ways of saying the new password: a usage error.
    let out = cleo(
        &ws,
        &[
            "keys",
            "password",
            &path,
            "--new-key-password-file",
            &new,
            "--no-key-password",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    // A request without keys has no password to change.
    ok(&ws, &["request", "create", "F/vide", "--type", "ssl"]);
    let err = refused(&ws, &["keys", "password", "F/vide", "--no-key-password"]);
    assert!(err.contains("keys generate"), "{err}");
}

/// Without the files, on a terminal: the current password, then the new one
/// twice, typed masked (real tmux, real prompts).
#[test]
fn passwords_are_asked_on_a_terminal() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    let old = secret_file(tmp.path(), "old", OLD);
    let path = prepared_request(
        &ws,
        "r",
        "ssl",
        &["--key-password-file", &old.to_string_lossy()],
        &[],
    );
    let script = format!(
        "'{}' --workspace '{}' --lang en keys password '{path}'; echo EXIT=$?; sleep 60",
        bin().display(),
        ws.display()
    );
    let t = tmux::Tmux::session("keypw", tmp.path(), &[], &script);
    // The prompt is printed just before echo is turned off: typing in that
    // instant (a loaded machine) would be echoed, so give it a moment.
    let settle = || std::thread::sleep(std::time::Duration::from_millis(500));
    t.wait("key password:", 20);
    settle();
    t.text(OLD);
    t.keys(&["Enter"]);
    t.wait("new key password:", 20);
    settle();
    t.text(ADDED);
    t.keys(&["Enter"]);
    t.wait("new key password (again):", 20);
    settle();
    t.text(ADDED);
    t.keys(&["Enter"]);
    let screen = t.wait("EXIT=", 30);
    assert!(
        screen.contains("EXIT=0") && screen.contains("key password of F/r changed"),
        "{screen}"
    );
    assert!(
        !screen.contains(OLD.trim()) && !screen.contains(ADDED),
        "masked: {screen}"
    );
    let key = ws.join("dossiers/F/r/r.key");
    assert!(open_key(&key, Some(ADDED)).is_ok());
}
