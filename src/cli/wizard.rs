//! `cleocps wizard`: CleoWizard from the command line, the same core run
//! ([`Run`]) as the wizard screen walks (`walk`). Every question is asked
//! before the work; `--non-interactive` turns each into an error naming
//! the flag that answers it.

mod platform;
mod walk;

use super::args::{CardArgs, PinArgs, TypeArg};
use super::card::options;
use super::{Ctx, Output};
use crate::i18n::{t, tf, Lang};
use clap::Args;
use cleocps_core::error::{Error, Result};
use cleocps_core::mail::{AnswerWait, Tick};
use cleocps_core::wizard::{self, Finished, Run};
use cleocps_core::workspace::Workspace;
use serde_json::json;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::time::Duration;
use walk::Walk;

#[derive(Debug, Args)]
pub struct WizardArgs {
    /// The request type: ssl or smime on the card's road, any on the platform's
    /// (without it, on a terminal: the wizard screen of the TUI)
    #[arg(long = "type", value_enum)]
    pub kind: Option<TypeArg>,
    /// The server's FQDN (SSL); default: the holder's server in the directory
    #[arg(long, value_name = "FQDN")]
    pub fqdn: Option<String>,
    /// The server's e-mail address (S/MIME); default: from the directory
    #[arg(long, value_name = "ADDR")]
    pub email: Option<String>,
    /// Write the key without a password
    #[arg(long)]
    pub no_key_password: bool,
    #[command(flatten)]
    pub card: CardArgs,
    #[command(flatten)]
    pub pin: PinArgs,
    /// Registration server certificate (default: registration.certificate)
    #[arg(long, value_name = "FILE")]
    pub ra_cert: Option<PathBuf>,
    /// How long to wait for the answer, in seconds
    #[arg(long, value_name = "SECONDS", default_value_t = 600)]
    pub wait: u64,
    /// Seconds between two looks at the mailbox (default:
    /// CLEOCPS_POLL_INTERVAL_S, else 5)
    #[arg(long, value_name = "SECONDS")]
    pub interval: Option<u64>,
    /// Never ask: fail instead, naming the flag that is missing
    #[arg(long)]
    pub non_interactive: bool,
    /// Resume the last run that stopped while waiting
    #[arg(long, conflicts_with_all = ["kind", "fqdn", "email", "no_key_password", "route", "cn"])]
    pub resume: bool,
    /// The road: the IGC-Santé platform (the request out, the certificate back) or the card and a registration server by mail (default: the card for ssl and smime when a registration server is configured, else the platform)
    #[arg(long, value_enum)]
    pub route: Option<RouteArg>,
    /// On the platform's road, the certificate's name: the server's FQDN or mailbox, or the service's name (INSi: INSI-AUTO or INSI-MANU)
    #[arg(long, value_name = "CN")]
    pub cn: Option<String>,
    /// On the platform's road, the certificate it issued (PEM, DER, .p7b/.p7c; - for standard input); without it the wizard prints the request and stops, resumable
    #[arg(long, value_name = "FILE")]
    pub cert: Option<PathBuf>,
}

/// The wizard's road (DESIGN §2a).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RouteArg {
    /// The IGC-Santé platform: every type
    Platform,
    /// The card and a registration server by mail: ssl and smime
    Card,
}

fn say(text: String) {
    super::say(&text);
}

/// A line typed on the terminal (for a name, not a secret).
fn ask_line(lang: Lang, id: &'static str) -> Result<String> {
    eprint!("{}", tf(lang, "cli.prompt", &[&t(lang, id)]));
    let _ = std::io::stderr().flush();
    let mut line = String::new();
    std::io::stdin()
        .read_line(&mut line)
        .map_err(|e| Error::io("stdin", e))?;
    Ok(line.trim().to_string())
}

