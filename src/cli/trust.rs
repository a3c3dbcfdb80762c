//! `trust show` and `trust export` (DESIGN §4a): the IGC-Santé anchors and
//! intermediates in use, listed, and handed to the system, curl and Java.
//! Read-only on the workspace: neither command needs or creates it.

use super::args::{TrustCmd, TrustFormat};
use super::{secrets, Ctx, Output};
use crate::i18n::{t, tf};
use cleocps_core::error::{Error, Result};
use cleocps_core::fsutil;
use cleocps_core::trust::{ExportFormat, TrustRole};
use serde_json::json;
use std::path::Path;

pub(super) fn run(cmd: &TrustCmd, ctx: &Ctx, out: &Output) -> Result<i32> {
    match cmd {
        TrustCmd::Show => show(ctx, out),
        TrustCmd::Export {
            format,
            out: file,
            password_file,
            force,
        } => export(ctx, out, *format, file, password_file.as_deref(), *force),
    }
}

fn show(ctx: &Ctx, out: &Output) -> Result<i32> {
    let lang = out.lang;
    let entries = ctx.config.trust.entries()?;
    let mut lines = Vec::new();
    for e in &entries {
        let role = match e.role {
            TrustRole::Anchor => t(lang, "cli.trust.anchor"),
            TrustRole::Intermediate => t(lang, "cli.trust.intermediate"),
        };
        let source = match &e.file {
            Some(f) => f.clone(),
            None => t(lang, "cli.trust.built_in").to_string(),
        };
        let until = e.not_after.split('T').next().unwrap_or(&e.not_after);
        lines.push(format!("{role}  {}  ({source})", e.name));
        lines.push(format!("    {}", e.subject));
        lines.push(format!("    SHA-256 {}", e.sha256));
        lines.push(tf(lang, "cli.trust.until", &[&until]));
    }
    out.done(&lines.join("\n"), json!(entries));
    Ok(0)
}

fn export(
    ctx: &Ctx,
    out: &Output,
    format: TrustFormat,
    file: &Path,
    password_file: Option<&Path>,
    force: bool,
) -> Result<i32> {
    let lang = out.lang;
    if file.exists() && !force {
        return Err(Error::FileExists(file.to_path_buf()));
    }
    let (format, password) = match format {
        TrustFormat::Pem => (ExportFormat::Pem, None),
        TrustFormat::P7b => (ExportFormat::P7b, None),
        TrustFormat::P12 => {
            let pw = secrets::obtain(lang, password_file, "field.truststore_password", true)?;
            (ExportFormat::P12, Some(pw))
        }
    };
    let bytes = ctx.config.trust.export(format, password.as_ref())?;
    let count = ctx.config.trust.entries()?.len();
    if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
        if !dir.is_dir() {
            fsutil::create_private_dir(dir).map_err(|e| Error::io(dir, e))?;
        }
    }
    // Public certificates: readable by the services that trust them.
    fsutil::write_atomic(file, &bytes, 0o644).map_err(|e| Error::io(file, e))?;
    out.done(
        &tf(lang, "cli.trust.exported", &[&count, &file.display()]),
        json!({"file": file, "certificates": count}),
    );
    Ok(0)
}
