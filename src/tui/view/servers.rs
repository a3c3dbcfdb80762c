//! The holder's servers from the directory, for the form: pick one.
//!
//! ```text
//! ┌ Serveurs du porteur (annuaire) ───────────────────┐
//! │ ● srv-web.clinique.fr  Clinique (Sarthe (72))      │
//! │ ○ intranet.clinique.fr Clinique (Sarthe (72))      │
//! │ Entrée valider   Échap fermer                      │
//! └────────────────────────────────────────────────────┘
//! ```

use super::dialog;
use super::modals::{hint, OK_CLOSE};
use crate::i18n::t;
use crate::tui::app::App;
use crate::tui::modal::ServersModal;
use crate::tui::theme::Theme;
use cleocps_core::directory::ServerEntry;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// "srv-web.clinique.fr · Clinique (Sarthe (72))"; with the e-mail first
/// when `mail` (S/MIME).
pub fn entry_line(e: &ServerEntry, mail: bool) -> String {
    let mut parts = Vec::new();
    match e.mail.as_ref().filter(|m| mail && !m.is_empty()) {
        Some(m) => parts.push(format!("{m} ({})", e.fqdn)),
        None => parts.push(e.fqdn.clone()),
    }
    let org = match (&e.structure_name, &e.departement) {
        (Some(n), Some(d)) => format!("{n} ({d})"),
        (Some(n), None) => n.clone(),
        (None, Some(d)) => d.clone(),
        (None, None) => String::new(),
    };
    if !org.is_empty() {
        parts.push(org);
    }
    parts.join(" · ")
}

pub fn draw(f: &mut Frame, app: &App, theme: Theme, area: Rect, m: &ServersModal) {
    let (entries, sel) = (&m.entries, m.sel);
    let mail = app
        .form
        .as_ref()
        .is_some_and(|f| f.kind == cleocps_core::request::RequestType::Smime);
    let lang = app.lang;
    let w = area.width.saturating_sub(6).min(76);
    let shown = entries.len().min(area.height.saturating_sub(8) as usize);
    let h = shown as u16 + 4;
    let inner = dialog::frame(f, theme, area, w, h, t(lang, "tui.title.servers"), false);
    let first = sel.saturating_sub(shown.saturating_sub(1));
    let width = inner.width.saturating_sub(3) as usize;
    let mut lines: Vec<Line> = entries
        .iter()
        .enumerate()
        .skip(first)
        .take(shown)
        .map(|(i, e)| {
            let mark = if i == sel { "● " } else { "○ " };
            let line = Line::raw(format!(
                " {mark}{}",
                super::fit(&entry_line(e, mail), width)
            ));
            if i == sel {
                line.style(theme.selected())
            } else {
                line
            }
        })
        .collect();
    lines.push(Line::default());
    lines.push(hint(app, theme, OK_CLOSE));
    f.render_widget(Paragraph::new(lines), inner);
}
