//! The command palette: the search line, then the actions that match, each
//! with its key; the selection stays in sight however long the list.

use super::modals::hint;
use super::{dialog, pad};
use crate::i18n::t;
use crate::tui::app::App;
use crate::tui::modal::PaletteModal;
use crate::tui::theme::Theme;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

pub fn draw(f: &mut Frame, app: &App, theme: Theme, area: Rect, m: &PaletteModal) {
    let lang = app.lang;
    let entries = m.entries(lang);
    let w = area.width.saturating_sub(4).min(64);
    // Search line, blank, the list, blank, hints: as many rows as fit.
    let room = area.height.saturating_sub(8).max(3) as usize;
    let rows = entries.len().clamp(1, room);
    let h = rows as u16 + 6;
    let inner = dialog::frame(f, theme, area, w, h, t(lang, "tui.title.palette"), false);
    let label = t(lang, "tui.pal.search");
    let field = (inner.width as usize).saturating_sub(label.width() + 1);
    let scroll = m.query.visual_scroll(field);
    let shown: String = m.query.value().chars().skip(scroll).collect();
    let mut lines = vec![
        Line::from(vec![
            Span::styled(format!("{label} "), theme.label()),
            Span::styled(pad(&shown, field), theme.input()),
        ]),
        Line::default(),
    ];
    let sel = m.sel.min(entries.len().saturating_sub(1));
    let first = (sel + 1).saturating_sub(rows);
    if entries.is_empty() {
        lines.push(Line::styled(
            t(lang, "tui.pal.none").to_string(),
            theme.label(),
        ));
    }
    for (i, e) in entries.iter().enumerate().skip(first).take(rows) {
        let line = Line::from(vec![
            Span::styled(format!(" {} ", pad(&e.key, 6)), theme.key()),
            Span::raw(e.label.to_string()),
        ]);
        lines.push(if i == sel {
            line.style(theme.selected())
        } else {
            line
        });
    }
    // "…" says more follows below the last row shown.
    if first + rows < entries.len() {
        if let Some(last) = lines.last_mut() {
            last.spans.push(Span::styled("  ↓…", theme.label()));
        }
    }
    lines.push(Line::default());
    lines.push(hint(
        app,
        theme,
        &[
            ("tui.kn.enter", "tui.key.run"),
            ("tui.kn.esc", "tui.key.close"),
        ],
    ));
    f.render_widget(Paragraph::new(lines), inner);
    let x = (label.width() + 1 + m.query.visual_cursor().saturating_sub(scroll)) as u16;
    f.set_cursor_position((inner.x + x, inner.y));
}
