//! Answers that can't be forged cheaply (DESIGN §2, §4a): a rejection counts
//! only from the registration address in reply to the request mail; a
//! certificate for the request's key wins over any rejection or junk, in any
//! order; `response reject` records a rejection read elsewhere.

use crate::support;

use lettre::message::header::ContentType;
use lettre::message::{Attachment, MultiPart, SinglePart};
use std::path::{Path, PathBuf};
use support::mail::*;
use support::*;

const RA: &str = "inscription@ra.test";

/// A sent request (outbox), its Maildir, the config; returns (ws, maildir, config, message-id).
fn sent(tmp: &Path) -> (PathBuf, PathBuf, String, String) {
    let ws = tmp.join("ws");
    generated_request(&ws);
    let maildir = tmp.join("Maildir");
    for s in ["new", "cur", "tmp"] {
        std::fs::create_dir_all(maildir.join(s)).expect("maildir");
    }
    let config = serde_json::json!({
        "registration": {"address": format!("Inscription <{RA}>")},
        "mail_from": "admin@clinique.test",
        "outbox": tmp.join("outbox"), "maildir": maildir,
        // The throwaway CA of `p7c_for` stands for the registration's.
        "trust": {"anchors": [p7c_root(tmp)]},
    });
    let cfg = write_config(tmp, "c.json", &config);
    let mid = send(&ws, &cfg);
    (ws, maildir, cfg, mid)
}

/// An answer mail: from `from`, in reply to `reply` if any, subject naming the request.
fn answer(tag: &str, from: &str, reply: Option<&str>, p7c: Option<&[u8]>, text: &str) -> Vec<u8> {
    let id = Some(format!("<{tag}@ra.test>"));
    let subject = "Re: Demande de certificat serveur";
    mail_with(from, "admin@clinique.test", id, reply, subject, p7c, text)
}

fn drop_mail(maildir: &Path, name: &str, raw: &[u8]) {
    std::fs::write(maildir.join("new").join(name), raw).expect("mail");
}

const REJET: &str = "REJET: ADMIN_INCONNU\nLe porteur n'est pas administrateur.\n";

fn journal(ws: &Path) -> String {
    request_json(ws)["journal"].to_string()
}

