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
    let inner = dialog::frame(f, theme, area, w, 10, t(lang, title), *error);
    let style = if *error { theme.error() } else { theme.label() };
    let lines = vec![
        Line::styled(text.to_string(), style),
        Line::default(),
        hint(app, theme, &[("tui.kn.enter", "tui.key.ok")]),
    ];
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
