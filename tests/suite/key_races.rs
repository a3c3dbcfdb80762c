//! Read-modify-write under the lock (DESIGN §3): two commands racing on one
//! request's key never lose an update. Each race runs 50 times from the
//! same starting files; the key, the CSR and the journal are checked with
//! openssl after each.

use crate::support;

use std::path::{Path, PathBuf};
use std::process::{Child, Output, Stdio};
use support::process::tool;
use support::*;

const TRIES: usize = 50;

fn s(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

fn start(ws: &Path, args: &[&str]) -> Child {
    cleocps(ws.parent().expect("parent"))
        .arg("--workspace")
        .arg(ws)
        .args(["--lang", "en"])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cleocps starts")
}

/// Both commands started together, then waited for.
fn race(ws: &Path, a: &[&str], b: &[&str]) -> (Output, Output) {
    let (x, y) = (start(ws, a), start(ws, b));
    (
        x.wait_with_output().expect("wait"),
        y.wait_with_output().expect("wait"),
    )
}

/// The request's files as they are, to start every try from them again.
struct Snapshot(Vec<(PathBuf, Vec<u8>)>);

impl Snapshot {
    fn take(dir: &Path) -> Snapshot {
        let mut files = Vec::new();
        for e in std::fs::read_dir(dir).expect("dir").flatten() {
            if e.file_type().expect("type").is_file() {
                files.push((e.path(), std::fs::read(e.path()).expect("read")));
            }
        }
        Snapshot(files)
    }

    fn restore(&self, dir: &Path) {
        for e in std::fs::read_dir(dir).expect("dir").flatten() {
            if !self.0.iter().any(|(p, _)| *p == e.path()) {
                std::fs::remove_file(e.path()).expect("rm");
            }
        }
        for (p, data) in &self.0 {
            std::fs::write(p, data).expect("write");
        }
    }
}

/// The public key of the stored key opened with `password_file` (none: clear), if it opens.
fn key_pub(key: &Path, password_file: Option<&Path>) -> Option<String> {
    let mut args = vec!["pkey".to_string(), "-pubout".into(), "-in".into(), s(key)];
    if let Some(p) = password_file {
        args.extend(["-passin".into(), format!("file:{}", s(p))]);
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = tool("openssl", &args);
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn journal(dir: &Path) -> Vec<String> {
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("request.json")).expect("json"))
            .expect("json");
    json["journal"]
        .as_array()
        .expect("journal")
        .iter()
        .map(|e| format!("{} {}", e["action"], e["outcome"]))
        .collect()
}

#[test]
fn keys_generate_replace_racing_keys_password_loses_nothing() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    let p1 = secret_file(tmp.path(), "p1", "first password");
    let p3 = secret_file(tmp.path(), "p3", "third password");
    let g = secret_file(tmp.path(), "g", "generated password");
    prepared_request(
        &ws,
        "R",
        "ssl",
        &["--key-password-file", &s(&p1)],
        &["--cn", "r.example.fr"],
    );
    let dir = ws.join("dossiers/F/R");
    let key = dir.join("R.key");
    let original = key_pub(&key, Some(&p1)).expect("opens with p1");
    let start_files = Snapshot::take(&dir);
    let mut mismatches = Vec::new();
    for attempt in 0..TRIES {
        start_files.restore(&dir);
        let (generated, changed) = race(
            &ws,
            &[
                "keys",
                "generate",
                "F/R",
                "--replace",
                "--key-password-file",
                &s(&g),
            ],
            &[
                "keys",
                "password",
                "F/R",
                "--key-password-file",
                &s(&p1),
                "--new-key-password-file",
                &s(&p3),
            ],
        );
        assert!(generated.status.success(), "{generated:?}");
        // The new key stands, under its own password, whatever the order.
        let now = key_pub(&key, Some(&g));
        let said_changed = changed.status.success();
        let journal = journal(&dir);
        let password_after_generate = journal
            .iter()
            .rposition(|e| e.contains("password changed"))
            .zip(journal.iter().rposition(|e| e.contains("RSA 2048")))
            .is_some_and(|(pw, generate)| pw > generate);
        if now.is_none() || now.as_ref() == Some(&original) || password_after_generate {
            mismatches.push((attempt, said_changed));
        }
    }
    assert!(
        mismatches.is_empty(),
        "lost updates (try, password said changed): {mismatches:?}"
    );
}

