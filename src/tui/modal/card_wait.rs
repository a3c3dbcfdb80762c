//! "Insérez votre carte CPS…": the card probe polls while the card is
//! absent; Esc stops it.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CardWaitModal {
    /// Seconds left, as the probe reports them.
    pub left: u64,
}
