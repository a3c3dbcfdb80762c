//! The card PIN ("code porteur"), masked, with the tries-left warning.

use super::dialog;
use super::modals::hint;
use crate::i18n::t;
use crate::tui::app::App;
use crate::tui::theme::Theme;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

pub fn draw(
    f: &mut Frame,
    app: &App,
    theme: Theme,
    area: Rect,
    warning: &Option<String>,
    pin: &str,
) {
    let lang = app.lang;
    let w = area.width.saturating_sub(8).min(72);
    let inner = dialog::frame(
        f,
        theme,
        area,
        w.min(60),
        8,
        t(lang, "tui.pin.title"),
        false,
    );
    let mut lines = vec![Line::from(vec![
        Span::styled(format!("{} ", t(lang, "field.pin")), theme.key()),
        Span::styled(
            super::pad(&"•".repeat(pin.chars().count()), 12),
            theme.input(),
        ),
    ])];
    match warning {
        Some(wn) => lines.push(Line::styled(format!("⚠ {wn}"), theme.warning())),
        None => lines.push(Line::default()),
    }
    lines.push(Line::styled(
        t(lang, "tui.pin.advice").to_string(),
        theme.label(),
    ));
    lines.push(Line::default());
    lines.push(hint(
        app,
        theme,
        &[
            ("tui.kn.enter", "tui.key.ok"),
            ("tui.kn.esc", "tui.key.close"),
        ],
    ));
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
