//! The manual procedure from the command line, end to end, every file
//! checked by the tools that will consume it (openssl, keytool).

use crate::support;

use std::path::Path;
use support::ca::{Issued, Key};
use support::ra::SSL_FORM;
use support::*;

const KEY_PW: &str = "clé serveur 2026";
const P12_PW: &str = "installateur";

/// Runs the whole flow for one request; returns (request dir, out dir).
fn flow(
    tmp: &Path,
    kind: &str,
    edit: &[&str],
    eku: &str,
) -> (std::path::PathBuf, std::path::PathBuf) {
    let ws = tmp.join("ws");
    let kp = secret_file(tmp, "key.pw", KEY_PW);
    let pp = secret_file(tmp, "p12.pw", P12_PW);
    let kp = kp.to_str().expect("utf8");
    let pp = pp.to_str().expect("utf8");
    assert!(ok(&ws, &["folder", "create"]).contains("Dossier 1"));
    ok(&ws, &["request", "create", "Dossier 1", "--type", kind]);
    let req = "Dossier 1/Demande 1";
    ok(&ws, &["keys", "generate", req, "--key-password-file", kp]);
    let mut args = vec!["request", "edit", req];
    args.extend_from_slice(edit);
    ok(&ws, &args);
    ok(
        &ws,
        &[
            "request",
            "generate",
            req,
            "--csr-only",
            "--key-password-file",
            kp,
        ],
    );
    let dir = ws.join("dossiers/Dossier 1/Demande 1");
    let csr = dir.join("Demande 1.csr");
    let csr_s = csr.to_str().expect("utf8");
    let text = tool_ok(
        "openssl",
        &["req", "-in", csr_s, "-verify", "-noout", "-text"],
    );
    assert!(text.contains("Subject Alternative Name"), "{text}");

    let ca = TestCa::new(tmp);
    let leaf = ca.issue(&csr, "leaf", eku);
    let p7c = ca.p7c(&leaf, &tmp.join("smime.p7c"), false);
    let show = ok(
        &ws,
        &[
            "response",
            "import",
            req,
            p7c.to_str().expect("utf8"),
            "--trust-anchor",
            ca.root.to_str().expect("utf8"),
        ],
    );
    assert!(show.contains("certificate imported"), "{show}");

    let out = tmp.join("out");
    ok(
        &ws,
        &[
            "export",
            "pem",
            req,
            "--out",
            out.to_str().expect("utf8"),
            "--key-password-file",
            kp,
        ],
    );
    for (legacy, name) in [(false, "modern.p12"), (true, "legacy.p12")] {
        let p12 = out.join(name);
        let mut args = vec![
            "export",
            "p12",
            req,
            "--out",
            p12.to_str().expect("utf8"),
            "--p12-password-file",
            pp,
            "--key-password-file",
            kp,
        ];
        if legacy {
            args.push("--legacy");
        }
        ok(&ws, &args);
    }
    (dir, out)
}

fn check_exports(out: &Path, tmp: &Path) {
    let key = out.join("Demande 1.key");
    let crt = out.join("Demande 1.crt");
    let (key_s, crt_s) = (key.to_str().expect("utf8"), crt.to_str().expect("utf8"));
    // The key opens with its password only.
    let pass = format!("pass:{KEY_PW}");
    tool_ok(
        "openssl",
        &["pkey", "-in", key_s, "-passin", &pass, "-noout"],
    );
    assert!(!tool(
        "openssl",
        &["pkey", "-in", key_s, "-passin", "pass:wrong", "-noout"]
    )
    .status
    .success());
    assert!(!tool(
        "openssl",
        &["pkey", "-in", key_s, "-passin", "pass:", "-noout"]
    )
    .status
    .success());
    // The certificate matches the key.
    let m1 = tool_ok("openssl", &["x509", "-in", crt_s, "-noout", "-modulus"]);
    let m2 = tool_ok(
        "openssl",
        &["rsa", "-in", key_s, "-passin", &pass, "-noout", "-modulus"],
    );
    assert_eq!(m1, m2);
    // fullchain = leaf + intermediate: it verifies against the root alone.
    let full = out.join("Demande 1.fullchain.pem");
    let full_text = std::fs::read_to_string(&full).expect("fullchain");
    assert_eq!(full_text.matches("BEGIN CERTIFICATE").count(), 2);
    tool_ok(
        "openssl",
        &[
            "verify",
            "-CAfile",
            &tmp.join("root.crt").to_string_lossy(),
            "-untrusted",
            &full.to_string_lossy(),
            crt_s,
        ],
    );
    // Key file 0600.
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&key).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);

    for name in ["modern.p12", "legacy.p12"] {
        let p12 = out.join(name);
        let p = p12.to_str().expect("utf8");
        let good = format!("pass:{P12_PW}");
        // No -legacy flag needed, for both profiles.
        let certs = tool_ok(
            "openssl",
            &["pkcs12", "-in", p, "-passin", &good, "-nokeys"],
        );
        assert_eq!(
            certs.matches("BEGIN CERTIFICATE").count(),
            3,
            "{name}: leaf + chain"
        );
        tool_ok(
            "openssl",
            &["pkcs12", "-in", p, "-passin", &good, "-nocerts", "-nodes"],
        );
        assert!(!tool(
            "openssl",
            &["pkcs12", "-in", p, "-passin", "pass:wrong", "-nokeys"]
        )
        .status
        .success());
        let list = tool_ok(
            "keytool",
            &[
                "-list",
                "-v",
                "-storetype",
                "PKCS12",
                "-keystore",
                p,
                "-storepass",
                P12_PW,
            ],
        );
        assert!(list.contains("PrivateKeyEntry"), "{list}");
        assert!(list.contains("Certificate chain length: 3"), "{list}");
    }
}

