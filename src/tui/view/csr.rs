//! The CSR in PEM, to copy (`y`, to the workstation's clipboard when the
//! terminal allows it) or to select with the mouse: drawn as a page whose
//! PEM rows start at the first column with nothing beside them, so a
//! selection holds the PEM alone. A request made for the portal gets the
//! route in short above it. The key bar stays visible below.
//!
//! ```text
//! ── Demande (PKCS#10) — Clinique du Test/portail ─────────────────────
//! Pour le portail IGC-Santé : y copie cette demande dans le presse-papiers…
//!
//! -----BEGIN CERTIFICATE REQUEST-----
//! MIIC4jCCAcoCAQAwgZwxCzAJBgNVBAYTAkZSMRQwEgYDVQQIDAtTYXJ0aGUgKDcy
//! …
//! -----END CERTIFICATE REQUEST-----
//! ```

use super::portal::{hanging, waiting};
use crate::i18n::{t, tf};
use crate::tui::app::App;
use crate::tui::modal::CsrModal;
use crate::tui::theme::Theme;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

pub fn draw(f: &mut Frame, app: &App, theme: Theme, area: Rect, m: &CsrModal) {
    let lang = app.lang;
    let CsrModal { path, pem, scroll } = m;
    // Everything but the status line and the key bar.
    let below = super::footer::status_rows(app, area.width) + 1;
    let page = Rect {
        height: area.height.saturating_sub(below),
        ..area
    };
    f.render_widget(Clear, page);
    let width = usize::from(page.width);
    let rows = usize::from(page.height);
    let pem: Vec<&str> = pem.lines().collect();
    let portal = app
        .tree
        .iter()
        .flat_map(|folder| &folder.requests)
        .find(|r| r.path() == *path)
        .is_some_and(waiting);
    let explain = if portal {
        hanging(t(lang, "tui.portal.csr"), width, 0)
    } else {
        Vec::new()
    };
    // The PEM whole comes first; the explanation when there is room.
    let explain = if 2 + explain.len() + pem.len() <= rows {
        explain
    } else {
        Vec::new()
    };
    let view = rows.saturating_sub(2 + explain.len());
    let top = usize::from(*scroll).min(pem.len().saturating_sub(view));
    let mut title = format!("── {} ", tf(lang, "tui.title.csr", &[&path]));
    if view < pem.len() {
        title.push_str("↑↓ ");
    }
    let rule = "─".repeat(width.saturating_sub(title.width()));
    let mut lines = vec![Line::styled(format!("{title}{rule}"), theme.focus_border())];
    lines.extend(explain);
    lines.push(Line::default());
    lines.extend(
        pem.iter()
            .skip(top)
            .take(view)
            .map(|l| Line::raw(l.to_string())),
    );
    f.render_widget(Paragraph::new(lines), page);
}
