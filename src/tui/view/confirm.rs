//! The yes/no question before a destructive action (default: no).

use super::dialog;
use crate::i18n::t;
use crate::tui::app::App;
use crate::tui::modal::ConfirmModal;
use crate::tui::theme::Theme;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

pub fn draw(f: &mut Frame, app: &App, theme: Theme, area: Rect, m: &ConfirmModal) {
    let lang = app.lang;
    let w = area.width.saturating_sub(8).min(72);
    let inner = dialog::frame(f, theme, area, w, 8, t(lang, "tui.title.confirm"), false);
    let lines = vec![
        Line::raw(m.text.clone()),
        Line::default(),
        Line::from(vec![
            Span::styled(" o ", theme.key()),
            Span::raw(t(lang, "tui.key.yes").to_string()),
            Span::styled(format!("   n/{} ", t(lang, "tui.kn.esc")), theme.key()),
            Span::raw(t(lang, "tui.key.no").to_string()),
        ]),
    ];
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
