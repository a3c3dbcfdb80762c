//! Draws the open dialog, last, over everything.

use super::{dialog, fit, help};
use crate::i18n::{t, tf};
use crate::tui::app::App;
use crate::tui::modal::Modal;
use crate::tui::theme::Theme;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

pub fn draw(f: &mut Frame, app: &App, theme: Theme, area: Rect) {
    let Some(modal) = &app.modal else { return };
    let lang = app.lang;
    let w = area.width.saturating_sub(8).min(72);
    match modal {
        Modal::Help { scroll } => help::draw(f, app, theme, area, *scroll),
        Modal::Message { title, text, error } => {
            let inner = dialog::frame(f, theme, area, w, 10, t(lang, title), *error);
            let style = if *error { theme.error() } else { theme.label() };
            let lines = vec![
                Line::styled(text.clone(), style),
                Line::default(),
                hint(app, theme, &[("tui.kn.enter", "tui.key.ok")]),
            ];
            f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
        }
        Modal::Confirm { text, .. } => {
            let inner = dialog::frame(f, theme, area, w, 8, t(lang, "tui.title.confirm"), false);
            let lines = vec![
                Line::raw(text.clone()),
                Line::default(),
                Line::from(vec![
                    Span::styled(" o ", theme.key()),
                    Span::raw(t(lang, "tui.key.yes").to_string()),
                    Span::styled("   n/Esc ", theme.key()),
                    Span::raw(t(lang, "tui.key.no").to_string()),
                ]),
            ];
            f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
        }
        Modal::Choice { what, sel } => {
            let (title, options) = what.texts();
            let h = options.len() as u16 + 4;
            let inner = dialog::frame(f, theme, area, 50, h, t(lang, title), false);
            let mut lines: Vec<Line> = options
                .iter()
                .enumerate()
                .map(|(i, id)| {
                    let mark = if i == *sel { "● " } else { "○ " };
                    let line = Line::raw(format!(" {mark}{}", t(lang, id)));
                    if i == *sel {
                        line.style(theme.selected())
                    } else {
                        line
                    }
                })
                .collect();
            lines.push(Line::default());
            lines.push(hint(
                app,
                theme,
                &[
                    ("tui.kn.enter", "tui.key.ok"),
                    ("tui.kn.esc", "tui.key.close"),
                ],
            ));
            f.render_widget(Paragraph::new(lines), inner);
        }
        Modal::Input { what, input, error } => {
            let inner = dialog::frame(f, theme, area, w, 7, t(lang, what.title_id()), false);
            let width = inner.width.saturating_sub(1) as usize;
            let scroll = input.visual_scroll(width);
            let shown: String = input.value().chars().skip(scroll).collect();
            let mut lines = vec![Line::styled(super::pad(&shown, width), theme.input())];
            match error {
                Some(e) => lines.push(Line::styled(format!("↳ {e}"), theme.error())),
                None => lines.push(Line::default()),
            }
            lines.push(Line::default());
            let mut keys = vec![
                ("tui.kn.enter", "tui.key.ok"),
                ("tui.kn.esc", "tui.key.close"),
            ];
            if what.is_path() {
                keys.push(("tui.kn.tab", "tui.key.complete"));
            }
            lines.push(hint(app, theme, &keys));
            f.render_widget(Paragraph::new(lines), inner);
            let x = input.visual_cursor().saturating_sub(scroll) as u16;
            f.set_cursor_position((inner.x + x, inner.y));
        }
        Modal::Secret {
            what,
            first,
            second,
            on_second,
            error,
        } => {
            let twice = what.twice();
            let h = if twice { 9 } else { 7 };
            let inner = dialog::frame(
                f,
                theme,
                area,
                w.min(60),
                h,
                t(lang, what.title_id()),
                false,
            );
            let mut rows = vec![(
                t(lang, "tui.secret.enter"),
                first.chars().count(),
                !on_second,
            )];
            if twice {
                rows.push((
                    t(lang, "tui.secret.again"),
                    second.chars().count(),
                    *on_second,
                ));
            }
            let mut lines = Vec::new();
            for (label, n, focus) in &rows {
                let style = if *focus { theme.key() } else { theme.label() };
                lines.push(Line::from(vec![
                    Span::styled(format!("{} ", fit(label, 20)), style),
                    // One dot per character: the length shows, the secret never does.
                    Span::styled(super::pad(&"•".repeat(*n), 24), theme.input()),
                ]));
            }
            match error {
                Some(e) => lines.push(Line::styled(format!("↳ {e}"), theme.error())),
                None => lines.push(Line::default()),
            }
            lines.push(Line::styled(
                t(lang, what.advice_id()).to_string(),
                theme.label(),
            ));
            lines.push(hint(
                app,
                theme,
                &[
                    ("tui.kn.enter", "tui.key.ok"),
                    ("tui.kn.esc", "tui.key.close"),
                ],
            ));
            f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
        }
        Modal::Pin { warning, pin } => {
            let inner = dialog::frame(
                f,
                theme,
                area,
                w.min(60),
                8,
                t(lang, "tui.pin.title"),
                false,
            );
            let mut lines = vec![Line::from(vec![
                Span::styled(format!("{} ", t(lang, "field.pin")), theme.key()),
                Span::styled(
                    super::pad(&"•".repeat(pin.chars().count()), 12),
                    theme.input(),
                ),
            ])];
            match warning {
                Some(wn) => lines.push(Line::styled(format!("⚠ {wn}"), theme.warning())),
                None => lines.push(Line::default()),
            }
            lines.push(Line::styled(
                t(lang, "tui.pin.advice").to_string(),
                theme.label(),
            ));
            lines.push(Line::default());
            lines.push(hint(
                app,
                theme,
                &[
                    ("tui.kn.enter", "tui.key.ok"),
                    ("tui.kn.esc", "tui.key.close"),
                ],
            ));
            f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
        }
        Modal::Csr { path, pem, scroll } => {
            let h = area.height.saturating_sub(2);
            let title = tf(lang, "tui.title.csr", &[path]);
            let inner = dialog::frame(f, theme, area, 70, h, &title, false);
            let mut lines: Vec<Line> = pem.lines().map(|l| Line::raw(l.to_string())).collect();
            lines.insert(
                0,
                hint(
                    app,
                    theme,
                    &[
                        ("tui.kn.y", "tui.key.copy"),
                        ("tui.kn.esc", "tui.key.close"),
                    ],
                ),
            );
            lines.insert(1, Line::default());
            f.render_widget(Paragraph::new(lines).scroll((*scroll, 0)), inner);
        }
        Modal::Files { dir, files } => {
            let h = (files.len() as u16 + 7).min(area.height.saturating_sub(2));
            let inner = dialog::frame(
                f,
                theme,
                area,
                area.width.saturating_sub(4),
                h,
                t(lang, "tui.title.files"),
                false,
            );
            let mut lines = vec![
                Line::styled(dir.display().to_string(), theme.title()),
                Line::default(),
            ];
            for (p, size) in files {
                let name = p.display().to_string();
                let width = inner.width.saturating_sub(12) as usize;
                lines.push(Line::from(vec![
                    Span::raw(super::pad(&name, width)),
                    Span::styled(format!("{size:>10}"), theme.label()),
                ]));
            }
            lines.push(Line::default());
            lines.push(hint(
                app,
                theme,
                &[
                    ("tui.kn.s", "tui.key.shell"),
                    ("tui.kn.esc", "tui.key.close"),
                ],
            ));
            f.render_widget(Paragraph::new(lines), inner);
        }
    }
}

fn hint(app: &App, theme: Theme, keys: &[(&'static str, &'static str)]) -> Line<'static> {
    let mut spans = Vec::new();
    for (key, what) in keys {
        spans.push(Span::styled(format!("{} ", t(app.lang, key)), theme.key()));
        spans.push(Span::raw(format!("{}   ", t(app.lang, what))));
    }
    Line::from(spans)
}
