//! The left tree: folders (▾ open, ▸ closed) and their requests with type
//! and a short state tag (for a certified request, its days left). Only the visible rows are built, so 1 000
//! requests cost the same as 20.

use super::{block_title, fit, pad};
use crate::i18n::{t, tf, Lang};
use crate::tui::app::{App, Layer};
use crate::tui::theme::Theme;
use crate::tui::tree::{rows, Row};
use cleocps_core::ops::{Level, Thresholds};
use cleocps_core::request::{Request, RequestType, State};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use ratatui::Frame;

/// The state tag's column: whole words ("nouvelle", "certifié").
const TAG_W: usize = 8;

pub fn state_tag(lang: Lang, s: State) -> &'static str {
    t(
        lang,
        match s {
            State::New => "tui.tag.new",
            State::KeysGenerated => "tui.tag.keys",
            State::RequestGenerated => "tui.tag.request",
            State::Sent => "tui.tag.sent",
            State::CertificateImported => "tui.tag.cert",
            State::Rejected => "tui.tag.rejected",
        },
    )
}

pub fn kind_tag(k: RequestType) -> &'static str {
    k.short_name()
}

/// A certified request's tag: its days left, coloured as `check` would
/// judge them with the default thresholds (≤ 30 warning, ≤ 7 error),
/// "expiré" once past, "remplacé" once its renewal is in service,
/// "révoqué" (coloured as critical) once its revocation is known.
/// `None` when no certificate was read for it.
fn life_tag(app: &App, theme: Theme, req: &Request) -> Option<(String, Style)> {
    let c = app.certified.get(&req.path())?;
    Some(if c.replaced_by.is_some() {
        (t(app.lang, "tui.tag.replaced").into(), theme.disabled())
    } else if c.expired() {
        (t(app.lang, "tui.tag.expired").into(), theme.error())
    } else if c.revocation.is_revoked() {
        (t(app.lang, "revocation.revoked").into(), theme.error())
    } else {
        let style = match Thresholds::default().level(c.days_left) {
            Level::Critical => theme.error(),
            Level::Warning => theme.warning(),
            _ => theme.state(req.state),
        };
        (tf(app.lang, "tui.tag.days", &[&c.days_left]), style)
    })
}

pub fn draw(f: &mut Frame, app: &App, theme: Theme, area: Rect) {
    let focused = app.layer() == Layer::Main;
    let block = Block::bordered()
        .title(block_title(app, "tui.title.folders"))
        .border_style(if focused {
            theme.focus_border()
        } else {
            theme.border()
        });
    let inner = block.inner(area);
    f.render_widget(block, area);
    let all = rows(app);
    let width = inner.width as usize;
    let height = inner.height as usize;
    if all.is_empty() {
        let text = t(app.lang, "tui.tree.empty");
        f.render_widget(
            Paragraph::new(Line::styled(text, theme.disabled()))
                .wrap(ratatui::widgets::Wrap { trim: true }),
            inner,
        );
        return;
    }
    // Keep the cursor in view without storing a scroll offset.
    let offset = app.cursor.saturating_sub(height.saturating_sub(1));
    let lines: Vec<Line> = all
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(i, row)| {
            let line = row_line(app, theme, *row, width);
            if i == app.cursor {
                line.style(theme.selected())
            } else {
                line
            }
        })
        .collect();
    f.render_widget(Paragraph::new(lines), inner);
}

fn row_line(app: &App, theme: Theme, row: Row, width: usize) -> Line<'static> {
    match row {
        Row::Folder(fi) => {
            let Some(folder) = app.tree.get(fi) else {
                return Line::default();
            };
            let open = !app.collapsed.contains(&folder.name);
            let mark = if open { "▾ " } else { "▸ " };
            let count = if open {
                String::new()
            } else {
                format!(" ({})", folder.requests.len())
            };
            let name = fit(&format!("{}{count}", folder.name), width.saturating_sub(2));
            Line::from(vec![
                Span::raw(mark),
                Span::styled(pad(&name, width.saturating_sub(2)), theme.title()),
            ])
        }
        Row::Request(fi, ri) => {
            let Some(req) = app.tree.get(fi).and_then(|f| f.requests.get(ri)) else {
                return Line::default();
            };
            let busy = if app.busy_with(&req.path()) {
                "⟳"
            } else {
                " "
            };
            let kind = kind_tag(req.kind);
            let (tag, tag_style) = life_tag(app, theme, req).unwrap_or_else(|| {
                (
                    state_tag(app.lang, req.state).into(),
                    theme.state(req.state),
                )
            });
            // "  name ……… KIND tag"
            // Six columns for the type, more on the row of a longer one
            // ("ORG AUTH_CLI"): its name gives them up.
            let kind_w = kind.len().max(6);
            let tail = 1 + kind_w + 1 + TAG_W;
            let name_w = width.saturating_sub(2 + tail);
            Line::from(vec![
                Span::raw(format!(" {busy}")),
                Span::raw(pad(&req.name, name_w)),
                Span::raw(" "),
                Span::styled(pad(kind, kind_w), theme.label()),
                Span::raw(" "),
                Span::styled(pad(&tag, TAG_W), tag_style),
            ])
        }
    }
}
