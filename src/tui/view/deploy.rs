//! Étape 3's deploy dialogs: the saved profile before it runs, and the
//! result with the check and reload output (scrolled, never past the screen).
//!
//! ```text
//! ┌ Déployer ────────────────────────────────────────────┐
//! │Installer le certificat de D/R ainsi ?                │
//! │fullchain    /etc/nginx/tls/srv.fullchain.pem         │
//! │Propriétaire root:www-data     Droits certificats 0644…│
//! │Vérifier     nginx -t                                 │
//! │ o oui   n/Échap non                                  │
//! └──────────────────────────────────────────────────────┘
//! ```

use super::modals::hint;
use super::{dialog, fit, pad};
use crate::i18n::{t, tf};
use crate::tui::app::App;
use crate::tui::modal::{DeployModal, OutputModal};
use crate::tui::theme::Theme;
use cleocps_core::deploy::TargetKind;
use cleocps_core::sanitize;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

const LABEL_W: usize = 13;

pub fn draw_profile(f: &mut Frame, app: &App, theme: Theme, area: Rect, m: &DeployModal) {
    let lang = app.lang;
    let p = &m.profile;
    let w = area.width.saturating_sub(8).min(76);
    let width = usize::from(w.saturating_sub(2));
    let row = |label: String, value: String| {
        Line::from(vec![
            Span::styled(pad(&label, LABEL_W), theme.label()),
            Span::raw(fit(&sanitize::line(&value), width.saturating_sub(LABEL_W))),
        ])
    };
    // The question wrapped, never cut: its "?" is what asks.
    let question = tf(lang, "tui.deploy.question", &[&m.path]);
    let mut lines: Vec<Line> = super::portal::hanging(&question, width, 0)
        .into_iter()
        .map(|l| l.style(theme.title()))
        .collect();
    lines.push(Line::default());
    for (kind, path) in p.targets() {
        let kind = match kind {
            TargetKind::Cert => "tui.dform.cert_short",
            TargetKind::Key => "tui.dform.key",
            TargetKind::Chain => "tui.dform.chain_short",
            TargetKind::Fullchain => "tui.dform.fullchain_short",
        };
        lines.push(row(t(lang, kind).to_string(), path.display().to_string()));
    }
    let unchanged = t(lang, "tui.deploy.unchanged").to_string();
    let none = t(lang, "tui.deploy.none").to_string();
    lines.push(row(
        t(lang, "tui.deploy.owner").into(),
        p.owner.clone().unwrap_or(unchanged),
    ));
    let key_mode = if p.encrypted_key {
        format!(
            "{} ({})",
            p.key_mode.as_deref().unwrap_or("0600"),
            t(lang, "tui.deploy.key_encrypted")
        )
    } else {
        p.key_mode.as_deref().unwrap_or("0600").to_string()
    };
    lines.push(row(
        t(lang, "tui.deploy.modes").into(),
        tf(
            lang,
            "tui.deploy.modes_value",
            &[&p.mode.as_deref().unwrap_or("0644"), &key_mode],
        ),
    ));
    lines.push(row(
        t(lang, "tui.deploy.check").into(),
        p.check.clone().unwrap_or_else(|| none.clone()),
    ));
    lines.push(row(
        t(lang, "tui.deploy.reload").into(),
        p.reload.clone().unwrap_or(none),
    ));
    lines.push(Line::default());
    lines.push(Line::styled(
        fit(t(lang, "tui.deploy.safe"), width),
        theme.label(),
    ));
    lines.push(Line::from(vec![
        Span::styled(" o ", theme.key()),
        Span::raw(t(lang, "tui.key.yes").to_string()),
        Span::styled(format!("   n/{} ", t(lang, "tui.kn.esc")), theme.key()),
        Span::raw(t(lang, "tui.key.no").to_string()),
    ]));
    let h = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let inner = dialog::frame(f, theme, area, w, h, t(lang, "tui.title.deploy"), false);
    f.render_widget(Paragraph::new(lines), inner);
}

/// The output dialog's width inside its border, for a screen `cols` wide.
pub fn output_width(cols: u16) -> usize {
    usize::from(cols.saturating_sub(6).min(78).saturating_sub(2))
}

/// The output's lines as the dialog shows them: each long one wrapped, never
/// cut (a serial, a path or a command is read whole), with the index of the
/// line each row comes from.
pub fn output_rows(lines: &[String], width: usize) -> Vec<(usize, String)> {
    lines
        .iter()
        .enumerate()
        .flat_map(|(i, l)| {
            let pieces = if l.is_empty() {
                vec![String::new()]
            } else {
                super::wrap::chunks(l, width)
            };
            pieces.into_iter().map(move |piece| (i, piece))
        })
        .collect()
}

pub fn draw_output(f: &mut Frame, app: &App, theme: Theme, area: Rect, m: &OutputModal) {
    let w = area.width.saturating_sub(6).min(78);
    let width = output_width(area.width);
    let rows = output_rows(&m.lines, width);
    // As tall as the text, never taller than the screen (then it scrolls).
    let room = usize::from(area.height.saturating_sub(4)).max(3);
    let body = rows.len().min(room.saturating_sub(2));
    let h = u16::try_from(body + 4).unwrap_or(u16::MAX);
    let title = t(app.lang, m.title);
    let inner = dialog::frame(f, theme, area, w, h, title, m.error);
    let first = m.scroll.min(rows.len().saturating_sub(body));
    let mut lines: Vec<Line> = rows
        .iter()
        .skip(first)
        .take(body)
        .map(|(i, row)| {
            let style = if *i == 0 && m.error {
                theme.error()
            } else if m.lines[*i].starts_with('$') {
                theme.key()
            } else {
                theme.label()
            };
            Line::styled(row.clone(), style)
        })
        .collect();
    lines.push(Line::default());
    let mut keys = vec![("tui.kn.esc", "tui.key.close")];
    if rows.len() > body {
        keys.insert(0, ("tui.kn.updown", "tui.key.scroll"));
    }
    lines.push(hint(app, theme, &keys));
    f.render_widget(Paragraph::new(lines), inner);
}
