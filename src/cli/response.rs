//! `response import`, `response import-p12`, `response reject` and
//! `response fetch`: the answer's ways in (the platform's `.p12` when it
//! made the key). The work is in `cleocps_core::procedure` and `mail`.

use super::args::ResponseCmd;
use super::{mail, say, secrets, trusting, Ctx, Output};
use crate::i18n::tf;
use cleocps_core::error::{Error, Result};
use cleocps_core::procedure;
use cleocps_core::workspace::Workspace;
use serde_json::json;
use std::path::Path;

pub(super) fn run(ws: &Workspace, cmd: &ResponseCmd, ctx: &Ctx, out: &Output) -> Result<i32> {
    match cmd {
        ResponseCmd::Fetch {
            path,
            all,
            wait,
            key_password_file,
            trust,
        } => mail::fetch(
            &trusting(ws, ctx, trust),
            &ctx.config,
            out,
            path.as_deref(),
            *all,
            *wait,
            key_password_file.as_deref(),
        ),
        ResponseCmd::Reject { path, code, reason } => {
            reject(ws, path, code, reason.as_deref(), out)
        }
        ResponseCmd::Import {
            path, file, trust, ..
        } => import(&trusting(ws, ctx, trust), path, file, ctx, out),
        ResponseCmd::ImportP12 {
            path,
            p12,
            p12_password_file,
            key_password_file,
            no_key_password,
            trust,
        } => {
            let lang = out.lang;
            let der = cleocps_core::fsutil::read_bounded(p12, ctx.config.max_message_bytes())
                .map_err(|e| Error::read(p12, e))?;
            let p12_password = secrets::obtain(
                lang,
                p12_password_file.as_deref(),
                "field.p12_password",
                false,
            )?;
            let key_password = if *no_key_password {
                None
            } else {
                Some(secrets::obtain(
                    lang,
                    key_password_file.as_deref(),
                    "field.key_password",
                    true,
                )?)
            };
            let ws = trusting(ws, ctx, trust);
            let (req, report) = procedure::import_platform_p12(
                &ws,
                path,
                &der,
                &p12_password,
                key_password.as_ref(),
            )?;
            imported(&req, &report, out);
            Ok(0)
        }
    }
}

fn reject(
    ws: &Workspace,
    path: &str,
    code: &str,
    reason: Option<&str>,
    out: &Output,
) -> Result<i32> {
    let req = procedure::reject_by_hand(ws, path, code, reason.unwrap_or(""))?;
    out.done(
        &tf(
            out.lang,
            "cli.rejected",
            &[
                &req.path(),
                &req.rejection_code.clone().unwrap_or_default(),
                &req.rejection_reason.clone().unwrap_or_default(),
            ],
        ),
        json!({"request": req, "rejection": {"code": req.rejection_code, "reason": req.rejection_reason}}),
    );
    Ok(0)
}

fn import(ws: &Workspace, path: &str, file: &Path, ctx: &Ctx, out: &Output) -> Result<i32> {
    let bytes = read_answer(file, ctx.config.max_message_bytes())?;
    let (req, report) = procedure::import_response(ws, path, &bytes)?;
    imported(&req, &report, out);
    Ok(0)
}

/// A certificate imported, said as `response import` says it.
fn imported(req: &cleocps_core::request::Request, report: &procedure::ImportReport, out: &Output) {
    for w in &report.warnings {
        say(&w.to_string());
    }
    out.done(
        &tf(
            out.lang,
            "cli.imported",
            &[&req.path(), &report.leaf.subject, &report.leaf.not_after],
        ),
        json!({"request": req, "certificate": report.leaf, "chain": report.chain, "warnings": report.warnings}),
    );
}

/// The answer's bytes: the file, or standard input for `-` (pasted
/// text); at most `limit` (`max_message_bytes`).
pub(super) fn read_answer(file: &Path, limit: u64) -> Result<Vec<u8>> {
    if file.as_os_str() != "-" {
        return cleocps_core::fsutil::read_bounded(file, limit).map_err(|e| Error::read(file, e));
    }
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(
        &mut std::io::Read::take(std::io::stdin(), limit + 1),
        &mut bytes,
    )
    .map_err(|e| Error::io("-", e))?;
    if bytes.len() as u64 > limit {
        return Err(Error::TooLarge {
            path: file.into(),
            limit,
        });
    }
    Ok(bytes)
}
