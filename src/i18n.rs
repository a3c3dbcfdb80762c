//! The fronts' texts (CLI, TUI, demo) in a language: [`t`] and [`tf`] look
//! an id up in [`CATALOG`] (`crate::texts`), which sits over the core's.

pub use crate::texts::CATALOG;
pub use cleocps_core::i18n::{current, set_current, Catalog, Lang, Text};
use std::fmt::Display;

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
