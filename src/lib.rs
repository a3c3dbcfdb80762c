//! cleocps core: everything but the terminal.
//!
//! The CLI (`cli`) and the TUI (`tui`) are thin fronts over the same
//! operations (`procedure`); core modules never use ratatui or crossterm.

pub mod card;
pub mod config;
pub mod demo;
pub mod directory;
pub mod error;
pub mod fsutil;
pub mod i18n;
pub mod logging;
pub mod mail;
pub mod messages;
pub mod pki;
pub mod ra;
pub mod request;
pub mod secret;
pub mod validate;
pub mod wizard;
pub mod workspace;

pub use error::{Error, Result};
pub mod cli;
pub mod procedure;
pub mod tui;
