//! Sending the request and fetching the answer against real servers
//! (aiosmtpd → dovecot LMTP → IMAP), as DESIGN §5 says.

use crate::support;

use mail_parser::{MessageParser, MimeHeaders};
use support::mail::*;
use support::services::{Stack, ADMIN, ALL, INSCRIPTION};
use support::*;

/// The request mail as the registration server receives it.
fn received_request(stack: &Stack, id: &str) -> (Vec<u8>, String) {
    let mails = mailbox(stack, INSCRIPTION);
    for raw in &mails {
        let m = MessageParser::default().parse(raw).expect("parse");
        if m.subject() == Some(&format!("Demande de certificat serveur {id}")) {
            let att = m.attachments().next().expect("attachment");
            assert_eq!(att.attachment_name(), Some("Demande 1.p7m"));
            let ct = att.content_type().expect("ctype");
            assert_eq!(ct.subtype(), Some("pkcs7-mime"));
            assert_eq!(ct.attribute("smime-type"), Some("enveloped-data"));
            return (
                att.contents().to_vec(),
                m.message_id().unwrap_or_default().to_string(),
            );
        }
    }
    panic!("request mail not in the box ({} mails)", mails.len());
}

#[test]
fn starttls_send_then_certificate_fetched_once() {
    let stack = Stack::start(ALL);
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    let p7m = generated_request(&ws);
    let cfg = write_config(tmp.path(), "c.json", &stack.config());

    let out = cleo_cfg(&ws, &cfg, &["request", "send", REQ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json = request_json(&ws);
    assert_eq!(json["state"], "sent");
    let mid = json["message_id"].as_str().expect("message id").to_string();
    let id = json["id"].as_str().expect("id").to_string();
    let (att, got_mid) = received_request(&stack, &id);
    assert_eq!(att, p7m, ".p7m must arrive byte for byte");
    assert_eq!(format!("<{got_mid}>"), mid);

    // Nothing yet: exit 3, state unchanged.
    let out = cleo_cfg(&ws, &cfg, &["response", "fetch", REQ]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert_eq!(state(&ws), "sent");

    // An unrelated mail, then the answer.
    deliver(
        &stack,
        ADMIN.0,
        &answer_mail(None, "Réunion jeudi", None, "Bonjour,\nà jeudi.\n"),
    );
    let p7c = p7c_for(&ws, tmp.path());
    deliver(
        &stack,
        ADMIN.0,
        &answer_mail(
            Some(&mid),
            "Re: Demande de certificat serveur",
            Some(&p7c),
            "Votre certificat.\n",
        ),
    );
    // Its CA is no trust anchor: refused, the request still waits.
    let out = cleo_cfg(&ws, &cfg, &["response", "fetch", REQ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("not a trust anchor"),
        "{}",
        stderr(&out)
    );
    assert_eq!(state(&ws), "sent");
    let root = p7c_root(tmp.path());
    let trust = ["--trust-anchor", s(&root)];
    let out = cleo_cfg(
        &ws,
        &cfg,
        &[&["response", "fetch", REQ][..], &trust].concat(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("certificate imported"),
        "{}",
        stdout(&out)
    );
    let json = request_json(&ws);
    assert_eq!(json["state"], "certificate_imported");
    assert!(json["answer_message_id"].as_str().is_some());
    let dir = ws.join("dossiers/Dossier 1/Demande 1");
    assert_eq!(std::fs::read(dir.join("smime.p7c")).expect("p7c"), p7c);
    tool_ok(
        "openssl",
        &["x509", "-in", s(&dir.join("Demande 1.crt")), "-noout"],
    );

    // Mail is never deleted nor flagged: both files still in the Maildir,
    // none marked seen (`:2,` flags with `S`).
    assert_eq!(mailbox(&stack, ADMIN).len(), 2);
    let mut files = Vec::new();
    for sub in ["new", "cur"] {
        let dir = stack.mailbox_dir(ADMIN.0).join(sub);
        for e in std::fs::read_dir(&dir).expect("maildir") {
            files.push(
                e.expect("maildir entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned(),
            );
        }
    }
    assert_eq!(files.len(), 2, "{files:?}");
    for name in &files {
        let flags = name.split_once(":2,").map(|(_, f)| f).unwrap_or("");
        assert!(!flags.contains('S'), "flag set on {name}");
    }

    // A second fetch changes nothing.
    let before = snapshot(&ws);
    let out = cleo_cfg(&ws, &cfg, &["response", "fetch", REQ]);
    assert_eq!(out.status.code(), Some(1));
    let out = cleo_cfg(&ws, &cfg, &["response", "fetch", "--all"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert_eq!(snapshot(&ws), before);
}

#[test]
fn implicit_tls_send_then_rejection_recorded() {
    let stack = Stack::start(ALL);
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    let p7m = generated_request(&ws);
    let mut config = stack.config();
    config["smtp"]["security"] = "tls".into();
    config["smtp"]["port"] = stack.smtps_port.into();
    // STARTTLS on the IMAP side too.
    config["imap"]["security"] = "starttls".into();
    config["imap"]["port"] = stack.imap_port.into();
    let cfg = write_config(tmp.path(), "c.json", &config);
    let out = cleo_cfg(&ws, &cfg, &["request", "send", REQ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let id = request_json(&ws)["id"].as_str().expect("id").to_string();
    assert_eq!(received_request(&stack, &id).0, p7m);

    // A rejection counts only from the registration address in reply to
    // the request mail (DESIGN §4a); unsigned, it is marked unverified.
    let mid = request_json(&ws)["message_id"]
        .as_str()
        .expect("message id")
        .to_string();
    deliver(
        &stack,
        ADMIN.0,
        &answer_mail(
            Some(&mid),
            &format!("Re: Demande de certificat serveur {id}"),
            None,
            "REJET: ADMIN_INCONNU\nLe porteur de la carte n'est pas administrateur de ce serveur.\n",
        ),
    );
    let out = cleo_cfg(&ws, &cfg, &["response", "fetch", "--all"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("ADMIN_INCONNU"), "{}", stdout(&out));
    let json = request_json(&ws);
    assert_eq!(json["state"], "rejected");
    assert_eq!(json["rejection_code"], "ADMIN_INCONNU");
    assert_eq!(
        json["rejection_reason"],
        "Le porteur de la carte n'est pas administrateur de ce serveur."
    );
    let journal = json["journal"].as_array().expect("journal");
    assert!(journal.iter().any(|j| j["outcome"]
        .as_str()
        .is_some_and(|o| o.contains("REJET: ADMIN_INCONNU") && o.contains("unverified"))));
    let show = ok(&ws, &["request", "show", REQ]);
    assert!(show.contains("ADMIN_INCONNU"), "{show}");

    let before = snapshot(&ws);
    let out = cleo_cfg(&ws, &cfg, &["response", "fetch", "--all"]);
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(snapshot(&ws), before);
}

#[test]
fn outbox_and_maildir_match_by_public_key() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    let p7m = generated_request(&ws);
    let outbox = tmp.path().join("outbox");
    let maildir = tmp.path().join("Maildir");
    for s in ["new", "cur", "tmp"] {
        std::fs::create_dir_all(maildir.join(s)).expect("maildir");
    }
    let config = serde_json::json!({
        "registration": {"address": "inscription@test.local"},
        "mail_from": "admin@test.local",
        "outbox": outbox, "maildir": maildir,
        "trust": {"anchors": [p7c_root(tmp.path())]},
    });
    let cfg = write_config(tmp.path(), "c.json", &config);
    let out = cleo_cfg(&ws, &cfg, &["request", "send", REQ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let eml: Vec<_> = std::fs::read_dir(&outbox)
        .expect("outbox")
        .flatten()
        .collect();
    assert_eq!(eml.len(), 1);
    let raw = std::fs::read(eml[0].path()).expect("eml");
    let m = MessageParser::default().parse(&raw).expect("parse");
    assert_eq!(m.attachments().next().expect("att").contents(), &p7m[..]);

    // No In-Reply-To, no id in the subject: the certificate's key decides.
    let p7c = p7c_for(&ws, tmp.path());
    let mail = answer_mail(None, "Votre certificat", Some(&p7c), "Ci-joint.\n");
    std::fs::write(maildir.join("new/1.answer"), &mail).expect("mail");
    std::fs::write(
        maildir.join("new/0.other"),
        answer_mail(None, "Bonjour", None, "rien\n"),
    )
    .expect("mail");
    let out = cleo_cfg(&ws, &cfg, &["response", "fetch", REQ, "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["request"]["state"], "certificate_imported");
    // Never moved.
    assert!(maildir.join("new/1.answer").exists());
    assert!(maildir.join("new/0.other").exists());
}

#[test]
fn wait_shows_a_countdown_and_stops_on_ctrl_c() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    generated_request(&ws);
    let maildir = tmp.path().join("Maildir");
    std::fs::create_dir_all(maildir.join("new")).expect("maildir");
    let config = serde_json::json!({
        "registration": {"address": "inscription@test.local"},
        "mail_from": "admin@test.local",
        "outbox": tmp.path().join("outbox"), "maildir": maildir,
    });
    let cfg = write_config(tmp.path(), "c.json", &config);
    assert!(cleo_cfg(&ws, &cfg, &["request", "send", REQ])
        .status
        .success());

    // A wait that runs out: exit 3.
    let t0 = std::time::Instant::now();
    let out = cleo_cfg(&ws, &cfg, &["response", "fetch", REQ, "--wait", "1"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(t0.elapsed().as_secs_f32() < 5.0);

    // Ctrl-C: exit 3, state unchanged, a countdown was shown.
    let child = fetch_waiting(&ws, &cfg, "1");
    std::thread::sleep(std::time::Duration::from_millis(2500));
    let t0 = std::time::Instant::now();
    tool_ok("kill", &["-INT", &child.id().to_string()]);
    let out = child.wait_with_output().expect("wait");
    assert!(t0.elapsed().as_secs_f32() < 2.0, "slow to stop");
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("next check in"), "{err}");
    assert!(err.contains("wait stopped"), "{err}");
    assert_eq!(state(&ws), "sent");
}
