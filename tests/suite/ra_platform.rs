//! The rehearsal server acting as the IGC-Santé platform (`ra issue`):
//! every request type issued for a CSR the client made, with the TEST
//! profile's subject, KU/EKU, SAN (SERV only) and the configured CRL/OCSP
//! pointers, checked by openssl and imported; and the platform's `.p12`
//! when it makes the key (3DES key bag, plain certificates, SHA-1 MAC,
//! 2 048 iterations), adopted without `--type` and read by keytool.

use crate::support;

use support::ra::Server;
use support::s;
use support::*;

const FORM: [&str; 6] = [
    "--o",
    "HOPITAL DES 3. DAMES",
    "--ou",
    "11B0073160",
    "--st",
    "Paris (75)",
];

/// (type, form's name option and value, openssl's words for its KU/EKU, SAN text).
const TYPES: [(&str, &str, &str, &str, &str); 7] = [
    (
        "ssl",
        "--cn",
        "srv.clinique-test.fr",
        "TLS Web Server Authentication, TLS Web Client Authentication",
        "DNS:srv.clinique-test.fr",
    ),
    (
        "smime",
        "--email",
        "messagerie@clinique-test.fr",
        "E-mail Protection",
        "email:messagerie@clinique-test.fr",
    ),
    (
        "serv-sign",
        "--cn",
        "sign.clinique-test.fr",
        "Digital Signature, Non Repudiation",
        "DNS:sign.clinique-test.fr",
    ),
    (
        "serv-conf",
        "--cn",
        "conf.clinique-test.fr",
        "Key Encipherment",
        "DNS:conf.clinique-test.fr",
    ),
    (
        "org-auth-cli",
        "--cn",
        "INSI-AUTO",
        "TLS Web Client Authentication",
        "",
    ),
    (
        "org-sign",
        "--cn",
        "DMP SIGNATURE",
        "Digital Signature, Non Repudiation",
        "",
    ),
    ("org-conf", "--cn", "ARCHIVES", "Key Encipherment", ""),
];

#[test]
fn every_type_is_issued_for_its_csr_with_the_test_profile() {
    let t = tempfile::tempdir().expect("tmp");
    let server = Server::new(t.path());
    let ws = &server.ws;
    let root_path = server.file("root.crt");
    let root = s(&root_path);
    let ca_path = server.file("ca.crt");
    let ca = s(&ca_path);
    for (kind, opt, cn, usage, san) in TYPES {
        let form = [&[opt, cn][..], &FORM].concat();
        let path = prepared_request(ws, kind, kind, &["--no-key-password"], &form);
        ok(ws, &["request", "generate", &path, "--csr-only"]);
        let csr_path = ws.join(format!("dossiers/{path}/{kind}.csr"));
        let csr = s(&csr_path);
        let out = t.path().join(format!("{kind}.pem"));
        ok(
            ws,
            &[
                "ra",
                "issue",
                s(&server.dir),
                "--type",
                kind,
                "--csr",
                csr,
                "--out",
                s(&out),
                "--crl-url",
                "http://127.0.0.1:9/CRL/ACI-EL-ORG-TEST.crl",
                "--ocsp-url",
                "http://127.0.0.1:9/ocsp",
                "--ca-issuers-url",
                "http://127.0.0.1:9/AC/ACI-EL-ORG-TEST.cer",
            ],
        );
        let text = tool_ok("openssl", &["x509", "-in", s(&out), "-noout", "-text"]);
        let subject = format!("Subject: C = FR, ST = Paris (75), O = HOPITAL DES 3. DAMES, OU = 11B0073160, CN = {cn}");
        assert!(text.contains(&subject), "{kind}: {text}");
        assert!(text.contains(usage), "{kind}: {usage} in {text}");
        assert_eq!(
            text.contains("Subject Alternative Name"),
            !san.is_empty(),
            "{kind}: {text}"
        );
        assert!(text.contains(san), "{kind}: {text}");
        for pointer in [
            "URI:http://127.0.0.1:9/CRL/ACI-EL-ORG-TEST.crl",
            "OCSP - URI:http://127.0.0.1:9/ocsp",
            "CA Issuers - URI:http://127.0.0.1:9/AC/ACI-EL-ORG-TEST.cer",
        ] {
            assert!(text.contains(pointer), "{kind}: {pointer} in {text}");
        }
        assert_eq!(
            text.contains("1.2.250.1.213.1.7.2.1.1.1.1"),
            kind == "ssl",
            "{kind}"
        );
        // The file holds the certificate then its chain; openssl verifies it.
        assert_eq!(
            std::fs::read_to_string(&out)
                .expect("pem")
                .matches("BEGIN CERTIFICATE")
                .count(),
            3
        );
        tool_ok(
            "openssl",
            &["verify", "-CAfile", root, "-untrusted", ca, s(&out)],
        );
        ok(
            ws,
            &["response", "import", &path, s(&out), "--trust-anchor", root],
        );
        let show: serde_json::Value =
            serde_json::from_str(&ok(ws, &["--json", "request", "show", &path])).expect("json");
        assert_eq!(show["state"], "certificate_imported", "{kind}");
    }
    // What the platform issued, `ra revoke` can revoke, as the card road's.
    let issued = t.path().join("org-auth-cli.pem");
    let serial = tool_ok("openssl", &["x509", "-in", s(&issued), "-noout", "-serial"]);
    let serial = serial.trim().trim_start_matches("serial=");
    ok(
        ws,
        &[
            "ra",
            "revoke",
            s(&server.dir),
            serial,
            "--reason",
            "superseded",
        ],
    );
    // A CSR whose names are not the type's is refused.
    let csr_path = ws.join("dossiers/F/ssl/ssl.csr");
    let csr = s(&csr_path);
    let out_path = t.path().join("refused.pem");
    let out = s(&out_path);
    let err = refused(
        ws,
        &[
            "ra",
            "issue",
            s(&server.dir),
            "--type",
            "smime",
            "--csr",
            csr,
            "--out",
            out,
        ],
    );
    assert!(err.contains("smime"), "{err}");
}

