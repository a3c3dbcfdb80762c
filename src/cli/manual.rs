//! The manual procedure's commands: folders, requests, keys, exports.

use super::args::*;
use super::{secrets, Ctx, Output};
use crate::i18n::{t, tf, Lang};
use cleocps_core::error::Result;
use cleocps_core::procedure::{self, KeyOptions};
use cleocps_core::request::{journal, Request};
use cleocps_core::workspace::Workspace;
use serde_json::{json, Value};
use std::path::PathBuf;

pub(super) fn folder(ws: &Workspace, cmd: &FolderCmd, out: &Output) -> Result<i32> {
    let lang = out.lang;
    match cmd {
        FolderCmd::Create { name } => {
            let name = procedure::create_folder(ws, name.as_deref())?;
            out.done(
                &tf(lang, "cli.folder_created", &[&name]),
                json!({"folder": name}),
            );
        }
        FolderCmd::List => {
            let tree = ws.tree()?;
            let text = tree
                .iter()
                .map(|(f, reqs)| format!("{f}\t{}", reqs.len()))
                .collect::<Vec<_>>()
                .join("\n");
            let value: Vec<Value> = tree
                .iter()
                .map(|(f, reqs)| json!({"name": f, "requests": reqs.len()}))
                .collect();
            out.done(&text, json!(value));
        }
        FolderCmd::Rename { name, new } => {
            procedure::rename_folder(ws, name, new)?;
            out.done(
                &tf(lang, "cli.folder_renamed", &[name, new]),
                json!({"folder": new}),
            );
        }
        FolderCmd::Delete { name, force } => {
            procedure::delete_folder(ws, name, *force)?;
            out.done(
                &tf(lang, "cli.folder_deleted", &[name]),
                json!({"deleted": name}),
            );
        }
    }
    Ok(0)
}

/// One line per request: path, type, state.
pub(super) fn request_line(lang: Lang, r: &Request) -> String {
    format!(
        "{}\t{}\t{}",
        r.path(),
        r.kind.short_name(),
        t(lang, r.state.label_id())
    )
}

/// `keys generate` and `keys password`.
pub(super) fn keys(ws: &Workspace, cmd: &KeysCmd, ctx: &Ctx, out: &Output) -> Result<i32> {
    match cmd {
        KeysCmd::Generate {
            path,
            bits,
            legacy_1024,
            key_password_file,
            no_key_password,
            replace,
        } => {
            let lang = out.lang;
            let size = procedure::key_size(bits.or(ctx.config.key_bits), *legacy_1024)?;
            let password = if *no_key_password {
                None
            } else {
                Some(secrets::obtain(
                    lang,
                    key_password_file.as_deref(),
                    "field.key_password",
                    true,
                )?)
            };
            let opts = KeyOptions {
                size,
                password,
                replace: *replace,
            };
            let (req, notices) = procedure::generate_keys(ws, path, &opts)?;
            let warnings = out.notices(&notices);
            out.done(
                &tf(lang, "cli.keys_done", &[&size.bits(), &req.path()]),
                json!({"request": req, "warnings": warnings}),
            );
            Ok(0)
        }
        KeysCmd::Password(args) => super::ops::keys::password(ws, args, out),
    }
}

/// The key password, asked only when the key is encrypted.
pub(super) fn key_password(
    ws: &Workspace,
    req: &Request,
    lang: Lang,
    file: Option<&PathBuf>,
) -> Result<Option<cleocps_core::secret::Secret>> {
    if procedure::key_is_encrypted(ws, req) {
        Ok(Some(secrets::obtain(
            lang,
            file.map(|p| p.as_path()),
            "field.key_password",
            false,
        )?))
    } else {
        Ok(None)
    }
}

pub(super) fn show_text(
    ws: &Workspace,
    lang: Lang,
    req: &Request,
    cert: Option<&cleocps_core::pki::CertSummary>,
) -> String {
    let s = &req.subject;
    let mut lines = vec![
        format!("{}  [{}]", req.path(), request_line(lang, req)),
        format!("id: {}", req.id),
    ];
    for (id, v) in [
        (req.kind.cn_field(), &s.cn),
        ("field.o", &s.o),
        ("field.ou", &s.ou),
        ("field.st", &s.st),
        ("field.l", &s.l),
        ("field.c", &s.c),
    ] {
        if let Some(v) = v {
            lines.push(format!("{}: {v}", t(lang, id)));
        }
    }
    if !req.san.is_empty() {
        lines.push(format!("{}: {}", t(lang, "field.san"), req.san.join(", ")));
    }
    if let Some(bits) = req.key_bits {
        lines.push(tf(lang, "cli.key_line", &[&bits]));
    }
    if let (Some(code), reason) = (&req.rejection_code, &req.rejection_reason) {
        lines.push(format!("REJET: {code} {}", reason.as_deref().unwrap_or("")));
    }
    if let Some(c) = cert {
        lines.push(tf(lang, "cli.cert_line", &[&c.subject, &c.not_after]));
    }
    for (id, link) in [
        ("cli.renews", &req.renews),
        ("cli.renewed_by", &req.renewed_by),
    ] {
        if let Some(other) = link {
            let path = procedure::find_by_id(ws, other).map_or_else(|| other.clone(), |r| r.path());
            lines.push(tf(lang, id, &[&path]));
        }
    }
    for j in &req.journal {
        lines.push(format!(
            "  {} {} {}",
            j.time,
            journal::action(lang, j),
            journal::outcome(lang, j)
        ));
    }
    lines.join("\n")
}

pub(super) fn export(ws: &Workspace, cmd: &ExportCmd, out: &Output) -> Result<i32> {
    let lang = out.lang;
    match cmd {
        ExportCmd::Pem {
            path,
            out: dir,
            name,
            key_password_file,
            no_key_password,
            force,
        } => {
            let req = ws.find(path)?;
            req.check(cleocps_core::request::Action::ExportPem)?;
            let password = key_password(ws, &req, lang, key_password_file.as_ref())?;
            let (files, notices) = procedure::export_pem(
                ws,
                path,
                (dir, name.as_deref()),
                password.as_ref(),
                *no_key_password,
                *force,
            )?;
            out.notices(&notices);
            let text = files
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join("\n");
            out.done(&text, json!({"files": files}));
        }
        ExportCmd::P12 {
            path,
            out: file,
            p12_password_file,
            key_password_file,
            legacy,
            force,
        } => {
            let req = ws.find(path)?;
            req.check(cleocps_core::request::Action::ExportP12)?;
            let key_pw = key_password(ws, &req, lang, key_password_file.as_ref())?;
            let p12_pw = secrets::obtain(
                lang,
                p12_password_file.as_deref(),
                "field.p12_password",
                true,
            )?;
            let written =
                procedure::export_p12(ws, path, file, &p12_pw, key_pw.as_ref(), *legacy, *force)?;
            out.done(
                &written.display().to_string(),
                json!({"file": written, "legacy": legacy}),
            );
        }
    }
    Ok(0)
}
