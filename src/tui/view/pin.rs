//! The card PIN ("code porteur"), masked (one dot per digit, never the
//! digits), with the card's tries-left warning read before asking.

use super::dialog;
use super::modals::{hint, OK_CLOSE};
use crate::i18n::t;
use crate::tui::app::App;
use crate::tui::modal::PinModal;
use crate::tui::theme::Theme;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

pub fn draw(f: &mut Frame, app: &App, theme: Theme, area: Rect, m: &PinModal) {
    let lang = app.lang;
    let PinModal {
        warning,
        pin,
        error,
        unlisted,
        ..
    } = m;
    let w = area.width.saturating_sub(8).min(64);
    let rows = |s: &str| (s.width() + 2).div_ceil(w.saturating_sub(2).max(1) as usize) as u16;
    // Rows: PIN, error?, the tries left (or a blank and the 3-tries advice),
    // unlisted?, blank, keys; plus the border.
    let h = 5
        + error.as_deref().map_or(0, rows)
        + warning.as_deref().map_or(2, rows)
        + unlisted.as_deref().map_or(0, rows);
    let inner = dialog::frame(f, theme, area, w, h, t(lang, "tui.pin.title"), false);
    let mut lines = vec![Line::from(vec![
        Span::styled(format!("{} ", t(lang, "field.pin")), theme.key()),
        Span::styled(
            super::pad(&"•".repeat(pin.chars().count()), 12),
            theme.input(),
        ),
    ])];
    if let Some(e) = error {
        lines.push(Line::styled(format!("↳ {e}"), theme.error()));
    }
    // The tries left when the card says some failed; else the rule, once.
    match warning {
        Some(wn) => lines.push(Line::styled(format!("⚠ {wn}"), theme.warning())),
        None => {
            lines.push(Line::default());
            lines.push(Line::styled(
                t(lang, "tui.pin.advice").to_string(),
                theme.label(),
            ));
        }
    }
    if let Some(u) = unlisted {
        lines.push(Line::styled(format!("⚠ {u}"), theme.warning()));
    }
    lines.push(Line::default());
    lines.push(hint(app, theme, OK_CLOSE));
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
