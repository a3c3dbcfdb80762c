//! PIN policy (DESIGN §8): decided from the token flags, before any try.

use super::{CardError, PinState, Result, TokenInfo};
use crate::i18n::{t, Lang};
use crate::secret::Secret;
use serde::Serialize;

/// Shown before asking for (or using) the PIN.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PinWarning {
    /// Some tries have already failed.
    CountLow,
    /// One try left: a wrong PIN blocks the card.
    FinalTry,
}

impl PinWarning {
    pub fn localize(&self, lang: Lang) -> String {
        match self {
            PinWarning::CountLow => t(lang, "card.warn.count_low").to_string(),
            PinWarning::FinalTry => t(lang, "card.warn.final_try").to_string(),
        }
    }
}

/// LOCKED: refused. FINAL_TRY: refused in non-interactive mode unless
/// `allow_last_try` (a wrong PIN file in a script must not block the card),
/// else a warning. COUNT_LOW: a warning, go on.
pub fn pin_precheck(
    info: &TokenInfo,
    non_interactive: bool,
    allow_last_try: bool,
) -> Result<Option<PinWarning>> {
    let pin = &info.pin;
    if pin.locked {
        return Err(CardError::PinLocked);
    }
    if pin.final_try {
        if non_interactive && !allow_last_try {
            return Err(CardError::FinalTryRefused);
        }
        return Ok(Some(PinWarning::FinalTry));
    }
    if pin.count_low {
        return Ok(Some(PinWarning::CountLow));
    }
    Ok(None)
}

/// The PIN length must be within the token's bounds: checked before the
/// card sees it, so a typo of the wrong length never costs a try.
pub fn check_pin_length(pin: &Secret, state: &PinState) -> Result<()> {
    let len = pin.expose().chars().count();
    let max = if state.max_len == 0 {
        usize::MAX
    } else {
        state.max_len
    };
    if len < state.min_len || len > max {
        return Err(CardError::PinLength {
            min: state.min_len,
            max: state.max_len,
        });
    }
    Ok(())
}

/// A soft token's info with these PIN flags and bounds 4–8 (unit tests).
#[cfg(test)]
pub(crate) fn test_info(count_low: bool, final_try: bool, locked: bool) -> TokenInfo {
    TokenInfo {
        label: "T".into(),
        serial: String::new(),
        manufacturer: String::new(),
        model: String::new(),
        source: super::TokenSource::Soft { path: "x".into() },
        pin: PinState {
            count_low,
            final_try,
            locked,
            min_len: 4,
            max_len: 8,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(count_low: bool, final_try: bool, locked: bool) -> TokenInfo {
        test_info(count_low, final_try, locked)
    }

    #[test]
    fn policy() {
        assert_eq!(
            pin_precheck(&info(false, false, false), true, false),
            Ok(None)
        );
        assert_eq!(
            pin_precheck(&info(true, false, false), true, false),
            Ok(Some(PinWarning::CountLow))
        );
        assert_eq!(
            pin_precheck(&info(true, true, false), true, false),
            Err(CardError::FinalTryRefused)
        );
        assert_eq!(
            pin_precheck(&info(true, true, false), true, true),
            Ok(Some(PinWarning::FinalTry))
        );
        assert_eq!(
            pin_precheck(&info(true, true, false), false, false),
            Ok(Some(PinWarning::FinalTry))
        );
        assert_eq!(
            pin_precheck(&info(true, false, true), false, true),
            Err(CardError::PinLocked)
        );
    }

    #[test]
    fn length_bounds() {
        let s = info(false, false, false).pin;
        assert!(check_pin_length(&Secret::new("1234"), &s).is_ok());
        assert!(check_pin_length(&Secret::new("12345678"), &s).is_ok());
        assert_eq!(
            check_pin_length(&Secret::new("123"), &s),
            Err(CardError::PinLength { min: 4, max: 8 })
        );
        assert!(check_pin_length(&Secret::new("123456789"), &s).is_err());
    }
}
