//! The core's texts in the process's language: [`t`] and [`tf`] look an id
//! up in the core's catalog ([`crate::texts::CORE`]); the types come from
//! [`crate::lang`], re-exported here for every user of the texts.

pub use crate::lang::{check_catalog, current, set_current, Catalog, Lang, Text};
pub use crate::texts::CORE;
use std::fmt::Display;

/// A core text `id` in `lang`.
pub fn t(lang: Lang, id: &'static str) -> &'static str {
    CORE.t(lang, id)
}

/// A core text `id` with its `{}` placeholders filled in order.
pub fn tf(lang: Lang, id: &'static str, args: &[&dyn Display]) -> String {
    CORE.tf(lang, id, args)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_id_is_unique_and_has_both_languages_with_same_placeholders() {
        assert_eq!(check_catalog(&CORE), Ok(()));
    }

    #[test]
    fn tf_fills_in_order() {
        assert_eq!(
            tf(Lang::En, "err.not_found.request", &[&"a/b"]),
            "request \"a/b\" not found"
        );
    }

    #[test]
    fn lang_parse() {
        assert_eq!(Lang::parse("FR"), Some(Lang::Fr));
        assert_eq!(Lang::parse("en"), Some(Lang::En));
        assert_eq!(Lang::parse("de"), None);
    }
}
