//! The status line (running jobs, last message) and the key hints, both
//! drawn from state and the keymap table.

use crate::i18n::t;
use crate::tui::app::App;
use crate::tui::keymap;
use crate::tui::theme::Theme;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

const FRAMES: [&str; 10] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

pub fn spinner(n: usize) -> &'static str {
    FRAMES[n % FRAMES.len()]
}

/// The most rows a message takes: a long one wraps instead of being cut.
const MAX_STATUS_ROWS: u16 = 3;

/// How many rows the status line needs at `width` columns.
pub fn status_rows(app: &App, width: u16) -> u16 {
    match &app.status {
        Some(s) if !app.jobs.iter().any(|j| !j.kind.quiet()) => {
            let rows = super::wrap::wrapped_rows(&format!(" {}", s.text), usize::from(width));
            u16::try_from(rows.min(usize::from(MAX_STATUS_ROWS))).unwrap_or(1)
        }
        _ => 1,
    }
}

pub fn status(f: &mut Frame, app: &App, theme: Theme, area: Rect) {
    let line = if let Some(job) = app.jobs.iter().find(|j| !j.kind.quiet()) {
        let on = job
            .request
            .as_deref()
            .map(|p| format!(" — {p}"))
            .unwrap_or_default();
        let more = if app.jobs.len() > 1 {
            format!(" (+{})", app.jobs.len() - 1)
        } else {
            String::new()
        };
        Line::styled(
            format!(
                " {} {}{on}{more}",
                spinner(app.spinner),
                t(app.lang, job.kind.text_id())
            ),
            theme.warning(),
        )
    } else if let Some(s) = &app.status {
        let style = if s.error { theme.error() } else { theme.ok() };
        Line::styled(format!(" {}", s.text), style)
    } else {
        Line::styled(format!(" {}", app.root.display()), theme.label())
    };
    f.render_widget(Paragraph::new(line).wrap(Wrap { trim: false }), area);
}

pub fn keys(f: &mut Frame, app: &App, theme: Theme, area: Rect) {
    let mut spans = Vec::new();
    let mut used = 0usize;
    let width = area.width as usize;
    for (key, hint) in keymap::footer(app) {
        let hint = t(app.lang, hint);
        let w = key.width() + hint.width() + 3;
        if used + w > width {
            break;
        }
        used += w;
        spans.push(Span::styled(format!(" {key}"), theme.key()));
        spans.push(Span::raw(format!(" {hint} ")));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}
