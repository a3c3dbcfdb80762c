//! `config check` and `demo`: what the tool runs on.

use super::args::*;
use super::{card, Ctx, Output};
use crate::i18n::{t, tf};
use cleocps_core::error::{Error, Result};
use cleocps_core::workspace::Workspace;
use serde_json::json;
use std::path::PathBuf;

/// `config check`: the file read and what would be used.
pub(super) fn config_check(ctx: &Ctx, out: &Output) -> Result<i32> {
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

/// `config set KEY VALUE…`: written even when the file is invalid now (it
/// is how one repairs it), and only when the result passes `config check`.
pub(super) fn config_set(cli: &Cli, pairs: &[String], out: &Output) -> Result<i32> {
    let lang = out.lang;
    if !pairs.len().is_multiple_of(2) {
        return Err(Error::Usage(t(lang, "cli.config_pairs")));
    }
    let (path, _) = cleocps_core::config::Config::locate(cli.config.as_deref())
        .ok_or_else(|| Error::NotADirectory(PathBuf::from("~/.config/cleocps")))?;
    let pairs: Vec<(&str, &str)> = pairs
        .chunks(2)
        .filter_map(|c| Some((c.first()?.as_str(), c.get(1)?.as_str())))
        .collect();
    let config = cleocps_core::config::set_in_file(&path, &pairs)?;
    out.done(
        &tf(lang, "cli.config_set", &[&path.display()]),
        json!({"file": path, "config": config}),
    );
    Ok(0)
}

/// `config get KEY`: the value as JSON.
pub(super) fn config_get(ctx: &Ctx, key: &str, out: &Output) -> Result<i32> {
    let value = cleocps_core::config::get_value(&ctx.config, key).ok_or_else(|| {
        Error::from(cleocps_core::config::ConfigError::BadValue {
            key: "key",
            detail: key.to_string(),
        })
    })?;
    out.done(&value.to_string(), json!({ "key": key, "value": value }));
    Ok(0)
}

/// `demo`: the sandbox (`--workspace` chooses its place), then the interface
/// with the registration server answering in the background.
pub(super) fn demo(cli: &Cli, reset: bool, no_tui: bool, out: &Output) -> Result<i32> {
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
    let ws = Workspace::open(&sandbox.workspace)?.with_trust(sandbox.config.trust.clone());
    let ctx = Ctx {
        config: sandbox.config.clone(),
        path: Some(sandbox.config_file.clone()),
    };
    let tui_ctx = crate::tui::TuiContext {
        config: sandbox.config.clone(),
        card: card::options(&CardArgs::default(), &ctx),
        open_wizard: false,
        // The demo's own configuration: its screen edits that file.
        config_path: Some(sandbox.config_file.clone()),
        open_config: false,
    };
    crate::tui::run(ws, lang, tui_ctx).map_err(|e| Error::io(PathBuf::from("/dev/tty"), e))
}
