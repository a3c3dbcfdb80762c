//! Servers that misbehave (tests/hostile/servers.py), driven through the
//! real commands: an LDAP directory (a million entries, a one-byte-a-second
//! drip, malformed BER, a referral to itself), an IMAP mailbox (a connection
//! dropped mid-FETCH, a 2 GB literal, an endless line, a broken
//! BODYSTRUCTURE); the HTTP ones are `hostile_http`'s. Each costs bounded
//! time and memory, ends in one clear line, and writes nothing. Time and peak memory are measured
//! by GNU time; the bounds here are generous guards, and `--nocapture`
//! prints the figures of each case.

use crate::support;

use serde_json::json;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use support::mail::{generated_request, write_config, REQ};
use support::*;

/// A hostile server of `mode`, killed on drop.
struct Hostile {
    child: Child,
    port: u16,
}

impl Hostile {
    fn start(mode: &str) -> Hostile {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile/servers.py");
        let mut child = Command::new("python3")
            .arg(script)
            .arg(mode)
            .stdout(Stdio::piped())
            .stdin(Stdio::null())
            .spawn()
            .expect("python3");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("port");
        let port = line.trim().parse().expect("a port");
        Hostile { child, port }
    }
}

impl Drop for Hostile {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// What one command cost.
struct Run {
    code: Option<i32>,
    stderr: String,
    seconds: f64,
    peak_kib: u64,
}

/// `cleocps --workspace ws --config cfg args…` under GNU time.
fn measured(ws: &Path, cfg: &str, args: &[&str]) -> Run {
    let report = ws.parent().expect("parent").join("time.txt");
    let out = support::process::output(
        Command::new("/usr/bin/time")
            .args(["-f", "%e %M", "-o"])
            .arg(&report)
            .arg(support::bin())
            .args(["--workspace"])
            .arg(ws)
            .args(["--lang", "en", "--config", cfg])
            .args(args)
            .env_clear()
            .envs(support::sandbox_vars(ws.parent().expect("parent")))
            .stdin(Stdio::null()),
    );
    let text = std::fs::read_to_string(&report).expect("time report");
    let last = text.lines().last().unwrap_or_default().to_string();
    let mut fields = last.split_whitespace();
    let seconds = fields
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or(f64::MAX);
    let peak_kib = fields
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or(u64::MAX);
    Run {
        code: out.status.code(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        seconds,
        peak_kib,
    }
}

/// Bounded, one clear line, no debug text, nothing written.
fn assert_contained(case: &str, run: &Run, before: &[(PathBuf, Vec<u8>)], ws: &Path) {
    eprintln!(
        "{case}: {:.1} s, {} MiB, exit {:?}: {}",
        run.seconds,
        run.peak_kib / 1024,
        run.code,
        run.stderr.trim()
    );
    assert!(run.seconds < 40.0, "{case}: {} s", run.seconds);
    assert!(run.peak_kib < 200 * 1024, "{case}: {} KiB", run.peak_kib);
    assert!(
        run.code.is_some(),
        "{case}: killed by a signal: {}",
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"), "{case}: {}", run.stderr);
    for debug in ["Some(", "Err(", "Error {", "kind:"] {
        assert!(
            !run.stderr.contains(debug),
            "{case}: debug text: {}",
            run.stderr
        );
    }
    assert!(
        run.stderr.trim().lines().count() <= 2,
        "{case}: {}",
        run.stderr
    );
    assert_eq!(snapshot(ws), before, "{case} wrote into the workspace");
}

#[test]
fn hostile_directories_cost_bounded_time_and_memory() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    ok(&ws, &["folder", "create", "F"]);
    let before = snapshot(&ws);
    for mode in ["ldap-huge", "ldap-drip", "ldap-ber", "ldap-referral"] {
        let server = Hostile::start(mode);
        let cfg = write_config(
            tmp.path(),
            &format!("{mode}.json"),
            &json!({"ldap": {"url": format!("ldap://127.0.0.1:{}", server.port),
                             "base": "o=annuaire-test,c=fr", "timeout_s": 3}}),
        );
        let run = measured(
            &ws,
            &cfg,
            &["directory", "lookup", "--holder", "8042410007"],
        );
        assert_contained(mode, &run, &before, &ws);
        assert_eq!(run.code, Some(1), "{mode}: {}", run.stderr);
    }
}

#[test]
fn hostile_mailboxes_cost_bounded_time_and_memory() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    generated_request(&ws);
    // Sent through a local outbox, so the request waits for its answer.
    let outbox = tmp.path().join("outbox");
    let cfg = write_config(
        tmp.path(),
        "send.json",
        &json!({"registration": {"address": "inscription@test.local"},
                "mail_from": "admin@test.local", "outbox": outbox}),
    );
    let out = support::mail::cleo_cfg(&ws, &cfg, &["request", "send", REQ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pw = secret_file(tmp.path(), "imap.pass", "imap pass 3");
    let before = snapshot(&ws);
    for mode in [
        "imap-drop",
        "imap-literal",
        "imap-line",
        "imap-bodystructure",
    ] {
        let server = Hostile::start(mode);
        let cfg = write_config(
            tmp.path(),
            &format!("{mode}.json"),
            &json!({"imap": {"host": "127.0.0.1", "port": server.port, "security": "plain",
                             "user": "admin", "password_file": pw, "timeout_s": 3}}),
        );
        let run = measured(&ws, &cfg, &["response", "fetch", REQ]);
        assert_contained(mode, &run, &before, &ws);
        assert!(
            matches!(run.code, Some(1) | Some(3)),
            "{mode}: {:?} {}",
            run.code,
            run.stderr
        );
    }
}
