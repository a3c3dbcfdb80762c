//! The right pane: the step tabs on its top border, the full step title,
//! then the step's body and buttons. A tab whose step can't be reached yet
//! is dimmed and its body says why.

use super::{step1, step2, step3, tree::kind_tag};
use crate::i18n::{t, tf};
use crate::tui::action::Step;
use crate::tui::app::App;
use crate::tui::job_kind::JobKind;
use crate::tui::steps::{self, step_refusal};
use crate::tui::theme::Theme;
use crate::tui::tree::{selected_request, selected_row, Row};
use cleocps_core::request::Request;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

const SHORT: [&str; 3] = ["tui.tab.1", "tui.tab.2", "tui.tab.3"];
const FULL: [&str; 3] = ["tui.step.1", "tui.step.2", "tui.step.3"];

fn tabs(app: &App, theme: Theme, req: Option<&Request>, width: usize) -> Line<'static> {
    // Full titles when they fit, else "1 Initialisation"… (80 columns).
    let full: usize = FULL.iter().map(|id| t(app.lang, id).width() + 3).sum();
    let ids = if full + 2 <= width { FULL } else { SHORT };
    let mut spans = vec![Span::raw(" ")];
    for (i, step) in Step::ALL.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" │ ", theme.border()));
        }
        let reachable = req.is_some_and(|r| step_refusal(r, *step).is_none());
        let mut style = if reachable {
            theme.label()
        } else {
            theme.disabled()
        };
        if *step == app.step {
            style = style.patch(theme.selected());
        }
        spans.push(Span::styled(t(app.lang, ids[i]).to_string(), style));
    }
    spans.push(Span::raw(" "));
    Line::from(spans)
}

/// The buttons of a step: "[g] Générer les clés", dimmed with the reason
/// when not possible. The possible ones come first, so they stay on screen
/// at 80×24 whatever the reasons' length. A reason wraps under itself.
pub fn buttons(
    app: &App,
    theme: Theme,
    req: &Request,
    step: Step,
    width: usize,
) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let mut last_reason = None;
    let mut all = steps::buttons(req, step);
    all.sort_by_key(|b| b.refusal.is_some());
    for b in all {
        let label = t(app.lang, b.label);
        match b.refusal {
            None => out.push(Line::from(vec![
                Span::styled(format!("[{}] ", b.key), theme.key()),
                Span::raw(label.to_string()),
            ])),
            Some(reason) => {
                out.push(Line::styled(
                    format!("[{}] {label}", b.key),
                    theme.disabled(),
                ));
                if last_reason != Some(reason) {
                    let text = format!("    ↳ {}", t(app.lang, reason));
                    out.extend(
                        super::portal::hanging(&text, width, 6)
                            .into_iter()
                            .map(|l| l.style(theme.disabled())),
                    );
                }
                last_reason = Some(reason);
            }
        }
    }
    out
}

/// The spinner line when a job works on this request.
pub fn job_line(app: &App, theme: Theme, req: &Request) -> Option<Line<'static>> {
    let path = req.path();
    let job = app
        .jobs
        .iter()
        .find(|j| j.request.as_deref() == Some(&path))?;
    let text = match app.wait_progress {
        Some((next, left)) if job.kind == JobKind::FetchWait => {
            crate::i18n::tf(app.lang, "tui.fetch.waiting", &[&next, &left])
        }
        _ => t(app.lang, job.kind.text_id()).to_string(),
    };
    Some(Line::styled(
        format!("{} {text}", super::footer::spinner(app.spinner)),
        theme.warning(),
    ))
}

/// A body taller than its `height` rows ends on a row saying that more
/// follows (the keys of the rows cut still work; the help lists them all),
/// rather than on a row cut without a sign.
fn more_below(
    app: &App,
    theme: Theme,
    mut body: Vec<Line<'static>>,
    width: usize,
    height: usize,
) -> Vec<Line<'static>> {
    if super::wrap::height(&body, width) <= height {
        return body;
    }
    while !body.is_empty() && super::wrap::height(&body, width) > height.saturating_sub(1) {
        body.pop();
    }
    body.push(Line::styled(
        super::fit(t(app.lang, "tui.more_below"), width),
        theme.label(),
    ));
    body
}

