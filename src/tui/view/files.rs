//! "Accéder aux fichiers": the request's files with full paths and sizes.

use super::dialog;
use super::modals::hint;
use crate::i18n::t;
use crate::tui::app::App;
use crate::tui::modal::FilesModal;
use crate::tui::theme::Theme;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

pub fn draw(f: &mut Frame, app: &App, theme: Theme, area: Rect, m: &FilesModal) {
    let lang = app.lang;
    let FilesModal { dir, files } = m;
    let h = (files.len() as u16 + 7).min(area.height.saturating_sub(2));
    let inner = dialog::frame(
        f,
        theme,
        area,
        area.width.saturating_sub(4),
        h,
        t(lang, "tui.title.files"),
        false,
    );
    let mut lines = vec![
        Line::styled(dir.display().to_string(), theme.title()),
        Line::default(),
    ];
    for (p, size) in files {
        let name = p.display().to_string();
        let width = inner.width.saturating_sub(12) as usize;
        lines.push(Line::from(vec![
            Span::raw(super::pad(&name, width)),
            Span::styled(format!("{size:>10}"), theme.label()),
        ]));
    }
    lines.push(Line::default());
    lines.push(hint(
        app,
        theme,
        &[
            ("tui.kn.s", "tui.key.shell"),
            ("tui.kn.esc", "tui.key.close"),
        ],
    ));
    f.render_widget(Paragraph::new(lines), inner);
}