#[test]
fn a_forged_rejection_is_ignored_and_the_certificate_comes() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (ws, maildir, cfg, mid) = sent(tmp.path());
    let id = request_json(&ws)["id"].as_str().expect("id").to_string();
    // Wrong sender, in reply to our mail; right sender, only the id in the subject.
    drop_mail(
        &maildir,
        "1.forged",
        &answer("f1", "mallory@evil.test", Some(&mid), None, REJET),
    );
    let subject_only = String::from_utf8(answer("f2", RA, None, None, REJET))
        .expect("utf8")
        .replace(
            "Subject: Re: Demande de certificat serveur",
            &format!("Subject: Re: Demande de certificat serveur {id}"),
        );
    drop_mail(&maildir, "2.forged", subject_only.as_bytes());
    let out = cleo_cfg(&ws, &cfg, &["response", "fetch", REQ]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert_eq!(state(&ws), "sent");
    let log = std::fs::read_to_string(log_of(&ws)).unwrap_or_default();
    assert!(
        log.contains("mallory@evil.test is not the registration address"),
        "{log}"
    );
    assert!(log.contains("not in reply to the request mail"), "{log}");

    let p7c = p7c_for(&ws, tmp.path());
    drop_mail(
        &maildir,
        "3.cert",
        &answer("c1", RA, Some(&mid), Some(&p7c), "Ci-joint.\n"),
    );
    let out = cleo_cfg(&ws, &cfg, &["response", "fetch", REQ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(state(&ws), "certificate_imported");
}

#[test]
fn junk_and_a_rejection_after_the_certificate_do_not_hide_it() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (ws, maildir, cfg, mid) = sent(tmp.path());
    let p7c = p7c_for(&ws, tmp.path());
    drop_mail(
        &maildir,
        "1.cert",
        &answer("c1", RA, Some(&mid), Some(&p7c), "Ci-joint.\n"),
    );
    drop_mail(
        &maildir,
        "2.junk",
        &answer("j1", RA, Some(&mid), Some(b"not a certificate"), "x\n"),
    );
    drop_mail(
        &maildir,
        "3.rejet",
        &answer("r1", RA, Some(&mid), None, REJET),
    );
    let out = cleo_cfg(&ws, &cfg, &["response", "fetch", "--all"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(state(&ws), "certificate_imported");
    assert_eq!(request_json(&ws)["answer_message_id"], "c1@ra.test");
}

#[test]
fn a_certificate_after_a_recorded_rejection_supersedes_it() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (ws, maildir, cfg, mid) = sent(tmp.path());
    drop_mail(
        &maildir,
        "1.rejet",
        &answer("r1", RA, Some(&mid), None, REJET),
    );
    let out = cleo_cfg(&ws, &cfg, &["response", "fetch", REQ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(state(&ws), "rejected");
    // Right sender, in reply, unsigned: counts, marked unverified.
    assert!(journal(&ws).contains("unverified"), "{}", journal(&ws));
    // Nothing new: a rejected request stays refused, not "nothing yet".
    let out = cleo_cfg(&ws, &cfg, &["response", "fetch", REQ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));

    let p7c = p7c_for(&ws, tmp.path());
    drop_mail(
        &maildir,
        "2.cert",
        &answer("c1", RA, Some(&mid), Some(&p7c), "Ci-joint.\n"),
    );
    let out = cleo_cfg(&ws, &cfg, &["response", "fetch", "--all"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json = request_json(&ws);
    assert_eq!(json["state"], "certificate_imported");
    assert_eq!(json["rejection_code"], serde_json::Value::Null);
    assert!(
        journal(&ws).contains("supersedes REJET: ADMIN_INCONNU"),
        "{}",
        journal(&ws)
    );
}

#[test]
fn response_reject_by_hand_then_renew() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    generated_request(&ws);
    // The code is checked: a usage error.
    for bad in ["admin", "A B", &"A".repeat(41)] {
        let out = cleo(&ws, &["response", "reject", REQ, "--code", bad]);
        assert_eq!(out.status.code(), Some(2), "{bad}: {}", stderr(&out));
    }
    assert_eq!(state(&ws), "request_generated");
    let out = ok(
        &ws,
        &[
            "response",
            "reject",
            REQ,
            "--code",
            "ADMIN_INCONNU",
            "--reason",
            "vu sur le portail\u{1b}[2J",
        ],
    );
    assert!(out.contains("ADMIN_INCONNU"), "{out}");
    let json = request_json(&ws);
    assert_eq!(json["state"], "rejected");
    assert_eq!(json["rejection_code"], "ADMIN_INCONNU");
    assert_eq!(json["rejection_reason"], "vu sur le portail[2J");
    assert!(
        journal(&ws).contains("recorded by hand"),
        "{}",
        journal(&ws)
    );
    // Never twice, and "recommencer" works.
    let out = cleo(&ws, &["response", "reject", REQ, "--code", "X"]);
    assert_eq!(out.status.code(), Some(1));
    ok(&ws, &["request", "renew", REQ, "--name", "Demande 2"]);
    let renewed = ok(&ws, &["--json", "request", "show", "Dossier 1/Demande 2"]);
    assert!(renewed.contains(FQDN), "{renewed}");
}

/// A rejection as the rehearsal server sends it: the text, and its S/MIME
/// signature by `server` (`application/pkcs7-mime; smime-type=signed-data`).
fn signed_rejection(tag: &str, reply: &str, server: &cleocps_ra::RaDir) -> Vec<u8> {
    let signed = server
        .sign_text(REJET.as_bytes(), std::time::SystemTime::now())
        .expect("sign");
    lettre::Message::builder()
        .from(RA.parse().expect("from"))
        .to("admin@clinique.test".parse().expect("to"))
        .message_id(Some(format!("<{tag}@ra.test>")))
        .subject("Re: Demande de certificat serveur")
        .in_reply_to(reply.to_string())
        .references(reply.to_string())
        .multipart(
            MultiPart::mixed()
                .singlepart(SinglePart::plain(REJET.to_string()))
                .singlepart(
                    Attachment::new("rejet.p7m".into()).body(
                        signed,
                        ContentType::parse("application/pkcs7-mime; smime-type=signed-data")
                            .expect("ctype"),
                    ),
                ),
        )
        .expect("mail")
        .formatted()
}

#[test]
fn a_rejection_signed_by_the_registration_server_is_verified() {
    let tmp = tempfile::tempdir().expect("tmp");
    let opts = cleocps_ra::InitOptions {
        ca_bits: cleocps_core::pki::KeySize::B2048,
        ..cleocps_ra::InitOptions::default()
    };
    let now = std::time::SystemTime::now();
    let ours = cleocps_ra::init(&tmp.path().join("ra"), &opts, now).expect("init");
    let other = cleocps_ra::init(&tmp.path().join("autre"), &opts, now).expect("init");
    for (server, expected) in [(&other, "unverified"), (&ours, "signature verified")] {
        let dir = tempfile::tempdir_in(tmp.path()).expect("tmp");
        let (ws, maildir, cfg, mid) = sent(dir.path());
        let mut config: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&cfg).expect("cfg")).expect("json");
        config["registration"]["certificate"] = s(&tmp.path().join("ra/inscription.crt")).into();
        write_config(dir.path(), "c.json", &config);
        drop_mail(&maildir, "1.rejet", &signed_rejection("r1", &mid, server));
        let out = cleo_cfg(&ws, &cfg, &["response", "fetch", REQ]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(state(&ws), "rejected");
        assert_eq!(request_json(&ws)["rejection_code"], "ADMIN_INCONNU");
        assert!(journal(&ws).contains(expected), "{}", journal(&ws));
    }
}

/// The rejection as most mail software signs it: `multipart/signed` with a
/// detached `smime.p7s` (openssl smime's default), from the registration
/// server's certificate and key.
fn detached_rejection(tag: &str, reply: &str, ra: &Path) -> Vec<u8> {
    let dir = ra.parent().expect("parent");
    let text = dir.join(format!("{tag}.txt"));
    std::fs::write(&text, REJET).expect("text");
    let out = std::process::Command::new("openssl")
        .args(["smime", "-sign", "-text", "-md", "sha256", "-in"])
        .arg(&text)
        .arg("-signer")
        .arg(ra.join("inscription.crt"))
        .arg("-inkey")
        .arg(ra.join("inscription.key"))
        .output()
        .expect("openssl smime");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut mail = format!(
        "From: {RA}\r\nTo: admin@clinique.test\r\nMessage-ID: <{tag}@ra.test>\r\n\
         Subject: Re: Demande de certificat serveur\r\nIn-Reply-To: <{reply}>\r\nReferences: <{reply}>\r\n"
    )
    .into_bytes();
    mail.extend_from_slice(&out.stdout);
    mail
}

#[test]
fn a_detached_multipart_signed_rejection_is_verified() {
    let tmp = tempfile::tempdir().expect("tmp");
    let opts = cleocps_ra::InitOptions {
        ca_bits: cleocps_core::pki::KeySize::B2048,
        ..cleocps_ra::InitOptions::default()
    };
    let now = std::time::SystemTime::now();
    cleocps_ra::init(&tmp.path().join("ra"), &opts, now).expect("init");
    cleocps_ra::init(&tmp.path().join("autre"), &opts, now).expect("init");
    for (server, expected) in [("autre", "unverified"), ("ra", "signature verified")] {
        let dir = tempfile::tempdir_in(tmp.path()).expect("tmp");
        let (ws, maildir, cfg, mid) = sent(dir.path());
        let mut config: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&cfg).expect("cfg")).expect("json");
        config["registration"]["certificate"] = s(&tmp.path().join("ra/inscription.crt")).into();
        write_config(dir.path(), "c.json", &config);
        let mail = detached_rejection("d1", &mid, &tmp.path().join(server));
        assert!(String::from_utf8_lossy(&mail).contains("multipart/signed"));
        drop_mail(&maildir, "1.rejet", &mail);
        let out = cleo_cfg(&ws, &cfg, &["response", "fetch", REQ]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(state(&ws), "rejected");
        assert_eq!(request_json(&ws)["rejection_code"], "ADMIN_INCONNU");
        assert!(
            journal(&ws).contains(expected),
            "{server}: {}",
            journal(&ws)
        );
    }
}
