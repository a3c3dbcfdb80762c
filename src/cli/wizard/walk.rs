//! `cleocps wizard`'s walk through the core's run: its work done in line,
//! its questions answered from the flags or on the terminal.

use super::super::card::{obtain_pin, options, say_inserted, with_card};
use super::super::Ctx;
use super::{ask_line, say, WizardArgs};
use crate::cli::args::TypeArg;
use crate::i18n::{t, tf, Lang};
use cleocps_core::card::{CardOptions, Token};
use cleocps_core::directory::ServerEntry;
use cleocps_core::error::{Error, Result};
use cleocps_core::procedure::{self, CardReady};
use cleocps_core::request::RequestType;
use cleocps_core::wizard::{self, Answer, Found, Next, Run, Signer, Start, Step};
use cleocps_core::workspace::Workspace;

/// The core's run walked from the command line: its work done in line, its
/// questions answered from the flags or on the terminal.
pub(super) struct Walk<'a> {
    ws: &'a Workspace,
    args: &'a WizardArgs,
    ctx: &'a Ctx,
    lang: Lang,
    interactive: bool,
    card: CardOptions,
    /// The card opened by the probe, kept for the signature.
    token: Option<(Box<dyn Token>, CardReady)>,
}

impl<'a> Walk<'a> {
    pub(super) fn new(
        ws: &'a Workspace,
        args: &'a WizardArgs,
        ctx: &'a Ctx,
        lang: Lang,
        interactive: bool,
    ) -> Walk<'a> {
        Walk {
            ws,
            args,
            ctx,
            lang,
            interactive,
            card: options(&args.card, ctx),
            token: None,
        }
    }

    /// `--resume`: the run that stopped under way.
    pub(super) fn resume(&mut self, run: &mut Run) -> Result<Option<Next>> {
        let lang = self.lang;
        let found = wizard::to_resume(self.ws)?;
        let Some(wizard::Paused { path, state, .. }) = &found else {
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
    pub(super) fn start(&mut self, run: &mut Run) -> Result<Option<Next>> {
        let kind = match self.args.kind {
            Some(TypeArg::Smime) => RequestType::Smime,
            // This wizard is the card's road, which issues SSL and S/MIME only.
            Some(other) if other != TypeArg::Ssl => {
                let kind = RequestType::from(other);
                return Err(Error::NotCardRoute(kind.platform_name()));
            }
            _ => RequestType::Ssl,
        };
        run.given = match kind {
            RequestType::Smime => self.args.email.clone(),
            _ => self.args.fqdn.clone(),
        };
        run.found(Found::Resumable(None));
        self.answered(run, Answer::Type(kind))
    }

    /// Runs what the run says comes next until it is the wait; returns the
    /// request's "FOLDER/NAME".
    pub(super) fn drive(&mut self, run: &mut Run, mut next: Option<Next>) -> Result<String> {
        loop {
            next = match next {
                Some(Next::Probe(kind)) => self.probe(run, kind)?,
                Some(Next::AskPin) => self.sign(run)?,
                Some(Next::Send(start)) => self.send(run, &start, None)?,
                Some(Next::Finish(path)) => return Ok(path),
                // The platform's work: the card's road never leads there.
                Some(next @ (Next::Csr(_) | Next::Import { .. })) => {
                    return Err(Error::Wizard(format!("{next:?}")))
                }
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
                    RequestType::Smime => "wizard.ask_email",
                    _ => "wizard.ask_fqdn",
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
                RequestType::Smime => e.mail.clone().unwrap_or_default(),
                _ => e.fqdn.clone(),
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
