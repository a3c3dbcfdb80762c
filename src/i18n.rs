//! French and English texts, side by side, keyed by id.
//!
//! Each module owns a `TEXTS` table; `TABLES` lists them all so a test can
//! check that every id has both languages and the same placeholders.
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

/// Every module's table. Add a module's `TEXTS` here.
static TABLES: &[&[Text]] = &[
    crate::messages::TEXTS,
    crate::pki::TEXTS,
    crate::mail::TEXTS,
    crate::directory::TEXTS,
    crate::card::TEXTS,
    crate::cli::TEXTS,
    crate::tui::TEXTS,
    crate::ra::TEXTS,
    crate::wizard::TEXTS,
];

pub fn tables() -> &'static [&'static [Text]] {
    TABLES
}

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

fn lookup(id: &str) -> Option<&'static Text> {
    tables().iter().flat_map(|t| t.iter()).find(|t| t.id == id)
}

/// The text `id` in `lang`; the id itself when missing (a test forbids that).
pub fn t(lang: Lang, id: &'static str) -> &'static str {
    match lookup(id) {
        Some(text) => match lang {
            Lang::Fr => text.fr,
            Lang::En => text.en,
        },
        None => id,
    }
}

/// The text `id` with its `{}` placeholders filled in order.
pub fn tf(lang: Lang, id: &'static str, args: &[&dyn Display]) -> String {
    let template = t(lang, id);
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_id_is_unique_and_has_both_languages_with_same_placeholders() {
        let mut seen = HashSet::new();
        for table in tables() {
            for text in table.iter() {
                assert!(seen.insert(text.id), "duplicate id {}", text.id);
                assert!(!text.fr.is_empty(), "{} has no French", text.id);
                assert!(!text.en.is_empty(), "{} has no English", text.id);
                assert_eq!(
                    text.fr.matches("{}").count(),
                    text.en.matches("{}").count(),
                    "{} placeholders differ",
                    text.id
                );
            }
        }
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
