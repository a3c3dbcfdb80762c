//! The command palette (F10 or `:`): every action of the main screen, with
//! the original CleoCPS wording and its key, filtered as one types.

use crate::i18n::{t, Lang};
use crate::tui::action::Action;
use crate::tui::app::Layer;
use crate::tui::keymap::{self, BINDINGS};
use tui_input::Input;

#[derive(Debug, Clone, Default)]
pub struct PaletteModal {
    pub query: Input,
    /// Index in the filtered entries.
    pub sel: usize,
}

/// One line of the palette.
#[derive(Debug, Clone)]
pub struct Entry {
    pub key: String,
    pub label: &'static str,
    pub action: Action,
}

impl PaletteModal {
    /// The entries whose words hold what was typed (case and accents aside).
    pub fn entries(&self, lang: Lang) -> Vec<Entry> {
        let words: Vec<String> = fold(self.query.value())
            .split_whitespace()
            .map(str::to_string)
            .collect();
        all(lang)
            .into_iter()
            .filter(|e| {
                let label = fold(e.label);
                words.iter().all(|w| label.contains(w.as_str()))
            })
            .collect()
    }

    /// The selected entry, if the filter left any.
    pub fn selected(&self, lang: Lang) -> Option<Entry> {
        let entries = self.entries(lang);
        let last = entries.len().checked_sub(1)?;
        entries.into_iter().nth(self.sel.min(last))
    }
}

/// Every action of the main screen, the original's home page first.
fn all(lang: Lang) -> Vec<Entry> {
    let mut out: Vec<(u8, Entry)> = Vec::new();
    for b in BINDINGS.iter().filter(|b| b.layers == [Layer::Main]) {
        let Some(rank) = rank(&b.action) else {
            continue;
        };
        let label = t(lang, label_id(b.hint));
        if out.iter().any(|(_, e)| e.label == label) {
            continue;
        }
        let Some(k) = b.keys.first() else { continue };
        out.push((
            rank,
            Entry {
                key: keymap::key_name(lang, k),
                label,
                action: b.action.clone(),
            },
        ));
    }
    out.sort_by_key(|(rank, _)| *rank);
    out.into_iter().map(|(_, e)| e).collect()
}

/// Where an action sits in the palette; `None`: moving around, not listed.
fn rank(action: &Action) -> Option<u8> {
    Some(match action {
        Action::Wizard => 0,
        Action::NewFolder => 1,
        Action::NewRequest => 2,
        Action::RenameFolder => 3,
        Action::Delete => 4,
        Action::GoStep(_) => 6,
        Action::Config => 7,
        Action::Help => 8,
        Action::Quit => 9,
        Action::Up
        | Action::Down
        | Action::Left
        | Action::Right
        | Action::Home
        | Action::End
        | Action::NextStep
        | Action::PrevStep
        | Action::Activate
        | Action::Cancel
        | Action::Palette
        | Action::SaveConfig
        | Action::TestSection => return None,
        _ => 5,
    })
}

/// The footer's short hints become the original menus' words.
fn label_id(hint: &'static str) -> &'static str {
    match hint {
        "tui.key.wizard" => "tui.pal.wizard",
        "tui.key.new_folder" => "tui.pal.new_folder",
        "tui.key.new_request" => "tui.pal.new_request",
        "tui.key.rename" => "tui.pal.rename",
        "tui.key.delete" => "tui.pal.delete",
        "tui.key.step1" => "tui.step.1",
        "tui.key.step2" => "tui.step.2",
        "tui.key.step3" => "tui.step.3",
        "tui.key.help" => "tui.pal.help",
        "tui.key.quit" => "tui.pal.quit",
        "tui.key.config" => "tui.pal.config",
        other => other,
    }
}

/// Lower case without accents: "créer" matches "creer".
fn fold(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            other => other,
        })
        .collect()
}
