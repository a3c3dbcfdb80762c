//! The platform's `.p12` of an ORG AUTH_CLI certificate (DESIGN §2a):
//! shaped as IGC-Santé delivers it (key bag PBE-SHA1-3DES, certificates
//! unencrypted, SHA-1 MAC, 2 048 iterations, `CN=INSI-AUTO`, EKU
//! clientAuth), and in the modern AES form; adopted without `--type`, the
//! type told from the certificate, then exported as a `.p12` keytool reads
//! and as PEM.

use crate::support;

use std::path::{Path, PathBuf};
use support::ca::{new_csr, Key};
use support::*;

const SUBJECT: &str = "/C=FR/ST=Paris (75)/O=HOPITAL DES 3. DAMES/OU=11B0073160/CN=INSI-AUTO";
const AUTH_CLI: &str =
    "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\n";

fn s(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

/// An ORG AUTH_CLI key and certificate from a test CA, as a `.p12` made
/// with `form` (openssl pkcs12 options).
fn platform_p12(t: &Path, ca: &TestCa, name: &str, form: &[&str]) -> PathBuf {
    let (key, csr) = new_csr(t, name, SUBJECT, Key::Rsa);
    let crt = ca.issue_ext(&csr, name, AUTH_CLI);
    let out = t.join(format!("{name}.p12"));
    let (k, c, i, o) = (s(&key), s(&crt), s(&ca.inter), s(&out));
    let args = [
        "pkcs12",
        "-export",
        "-passout",
        "pass:pw-p12",
        "-inkey",
        &k,
        "-in",
        &c,
        "-certfile",
        &i,
        "-name",
        "INSI-AUTO",
        "-out",
        &o,
    ];
    tool_ok("openssl", &[&args[..], form].concat());
    out
}

fn adopt(ws: &Path, t: &Path, ca: &TestCa, path: &str, p12: &Path) -> std::process::Output {
    let (pp, kp) = (
        secret_file(t, "pp", "pw-p12"),
        secret_file(t, "kp", "pw-ws"),
    );
    cleo(
        ws,
        &[
            "request",
            "adopt",
            path,
            "--p12",
            &s(p12),
            "--p12-password-file",
            &s(&pp),
            "--key-password-file",
            &s(&kp),
            "--trust-anchor",
            &s(&ca.root),
        ],
    )
}

#[test]
fn the_platforms_auth_cli_p12_is_adopted_without_type_and_exported_for_java() {
    let tmp = tempfile::tempdir().expect("tmp");
    let t = tmp.path();
    let ws = t.join("ws");
    let ca = TestCa::new(t);
    let legacy = [
        "-keypbe",
        "PBE-SHA1-3DES",
        "-certpbe",
        "NONE",
        "-macalg",
        "sha1",
        "-iter",
        "2048",
    ];
    let p12 = platform_p12(t, &ca, "asip-p12-EL-TEST-ORG-AUTH_CLI", &legacy);
    // The file is shaped as the platform's.
    let info = tool(
        "openssl",
        &[
            "pkcs12",
            "-info",
            "-noout",
            "-in",
            &s(&p12),
            "-passin",
            "pass:pw-p12",
        ],
    );
    let info = String::from_utf8_lossy(&info.stderr).into_owned();
    assert!(info.contains("MAC: sha1, Iteration 2048"), "{info}");
    assert!(
        info.contains("pbeWithSHA1And3-KeyTripleDES-CBC, Iteration 2048"),
        "{info}"
    );
    assert!(info.contains("PKCS7 Data\nCertificate bag"), "{info}");

    let out = adopt(&ws, t, &ca, "ORG/insi", &p12);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("org-auth-cli (ORG AUTH_CLI)"),
        "the type is printed: {err}"
    );
    let show: serde_json::Value =
        serde_json::from_str(&ok(&ws, &["--json", "request", "show", "ORG/insi"])).expect("json");
    assert_eq!(show["type"], "org-auth-cli");
    assert_eq!(show["state"], "certificate_imported");
    assert_eq!(show["subject"]["cn"], "INSI-AUTO");
    assert_eq!(show["san"], serde_json::json!([]));

    // Exported for a Java client (INSi, DMP): one private-key entry named after the CN.
    let (pp, kp) = (
        secret_file(t, "pp2", "pw-export"),
        secret_file(t, "kp", "pw-ws"),
    );
    let out_p12 = t.join("out/insi.p12");
    ok(
        &ws,
        &[
            "export",
            "p12",
            "ORG/insi",
            "--out",
            &s(&out_p12),
            "--p12-password-file",
            &s(&pp),
            "--key-password-file",
            &s(&kp),
        ],
    );
    let list = tool_ok(
        "keytool",
        &[
            "-list",
            "-storetype",
            "PKCS12",
            "-keystore",
            &s(&out_p12),
            "-storepass",
            "pw-export",
        ],
    );
    assert_eq!(list.matches("PrivateKeyEntry").count(), 1, "{list}");
    assert!(list.to_ascii_lowercase().contains("insi-auto, "), "{list}");
    let info = tool(
        "openssl",
        &[
            "pkcs12",
            "-info",
            "-nokeys",
            "-in",
            &s(&out_p12),
            "-passin",
            "pass:pw-export",
        ],
    );
    assert!(String::from_utf8_lossy(&info.stdout).contains("friendlyName: INSI-AUTO"));

    // And as PEM: the key opens with its password and matches the certificate.
    let dir = t.join("pem");
    ok(
        &ws,
        &[
            "export",
            "pem",
            "ORG/insi",
            "--out",
            &s(&dir),
            "--key-password-file",
            &s(&kp),
        ],
    );
    let modulus = |args: &[&str]| tool_ok("openssl", args);
    assert_eq!(
        modulus(&[
            "x509",
            "-noout",
            "-modulus",
            "-in",
            &s(&dir.join("insi.crt"))
        ]),
        modulus(&[
            "rsa",
            "-noout",
            "-modulus",
            "-in",
            &s(&dir.join("insi.key")),
            "-passin",
            "pass:pw-ws"
        ]),
    );
    tool_ok(
        "openssl",
        &[
            "verify",
            "-CAfile",
            &s(&ca.root),
            "-untrusted",
            &s(&dir.join("insi.chain.pem")),
            "-purpose",
            "sslclient",
            &s(&dir.join("insi.crt")),
        ],
    );
}

