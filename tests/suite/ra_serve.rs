//! `ra serve`, the registration server's mail loop, against what a mailbox
//! really holds: hostile mail before a valid request, a send that fails, a
//! crash between the decision and its answer, a directory that is down. One
//! round (`--once`) always answers what it can and records the rest.

use crate::support;

use serde_json::json;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use support::ra::{Server, FQDN, HOLDER, SSL_FORM};
use support::ra_mail::*;
use support::s;
use support::services::{Stack, Want, ADMIN, DOMAIN, INSCRIPTION};
use support::tool_ok;

/// A server with a card, and the `.p7m` of each request `names` made with it.
fn server_with_requests(t: &Path, names: &[&str]) -> (Server, Vec<PathBuf>) {
    let server = Server::new(t);
    let token = server.card(&server.dir, HOLDER, "carte");
    let p7ms = names
        .iter()
        .map(|n| server.request(n, "ssl", SSL_FORM, &[], &token))
        .collect();
    (server, p7ms)
}

fn read(p: &Path) -> Vec<u8> {
    std::fs::read(p).expect("read")
}

/// The certificate of an answer: chains to the server's root, carries the
/// public key of request `F/<name>`, names FQDN.
fn assert_certificate_for(server: &Server, answer: &Answer, name: &str) {
    assert_eq!(answer.rejection(), None, "{answer:?}");
    let p7c = answer.p7c.as_ref().expect("smime.p7c attached");
    let file = server.t.join(format!("{name}.p7c"));
    std::fs::write(&file, p7c).expect("p7c");
    let certs = tool_ok(
        "openssl",
        &["pkcs7", "-inform", "DER", "-in", s(&file), "-print_certs"],
    );
    assert_eq!(certs.matches("BEGIN CERTIFICATE").count(), 3, "{certs}");
    // In DER SET order: the leaf is the one whose subject names FQDN.
    let block = certs
        .split_inclusive("-----END CERTIFICATE-----")
        .find(|b| {
            b.lines()
                .any(|l| l.starts_with("subject=") && l.contains(FQDN))
        })
        .expect("a certificate for FQDN");
    let leaf = server.t.join(format!("{name}.leaf.pem"));
    let pem = &block[block.find("-----BEGIN").expect("pem")..];
    std::fs::write(&leaf, pem).expect("leaf");
    server.verify(&leaf);
    let csr = server.ws.join(format!("dossiers/F/{name}/{name}.csr"));
    assert_eq!(
        tool_ok("openssl", &["x509", "-noout", "-pubkey", "-in", s(&leaf)]),
        tool_ok("openssl", &["req", "-noout", "-pubkey", "-in", s(&csr)]),
        "the certificate is for request {name}"
    );
}

fn status(round: &[serde_json::Value], id: &str) -> (String, String) {
    let e = entry(round, id);
    let text = |k: &str| e[k].as_str().unwrap_or_default().to_string();
    (text("status"), text("outcome"))
}

