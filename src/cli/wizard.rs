//! `cleocps wizard`: CleoWizard from the command line. Every question is
//! asked here, before the work; `--non-interactive` turns each into an
//! error naming the flag that answers it.

use super::args::{CardArgs, PinArgs, TypeArg};
use super::card::{open_or_wait, options};
use super::{secrets, Ctx, Output};
use cleocps_core::card;
use cleocps_core::error::{Error, Result};
use crate::i18n::{t, tf, Lang};
use cleocps_core::mail::FetchOutcome;
use cleocps_core::procedure;
use cleocps_core::request::{RequestType, State};
use cleocps_core::secret::Secret;
use cleocps_core::wizard::{self, Choice, PendingSecrets, Target};
use cleocps_core::workspace::Workspace;
use clap::Args;
use serde_json::json;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::time::Duration;

#[derive(Debug, Args)]
pub struct WizardArgs {
    /// SSL server or S/MIME server
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
    /// Seconds between two looks at the mailbox
    #[arg(long, value_name = "SECONDS", default_value_t = 5)]
    pub interval: u64,
    /// Never ask: fail instead, naming the flag that is missing
    #[arg(long)]
    pub non_interactive: bool,
    /// Resume the last run that stopped while waiting
    #[arg(long, conflicts_with_all = ["kind", "fqdn", "email", "no_key_password"])]
    pub resume: bool,
}

