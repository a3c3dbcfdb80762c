//! The configuration screen: it covers the tree and the pane while open.
//!
//! ```text
//! ┌ Configuration ───────────────────────────────────────────────────────────┐
//! │ Inscription           │Réception du courrier                              │
//! │ Envoi du courrier     │Un serveur IMAP, ou un Maildir local.              │
//! │▸Réception du courrier │                                                   │
//! │ Annuaire              │Serveur IMAP           127.0.0.1                   │
//! │ Confiance             │Port                   993                         │
//! │ Sujet par défaut      │Sécurité               ‹ TLS ›                     │
//! │                       │…                                                  │
//! │ Fichier :             │[ Tester ]                                         │
//! │ /home/admin/.config/… │✗ IMAP 127.0.0.1:993 : échec — le serveur IMAP …   │
//! │                       │message (saved, refused, unsaved changes)          │
//! │                       │Ctrl-U vider                                       │
//! └──────────────────────────────────────────────────────────────────────────┘
//! ```

use super::{fit, pad};
use crate::i18n::{t, tf, Lang};
use crate::tui::app::App;
use crate::tui::config_screen::{ConfigField, ConfigScreen, Item, Kind, Outcome, Part};
use crate::tui::theme::Theme;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

/// The sections' column, and the labels' in the fields.
const LEFT: u16 = 24;
const LABEL: usize = 22;

pub fn draw(f: &mut Frame, app: &App, theme: Theme, s: &ConfigScreen, area: Rect) {
    let lang = app.lang;
    let block = Block::bordered()
        .title(super::block_title(app, "tui.cfg.title"))
        .border_style(theme.focus_border())
        .title_style(theme.focus_border());
    let inner = block.inner(area);
    f.render_widget(block, area);
    let [left, right] =
        Layout::horizontal([Constraint::Length(LEFT), Constraint::Min(20)]).areas(inner);
    f.render_widget(
        Paragraph::new(sections(lang, theme, s)).wrap(Wrap { trim: false }),
        left,
    );
    let [body, message, hints] = Layout::vertical([
        Constraint::Min(3),
        Constraint::Length(2),
        Constraint::Length(1),
    ])
    .areas(right.inner(ratatui::layout::Margin::new(1, 0)));
    f.render_widget(
        Block::default()
            .borders(Borders::LEFT)
            .border_style(theme.border()),
        Rect { width: 1, ..right },
    );
    let width = usize::from(body.width);
    let (lines, focus_line) = part_lines(app, theme, s, width);
    let height = usize::from(body.height);
    // The focus stays in view; on "Tester", its results too.
    let end = match s.focused() {
        Some(Item::Test(_)) => lines.len(),
        _ => focus_line + 2,
    };
    let offset = end.saturating_sub(height).min(focus_line);
    let shown: Vec<Line> = lines.into_iter().skip(offset).take(height).collect();
    f.render_widget(Paragraph::new(shown), body);
    f.render_widget(
        Paragraph::new(message_line(lang, theme, s)).wrap(Wrap { trim: false }),
        message,
    );
    f.render_widget(Paragraph::new(hint_line(lang, theme, s)), hints);
    // The cursor where typing goes, in the focused text field.
    if let (Some(field), None) = (s.field(), &app.modal) {
        let row = focus_line.checked_sub(offset).filter(|r| *r < height);
        if let (Some(row), Kind::Text | Kind::Port | Kind::Days) = (row, field.spec.kind) {
            let room = width.saturating_sub(LABEL + 2);
            let scroll = field.input.visual_scroll(room);
            let x = LABEL + 1 + field.input.visual_cursor().saturating_sub(scroll);
            f.set_cursor_position((body.x + x as u16, body.y + row as u16));
        }
    }
}

/// The sections, the current one marked, then the file saved to.
fn sections(lang: Lang, theme: Theme, s: &ConfigScreen) -> Vec<Line<'static>> {
    let now = s.part();
    let mut lines: Vec<Line> = Part::ALL
        .iter()
        .map(|p| {
            let name = fit(t(lang, p.name_id()), usize::from(LEFT) - 2);
            if *p == now {
                Line::styled(format!("▸{name}"), theme.selected())
            } else {
                Line::raw(format!(" {name}"))
            }
        })
        .collect();
    lines.push(Line::default());
    lines.push(Line::styled(
        t(lang, "tui.cfg.file").to_string(),
        theme.label(),
    ));
    let file = match &s.path {
        Some(p) => p.display().to_string(),
        None => t(lang, "tui.cfg.no_file").to_string(),
    };
    lines.push(Line::raw(file));
    lines
}

/// The focused section's lines, and which of them has the focus.
fn part_lines(
    app: &App,
    theme: Theme,
    s: &ConfigScreen,
    width: usize,
) -> (Vec<Line<'static>>, usize) {
    let lang = app.lang;
    let part = s.part();
    let focused = s.focused();
    let mut lines = Vec::new();
    if s.first_run && part == Part::Registration {
        for l in wrap(t(lang, "tui.cfg.first_run"), width) {
            lines.push(Line::styled(l, theme.warning()));
        }
        lines.push(Line::default());
    }
    lines.push(Line::styled(
        t(lang, part.title_id()).to_string(),
        theme.title(),
    ));
    for l in wrap(t(lang, part.note_id()), width) {
        lines.push(Line::styled(l, theme.label()));
    }
    lines.push(Line::default());
    let mut focus_line = 0;
    for (i, field) in s.fields.iter().enumerate() {
        if field.spec.part != part {
            continue;
        }
        let on = focused == Some(Item::Field(i));
        if on {
            focus_line = lines.len();
        }
        lines.push(field_line(lang, theme, field, on, width));
        if let Some(problem) = s.problem(field.spec.key) {
            for l in wrap(&format!("↳ {problem}"), width) {
                lines.push(Line::styled(l, theme.error()));
            }
        }
    }
    if part.checks().is_some() {
        lines.push(Line::default());
        if focused == Some(Item::Test(part)) {
            focus_line = lines.len();
        }
        lines.push(test_line(app, theme, s, part));
        lines.extend(results(lang, theme, s.results.get(&part), width));
    }
    (lines, focus_line)
}

