//! The card jobs of Étape 2: the probe (flags and holder, no PIN) and the
//! signature (one PIN try). The PIN is asked between the two, by the UI —
//! never from inside a job — and a wrong PIN comes back as an error, never
//! retried. A wrong key password found at the signature goes back to the
//! probe: the PIN typed before is never used again.

use super::request_changed;
use crate::i18n::{tf, Lang};
use crate::tui::action::{CardProbe, Done, Shown};
use crate::tui::job::{Cx, Failure, Job, Work};
use crate::tui::job_kind::JobKind;
use crate::tui::TuiContext;
use cleocps_core::card;
use cleocps_core::error::Error;
use cleocps_core::procedure::{self as core, CardSetup, CardWait};
use cleocps_core::secret::Secret;

/// The registration certificate from the configuration: missing or invalid
/// says to set `registration.certificate` or run `cleocps doctor`.
pub(super) fn ra_certificate(
    ctx: &TuiContext,
    lang: Lang,
) -> Result<x509_cert::Certificate, String> {
    core::load_ra_certificate(ctx.config.registration.certificate.as_deref())
        .map_err(|e| tf(lang, "tui.card.ra_cert", &[&e.localize(lang)]))
}

/// Opens the card (waiting for it while absent, reporting the time left as
/// progress) and reads its flags and holder (no PIN): what the PIN modal
/// shows. Also checks the registration certificate, so nobody types a PIN
/// for a request that can't be encrypted.
#[derive(Debug, Clone)]
pub struct ProbeCard {
    pub path: String,
    /// Carried through to the PIN modal (asked before the probe).
    pub key_password: Option<Secret>,
    /// Read again after a wrong PIN: the PIN modal says so.
    pub wrong_pin: bool,
}

impl ProbeCard {
    pub fn new(path: String, key_password: Option<Secret>, wrong_pin: bool) -> ProbeCard {
        ProbeCard {
            path,
            key_password,
            wrong_pin,
        }
    }
}

impl Work for ProbeCard {
    fn kind(&self) -> JobKind {
        JobKind::ProbeCard
    }

    fn request(&self) -> Option<&str> {
        Some(&self.path)
    }

    fn key_password(&mut self) -> Option<&mut Option<Secret>> {
        Some(&mut self.key_password)
    }

    /// The card steps before a signature, the same as the CLI's
    /// ([`core::prepare_card`]): registration certificate, card (polled
    /// while absent; the time left goes to `progress` as `(0, seconds)`:
    /// the waiting modal), holder and PIN policy. No PIN here.
    fn run(self: Box<Self>, cx: &Cx<'_>) -> Result<Done, Failure> {
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
        let (token, ready) = core::prepare_card(setup).map_err(|e| match e {
            Error::RaCertMissing | Error::RaCertInvalid { .. } | Error::RaCertExpired { .. } => {
                Failure::Said(tf(lang, "tui.card.ra_cert", &[&e.localize(lang)]))
            }
            e => e.into(),
        })?;
        drop(token);
        let unlisted =
            cleocps_core::wizard::unlisted(cx.ws, &self.path, &ctx.config, &ready.holder.id);
        Ok(Done {
            shown: Some(Shown::Card(Box::new(CardProbe {
                path: self.path,
                forwarded: ready.forwarded,
                holder: core::holder_text(&ready.holder),
                info: ready.info,
                key_password: self.key_password,
                wrong_pin: self.wrong_pin,
                unlisted,
            }))),
            ..Done::default()
        })
    }
}

/// One PIN try on the card: sign, encrypt, write the `.p7m`.
#[derive(Debug, Clone)]
pub struct Sign {
    pub path: String,
    pub key_password: Option<Secret>,
    pub pin: Secret,
}

impl Work for Sign {
    fn kind(&self) -> JobKind {
        JobKind::Sign
    }

    fn request(&self) -> Option<&str> {
        Some(&self.path)
    }

    fn key_password(&mut self) -> Option<&mut Option<Secret>> {
        Some(&mut self.key_password)
    }

    /// The PIN was given for this try only: the card is read again and the
    /// PIN asked anew.
    fn again(&self) -> Option<Job> {
        let (path, key_password) = (self.path.clone(), self.key_password.clone());
        Some(Job::new(ProbeCard::new(path, key_password, false)))
    }

    fn run(self: Box<Self>, cx: &Cx<'_>) -> Result<Done, Failure> {
        let Sign {
            path,
            key_password,
            pin,
        } = *self;
        sign(cx, path, key_password, pin)
    }
}

fn sign(
    cx: &Cx<'_>,
    path: String,
    key_password: Option<Secret>,
    pin: Secret,
) -> Result<Done, Failure> {
    let (ws, lang) = (cx.ws, cx.lang);
    let ra = ra_certificate(cx.ctx, lang)?;
    // Opened again here: the token of the probe stayed in its thread.
    let mut token = card::open(&cx.ctx.card).map_err(Error::Card)?;
    let generated =
        core::generate_card_request(ws, &path, key_password.as_ref(), token.as_mut(), &pin, &ra);
    let (req, report) = match generated {
        Ok(done) => done,
        // One try used, never another on its own: the UI reads the card
        // again and asks.
        Err(e @ Error::Card(card::CardError::WrongPin)) => {
            return Ok(Done {
                message: Some(e.localize(lang)),
                shown: Some(Shown::WrongPin { path, key_password }),
                ..Done::default()
            })
        }
        Err(e) => return Err(e.into()),
    };
    drop(pin);
    let mut done = request_changed(ws, req.path(), String::new())?;
    done.message = None;
    done.shown = Some(Shown::Signed(Box::new(report)));
    Ok(done)
}