#[test]
fn ssl_request_from_folder_to_p12() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (dir, out) = flow(tmp.path(), "ssl", SSL_FORM, "serverAuth,clientAuth");
    let csr = dir.join("Demande 1.csr");
    let text = tool_ok(
        "openssl",
        &["req", "-in", &csr.to_string_lossy(), "-noout", "-text"],
    );
    assert!(
        text.contains("DNS:srv.clinique.example.fr, DNS:www.clinique.example.fr"),
        "{text}"
    );
    assert!(text.contains("C = FR, ST = Sarthe (72), L = Le Mans, O = Clinique du Test, OU = 318751275100020, CN = srv.clinique.example.fr"), "{text}");
    check_exports(&out, tmp.path());
    let json: serde_json::Value = serde_json::from_str(&ok(
        &tmp.path().join("ws"),
        &["--json", "request", "show", "Dossier 1/Demande 1"],
    ))
    .expect("json");
    assert_eq!(json["state"], "certificate_imported");
    assert_eq!(json["key_encrypted"], true);
    assert_eq!(json["key_bits"], 2048);
    let actions: Vec<&str> = json["journal"]
        .as_array()
        .expect("journal")
        .iter()
        .filter_map(|j| j["action"].as_str())
        .collect();
    assert_eq!(
        actions,
        [
            "keys_generate",
            "form_edit",
            "request_generate",
            "response_import",
            "export_pem",
            "export_p12",
            "export_p12"
        ]
    );
    // The key password is nowhere in the workspace.
    assert_nowhere(&tmp.path().join("ws"), &[KEY_PW]);
}

#[test]
fn smime_request_from_folder_to_p12() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (dir, out) = flow(
        tmp.path(),
        "smime",
        &[
            "--email",
            "messagerie@clinique.example.fr",
            "--o",
            "Clinique du Test",
            "--ou",
            "10B0152872",
        ],
        "emailProtection",
    );
    let csr = dir.join("Demande 1.csr");
    let text = tool_ok(
        "openssl",
        &["req", "-in", &csr.to_string_lossy(), "-noout", "-text"],
    );
    assert!(
        text.contains("email:messagerie@clinique.example.fr"),
        "{text}"
    );
    assert!(
        text.contains("CN = messagerie@clinique.example.fr"),
        "{text}"
    );
    check_exports(&out, tmp.path());
}

#[test]
fn clear_key_needs_the_flag_and_warns() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    ok(&ws, &["folder", "create", "F"]);
    ok(&ws, &["request", "create", "F/r", "--type", "ssl"]);
    // No password file, no terminal, no --no-key-password: refused.
    refused(&ws, &["keys", "generate", "F/r"]);
    let out = cleo(
        &ws,
        &[
            "keys",
            "generate",
            "F/r",
            "--no-key-password",
            "--bits",
            "3072",
        ],
    );
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("without a password"));
    let key = ws.join("dossiers/F/r/r.key");
    let text = tool_ok(
        "openssl",
        &["pkey", "-in", &key.to_string_lossy(), "-noout", "-text"],
    );
    assert!(text.contains("3072 bit"), "{text}");
    // 1024 only with --legacy-1024, and with a warning.
    let err = refused(
        &ws,
        &[
            "keys",
            "generate",
            "F/r",
            "--bits",
            "1024",
            "--no-key-password",
            "--replace",
        ],
    );
    assert!(err.contains("--legacy-1024"), "{err}");
    let out = cleo(
        &ws,
        &[
            "keys",
            "generate",
            "F/r",
            "--legacy-1024",
            "--no-key-password",
            "--replace",
        ],
    );
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("2048"));
}