#[test]
fn hostile_mail_before_a_valid_request_does_not_stop_its_answer() {
    let t = tempfile::tempdir().expect("tmp");
    let (server, p7ms) = server_with_requests(t.path(), &["old", "new"]);
    // "old" was decided before: sending its .p7m again is a replay.
    let (o, _) = server.process(&p7ms[0], "old.p7c");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let valid = read(&p7ms[1]);
    let boxes = Boxes::new(t.path());
    let mail = |id: &str, p7m: &[u8]| request_mail(id, ADMIN_ADDR, "demande.p7m", p7m);
    // The valid request itself, under a Reply-To no one can answer.
    boxes.put(
        "1-bad-reply-to",
        &with_header(&mail("bad-reply-to", &valid), "Reply-To: <<nobody"),
    );
    boxes.put("2-random", &mail("random", &random_p7m_to(&server)));
    boxes.put("3-big", &mail("big", &noise(20 * 1024 * 1024, 11)));
    boxes.put(
        "4-recipients",
        &mail("recipients", &many_recipients(&server, 10_000)),
    );
    boxes.put("5-replay", &mail("replay", &read(&p7ms[0])));
    boxes.put("6-valid", &mail("valid", &valid));
    let config = boxes.config(t.path(), json!({}));

    let start = Instant::now();
    let round = round_ok(&server, &config);
    let took = start.elapsed();
    assert!(took < Duration::from_secs(60), "one round took {took:?}");
    assert_eq!(round.len(), 6, "{round:#?}");

    let (st, outcome) = status(&round, "valid");
    assert_eq!(st, "answered", "{outcome}");
    assert!(outcome.starts_with("issued"), "{outcome}");
    let (st, outcome) = status(&round, "bad-reply-to");
    assert_eq!(st, "skipped", "{outcome}");
    assert!(
        outcome.contains("Reply-To") && outcome.contains("<nobody"),
        "{outcome}"
    );
    assert!(!outcome.contains("configuration"), "{outcome}");
    assert_eq!(
        status(&round, "random"),
        ("answered".into(), "rejected:SIGNATURE_INVALIDE".into())
    );
    let (st, outcome) = status(&round, "big");
    assert_eq!(st, "skipped", "{outcome}");
    assert!(outcome.contains("max_message_bytes"), "{outcome}");
    let (st, outcome) = status(&round, "recipients");
    assert_eq!(st, "skipped", "{outcome}");
    assert!(outcome.contains("10000"), "{outcome}");
    assert_eq!(
        status(&round, "replay"),
        ("answered".into(), "rejected:DEMANDE_REJOUEE".into())
    );

    // Three answers, each in reply to its request mail.
    let answers = boxes.answers();
    assert_eq!(answers.len(), 3, "{answers:#?}");
    let to = |id: &str| {
        answers
            .iter()
            .find(|a| a.in_reply_to == format!("{id}@clinique.test"))
            .unwrap_or_else(|| panic!("no answer to {id}: {answers:#?}"))
    };
    assert_certificate_for(&server, to("valid"), "new");
    assert_eq!(to("valid").to, ADMIN_ADDR);
    assert_eq!(
        to("random").rejection().as_deref(),
        Some("SIGNATURE_INVALIDE")
    );
    assert_eq!(to("replay").rejection().as_deref(), Some("DEMANDE_REJOUEE"));

    // Every mail is recorded with why; nothing waits; the next round does nothing.
    let handled = records(&server, "handled");
    assert_eq!(handled.len(), 6, "{handled:#?}");
    assert!(handled.iter().all(|r| r["message_id"].is_string()));
    assert!(records(&server, "pending").is_empty());
    assert!(round_ok(&server, &config).is_empty());
    assert_eq!(boxes.answers().len(), 3);
}

#[test]
fn a_decision_whose_answer_was_not_stored_is_answered_again_not_as_a_replay() {
    let t = tempfile::tempdir().expect("tmp");
    let (server, p7ms) = server_with_requests(t.path(), &["srv"]);
    let boxes = Boxes::new(t.path());
    boxes.put(
        "1",
        &request_mail("srv", ADMIN_ADDR, "srv.p7m", &read(&p7ms[0])),
    );
    let config = boxes.config(t.path(), json!({}));
    // Only the replay record can be written (a full disk, or a crash right
    // after the decision): the answer is neither stored nor sent.
    for d in ["handled", "pending"] {
        std::fs::write(server.file(d), b"").expect("block");
    }
    let _ = serve_once(&server, &config);
    assert!(boxes.answers().is_empty(), "nothing is sent unless stored");
    for d in ["handled", "pending"] {
        std::fs::remove_file(server.file(d)).expect("unblock");
    }

    let round = round_ok(&server, &config);
    let (st, outcome) = status(&round, "srv");
    assert_eq!(st, "answered", "{outcome}");
    assert!(outcome.starts_with("issued"), "{outcome}");
    let answers = boxes.answers();
    assert_eq!(answers.len(), 1, "{answers:#?}");
    assert_certificate_for(&server, &answers[0], "srv");
}

