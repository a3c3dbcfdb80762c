//! The certificates' revocation: a background job checks them after every
//! read of the tree and on demand (`V`); its facts land in
//! [`App::certified`], where the tree and Étape 3 read them.

use super::{set_info, start};
use crate::i18n::tf;
use crate::tui::action::{Effect, RevocationFact};
use crate::tui::app::App;
use crate::tui::jobs as work;
use cleocps_core::ops::Certified;
use cleocps_core::revocation::Mode;

/// Checks the certificates in service among `paths` (all when `None`);
/// nothing to start when revocation is off or none is in service.
pub(super) fn check(app: &mut App, paths: Option<&[String]>, asked: bool) -> Option<Effect> {
    if app.config.revocation.mode == Mode::Off {
        return None;
    }
    let mut certs: Vec<_> = app
        .certified
        .iter()
        .filter(|(path, c)| c.watched() && !c.expired() && paths.is_none_or(|p| p.contains(path)))
        .map(|(_, c)| c.clone())
        .collect();
    if certs.is_empty() {
        return None;
    }
    certs.sort_by_key(Certified::path);
    start(app, work::CheckRevocation { certs, asked })
}

/// `V`: check now, and say so when there is nothing to check.
pub(super) fn asked(app: &mut App) -> Option<Effect> {
    let effect = check(app, None, true);
    if effect.is_none() {
        let text = if app.config.revocation.mode == Mode::Off {
            crate::i18n::t(app.lang, "tui.revocation.disabled")
        } else {
            crate::i18n::t(app.lang, "tui.revocation.nothing")
        };
        set_info(app, text.to_string());
    }
    effect
}

/// The check's facts: each goes to its certificate, unless the request
/// holds another certificate by now. Said when asked for or when one is
/// found revoked that was not; a quiet check of the tree stays quiet.
pub(super) fn checked(app: &mut App, facts: Vec<RevocationFact>, asked: bool) {
    let revoked = facts.iter().filter(|f| f.revocation.is_revoked()).count();
    let total = facts.len();
    let mut newly = 0;
    for fact in facts {
        if let Some(c) = app.certified.get_mut(&fact.path) {
            if c.serial == fact.serial {
                newly += usize::from(fact.revocation.is_revoked() && !c.revocation.is_revoked());
                c.revocation = fact.revocation;
            }
        }
    }
    // Found in the background: said only where it clobbers no other message.
    if asked || (newly > 0 && app.status.is_none()) {
        set_info(
            app,
            tf(app.lang, "tui.revocation.done", &[&total, &revoked]),
        );
    }
}

/// Two effects in order; either may be absent.
pub(super) fn both(first: Option<Effect>, then: Option<Effect>) -> Option<Effect> {
    match (first, then) {
        (Some(a), Some(b)) => Some(Effect::Many(vec![a, b])),
        (a, b) => a.or(b),
    }
}