pub fn draw(f: &mut Frame, app: &App, theme: Theme, area: Rect) {
    let req = selected_request(app);
    let width = area.width.saturating_sub(2) as usize;
    let block = Block::bordered()
        .title(tabs(app, theme, req, width))
        .border_style(theme.border());
    let inner = block.inner(area);
    f.render_widget(block, area);
    let lang = app.lang;
    let mut lines = vec![Line::styled(
        t(lang, FULL[app.step.index()]).to_string(),
        theme.title(),
    )];
    match (req, selected_row(app)) {
        (Some(req), _) => {
            // One line, so the form's cursor row is known.
            let state = t(lang, req.state.label_id());
            let tail = format!(" · {} · {state}", kind_tag(req.kind));
            let head = super::fit(&req.path(), width.saturating_sub(tail.width()));
            lines.push(Line::from(vec![
                Span::raw(head),
                Span::styled(tail, theme.state(req.state)),
            ]));
            lines.push(Line::default());
            match step_refusal(req, app.step) {
                Some(reason) => {
                    lines.push(Line::styled(
                        t(lang, "tui.step_locked").to_string(),
                        theme.disabled(),
                    ));
                    lines.push(Line::styled(t(lang, reason).to_string(), theme.warning()));
                    // The platform may have made the key: its `.p12` needs
                    // no CSR of ours.
                    if app.step == Step::Final {
                        lines.push(Line::default());
                        lines.push(Line::raw(t(lang, "tui.p12in.locked_hint").to_string()));
                    }
                }
                None => {
                    // Below the title, the path and a blank row.
                    let height = usize::from(inner.height).saturating_sub(3);
                    let body = match app.step {
                        Step::Init => step1::body(app, theme, req, width),
                        Step::Request => step2::body(app, theme, req, width),
                        Step::Final => step3::body(app, theme, req, width, height),
                    };
                    let body = more_below(app, theme, body, width, height);
                    // A tall terminal shows more instead of empty rows.
                    let spare = height.saturating_sub(super::wrap::height(&body, width));
                    lines.extend(body);
                    lines.extend(super::details::more(app, theme, req, width, spare));
                }
            }
        }
        (None, Some(Row::Folder(fi))) => {
            let (name, n) = app
                .tree
                .get(fi)
                .map(|f| (f.name.as_str(), f.requests.len()))
                .unwrap_or(("", 0));
            lines.push(Line::raw(tf(lang, "tui.folder.summary", &[&name, &n])));
            lines.push(Line::default());
            lines.push(Line::styled(
                t(lang, "tui.folder.hint").to_string(),
                theme.label(),
            ));
        }
        _ => lines.extend(home(app, theme)),
    }
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    // The form's cursor, below the title, path and blank lines.
    if let (Some(form), None) = (&app.form, &app.modal) {
        if app.step == Step::Request {
            let (x, y) = step2::cursor(app, form, width);
            f.set_cursor_position((inner.x + x, inner.y + 3 + y));
        }
    }
}

/// The welcome page, as the original's home page: its two entries first.
fn home(app: &App, theme: Theme) -> Vec<Line<'static>> {
    let lang = app.lang;
    let entry = |key: &str, id: &'static str| {
        Line::from(vec![
            ratatui::text::Span::styled(format!(" {key:<4}"), theme.key()),
            ratatui::text::Span::raw(t(lang, id).to_string()),
        ])
    };
    let mut lines = vec![
        Line::default(),
        Line::styled(t(lang, "tui.home.title").to_string(), theme.title()),
        Line::default(),
        entry("w", "tui.pal.wizard"),
        entry("c", "tui.pal.new_folder"),
    ];
    if !app.tree.is_empty() {
        lines.push(entry("a", "tui.pal.new_request"));
    }
    lines.push(entry("C", "tui.pal.config"));
    lines.push(entry("F10", "tui.title.palette"));
    lines
}