#[test]
fn the_platforms_p12_for_a_key_it_made_is_adopted_and_read_by_java() {
    let t = tempfile::tempdir().expect("tmp");
    let server = Server::new(t.path());
    let ws = &server.ws;
    let pw = secret_file(t.path(), "p12pw", "retrait-2026");
    let p12 = t.path().join("asip-p12-EL-TEST-ORG-AUTH_CLI.p12");
    ok(
        ws,
        &[
            "ra",
            "issue",
            s(&server.dir),
            "--new-key",
            "--type",
            "org-auth-cli",
            "--cn",
            "INSI-MANU",
            "--o",
            "HOPITAL DES 3. DAMES",
            "--ou",
            "11B0073160",
            "--st",
            "Paris (75)",
            "--out",
            s(&p12),
            "--p12-password-file",
            s(&pw),
        ],
    );
    let info = tool(
        "openssl",
        &[
            "pkcs12",
            "-info",
            "-nodes",
            "-in",
            s(&p12),
            "-passin",
            "pass:retrait-2026",
        ],
    );
    let err = String::from_utf8_lossy(&info.stderr);
    assert!(err.contains("MAC: sha1, Iteration 2048"), "{err}");
    assert!(
        err.contains("Shrouded Keybag: pbeWithSHA1And3-KeyTripleDES-CBC, Iteration 2048"),
        "{err}"
    );
    assert!(err.contains("PKCS7 Data\nCertificate bag"), "{err}");
    assert!(!err.contains("PKCS7 Encrypted data"), "{err}");
    let list = tool_ok(
        "keytool",
        &[
            "-list",
            "-storetype",
            "PKCS12",
            "-keystore",
            s(&p12),
            "-storepass",
            "retrait-2026",
        ],
    );
    assert_eq!(list.matches("PrivateKeyEntry").count(), 1, "{list}");

    let kp = secret_file(t.path(), "kp", "garde-cle");
    let out = cleo(
        ws,
        &[
            "request",
            "adopt",
            "ORG/insi",
            "--p12",
            s(&p12),
            "--p12-password-file",
            s(&pw),
            "--key-password-file",
            s(&kp),
            "--trust-anchor",
            s(&server.file("root.crt")),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let show: serde_json::Value =
        serde_json::from_str(&ok(ws, &["--json", "request", "show", "ORG/insi"])).expect("json");
    assert_eq!(show["type"], "org-auth-cli");
    assert_eq!(show["subject"]["cn"], "INSI-MANU");
}
