//! French and English texts, side by side, keyed by id.
//!
//! Each module owns a `TEXTS` table; each crate gathers its tables in a
//! [`Catalog`] over the core's ([`CORE`]), and a test checks that every id has
//! both languages and the same placeholders.
//! Placeholders are `{}`, filled in order by [`tf`].

use std::fmt::Display;
use std::sync::atomic::{AtomicU8, Ordering};

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Fr,
    En,
}

impl Lang {
    /// French when `LANG` (or `LC_ALL`/`LC_MESSAGES`) starts with `fr`.
    pub fn from_env() -> Lang {
        let pick = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .find(|v| !v.is_empty())
            .unwrap_or_default();
        if pick.to_ascii_lowercase().starts_with("fr") {
            Lang::Fr
        } else {
            Lang::En
        }
    }

    pub fn parse(s: &str) -> Option<Lang> {
        match s.to_ascii_lowercase().as_str() {
            "fr" | "français" | "francais" | "french" => Some(Lang::Fr),
            "en" | "english" | "anglais" => Some(Lang::En),
            _ => None,
        }
    }
}

/// One text in both languages.
pub struct Text {
    pub id: &'static str,
    pub fr: &'static str,
    pub en: &'static str,
}

/// `Display` in the process's language for an error type that has
/// `localize(&self, Lang) -> String` (every error of cleocps has one).
#[macro_export]
macro_rules! display_localized {
    ($t:ty) => {
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.localize($crate::i18n::current()))
            }
        }
    };
}

/// Shorthand to write tables: `text!("id", "fr", "en")`.
#[macro_export]
macro_rules! text {
    ($id:expr, $fr:expr, $en:expr) => {
        $crate::i18n::Text {
            id: $id,
            fr: $fr,
            en: $en,
        }
    };
}

/// A set of text tables, searched in order, then the catalog below it: each
/// crate keeps its own catalog on top of the core's, so the core names no
/// front and a front finds both its texts and the core's.
pub struct Catalog {
    pub tables: &'static [&'static [Text]],
    pub below: Option<&'static Catalog>,
}

impl Catalog {
    fn lookup(&self, id: &str) -> Option<&'static Text> {
        self.tables
            .iter()
            .flat_map(|t| t.iter())
            .find(|t| t.id == id)
            .or_else(|| self.below.and_then(|b| b.lookup(id)))
    }

    /// The text `id` in `lang`; the id itself when missing (a test forbids that).
    pub fn t(&self, lang: Lang, id: &'static str) -> &'static str {
        match self.lookup(id) {
            Some(text) => match lang {
                Lang::Fr => text.fr,
                Lang::En => text.en,
            },
            None => id,
        }
    }

    /// The text `id` with its `{}` placeholders filled in order.
    pub fn tf(&self, lang: Lang, id: &'static str, args: &[&dyn Display]) -> String {
        fill(self.t(lang, id), args)
    }

    /// Every table of this catalog and those below it.
    pub fn all_tables(&self) -> Vec<&'static [Text]> {
        let mut out: Vec<&'static [Text]> = self.tables.to_vec();
        if let Some(b) = self.below {
            out.extend(b.all_tables());
        }
        out
    }
}

/// The core's texts.
pub static CORE: Catalog = Catalog {
    tables: &[
        crate::messages::TEXTS,
        crate::pki::TEXTS,
        crate::trust::TEXTS,
        crate::revocation::TEXTS,
        crate::http::TEXTS,
        crate::mail::TEXTS,
        crate::directory::TEXTS,
        crate::card::TEXTS,
        crate::doctor::TEXTS,
        crate::wizard::TEXTS,
        crate::ops::TEXTS,
        crate::deploy::TEXTS,
    ],
    below: None,
};

static CURRENT: AtomicU8 = AtomicU8::new(1);

/// The language of this process (set once by the CLI/TUI from `--lang`/`LANG`).
pub fn current() -> Lang {
    if CURRENT.load(Ordering::Relaxed) == 0 {
        Lang::Fr
    } else {
        Lang::En
    }
}

pub fn set_current(lang: Lang) {
    CURRENT.store(
        match lang {
            Lang::Fr => 0,
            Lang::En => 1,
        },
        Ordering::Relaxed,
    );
}

/// A core text `id` in `lang`.
pub fn t(lang: Lang, id: &'static str) -> &'static str {
    CORE.t(lang, id)
}

/// A core text `id` with its `{}` placeholders filled in order.
pub fn tf(lang: Lang, id: &'static str, args: &[&dyn Display]) -> String {
    CORE.tf(lang, id, args)
}

fn fill(template: &str, args: &[&dyn Display]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut args = args.iter();
    let mut rest = template;
    while let Some(pos) = rest.find("{}") {
        out.push_str(&rest[..pos]);
        if let Some(a) = args.next() {
            out.push_str(&a.to_string());
        }
        rest = &rest[pos + 2..];
    }
    out.push_str(rest);
    out
}

/// Checks a catalog's tables: unique ids, both languages, same placeholders.
/// Each crate calls it on its own catalog in a test.
pub fn check_catalog(catalog: &Catalog) -> Result<(), String> {
    let mut seen = std::collections::HashSet::new();
    for table in catalog.all_tables() {
        for text in table.iter() {
            if !seen.insert(text.id) {
                return Err(format!("duplicate id {}", text.id));
            }
            if text.fr.is_empty() || text.en.is_empty() {
                return Err(format!("{} lacks a language", text.id));
            }
            if text.fr.matches("{}").count() != text.en.matches("{}").count() {
                return Err(format!("{} placeholders differ", text.id));
            }
        }
    }
    Ok(())
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
