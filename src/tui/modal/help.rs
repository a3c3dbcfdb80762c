//! The help screen's dialog: the keymap table, scrolled.

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HelpModal {
    /// Lines scrolled off the top.
    pub scroll: u16,
}
