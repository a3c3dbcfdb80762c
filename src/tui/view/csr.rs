//! The CSR in PEM, to read or copy with OSC 52.

use super::dialog;
use super::modals::hint;
use crate::i18n::tf;
use crate::tui::app::App;
use crate::tui::modal::CsrModal;
use crate::tui::theme::Theme;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use ratatui::Frame;

pub fn draw(f: &mut Frame, app: &App, theme: Theme, area: Rect, m: &CsrModal) {
    let lang = app.lang;
    let CsrModal { path, pem, scroll } = m;
    let h = area.height.saturating_sub(2);
    let title = tf(lang, "tui.title.csr", &[&path]);
    let inner = dialog::frame(f, theme, area, 70, h, &title, false);
    let mut lines: Vec<Line> = pem.lines().map(|l| Line::raw(l.to_string())).collect();
    lines.insert(
        0,
        hint(
            app,
            theme,
            &[
                ("tui.kn.y", "tui.key.copy"),
                ("tui.kn.esc", "tui.key.close"),
            ],
        ),
    );
    lines.insert(1, Line::default());
    f.render_widget(Paragraph::new(lines).scroll((*scroll, 0)), inner);
}
