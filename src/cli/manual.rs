//! The manual procedure's commands: folders, requests, keys, exports.

use super::args::*;
use super::{card, secrets, Ctx, Output};
use crate::i18n::{t, tf, Lang};
use cleocps_core::error::{Error, Result};
use cleocps_core::procedure::{self, FormEdit};
use cleocps_core::request::{journal, Request, RequestType};
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

pub(super) fn request(ws: &Workspace, cmd: &RequestCmd, ctx: &Ctx, out: &Output) -> Result<i32> {
    let lang = out.lang;
    match cmd {
        RequestCmd::Create { path, kind } => {
            let (folder, name) = match path.split_once('/') {
                Some((f, "")) => (f, None),
                Some((f, n)) => (f, Some(n)),
                None => (path.as_str(), None),
            };
            let kind = RequestType::from(*kind);
            let req =
                procedure::create_request(ws, folder, name, kind, &ctx.config.subject_defaults)?;
            out.done(
                &tf(lang, "cli.request_created", &[&req.path()]),
                json!({"request": req}),
            );
        }
        RequestCmd::List => {
            let reqs: Vec<Request> = ws.tree()?.into_iter().flat_map(|(_, r)| r).collect();
            // Damaged entries are listed apart, with what is wrong; the rest works.
            let damaged = ws.damaged()?;
            let text = reqs
                .iter()
                .map(|r| request_line(lang, r))
                .chain(
                    damaged
                        .iter()
                        .map(|d| tf(lang, "cli.damaged", &[&d.path(), &d.problem])),
                )
                .collect::<Vec<_>>()
                .join("\n");
            let value: Vec<Value> = reqs
                .iter()
                .map(|r| {
                    json!({"folder": r.folder, "name": r.name, "type": r.kind, "state": r.state, "id": r.id})
                })
                .chain(damaged.iter().map(|d| {
                    json!({"folder": d.folder, "name": d.name, "state": "damaged", "problem": d.problem})
                }))
                .collect();
            out.done(&text, json!(value));
        }
        RequestCmd::Show { path } => {
            let req = ws.find(path)?;
            let cert = procedure::certificate(ws, &req).ok().flatten();
            let files: Vec<Value> = procedure::files(ws, &req)
                .iter()
                .map(|(p, size)| json!({"path": p, "size": size}))
                .collect();
            let mut value = serde_json::to_value(&req).unwrap_or_default();
            if let Value::Object(map) = &mut value {
                map.insert("certificate".into(), json!(cert));
                map.insert("files".into(), json!(files));
            }
            out.done(&show_text(ws, lang, &req, cert.as_ref()), value);
        }
        RequestCmd::Delete { path, force } => {
            procedure::delete_request(ws, path, *force)?;
            out.done(
                &tf(lang, "cli.request_deleted", &[path]),
                json!({"deleted": path}),
            );
        }
        RequestCmd::Edit(a) => {
            let edit = FormEdit {
                cn: a.cn.clone(),
                email: a.email.clone(),
                san: if a.clear_san {
                    Some(Vec::new())
                } else if a.san.is_empty() {
                    None
                } else {
                    Some(a.san.clone())
                },
                o: a.o.clone(),
                ou: a.ou.clone(),
                st: a.st.clone(),
                l: a.l.clone(),
                c: a.c.clone(),
                allow_wildcard: a.allow_wildcard,
            };
            let (req, notices) = procedure::edit_form(ws, &a.path, &edit)?;
            let warnings = out.notices(&notices);
            out.done(
                &tf(lang, "cli.form_saved", &[&req.path()]),
                json!({"request": req, "warnings": warnings}),
            );
        }
        RequestCmd::Generate(a) => {
            if !a.csr_only && !a.card {
                return Err(Error::Usage(t(lang, "cli.generate_how")));
            }
            let req = ws.find(&a.path)?;
            req.check(cleocps_core::request::Action::GenerateRequest)?;
            procedure::csr_spec(&req)?;
            if a.card {
                procedure::check_card_route(&req)?;
            }
            out.notices(&procedure::subject_notices(&req));
            let password = key_password(ws, &req, lang, a.key_password_file.as_ref())?;
            if a.card {
                return card::generate(ws, a, password.as_ref(), ctx, out);
            }
            let req = procedure::generate_csr(ws, &a.path, password.as_ref())?;
            let csr = ws.file(&req, cleocps_core::workspace::RequestFile::Csr);
            out.done(
                &tf(lang, "cli.csr_done", &[&csr.display()]),
                json!({"request": req, "csr": csr}),
            );
        }
        RequestCmd::Send { path } => {
            let req = cleocps_core::mail::send_request(ws, &ctx.config, path)?;
            out.done(
                &tf(
                    lang,
                    "cli.sent",
                    &[&req.path(), &req.message_id.clone().unwrap_or_default()],
                ),
                json!({"request": req}),
            );
        }
        RequestCmd::Adopt(args) => return super::adopt::run(ws, args, ctx, out),
        RequestCmd::Renew { path, name } => {
            let req = procedure::renew(ws, path, name.as_deref())?;
            out.done(
                &tf(lang, "cli.renewed", &[&req.path()]),
                json!({"request": req}),
            );
        }
    }
    Ok(0)
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