#[test]
fn a_directory_outage_is_retried_on_a_later_round() {
    let t = tempfile::tempdir().expect("tmp");
    let (server, p7ms) = server_with_requests(t.path(), &["srv"]);
    let boxes = Boxes::new(t.path());
    boxes.put(
        "1",
        &request_mail("srv", ADMIN_ADDR, "srv.p7m", &read(&p7ms[0])),
    );
    let annuaire = t.path().join("annuaire.json");
    let config = boxes.config(t.path(), json!({"directory_file": s(&annuaire)}));

    let round = round_ok(&server, &config);
    let (st, outcome) = status(&round, "srv");
    assert_eq!(st, "retry", "{outcome}");
    assert!(outcome.contains("annuaire.json"), "{outcome}");
    assert!(boxes.answers().is_empty());
    assert!(records(&server, "seen").is_empty(), "nothing decided");

    std::fs::copy(server.file("directory.json"), &annuaire).expect("directory back");
    let round = round_ok(&server, &config);
    let (st, outcome) = status(&round, "srv");
    assert_eq!(st, "answered", "{outcome}");
    assert!(outcome.starts_with("issued"), "{outcome}");
    assert_certificate_for(&server, &boxes.answers()[0], "srv");
}

/// The server on the real services: its IMAP box, its SMTP account.
fn imap_smtp_config(stack: &Stack, t: &Path) -> PathBuf {
    let pw = stack.password_file("ra.pass", INSCRIPTION.1);
    let account = |port: u16, security: &str| {
        json!({"host": "127.0.0.1", "port": port, "security": security,
               "user": INSCRIPTION.0, "password_file": pw, "ca_file": stack.ca,
               "timeout_s": 5})
    };
    let config = json!({
        "mail_from": format!("{}@{DOMAIN}", INSCRIPTION.0),
        "imap": account(stack.imaps_port, "tls"),
        "smtp": account(stack.smtp_port, "starttls"),
        "max_message_bytes": 200_000,
    });
    let p = t.join("ra-config.json");
    std::fs::write(&p, serde_json::to_vec_pretty(&config).expect("json")).expect("config");
    p
}

#[test]
fn answers_wait_for_smtp_and_then_leave_with_their_certificates() {
    let mut stack = Stack::start(Want {
        ldap: false,
        mail: true,
    });
    let t = tempfile::tempdir().expect("tmp");
    let (server, p7ms) = server_with_requests(t.path(), &["b", "c"]);
    let admin = format!("{}@{DOMAIN}", ADMIN.0);
    for (id, p7m) in [("b", &p7ms[0]), ("c", &p7ms[1])] {
        let raw = request_mail(id, &admin, "demande.p7m", &read(p7m));
        support::mail::deliver(&stack, INSCRIPTION.0, &raw);
    }
    let big = request_mail("big", &admin, "demande.p7m", &noise(300_000, 9));
    support::mail::deliver(&stack, INSCRIPTION.0, &big);

    stack.stop("smtp");
    let round = round_ok(&server, &imap_smtp_config(&stack, t.path()));
    assert_eq!(round.len(), 3, "{round:#?}");
    for id in ["b", "c"] {
        let (st, outcome) = status(&round, id);
        assert_eq!(st, "queued", "{id}: {outcome}");
        assert!(outcome.contains("SMTP"), "{outcome}");
    }
    let (st, outcome) = status(&round, "big");
    assert_eq!(st, "skipped", "{outcome}");
    assert!(outcome.contains("max_message_bytes"), "{outcome}");
    assert_eq!(records(&server, "pending").len(), 2);

    stack.restart_smtp();
    let config = imap_smtp_config(&stack, t.path());
    let round = round_ok(&server, &config);
    for id in ["b", "c"] {
        let (st, outcome) = status(&round, id);
        assert_eq!(st, "answered", "{id}: {outcome}");
        assert!(outcome.starts_with("issued"), "{outcome}");
    }
    assert!(records(&server, "pending").is_empty());
    let answers: Vec<Answer> = support::mail::mailbox(&stack, ADMIN)
        .iter()
        .map(|raw| Answer::parse(raw))
        .collect();
    assert_eq!(answers.len(), 2, "{answers:#?}");
    for (id, name) in [("b", "b"), ("c", "c")] {
        let answer = answers
            .iter()
            .find(|a| a.in_reply_to == format!("{id}@clinique.test"))
            .unwrap_or_else(|| panic!("no answer to {id}: {answers:#?}"));
        assert_certificate_for(&server, answer, name);
    }
    assert!(round_ok(&server, &config).is_empty());
}

