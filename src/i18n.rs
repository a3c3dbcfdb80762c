//! The fronts' texts (CLI, TUI, demo), over the core's.

pub use cleocps_core::i18n::{current, set_current, Catalog, Lang, Text};
use std::fmt::Display;

/// The binary's catalog: the fronts' tables, then the rehearsal server's and
/// the core's (through it).
pub static CATALOG: Catalog = Catalog {
    tables: &[
        crate::cli::TEXTS,
        crate::cli::help_fr::TABLES[0],
        crate::cli::help_fr::TABLES[1],
        crate::cli::help_fr::TABLES[2],
        crate::tui::TEXTS,
        crate::tui::OPS_TEXTS,
        crate::tui::texts_setup::TEXTS,
        crate::tui::texts_portal::TEXTS,
        crate::tui::texts_config::TEXTS,
    ],
    below: Some(&cleocps_ra::i18n::CATALOG),
};

pub fn t(lang: Lang, id: &'static str) -> &'static str {
    CATALOG.t(lang, id)
}

pub fn tf(lang: Lang, id: &'static str, args: &[&dyn Display]) -> String {
    CATALOG.tf(lang, id, args)
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_text_has_both_languages() {
        assert_eq!(cleocps_core::i18n::check_catalog(&super::CATALOG), Ok(()));
    }
}
