//! Helpers of the mail and directory tests: a request ready to send, answer
//! mails, the mailbox as the registration server sees it.

use super::services::{Stack, ADMIN, DOMAIN, INSCRIPTION};
use super::*;
use cleocps_core::config::{ImapConfig, Security, SmtpConfig};
use cleocps_core::request::Generation;
use cleocps_core::workspace::{RequestFile, Workspace};
use lettre::message::header::ContentType;
use lettre::message::{Attachment, MultiPart, SinglePart};
use std::path::Path;

pub const REQ: &str = "Dossier 1/Demande 1";
pub const FQDN: &str = "a.clinique.test.local";

/// A request in `request_generated` with a `.p7m` (random DER-like bytes:
/// the mail layer only carries the file). Returns the `.p7m` bytes.
pub fn generated_request(ws: &Path) -> Vec<u8> {
    ok(ws, &["folder", "create"]);
    ok(ws, &["request", "create", "Dossier 1", "--type", "ssl"]);
    ok(ws, &["keys", "generate", REQ, "--no-key-password"]);
    ok(ws, &["request", "edit", REQ, "--cn", FQDN]);
    ok(ws, &["request", "generate", REQ, "--csr-only"]);
    let w = Workspace::open(ws).expect("ws");
    let mut req = w.find(REQ).expect("req");
    let p7m: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    w.write_file(&req, RequestFile::P7m, &p7m).expect("p7m");
    req.generation = Some(Generation::Card);
    w.save(&req).expect("save");
    p7m
}

pub fn request_json(ws: &Path) -> serde_json::Value {
    let p = ws.join("dossiers/Dossier 1/Demande 1/request.json");
    serde_json::from_slice(&std::fs::read(p).expect("request.json")).expect("json")
}

pub fn state(ws: &Path) -> String {
    request_json(ws)["state"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// Writes `config` as a file and returns its path (as a string for args).
pub fn write_config(dir: &Path, name: &str, config: &serde_json::Value) -> String {
    let p = dir.join(name);
    std::fs::write(&p, serde_json::to_vec_pretty(config).expect("json")).expect("config");
    p.to_string_lossy().into_owned()
}

/// Runs cleocps with `--config`.
pub fn cleo_cfg(ws: &Path, config: &str, args: &[&str]) -> std::process::Output {
    let mut all = vec!["--config", config];
    all.extend_from_slice(args);
    cleo(ws, &all)
}

/// Hands a ready-made mail to the test SMTP server (plain on loopback, no AUTH).
pub fn deliver(stack: &Stack, to_user: &str, raw: &[u8]) {
    let c = SmtpConfig {
        host: "127.0.0.1".into(),
        port: Some(stack.smtp_port),
        security: Security::Plain,
        user: None,
        password_file: None,
        ca_file: None,
        tls_fingerprint: None,
        timeout_s: Some(5),
        allow_plaintext: false,
    };
    let env = lettre::address::Envelope::new(
        Some(format!("{}@{DOMAIN}", INSCRIPTION.0).parse().expect("from")),
        vec![format!("{to_user}@{DOMAIN}").parse().expect("to")],
    )
    .expect("envelope");
    cleocps_core::mail::smtp::send_raw(&c, &env, raw).expect("deliver");
}

/// The raw mails of `user`'s INBOX, read over IMAP STARTTLS.
pub fn mailbox(stack: &Stack, user: (&str, &str)) -> Vec<Vec<u8>> {
    let pw = stack.password_file(&format!("{}.imap", user.0), user.1);
    let c = ImapConfig {
        host: "127.0.0.1".into(),
        port: Some(stack.imap_port),
        security: Security::Starttls,
        user: user.0.into(),
        password_file: Some(pw),
        ca_file: Some(stack.ca.clone()),
        tls_fingerprint: None,
        mailbox: None,
        timeout_s: Some(5),
        allow_plaintext: false,
    };
    cleocps_core::mail::imap::fetch_all(&c).expect("imap")
}

/// An answer of the registration server: `smime.p7c` or a `REJET:` text.
pub fn answer_mail(
    in_reply_to: Option<&str>,
    subject: &str,
    p7c: Option<&[u8]>,
    text: &str,
) -> Vec<u8> {
    let from = format!("{}@{DOMAIN}", INSCRIPTION.0);
    let to = format!("{}@{DOMAIN}", ADMIN.0);
    mail_with(&from, &to, None, in_reply_to, subject, p7c, text)
}

/// Any answer-shaped mail: `from`, `to`, an optional Message-ID and
/// `In-Reply-To`/`References`, a text and an optional `smime.p7c`.
pub fn mail_with(
    from: &str,
    to: &str,
    message_id: Option<String>,
    in_reply_to: Option<&str>,
    subject: &str,
    p7c: Option<&[u8]>,
    text: &str,
) -> Vec<u8> {
    let mut b = lettre::Message::builder()
        .from(from.parse().expect("from"))
        .to(to.parse().expect("to"))
        .subject(subject);
    if message_id.is_some() {
        b = b.message_id(message_id);
    }
    if let Some(id) = in_reply_to {
        b = b.in_reply_to(id.to_string()).references(id.to_string());
    }
    let m = match p7c {
        Some(bytes) => b.multipart(
            MultiPart::mixed()
                .singlepart(SinglePart::plain(text.to_string()))
                .singlepart(
                    Attachment::new("smime.p7c".into()).body(
                        bytes.to_vec(),
                        ContentType::parse("application/pkcs7-mime; smime-type=certs-only")
                            .expect("ctype"),
                    ),
                ),
        ),
        None => b.body(text.to_string()),
    };
    m.expect("answer mail").formatted()
}

/// The root of the CA of [`p7c_for`]: the anchor that answer chains to.
pub fn p7c_root(tmp: &Path) -> std::path::PathBuf {
    tmp.join("ra-ca").join("root.crt")
}

/// The `.p7c` a CA would send for the request's CSR.
pub fn p7c_for(ws: &Path, tmp: &Path) -> Vec<u8> {
    let ca_dir = tmp.join("ra-ca");
    std::fs::create_dir_all(&ca_dir).expect("ca dir");
    let ca = TestCa::new(&ca_dir);
    let csr = ws.join("dossiers/Dossier 1/Demande 1/Demande 1.csr");
    let leaf = ca.issue(&csr, "leaf", "serverAuth,clientAuth");
    let p7c = ca.p7c(&leaf, &ca_dir.join("smime.p7c"), false);
    std::fs::read(p7c).expect("p7c")
}

/// `request send` through the configuration `config`; returns the
/// Message-ID the request recorded.
pub fn send(ws: &Path, config: &str) -> String {
    let out = cleo_cfg(ws, config, &["request", "send", REQ]);
    assert!(out.status.success(), "{}", stderr(&out));
    request_json(ws)["message_id"]
        .as_str()
        .expect("message id")
        .to_string()
}

/// `response fetch --wait 60` started in the background, polling every
/// `interval_s` seconds, its output piped.
pub fn fetch_waiting(ws: &Path, config: &str, interval_s: &str) -> std::process::Child {
    cleocps(ws.parent().expect("a workspace has a parent directory"))
        .args(["--workspace", s(ws), "--lang", "en", "--config", config])
        .args(["response", "fetch", REQ, "--wait", "60"])
        .env("CLEOCPS_POLL_INTERVAL_S", interval_s)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn cleocps")
}

pub fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}