#[test]
fn the_modern_aes_p12_is_adopted_too_and_a_wrong_type_is_refused_naming_both() {
    let tmp = tempfile::tempdir().expect("tmp");
    let t = tmp.path();
    let ws = t.join("ws");
    let ca = TestCa::new(t);
    let p12 = platform_p12(t, &ca, "modern", &[]);
    let info = tool(
        "openssl",
        &[
            "pkcs12",
            "-info",
            "-noout",
            "-in",
            &s(&p12),
            "-passin",
            "pass:pw-p12",
        ],
    );
    assert!(String::from_utf8_lossy(&info.stderr).contains("AES-256-CBC"));
    // Told it is for an SSL server, adopt refuses and says what it is for.
    ok(&ws, &["folder", "create", "ORG"]);
    let before = snapshot(&ws);
    let (pp, kp) = (
        secret_file(t, "pp", "pw-p12"),
        secret_file(t, "kp", "pw-ws"),
    );
    let err = refused(
        &ws,
        &[
            "request",
            "adopt",
            "ORG/ssl",
            "--type",
            "ssl",
            "--p12",
            &s(&p12),
            "--p12-password-file",
            &s(&pp),
            "--key-password-file",
            &s(&kp),
            "--trust-anchor",
            &s(&ca.root),
        ],
    );
    for part in [
        "AUTH_CLI",
        "EKU clientAuth",
        "SERV SSL_SERV",
        "EKU serverAuth",
    ] {
        assert!(err.contains(part), "{part} in {err}");
    }
    assert_eq!(snapshot(&ws), before, "a refusal writes nothing");
    let out = adopt(&ws, t, &ca, "ORG/modern", &p12);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let show: serde_json::Value =
        serde_json::from_str(&ok(&ws, &["--json", "request", "show", "ORG/modern"])).expect("json");
    assert_eq!(show["type"], "org-auth-cli");
}