fn say(text: String) {
    eprintln!("cleocps: {text}");
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

/// Resolves the server with the user, before anything is created.
fn resolve_target(
    lang: Lang,
    kind: RequestType,
    args: &WizardArgs,
    lookup: &std::result::Result<cleocps_core::directory::Lookup, String>,
    holder: &str,
    interactive: bool,
) -> Result<Target> {
    let given = match kind {
        RequestType::Ssl => args.fqdn.as_deref(),
        RequestType::Smime => args.email.as_deref(),
    };
    let ask_id = match kind {
        RequestType::Ssl => "wizard.ask_fqdn",
        RequestType::Smime => "wizard.ask_email",
    };
    match wizard::choose(kind, given, lookup) {
        Choice::One(target) => {
            match (&target.entry, lookup) {
                (None, Ok(_)) => say(tf(lang, "wizard.not_listed", &[&target.name])),
                (None, Err(e)) => say(tf(lang, "wizard.degraded", &[e])),
                _ => {}
            }
            Ok(target)
        }
        Choice::Several(entries) => {
            let names: Vec<String> = entries
                .iter()
                .map(|e| match kind {
                    RequestType::Ssl => e.fqdn.clone(),
                    RequestType::Smime => e.mail.clone().unwrap_or_default(),
                })
                .collect();
            if !interactive {
                return Err(Error::Wizard(tf(
                    lang,
                    "wizard.several",
                    &[&names.join(", ")],
                )));
            }
            for (i, n) in names.iter().enumerate() {
                eprintln!("  {}. {n}", i + 1);
            }
            let pick = ask_line(lang, "wizard.pick")?;
            let i: usize = pick.parse().unwrap_or(0);
            let entry = entries
                .get(i.wrapping_sub(1))
                .ok_or_else(|| Error::Wizard(tf(lang, "wizard.several", &[&names.join(", ")])))?;
            Ok(wizard::target_of(kind, entry))
        }
        Choice::Type { reason } => {
            if let Some(r) = &reason {
                say(tf(lang, "wizard.degraded", &[r]));
            }
            if !interactive {
                return Err(Error::Wizard(tf(lang, "wizard.none", &[&holder])));
            }
            let name = ask_line(lang, ask_id)?;
            Ok(Target {
                kind,
                name: name.trim_end_matches('.').to_lowercase(),
                entry: None,
            })
        }
    }
}

/// The PIN, after the card's flags were read and its warning shown.
fn obtain_pin(
    lang: Lang,
    token: &dyn card::Token,
    pin: &PinArgs,
    interactive: bool,
) -> Result<Secret> {
    let info = token.info()?;
    if let Some(w) = card::pin_precheck(&info, !interactive, pin.allow_last_pin_try)? {
        say(w.localize(lang));
    }
    let secret = secrets::obtain(lang, pin.pin_file.as_deref(), "field.pin", false)?;
    card::check_pin_length(&secret, &info.pin)?;
    Ok(secret)
}

pub fn run(ws: &Workspace, args: &WizardArgs, ctx: &Ctx, out: &Output) -> Result<i32> {
    let lang = out.lang;
    let interactive = !args.non_interactive && std::io::stdin().is_terminal();
    if args.kind.is_none() && !args.resume {
        // No type given: on a terminal, the TUI's wizard screen asks it.
        if interactive && std::io::stdout().is_terminal() {
            let tui_ctx = crate::tui::TuiContext {
                config: ctx.config.clone(),
                card: options(&args.card, ctx),
                open_wizard: true,
            };
            return crate::tui::run(ws.clone(), lang, tui_ctx)
                .map_err(|e| Error::io(PathBuf::from("/dev/tty"), e));
        }
        return Err(Error::Usage(
            "--type ssl|smime is required (or run `cleocps wizard` on a terminal for the wizard screen)",
        ));
    }
    let config = &ctx.config;
    let ra_path = args
        .ra_cert
        .as_deref()
        .or(config.registration.certificate.as_deref());

    let (req, secrets) = if args.resume {
        let Some((req, secrets)) = wizard::resumable(ws)? else {
            return Err(Error::Wizard(
                t(lang, "wizard.nothing_to_resume").to_string(),
            ));
        };
        say(tf(
            lang,
            "wizard.resuming",
            &[&req.path(), &t(lang, req.state.label_id())],
        ));
        if req.state == State::KeysGenerated {
            let ra = procedure::load_ra_certificate(ra_path)?;
            let mut token = open_or_wait(lang, &options(&args.card, ctx), interactive)?;
            let pin = obtain_pin(lang, token.as_ref(), &args.pin, interactive)?;
            let path = req.path();
            wizard::sign_and_send(ws, config, &path, &secrets, token.as_mut(), &pin, &ra)?;
            say(tf(lang, "wizard.step_sent", &[&path]));
        } else if req.state == State::RequestGenerated {
            cleocps_core::mail::send_request(ws, config, &req.path())?;
            say(tf(lang, "wizard.step_sent", &[&req.path()]));
        }
        (ws.find(&req.path())?, secrets)
    } else {
        let kind = match args.kind {
            Some(TypeArg::Smime) => RequestType::Smime,
            _ => RequestType::Ssl,
        };
        let ra = procedure::load_ra_certificate(ra_path)?;
        let mut token = open_or_wait(lang, &options(&args.card, ctx), interactive)?;
        let holder = wizard::holder(token.as_ref())?;
        let label = token.info()?.label;
        say(tf(lang, "wizard.step_holder", &[&label, &holder.id]));
        let lookup = cleocps_core::directory::lookup(config, &holder.id).map_err(|e| e.localize(lang));
        let target = resolve_target(lang, kind, args, &lookup, &holder.id, interactive)?;
        say(tf(lang, "wizard.step_target", &[&target.name]));
        let pin = obtain_pin(lang, token.as_ref(), &args.pin, interactive)?;
        let (req, secrets) = wizard::prepare(ws, config, &target, !args.no_key_password)?;
        let req =
            wizard::sign_and_send(ws, config, &req.path(), &secrets, token.as_mut(), &pin, &ra)?;
        say(tf(lang, "wizard.step_sent", &[&req.path()]));
        (req, secrets)
    };
    finish(ws, &req.path(), &secrets, args, ctx, out)
}

/// Waits for the answer, then writes the results.
fn finish(
    ws: &Workspace,
    path: &str,
    secrets: &PendingSecrets,
    args: &WizardArgs,
    ctx: &Ctx,
    out: &Output,
) -> Result<i32> {
    let lang = out.lang;
    let mut req = ws.find(path)?;
    if req.state == State::Sent {
        let stop = Arc::new(AtomicBool::new(false));
        let _ = signal_hook::flag::register(signal_hook::consts::SIGINT, Arc::clone(&stop));
        let _ = signal_hook::flag::register(signal_hook::consts::SIGTERM, Arc::clone(&stop));
        let tty = std::io::stderr().is_terminal();
        let mut last_line = std::time::Instant::now();
        let mut tick = |tk: cleocps_core::mail::Tick| {
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
        let outcome = cleocps_core::mail::fetch_wait(
            ws,
            &ctx.config,
            path,
            Duration::from_secs(args.wait),
            Duration::from_secs(args.interval.max(1)),
            &stop,
            &mut tick,
        );
        if tty {
            eprintln!();
        }
        match outcome {
            Ok(FetchOutcome::Rejected { request }) => {
                let code = request.rejection_code.clone().unwrap_or_default();
                let reason = request.rejection_reason.clone().unwrap_or_default();
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
            Ok(FetchOutcome::Imported { request, .. }) => req = *request,
            Err(Error::NothingYet(_)) => {
                return Err(Error::NothingYet(tf(lang, "wizard.timeout", &[&path])));
            }
            Err(e) => return Err(e),
        }
    }
    let files = wizard::finalise(ws, &req, secrets)?;
    if let Some(prev) = &files.previous {
        say(tf(lang, "wizard.previous", &[&prev.display()]));
    }
    say(t(lang, "wizard.password_notice").to_string());
    let dir = cleocps_core::fsutil::parent_of(&files.p12).display().to_string();
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
    Ok(0)
}
