//! The CleoWizard jobs: each runs one step of the core's run
//! (`cleocps_core::wizard::{probe, send, finish}`), the same steps the CLI
//! runs, and brings back what it found for the core's [`Run`]; the screen
//! asks the server and the PIN between them.
//!
//! [`Run`]: cleocps_core::wizard::Run

use super::card::ra_certificate;
use super::tree;
use crate::i18n::{t, Lang};
use crate::tui::action::{Done, Shown};
use crate::tui::job::{Cx, Failure, Work};
use crate::tui::job_kind::{JobKind, WizardJobKind};
use crate::tui::wizard::WizardJob;
use crate::tui::TuiContext;
use cleocps_core::card;
use cleocps_core::error::Error;
use cleocps_core::mail::{AnswerWait, Tick};
use cleocps_core::procedure::{holder_text, CardSetup, CardWait};
use cleocps_core::request::RequestType;
use cleocps_core::secret::Secret;
use cleocps_core::wizard::{self, Found, Signer, Start};
use cleocps_core::workspace::Workspace;

/// What a job found, with the tree read again (the run changed requests).
fn changed(ws: &Workspace, select: Option<String>, found: Found) -> Result<Done, Failure> {
    Ok(Done {
        tree: Some(tree(ws)?),
        select,
        message: None,
        shown: Some(Shown::Wizard(Box::new(found))),
    })
}

impl Work for WizardJob {
    fn kind(&self) -> JobKind {
        JobKind::Wizard(match self {
            WizardJob::Resumable => WizardJobKind::Resumable,
            WizardJob::Probe { .. } => WizardJobKind::Probe,
            WizardJob::Send { .. } => WizardJobKind::Send,
            WizardJob::Finish { .. } => WizardJobKind::Finish,
            WizardJob::Csr { .. } => WizardJobKind::Csr,
            WizardJob::Import { .. } => WizardJobKind::Import,
        })
    }

    fn run(self: Box<Self>, cx: &Cx<'_>) -> Result<Done, Failure> {
        match *self {
            WizardJob::Resumable => Ok(Done {
                shown: Some(Shown::Wizard(Box::new(Found::Resumable(
                    wizard::to_resume(cx.ws)?,
                )))),
                ..Done::default()
            }),
            WizardJob::Probe { kind } => probe(cx, kind),
            WizardJob::Send { start, pin } => send(cx, &start, pin),
            WizardJob::Finish { path } => {
                let wait = AnswerWait::new(wizard::WAIT)?;
                let mut tick = |tk: Tick| (cx.progress)(tk.next_check.as_secs(), tk.left.as_secs());
                let config = &cx.ctx.config;
                let finished = wizard::finish(cx.ws, config, &path, wait, cx.stop, &mut tick)?;
                changed(cx.ws, Some(path), Found::Finished(finished))
            }
            WizardJob::Csr { start } => {
                let (path, csr) = wizard::make_csr(cx.ws, &cx.ctx.config, &start)?;
                changed(cx.ws, Some(path.clone()), Found::Prepared { path, csr })
            }
            WizardJob::Import { path, given } => {
                let (request, files) = wizard::import(cx.ws, &path, &given)?;
                let done = wizard::Finished::Done {
                    request: Box::new(request),
                    files,
                };
                changed(cx.ws, Some(path), Found::Finished(done))
            }
        }
    }
}

/// The card (waited for while absent) and the holder's servers.
fn probe(cx: &Cx<'_>, kind: RequestType) -> Result<Done, Failure> {
    let (ctx, lang) = (cx.ctx, cx.lang);
    let setup = CardSetup {
        card: &ctx.card,
        ra_certificate: ctx.config.registration.certificate.as_deref(),
        wait: Some(CardWait {
            stop: cx.stop,
            tick: &mut |left| (cx.progress)(0, left.as_secs()),
        }),
        pin_from_script: false,
        allow_last_try: true,
    };
    let (token, probed) = wizard::probe(&ctx.config, setup, kind, None, lang)
        .map_err(|e| card_error(ctx, lang, e))?;
    drop(token);
    let found = Found::Probed {
        holder: holder_text(&probed.card.holder),
        info: probed.card.info,
        lookup: probed.lookup,
    };
    Ok(Done {
        shown: Some(Shown::Wizard(Box::new(found))),
        ..Done::default()
    })
}

/// Prepare, sign (one PIN try, when the request is not signed yet), send.
fn send(cx: &Cx<'_>, start: &Start, pin: Option<Secret>) -> Result<Done, Failure> {
    let (ws, ctx, lang) = (cx.ws, cx.ctx, cx.lang);
    let path = if wizard::needs_card(ws, start)? {
        let pin = pin.ok_or_else(|| t(lang, "tui.secret.empty").to_string())?;
        let ra = ra_certificate(ctx, lang)?;
        // Opened again here: the token of the probe stayed in its thread.
        let mut token = card::open(&ctx.card).map_err(Error::Card)?;
        let signer = Signer {
            token: token.as_mut(),
            pin: &pin,
            ra_certificate: &ra,
        };
        wizard::send(ws, &ctx.config, start, Some(signer))?
    } else {
        wizard::send(ws, &ctx.config, start, None)?
    };
    changed(ws, Some(path.clone()), Found::Sent { path })
}

/// The registration certificate's problem says to fix the configuration,
/// as the card probe of Étape 2 does.
fn card_error(ctx: &TuiContext, lang: Lang, e: Error) -> Failure {
    match e {
        Error::RaCertMissing | Error::RaCertInvalid { .. } | Error::RaCertExpired { .. } => {
            Failure::Said(
                ra_certificate(ctx, lang)
                    .err()
                    .unwrap_or_else(|| e.localize(lang)),
            )
        }
        e => e.into(),
    }
}
