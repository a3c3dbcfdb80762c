//! The command-line front: parses, calls `procedure`, prints text or JSON.
//! Exit codes (DESIGN §2): 0 done, 1 refused/failed, 2 usage, 3 nothing yet.

mod args;
mod card;
mod mail;
mod ra;
mod secrets;
mod texts;
mod wizard;

pub use args::Cli;
pub use texts::TEXTS;

use crate::config::Config;
use crate::error::{Error, Result};
use crate::i18n::{self, t, tf, Lang};
use crate::pki::KeySize;
use crate::procedure::{self, FormEdit, KeyOptions, Notice};
use crate::request::{Request, RequestType};
use crate::workspace::Workspace;
use args::*;
use clap::Parser;
use serde_json::{json, Value};
use std::path::PathBuf;

/// What the binary runs. Returns the process exit code.
pub fn main() -> i32 {
    let cli = Cli::parse();
    crate::logging::init();
    let loaded = Config::load(cli.config.as_deref());
    let lang = match cli.lang {
        Some(LangArg::Fr) => Lang::Fr,
        Some(LangArg::En) => Lang::En,
        None => loaded
            .as_ref()
            .ok()
            .and_then(|(c, _)| c.lang())
            .unwrap_or_else(Lang::from_env),
    };
    i18n::set_current(lang);
    let out = Output {
        json: cli.json,
        lang,
    };
    let result = loaded
        .map_err(Error::from)
        .and_then(|(config, path)| run(&cli, &Ctx { config, path }, &out));
    match result {
        Ok(code) => code,
        Err(e) => {
            let msg = e.localize(lang);
            log::warn!(
                "{:?} failed: {}",
                cli.command.as_ref().map(command_name),
                e.localize(crate::i18n::Lang::En)
            );
            if out.json {
                println!(
                    "{}",
                    json!({"error": {"message": msg, "exit_code": e.exit_code()}})
                );
            }
            eprintln!("cleocps: {msg}");
            e.exit_code()
        }
    }
}

/// Where results go: text for people, JSON for scripts.
struct Output {
    json: bool,
    lang: Lang,
}

impl Output {
    /// Prints `text` for people or `value` for scripts.
    fn done(&self, text: &str, value: Value) {
        if self.json {
            println!("{value}");
        } else if !text.is_empty() {
            println!("{text}");
        }
    }

    /// Warnings always go to stderr, so JSON on stdout stays clean.
    fn notices(&self, notices: &[Notice]) -> Vec<String> {
        let texts: Vec<String> = notices.iter().map(|n| n.localize(self.lang)).collect();
        for n in &texts {
            eprintln!("cleocps: {n}");
        }
        texts
    }
}

fn workspace(cli: &Cli) -> Result<Workspace> {
    let root = Workspace::default_root(cli.workspace.as_deref())
        .ok_or_else(|| Error::NotADirectory(PathBuf::from("~/.local/share/cleocps")))?;
    Workspace::open(&root)
}

/// What every command may need besides its arguments.
struct Ctx {
    config: Config,
    /// The configuration file read, if any.
    path: Option<PathBuf>,
}