#[test]
fn order_is_enforced_and_refusals_change_nothing() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    let kp = secret_file(tmp.path(), "k", "pw1");
    let kp = kp.to_str().expect("utf8");
    ok(&ws, &["folder", "create", "F"]);
    ok(&ws, &["request", "create", "F/r", "--type", "ssl"]);
    let cert = Issued::self_signed(tmp.path(), "any", "/CN=x", Key::Rsa, 30, "").crt;
    let cert = cert.to_str().expect("utf8");

    // Import before keys.
    let before = snapshot(&ws);
    let err = refused(&ws, &["response", "import", "F/r", cert]);
    assert!(err.contains("Step 1"), "{err}");
    // Generation before keys.
    refused(&ws, &["request", "generate", "F/r", "--csr-only"]);
    assert_eq!(snapshot(&ws), before);

    ok(&ws, &["keys", "generate", "F/r", "--key-password-file", kp]);
    // Generate with an incomplete form.
    let err = refused(
        &ws,
        &[
            "request",
            "generate",
            "F/r",
            "--csr-only",
            "--key-password-file",
            kp,
        ],
    );
    assert!(err.contains("missing"), "{err}");
    // Keys again without --replace.
    let err = refused(&ws, &["keys", "generate", "F/r", "--key-password-file", kp]);
    assert!(err.contains("--replace"), "{err}");
    ok(&ws, &["request", "edit", "F/r", "--cn", "a.example.fr"]);
    ok(
        &ws,
        &[
            "request",
            "generate",
            "F/r",
            "--csr-only",
            "--key-password-file",
            kp,
        ],
    );

    let before = snapshot(&ws);
    let err = refused(&ws, &["request", "edit", "F/r", "--cn", "b.example.fr"]);
    assert!(err.contains("cannot be changed"), "{err}");
    let err = refused(
        &ws,
        &[
            "keys",
            "generate",
            "F/r",
            "--key-password-file",
            kp,
            "--replace",
        ],
    );
    assert!(err.contains("can no longer change"), "{err}");
    refused(&ws, &["keys", "generate", "F/r", "--key-password-file", kp]);
    refused(
        &ws,
        &[
            "request",
            "generate",
            "F/r",
            "--csr-only",
            "--key-password-file",
            kp,
        ],
    );
    refused(
        &ws,
        &[
            "export",
            "pem",
            "F/r",
            "--out",
            &tmp.path().join("o").to_string_lossy(),
        ],
    );
    assert_eq!(snapshot(&ws), before);
    assert!(!tmp.path().join("o").exists());

    // A certificate for another key is refused, state unchanged.
    let err = refused(&ws, &["response", "import", "F/r", cert]);
    assert!(err.contains("another key"), "{err}");
    assert_eq!(snapshot(&ws), before);
}

#[test]
fn bad_input_is_refused_with_one_line_and_nothing_written() {
    let tmp = tempfile::tempdir().expect("tmp");
    let t = tmp.path();
    let ws = t.join("ws");
    let kp = secret_file(t, "k", "pw1");
    let kp = kp.to_str().expect("utf8");
    ok(&ws, &["folder", "create", "F"]);
    ok(&ws, &["request", "create", "F/r", "--type", "ssl"]);
    ok(&ws, &["keys", "generate", "F/r", "--key-password-file", kp]);
    ok(&ws, &["request", "edit", "F/r", "--cn", "a.example.fr"]);
    ok(
        &ws,
        &[
            "request",
            "generate",
            "F/r",
            "--csr-only",
            "--key-password-file",
            kp,
        ],
    );
    let ca = TestCa::new(t);
    let leaf = ca.issue(&ws.join("dossiers/F/r/r.csr"), "leaf", "serverAuth");
    let p7c = std::fs::read(ca.p7c(&leaf, &t.join("good.p7c"), false)).expect("p7c");
    std::fs::write(t.join("truncated.p7c"), &p7c[..p7c.len() / 2]).expect("w");
    std::fs::write(
        t.join("random.bin"),
        (0..2000u32)
            .map(|i| (i * 7919 % 251) as u8)
            .collect::<Vec<u8>>(),
    )
    .expect("w");
    std::fs::write(t.join("empty.pw"), "\n").expect("w");

    let before = snapshot(&ws);
    for file in ["truncated.p7c", "random.bin"] {
        refused(
            &ws,
            &["response", "import", "F/r", &t.join(file).to_string_lossy()],
        );
    }
    refused(
        &ws,
        &[
            "response",
            "import",
            "F/r",
            &t.join("missing.p7c").to_string_lossy(),
        ],
    );
    assert_eq!(snapshot(&ws), before);

    // Empty password file.
    ok(&ws, &["request", "create", "F/r2", "--type", "ssl"]);
    let before = snapshot(&ws);
    let err = refused(
        &ws,
        &[
            "keys",
            "generate",
            "F/r2",
            "--key-password-file",
            &t.join("empty.pw").to_string_lossy(),
        ],
    );
    assert!(err.contains("first line is empty"), "{err}");
    assert_eq!(snapshot(&ws), before);

    // A workspace path that is a file.
    let file = t.join("plainfile");
    std::fs::write(&file, "x").expect("w");
    let err = refused(&file, &["folder", "list"]);
    assert!(err.contains("not a directory"), "{err}");
    assert_eq!(std::fs::read(&file).expect("r"), b"x");

    // Usage errors exit 2.
    assert_eq!(
        cleo(&ws, &["request", "create", "F/x", "--type", "tls"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn french_messages_follow_lang() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    // An existing workspace: on a missing one, `request show` says that instead.
    ok(&ws, &["folder", "create", "F"]);
    let out = output(
        cleocps(tmp.path())
            .arg("--workspace")
            .arg(&ws)
            .args(["request", "show", "X/y"])
            .env("LANG", "fr_FR.UTF-8"),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("introuvable"));
}
