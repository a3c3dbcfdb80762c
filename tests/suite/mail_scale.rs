//! Mail at real scale (DESIGN §5: cost follows the answers, not the
//! mailbox), against the real dovecot: the answer among thousands of
//! unrelated messages is found by asking the server, and only it is
//! downloaded; a wait notices the answer by IDLE, or polls without it; a
//! Maildir with a bad file and a huge message still gives the answer.

use crate::support;

use std::time::Duration;
use support::bulk::{fill, imap_sessions_out};
use support::mail::*;
use support::services::{Stack, Want, ADMIN};
use support::*;

const MAIL: Want = Want {
    ldap: false,
    mail: true,
};

/// A request sent through the stack's SMTP; the config's path and the
/// request mail's Message-ID.
fn sent(stack: &Stack, tmp: &std::path::Path) -> (std::path::PathBuf, String, String) {
    let ws = tmp.join("ws");
    generated_request(&ws);
    let mut config = stack.config();
    config["ldap"] = serde_json::Value::Null;
    config["trust"] = serde_json::json!({"anchors": [p7c_root(tmp)]});
    let cfg = write_config(tmp, "c.json", &config);
    let mid = send(&ws, &cfg);
    (ws, cfg, mid)
}

/// The bytes dovecot sent in the next IMAP session to end after `before` sessions.
fn next_session_out(stack: &Stack, before: usize) -> u64 {
    let log = stack.dir.join("dovecot.log");
    for _ in 0..200 {
        if let Some(out) = imap_sessions_out(&log).get(before) {
            return *out;
        }
        std::thread::sleep(Duration::from_millis(25));
    }
    panic!(
        "no IMAP logout logged: {}",
        std::fs::read_to_string(log).unwrap_or_default()
    );
}

#[test]
fn answer_found_among_3000_messages_without_downloading_them() {
    let stack = Stack::start(MAIL);
    let tmp = tempfile::tempdir().expect("tmp");
    let (ws, cfg, _) = sent(&stack, tmp.path());
    // The first delivery makes dovecot create the Maildir.
    deliver(
        &stack,
        ADMIN.0,
        &answer_mail(None, "Bonjour", None, "rien\n"),
    );
    let maildir = stack.mailbox_dir(ADMIN.0);
    // 3000 old messages of 4 KB with an attachment, and 5 of 60 KB come
    // since the request left: the latter are looked at, never downloaded.
    fill(&maildir, 0, 3000, 4_000, Duration::from_secs(400 * 86400));
    fill(&maildir, 3000, 5, 60_000, Duration::from_secs(60));
    let log = stack.dir.join("dovecot.log");

    // Nothing yet: one look costs a few kilobytes, not the 12 MB mailbox.
    let before = imap_sessions_out(&log).len();
    let out = cleo_cfg(&ws, &cfg, &["response", "fetch", REQ]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let nothing = next_session_out(&stack, before);
    assert!(
        nothing < 60_000,
        "a look with no answer sent {nothing} bytes"
    );

    // The answer, tied by its certificate's key alone (no In-Reply-To, no
    // id in the subject): the public-key fallback, SINCE the send date.
    let p7c = p7c_for(&ws, tmp.path());
    deliver(
        &stack,
        ADMIN.0,
        &answer_mail(None, "Votre certificat", Some(&p7c), "Ci-joint.\n"),
    );
    let before = imap_sessions_out(&log).len();
    let out = cleo_cfg(&ws, &cfg, &["response", "fetch", "--all"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(state(&ws), "certificate_imported");
    let found = next_session_out(&stack, before);
    assert!(
        found < 60_000,
        "the look that found the answer sent {found} bytes"
    );
    assert!(mailbox(&stack, ADMIN).len() >= 3007);
}

/// `response fetch --wait` in the background, the answer delivered after a
/// while; returns the command's output.
fn wait_then_deliver(
    stack: &Stack,
    tmp: &std::path::Path,
    interval_s: &str,
) -> std::process::Output {
    let (ws, cfg, mid) = sent(stack, tmp);
    let p7c = p7c_for(&ws, tmp);
    // Unrelated mail already there: the later looks read past it.
    deliver(stack, ADMIN.0, &support::bulk::unrelated(1, 5_000));
    let child = fetch_waiting(&ws, &cfg, interval_s);
    std::thread::sleep(Duration::from_millis(1500));
    deliver(
        stack,
        ADMIN.0,
        &answer_mail(Some(&mid), "Re: Demande", Some(&p7c), "Votre certificat.\n"),
    );
    child.wait_with_output().expect("wait")
}

#[test]
fn a_wait_on_idle_notices_the_answer_without_polling() {
    let stack = Stack::start(MAIL);
    let tmp = tempfile::tempdir().expect("tmp");
    // Polling once an hour: only IDLE can bring the answer within the minute.
    let out = wait_then_deliver(&stack, tmp.path(), "3600");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(state(&tmp.path().join("ws")), "certificate_imported");
}

#[test]
fn without_idle_the_wait_polls() {
    let stack = Stack::start_with(
        MAIL,
        "imap_capability = IMAP4rev1 LITERAL+ SASL-IR LOGIN-REFERRALS ID ENABLE",
    );
    let tmp = tempfile::tempdir().expect("tmp");
    let out = wait_then_deliver(&stack, tmp.path(), "1");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(state(&tmp.path().join("ws")), "certificate_imported");
    let log = std::fs::read_to_string(log_of(&tmp.path().join("ws"))).unwrap_or_default();
    assert!(log.contains("offers no IDLE"), "{log}");
}

#[test]
fn a_maildir_with_a_bad_file_and_a_30_mb_message_still_gives_the_answer() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    generated_request(&ws);
    let maildir = tmp.path().join("Maildir");
    for s in ["new", "cur", "tmp"] {
        std::fs::create_dir_all(maildir.join(s)).expect("maildir");
    }
    let config = serde_json::json!({
        "registration": {"address": "inscription@test.local"},
        "mail_from": "admin@test.local",
        "outbox": tmp.path().join("outbox"), "maildir": maildir,
        "trust": {"anchors": [p7c_root(tmp.path())]},
    });
    let cfg = write_config(tmp.path(), "c.json", &config);
    let out = cleo_cfg(&ws, &cfg, &["request", "send", REQ]);
    assert!(out.status.success(), "{}", stderr(&out));
    // A 30 MB message with an attachment, come after the request left.
    std::fs::write(
        maildir.join("new/1.huge"),
        support::bulk::unrelated(1, 30_000_000),
    )
    .expect("huge");
    // A file that can't be read (a link to nothing) and a directory.
    std::os::unix::fs::symlink(tmp.path().join("gone"), maildir.join("new/2.broken"))
        .expect("link");
    std::fs::create_dir(maildir.join("cur/3.dir")).expect("dir");
    let p7c = p7c_for(&ws, tmp.path());
    let answer = answer_mail(None, "Votre certificat", Some(&p7c), "Ci-joint.\n");
    std::fs::write(maildir.join("new/4.answer"), answer).expect("answer");
    let out = cleo_cfg(&ws, &cfg, &["response", "fetch", REQ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(state(&ws), "certificate_imported");
    let log = std::fs::read_to_string(log_of(&ws)).unwrap_or_default();
    assert!(
        log.contains("1.huge skipped") && log.contains("max_message_bytes"),
        "{log}"
    );
    assert!(log.contains("2.broken skipped"), "{log}");
}
