//! The CleoWizard jobs, in the order of the CLI front (`cli/wizard.rs`):
//! card and directory (no PIN) → prepare + sign + send (one PIN try) →
//! wait for the answer (a stop flag, progress reported) → finalise.

use super::action::{Done, Shown};
use super::jobs::tree;
use super::jobs_card::{holder_text, open_waiting, ra_certificate};
use super::wizard::{WizardJob, WizardShown, INTERVAL_SECS, WAIT_SECS};
use super::TuiContext;
use cleocps_core::card;
use cleocps_core::error::Error;
use crate::i18n::{t, Lang};
use cleocps_core::mail::FetchOutcome;
use cleocps_core::request::State;
use cleocps_core::wizard;
use cleocps_core::workspace::Workspace;
use std::time::Duration;

fn shown(ws: &Workspace, select: Option<String>, s: WizardShown) -> Result<Done, Error> {
    Ok(Done {
        tree: Some(tree(ws)?),
        select,
        message: None,
        shown: Some(Shown::Wizard(Box::new(s))),
    })
}

pub fn run(
    ws: &Workspace,
    ctx: &TuiContext,
    lang: Lang,
    job: WizardJob,
    progress: &dyn Fn(u64, u64),
) -> Result<Done, String> {
    let say = |e: Error| e.localize(lang);
    match job {
        WizardJob::Resumable => {
            let found = wizard::resumable(ws).map_err(say)?;
            let s = WizardShown::Resumable(found.map(|(r, _)| (r.path(), r.state)));
            Ok(Done {
                shown: Some(Shown::Wizard(Box::new(s))),
                ..Done::default()
            })
        }
        WizardJob::Probe { stop, .. } => {
            // Nobody types a PIN for a request that can't be encrypted.
            ra_certificate(ctx, lang)?;
            let card_err = |e: card::CardError| e.localize(lang);
            let token = open_waiting(ctx, (&stop, progress)).map_err(card_err)?;
            let info = token.info().map_err(card_err)?;
            let holder = wizard::holder(token.as_ref()).map_err(say)?;
            drop(token);
            let lookup = cleocps_core::directory::lookup(&ctx.config, &holder.id).map_err(say);
            let s = WizardShown::Probed {
                info,
                holder: holder_text(&holder),
                lookup,
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
            let config = &ctx.config;
            let (path, secrets) = match (resume, target) {
                (Some(path), _) => {
                    let req = ws.find(&path).map_err(say)?;
                    let secrets = wizard::pending_secrets(ws, &req)
                        .map_err(say)?
                        .ok_or_else(|| t(lang, "wizard.nothing_to_resume").to_string())?;
                    (path, secrets)
                }
                (None, Some(target)) => {
                    let (req, secrets) =
                        wizard::prepare(ws, config, &target, key_password).map_err(say)?;
                    (req.path(), secrets)
                }
                (None, None) => return Err(t(lang, "wizard.nothing_to_resume").to_string()),
            };
            let req = ws.find(&path).map_err(say)?;
            if req.state == State::KeysGenerated {
                let pin = pin.ok_or_else(|| t(lang, "tui.secret.empty").to_string())?;
                let ra = ra_certificate(ctx, lang)?;
                let mut token = card::open(&ctx.card).map_err(|e| e.localize(lang))?;
                wizard::sign_and_send(ws, config, &path, &secrets, token.as_mut(), &pin, &ra)
                    .map_err(say)?;
            } else {
                cleocps_core::mail::send_request(ws, config, &path).map_err(say)?;
            }
            shown(ws, Some(path.clone()), WizardShown::Sent { path }).map_err(say)
        }
        WizardJob::Finish { path, stop } => {
            let req = ws.find(&path).map_err(say)?;
            let secrets = wizard::pending_secrets(ws, &req)
                .map_err(say)?
                .ok_or_else(|| t(lang, "wizard.nothing_to_resume").to_string())?;
            let req = if req.state == State::Sent {
                let mut tick = |tk: cleocps_core::mail::Tick| {
                    progress(tk.next_check.as_secs(), tk.left.as_secs());
                };
                let outcome = cleocps_core::mail::fetch_wait(
                    ws,
                    &ctx.config,
                    &path,
                    Duration::from_secs(WAIT_SECS),
                    Duration::from_secs(INTERVAL_SECS),
                    &stop,
                    &mut tick,
                );
                match outcome {
                    Ok(FetchOutcome::Imported { request, .. }) => *request,
                    Ok(FetchOutcome::Rejected { request }) => {
                        let s = WizardShown::Rejected {
                            path: path.clone(),
                            code: request.rejection_code.clone().unwrap_or_default(),
                            reason: request.rejection_reason.clone().unwrap_or_default(),
                        };
                        return shown(ws, Some(path), s).map_err(say);
                    }
                    Err(Error::NothingYet(_)) => {
                        let s = WizardShown::NotYet { path: path.clone() };
                        return shown(ws, Some(path), s).map_err(say);
                    }
                    Err(e) => return Err(say(e)),
                }
            } else {
                req
            };
            let files = wizard::finalise(ws, &req, &secrets).map_err(say)?;
            shown(ws, Some(path), WizardShown::Done { files }).map_err(say)
        }
    }
}
