//! The card jobs of Étape 2: the probe (flags and holder, no PIN) and the
//! signature (one PIN try). The PIN is asked between the two, by the UI —
//! never from inside a job — and a wrong PIN comes back as an error, never
//! retried.

use super::action::{CardProbe, Done, Shown};
use super::jobs::changed;
use super::jobs_mail::Waiting;
use super::TuiContext;
use cleocps_core::card::{self, TokenSource};
use cleocps_core::error::Error;
use crate::i18n::{tf, Lang};
use cleocps_core::procedure as core;
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

/// Card and core errors in the user's language ("code porteur incorrect"…).
fn say(lang: Lang) -> impl Fn(Error) -> String {
    move |e| e.localize(lang)
}

/// Whether the token is reached through `card share` + `ssh -R`.
pub(super) fn forwarded(source: &TokenSource) -> bool {
    let client = matches!(source, TokenSource::Pkcs11 { module, .. }
        if module.file_name().is_some_and(|n| n.to_string_lossy().contains("p11-kit-client")));
    client && card::forwarding().is_some()
}

/// "810001234567 JEAN DUPONT".
pub(super) fn holder_text(holder: &card::Holder) -> String {
    let name = [holder.given_name.as_deref(), holder.surname.as_deref()]
        .iter()
        .flatten()
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    format!("{} {name}", holder.id).trim().to_string()
}

/// Opens the card, polling while it is absent (the time left goes to
/// `progress` as `(0, seconds)`: the waiting modal) until it comes, the
/// wait ends, or `stop` is set.
pub(super) fn open_waiting(
    ctx: &TuiContext,
    (stop, progress): Waiting,
) -> card::Result<Box<dyn card::Token>> {
    card::wait_for_card(&ctx.card, card::CARD_WAIT, stop, &mut |left| {
        progress(0, left.as_secs())
    })
}

pub fn probe(
    ctx: &TuiContext,
    lang: Lang,
    path: String,
    key_password: Option<Secret>,
    wait: Waiting,
) -> Result<Done, String> {
    ra_certificate(ctx, lang)?;
    let card_err = |e: card::CardError| e.localize(lang);
    let token = open_waiting(ctx, wait).map_err(card_err)?;
    let info = token.info().map_err(card_err)?;
    let holder = card::holder_of(&token.signature_certificate().map_err(card_err)?);
    let holder = holder_text(&holder);
    Ok(Done {
        shown: Some(Shown::Card(Box::new(CardProbe {
            path,
            forwarded: forwarded(&info.source),
            info,
            holder,
            key_password,
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
    let (req, report) =
        core::generate_card_request(ws, &path, key_password.as_ref(), token.as_mut(), &pin, &ra)
            .map_err(say(lang))?;
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
    let mut done = changed(ws, req.path(), text.clone()).map_err(say(lang))?;
    done.message = Some(tf(lang, "tui.done.card_short", &[&report.p7m.display()]));
    done.shown = Some(Shown::Report {
        title: "tui.title.report",
        text,
    });
    Ok(done)
}
