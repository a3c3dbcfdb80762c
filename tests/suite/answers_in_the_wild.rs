//! Answers as they arrive in the wild (DESIGN §4), imported from the CLI:
//! a `.p7c` in BER with indefinite lengths, a whole saved mail (`.eml`),
//! and text pasted into a file (PEM, bare base64). Trust is still checked.

use crate::support;

use std::path::{Path, PathBuf};
use support::ca::indefinite;
use support::services::{ADMIN, DOMAIN, INSCRIPTION};
use support::*;

const REQ: &str = "F/r";
const FQDN: &str = "srv.clinique.example.fr";

/// A CSR-only request `F/r`, a CA and the certificate it issued for it.
fn issued(t: &Path) -> (PathBuf, TestCa, PathBuf) {
    let ws = t.join("ws");
    std::fs::create_dir_all(t).expect("sandbox");
    prepared_request(&ws, "r", "ssl", &["--no-key-password"], &["--cn", FQDN]);
    ok(&ws, &["request", "generate", REQ, "--csr-only"]);
    let ca_dir = t.join("ca");
    std::fs::create_dir_all(&ca_dir).expect("ca dir");
    let ca = TestCa::new(&ca_dir);
    let leaf = ca.issue(&ws.join("dossiers/F/r/r.csr"), "leaf", "serverAuth");
    (ws, ca, leaf)
}

fn state(ws: &Path) -> String {
    let json = std::fs::read(ws.join("dossiers/F/r/request.json")).expect("request.json");
    let v: serde_json::Value = serde_json::from_slice(&json).expect("json");
    v["state"].as_str().unwrap_or_default().to_string()
}

/// `response import` of `file`, trusting the CA's root.
fn import(ws: &Path, file: &Path, root: &Path) -> String {
    ok(
        ws,
        &[
            "response",
            "import",
            REQ,
            s(file),
            "--trust-anchor",
            s(root),
        ],
    )
}

/// The imported certificate is the one the CA issued.
fn assert_imported(ws: &Path, leaf: &Path) {
    assert_eq!(state(ws), "certificate_imported");
    assert_eq!(
        fingerprint(&ws.join("dossiers/F/r/r.crt")),
        fingerprint(leaf)
    );
}

#[test]
fn a_ber_p7c_with_indefinite_lengths_is_imported_once_trusted() {
    let tmp = tempfile::tempdir().expect("tmp");
    let t = tmp.path();
    let (ws, ca, leaf) = issued(t);
    let der = std::fs::read(ca.p7c(&leaf, &t.join("der.p7c"), false)).expect("p7c");
    let ber = indefinite(&der, 4);
    assert_eq!(&ber[..2], &[0x30, 0x80], "indefinite length");
    let file = t.join("smime.p7c");
    std::fs::write(&file, &ber).expect("ber");
    // openssl reads it as the same PKCS#7.
    let printed = tool_ok(
        "openssl",
        &["pkcs7", "-inform", "DER", "-in", s(&file), "-print_certs"],
    );
    assert!(printed.contains(FQDN), "{printed}");

    // Read, and still checked: without its root it is not trusted.
    let err = refused(&ws, &["response", "import", REQ, s(&file)]);
    assert!(err.contains("TEST AC RACINE"), "the trust check: {err}");
    assert_eq!(state(&ws), "request_generated");
    let out = import(&ws, &file, &ca.root);
    assert!(out.contains("certificate imported"), "{out}");
    assert_imported(&ws, &leaf);
}

/// The answer mail of the registration server (DESIGN §5), as a mail
/// client saves it: headers, text part and the `smime.p7c` attachment.
fn saved_mail(p7c: &[u8]) -> Vec<u8> {
    let from = format!("{}@{DOMAIN}", INSCRIPTION.0);
    let to = format!("{}@{DOMAIN}", ADMIN.0);
    let text = "Votre certificat est joint (smime.p7c).";
    support::mail::mail_with(
        &from,
        &to,
        Some("<answer.1@ra.test.local>".into()),
        Some("<req.1@cleocps>"),
        "Re: Demande de certificat serveur CPS-0001",
        Some(p7c),
        text,
    )
}

