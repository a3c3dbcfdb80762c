//! "Coller la réponse": what was pasted (its first lines), or how to paste.
//!
//! ```text
//! ┌ Coller la réponse — Dossier 1/Demande 1 ─────────────────────────┐
//! │Entrée importer   Échap annuler                                   │
//! │                                                                  │
//! │3 lignes collées :                                                │
//! │-----BEGIN CERTIFICATE-----                                       │
//! │…                                                                 │
//! └──────────────────────────────────────────────────────────────────┘
//! ```

use super::dialog;
use super::modals::hint;
use crate::i18n::{t, tf};
use crate::tui::app::App;
use crate::tui::modal::PasteModal;
use crate::tui::theme::Theme;
use cleocps_core::sanitize;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

pub fn draw(f: &mut Frame, app: &App, theme: Theme, area: Rect, m: &PasteModal) {
    let lang = app.lang;
    let h = area.height.saturating_sub(4).min(18);
    let w = area.width.saturating_sub(6).min(76);
    let title = tf(lang, "tui.title.paste", &[&m.path]);
    let inner = dialog::frame(f, theme, area, w, h, &title, false);
    let mut lines = vec![
        hint(
            app,
            theme,
            &[
                ("tui.kn.enter", "tui.key.import"),
                ("tui.kn.esc", "tui.key.cancel"),
            ],
        ),
        Line::default(),
    ];
    if let Some(e) = &m.error {
        lines.push(Line::styled(format!("↳ {e}"), theme.error()));
    }
    let pasted: Vec<&str> = m.text.lines().filter(|l| !l.trim().is_empty()).collect();
    if pasted.is_empty() {
        lines.push(Line::raw(t(lang, "tui.paste.how").to_string()));
        f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
        return;
    }
    lines.push(Line::styled(
        tf(lang, "tui.paste.lines", &[&pasted.len()]),
        theme.label(),
    ));
    // The rows left, one kept for "… and N more lines".
    let room = usize::from(inner.height).saturating_sub(lines.len() + 1);
    let shown = if pasted.len() > room + 1 {
        room
    } else {
        pasted.len()
    };
    for l in &pasted[..shown] {
        lines.push(Line::raw(sanitize::line(l.trim()).into_owned()));
    }
    if shown < pasted.len() {
        lines.push(Line::styled(
            tf(lang, "tui.paste.more", &[&(pasted.len() - shown)]),
            theme.disabled(),
        ));
    }
    f.render_widget(Paragraph::new(lines), inner);
}