fn field_line(
    lang: Lang,
    theme: Theme,
    field: &ConfigField,
    on: bool,
    width: usize,
) -> Line<'static> {
    let label = Span::styled(
        format!("{} ", pad(t(lang, field.spec.label), LABEL)),
        if on { theme.key() } else { theme.label() },
    );
    let room = width.saturating_sub(LABEL + 2);
    let value = match field.spec.kind {
        Kind::Choice(values) => {
            let id = values
                .iter()
                .find(|(v, _)| *v == field.value())
                .or(values.first())
                .map_or("", |(_, id)| *id);
            let name = t(lang, id);
            if on {
                format!("‹ {name} ›")
            } else {
                name.to_string()
            }
        }
        Kind::Text | Kind::Port | Kind::Days if on => {
            let scroll = field.input.visual_scroll(room);
            field.input.value().chars().skip(scroll).collect()
        }
        Kind::Text | Kind::Port | Kind::Days => field.input.value().to_string(),
    };
    let style = if on && field.spec.kind.choices().is_none() {
        theme.input()
    } else if on {
        theme.selected()
    } else {
        Style::default()
    };
    let value = if on {
        pad(&value, room)
    } else {
        fit(&value, room)
    };
    Line::from(vec![label, Span::styled(value, style)])
}

/// "[ Tester ]", and that the test runs.
fn test_line(app: &App, theme: Theme, s: &ConfigScreen, part: Part) -> Line<'static> {
    let lang = app.lang;
    let on = s.focused() == Some(Item::Test(part));
    let button = format!("[ {} ]", t(lang, "tui.cfg.test"));
    let mut spans = vec![Span::styled(
        button,
        if on { theme.selected() } else { theme.key() },
    )];
    if s.testing == Some(part) {
        spans.push(Span::styled(
            format!(
                "  {} {}",
                super::footer::spinner(app.spinner),
                t(lang, "tui.cfg.testing")
            ),
            theme.warning(),
        ));
    }
    Line::from(spans)
}

/// Each check: ✓ or ✗, the service by name, what it said.
fn results(
    lang: Lang,
    theme: Theme,
    outcome: Option<&Outcome>,
    width: usize,
) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let mut push = |text: String, style: Style| {
        for l in wrap(&text, width) {
            out.push(Line::styled(l, style));
        }
    };
    match outcome {
        None => {}
        Some(Outcome::Nothing) => push(t(lang, "tui.cfg.nothing").to_string(), theme.label()),
        Some(Outcome::Refused(text)) => push(format!("✗ {text}"), theme.error()),
        Some(Outcome::Checks(checks)) => {
            for c in checks {
                if c.ok {
                    let text = tf(lang, "tui.cfg.check_ok", &[&c.service, &c.detail]);
                    push(format!("✓ {text}"), theme.ok());
                } else {
                    let text = tf(lang, "tui.cfg.check_failed", &[&c.service, &c.detail]);
                    push(format!("✗ {text}"), theme.error());
                }
            }
        }
    }
    out
}

/// Unsaved changes at Échap, the refusal of a save, or that it is saved.
fn message_line(lang: Lang, theme: Theme, s: &ConfigScreen) -> Line<'static> {
    if s.leaving {
        return Line::styled(t(lang, "tui.cfg.leaving").to_string(), theme.warning());
    }
    if let Some(e) = &s.error {
        return Line::styled(e.clone(), theme.error());
    }
    match &s.saved {
        Some(m) => Line::styled(m.clone(), theme.ok()),
        None if s.dirty() => Line::styled(t(lang, "tui.cfg.unsaved").to_string(), theme.label()),
        None => Line::default(),
    }
}

/// What the focused field takes beyond typing.
fn hint_line(lang: Lang, theme: Theme, s: &ConfigScreen) -> Line<'static> {
    let mut keys: Vec<(&str, &str)> = vec![("tui.kn.page_down", "tui.key.next_section")];
    match s.field().map(|f| (f.spec.kind, f.input.value().is_empty())) {
        Some((Kind::Choice(_), _)) => keys.insert(0, ("tui.kn.left_right", "tui.key.choose")),
        // Typing adds to a value already there: say how to empty it first.
        Some((_, false)) => keys.insert(0, ("tui.kn.ctrl_u", "tui.key.empty_field")),
        Some((_, true)) => {}
        None => keys.insert(0, ("tui.kn.enter", "tui.cfg.test")),
    }
    let mut spans = Vec::new();
    for (key, what) in keys {
        spans.push(Span::styled(format!("{} ", t(lang, key)), theme.key()));
        spans.push(Span::raw(format!("{}   ", t(lang, what))));
    }
    Line::from(spans)
}

/// `text` cut into lines of at most `width` columns, at spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(8);
    let mut out = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let w = word.width();
        if !line.is_empty() && line.width() + 1 + w > width {
            out.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
        while line.width() > width {
            let head = fit(&line, width);
            let head = head.trim_end_matches('…').to_string();
            let rest = line[head.len()..].to_string();
            out.push(head);
            line = rest;
        }
    }
    if !line.is_empty() {
        out.push(line);
    }
    out
}
