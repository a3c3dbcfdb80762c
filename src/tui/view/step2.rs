//! Étape 2 : Demande de certificat — the form (read-only, or with inputs
//! and inline problems while *Modifier* is on) and the generation buttons.

use super::pad;
use super::pane::{buttons, job_line};
use crate::i18n::{t, tf};
use crate::tui::action::Step;
use crate::tui::app::App;
use crate::tui::form::{current_value, field_ids, Form};
use crate::tui::theme::Theme;
use cleocps_core::procedure;
use cleocps_core::request::{Generation, Request, State};
use ratatui::text::{Line, Span};

const LABEL_W: usize = 17;

/// The short label of a field for the form's left column.
pub fn short_label(id: &str) -> &'static str {
    match id {
        "field.cn" => "tui.lbl.cn",
        "field.email" => "tui.lbl.email",
        "field.san" => "tui.lbl.san",
        "field.o" => "tui.lbl.o",
        "field.ou" => "tui.lbl.ou",
        "field.l" => "tui.lbl.l",
        "field.st" => "tui.lbl.st",
        "field.service" => "tui.lbl.service",
        _ => "tui.lbl.c",
    }
}

pub fn body(app: &App, theme: Theme, req: &Request, width: usize) -> Vec<Line<'static>> {
    let editing = app.form.as_ref().filter(|f| f.path == req.path());
    let mut out = Vec::new();
    match editing {
        Some(form) => out.extend(form_lines(app, theme, form, width)),
        // The portal's route first: the form is in the request already.
        None if super::portal::waiting(req) => {
            out.extend(super::portal::route(app, theme, req, width));
            out.push(Line::default());
            out.extend(job_line(app, theme, req));
            out.extend(buttons(app, theme, req, Step::Request, width));
            out.push(Line::default());
            out.extend(values(app, theme, req));
        }
        None => {
            out.extend(values(app, theme, req));
            out.extend(mail_status(app, theme, req));
            out.push(Line::default());
            out.extend(job_line(app, theme, req));
            out.extend(buttons(app, theme, req, Step::Request, width));
        }
    }
    out
}

/// The form's values, read-only, then the core's warnings about the
/// subject (an INSi look-alike), before the CSR is made.
fn values(app: &App, theme: Theme, req: &Request) -> Vec<Line<'static>> {
    let notices = procedure::subject_notices(req)
        .into_iter()
        .map(|n| Line::styled(format!("⚠ {}", t(app.lang, n.0)), theme.warning()));
    field_ids(req.kind)
        .iter()
        .map(|id| {
            let value = current_value(req, id);
            let value = if value.is_empty() {
                "—".to_string()
            } else {
                value
            };
            Line::from(vec![
                Span::styled(pad(t(app.lang, short_label(id)), LABEL_W), theme.label()),
                Span::raw(value),
            ])
        })
        .chain(notices)
        .collect()
}

/// When and how the request was mailed (card requests only).
fn mail_status(app: &App, theme: Theme, req: &Request) -> Vec<Line<'static>> {
    let lang = app.lang;
    let mut out = Vec::new();
    if let Some(id) = &req.message_id {
        let sent = req
            .journal
            .iter()
            .rev()
            .find(|j| j.action == cleocps_core::request::Action::SendRequest.as_str())
            .map(|j| {
                j.time
                    .chars()
                    .take(16)
                    .collect::<String>()
                    .replace('T', " ")
            })
            .unwrap_or_default();
        out.push(Line::default());
        out.push(Line::styled(
            format!(
                "✉ {} · {}",
                tf(lang, "tui.mail.sent", &[&sent]),
                tf(lang, "tui.mail.message_id", &[id])
            ),
            theme.ok(),
        ));
    } else if req.state == State::RequestGenerated && req.generation == Some(Generation::Card) {
        out.push(Line::default());
        out.push(Line::styled(
            t(lang, "tui.mail.not_sent").to_string(),
            theme.warning(),
        ));
    }
    out
}

fn form_lines(app: &App, theme: Theme, form: &Form, width: usize) -> Vec<Line<'static>> {
    let lang = app.lang;
    let mut out = Vec::new();
    let value_w = width.saturating_sub(LABEL_W + 1);
    for (i, field) in form.fields.iter().enumerate() {
        let focused = i == form.focus;
        let value = field.input.value();
        // Scroll long values so the cursor stays visible.
        let scroll = field.input.visual_scroll(value_w.saturating_sub(1));
        let shown: String = value.chars().skip(scroll).collect();
        let label_style = if focused { theme.key() } else { theme.label() };
        let marker = if focused { "›" } else { " " };
        out.push(Line::from(vec![
            Span::styled(
                format!(
                    "{marker}{}",
                    pad(t(lang, short_label(field.id)), LABEL_W - 1)
                ),
                label_style,
            ),
            Span::styled(pad(&shown, value_w), theme.input()),
        ]));
        for p in form.problems_of(field.id) {
            let style = if p.warning {
                theme.warning()
            } else {
                theme.error()
            };
            out.push(Line::styled(format!("  ↳ {}", t(lang, p.problem)), style));
        }
        if let Some(id) = offer_hint(form, field.id) {
            out.push(Line::styled(
                format!("  ↳ {}", t(lang, id)),
                theme.disabled(),
            ));
        }
    }
    out.push(Line::default());
    out.push(Line::from(vec![
        Span::styled(format!("[{}] ", t(lang, "tui.kn.enter")), theme.key()),
        Span::raw(t(lang, "tui.key.apply").to_string()),
        Span::raw("   "),
        Span::styled(format!("[{}] ", t(lang, "tui.kn.esc")), theme.key()),
        Span::raw(t(lang, "tui.key.cancel_form").to_string()),
    ]));
    // Filling from the directory, as the wizard does.
    out.push(Line::from(vec![
        Span::styled("[F3] ", theme.key()),
        Span::raw(t(lang, "tui.key.lookup").to_string()),
    ]));
    out
}

/// The hint under a name field whose type offers names (INSi's), F2 to
/// take them.
fn offer_hint(form: &Form, field: &str) -> Option<&'static str> {
    let offered = !cleocps_core::request::subject::offered_cns(form.kind).is_empty();
    (offered && field == form.kind.cn_field()).then_some("tui.form.offered_insi")
}

/// Where the cursor of the focused field sits, relative to the pane body.
pub fn cursor(app: &App, form: &Form, width: usize) -> (u16, u16) {
    let value_w = width.saturating_sub(LABEL_W + 1);
    let mut row = 0u16;
    for (i, field) in form.fields.iter().enumerate() {
        if i == form.focus {
            let scroll = field.input.visual_scroll(value_w.saturating_sub(1));
            let x = LABEL_W + field.input.visual_cursor().saturating_sub(scroll);
            return (x as u16, row);
        }
        row += 1;
        for p in form.problems_of(field.id) {
            // The problem line wraps: count its rows as the paragraph will.
            let w = 4 + unicode_width::UnicodeWidthStr::width(t(app.lang, p.problem));
            row += w.div_ceil(width.max(1)) as u16;
        }
        if let Some(id) = offer_hint(form, field.id) {
            let w = 4 + unicode_width::UnicodeWidthStr::width(t(app.lang, id));
            row += w.div_ceil(width.max(1)) as u16;
        }
    }
    (0, 0)
}
