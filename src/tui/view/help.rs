//! The help screen, generated from the keymap table.

use super::{dialog, pad};
use crate::i18n::t;
use crate::tui::app::App;
use crate::tui::keymap;
use crate::tui::modal::HelpModal;
use crate::tui::theme::Theme;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

pub fn draw(f: &mut Frame, app: &App, theme: Theme, area: Rect, m: &HelpModal) {
    let lang = app.lang;
    let w = area.width.saturating_sub(4).min(76);
    let h = area.height.saturating_sub(2);
    let inner = dialog::frame(f, theme, area, w, h, t(lang, "tui.title.help"), false);
    let mut lines = Vec::new();
    for (title, entries) in keymap::help(lang) {
        lines.push(Line::styled(t(lang, title).to_string(), theme.title()));
        for (keys, what) in entries {
            lines.push(Line::from(vec![
                Span::styled(format!("  {}", pad(&keys, 22)), theme.key()),
                Span::raw(t(lang, what).to_string()),
            ]));
        }
        lines.push(Line::default());
    }
    let more = usize::from(m.scroll) + usize::from(inner.height) < lines.len();
    f.render_widget(Paragraph::new(lines).scroll((m.scroll, 0)), inner);
    // On the bottom border: more follows, so the reader knows to scroll.
    if more {
        let text = t(lang, "tui.more");
        let w = u16::try_from(text.width() + 2).unwrap_or(u16::MAX);
        let at = Rect {
            x: (inner.x + inner.width).saturating_sub(w),
            y: inner.y + inner.height,
            width: w.min(inner.width),
            height: 1,
        };
        f.render_widget(Paragraph::new(format!(" {text} ")).style(theme.key()), at);
    }
}
