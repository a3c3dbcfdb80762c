//! `response import`, `response reject` and `response fetch`: the answer's
//! three ways in. The work is in `cleocps_core::procedure` and `mail`.

use super::args::ResponseCmd;
use super::{mail, say, trusting, Ctx, Output};
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
        } => import(&trusting(ws, ctx, trust), path, file, out),
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

fn import(ws: &Workspace, path: &str, file: &Path, out: &Output) -> Result<i32> {
    let bytes = read_answer(file)?;
    let (req, report) = procedure::import_response(ws, path, &bytes)?;
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
    Ok(0)
}

/// The answer's bytes: the file, or standard input for `-` (pasted text).
pub(super) fn read_answer(file: &Path) -> Result<Vec<u8>> {
    if file.as_os_str() != "-" {
        return std::fs::read(file).map_err(|e| Error::io(file, e));
    }
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes).map_err(|e| Error::io("-", e))?;
    Ok(bytes)
}
