//! `cleocps wizard`: CleoWizard from the command line. Every question is
//! asked here, before the work; `--non-interactive` turns each into an
//! error naming the flag that answers it.

use super::args::{CardArgs, PinArgs, TypeArg};
use super::card::{obtain_pin, options, say_inserted, with_card};
use super::{Ctx, Output};
use crate::i18n::{t, tf, Lang};
use clap::Args;
use cleocps_core::card::{CardOptions, Token};
use cleocps_core::directory::ServerEntry;
use cleocps_core::error::{Error, Result};
use cleocps_core::mail::{AnswerWait, Tick};
use cleocps_core::procedure::{self, CardReady};
use cleocps_core::request::RequestType;
use cleocps_core::wizard::{self, Answer, Finished, Found, Next, Run, Signer, Start, Step};
use cleocps_core::workspace::Workspace;
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
    /// Seconds between two looks at the mailbox (default:
    /// CLEOCPS_POLL_INTERVAL_S, else 5)
    #[arg(long, value_name = "SECONDS")]
    pub interval: Option<u64>,
    /// Never ask: fail instead, naming the flag that is missing
    #[arg(long)]
    pub non_interactive: bool,
    /// Resume the last run that stopped while waiting
    #[arg(long, conflicts_with_all = ["kind", "fqdn", "email", "no_key_password"])]
    pub resume: bool,
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
    let mut walk = Walk {
        ws,
        args,
        ctx,
        lang,
        interactive,
        card: options(&args.card, ctx),
        token: None,
    };
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

/// The core's run walked from the command line: its work done in line, its
/// questions answered from the flags or on the terminal.
struct Walk<'a> {
    ws: &'a Workspace,
    args: &'a WizardArgs,
    ctx: &'a Ctx,
    lang: Lang,
    interactive: bool,
    card: CardOptions,
    /// The card opened by the probe, kept for the signature.
    token: Option<(Box<dyn Token>, CardReady)>,
}

