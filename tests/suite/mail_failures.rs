//! Every transport failure: a specific message, one line, exit 1, state
//! unchanged, and no password anywhere.

use crate::support;

use support::mail::*;
use support::services::{Stack, ADMIN, ALL};
use support::*;

const WRONG_PW: &str = "not the password 31";

/// Exit 1, one line on stderr containing `expect`, the state unchanged, no secret.
fn fails(ws: &std::path::Path, cfg: &str, args: &[&str], expect: &str, state_: &str) {
    let before = snapshot(ws);
    let out = cleo_cfg(ws, cfg, args);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains(expect), "expected \"{expect}\" in: {err}");
    for secret in [ADMIN.1, WRONG_PW] {
        assert!(
            !err.contains(secret) && !stdout(&out).contains(secret),
            "secret leaked: {err}"
        );
    }
    assert_eq!(state(ws), state_);
    assert_eq!(snapshot(ws), before, "{args:?} changed files");
}

#[test]
fn send_and_fetch_failures() {
    let mut stack = Stack::start(ALL);
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    generated_request(&ws);
    let send = ["request", "send", REQ];

    let mut c = stack.config();
    c["smtp"]["password_file"] = stack
        .password_file("wrong.pass", WRONG_PW)
        .to_string_lossy()
        .into_owned()
        .into();
    let cfg = write_config(tmp.path(), "wrong.json", &c);
    fails(
        &ws,
        &cfg,
        &send,
        "authentication refused by the SMTP server for user \"admin\"",
        "request_generated",
    );

    let mut c = stack.config();
    c["smtp"]["ca_file"] = serde_json::Value::Null;
    let cfg = write_config(tmp.path(), "untrusted.json", &c);
    fails(
        &ws,
        &cfg,
        &send,
        "the SMTP server 127.0.0.1 presents a TLS certificate that is refused (unknown authority): \"CN=127.0.0.1,O=cleocps tests\", issued by \"CN=cleocps test CA,O=cleocps tests\", SHA256:",
        "request_generated",
    );

    let mut c = stack.config();
    c["registration"]["address"] = "nobody@test.local".into();
    let cfg = write_config(tmp.path(), "rcpt.json", &c);
    fails(
        &ws,
        &cfg,
        &send,
        "recipient nobody@test.local refused",
        "request_generated",
    );

    let mut c = stack.config();
    c["smtp"]["host"] = "smtp.example.fr".into();
    c["smtp"]["security"] = "plain".into();
    let cfg = write_config(tmp.path(), "plain.json", &c);
    fails(
        &ws,
        &cfg,
        &send,
        "unencrypted SMTP connection to smtp.example.fr refused",
        "request_generated",
    );

    let mut c = stack.config();
    c["smtp"]["port"] = free_port().into();
    let cfg = write_config(tmp.path(), "down.json", &c);
    fails(
        &ws,
        &cfg,
        &send,
        "refused the connection",
        "request_generated",
    );

    // Sent for real, then the IMAP side fails.
    let good = write_config(tmp.path(), "good.json", &stack.config());
    assert!(cleo_cfg(&ws, &good, &send).status.success());
    let fetch = ["response", "fetch", REQ];

    let mut c = stack.config();
    c["imap"]["password_file"] = stack
        .password_file("wrong2.pass", WRONG_PW)
        .to_string_lossy()
        .into_owned()
        .into();
    let cfg = write_config(tmp.path(), "imapwrong.json", &c);
    fails(
        &ws,
        &cfg,
        &fetch,
        "authentication refused by the IMAP server",
        "sent",
    );

    let mut c = stack.config();
    c["imap"]["ca_file"] = serde_json::Value::Null;
    let cfg = write_config(tmp.path(), "imapuntrusted.json", &c);
    fails(
        &ws,
        &cfg,
        &fetch,
        "the IMAP server 127.0.0.1 presents a TLS certificate that is refused (unknown authority)",
        "sent",
    );

    stack.stop("dovecot");
    fails(&ws, &good, &fetch, "the IMAP server 127.0.0.1", "sent");
    fails(&ws, &good, &fetch, "refused the connection", "sent");
    stack.stop("smtp");

    // No password in the journal or any file of the workspace, nor in the log.
    assert_nowhere(&ws, &[ADMIN.1, WRONG_PW]);
    let log = std::fs::read_to_string(log_of(&ws)).expect("the log was written");
    assert!(log.contains("failed"), "{log}");
    assert!(!log.contains(ADMIN.1) && !log.contains(WRONG_PW), "{log}");
}

#[test]
fn csr_only_request_has_nothing_to_send() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    generated_request(&ws);
    let w = cleocps_core::workspace::Workspace::open(&ws).expect("ws");
    let mut req = w.find(REQ).expect("req");
    req.generation = Some(cleocps_core::request::Generation::CsrOnly);
    w.save(&req).expect("save");
    let cfg = write_config(
        tmp.path(),
        "c.json",
        &serde_json::json!({"outbox": tmp.path().join("o"), "mail_from": "a@b.fr",
                            "registration": {"address": "c@d.fr"}}),
    );
    fails(
        &ws,
        &cfg,
        &["request", "send", REQ],
        "there is nothing to mail",
        "request_generated",
    );
    let cfg = write_config(tmp.path(), "none.json", &serde_json::json!({}));
    fails(
        &ws,
        &cfg,
        &["response", "fetch", "--all"],
        "no mailbox is configured",
        "request_generated",
    );
}
