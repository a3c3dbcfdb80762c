//! `request …`: create, list, show, edit, generate, send, adopt, renew,
//! delete. Each subcommand is one function; the work is in
//! `cleocps_core::procedure`.

use super::args::*;
use super::manual::{key_password, request_line, show_text};
use super::{card, Ctx, Output};
use crate::i18n::{t, tf};
use cleocps_core::error::{Error, Result};
use cleocps_core::procedure::{self, FormEdit};
use cleocps_core::request::{Action, Request, RequestType};
use cleocps_core::workspace::{RequestFile, Workspace};
use serde_json::{json, Value};

pub(super) fn run(ws: &Workspace, cmd: &RequestCmd, ctx: &Ctx, out: &Output) -> Result<i32> {
    let lang = out.lang;
    match cmd {
        RequestCmd::Create { path, kind } => create(ws, path, kind, ctx, out),
        RequestCmd::List => list(ws, out),
        RequestCmd::Show { path } => show(ws, path, out),
        RequestCmd::Delete { path, force } => {
            procedure::delete_request(ws, path, *force)?;
            out.done(
                &tf(lang, "cli.request_deleted", &[path]),
                json!({"deleted": path}),
            );
            Ok(0)
        }
        RequestCmd::Edit(a) => edit(ws, a, out),
        RequestCmd::Generate(a) => generate(ws, a, ctx, out),
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
            Ok(0)
        }
        RequestCmd::Adopt(args) => super::adopt::run(ws, args, ctx, out),
        RequestCmd::Renew { path, name } => {
            let req = procedure::renew(ws, path, name.as_deref())?;
            out.done(
                &tf(lang, "cli.renewed", &[&req.path()]),
                json!({"request": req}),
            );
            Ok(0)
        }
    }
}

/// `request create FOLDER[/NAME]`: a name left out is the core's to choose.
fn create(ws: &Workspace, path: &str, kind: &TypeArg, ctx: &Ctx, out: &Output) -> Result<i32> {
    let (folder, name) = match path.split_once('/') {
        Some((f, "")) => (f, None),
        Some((f, n)) => (f, Some(n)),
        None => (path, None),
    };
    let kind = RequestType::from(*kind);
    let req = procedure::create_request(ws, folder, name, kind, &ctx.config.subject_defaults)?;
    out.done(
        &tf(out.lang, "cli.request_created", &[&req.path()]),
        json!({"request": req}),
    );
    Ok(0)
}

fn list(ws: &Workspace, out: &Output) -> Result<i32> {
    let lang = out.lang;
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
    Ok(0)
}

fn show(ws: &Workspace, path: &str, out: &Output) -> Result<i32> {
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
    out.done(&show_text(ws, out.lang, &req, cert.as_ref()), value);
    Ok(0)
}

/// `request edit`: only the fields given change; `--clear-san` empties the
/// names, which no `--san` could say.
fn edit(ws: &Workspace, a: &EditArgs, out: &Output) -> Result<i32> {
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
        &tf(out.lang, "cli.form_saved", &[&req.path()]),
        json!({"request": req, "warnings": warnings}),
    );
    Ok(0)
}

/// `request generate --csr-only | --card`: the checks both ways share come
/// first, so a refused request never asks for a password.
fn generate(ws: &Workspace, a: &GenerateArgs, ctx: &Ctx, out: &Output) -> Result<i32> {
    let lang = out.lang;
    if !a.csr_only && !a.card {
        return Err(Error::Usage(t(lang, "cli.generate_how")));
    }
    let req = ws.find(&a.path)?;
    req.check(Action::GenerateRequest)?;
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
    let csr = ws.file(&req, RequestFile::Csr);
    out.done(
        &tf(lang, "cli.csr_done", &[&csr.display()]),
        json!({"request": req, "csr": csr}),
    );
    Ok(0)
}
