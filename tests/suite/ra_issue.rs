//! The rehearsal registration server issuing, through the real binary:
//! `ra init` files, then requests made by the real client path (soft-token
//! card) processed into `smime.p7c` that `response import` accepts, and the
//! certificates proven with openssl (verify, a TLS handshake, S/MIME).

use crate::support;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use support::ra::{Server, FQDN, HOLDER, MAIL, SSL_FORM};
use support::*;

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).expect("meta").permissions().mode() & 0o777
}

#[test]
fn init_creates_the_server_files_with_private_modes() {
    let t = tempfile::tempdir().expect("tmp");
    let server = Server::new(t.path());
    let f = |n: &str| server.file(n);
    assert_eq!(mode(&server.dir), 0o700);
    for key in ["root.key", "ca.key", "inscription.key", "card-ca.key"] {
        assert_eq!(mode(&f(key)), 0o600, "{key}");
        assert!(std::fs::read_to_string(f(key))
            .expect("key")
            .starts_with("-----BEGIN PRIVATE KEY-----"));
    }
    for d in ["seen", "issued"] {
        assert_eq!(mode(&f(d)), 0o700, "{d}");
    }
    let settings = std::fs::read_to_string(f("ra.json")).expect("ra.json");
    assert!(!settings.contains("PRIVATE KEY"), "{settings}");
    assert!(settings.contains("\"validity_days\": 1095"), "{settings}");

    let text = |p: &Path| {
        tool_ok(
            "openssl",
            &[
                "x509",
                "-noout",
                "-text",
                "-nameopt",
                "RFC2253",
                "-in",
                s(p),
            ],
        )
    };
    let root = text(&f("root.crt"));
    assert!(
        root.contains("Subject: CN=TEST AC RACINE IGC-SANTE ELEMENTAIRE REPETITION,OU=IGC-SANTE TEST,O=ASIP-SANTE,C=FR"),
        "{root}"
    );
    let ca = text(&f("ca.crt"));
    assert!(ca.contains("CN=TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS REPETITION"));
    assert!(ca.contains("CA:TRUE, pathlen:0"), "{ca}");
    assert!(ca.contains("Certificate Sign, CRL Sign"), "{ca}");
    let ins = text(&f("inscription.crt"));
    assert!(
        ins.contains("Key Usage: critical\n                Key Encipherment"),
        "{ins}"
    );
    for cert in ["inscription.crt", "ca.crt"] {
        tool_ok(
            "openssl",
            &[
                "verify",
                "-CAfile",
                s(&f("root.crt")),
                "-untrusted",
                s(&f("ca-chain.pem")),
                s(&f(cert)),
            ],
        );
    }
    // ca-chain.pem: the issuing CA then the root.
    let chain = std::fs::read_to_string(f("ca-chain.pem")).expect("chain");
    assert_eq!(chain.matches("BEGIN CERTIFICATE").count(), 2);

    // A second init does not replace the server without --force.
    let before = std::fs::read(f("inscription.crt")).expect("crt");
    let err = refused(&server.ws, &["ra", "init", s(&server.dir)]);
    assert!(err.contains("ra.json"), "{err}");
    assert_eq!(std::fs::read(f("inscription.crt")).expect("crt"), before);

    // --card-ca: that CA is trusted, no card CA key is kept.
    let other = t.path().join("other");
    let printed = ok(
        &server.ws,
        &[
            "ra",
            "init",
            s(&other),
            "--ca-bits",
            "2048",
            "--card-ca",
            s(&f("card-ca.crt")),
        ],
    );
    assert!(!other.join("card-ca.key").exists());
    // It names the anchor its clients need, and the configuration line.
    let root = other.join("root.crt");
    let root = s(&root);
    assert!(
        printed.contains(&format!(
            r#""trust": {{"anchors": ["igc-sante", "{root}"]}}"#
        )) && printed.contains(&format!("--trust-anchor {root}")),
        "{printed}"
    );
    assert_eq!(
        std::fs::read(other.join("card-ca.crt")).expect("card ca"),
        std::fs::read(f("card-ca.crt")).expect("card ca")
    );
}

/// The answer imported by the client, exported as PEM without password.
fn import_and_export(server: &Server, name: &str, p7c: &Path) -> std::path::PathBuf {
    let path = format!("F/{name}");
    // The rehearsal root is the anchor `ra init` told clients to declare.
    let root = server.file("root.crt");
    let root = s(&root);
    let o = cleo(
        &server.ws,
        &["response", "import", &path, s(p7c), "--trust-anchor", root],
    );
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(o.status.success(), "{err}");
    assert!(err.trim().is_empty(), "no warning expected: {err}");
    let show = ok(&server.ws, &["--json", "request", "show", &path]);
    assert!(
        show.contains("\"state\":\"certificate_imported\""),
        "{show}"
    );
    let out = server.t.join(format!("export-{name}"));
    ok(
        &server.ws,
        &[
            "export",
            "pem",
            &path,
            "--out",
            s(&out),
            "--no-key-password",
        ],
    );
    out
}