#[test]
fn a_saved_answer_mail_is_imported() {
    let tmp = tempfile::tempdir().expect("tmp");
    let t = tmp.path();
    let (ws, ca, leaf) = issued(t);
    let der = std::fs::read(ca.p7c(&leaf, &t.join("der.p7c"), false)).expect("p7c");
    // A mail client's "Enregistrer sous" keeps an mbox line on top, some don't.
    let eml = t.join("Réponse.eml");
    let mut mbox = b"From - Sun Nov 29 17:00:00 2026\r\nX-Mozilla-Status: 0001\r\n".to_vec();
    mbox.extend(saved_mail(&indefinite(&der, 4)));
    std::fs::write(&eml, &mbox).expect("eml");
    import(&ws, &eml, &ca.root);
    assert_imported(&ws, &leaf);
    // What is kept as the answer is the certificates, not the mail.
    let kept = std::fs::read(ws.join("dossiers/F/r/smime.p7c")).expect("answer kept");
    assert!(!String::from_utf8_lossy(&kept).contains("Subject:"));

    // A mail without certificates is refused, saying it holds none.
    let (ws2, _, _) = issued(&t.join("2"));
    let text = support::mail::mail_with(
        &format!("{}@{DOMAIN}", INSCRIPTION.0),
        &format!("{}@{DOMAIN}", ADMIN.0),
        None,
        None,
        "Bonjour",
        None,
        "Rien ici.",
    );
    std::fs::write(t.join("vide.eml"), text).expect("eml");
    let err = refused(&ws2, &["response", "import", REQ, s(&t.join("vide.eml"))]);
    assert!(err.contains("neither a certificate"), "{err}");
}

#[test]
fn pasted_text_pem_or_bare_base64_is_imported() {
    use base64::Engine;
    let tmp = tempfile::tempdir().expect("tmp");
    let t = tmp.path();
    let (ws, ca, leaf) = issued(t);
    let der = std::fs::read(ca.p7c(&leaf, &t.join("der.p7c"), false)).expect("p7c");
    // Base64 of the BER file, cut in lines, with the blanks a terminal adds.
    let b64 = base64::engine::general_purpose::STANDARD.encode(indefinite(&der, 4));
    let mut pasted = String::from("\n");
    for line in b64.as_bytes().chunks(64) {
        pasted.push_str("  ");
        pasted.push_str(std::str::from_utf8(line).expect("ascii"));
        pasted.push('\n');
    }
    let file = t.join("colle.txt");
    std::fs::write(&file, pasted).expect("pasted");
    import(&ws, &file, &ca.root);
    assert_imported(&ws, &leaf);

    // PEM blocks with the text around them that a copy picks up.
    let (ws2, ca2, leaf2) = issued(&t.join("2"));
    let pem = format!(
        "Voici votre certificat :\n{}{}\n",
        std::fs::read_to_string(&leaf2).expect("leaf"),
        std::fs::read_to_string(&ca2.inter).expect("inter")
    );
    std::fs::write(t.join("colle.pem"), pem).expect("pem");
    import(&ws2, &t.join("colle.pem"), &ca2.root);
    assert_imported(&ws2, &leaf2);
}

#[test]
fn text_pasted_on_standard_input_is_imported() {
    use std::io::Write;
    use std::process::Stdio;
    let tmp = tempfile::tempdir().expect("tmp");
    let t = tmp.path();
    let (ws, ca, leaf) = issued(t);
    let mut pem = std::fs::read(&leaf).expect("leaf");
    pem.extend(std::fs::read(&ca.inter).expect("inter"));
    let mut child = cleocps(t)
        .args(["--workspace", s(&ws), "--lang", "en"])
        .args([
            "response",
            "import",
            REQ,
            "-",
            "--trust-anchor",
            s(&ca.root),
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cleocps");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(&pem)
        .expect("paste");
    let out = child.wait_with_output().expect("wait");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_imported(&ws, &leaf);
}
