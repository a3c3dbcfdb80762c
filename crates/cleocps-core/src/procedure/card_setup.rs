//! The card steps before a signature (DESIGN §8), written once for the CLI,
//! the interface and the wizard: the registration certificate first (nobody
//! types a PIN for a request that can't be encrypted), then the module and
//! the card — waited for while absent when someone is there to insert it —
//! then the holder and the PIN policy read from the card's flags.
//!
//! [`prepare_card`] returns what the front shows or asks next
//! ([`PinStep`]); the front asks the PIN (never this module) and gives it to
//! [`PinStep::accept`], which checks it before the card sees it.

use super::load_ra_certificate;
use crate::card::{self, CardError, CardOptions, Holder, PinState, PinWarning, Token, TokenInfo};
use crate::card::{TokenSource, CARD_WAIT};
use crate::error::Result;
use crate::secret::Secret;
use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

/// Waiting for an absent card: a stop flag (Ctrl-C, Esc) and where the time
/// left goes after each miss.
pub struct CardWait<'a> {
    pub stop: &'a AtomicBool,
    pub tick: &'a mut dyn FnMut(Duration),
}

/// What the preparation is given.
pub struct CardSetup<'a> {
    pub card: &'a CardOptions,
    /// `--ra-cert` or `registration.certificate`.
    pub ra_certificate: Option<&'a Path>,
    /// Wait for an absent card (someone can insert it), up to [`CARD_WAIT`].
    pub wait: Option<CardWait<'a>>,
    /// The PIN comes from a script (`--pin-file`, no terminal): its last try
    /// is refused unless `allow_last_try`, so a wrong file never blocks the card.
    pub pin_from_script: bool,
    pub allow_last_try: bool,
}

/// What to do about the PIN once the card is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PinStep {
    /// Ask it, showing `warning` first; `bounds` are the card's PIN lengths.
    Ask {
        warning: Option<PinWarning>,
        bounds: PinState,
    },
    /// The card can't take a PIN now (blocked, or a script's last try).
    Refused(CardError),
}

impl PinStep {
    /// The PIN policy (DESIGN §8) for a card with these flags.
    pub fn for_card(info: &TokenInfo, pin_from_script: bool, allow_last_try: bool) -> PinStep {
        match card::pin_precheck(info, pin_from_script, allow_last_try) {
            Ok(warning) => PinStep::Ask {
                warning,
                bounds: info.pin.clone(),
            },
            Err(e) => PinStep::Refused(e),
        }
    }

    /// Checks a typed PIN before the card sees it: a typo of the wrong length
    /// never costs a try. A refused step refuses every PIN.
    pub fn accept(&self, pin: &Secret) -> std::result::Result<(), CardError> {
        match self {
            PinStep::Refused(e) => Err(e.clone()),
            PinStep::Ask { .. } if pin.is_empty() => Err(CardError::PinEmpty),
            PinStep::Ask { bounds, .. } => card::check_pin_length(pin, bounds),
        }
    }
}

/// The card, ready for its PIN.
#[derive(Debug, Clone)]
pub struct CardReady {
    pub info: TokenInfo,
    pub holder: Holder,
    /// The card is on the admin's workstation, reached through `card share`.
    pub forwarded: bool,
    pub ra_certificate: x509_cert::Certificate,
    pub pin: PinStep,
    /// The card was absent and has been inserted during the wait.
    pub waited: bool,
}

/// The registration certificate, then the card (waited for when absent and
/// `setup.wait` is given), its holder and its PIN step. The token is handed
/// back open: a front that signs at once keeps it, one that asks first
/// (the interface) drops it and opens it again to sign.
pub fn prepare_card(setup: CardSetup) -> Result<(Box<dyn Token>, CardReady)> {
    let ra_certificate = load_ra_certificate(setup.ra_certificate)?;
    let (token, waited) = match (card::open(setup.card), setup.wait) {
        (Err(e), Some(w)) if card::card_absent(&e) => {
            let token = card::wait_for_card(setup.card, CARD_WAIT, w.stop, w.tick)?;
            (token, true)
        }
        (opened, _) => (opened?, false),
    };
    let info = token.info()?;
    let holder = card::holder_of(&token.signature_certificate()?);
    let ready = CardReady {
        forwarded: forwarded(&info.source),
        pin: PinStep::for_card(&info, setup.pin_from_script, setup.allow_last_try),
        info,
        holder,
        ra_certificate,
        waited,
    };
    Ok((token, ready))
}

/// Whether the token is reached through `card share` + `ssh -R`.
fn forwarded(source: &TokenSource) -> bool {
    let client = matches!(source, TokenSource::Pkcs11 { module, .. }
        if module.file_name().is_some_and(|n| n.to_string_lossy().contains("p11-kit-client")));
    client && card::forwarding().is_some()
}

/// "810001234567 JEAN DUPONT": the holder as the fronts show it.
pub fn holder_text(holder: &Holder) -> String {
    let name = [holder.given_name.as_deref(), holder.surname.as_deref()]
        .iter()
        .flatten()
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    format!("{} {name}", holder.id).trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(count_low: bool, final_try: bool, locked: bool) -> TokenInfo {
        crate::card::test_info(count_low, final_try, locked)
    }

    #[test]
    fn the_pin_step_follows_the_flags_and_checks_before_the_card() {
        let ok = PinStep::for_card(&info(false, false, false), false, false);
        assert!(matches!(ok, PinStep::Ask { warning: None, .. }));
        assert_eq!(ok.accept(&Secret::new("1234")), Ok(()));
        assert_eq!(ok.accept(&Secret::new("")), Err(CardError::PinEmpty));
        assert_eq!(
            ok.accept(&Secret::new("123")),
            Err(CardError::PinLength { min: 4, max: 8 })
        );
        let last = PinStep::for_card(&info(true, true, false), false, false);
        assert!(matches!(
            last,
            PinStep::Ask {
                warning: Some(PinWarning::FinalTry),
                ..
            }
        ));
        let script = PinStep::for_card(&info(true, true, false), true, false);
        assert_eq!(script, PinStep::Refused(CardError::FinalTryRefused));
        assert!(script.accept(&Secret::new("1234")).is_err());
        let locked = PinStep::for_card(&info(true, false, true), false, true);
        assert_eq!(locked, PinStep::Refused(CardError::PinLocked));
    }

    #[test]
    fn holder_text_joins_what_is_known() {
        let h = Holder {
            id: "810001234567".into(),
            surname: Some("DUPONT".into()),
            given_name: Some("JEAN".into()),
        };
        assert_eq!(holder_text(&h), "810001234567 JEAN DUPONT");
        let bare = Holder {
            id: "8100".into(),
            surname: None,
            given_name: None,
        };
        assert_eq!(holder_text(&bare), "8100");
    }
}
