//! `response fetch` and `directory lookup`: printing only; the work is in
//! `cleocps_core::mail` and `cleocps_core::directory`.

use super::Output;
use crate::i18n::{t, tf};
use cleocps_core::config::Config;
use cleocps_core::error::{Error, Result};
use cleocps_core::mail::{self, FetchOutcome, Tick};
use cleocps_core::workspace::Workspace;
use serde_json::{json, Value};
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

pub(super) fn fetch(
    ws: &Workspace,
    config: &Config,
    out: &Output,
    path: Option<&str>,
    all: bool,
    wait: Option<u64>,
    key_password_file: Option<&Path>,
) -> Result<i32> {
    // Read only to fail early on a bad file: matching needs no key password.
    if let Some(f) = key_password_file {
        cleocps_core::secret::Secret::from_file(f)?;
    }
    if all {
        let results = mail::fetch_all(ws, config)?;
        let mut code = 0;
        let mut values = Vec::new();
        for (p, r) in results {
            match r {
                Ok(o) => {
                    print_outcome(out, &o, false);
                    values.push(outcome_json(&o));
                }
                Err(e) => {
                    let msg = e.localize(out.lang);
                    super::say(&format!("{p}: {msg}"));
                    values.push(json!({"path": p, "error": msg}));
                    code = 1;
                }
            }
        }
        if out.json {
            println!("{}", Value::Array(values));
        }
        return Ok(code);
    }
    let path = path.unwrap_or_default();
    let outcome = match wait {
        None => mail::fetch_response(ws, config, path)?,
        Some(secs) => wait_for(ws, config, out, path, Duration::from_secs(secs))?,
    };
    print_outcome(out, &outcome, true);
    Ok(0)
}

fn wait_for(
    ws: &Workspace,
    config: &Config,
    out: &Output,
    path: &str,
    wait: Duration,
) -> Result<FetchOutcome> {
    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    let _ = signal_hook::flag::register(signal_hook::consts::SIGINT, flag);
    let tty = std::io::stderr().is_terminal();
    let wait = mail::AnswerWait::new(wait)?;
    let interval = wait.interval;
    let mut last_line = None;
    let mut tick = |t: Tick| {
        let msg = tf(
            out.lang,
            "cli.waiting",
            &[
                &t.next_check.as_secs_f32().ceil(),
                &t.left.as_secs_f32().ceil(),
            ],
        );
        if tty {
            eprint!("\r{msg}\x1b[K");
            let _ = std::io::stderr().flush();
        } else if last_line != Some(t.left.as_secs() / interval.as_secs().max(1)) {
            // Not a terminal: one line per check, not one per second.
            last_line = Some(t.left.as_secs() / interval.as_secs().max(1));
            super::say(&msg);
        }
    };
    let r = mail::fetch_wait(ws, config, path, wait, &stop, &mut tick);
    if tty {
        eprint!("\r\x1b[K");
    }
    match r {
        Err(Error::NothingYet(_)) if stop.load(Ordering::Relaxed) => Err(Error::NothingYet(
            t(out.lang, "cli.wait_stopped").to_string(),
        )),
        other => other,
    }
}

fn outcome_json(o: &FetchOutcome) -> Value {
    match o {
        FetchOutcome::Imported { request, report } => json!({
            "path": request.path(), "request": request, "certificate": report.leaf,
            "chain": report.chain, "warnings": report.warnings
        }),
        FetchOutcome::Rejected { request } => json!({
            "path": request.path(), "request": request,
            "rejection": {"code": request.rejection_code, "reason": request.rejection_reason}
        }),
    }
}

fn print_outcome(out: &Output, o: &FetchOutcome, json_too: bool) {
    let lang = out.lang;
    let text = match o {
        FetchOutcome::Imported { request, report } => {
            for w in &report.warnings {
                super::say(w);
            }
            tf(
                lang,
                "cli.imported",
                &[
                    &request.path(),
                    &report.leaf.subject,
                    &report.leaf.not_after,
                ],
            )
        }
        FetchOutcome::Rejected { request } => tf(
            lang,
            "cli.rejected",
            &[
                &request.path(),
                &request.rejection_code.clone().unwrap_or_default(),
                &request.rejection_reason.clone().unwrap_or_default(),
            ],
        ),
    };
    if json_too {
        out.done(&text, outcome_json(o));
    } else if !out.json {
        println!("{}", cleocps_core::sanitize::text(&text));
    }
}

pub(super) fn lookup(config: &Config, out: &Output, holder: &str) -> Result<i32> {
    let lang = out.lang;
    let found = cleocps_core::directory::lookup(config, holder)?;
    if let Some(limit) = found.size_limit_hit {
        super::say(&tf(lang, "dir.size_limit", &[&limit]));
    }
    let text = if found.servers.is_empty() {
        tf(lang, "dir.none", &[&holder])
    } else {
        found
            .servers
            .iter()
            .map(|s| {
                [
                    Some(s.fqdn.as_str()),
                    s.mail.as_deref(),
                    s.structure_id.as_deref(),
                    s.structure_name.as_deref(),
                    s.departement.as_deref(),
                ]
                .iter()
                // One line per value: a tab or newline from LDAP can't shift the columns.
                .map(|v| cleocps_core::sanitize::line(v.unwrap_or("-")))
                .collect::<Vec<_>>()
                .join("\t")
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    out.done(
        &text,
        json!({"holder": holder, "servers": found.servers, "size_limit_hit": found.size_limit_hit}),
    );
    Ok(0)
}
