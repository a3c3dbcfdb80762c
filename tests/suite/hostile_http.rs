//! Hostile HTTP servers on 127.0.0.1 behind the revocation pointers (CRL,
//! OCSP) and the AIA `caIssuers` URL: garbage, a 1 GB body, a slow drip, a
//! redirect loop. Each is driven through the real commands (`check`,
//! `response import` of a lone leaf) and must end in bounded time and memory
//! with a clear message; the time and peak memory of each run are printed
//! (`cargo test --test hostile_http -- --nocapture`). The bounds asserted are
//! generous guards, not targets.

use crate::support;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};
use support::openssl_ca::{certified, OpensslCa};
use support::*;

#[derive(Clone, Copy, Debug)]
enum Hostile {
    Garbage,
    Gigabyte,
    Drip,
    RedirectLoop,
}

const ALL: [Hostile; 4] = [
    Hostile::Garbage,
    Hostile::Gigabyte,
    Hostile::Drip,
    Hostile::RedirectLoop,
];

/// Serves `how` to every connection, each in its own thread; returns the base URL.
fn hostile(how: Hostile) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    let location = format!("{base}/again");
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let location = location.clone();
            std::thread::spawn(move || answer(stream, how, &location));
        }
    });
    base
}

fn answer(mut s: TcpStream, how: Hostile, location: &str) {
    let mut buf = [0u8; 4096];
    let _ = s.read(&mut buf);
    let _ = match how {
        Hostile::Garbage => {
            let noise: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
            s.write_all(&[b"HTTP/1.0 200 OK\r\n\r\n".as_slice(), &noise].concat())
        }
        Hostile::Gigabyte => {
            let chunk = vec![0x30u8; 64 * 1024];
            let _ = s.write_all(b"HTTP/1.0 200 OK\r\nContent-Length: 1073741824\r\n\r\n");
            // Until the client hangs up (it must, long before 1 GB).
            for _ in 0..(1 << 14) {
                if s.write_all(&chunk).is_err() {
                    break;
                }
            }
            Ok(())
        }
        Hostile::Drip => {
            for b in b"HTTP/1.0 200 OK\r\n\r\n0123456789abcdefghijklmnopqrstuvwxyz".iter() {
                if s.write_all(&[*b]).is_err() {
                    break;
                }
                std::thread::sleep(Duration::from_millis(700));
            }
            Ok(())
        }
        Hostile::RedirectLoop => write!(s, "HTTP/1.0 302 Found\r\nLocation: {location}\r\n\r\n"),
    };
}

/// Runs cleocps with `args`, sampling its peak memory (VmHWM) until it ends.
/// Returns (exit code, stdout, stderr, elapsed, peak KiB).
fn measured(ws: &Path, args: &[&str]) -> (i32, String, String, Duration, u64) {
    let start = Instant::now();
    let mut child = cleocps(ws.parent().expect("parent"))
        .arg("--workspace")
        .arg(ws)
        .args(["--lang", "en"])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn cleocps");
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak = 0u64;
    loop {
        if let Some(kb) = std::fs::read_to_string(&status_file).ok().and_then(|t| {
            t.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
        }) {
            peak = peak.max(kb);
        }
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let out = child.wait_with_output().expect("output");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        start.elapsed(),
        peak,
    )
}

/// What the message must say for each case.
fn expected(how: Hostile) -> &'static str {
    match how {
        Hostile::Garbage => "",
        Hostile::Gigabyte => "answer over",
        Hostile::Drip => "no complete answer within 5 s",
        Hostile::RedirectLoop => "more than 3 redirects",
    }
}

const TIME_GUARD: Duration = Duration::from_secs(15);
const MEMORY_GUARD_KIB: u64 = 200 * 1024;

#[test]
fn check_ends_in_bounded_time_and_memory_behind_hostile_revocation_servers() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ca = OpensslCa::new(&tmp.path().join("ca"), "/C=FR/O=TEST/CN=TEST AC HOSTILE");
    for how in ALL {
        for source in ["crl", "ocsp"] {
            let ws = tmp.path().join(format!("ws-{how:?}-{source}"));
            let url = format!("{}/{source}", hostile(how));
            let (ocsp, crl) = match source {
                "crl" => (None, Some(url.as_str())),
                _ => (Some(url.as_str()), None),
            };
            certified(&ws, &ca, "srv", ocsp, crl);
            let (code, line, _, elapsed, peak) = measured(&ws, &["check"]);
            println!("check {source} {how:?}: {elapsed:?}, peak {peak} KiB, exit {code}");
            assert_eq!(code, 0, "no alarm from a hostile server: {line}");
            assert!(elapsed < TIME_GUARD, "{how:?}: {elapsed:?}");
            assert!(peak < MEMORY_GUARD_KIB, "{how:?}: {peak} KiB");
            let status: serde_json::Value =
                serde_json::from_str(&ok(&ws, &["--json", "status"])).expect("json");
            let r = &status["certificates"][0]["revocation"];
            assert_eq!(r["status"], "unknown", "{how:?}: {r}");
            let detail = r["detail"].as_str().expect("detail");
            assert!(detail.contains(expected(how)), "{how:?} {source}: {detail}");
            assert!(
                !ws.join(".cache/revocation")
                    .read_dir()
                    .map(|d| d
                        .flatten()
                        .any(|e| !e.file_name().to_string_lossy().starts_with("unknown-")))
                    .unwrap_or(false),
                "nothing but the unknown note is kept"
            );
        }
    }
}

#[test]
fn import_with_aia_ends_in_bounded_time_and_memory_behind_hostile_servers() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ca = TestCa::new(tmp.path());
    for how in ALL {
        let ws = tmp.path().join(format!("ws-{how:?}"));
        let name = "srv";
        let path = prepared_request(
            &ws,
            name,
            "ssl",
            &["--no-key-password"],
            &["--cn", "srv.example.fr"],
        );
        ok(&ws, &["request", "generate", &path, "--csr-only"]);
        let csr = ws.join(format!("dossiers/{path}/{name}.csr"));
        let url = format!("{}/ACI.cer", hostile(how));
        let leaf = ca.issue_aia(&csr, &format!("leaf-{how:?}"), "serverAuth", &url);
        let (code, _, err, elapsed, peak) = measured(
            &ws,
            &[
                "response",
                "import",
                &path,
                &leaf.to_string_lossy(),
                "--trust-anchor",
                &ca.root.to_string_lossy(),
            ],
        );
        println!("import AIA {how:?}: {elapsed:?}, peak {peak} KiB, exit {code}");
        assert_eq!(code, 1, "{how:?}: {err}");
        assert!(err.contains(&url), "{how:?}: names the URL: {err}");
        assert!(err.contains(expected(how)), "{how:?}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
        assert!(elapsed < TIME_GUARD, "{how:?}: {elapsed:?}");
        assert!(peak < MEMORY_GUARD_KIB, "{how:?}: {peak} KiB");
        let show = ok(&ws, &["--json", "request", "show", &path]);
        assert!(
            !show.contains("certificate_imported"),
            "nothing written: {show}"
        );
    }
}
