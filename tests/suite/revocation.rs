//! Revocation (DESIGN §4c) through `check` and `status`, against an
//! `openssl ca` with its index.txt: its CRL served over HTTP on 127.0.0.1,
//! `openssl ocsp` as the responder; a forged CRL, a silent responder and a
//! stopped one (the cache answers).

use crate::support;

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use support::openssl_ca::{certified, OpensslCa};
use support::*;

/// Serves the current bytes of `file` at any path (the CRL may be
/// regenerated between requests). Returns `http://127.0.0.1:PORT`.
fn serve_file(file: PathBuf) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let mut buf = [0u8; 4096];
            let _ = stream.read(&mut buf);
            let body = std::fs::read(&file).unwrap_or_default();
            let head = format!(
                "HTTP/1.0 200 OK\r\nContent-Type: application/pkix-crl\r\nContent-Length: {}\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(&[head.as_bytes(), &body].concat());
        }
    });
    base
}

/// A server that accepts and never answers: an unreachable responder.
fn silent_server() -> (String, TcpListener) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    (
        format!("http://{}", listener.local_addr().expect("addr")),
        listener,
    )
}

fn check(ws: &Path, args: &[&str]) -> (i32, String, Duration) {
    let start = Instant::now();
    let out = cleo(ws, &[&["check"], args].concat());
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    (out.status.code().unwrap_or(-1), text, start.elapsed())
}

fn revocation_of(ws: &Path, name: &str) -> serde_json::Value {
    let status: serde_json::Value =
        serde_json::from_str(&ok(ws, &["--json", "status"])).expect("json");
    status["certificates"]
        .as_array()
        .expect("list")
        .iter()
        .find(|c| c["name"] == name)
        .expect("listed")["revocation"]
        .clone()
}

fn serial_of(crt: &Path) -> String {
    let s = tool_ok(
        "openssl",
        &["x509", "-noout", "-serial", "-in", &crt.to_string_lossy()],
    );
    s.trim()
        .trim_start_matches("serial=")
        .trim_start_matches('0')
        .to_string()
}

#[test]
fn a_revoked_certificate_is_critical_by_crl_alone() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ca = OpensslCa::new(&tmp.path().join("ca"), "/C=FR/O=TEST/CN=TEST AC CRL");
    let crl_file = tmp.path().join("ca.crl");
    ca.crl(&crl_file);
    let url = format!("{}/CRL/ca.crl", serve_file(crl_file.clone()));
    let ws = tmp.path().join("ws");
    let good = certified(&ws, &ca, "good", None, Some(&url));
    let bad = certified(&ws, &ca, "bad", None, Some(&url));
    let _ = good;
    let (code, line, _) = check(&ws, &[]);
    assert_eq!(code, 0, "nothing revoked yet: {line}");
    assert_eq!(revocation_of(&ws, "good")["status"], "good");
    assert_eq!(revocation_of(&ws, "good")["source"], "crl");

    ca.revoke(&bad, "keyCompromise");
    ca.crl(&crl_file);
    // The cached CRL is still fresh: check forgets it to see the new one.
    std::fs::remove_dir_all(ws.join(".cache/revocation")).expect("clear cache");
    let (code, line, _) = check(&ws, &[]);
    assert_eq!(code, 2, "{line}");
    assert!(
        line.starts_with("CLEOCPS CRITICAL - F/bad REVOKED on "),
        "{line}"
    );
    assert!(line.contains("keyCompromise"), "{line}");
    let serial = serial_of(&bad);
    assert!(
        line.to_uppercase().contains(&serial.to_uppercase()),
        "{serial}: {line}"
    );
    assert!(!line.contains("F/good REVOKED"), "{line}");
    let r = revocation_of(&ws, "bad");
    assert_eq!(r["status"], "revoked", "{r}");
    assert_eq!(r["source"], "crl");
    assert_eq!(r["reason"], "keyCompromise");
    assert!(
        r["revoked_at"].as_str().is_some_and(|t| t.len() >= 10),
        "{r}"
    );
    assert_eq!(revocation_of(&ws, "good")["status"], "good");

    // The text status and the metrics say it too; `--revocation off` does not look.
    let text = ok(&ws, &["status"]);
    assert!(text.contains("revoked on"), "{text}");
    let (_, metrics, _) = check(&ws, &["--format", "prometheus"]);
    assert!(
        metrics.contains("cleocps_certificate_revoked{folder=\"F\",request=\"bad\",cn=\"bad.example.fr\",type=\"ssl\"} 1"),
        "{metrics}"
    );
    assert!(
        metrics.contains("request=\"good\",cn=\"good.example.fr\",type=\"ssl\"} 0"),
        "{metrics}"
    );
    let (code, line, _) = check(&ws, &["--revocation", "off"]);
    assert_eq!(code, 0, "{line}");
    // doctor asks the CRL again and names the revoked certificate.
    let out = cleo(&ws, &["--json", "doctor"]);
    let checks: serde_json::Value = serde_json::from_slice(&out.stdout).expect("doctor --json");
    let line = checks
        .as_array()
        .expect("checks")
        .iter()
        .find(|c| c["name"] == "revocation")
        .expect("a revocation line")
        .clone();
    assert_eq!(line["ok"], false, "{line}");
    let detail = line["detail"].as_str().expect("detail");
    assert!(
        detail.starts_with(
            "2 of 2 certificate(s) with a verified revocation answer (OCSP: 0, revocation list: 2)"
        ),
        "{detail}"
    );
    assert!(detail.contains("F/bad revoked on"), "{detail}");
    // French.
    let fr = output(
        cleocps(tmp.path())
            .arg("--workspace")
            .arg(&ws)
            .args(["--lang", "fr", "check"]),
    );
    let fr = String::from_utf8_lossy(&fr.stdout);
    assert!(fr.contains("F/bad RÉVOQUÉ le "), "{fr}");
    assert!(
        fr.contains("(motif : compromission de la clé (keyCompromise), numéro de série "),
        "{fr}"
    );
}