#[test]
fn ssl_request_is_issued_imported_and_serves_tls_then_its_replay_is_refused() {
    let t = tempfile::tempdir().expect("tmp");
    let server = Server::new(t.path());
    let token = server.card(&server.dir, HOLDER, "carte");
    let p7m = server.request("srv", "ssl", SSL_FORM, &[], &token);
    let (o, p7c) = server.process(&p7m, "smime.p7c");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let json = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(json.contains("\"decision\":\"issued\""), "{json}");
    assert!(json.contains(&format!("\"holder\":\"{HOLDER}\"")), "{json}");

    // A certs-only PKCS#7: leaf, issuing CA, root.
    let certs = tool_ok(
        "openssl",
        &["pkcs7", "-inform", "DER", "-in", s(&p7c), "-print_certs"],
    );
    assert_eq!(certs.matches("BEGIN CERTIFICATE").count(), 3, "{certs}");
    let exported = import_and_export(&server, "srv", &p7c);
    let leaf = exported.join("srv.crt");
    server.verify(&leaf);
    let text = tool_ok(
        "openssl",
        &[
            "x509",
            "-noout",
            "-text",
            "-nameopt",
            "RFC2253",
            "-in",
            s(&leaf),
        ],
    );
    for want in [
        "Subject: CN=srv.clinique.example.fr,OU=318751275100020,O=Clinique du Test,L=Le Mans,ST=Sarthe (72),C=FR",
        "Issuer: CN=TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS REPETITION",
        "Key Usage: critical\n                Digital Signature, Key Encipherment",
        "TLS Web Server Authentication, TLS Web Client Authentication",
        "DNS:srv.clinique.example.fr, DNS:www.clinique.example.fr",
        "CA:FALSE",
        "Subject Key Identifier",
        "Authority Key Identifier",
    ] {
        assert!(text.contains(want), "missing {want:?} in {text}");
    }
    // Serial: 16 random bytes; validity: 1095 days.
    let serial = tool_ok("openssl", &["x509", "-noout", "-serial", "-in", s(&leaf)]);
    assert_eq!(
        serial.trim().trim_start_matches("serial=").len(),
        32,
        "{serial}"
    );
    let in_3y = tool(
        "openssl",
        &[
            "x509",
            "-noout",
            "-checkend",
            &(1094 * 86_400).to_string(),
            "-in",
            s(&leaf),
        ],
    );
    assert!(in_3y.status.success(), "valid for about 3 years");

    tls_handshake(
        &exported.join("srv.crt"),
        &exported.join("srv.key"),
        None,
        &exported.join("srv.chain.pem"),
        &server.file("root.crt"),
        FQDN,
    );

    // The same .p7m again: a replay.
    let body = server.rejected(&p7m, "again.txt", "DEMANDE_REJOUEE");
    assert!(body.contains("déjà été traitée"), "{body}");
}

#[test]
fn smime_request_is_issued_and_signs_mail_that_verifies() {
    let t = tempfile::tempdir().expect("tmp");
    let server = Server::new(t.path());
    let token = server.card(&server.dir, HOLDER, "carte");
    let p7m = server.request(
        "mail",
        "smime",
        &[
            "--email",
            MAIL,
            "--o",
            "Clinique du Test",
            "--ou",
            "318751275100020",
        ],
        &[],
        &token,
    );
    let (o, p7c) = server.process(&p7m, "smime.p7c");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let exported = import_and_export(&server, "mail", &p7c);
    let (crt, key) = (exported.join("mail.crt"), exported.join("mail.key"));
    let text = tool_ok(
        "openssl",
        &[
            "x509",
            "-noout",
            "-text",
            "-nameopt",
            "RFC2253",
            "-in",
            s(&crt),
        ],
    );
    for want in [
        "Subject: CN=messagerie@clinique.example.fr,OU=318751275100020,O=Clinique du Test",
        "Key Usage: critical\n                Digital Signature, Key Encipherment",
        "E-mail Protection",
        "email:messagerie@clinique.example.fr",
    ] {
        assert!(text.contains(want), "missing {want:?} in {text}");
    }
    let msg = t.path().join("msg.txt");
    std::fs::write(&msg, "Bonjour\r\n").expect("msg");
    let signed = t.path().join("msg.p7s");
    tool_ok(
        "openssl",
        &[
            "smime",
            "-sign",
            "-in",
            s(&msg),
            "-signer",
            s(&crt),
            "-inkey",
            s(&key),
            "-certfile",
            s(&server.file("ca-chain.pem")),
            "-out",
            s(&signed),
        ],
    );
    let o = tool(
        "openssl",
        &[
            "smime",
            "-verify",
            "-in",
            s(&signed),
            "-CAfile",
            s(&server.file("root.crt")),
            "-out",
            s(&t.path().join("verified.txt")),
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stderr).contains("Verification successful"));
}
