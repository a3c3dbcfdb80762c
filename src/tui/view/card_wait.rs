//! "Insérez votre carte CPS…": the card probe polls for the card; the
//! spinner turns on the loop's ticks (a job runs), Esc stops the wait.

use super::dialog;
use super::footer::spinner;
use super::modals::hint;
use crate::i18n::{t, tf};
use crate::tui::app::App;
use crate::tui::modal::CardWaitModal;
use crate::tui::theme::Theme;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

pub fn draw(f: &mut Frame, app: &App, theme: Theme, area: Rect, m: &CardWaitModal) {
    let lang = app.lang;
    let w = area.width.saturating_sub(8).min(64);
    let inner = dialog::frame(f, theme, area, w, 7, t(lang, "tui.cardwait.title"), false);
    let lines = vec![
        Line::styled(t(lang, "tui.cardwait.insert").to_string(), theme.label()),
        Line::default(),
        Line::raw(format!(
            "{} {}",
            spinner(app.spinner),
            tf(lang, "tui.cardwait.left", &[&m.left])
        )),
        Line::default(),
        hint(app, theme, &[("tui.kn.esc", "tui.key.cancel_wait")]),
    ];
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
