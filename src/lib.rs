//! cleocps core: everything but the terminal.
//!
//! The CLI (`cli`) and the TUI (`tui`) are thin fronts over the same
//! operations; core modules never use ratatui or crossterm.

pub mod card;
pub mod i18n;
pub mod messages;
pub mod pki;
pub mod secret;