#[test]
fn a_revoked_certificate_is_critical_by_ocsp_alone_and_the_cache_answers_when_it_stops() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ca = OpensslCa::new(&tmp.path().join("ca"), "/C=FR/O=TEST/CN=TEST AC OCSP");
    let port = free_port();
    let url = format!("http://127.0.0.1:{port}/");
    let ws = tmp.path().join("ws");
    certified(&ws, &ca, "good", Some(&url), None);
    let bad = certified(&ws, &ca, "bad", Some(&url), None);
    ca.revoke(&bad, "superseded");
    let responder = ca.responder(port);
    let (code, line, _) = check(&ws, &[]);
    assert_eq!(code, 2, "{line}");
    assert!(line.contains("F/bad REVOKED on "), "{line}");
    assert!(line.contains("superseded"), "{line}");
    let before = revocation_of(&ws, "bad");
    assert_eq!(before["source"], "ocsp", "{before}");
    assert_eq!(revocation_of(&ws, "good")["status"], "good");

    // The responder stops: the fresh cached answers are used, unchanged.
    drop(responder);
    let (code, line, elapsed) = check(&ws, &[]);
    assert_eq!(code, 2, "{line}");
    assert!(line.contains("F/bad REVOKED"), "{line}");
    assert!(
        elapsed < Duration::from_secs(5),
        "no network wait: {elapsed:?}"
    );
    let after = revocation_of(&ws, "bad");
    assert_eq!(after["checked_at"], before["checked_at"], "{after}");
    assert_eq!(revocation_of(&ws, "good")["status"], "good");
    let cache = ws.join(".cache/revocation");
    let mode = std::os::unix::fs::PermissionsExt::mode(
        &std::fs::metadata(&cache).expect("cache").permissions(),
    );
    assert_eq!(mode & 0o777, 0o700);

    // Eight days on, the responder still down: the answers have aged out,
    // but a revocation is final and stays; the good one is now unknown.
    let long_ago = std::time::SystemTime::now() - Duration::from_secs(8 * 86_400);
    for entry in std::fs::read_dir(&cache).expect("cache").flatten() {
        std::fs::File::options()
            .write(true)
            .open(entry.path())
            .and_then(|f| f.set_modified(long_ago))
            .expect("age the cache");
    }
    let (code, line, _) = check(&ws, &[]);
    assert_eq!(code, 2, "{line}");
    assert!(line.contains("F/bad REVOKED"), "{line}");
    assert_eq!(revocation_of(&ws, "good")["status"], "unknown");
}

#[test]
fn an_unreachable_responder_is_no_alarm_and_costs_bounded_time() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ca = OpensslCa::new(&tmp.path().join("ca"), "/C=FR/O=TEST/CN=TEST AC SILENT");
    let (ocsp, _l1) = silent_server();
    let (crl, _l2) = silent_server();
    let ws = tmp.path().join("ws");
    for name in ["a", "b", "c"] {
        certified(
            &ws,
            &ca,
            name,
            Some(&format!("{ocsp}/")),
            Some(&format!("{crl}/ca.crl")),
        );
    }
    let (code, line, elapsed) = check(&ws, &[]);
    assert_eq!(code, 0, "unknown for a moment is no alarm: {line}");
    assert!(elapsed < Duration::from_secs(15), "{elapsed:?}");
    let r = revocation_of(&ws, "a");
    assert_eq!(r["status"], "unknown", "{r}");
    assert!(
        r["detail"]
            .as_str()
            .is_some_and(|d| d.contains("unreachable")),
        "{r}"
    );
    let (_, metrics, _) = check(&ws, &["--format", "prometheus"]);
    assert!(
        metrics.contains("cleocps_certificate_revocation_unknown{folder=\"F\",request=\"a\""),
        "{metrics}"
    );
}

