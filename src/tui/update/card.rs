//! `update` for Étape 2 with the CPS card. The flow, each step asked
//! before the job that needs it: key password (if the key is encrypted) →
//! probe job (flags, holder; no PIN; while the card is absent, a waiting
//! modal, Esc stops) → PIN modal with the tries-left
//! warning (a locked card is refused before asking) → sign job, one try.
//! A wrong PIN is never tried again: the card is read again (its fresh
//! flags give the tries left) and the PIN modal says the last one was
//! wrong. The PIN lives in the modal, then in the job.

use super::secret::edit_secret;
use super::{set_error, set_info, start as start_job};
use crate::i18n::{t, tf};
use crate::tui::action::{CardProbe, Effect};
use crate::tui::jobs as work;
use crate::tui::modal::{CardWaitModal, Hidden, Modal, PinFor, PinModal, Then};
use crate::tui::{Action, App};
use cleocps_core::procedure::PinStep;
use cleocps_core::request::Request;
use cleocps_core::secret::Secret;
use zeroize::Zeroizing;

/// "Signer et chiffrer la demande avec la carte CPS" on `req`.
pub(super) fn start(app: &mut App, req: &Request) -> Option<Effect> {
    let path = req.path();
    if req.key_encrypted == Some(true) {
        app.modal = Some(Modal::secret(Hidden::KeyPassword {
            then: Then::Card { path },
        }));
        return None;
    }
    probe(app, path, None, false)
}

/// Reads the card off the UI thread (it may be slow, or forwarded over SSH,
/// or absent: then the job polls for it and the waiting modal shows).
pub(super) fn probe(
    app: &mut App,
    path: String,
    key_password: Option<Secret>,
    wrong_pin: bool,
) -> Option<Effect> {
    start_job(app, work::ProbeCard::new(path, key_password, wrong_pin))
}

/// Whether the card probe running was stopped by the user.
fn card_cancelled(app: &App) -> bool {
    app.jobs
        .iter()
        .any(|j| j.kind.probes_card() && app.stopped.contains(&j.id))
}

/// The probe found no card and polls: "Insérez votre carte CPS…" with the
/// time left. Never over another dialog, never again after Esc.
pub(super) fn waiting(app: &mut App, left: u64) {
    if card_cancelled(app) {
        return;
    }
    if matches!(app.modal, None | Some(Modal::CardWait(_))) {
        app.modal = Some(Modal::CardWait(CardWaitModal { left }));
    }
}

/// Esc in the waiting modal: the probe is told to stop (at its next look)
/// and its answer will be dropped (nothing else happens).
pub(super) fn stop_waiting(app: &mut App) -> Option<Effect> {
    app.modal = None;
    let id = app.running(|k| k.probes_card())?;
    Some(app.stop(id))
}

/// A card probe ended: closes the waiting modal; true when the user had
/// stopped it (`stopped`), so its answer (card or "no card") is dropped.
pub(super) fn probe_ended(app: &mut App, stopped: bool) -> bool {
    if matches!(app.modal, Some(Modal::CardWait(_))) {
        app.modal = None;
    }
    stopped
}

/// The card refused the PIN: the status says so (an error), and the card is
/// read again so the PIN modal shows the tries left.
pub(super) fn wrong_pin(
    app: &mut App,
    path: String,
    key_password: Option<Secret>,
) -> Option<Effect> {
    if let Some(status) = &mut app.status {
        status.error = true;
    }
    probe(app, path, key_password, true)
}

/// The probe's answer: say which card it is, then refuse a locked one or
/// ask the PIN with the card's warning.
pub(super) fn probed(app: &mut App, probe: CardProbe) {
    let lang = app.lang;
    let mut seen = tf(lang, "tui.card.seen", &[&probe.info.label, &probe.holder]);
    if probe.forwarded {
        seen.push_str(" · ");
        seen.push_str(t(lang, "tui.card.forwarded"));
    }
    // The core's PIN policy, as the probe applied it (someone is at the keys).
    match PinStep::for_card(&probe.info, false, true) {
        PinStep::Refused(e) => {
            let text = e.localize(lang);
            app.modal = Some(Modal::error(text.clone()));
            set_error(app, format!("{seen} — {text}"));
        }
        pin @ PinStep::Ask { warning, .. } => {
            set_info(app, seen);
            let what = PinFor {
                path: probe.path,
                key_password: probe.key_password,
                pin,
            };
            let mut modal = PinModal::new(what, warning.map(|w| w.localize(lang)));
            if probe.wrong_pin {
                modal.error = Some(t(lang, "tui.pin.wrong").to_string());
            }
            modal.unlisted = probe
                .unlisted
                .map(|name| tf(lang, "wizard.unlisted_form", &[&name]));
            app.modal = Some(Modal::Pin(modal));
        }
    }
}

/// Keys in the PIN modal. Enter checks the length (a typo of the wrong
/// length never costs a try), then hands the PIN to the sign job.
pub(super) fn pin_action(app: &mut App, mut m: PinModal, action: Action) -> Option<Effect> {
    match action {
        Action::Edit(r) => {
            edit_secret(&mut m.pin, r);
            m.error = None;
        }
        Action::Submit => return pin_given(app, m),
        _ => {}
    }
    app.modal = Some(Modal::Pin(m));
    None
}

/// Enter in the PIN modal: a PIN of the wrong length is refused here (the
/// modal stays, emptied); else it goes to the wizard or the sign job.
fn pin_given(app: &mut App, mut m: PinModal) -> Option<Effect> {
    let lang = app.lang;
    let secret = Secret::new(m.pin.as_str());
    m.pin = Zeroizing::new(String::new());
    let problem = m.what.pin.accept(&secret).err().map(|e| e.localize(lang));
    if let Some(problem) = problem {
        m.error = Some(problem);
        app.modal = Some(Modal::Pin(m));
        return None;
    }
    if super::wizard::wants_pin(app) {
        return super::wizard::pin_given(app, secret);
    }
    start_job(
        app,
        work::Sign {
            path: m.what.path,
            key_password: m.what.key_password,
            pin: secret,
        },
    )
}
