//! The card's PIN ("code porteur"), asked after a card probe, with the
//! tries-left warning the probe read. The PIN lives here (zeroized on
//! drop), then in the sign job.

use cleocps_core::procedure::PinStep;
use cleocps_core::secret::Secret;
use zeroize::Zeroizing;

/// What a PIN is asked for: signing this request, after a card probe.
#[derive(Debug, Clone)]
pub struct PinFor {
    pub path: String,
    pub key_password: Option<Secret>,
    /// The core's PIN step for the card the probe read (its length bounds).
    pub pin: PinStep,
}

#[derive(Debug, Clone)]
pub struct PinModal {
    pub what: PinFor,
    /// The card's warning (few tries left, last try), localized.
    pub warning: Option<String>,
    pub pin: Zeroizing<String>,
    /// A PIN of the wrong length (checked before the card sees it).
    pub error: Option<String>,
    /// The directory doesn't list the form's name for this holder, localized.
    pub unlisted: Option<String>,
}

impl PinModal {
    /// An empty PIN for `what`.
    pub fn new(what: PinFor, warning: Option<String>) -> PinModal {
        PinModal {
            what,
            warning,
            pin: Zeroizing::new(String::new()),
            error: None,
            unlisted: None,
        }
    }
}
