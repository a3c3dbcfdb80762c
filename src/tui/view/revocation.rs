//! Étape 3's first line: "Certificat importé", then whether the
//! certificate is revoked, as the last check (a job) found it.

use crate::i18n::{t, tf};
use crate::tui::app::App;
use crate::tui::job_kind::JobKind;
use crate::tui::theme::Theme;
use cleocps_core::ops::Certified;
use cleocps_core::request::Request;
use cleocps_core::revocation::{Mode, Status};
use cleocps_core::sanitize;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// "Certificat importé", and whether it is revoked when it is in service:
/// on one row when it fits, wrapped in the status's colour when not.
pub fn imported(app: &App, theme: Theme, req: &Request, width: usize) -> Vec<Line<'static>> {
    let ok = t(app.lang, "tui.cert.ok").to_string();
    let Some(c) = app
        .certified
        .get(&req.path())
        .filter(|c| c.watched() && !c.expired())
    else {
        return vec![Line::styled(ok, theme.ok())];
    };
    let (status, style) = revocation(app, theme, c);
    let text = tf(app.lang, "tui.cert.ok_with", &[&status]);
    if text.chars().count() <= width {
        let head = text.chars().count() - status.chars().count();
        let head: String = text.chars().take(head).collect();
        return vec![Line::from(vec![
            Span::styled(head, theme.ok()),
            Span::styled(status, style),
        ])];
    }
    super::portal::hanging(&text, width, 0)
        .into_iter()
        .map(|l| l.style(style))
        .collect()
}

/// The certificate's revocation status, as last checked, in words.
fn revocation(app: &App, theme: Theme, c: &Certified) -> (String, Style) {
    let lang = app.lang;
    let r = &c.revocation;
    let date = |at: &Option<String>| {
        at.as_deref()
            .unwrap_or("?")
            .chars()
            .take(10)
            .collect::<String>()
    };
    let detail = || sanitize::line(r.detail.as_deref().unwrap_or("-")).into_owned();
    match r.status {
        Status::Revoked => (r.describe(lang), theme.error()),
        Status::Good => (
            tf(lang, "tui.revocation.good", &[&date(&r.checked_at)]),
            theme.ok(),
        ),
        Status::Unknown => {
            let style = if r.overdue {
                theme.warning()
            } else {
                Style::default()
            };
            let since = date(&r.unknown_since);
            (
                tf(lang, "tui.revocation.unknown_since", &[&since, &detail()]),
                style,
            )
        }
        Status::Off if app.jobs.iter().any(|j| j.kind == JobKind::Revocation) => (
            t(lang, "tui.revocation.checking").to_string(),
            theme.disabled(),
        ),
        Status::Off if app.config.revocation.mode == Mode::Off => (
            t(lang, "tui.revocation.disabled").to_string(),
            theme.disabled(),
        ),
        Status::Off if r.detail.is_some() => (
            tf(lang, "tui.revocation.not_checked", &[&detail()]),
            theme.disabled(),
        ),
        Status::Off => (
            t(lang, "tui.revocation.pending").to_string(),
            theme.disabled(),
        ),
    }
}
