//! A short list to pick one option from (type, key size, profile).

use super::dialog;
use super::modals::hint;
use crate::i18n::t;
use crate::tui::app::App;
use crate::tui::modal::Choose;
use crate::tui::theme::Theme;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use ratatui::Frame;

pub fn draw(f: &mut Frame, app: &App, theme: Theme, area: Rect, what: &Choose, sel: &usize) {
    let lang = app.lang;
    let (title, options) = what.texts();
    let h = options.len() as u16 + 4;
    let inner = dialog::frame(f, theme, area, 50, h, t(lang, title), false);
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
    lines.push(Line::default());
    lines.push(hint(
        app,
        theme,
        &[
            ("tui.kn.enter", "tui.key.ok"),
            ("tui.kn.esc", "tui.key.close"),
        ],
    ));
    f.render_widget(Paragraph::new(lines), inner);
}
