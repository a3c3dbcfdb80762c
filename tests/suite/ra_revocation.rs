//! The rehearsal server's revocation (DESIGN §4c, §7): `ra revocation-serve`
//! publishes its CRL and answers OCSP on 127.0.0.1, the certificates it
//! issues point there, `ra revoke` makes `check` CRITICAL. Its CRL and OCSP
//! answers are checked by openssl too.

use crate::support;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::Stdio;
use support::process::Reaped;
use support::ra::*;
use support::*;

/// `ra revocation-serve DIR --listen 127.0.0.1:0`; returns it and its URL.
fn revocation_server(server: &Server) -> (Reaped, String) {
    let mut child = Reaped::spawn(
        cleocps(&server.t)
            .args(["--lang", "en", "ra", "revocation-serve"])
            .arg(&server.dir)
            .args(["--listen", "127.0.0.1:0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null()),
    );
    let stdout = child.0.stdout.take().expect("stdout");
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line).expect("url");
    assert!(line.starts_with("http://127.0.0.1:"), "{line}");
    (child, line.trim().to_string())
}

fn check_line(ws: &Path) -> (i32, String) {
    let out = cleo(ws, &["check"]);
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn ra_revoke_shows_in_check_through_its_own_crl_and_ocsp() {
    let t = tempfile::tempdir().expect("tmp");
    let server = Server::new(t.path());
    let (_serving, url) = revocation_server(&server);
    let token = server.card(&server.dir, HOLDER, "carte");
    let p7m = server.request("srv", "ssl", SSL_FORM, &[], &token);
    let (o, p7c) = server.process(&p7m, "smime.p7c");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    ok(
        &server.ws,
        &[
            "response",
            "import",
            "F/srv",
            s(&p7c),
            "--trust-anchor",
            s(&server.file("root.crt")),
        ],
    );
    let crt = server.ws.join("dossiers/F/srv/srv.crt");
    let text = tool_ok("openssl", &["x509", "-noout", "-text", "-in", s(&crt)]);
    assert!(text.contains(&format!("OCSP - URI:{url}/ocsp")), "{text}");
    assert!(text.contains(&format!("URI:{url}/crl/ca.crl")), "{text}");

    let (code, line) = check_line(&server.ws);
    assert_eq!(code, 0, "{line}");

    // openssl reads the server's answers as a client would.
    let ocsp = tool_ok(
        "openssl",
        &[
            "ocsp",
            "-issuer",
            s(&server.file("ca.crt")),
            "-cert",
            s(&crt),
            "-url",
            &format!("{url}/ocsp"),
            "-CAfile",
            s(&server.file("root.crt")),
            "-verify_other",
            s(&server.file("ca.crt")),
            "-no_nonce",
        ],
    );
    assert!(ocsp.contains(": good"), "{ocsp}");

    let serial = tool_ok("openssl", &["x509", "-noout", "-serial", "-in", s(&crt)]);
    let serial = serial.trim().trim_start_matches("serial=").to_string();
    let revoked = ok(
        &server.ws,
        &[
            "ra",
            "revoke",
            s(&server.dir),
            &serial,
            "--reason",
            "keyCompromise",
        ],
    );
    assert!(revoked.contains("keyCompromise"), "{revoked}");
    // The client's cache holds a "good" answer for a minute at most: start afresh.
    std::fs::remove_dir_all(server.ws.join(".cache/revocation")).expect("clear cache");
    let (code, line) = check_line(&server.ws);
    assert_eq!(code, 2, "{line}");
    assert!(line.contains("F/srv REVOKED on "), "{line}");
    assert!(line.contains("keyCompromise"), "{line}");

    // The CRL, fetched by curl-less means: openssl verifies its signature.
    let crl_der = t.path().join("ca.crl");
    let body = fetch(&format!("{url}/crl/ca.crl"));
    std::fs::write(&crl_der, body).expect("crl");
    let crl = tool_ok(
        "openssl",
        &[
            "crl",
            "-inform",
            "DER",
            "-in",
            s(&crl_der),
            "-CAfile",
            s(&server.file("ca.crt")),
            "-noout",
            "-text",
        ],
    );
    assert!(crl.contains("Key Compromise"), "{crl}");
    let ocsp = tool_ok(
        "openssl",
        &[
            "ocsp",
            "-issuer",
            s(&server.file("ca.crt")),
            "-cert",
            s(&crt),
            "-url",
            &format!("{url}/ocsp"),
            "-CAfile",
            s(&server.file("root.crt")),
            "-verify_other",
            s(&server.file("ca.crt")),
            "-no_nonce",
        ],
    );
    assert!(ocsp.contains(": revoked"), "{ocsp}");
    assert!(ocsp.contains("keyCompromise"), "{ocsp}");

    // A serial it never issued is refused.
    let out = cleo(&server.ws, &["ra", "revoke", s(&server.dir), "0BADC0DE"]);
    assert_eq!(out.status.code(), Some(1));
}

/// A plain HTTP/1.0 GET, body only.
fn fetch(url: &str) -> Vec<u8> {
    use std::io::{Read, Write};
    let rest = url.strip_prefix("http://").expect("http");
    let (host, path) = rest.split_at(rest.find('/').expect("path"));
    let mut s = std::net::TcpStream::connect(host).expect("connect");
    write!(s, "GET {path} HTTP/1.0\r\nHost: {host}\r\n\r\n").expect("write");
    let mut all = Vec::new();
    s.read_to_end(&mut all).expect("read");
    let end = all.windows(4).position(|w| w == b"\r\n\r\n").expect("head") + 4;
    all[end..].to_vec()
}
