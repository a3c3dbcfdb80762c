//! The command-line front: parses, calls `procedure`, prints text or JSON.
//! Exit codes (DESIGN §2): 0 done, 1 refused/failed, 2 usage, 3 nothing yet.

mod adopt;
mod args;
mod card;
mod generate;
pub(crate) mod help_fr;
mod hint;
mod mail;
mod manual;
mod ops;
mod ra;
mod ra_issue;
mod request;
mod response;
mod secrets;
mod setup;
mod trust;
mod wizard;

pub use args::Cli;

use crate::i18n::{self, Lang};
use args::*;
use clap::{CommandFactory, FromArgMatches};
use cleocps_core::config::Config;
use cleocps_core::error::{Error, Result};
use cleocps_core::procedure::Notice;
use cleocps_core::sanitize;
use cleocps_core::workspace::Workspace;
use manual::{export, folder, keys};
use serde_json::{json, Value};
use setup::{config_check, demo};
use std::path::PathBuf;

/// What the binary runs. Returns the process exit code.
pub fn main() -> i32 {
    let help = help_fr::localized(Cli::command(), help_lang());
    let cli = match help
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(cli) => cli,
        // `check` speaks the monitoring-plugin convention even for a bad
        // command line: UNKNOWN (3), not clap's usage code 2 (= CRITICAL).
        Err(e) if e.use_stderr() && invoked_check() => {
            println!(
                "{}",
                cleocps_core::ops::CheckReport::unknown(e.to_string().lines().next().unwrap_or(""))
            );
            let _ = e.print();
            return cleocps_core::ops::Level::Unknown.exit_code();
        }
        Err(e) => e.exit(),
    };
    cleocps_core::logging::init();
    // Generated from the CLI alone: no configuration or workspace needed.
    match &cli.command {
        Some(Command::Completions { shell }) => return exit_of(generate::completions(*shell)),
        Some(Command::Manpage(args)) => return exit_of(generate::manpage(args)),
        _ => {}
    }
    let loaded = match Config::load(cli.config.as_deref()) {
        // The interface's first run: no file yet is what its configuration
        // screen is for (it writes the file named here).
        Err(_) if opens_tui(&cli) && first_run(&cli) => Ok((Config::default(), None)),
        other => other,
    };
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
    // `config set` repairs a file that does not load: it doesn't need it to.
    if let Some(Command::Config(ConfigCmd::Set { pairs })) = &cli.command {
        return match setup::config_set(&cli, pairs, &out) {
            Ok(code) => code,
            Err(e) => {
                say(&e.localize(lang));
                e.exit_code()
            }
        };
    }
    let result = loaded
        .map_err(Error::from)
        .and_then(|(config, path)| run(&cli, &Ctx { config, path }, &out));
    match result {
        Ok(code) => code,
        Err(e) => {
            if let Some(Command::Check(args)) = &cli.command {
                return ops::unknown(args, &out, &e, lang);
            }
            let msg = hint::with_command(&e, e.localize(lang));
            log::warn!(
                "{} failed: {}",
                cli.command.as_ref().map_or("cleocps", command_name),
                e.localize(crate::i18n::Lang::En)
            );
            if out.json {
                println!(
                    "{}",
                    json!({"error": {"message": msg, "exit_code": e.exit_code()}})
                );
            }
            say(&msg);
            e.exit_code()
        }
    }
}

/// Plain `cleocps` or `cleocps tui`.
fn opens_tui(cli: &Cli) -> bool {
    matches!(cli.command, None | Some(Command::Tui { .. }))
}

/// The configuration file named (or the default one) is not there yet.
fn first_run(cli: &Cli) -> bool {
    Config::locate(cli.config.as_deref()).is_some_and(|(path, _)| !path.exists())
}

/// The exit code of a command run before the language is known.
fn exit_of(result: Result<i32>) -> i32 {
    result.unwrap_or_else(|e| {
        say(&e.localize(Lang::from_env()));
        e.exit_code()
    })
}

/// Where results go: text for people, JSON for scripts.
struct Output {
    json: bool,
    lang: Lang,
}

/// A line on stderr, `cleocps: …`. What it carries from outside (mail,
/// LDAP, certificates) can't drive the terminal: it goes through `sanitize`.
pub(super) fn say(text: &str) {
    eprintln!("cleocps: {}", sanitize::text(text));
}

impl Output {
    /// Prints `text` for people or `value` for scripts.
    fn done(&self, text: &str, value: Value) {
        if self.json {
            println!("{value}");
        } else if !text.is_empty() {
            println!("{}", sanitize::text(text));
        }
    }

    /// Warnings always go to stderr, so JSON on stdout stays clean.
    fn notices(&self, notices: &[Notice]) -> Vec<String> {
        let texts: Vec<String> = notices.iter().map(|n| n.localize(self.lang)).collect();
        for n in &texts {
            say(n);
        }
        texts
    }
}

/// The workspace, importing answers against the configuration's trust anchors.
fn workspace(cli: &Cli, ctx: &Ctx) -> Result<Workspace> {
    let root = Workspace::default_root(cli.workspace.as_deref())
        .ok_or_else(|| Error::NotADirectory(PathBuf::from("~/.local/share/cleocps")))?;
    let ws = match &cli.command {
        // doctor reports on a missing workspace, and creates nothing.
        Some(Command::Doctor { .. }) => Workspace::at(&root),
        _ if reads_only(cli) => Workspace::open_existing(&root)?,
        _ => Workspace::open(&root)?,
    };
    Ok(ws.with_trust(ctx.config.trust.clone()))
}

