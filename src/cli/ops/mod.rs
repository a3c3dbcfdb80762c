//! The operations commands (DESIGN §9a): `status` lists what expires when,
//! `check` judges it for monitoring. The core computes; this only prints.

pub mod args;
pub mod deploy;
pub mod keys;

use super::{say, Output};
use crate::i18n::{t, tf, Lang};
use args::{CheckArgs, CheckFormat, RevocationArg};
use cleocps_core::error::{Error, Result};
use cleocps_core::fsutil::write_atomic;
use cleocps_core::ops::{self, CheckReport, Level, Thresholds};
use cleocps_core::revocation::{self, Mode, RevocationConfig};
use cleocps_core::sanitize;
use cleocps_core::workspace::Workspace;
use serde_json::json;
use std::time::SystemTime;

/// Mode of a `--output` file: node_exporter runs as another user and must read it.
const METRICS_FILE: u32 = 0o644;

/// `status` with each certificate's revocation (DESIGN §4c) as `config` says.
fn status_now(ws: &Workspace, config: &RevocationConfig, lang: Lang) -> Result<ops::Status> {
    let now = SystemTime::now();
    let mut status = ops::status(ws, now)?;
    revocation::annotate(ws, &mut status.certificates, config, now, lang);
    Ok(status)
}

/// `cleocps status`: one line per certificate, soonest expiry first.
pub(super) fn status(ws: &Workspace, config: &RevocationConfig, out: &Output) -> Result<i32> {
    let lang = out.lang;
    let status = status_now(ws, config, lang)?;
    for p in &status.problems {
        say(&tf(lang, "cli.damaged", &[&p.path, &p.problem]));
    }
    let text = status
        .certificates
        .iter()
        .map(|c| {
            let left = if c.revocation.is_revoked() {
                c.revocation.describe(lang)
            } else if let Some(new) = &c.replaced_by {
                tf(lang, "ops.replaced_by", &[new])
            } else if c.expired() {
                t(lang, "ops.expired").to_string()
            } else if c.renewal_due() {
                let renew = tf(lang, "ops.renew_before", &[&c.expiry_date()]);
                format!("{}, {renew}", tf(lang, "ops.days_left", &[&c.days_left]))
            } else {
                tf(lang, "ops.days_left", &[&c.days_left])
            };
            let deployed = if c.deployed.is_empty() {
                "-".to_string()
            } else {
                c.deployed.join(",")
            };
            format!(
                "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                c.path(),
                c.kind.short_name(),
                sanitize::line(&c.cn),
                c.serial,
                c.expiry_date(),
                left,
                sanitize::line(&deployed)
            )
        })
        .collect::<Vec<_>>()
        .join("\n");
    out.done(&text, json!(status));
    Ok(0)
}

/// `cleocps check`: the monitoring verdict; its exit code is the level's.
pub(super) fn check(
    ws: &Workspace,
    args: &CheckArgs,
    config: &RevocationConfig,
    out: &Output,
) -> Result<i32> {
    let mut config = config.clone();
    match args.revocation {
        Some(RevocationArg::Auto) => config.mode = Mode::Auto,
        Some(RevocationArg::Off) => config.mode = Mode::Off,
        None => {}
    }
    let status = status_now(ws, &config, out.lang)?;
    let th = Thresholds {
        warn_days: i64::from(args.warn_days),
        critical_days: i64::from(args.critical_days),
    };
    let metrics = ops::prometheus(&status);
    let report = ops::check(status, th, out.lang);
    let text = match format(args, out) {
        CheckFormat::Nagios => format!("{}\n", report.nagios()),
        CheckFormat::Json => format!("{}\n", json!(report)),
        CheckFormat::Prometheus => metrics,
    };
    emit(ws, args, &text)?;
    Ok(report.exit_code)
}

/// `--json` (global) means `--format json`.
fn format(args: &CheckArgs, out: &Output) -> CheckFormat {
    if out.json {
        CheckFormat::Json
    } else {
        args.format
    }
}

/// To `--output` atomically (a scraper never reads half a file), else
/// stdout; never over a file of the workspace.
fn emit(ws: &Workspace, args: &CheckArgs, text: &str) -> Result<()> {
    match &args.output {
        Some(path) if ws.holds(path) => Err(Error::InWorkspace(path.clone())),
        Some(path) => {
            write_atomic(path, text.as_bytes(), METRICS_FILE).map_err(|e| Error::io(path, e))
        }
        None => {
            print!("{text}");
            Ok(())
        }
    }
}

/// `check` could not read the workspace or its configuration: UNKNOWN
/// (exit 3) in the format asked, as monitoring systems expect.
pub(super) fn unknown(args: &CheckArgs, out: &Output, e: &Error, lang: Lang) -> i32 {
    let problem = e.localize(lang);
    let code = Level::Unknown.exit_code();
    match format(args, out) {
        CheckFormat::Nagios => println!("{}", CheckReport::unknown(&problem)),
        CheckFormat::Json => println!(
            "{}",
            json!({"status": Level::Unknown, "exit_code": code, "summary": sanitize::line(&problem)})
        ),
        // No metrics file is better than a wrong one: the old one ages and
        // node_textfile_mtime_seconds shows it.
        CheckFormat::Prometheus => {}
    }
    say(&problem);
    code
}
