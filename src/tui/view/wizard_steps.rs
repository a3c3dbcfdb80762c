//! The body of each CleoWizard step (see `wizard.rs` for the frame).

use super::footer::spinner;
use super::servers::entry_line;
use crate::i18n::{t, tf};
use crate::tui::app::App;
use crate::tui::job_kind::WizardJobKind;
use crate::tui::theme::Theme;
use crate::tui::wizard::{WizStep, Wizard};
use cleocps_core::request::RequestType;
use ratatui::text::{Line, Span};

/// Radio lines: "● option" for the selected one.
fn options(theme: Theme, items: &[String], sel: usize) -> Vec<Line<'static>> {
    items
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let mark = if i == sel { "● " } else { "○ " };
            let line = Line::raw(format!("  {mark}{s}"));
            if i == sel {
                line.style(theme.selected())
            } else {
                line
            }
        })
        .collect()
}

fn key_line(app: &App, theme: Theme, keys: &[(&str, &'static str)]) -> Line<'static> {
    let mut spans = Vec::new();
    for (key, what) in keys {
        spans.push(Span::styled(format!("[{key}] "), theme.key()));
        spans.push(Span::raw(format!("{}   ", t(app.lang, what))));
    }
    Line::from(spans)
}

/// The busy line while a wizard job of this kind runs.
fn busy(app: &App, theme: Theme, kind: WizardJobKind) -> Line<'static> {
    Line::styled(
        format!("{} {}", spinner(app.spinner), t(app.lang, kind.text_id())),
        theme.warning(),
    )
}

fn name_label(kind: RequestType) -> &'static str {
    match kind {
        RequestType::Ssl => "wizard.ask_fqdn",
        RequestType::Smime => "wizard.ask_email",
        _ => "wizard.ask_fqdn",
    }
}

pub fn body(app: &App, theme: Theme, w: &Wizard, width: usize) -> Vec<Line<'static>> {
    let lang = app.lang;
    let tx = |id: &'static str| t(lang, id).to_string();
    let enter = t(lang, "tui.kn.enter");
    let esc = t(lang, "tui.kn.esc");
    let mut out = Vec::new();
    match &w.step {
        WizStep::Opening => out.push(busy(app, theme, WizardJobKind::Resumable)),
        WizStep::Resume { path, state, sel } => {
            let state = t(lang, state.label_id());
            out.push(Line::raw(tf(lang, "tui.wiz.resume", &[path, &state])));
            out.push(Line::default());
            out.extend(options(
                theme,
                &[tx("tui.wiz.resume.yes"), tx("tui.wiz.resume.no")],
                *sel,
            ));
        }
        WizStep::Type { sel } => {
            out.push(Line::styled(tx("tui.choose.type"), theme.title()));
            out.push(Line::default());
            out.extend(options(
                theme,
                &[tx("tui.type.ssl"), tx("tui.type.smime")],
                *sel,
            ));
        }
        WizStep::Looking => out.push(busy(app, theme, WizardJobKind::Probe)),
        WizStep::Server { entries, sel } => {
            out.push(Line::styled(tx("tui.wiz.servers"), theme.title()));
            out.push(Line::default());
            let mut items: Vec<String> = entries
                .iter()
                .map(|e| {
                    let s = entry_line(e, w.kind == RequestType::Smime);
                    super::fit(&s, width.saturating_sub(5))
                })
                .collect();
            items.push(tx("tui.wiz.other"));
            out.extend(options(theme, &items, *sel));
        }
        WizStep::Typed {
            input,
            degraded,
            error,
        } => {
            out.push(Line::styled(tx(name_label(w.kind)), theme.title()));
            // Scrolled as the cursor is (see `cursor`).
            let scroll = input.visual_scroll(width.saturating_sub(4));
            let shown: String = input.value().chars().skip(scroll).collect();
            out.push(Line::from(vec![
                Span::styled("› ", theme.key()),
                Span::styled(super::pad(&shown, width.saturating_sub(3)), theme.input()),
            ]));
            if let Some(e) = error {
                out.push(Line::styled(format!("  ↳ {e}"), theme.error()));
            }
            out.push(Line::default());
            match degraded {
                Some(reason) => out.push(Line::styled(
                    format!("⚠ {}", tf(lang, "wizard.degraded", &[reason])),
                    theme.warning(),
                )),
                None => out.push(Line::styled(tx("tui.wiz.none_listed"), theme.warning())),
            }
        }
        WizStep::KeyPassword { sel } => {
            out.push(Line::styled(tx("tui.choose.protect"), theme.title()));
            out.push(Line::default());
            out.extend(options(
                theme,
                &[tx("tui.wiz.key.yes"), tx("tui.wiz.key.no")],
                *sel,
            ));
        }
        WizStep::Pin => {
            out.push(Line::raw(tx("tui.wiz.pin")));
            out.push(Line::default());
            out.push(key_line(app, theme, &[(enter, "tui.wiz.pin.again")]));
        }
        WizStep::Sending => out.push(busy(app, theme, WizardJobKind::Send)),
        WizStep::Waiting {
            path,
            next_check,
            left,
        } => {
            out.push(Line::raw(tf(lang, "tui.wiz.sent", &[path])));
            out.push(Line::default());
            let line = match (next_check, left) {
                (Some(n), Some(l)) => tf(lang, "tui.wiz.waiting", &[n, l]),
                _ => tx(WizardJobKind::Finish.text_id()),
            };
            out.push(Line::styled(
                format!("{} {line}", spinner(app.spinner)),
                theme.warning(),
            ));
            out.push(Line::default());
            out.push(key_line(app, theme, &[(esc, "tui.wiz.stop")]));
        }
        WizStep::Stopped { path } => {
            out.push(Line::styled(
                tf(lang, "tui.wiz.not_yet", &[path]),
                theme.warning(),
            ));
            out.push(Line::default());
            out.push(key_line(
                app,
                theme,
                &[(enter, "tui.wiz.wait_again"), (esc, "tui.wiz.later")],
            ));
        }
        WizStep::Done { files } => {
            out.push(Line::styled(tx("tui.wiz.done"), theme.ok()));
            for p in [&files.p12, &files.crt, &files.key, &files.password] {
                out.push(Line::raw(format!("  {}", p.display())));
            }
            if let Some(prev) = &files.previous {
                out.push(Line::styled(
                    tf(lang, "wizard.previous", &[&prev.display()]),
                    theme.label(),
                ));
            }
            out.push(Line::default());
            out.push(Line::styled(
                format!("⚠ {}", tx("wizard.password_notice")),
                theme.warning(),
            ));
            out.push(Line::default());
            out.push(key_line(
                app,
                theme,
                &[("f", "tui.wiz.key.files"), (enter, "tui.wiz.finish")],
            ));
        }
        WizStep::Rejected { path, code, reason } => {
            out.push(Line::styled(
                tf(lang, "tui.rejected.title", &[code]),
                theme.error(),
            ));
            out.push(Line::raw(reason.clone()));
            out.push(Line::styled(path.clone(), theme.label()));
            out.push(Line::default());
            out.push(key_line(
                app,
                theme,
                &[("n", "tui.wiz.key.renew"), (enter, "tui.wiz.restart")],
            ));
        }
        WizStep::Failed { text } => {
            out.push(Line::styled(text.clone(), theme.error()));
            out.push(Line::default());
            out.push(Line::styled(tx("tui.wiz.failed"), theme.warning()));
        }
    }
    out
}

/// Where the cursor of the typed name sits, relative to the body.
pub fn cursor(_app: &App, w: &Wizard, width: usize) -> Option<(u16, u16)> {
    match &w.step {
        WizStep::Typed { input, .. } => {
            let scroll = input.visual_scroll(width.saturating_sub(4));
            let x = 2 + input.visual_cursor().saturating_sub(scroll);
            Some((x as u16, 1))
        }
        _ => None,
    }
}
