//! CleoWizard on the platform's road from the command line: the request and
//! the platform's steps, a stop (exit 3, resumable), the certificate an
//! openssl CA issued given back with `--resume --cert`, the wizard's files
//! checked by openssl; a first run given `--cert` at once; a certificate
//! for another key refused, the run still resumable.

use crate::support;

use std::path::{Path, PathBuf};
use support::ca::{new_csr, pem_bundle, Key};
use support::*;

/// A configuration trusting the test CA, with the structure's defaults.
fn config(t: &Path, ca: &TestCa) -> PathBuf {
    let path = t.join("config.json");
    let json = serde_json::json!({
        "trust": {"anchors": [s(&ca.root)], "intermediates": s(&ca.inter)},
        "subject_defaults": {"o": "Clinique du Test", "ou": "1720012345", "st": "Sarthe (72)"}
    });
    std::fs::write(&path, json.to_string()).expect("config");
    path
}

fn wizard(ws: &Path, cfg: &Path, args: &[&str]) -> std::process::Output {
    cleo(ws, &[&["--config", s(cfg), "wizard"], args].concat())
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn org_auth_cli_stops_at_the_csr_then_resumes_with_the_certificate() {
    let tmp = tempfile::tempdir().expect("tmp");
    let t = tmp.path();
    let (ws, ca) = (t.join("ws"), TestCa::new(t));
    let cfg = config(t, &ca);
    let args = [
        "--type",
        "org-auth-cli",
        "--route",
        "platform",
        "--cn",
        "INSI-AUTO",
    ];
    let out = wizard(&ws, &cfg, &args);
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stderr));
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    for step in ["Demander", "ORG", "Demander un nouveau produit", "AUTH_CLI"] {
        assert!(stderr.contains(step), "{step} in {stderr}");
    }
    assert!(stderr.contains("--resume --cert"), "{stderr}");
    // The CSR printed is the request's, with the structure's subject.
    let csr = t.join("printed.csr");
    std::fs::write(&csr, &stdout).expect("csr");
    let req = tool_ok(
        "openssl",
        &["req", "-in", s(&csr), "-noout", "-subject", "-verify"],
    );
    assert!(req.contains("OU = 1720012345, CN = INSI-AUTO"), "{req}");
    let show = ok(&ws, &["--json", "request", "show", "CleoWizard/Demande 1"]);
    let v: serde_json::Value = serde_json::from_str(&show).expect("json");
    assert_eq!(v["state"], "request_generated");
    assert_eq!(v["type"], "org-auth-cli");

    // Resumed without the certificate: the CSR again, still exit 3.
    let again = wizard(&ws, &cfg, &["--resume"]);
    assert_eq!(again.status.code(), Some(3), "{}", text(&again.stderr));
    assert_eq!(text(&again.stdout), stdout);

    // A certificate for another key is refused; the run stays resumable.
    let (_, other_csr) = new_csr(t, "other", "/CN=INSI-AUTO", Key::Rsa);
    let ext = "keyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\n";
    let foreign = ca.issue_ext(&other_csr, "foreign", ext);
    let out = wizard(&ws, &cfg, &["--resume", "--cert", s(&foreign)]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(!ws.join("wizard/Requete_Wizard.p12").exists());

    let issued = ca.issue_ext(&csr, "insi", ext);
    let p7b = ca.p7c(&issued, &t.join("insi.p7b"), false);
    let out = wizard(&ws, &cfg, &["--resume", "--cert", s(&p7b)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    // The deploy's hint quotes the name, which has a space.
    assert!(
        stderr.contains("cleocps deploy \"CleoWizard/Demande 1\" --cert"),
        "{stderr}"
    );
    let dir = ws.join("wizard");
    let secrets = std::fs::read_to_string(dir.join("password.txt")).expect("password.txt");
    let key_pw = line_of(&secrets, "key=");
    let p12_pw = line_of(&secrets, "p12=");
    assert!(key_pw.len() >= 20 && p12_pw.len() >= 20 && key_pw != p12_pw);
    check_files(&dir, &key_pw, &p12_pw, "INSI-AUTO");
    let v: serde_json::Value = serde_json::from_str(&ok(
        &ws,
        &["--json", "request", "show", "CleoWizard/Demande 1"],
    ))
    .expect("json");
    assert_eq!(v["state"], "certificate_imported");
}

#[test]
fn ssl_without_a_registration_server_takes_the_platform_road() {
    let tmp = tempfile::tempdir().expect("tmp");
    let t = tmp.path();
    let (ws, ca) = (t.join("ws"), TestCa::new(t));
    let cfg = config(t, &ca);
    // No --route: no registration server, so the platform; the key clear.
    let args = [
        "--type",
        "ssl",
        "--cn",
        "Srv.Clinique-Test.fr.",
        "--no-key-password",
    ];
    let out = wizard(&ws, &cfg, &args);
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stderr));
    let csr = t.join("srv.csr");
    std::fs::write(&csr, &out.stdout).expect("csr");
    let ext = "subjectAltName=DNS:srv.clinique-test.fr\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n";
    let issued = ca.issue_ext(&csr, "srv", ext);
    let bundle = pem_bundle(&t.join("bundle.pem"), &[&issued, &ca.inter]);
    let out = wizard(&ws, &cfg, &["--resume", "--cert", s(&bundle)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let dir = ws.join("wizard");
    let key = std::fs::read_to_string(dir.join("Requete_Wizard.key")).expect("key");
    assert!(key.starts_with("-----BEGIN PRIVATE KEY-----"));
    let secrets = std::fs::read_to_string(dir.join("password.txt")).expect("password.txt");
    check_files(&dir, "", &line_of(&secrets, "p12="), "srv.clinique-test.fr");

    // A second run keeps the first's files in historique/.
    let args = [
        "--type",
        "ssl",
        "--route",
        "platform",
        "--cn",
        "web.clinique-test.fr",
    ];
    assert_eq!(wizard(&ws, &cfg, &args).status.code(), Some(3));
    let out = wizard(&ws, &cfg, &["--resume"]);
    let csr2 = t.join("web.csr");
    std::fs::write(&csr2, &out.stdout).expect("csr");
    let ext = "subjectAltName=DNS:web.clinique-test.fr\nextendedKeyUsage=serverAuth\n";
    // The leaf alone, in DER: its issuer from trust.intermediates.
    let pem = ca.issue_ext(&csr2, "web", ext);
    let der = t.join("web.der");
    tool_ok(
        "openssl",
        &["x509", "-in", s(&pem), "-outform", "DER", "-out", s(&der)],
    );
    let out = wizard(&ws, &cfg, &["--resume", "--cert", s(&der)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let kept: Vec<_> = std::fs::read_dir(dir.join("historique"))
        .expect("historique")
        .collect();
    assert_eq!(kept.len(), 1);
}

fn line_of(text: &str, prefix: &str) -> String {
    text.lines()
        .find_map(|l| l.strip_prefix(prefix))
        .unwrap_or_default()
        .to_string()
}

/// The wizard's files, read by openssl: the certificate names `cn`, the key
/// (under `key_pw` when there is one) matches it, the `.p12` opens with
/// `p12_pw`; the key and password.txt are 0600.
fn check_files(dir: &Path, key_pw: &str, p12_pw: &str, cn: &str) {
    use std::os::unix::fs::PermissionsExt;
    let crt = dir.join("Requete_Wizard.crt");
    let subject = tool_ok("openssl", &["x509", "-in", s(&crt), "-noout", "-subject"]);
    assert!(subject.contains(&format!("CN = {cn}")), "{subject}");
    let modulus = |args: &[&str]| tool_ok("openssl", args);
    let cert_mod = modulus(&["x509", "-in", s(&crt), "-noout", "-modulus"]);
    let key = dir.join("Requete_Wizard.key");
    let pass = format!("pass:{key_pw}");
    let mut args = vec!["rsa", "-in", s(&key), "-noout", "-modulus"];
    if !key_pw.is_empty() {
        args.extend(["-passin", &pass]);
    }
    assert_eq!(modulus(&args), cert_mod);
    let p12 = dir.join("Requete_Wizard.p12");
    let pass = format!("pass:{p12_pw}");
    let info = tool_ok(
        "openssl",
        &[
            "pkcs12",
            "-in",
            s(&p12),
            "-passin",
            &pass,
            "-nokeys",
            "-clcerts",
        ],
    );
    assert!(info.contains(&format!("CN = {cn}")), "{info}");
    for f in [&key, &dir.join("password.txt")] {
        let mode = std::fs::metadata(f).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{}", f.display());
    }
}