fn run(cli: &Cli, ctx: &Ctx, out: &Output) -> Result<i32> {
    let lang = out.lang;
    let Some(command) = &cli.command else {
        // Plain `cleocps`: the card as the configuration and environment say.
        return run_tui(cli, ctx, &CardArgs::default(), lang);
    };
    if let Command::Config(ConfigCmd::Check) = command {
        return config_check(ctx, out);
    }
    if let Command::Ra(cmd) = command {
        return ra::run(cmd, ctx, out);
    }
    if let Command::Demo { reset, no_tui } = command {
        return demo(cli, *reset, *no_tui, out);
    }
    let ws = workspace(cli)?;
    match command {
        Command::Tui { card } => run_tui(cli, ctx, card, lang),
        Command::Config(_) => Ok(0),
        Command::Folder(cmd) => folder(&ws, cmd, out),
        Command::Request(cmd) => request(&ws, cmd, ctx, out),
        Command::Keys(KeysCmd::Generate {
            path,
            bits,
            legacy_1024,
            key_password_file,
            no_key_password,
            replace,
        }) => {
            let size = key_size(bits.or(ctx.config.key_bits), *legacy_1024)?;
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
            let (req, notices) = procedure::generate_keys(&ws, path, &opts)?;
            let warnings = out.notices(&notices);
            out.done(
                &tf(lang, "cli.keys_done", &[&size.bits(), &req.path()]),
                json!({"request": req, "warnings": warnings}),
            );
            Ok(0)
        }
        Command::Response(ResponseCmd::Fetch {
            path,
            all,
            wait,
            key_password_file,
        }) => mail::fetch(
            &ws,
            &ctx.config,
            out,
            path.as_deref(),
            *all,
            *wait,
            key_password_file.as_deref(),
        ),
        Command::Directory(DirectoryCmd::Lookup { holder, card }) => {
            let holder = match holder {
                Some(h) => h.clone(),
                // The card's holder; without a card, say how to give it.
                None => crate::card::status(&card::options(card, ctx))
                    .map(|s| s.holder.id)
                    .map_err(|_| crate::directory::DirectoryError::NoHolder)?,
            };
            mail::lookup(&ctx.config, out, &holder)
        }
        Command::Response(ResponseCmd::Import { path, file, .. }) => {
            let bytes = std::fs::read(file).map_err(|e| Error::io(file, e))?;
            let (req, report) = procedure::import_response(&ws, path, &bytes)?;
            for w in &report.warnings {
                eprintln!("cleocps: {w}");
            }
            out.done(
                &tf(
                    lang,
                    "cli.imported",
                    &[&req.path(), &report.leaf.subject, &report.leaf.not_after],
                ),
                json!({"request": req, "certificate": report.leaf, "chain": report.chain, "warnings": report.warnings}),
            );
            Ok(0)
        }
        Command::Export(cmd) => export(&ws, cmd, out),
        Command::Card(CardCmd::List { card }) => card::list(card, ctx, out),
        Command::Card(CardCmd::Status { card }) => card::status(card, ctx, out),
        Command::Card(CardCmd::Share {
            card,
            ssh,
            ssh_options,
            remote_socket,
            command,
        }) => card::share(
            card,
            ssh.as_deref(),
            ssh_options,
            remote_socket.as_deref(),
            command,
            ctx,
            out,
        ),
        Command::Card(CardCmd::SoftInit {
            file,
            holder_cert,
            holder_key,
            pin_file,
            force,
        }) => card::soft_init(
            file,
            holder_cert,
            holder_key,
            pin_file.as_ref(),
            *force,
            out,
        ),
        Command::Doctor { card, ra_cert } => card::doctor(card, ra_cert.as_deref(), ctx, out),
        Command::Ra(_) => Ok(0),
        Command::Wizard(args) => wizard::run(&ws, args, ctx, out),
        Command::Demo { .. } => Ok(0),
    }
}

fn run_tui(cli: &Cli, ctx: &Ctx, card_args: &CardArgs, lang: Lang) -> Result<i32> {
    let ws = workspace(cli)?;
    let tui_ctx = crate::tui::TuiContext {
        config: ctx.config.clone(),
        card: card::options(card_args, ctx),
        open_wizard: false,
    };
    crate::tui::run(ws, lang, tui_ctx).map_err(|e| Error::io(PathBuf::from("/dev/tty"), e))
}

fn key_size(bits: Option<u32>, legacy: bool) -> Result<KeySize> {
    match (bits, legacy) {
        (None | Some(1024), true) => Ok(KeySize::Legacy1024),
        (Some(1024), false) => Err(Error::LegacyNeedsFlag),
        (None, false) => Ok(KeySize::B2048),
        (Some(b), _) => match KeySize::from_bits(b as usize) {
            Some(s) if s != KeySize::Legacy1024 => Ok(s),
            _ => Err(Error::BadKeySize(b)),
        },
    }
}