/// The bytes dovecot sent in the next IMAP session to end after `before` sessions.
fn next_imap_out(stack: &Stack, before: usize) -> u64 {
    let log = stack.dir.join("dovecot.log");
    for _ in 0..200 {
        if let Some(out) = support::bulk::imap_sessions_out(&log).get(before) {
            return *out;
        }
        std::thread::sleep(Duration::from_millis(25));
    }
    panic!("no IMAP logout logged");
}

/// A round of `ra serve --once`, and the bytes its IMAP session was sent.
fn round_bytes(stack: &Stack, server: &Server, config: &Path) -> (Vec<serde_json::Value>, u64) {
    let before = support::bulk::imap_sessions_out(&stack.dir.join("dovecot.log")).len();
    let round = round_ok(server, config);
    (round, next_imap_out(stack, before))
}

#[test]
fn a_round_reads_only_new_mail_and_a_new_uidvalidity_reads_all_once() {
    let stack = Stack::start(Want {
        ldap: false,
        mail: true,
    });
    let t = tempfile::tempdir().expect("tmp");
    let (server, p7ms) = server_with_requests(t.path(), &["b", "c"]);
    let admin = format!("{}@{DOMAIN}", ADMIN.0);
    let request = |id: &str, p7m: &Path| request_mail(id, &admin, "demande.p7m", &read(p7m));
    support::mail::deliver(&stack, INSCRIPTION.0, &request("b", &p7ms[0]));
    // 150 KB of unrelated mail: a round that reads it shows.
    let junk = request_mail("junk", &admin, "notes.txt", &noise(110_000, 3));
    support::mail::deliver(&stack, INSCRIPTION.0, &junk);
    let config = imap_smtp_config(&stack, t.path());

    let (round, first) = round_bytes(&stack, &server, &config);
    assert_eq!(status(&round, "b").0, "answered", "{round:#?}");
    assert_eq!(status(&round, "junk").0, "skipped", "{round:#?}");
    assert!(first > 150_000, "the first round read {first} bytes");
    let cursor: serde_json::Value =
        serde_json::from_slice(&read(&server.file("mailbox.json"))).expect("cursor");
    assert_eq!(cursor["last_uid"], 2, "{cursor}");

    // Nothing new: nothing read.
    let (round, quiet) = round_bytes(&stack, &server, &config);
    assert!(round.is_empty(), "{round:#?}");
    assert!(quiet < 5_000, "a round with no new mail read {quiet} bytes");

    // Another UIDVALIDITY: the mailbox is read once more, nobody answered twice.
    let mut moved = cursor.clone();
    moved["uidvalidity"] = json!(1);
    std::fs::write(server.file("mailbox.json"), moved.to_string()).expect("cursor");
    let (round, rescan) = round_bytes(&stack, &server, &config);
    assert!(round.is_empty(), "{round:#?}");
    assert!(rescan > 150_000, "the re-scan read {rescan} bytes");
    let again: serde_json::Value =
        serde_json::from_slice(&read(&server.file("mailbox.json"))).expect("cursor");
    assert_eq!(again, cursor);

    // New mail is read, alone.
    support::mail::deliver(&stack, INSCRIPTION.0, &request("c", &p7ms[1]));
    let (round, _) = round_bytes(&stack, &server, &config);
    assert_eq!(round.len(), 1, "{round:#?}");
    assert_eq!(status(&round, "c").0, "answered", "{round:#?}");
}