pub fn run(ws: &Workspace, args: &WizardArgs, ctx: &Ctx, out: &Output) -> Result<i32> {
    let lang = out.lang;
    let interactive = !args.non_interactive && std::io::stdin().is_terminal();
    if args.kind.is_none() && !args.resume {
        return open_screen(ws, args, ctx, lang, interactive);
    }
    let secs = Duration::from_secs;
    // Checked before anything is created: a wait that can't be is a usage error.
    let wait = match args.interval {
        Some(i) => AnswerWait::with_interval(secs(args.wait), secs(i))?,
        None => AnswerWait::new(secs(args.wait))?,
    };
    if platform::taken(ws, args, ctx)? {
        return platform::run(ws, args, ctx, out, interactive);
    }
    let mut walk = Walk::new(ws, args, ctx, lang, interactive);
    let mut run = Run::new();
    let first = if args.resume {
        walk.resume(&mut run)?
    } else {
        walk.start(&mut run)?
    };
    let path = walk.drive(&mut run, first)?;
    finish(ws, &path, wait, ctx, out)
}

/// No type given: on a terminal, the TUI's wizard screen asks it.
fn open_screen(
    ws: &Workspace,
    args: &WizardArgs,
    ctx: &Ctx,
    lang: Lang,
    interactive: bool,
) -> Result<i32> {
    if interactive && std::io::stdout().is_terminal() {
        let tui_ctx = crate::tui::TuiContext {
            config: ctx.config.clone(),
            card: options(&args.card, ctx),
            open_wizard: true,
            config_path: ctx
                .path
                .clone()
                .or_else(|| cleocps_core::config::Config::locate(None).map(|(p, _)| p)),
            open_config: false,
        };
        return crate::tui::run(ws.clone(), lang, tui_ctx)
            .map_err(|e| Error::io(PathBuf::from("/dev/tty"), e));
    }
    Err(Error::Usage(
        "--type ssl|smime is required (or run `cleocps wizard` on a terminal for the wizard screen)",
    ))
}

/// Waits for the answer, then writes the results.
fn finish(ws: &Workspace, path: &str, wait: AnswerWait, ctx: &Ctx, out: &Output) -> Result<i32> {
    let lang = out.lang;
    let stop = Arc::new(AtomicBool::new(false));
    let _ = signal_hook::flag::register(signal_hook::consts::SIGINT, Arc::clone(&stop));
    let _ = signal_hook::flag::register(signal_hook::consts::SIGTERM, Arc::clone(&stop));
    let tty = std::io::stderr().is_terminal();
    let mut last_line = std::time::Instant::now();
    let mut tick = |tk: Tick| {
        let line = tf(
            lang,
            "wizard.waiting",
            &[&tk.next_check.as_secs(), &tk.left.as_secs()],
        );
        if tty {
            eprint!("\r\x1b[2K{line}");
        } else if last_line.elapsed() >= Duration::from_secs(10) {
            eprintln!("{line}");
            last_line = std::time::Instant::now();
        }
    };
    let finished = wizard::finish(ws, &ctx.config, path, wait, &stop, &mut tick);
    if tty {
        eprintln!();
    }
    let (req, files) = match finished? {
        Finished::Rejected { code, reason, .. } => {
            let request = ws.find(path)?;
            out.done(
                "",
                json!({"request": request, "rejected": true, "code": code}),
            );
            return Err(Error::Wizard(tf(
                lang,
                "wizard.rejected",
                &[&code, &reason],
            )));
        }
        Finished::NotYet { .. } => {
            return Err(Error::NothingYet(tf(lang, "cli.wizard.timeout", &[&path])));
        }
        Finished::Done { request, files } => (request, files),
    };
    report_files(out, &req, &files);
    Ok(0)
}

/// Says where the wizard's files are.
fn report_files(out: &Output, req: &cleocps_core::request::Request, files: &wizard::FinalFiles) {
    let lang = out.lang;
    if let Some(prev) = &files.previous {
        say(tf(lang, "wizard.previous", &[&prev.display()]));
    }
    say(t(lang, "wizard.password_notice").to_string());
    let dir = cleocps_core::fsutil::parent_of(&files.p12)
        .display()
        .to_string();
    let name = |p: &PathBuf| {
        p.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    out.done(
        &tf(
            lang,
            "wizard.done",
            &[
                &dir,
                &name(&files.p12),
                &name(&files.crt),
                &name(&files.key),
            ],
        ),
        json!({"request": req, "files": files}),
    );
}