fn folder(ws: &Workspace, cmd: &FolderCmd, out: &Output) -> Result<i32> {
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
fn request_line(lang: Lang, r: &Request) -> String {
    format!(
        "{}\t{}\t{}",
        r.path(),
        match r.kind {
            RequestType::Ssl => "SSL",
            RequestType::Smime => "S/MIME",
        },
        t(lang, r.state.label_id())
    )
}

fn request(ws: &Workspace, cmd: &RequestCmd, ctx: &Ctx, out: &Output) -> Result<i32> {
    let lang = out.lang;
    match cmd {
        RequestCmd::Create { path, kind } => {
            let (folder, name) = match path.split_once('/') {
                Some((f, "")) => (f, None),
                Some((f, n)) => (f, Some(n)),
                None => (path.as_str(), None),
            };
            let kind = match kind {
                TypeArg::Ssl => RequestType::Ssl,
                TypeArg::Smime => RequestType::Smime,
            };
            let req = procedure::create_request_with(
                ws,
                folder,
                name,
                kind,
                &ctx.config.subject_defaults,
            )?;
            out.done(
                &tf(lang, "cli.request_created", &[&req.path()]),
                json!({"request": req}),
            );
        }
        RequestCmd::List => {
            let reqs: Vec<Request> = ws.tree()?.into_iter().flat_map(|(_, r)| r).collect();
            let text = reqs
                .iter()
                .map(|r| request_line(lang, r))
                .collect::<Vec<_>>()
                .join("\n");
            let value: Vec<Value> = reqs
                .iter()
                .map(|r| {
                    json!({"folder": r.folder, "name": r.name, "type": r.kind, "state": r.state, "id": r.id})
                })
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
            out.done(&show_text(lang, &req, cert.as_ref()), value);
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
            req.state.check(crate::request::Action::GenerateRequest)?;
            procedure::csr_spec(&req)?;
            let password = key_password(ws, &req, lang, a.key_password_file.as_ref())?;
            if a.card {
                return card::generate(ws, a, password.as_ref(), ctx, out);
            }
            let req = procedure::generate_csr(ws, &a.path, password.as_ref())?;
            let csr = ws.file(&req, crate::workspace::RequestFile::Csr);
            out.done(
                &tf(lang, "cli.csr_done", &[&csr.display()]),
                json!({"request": req, "csr": csr}),
            );
        }
        RequestCmd::Send { path } => {
            let req = crate::mail::send_request(ws, &ctx.config, path)?;
            out.done(
                &tf(
                    lang,
                    "cli.sent",
                    &[&req.path(), &req.message_id.clone().unwrap_or_default()],
                ),
                json!({"request": req}),
            );
        }
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
fn key_password(
    ws: &Workspace,
    req: &Request,
    lang: Lang,
    file: Option<&PathBuf>,
) -> Result<Option<crate::secret::Secret>> {
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

fn show_text(lang: Lang, req: &Request, cert: Option<&crate::pki::CertSummary>) -> String {
    let s = &req.subject;
    let mut lines = vec![
        format!("{}  [{}]", req.path(), request_line(lang, req)),
        format!("id: {}", req.id),
    ];
    for (id, v) in [
        ("field.cn", &s.cn),
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
    for j in &req.journal {
        lines.push(format!("  {} {} {}", j.time, j.action, j.outcome));
    }
    lines.join("\n")
}

fn export(ws: &Workspace, cmd: &ExportCmd, out: &Output) -> Result<i32> {
    let lang = out.lang;
    match cmd {
        ExportCmd::Pem {
            path,
            out: dir,
            key_password_file,
            no_key_password,
            force,
        } => {
            let req = ws.find(path)?;
            req.state.check(crate::request::Action::ExportPem)?;
            let password = key_password(ws, &req, lang, key_password_file.as_ref())?;
            if *no_key_password {
                out.notices(&[Notice("notice.clear_key")]);
            }
            let files =
                procedure::export_pem(ws, path, dir, password.as_ref(), *no_key_password, *force)?;
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
            req.state.check(crate::request::Action::ExportP12)?;
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

/// `config check`: the file read and what would be used.
fn config_check(ctx: &Ctx, out: &Output) -> Result<i32> {
    let c = &ctx.config;
    let lang = out.lang;
    let send = if c.smtp.is_some() {
        "smtp"
    } else if c.sendmail.is_some() {
        "sendmail"
    } else if c.outbox.is_some() {
        "outbox"
    } else {
        "-"
    };
    let receive = if c.imap.is_some() {
        "imap"
    } else if c.maildir.is_some() {
        "maildir"
    } else {
        "-"
    };
    let directory = if c.ldap.is_some() {
        "ldap"
    } else if c.directory_file.is_some() {
        "directory_file"
    } else {
        "-"
    };
    let file = ctx
        .path
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| t(lang, "cli.config_none").to_string());
    let text = tf(
        lang,
        "cli.config_check",
        &[&file, &send, &receive, &directory],
    );
    out.done(
        &text,
        json!({"file": ctx.path, "send": send, "receive": receive, "directory": directory, "config": c}),
    );
    Ok(0)
}

/// The subcommand's name for the log (never its arguments).
fn command_name(c: &Command) -> &'static str {
    match c {
        Command::Folder(_) => "folder",
        Command::Request(_) => "request",
        Command::Keys(_) => "keys",
        Command::Response(_) => "response",
        Command::Export(_) => "export",
        Command::Tui { .. } => "tui",
        Command::Config(_) => "config",
        Command::Card(_) => "card",
        Command::Doctor { .. } => "doctor",
        Command::Directory(_) => "directory",
        Command::Ra(_) => "ra",
        Command::Wizard(_) => "wizard",
        Command::Demo { .. } => "demo",
    }
}

/// `demo`: the sandbox (`--workspace` chooses its place), then the interface
/// with the registration server answering in the background.
fn demo(cli: &Cli, reset: bool, no_tui: bool, out: &Output) -> Result<i32> {
    let lang = out.lang;
    let root = cli
        .workspace
        .clone()
        .or_else(crate::demo::default_root)
        .ok_or_else(|| Error::NotADirectory(PathBuf::from("~/.local/share/cleocps/demo")))?;
    let sandbox = crate::demo::ensure(&root, reset)?;
    let text = tf(
        lang,
        "cli.demo_ready",
        &[
            &sandbox.root.display(),
            &crate::demo::DEMO_PIN,
            &sandbox.config_file.display(),
            &sandbox.workspace.display(),
            &sandbox.root.join("ra.json").display(),
            &sandbox.ra_dir.display(),
        ],
    );
    if no_tui || out.json {
        out.done(
            &text,
            json!({"root": sandbox.root, "workspace": sandbox.workspace,
                   "config": sandbox.config_file, "pin": crate::demo::DEMO_PIN,
                   "ra": sandbox.ra_dir, "ra_config": sandbox.root.join("ra.json")}),
        );
        return Ok(0);
    }
    eprintln!("{text}");
    let _ra = crate::demo::RaThread::start(&sandbox)?;
    let ws = Workspace::open(&sandbox.workspace)?;
    let ctx = Ctx {
        config: sandbox.config.clone(),
        path: Some(sandbox.config_file.clone()),
    };
    let tui_ctx = crate::tui::TuiContext {
        config: sandbox.config.clone(),
        card: card::options(&CardArgs::default(), &ctx),
        open_wizard: false,
    };
    crate::tui::run(ws, lang, tui_ctx).map_err(|e| Error::io(PathBuf::from("/dev/tty"), e))
}
