//! A short list to pick one option from (type, key size, profile).

use super::dialog;
use super::modals::{hint, OK_CLOSE};
use crate::i18n::t;
use crate::tui::app::App;
use crate::tui::modal::ChoiceModal;
use crate::tui::theme::Theme;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

pub fn draw(f: &mut Frame, app: &App, theme: Theme, area: Rect, m: &ChoiceModal) {
    let lang = app.lang;
    let ChoiceModal { what, sel } = m;
    let (title, options) = what.texts();
    // Wide enough for the longest option ("Signer et chiffrer… carte CPS").
    let widest = options
        .iter()
        .map(|id| t(lang, id).width() + 6)
        .max()
        .unwrap_or(0);
    let w = (widest as u16).clamp(50, area.width.saturating_sub(4).max(50));
    let note = what.note_id(*sel).map(|id| t(lang, id));
    // Room for any option's note, so the dialog keeps its size while moving.
    let any_note = (0..options.len()).find_map(|i| what.note_id(i));
    let note_h = any_note.map(|id| t(lang, id)).map_or(0, |n| {
        (n.width() + 2).div_ceil(w.saturating_sub(2).max(1) as usize) + 1
    });
    let h = options.len() as u16 + 4 + note_h as u16;
    let inner = dialog::frame(f, theme, area, w, h, t(lang, title), false);
    let mut lines: Vec<Line> = options
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let mark = if i == *sel { "● " } else { "○ " };
            let line = Line::raw(format!(" {mark}{}", t(lang, id)));
            if i == *sel {
                line.style(theme.selected())
            } else {
                line
            }
        })
        .collect();
    if let Some(n) = note {
        lines.push(Line::default());
        lines.push(Line::styled(format!("⚠ {n}"), theme.warning()));
    }
    lines.push(Line::default());
    lines.push(hint(app, theme, OK_CLOSE));
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