impl Walk<'_> {
    /// `--resume`: the run that stopped under way.
    fn resume(&mut self, run: &mut Run) -> Result<Option<Next>> {
        let lang = self.lang;
        let found = wizard::to_resume(self.ws)?;
        let Some((path, state)) = &found else {
            return Err(Error::Wizard(
                t(lang, "wizard.nothing_to_resume").to_string(),
            ));
        };
        say(tf(
            lang,
            "wizard.resuming",
            &[path, &t(lang, state.label_id())],
        ));
        run.found(Found::Resumable(found.clone()));
        self.answered(run, Answer::Resume(true))
    }

    /// A new run of `--type`, for `--fqdn`/`--email` when given.
    fn start(&mut self, run: &mut Run) -> Result<Option<Next>> {
        let kind = match self.args.kind {
            Some(TypeArg::Smime) => RequestType::Smime,
            _ => RequestType::Ssl,
        };
        run.given = match kind {
            RequestType::Ssl => self.args.fqdn.clone(),
            RequestType::Smime => self.args.email.clone(),
        };
        run.found(Found::Resumable(None));
        self.answered(run, Answer::Type(kind))
    }

    /// Runs what the run says comes next until it is the wait; returns the
    /// request's "FOLDER/NAME".
    fn drive(&mut self, run: &mut Run, mut next: Option<Next>) -> Result<String> {
        loop {
            next = match next {
                Some(Next::Probe(kind)) => self.probe(run, kind)?,
                Some(Next::AskPin) => self.sign(run)?,
                Some(Next::Send(start)) => self.send(run, &start, None)?,
                Some(Next::Finish(path)) => return Ok(path),
                None => self.ask(run)?,
            };
        }
    }

    fn answered(&self, run: &mut Run, answer: Answer) -> Result<Option<Next>> {
        run.answer(answer)
            .map_err(|p| Error::Wizard(t(self.lang, p.text_id()).to_string()))
    }

    /// The card (waited for on a terminal); a new run also looks up the
    /// holder's servers.
    fn probe(&mut self, run: &mut Run, kind: RequestType) -> Result<Option<Next>> {
        let (lang, args) = (self.lang, self.args);
        let config = &self.ctx.config;
        let ra = args
            .ra_cert
            .as_deref()
            .or(config.registration.certificate.as_deref());
        let (token, ready, lookup) = if run.resume.is_some() {
            let (token, ready) = with_card(
                lang,
                &self.card,
                ra,
                self.interactive,
                &args.pin,
                procedure::prepare_card,
            )?;
            say_inserted(lang, &ready);
            (token, ready, Err(String::new()))
        } else {
            let given = run.given.clone();
            let (token, probed) =
                with_card(lang, &self.card, ra, self.interactive, &args.pin, |setup| {
                    wizard::probe(config, setup, kind, given.as_deref(), lang)
                })?;
            say_inserted(lang, &probed.card);
            let holder = &probed.card.holder.id;
            say(tf(
                lang,
                "wizard.step_holder",
                &[&probed.card.info.label, holder],
            ));
            (token, probed.card, probed.lookup)
        };
        let directory_down = lookup.as_ref().err().cloned();
        let found = Found::Probed {
            info: ready.info.clone(),
            holder: procedure::holder_text(&ready.holder),
            lookup,
        };
        self.token = Some((token, ready));
        let next = run.found(found);
        // A name given up front: say when the directory could not vouch for it.
        if let (Some(target), true) = (&run.target, run.given.is_some()) {
            match (&target.entry, directory_down) {
                (None, None) => say(tf(lang, "wizard.not_listed", &[&target.name])),
                (None, Some(e)) => say(tf(lang, "wizard.degraded", &[&e])),
                _ => {}
            }
        }
        Ok(next)
    }

    /// The run's question at its step, answered from the flags or typed.
    fn ask(&mut self, run: &mut Run) -> Result<Option<Next>> {
        let lang = self.lang;
        let answer = match run.step.clone() {
            Step::Server { entries } if entries.len() == 1 => Answer::Server(Some(0)),
            Step::Server { entries } => Answer::Server(Some(self.pick(run.kind, &entries)?)),
            Step::Typed { degraded } => {
                if let Some(r) = &degraded {
                    say(tf(lang, "wizard.degraded", &[r]));
                }
                if !self.interactive {
                    let holder = self.token.as_ref().map(|(_, r)| r.holder.id.clone());
                    let holder = holder.unwrap_or_default();
                    return Err(Error::Wizard(tf(lang, "wizard.none", &[&holder])));
                }
                let ask_id = match run.kind {
                    RequestType::Ssl => "wizard.ask_fqdn",
                    RequestType::Smime => "wizard.ask_email",
                };
                Answer::Name(ask_line(lang, ask_id)?)
            }
            Step::KeyPassword => {
                let name = run.target.as_ref().map(|t| t.name.clone());
                say(tf(lang, "wizard.step_target", &[&name.unwrap_or_default()]));
                Answer::KeyPassword(!self.args.no_key_password)
            }
            other => {
                return Err(Error::Wizard(format!("{other:?}")));
            }
        };
        self.answered(run, answer)
    }

    /// One of several servers, by its number on the list.
    fn pick(&self, kind: RequestType, entries: &[ServerEntry]) -> Result<usize> {
        let lang = self.lang;
        let names: Vec<String> = entries
            .iter()
            .map(|e| match kind {
                RequestType::Ssl => e.fqdn.clone(),
                RequestType::Smime => e.mail.clone().unwrap_or_default(),
            })
            .collect();
        let several = || Error::Wizard(tf(lang, "wizard.several", &[&names.join(", ")]));
        if !self.interactive {
            return Err(several());
        }
        for (i, n) in names.iter().enumerate() {
            eprintln!("  {}. {}", i + 1, cleocps_core::sanitize::line(n));
        }
        let pick: usize = ask_line(lang, "wizard.pick")?.parse().unwrap_or(0);
        match pick.checked_sub(1) {
            Some(i) if i < entries.len() => Ok(i),
            _ => Err(several()),
        }
    }

    /// The PIN (after the card's warning), then the signature and the mail.
    fn sign(&mut self, run: &mut Run) -> Result<Option<Next>> {
        let Some((mut token, ready)) = self.token.take() else {
            return Err(Error::Card(cleocps_core::card::CardError::PinEmpty));
        };
        let pin = obtain_pin(self.lang, &ready, &self.args.pin)?;
        let Some(Next::Send(start)) = self.answered(run, Answer::Pin)? else {
            return Ok(None);
        };
        let signer = Signer {
            token: token.as_mut(),
            pin: &pin,
            ra_certificate: &ready.ra_certificate,
        };
        self.send(run, &start, Some(signer))
    }

    fn send(
        &mut self,
        run: &mut Run,
        start: &Start,
        signer: Option<Signer>,
    ) -> Result<Option<Next>> {
        let path = wizard::send(self.ws, &self.ctx.config, start, signer)?;
        say(tf(self.lang, "cli.wizard.step_sent", &[&path]));
        Ok(run.found(Found::Sent { path }))
    }
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
    Ok(0)
}