#[test]
fn two_keys_password_at_once_only_one_changes_it() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    let p1 = secret_file(tmp.path(), "p1", "first password");
    let (p2, p3) = (
        secret_file(tmp.path(), "p2", "second password"),
        secret_file(tmp.path(), "p3", "third password"),
    );
    prepared_request(
        &ws,
        "R",
        "ssl",
        &["--key-password-file", &s(&p1)],
        &["--cn", "r.example.fr"],
    );
    let dir = ws.join("dossiers/F/R");
    let key = dir.join("R.key");
    let original = key_pub(&key, Some(&p1)).expect("opens with p1");
    let start_files = Snapshot::take(&dir);
    let change = |new: &Path| {
        [
            "keys",
            "password",
            "F/R",
            "--key-password-file",
            &s(&p1),
            "--new-key-password-file",
            &s(new),
        ]
        .map(str::to_string)
    };
    let (to2, to3) = (change(&p2), change(&p3));
    let (to2, to3): (Vec<&str>, Vec<&str>) = (
        to2.iter().map(String::as_str).collect(),
        to3.iter().map(String::as_str).collect(),
    );
    let mut mismatches = Vec::new();
    for attempt in 0..TRIES {
        start_files.restore(&dir);
        let (a, b) = race(&ws, &to2, &to3);
        let winners: Vec<&Path> = [(&a, &p2), (&b, &p3)]
            .iter()
            .filter(|(out, _)| out.status.success())
            .map(|(_, pw)| pw.as_path())
            .collect();
        // The one that said "changed" set the password that opens the key now.
        let opens = winners.len() == 1 && key_pub(&key, Some(winners[0])) == Some(original.clone());
        if !opens {
            mismatches.push((attempt, winners.len()));
        }
    }
    assert!(
        mismatches.is_empty(),
        "(try, commands that said changed): {mismatches:?}"
    );
}

#[test]
fn keys_generate_replace_racing_request_generate_gives_a_csr_of_the_stored_key() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    // The stored key under a password: the CSR's slow part (PBKDF2) is
    // when a new clear key can land.
    let pw = secret_file(tmp.path(), "pw", "the password");
    let with_pw = ["--key-password-file", &s(&pw)];
    prepared_request(&ws, "R", "ssl", &with_pw, &["--cn", "r.example.fr"]);
    let dir = ws.join("dossiers/F/R");
    let (key, csr) = (dir.join("R.key"), dir.join("R.csr"));
    let start_files = Snapshot::take(&dir);
    let mut mismatches = Vec::new();
    for attempt in 0..TRIES {
        start_files.restore(&dir);
        let (generated, requested) = race(
            &ws,
            &["keys", "generate", "F/R", "--replace", "--no-key-password"],
            &[&["request", "generate", "F/R", "--csr-only"][..], &with_pw].concat(),
        );
        assert!(
            generated.status.success() || requested.status.success(),
            "{generated:?} {requested:?}"
        );
        if !csr.exists() {
            continue;
        }
        let csr_key =
            support::process::tool_ok("openssl", &["req", "-noout", "-pubkey", "-in", &s(&csr)]);
        if key_pub(&key, Some(&pw)).as_deref() != Some(csr_key.as_str()) {
            mismatches.push(attempt);
        }
    }
    assert!(
        mismatches.is_empty(),
        "CSRs not of the stored key: {mismatches:?}"
    );
}
