//! The card jobs of Étape 2: the probe (flags and holder, no PIN) and the
//! signature (one PIN try). The PIN is asked between the two, by the UI —
//! never from inside a job — and a wrong PIN comes back as an error, never
//! retried.

use super::changed;
use super::mail::Waiting;
use crate::i18n::{tf, Lang};
use crate::tui::action::{CardProbe, Done, Shown};
use crate::tui::TuiContext;
use cleocps_core::card;
use cleocps_core::error::Error;
use cleocps_core::procedure::{self as core, CardSetup, CardWait};
use cleocps_core::secret::Secret;
use cleocps_core::workspace::Workspace;

/// The registration certificate from the configuration: missing or invalid
/// says to set `registration.certificate` or run `cleocps doctor`.
pub(super) fn ra_certificate(
    ctx: &TuiContext,
    lang: Lang,
) -> Result<x509_cert::Certificate, String> {
    core::load_ra_certificate(ctx.config.registration.certificate.as_deref())
        .map_err(|e| tf(lang, "tui.card.ra_cert", &[&e.localize(lang)]))
}

/// The card steps before a signature, the same as the CLI's
/// ([`core::prepare_card`]): registration certificate, card (polled while
/// absent; the time left goes to `progress` as `(0, seconds)`: the waiting
/// modal), holder and PIN policy. No PIN here.
pub fn probe(
    ws: &Workspace,
    ctx: &TuiContext,
    lang: Lang,
    (path, key_password, wrong_pin): (String, Option<Secret>, bool),
    (stop, progress): Waiting,
) -> Result<Done, String> {
    let setup = CardSetup {
        card: &ctx.card,
        ra_certificate: ctx.config.registration.certificate.as_deref(),
        wait: Some(CardWait {
            stop,
            tick: &mut |left| progress(0, left.as_secs()),
        }),
        pin_from_script: false,
        allow_last_try: true,
    };
    let (token, ready) = core::prepare_card(setup).map_err(|e| match e {
        Error::RaCertMissing | Error::RaCertInvalid { .. } | Error::RaCertExpired { .. } => {
            tf(lang, "tui.card.ra_cert", &[&e.localize(lang)])
        }
        e => e.localize(lang),
    })?;
    drop(token);
    let unlisted = cleocps_core::wizard::unlisted(ws, &path, &ctx.config, &ready.holder.id);
    Ok(Done {
        shown: Some(Shown::Card(Box::new(CardProbe {
            path,
            forwarded: ready.forwarded,
            holder: core::holder_text(&ready.holder),
            info: ready.info,
            key_password,
            wrong_pin,
            unlisted,
        }))),
        ..Done::default()
    })
}

pub fn sign(
    ws: &Workspace,
    ctx: &TuiContext,
    lang: Lang,
    path: String,
    key_password: Option<Secret>,
    pin: Secret,
) -> Result<Done, String> {
    let ra = ra_certificate(ctx, lang)?;
    // Opened again here: the token of the probe stayed in its thread.
    let mut token = card::open(&ctx.card).map_err(|e| e.localize(lang))?;
    let generated =
        core::generate_card_request(ws, &path, key_password.as_ref(), token.as_mut(), &pin, &ra);
    let (req, report) = match generated {
        Ok(done) => done,
        // One try used, never another on its own: the UI reads the card
        // again and asks (issue 13, stumble 4).
        Err(e @ Error::Card(card::CardError::WrongPin)) => {
            return Ok(Done {
                message: Some(e.localize(lang)),
                shown: Some(Shown::WrongPin { path, key_password }),
                ..Done::default()
            })
        }
        Err(e) => return Err(e.localize(lang)),
    };
    drop(pin);
    let text = tf(
        lang,
        "tui.done.card",
        &[
            &report.token_label,
            &report.holder.id,
            &report.p7m.display(),
            &report.eml.display(),
        ],
    );
    let mut done = changed(ws, req.path(), text.clone()).map_err(|e| e.localize(lang))?;
    done.message = Some(tf(lang, "tui.done.card_short", &[&report.p7m.display()]));
    done.shown = Some(Shown::Report {
        title: "tui.title.report",
        text,
    });
    Ok(done)
}
