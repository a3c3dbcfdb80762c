//! A masked password input, twice when it is chosen: dots only, never the text.

use super::modals::{hint, OK_CLOSE};
use super::{dialog, fit};
use crate::i18n::t;
use crate::tui::app::App;
use crate::tui::modal::SecretModal;
use crate::tui::theme::Theme;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

pub fn draw(f: &mut Frame, app: &App, theme: Theme, area: Rect, m: &SecretModal) {
    let lang = app.lang;
    let SecretModal {
        what,
        first,
        second,
        on_second,
        error,
    } = m;
    let w = area.width.saturating_sub(8).min(60);
    let twice = what.twice();
    // Fields, the error (wrapped whole: it says what to do), the advice,
    // the keys; plus the border.
    let text_w = usize::from(w.saturating_sub(2));
    let error_rows = error
        .as_deref()
        .map_or(1, |e| super::wrap::wrapped_rows(&format!("↳ {e}"), text_w));
    let advice_rows = super::wrap::wrapped_rows(t(lang, what.advice_id()), text_w);
    let rows_needed = 1 + usize::from(twice) + error_rows + advice_rows + 1 + 2;
    let h = u16::try_from(rows_needed).unwrap_or(u16::MAX);
    let inner = dialog::frame(f, theme, area, w, h, t(lang, what.title_id()), false);
    let mut rows = vec![(
        t(lang, "tui.secret.enter"),
        first.chars().count(),
        !on_second,
    )];
    if twice {
        rows.push((
            t(lang, "tui.secret.again"),
            second.chars().count(),
            *on_second,
        ));
    }
    let mut lines = Vec::new();
    for (label, n, focus) in &rows {
        let style = if *focus { theme.key() } else { theme.label() };
        lines.push(Line::from(vec![
            Span::styled(format!("{} ", fit(label, 20)), style),
            // One dot per character: the length shows, the secret never does.
            Span::styled(super::pad(&"•".repeat(*n), 24), theme.input()),
        ]));
    }
    match error {
        Some(e) => lines.push(Line::styled(format!("↳ {e}"), theme.error())),
        None => lines.push(Line::default()),
    }
    lines.push(Line::styled(
        t(lang, what.advice_id()).to_string(),
        theme.label(),
    ));
    lines.push(hint(app, theme, OK_CLOSE));
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    // The cursor after the focused field's dots: where typing goes.
    if let Some((i, (label, n, _))) = rows.iter().enumerate().find(|(_, r)| r.2) {
        let x = fit(label, 20).width() + 1 + (*n).min(23);
        f.set_cursor_position((inner.x + x as u16, inner.y + i as u16));
    }
}
