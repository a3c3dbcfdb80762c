//! The fronts' texts, French and English side by side, one table per part of
//! the screen or command they speak for, gathered in [`CATALOG`]. These
//! tables name nothing of the binary: the words sit below the code that says
//! them, so `cli` and `tui` and the lookup (`i18n`) never import each other
//! in a circle.

use cleocps_core::i18n::Catalog;

pub mod cli;
mod help_fr_1;
mod help_fr_2;
mod help_fr_3;
pub mod tui;
pub mod tui_config;
pub mod tui_ops;
pub mod tui_platform;
pub mod tui_portal;
pub mod tui_revocation;
pub mod tui_setup;
pub mod tui_wizard_platform;

/// The French of `--help`, looked up by clap's English (`cli::help_fr`).
pub static HELP_FR: [&[cleocps_core::i18n::Text]; 4] = [
    help_fr_1::TEXTS,
    help_fr_2::TEXTS,
    help_fr_3::TEXTS,
    tui_wizard_platform::TEXTS,
];

/// The binary's catalog: the fronts' tables, then the rehearsal server's and
/// the core's (through it).
pub static CATALOG: Catalog = Catalog {
    tables: &[
        cli::TEXTS,
        help_fr_1::TEXTS,
        help_fr_2::TEXTS,
        help_fr_3::TEXTS,
        tui::TEXTS,
        tui_ops::TEXTS,
        tui_setup::TEXTS,
        tui_portal::TEXTS,
        tui_platform::TEXTS,
        tui_config::TEXTS,
        tui_wizard_platform::TEXTS,
        tui_revocation::TEXTS,
    ],
    below: Some(&cleocps_ra::i18n::CATALOG),
};
