//! The `cleocps` binary's two fronts over `cleocps-core`: the command line
//! (`cli`, clap) and the full-screen interface (`tui`, ratatui + crossterm),
//! plus the rehearsal sandbox (`demo`), the one place that puts the core and
//! the rehearsal registration server (`cleocps-ra`) together.

pub mod cli;
pub mod demo;
pub mod demo_seed;
pub mod i18n;
pub mod texts;
pub mod tui;