#[test]
fn a_forged_crl_is_refused() {
    let tmp = tempfile::tempdir().expect("tmp");
    let subject = "/C=FR/O=TEST/CN=TEST AC FORGED";
    let ca = OpensslCa::new(&tmp.path().join("ca"), subject);
    // Another key, the same name: its CRL says the certificate is revoked.
    let forger = OpensslCa::new(&tmp.path().join("forger"), subject);
    let crl_file = tmp.path().join("forged.crl");
    let url = format!("{}/ca.crl", serve_file(crl_file.clone()));
    let ws = tmp.path().join("ws");
    let leaf = certified(&ws, &ca, "victim", None, Some(&url));
    std::fs::copy(ca.dir.join("index.txt"), forger.dir.join("index.txt")).expect("index");
    forger.revoke(&leaf, "keyCompromise");
    forger.crl(&crl_file);
    let (code, line, _) = check(&ws, &[]);
    assert_ne!(code, 2, "{line}");
    let r = revocation_of(&ws, "victim");
    assert_eq!(r["status"], "unknown", "{r}");
    assert!(
        r["detail"]
            .as_str()
            .is_some_and(|d| d.contains("not signed")),
        "{r}"
    );
    // Nothing forged was kept.
    let kept = std::fs::read_dir(ws.join(".cache/revocation"))
        .map(|d| {
            d.flatten()
                .filter(|e| e.file_name().to_string_lossy().starts_with("crl-"))
                .count()
        })
        .unwrap_or(0);
    assert_eq!(kept, 0);
}

#[test]
fn unknown_for_too_long_warns() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ca = OpensslCa::new(&tmp.path().join("ca"), "/C=FR/O=TEST/CN=TEST AC LATE");
    let port = free_port();
    let ws = tmp.path().join("ws");
    certified(
        &ws,
        &ca,
        "late",
        Some(&format!("http://127.0.0.1:{port}/")),
        None,
    );
    let (code, line, _) = check(&ws, &[]);
    assert_eq!(code, 0, "{line}");
    // The first miss was noted eight days ago.
    let marker = std::fs::read_dir(ws.join(".cache/revocation"))
        .expect("cache")
        .flatten()
        .find(|e| e.file_name().to_string_lossy().starts_with("unknown-"))
        .expect("unknown noted")
        .path();
    let then = std::time::SystemTime::now() - Duration::from_secs(8 * 86_400);
    let secs = then
        .duration_since(std::time::UNIX_EPOCH)
        .expect("t")
        .as_secs();
    std::fs::write(&marker, secs.to_string()).expect("backdate");
    let (code, line, _) = check(&ws, &[]);
    assert_eq!(code, 1, "{line}");
    assert!(
        line.contains("F/late: revocation status unknown since"),
        "{line}"
    );
    let config = tmp.path().join("config.json");
    std::fs::write(&config, r#"{"revocation": {"max_unknown_days": 30}}"#).expect("config");
    let out = output(
        cleocps(tmp.path())
            .arg("--workspace")
            .arg(&ws)
            .arg("--config")
            .arg(&config)
            .args(["--lang", "en", "check"]),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn a_delegated_ocsp_responder_counts_only_with_ocsp_signing() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ca = OpensslCa::new(&tmp.path().join("ca"), "/C=FR/O=TEST/CN=TEST AC DELEGATED");
    let port = free_port();
    let ws = tmp.path().join("ws");
    let leaf = certified(
        &ws,
        &ca,
        "srv",
        Some(&format!("http://127.0.0.1:{port}/")),
        None,
    );
    ca.revoke(&leaf, "cessationOfOperation");
    let (crt, key) = ca.responder_cert("ocsp-responder", "OCSPSigning");
    let responder = ca.responder_as(port, &crt, &key);
    let (code, line, _) = check(&ws, &[]);
    assert_eq!(code, 2, "{line}");
    assert!(line.contains("cessationOfOperation"), "{line}");
    drop(responder);

    // Issued by the CA, but not for OCSP signing: its word is worth nothing.
    std::fs::remove_dir_all(ws.join(".cache/revocation")).expect("clear cache");
    let (crt, key) = ca.responder_cert("web-server", "serverAuth");
    let _responder = ca.responder_as(port, &crt, &key);
    let (code, line, _) = check(&ws, &[]);
    assert_eq!(code, 0, "{line}");
    let r = revocation_of(&ws, "srv");
    assert_eq!(r["status"], "unknown", "{r}");
    assert!(
        r["detail"]
            .as_str()
            .is_some_and(|d| d.contains("not signed")),
        "{r}"
    );
}
