//! A one-line text input (names, paths); Tab completes paths.

use super::dialog;
use super::modals::hint;
use crate::i18n::t;
use crate::tui::app::App;
use crate::tui::modal::InputModal;
use crate::tui::theme::Theme;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use ratatui::Frame;

pub fn draw(f: &mut Frame, app: &App, theme: Theme, area: Rect, m: &InputModal) {
    let lang = app.lang;
    let InputModal { what, input, error } = m;
    let w = area.width.saturating_sub(8).min(72);
    let inner = dialog::frame(f, theme, area, w, 7, t(lang, what.title_id()), false);
    let width = inner.width.saturating_sub(1) as usize;
    let scroll = input.visual_scroll(width);
    let shown: String = input.value().chars().skip(scroll).collect();
    let mut lines = vec![Line::styled(super::pad(&shown, width), theme.input())];
    match error {
        Some(e) => lines.push(Line::styled(format!("↳ {e}"), theme.error())),
        None => lines.push(Line::default()),
    }
    lines.push(Line::default());
    let mut keys = vec![
        ("tui.kn.enter", "tui.key.ok"),
        ("tui.kn.esc", "tui.key.close"),
    ];
    if what.is_path() {
        keys.push(("tui.kn.tab", "tui.key.complete"));
    }
    // Typing adds to a proposed value: say how to empty it first.
    if !input.value().is_empty() {
        keys.push(("tui.kn.ctrl_u", "tui.key.empty_field"));
    }
    lines.push(hint(app, theme, &keys));
    f.render_widget(Paragraph::new(lines), inner);
    let x = input.visual_cursor().saturating_sub(scroll) as u16;
    f.set_cursor_position((inner.x + x, inner.y));
}
