//! Waiting for the card (DESIGN §8, "cards are polled"): `C_WaitForSlotEvent`
//! is not supported everywhere, so the card is opened again every second.
//! Each try loads and initialises the module afresh (`card::open`), which is
//! what makes a module re-read its readers (SoftHSM: its token directory).

use super::{open, CardError, CardOptions, Result, Token};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// How long the interactive fronts wait for the card.
pub const CARD_WAIT: Duration = Duration::from_secs(120);
/// Between two tries.
const POLL: Duration = Duration::from_secs(1);
/// How often the stop flag is looked at while sleeping.
const STOP_CHECK: Duration = Duration::from_millis(50);

/// The card is just not there (yet): worth waiting for. Any other error
/// (no module, several cards, not a CPS card…) will not fix itself.
pub fn card_absent(e: &CardError) -> bool {
    // `TokenNotFound` only ever names the wanted `--token-label`.
    matches!(
        e,
        CardError::NoToken { .. } | CardError::CardRemoved | CardError::TokenNotFound { .. }
    )
}

/// Opens the card, trying again every second while it is absent, until
/// `timeout` or `stop`; then the last "no card" error. `tick` gets the time
/// left after each miss. Never touches the PIN.
pub fn wait_for_card(
    opts: &CardOptions,
    timeout: Duration,
    stop: &AtomicBool,
    tick: &mut dyn FnMut(Duration),
) -> Result<Box<dyn Token>> {
    let start = Instant::now();
    loop {
        let missing = match open(opts) {
            Err(e) if card_absent(&e) => e,
            other => return other,
        };
        let left = timeout.saturating_sub(start.elapsed());
        if left.is_zero() || stop.load(Ordering::Relaxed) {
            return Err(missing);
        }
        tick(left);
        let until = Instant::now() + POLL.min(left);
        while let Some(rest) = until.checked_duration_since(Instant::now()) {
            if rest.is_zero() || stop.load(Ordering::Relaxed) {
                break;
            }
            std::thread::sleep(rest.min(STOP_CHECK));
        }
        if stop.load(Ordering::Relaxed) {
            return Err(missing);
        }
    }
}
