//! CleoWizard's run, written once for the CLI and the interface. A run is
//! three slow steps with the user's answers between them:
//!
//! ```text
//! probe   registration certificate, card (waited for), holder, directory
//!           → the front resolves the server (Choice) and asks the PIN (PinStep)
//! send    request created, key made, signed on the card (one PIN try), mailed
//!           (a resumed run picks up where it stopped)
//! finish  wait for the answer, then Requete_Wizard.{key,crt,p12} + password.txt
//! ```
//!
//! The fronts only render each step's result and collect the answers.

use super::{
    choose, pending_secrets, prepare, resumable, Choice, FinalFiles, Paused, Route, Target,
};
use crate::card::Token;
use crate::config::Config;
use crate::directory::Lookup;
use crate::error::{Error, Result};
use crate::i18n::{t, Lang};
use crate::mail::{fetch_wait, AnswerWait, FetchOutcome, Tick};
use crate::procedure::{self, CardReady, CardSetup};
use crate::request::{Request, RequestType, State};
use crate::secret::Secret;
use crate::workspace::Workspace;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

/// How long a wizard waits for the answer before it stops (resumable).
pub const WAIT: Duration = Duration::from_secs(600);

/// What the probe found: the card ready for its PIN, the directory's answer,
/// and what the directory lets the front do about the server.
#[derive(Debug, Clone)]
pub struct Probed {
    pub card: CardReady,
    pub lookup: std::result::Result<Lookup, String>,
    pub choice: Choice,
}

/// Step 1: the card steps before a signature (shared with Étape 2), then the
/// holder's servers in the directory. A failed lookup is not an error: the
/// choice falls back to typing the name (the degraded mode).
pub fn probe(
    config: &Config,
    card: CardSetup,
    kind: RequestType,
    given: Option<&str>,
    lang: Lang,
) -> Result<(Box<dyn Token>, Probed)> {
    let (token, card) = procedure::prepare_card(card)?;
    let lookup = crate::directory::lookup(config, &card.holder.id).map_err(|e| e.localize(lang));
    let choice = choose(kind, given, &lookup);
    Ok((
        token,
        Probed {
            card,
            lookup,
            choice,
        },
    ))
}

/// How a run starts: anew for a server, or a run stopped under way.
#[derive(Debug, Clone)]
pub enum Start {
    New { target: Target, key_password: bool },
    Resume { path: String },
}

/// The run stopped under way to resume ("FOLDER/NAME", its state, road and type).
pub fn to_resume(ws: &Workspace) -> Result<Option<Paused>> {
    Ok(resumable(ws)?.map(|(r, _)| Paused {
        path: r.path(),
        state: r.state,
        route: Route::of(&r),
        kind: r.kind,
    }))
}

/// Whether this start still needs the card and its PIN: a new run, or a
/// resumed one whose request is not signed yet.
pub fn needs_card(ws: &Workspace, start: &Start) -> Result<bool> {
    match start {
        Start::New { .. } => Ok(true),
        Start::Resume { path } => Ok(ws.find(path)?.state == State::KeysGenerated),
    }
}

/// The card to sign with: the opened token, the PIN checked by
/// [`procedure::PinStep::accept`], and the registration certificate.
pub struct Signer<'a> {
    pub token: &'a mut dyn Token,
    pub pin: &'a Secret,
    pub ra_certificate: &'a x509_cert::Certificate,
}

/// Step 2: creates the request and its key (a new run), signs it on the card
/// (one PIN try) and mails it. A resumed run does only what is left.
/// Returns the request's "FOLDER/NAME".
pub fn send(
    ws: &Workspace,
    config: &Config,
    start: &Start,
    signer: Option<Signer>,
) -> Result<String> {
    let path = match start {
        Start::New {
            target,
            key_password,
        } => prepare(ws, config, target, *key_password)?.0.path(),
        Start::Resume { path } => path.clone(),
    };
    let req = ws.find(&path)?;
    let secrets = pending_secrets(ws, &req)?.ok_or_else(nothing_to_resume)?;
    if req.state == State::KeysGenerated {
        let s = signer.ok_or(Error::Card(crate::card::CardError::PinEmpty))?;
        procedure::generate_card_request(
            ws,
            &path,
            secrets.key.as_ref(),
            s.token,
            s.pin,
            s.ra_certificate,
        )?;
    }
    if ws.find(&path)?.state == State::RequestGenerated {
        crate::mail::send_request(ws, config, &path)?;
    }
    Ok(path)
}

/// How a run ended.
#[derive(Debug, Clone)]
pub enum Finished {
    /// The certificate came: the final files are written.
    Done {
        request: Box<Request>,
        files: FinalFiles,
    },
    /// The registration server said no ("recommencer" makes a new request).
    Rejected {
        path: String,
        code: String,
        reason: String,
    },
    /// No answer within the wait (or it was stopped): resumable.
    NotYet { path: String },
}

/// Step 3: waits for the answer (unless it is already imported), then
/// writes `Requete_Wizard.{key,crt,p12}` and `password.txt`.
pub fn finish(
    ws: &Workspace,
    config: &Config,
    path: &str,
    wait: AnswerWait,
    stop: &AtomicBool,
    tick: &mut dyn FnMut(Tick),
) -> Result<Finished> {
    let req = ws.find(path)?;
    let secrets = pending_secrets(ws, &req)?.ok_or_else(nothing_to_resume)?;
    let req = if req.state == State::Sent {
        match fetch_wait(ws, config, path, wait, stop, tick) {
            Ok(FetchOutcome::Imported { request, .. }) => *request,
            Ok(FetchOutcome::Rejected { request }) => {
                return Ok(Finished::Rejected {
                    path: path.to_string(),
                    code: request.rejection_code.clone().unwrap_or_default(),
                    reason: request.rejection_reason.clone().unwrap_or_default(),
                })
            }
            Err(Error::NothingYet(_)) => {
                return Ok(Finished::NotYet {
                    path: path.to_string(),
                })
            }
            Err(e) => return Err(e),
        }
    } else {
        req
    };
    let files = super::finalise(ws, &req, &secrets)?;
    Ok(Finished::Done {
        request: Box::new(req),
        files,
    })
}

fn nothing_to_resume() -> Error {
    Error::Wizard(t(crate::i18n::current(), "wizard.nothing_to_resume").to_string())
}
