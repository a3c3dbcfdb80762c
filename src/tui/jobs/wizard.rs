//! The CleoWizard jobs: each runs one step of the core's run
//! (`cleocps_core::wizard::{probe, send, finish}`), the same steps the CLI
//! runs; the screen asks the server and the PIN between them.

use super::card::ra_certificate;
use super::tree;
use crate::i18n::{t, Lang};
use crate::tui::action::{Done, Shown};
use crate::tui::job::{Cx, Failure, Work};
use crate::tui::job_kind::{JobKind, WizardJobKind};
use crate::tui::wizard::{WizardJob, WizardShown};
use crate::tui::TuiContext;
use cleocps_core::card;
use cleocps_core::error::Error;
use cleocps_core::mail::{AnswerWait, Tick};
use cleocps_core::procedure::{holder_text, CardSetup, CardWait};
use cleocps_core::wizard::{self, Finished, Signer, Start};
use cleocps_core::workspace::Workspace;

fn shown(ws: &Workspace, select: Option<String>, s: WizardShown) -> Result<Done, Error> {
    Ok(Done {
        tree: Some(tree(ws)?),
        select,
        message: None,
        shown: Some(Shown::Wizard(Box::new(s))),
    })
}

impl Work for WizardJob {
    fn kind(&self) -> JobKind {
        JobKind::Wizard(match self {
            WizardJob::Resumable => WizardJobKind::Resumable,
            WizardJob::Probe { .. } => WizardJobKind::Probe,
            WizardJob::Send { .. } => WizardJobKind::Send,
            WizardJob::Finish { .. } => WizardJobKind::Finish,
        })
    }

    fn run(self: Box<Self>, cx: &Cx<'_>) -> Result<Done, Failure> {
        Ok(run(cx.ws, cx.ctx, cx.lang, *self, cx.progress)?)
    }
}

fn run(
    ws: &Workspace,
    ctx: &TuiContext,
    lang: Lang,
    job: WizardJob,
    progress: &dyn Fn(u64, u64),
) -> Result<Done, String> {
    let say = |e: Error| e.localize(lang);
    let config = &ctx.config;
    match job {
        WizardJob::Resumable => {
            let s = WizardShown::Resumable(wizard::to_resume(ws).map_err(say)?);
            Ok(Done {
                shown: Some(Shown::Wizard(Box::new(s))),
                ..Done::default()
            })
        }
        WizardJob::Probe { kind, stop } => {
            let setup = CardSetup {
                card: &ctx.card,
                ra_certificate: config.registration.certificate.as_deref(),
                wait: Some(CardWait {
                    stop: &stop,
                    tick: &mut |left| progress(0, left.as_secs()),
                }),
                pin_from_script: false,
                allow_last_try: true,
            };
            let (token, probed) = wizard::probe(config, setup, kind, None, lang)
                .map_err(|e| card_error(ctx, lang, e))?;
            drop(token);
            let s = WizardShown::Probed {
                holder: holder_text(&probed.card.holder),
                info: probed.card.info,
                lookup: probed.lookup,
            };
            Ok(Done {
                shown: Some(Shown::Wizard(Box::new(s))),
                ..Done::default()
            })
        }
        WizardJob::Send {
            target,
            key_password,
            resume,
            pin,
        } => {
            let start = match (resume, target) {
                (Some(path), _) => Start::Resume { path },
                (None, Some(target)) => Start::New {
                    target,
                    key_password,
                },
                (None, None) => return Err(t(lang, "wizard.nothing_to_resume").to_string()),
            };
            let path = if wizard::needs_card(ws, &start).map_err(say)? {
                let pin = pin.ok_or_else(|| t(lang, "tui.secret.empty").to_string())?;
                let ra = ra_certificate(ctx, lang)?;
                // Opened again here: the token of the probe stayed in its thread.
                let mut token = card::open(&ctx.card).map_err(|e| e.localize(lang))?;
                let signer = Signer {
                    token: token.as_mut(),
                    pin: &pin,
                    ra_certificate: &ra,
                };
                wizard::send(ws, config, &start, Some(signer)).map_err(say)?
            } else {
                wizard::send(ws, config, &start, None).map_err(say)?
            };
            shown(ws, Some(path.clone()), WizardShown::Sent { path }).map_err(say)
        }
        WizardJob::Finish { path, stop } => {
            let wait = AnswerWait::new(wizard::WAIT).map_err(say)?;
            let mut tick = |tk: Tick| progress(tk.next_check.as_secs(), tk.left.as_secs());
            let s = match wizard::finish(ws, config, &path, wait, &stop, &mut tick).map_err(say)? {
                Finished::Done { files, .. } => WizardShown::Done { files },
                Finished::Rejected { path, code, reason } => {
                    WizardShown::Rejected { path, code, reason }
                }
                Finished::NotYet { path } => WizardShown::NotYet { path },
            };
            shown(ws, Some(path), s).map_err(say)
        }
    }
}

/// The registration certificate's problem says to fix the configuration,
/// as the card probe of Étape 2 does.
fn card_error(ctx: &TuiContext, lang: Lang, e: Error) -> String {
    match e {
        Error::RaCertMissing | Error::RaCertInvalid { .. } | Error::RaCertExpired { .. } => {
            ra_certificate(ctx, lang)
                .err()
                .unwrap_or_else(|| e.localize(lang))
        }
        e => e.localize(lang),
    }
}