/// Commands that only read: on a missing workspace they say so and create nothing.
fn reads_only(cli: &Cli) -> bool {
    matches!(
        cli.command,
        Some(
            Command::Status
                | Command::Check(_)
                | Command::Request(RequestCmd::List | RequestCmd::Show { .. })
        )
    )
}

/// `ws` trusting also the `--trust-anchor` files of this command.
fn trusting(ws: &Workspace, ctx: &Ctx, args: &TrustArgs) -> Workspace {
    ws.clone()
        .with_trust(ctx.config.trust.with_anchor_files(&args.anchors))
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
    if let Command::Config(ConfigCmd::Get { key }) = command {
        return setup::config_get(ctx, key, out);
    }
    if let Command::Ra(cmd) = command {
        return ra::run(cmd, ctx, out);
    }
    if let Command::Trust(cmd) = command {
        return trust::run(cmd, ctx, out);
    }
    if let Command::Demo { reset, no_tui } = command {
        return demo(cli, *reset, *no_tui, out);
    }
    let ws = workspace(cli, ctx)?;
    match command {
        Command::Tui { card } => run_tui(cli, ctx, card, lang),
        Command::Folder(cmd) => folder(&ws, cmd, out),
        Command::Request(cmd) => request::run(&ws, cmd, ctx, out),
        Command::Keys(cmd) => keys(&ws, cmd, ctx, out),
        Command::Response(cmd) => response::run(&ws, cmd, ctx, out),
        Command::Directory(DirectoryCmd::Lookup { holder, card }) => {
            let holder = match holder {
                Some(h) => h.clone(),
                // The card's holder; without a card, say how to give it.
                None => cleocps_core::card::status(&card::options(card, ctx))
                    .map(|s| s.holder.id)
                    .map_err(|_| cleocps_core::directory::DirectoryError::NoHolder)?,
            };
            mail::lookup(&ctx.config, out, &holder)
        }
        Command::Export(cmd) => export(&ws, cmd, out),
        Command::Card(cmd) => card::run(cmd, ctx, out),
        Command::Status => ops::status(&ws, &ctx.config.revocation, out),
        Command::Deploy(args) => ops::deploy::run(&ws, args, out),
        Command::Check(args) => ops::check(&ws, args, &ctx.config.revocation, out),
        Command::Doctor { card, ra_cert } => card::doctor(&ws, card, ra_cert.as_deref(), ctx, out),
        Command::Wizard(args) => wizard::run(&ws, args, ctx, out),
        // Answered before a workspace is opened (here above, or in `main`).
        Command::Config(_)
        | Command::Ra(_)
        | Command::Trust(_)
        | Command::Demo { .. }
        | Command::Completions { .. }
        | Command::Manpage(_) => Ok(0),
    }
}

fn run_tui(cli: &Cli, ctx: &Ctx, card_args: &CardArgs, lang: Lang) -> Result<i32> {
    let ws = workspace(cli, ctx)?;
    let tui_ctx = crate::tui::TuiContext {
        config: ctx.config.clone(),
        card: card::options(card_args, ctx),
        open_wizard: false,
        config_path: ctx
            .path
            .clone()
            .or_else(|| Config::locate(cli.config.as_deref()).map(|(p, _)| p)),
        // No file was read: the first run.
        open_config: ctx.path.is_none(),
    };
    crate::tui::run(ws, lang, tui_ctx).map_err(|e| Error::io(PathBuf::from("/dev/tty"), e))
}

/// Whether the command line names the `check` subcommand (its first word
/// that is not an option or an option's value).
fn invoked_check() -> bool {
    // args_os: a non-UTF-8 argument must not panic here.
    let mut words = std::env::args_os()
        .skip(1)
        .map(|w| w.to_string_lossy().into_owned());
    while let Some(w) = words.next() {
        match w.as_str() {
            "--workspace" | "--lang" | "--config" => {
                words.next();
            }
            w if w.starts_with('-') => {}
            w => return w == "check",
        }
    }
    false
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
        Command::Status => "status",
        Command::Deploy(_) => "deploy",
        Command::Check(_) => "check",
        Command::Completions { .. } => "completions",
        Command::Manpage(_) => "manpage",
        Command::Directory(_) => "directory",
        Command::Trust(_) => "trust",
        Command::Ra(_) => "ra",
        Command::Wizard(_) => "wizard",
        Command::Demo { .. } => "demo",
    }
}

/// The language of `--help`, before the configuration is read: `--lang`,
/// else the environment's.
fn help_lang() -> Lang {
    let args: Vec<String> = std::env::args().collect();
    let given = args
        .iter()
        .enumerate()
        .find_map(|(i, a)| match a.strip_prefix("--lang=") {
            Some(v) => Some(v.to_string()),
            None if a == "--lang" => args.get(i + 1).cloned(),
            None => None,
        });
    given
        .as_deref()
        .and_then(Lang::parse)
        .unwrap_or_else(Lang::from_env)
}
