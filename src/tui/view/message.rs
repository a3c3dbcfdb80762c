//! The message dialog: a result, or an error saying what to do.

use super::dialog;
use super::modals::hint;
use crate::i18n::t;
use crate::tui::app::App;
use crate::tui::modal::MessageModal;
use crate::tui::theme::Theme;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

pub fn draw(f: &mut Frame, app: &App, theme: Theme, area: Rect, m: &MessageModal) {
    let lang = app.lang;
    let MessageModal { title, text, error } = m;
    let w = area.width.saturating_sub(8).min(72);
    let style = if *error { theme.error() } else { theme.label() };
    // One row per line of the text (a path per line), wrapped
    // ones counted, so nothing runs together or falls off the bottom.
    let room = w.saturating_sub(2).max(1) as usize;
    let mut lines: Vec<Line> = text
        .lines()
        .map(|l| Line::styled(l.to_string(), style))
        .collect();
    let rows: usize = text
        .lines()
        .map(|l| super::wrap::wrapped_rows(l, room))
        .sum();
    let h = (rows as u16 + 4).clamp(6, area.height.saturating_sub(2));
    let inner = dialog::frame(f, theme, area, w, h, t(lang, title), *error);
    lines.push(Line::default());
    lines.push(hint(app, theme, &[("tui.kn.enter", "tui.key.ok")]));
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
