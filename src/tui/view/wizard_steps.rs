//! The body of each CleoWizard step (see `wizard.rs` for the frame).

use super::footer::spinner;
use super::servers::entry_line;
use super::wizard_platform;
use crate::i18n::{t, tf};
use crate::tui::app::App;
use crate::tui::job_kind::WizardJobKind;
use crate::tui::theme::Theme;
use crate::tui::wizard::{WizStep, Wizard};
use cleocps_core::directory::ServerEntry;
use cleocps_core::request::{RequestType, SanKind};
use cleocps_core::wizard::FinalFiles;
use ratatui::text::{Line, Span};

/// Radio lines: "● option" for the selected one.
pub(super) fn options(theme: Theme, items: &[String], sel: usize) -> Vec<Line<'static>> {
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

pub(super) fn key_line(app: &App, theme: Theme, keys: &[(&str, &'static str)]) -> Line<'static> {
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
    match kind.san_kind() {
        SanKind::Email => "wizard.ask_email",
        SanKind::Dns => "wizard.ask_fqdn",
        SanKind::None => "tui.wpf.ask_service",
    }
}

/// The words of a step's body, for the screen's language.
struct Ctx<'a> {
    app: &'a App,
    theme: Theme,
    w: &'a Wizard,
    width: usize,
}

impl Ctx<'_> {
    fn tx(&self, id: &'static str) -> String {
        t(self.app.lang, id).to_string()
    }

    fn keys(&self, keys: &[(&str, &'static str)]) -> Line<'static> {
        key_line(self.app, self.theme, keys)
    }
}

pub fn body(app: &App, theme: Theme, w: &Wizard, width: usize) -> Vec<Line<'static>> {
    let c = Ctx {
        app,
        theme,
        w,
        width,
    };
    let lang = app.lang;
    let enter = t(lang, "tui.kn.enter");
    let esc = t(lang, "tui.kn.esc");
    match &w.run.step {
        WizStep::Opening => vec![busy(app, theme, WizardJobKind::Resumable)],
        WizStep::Resume { path, state } => {
            let state = t(lang, state.label_id());
            let mut out = vec![
                Line::raw(tf(lang, "tui.wiz.resume", &[path, &state])),
                Line::default(),
            ];
            let items = [c.tx("tui.wiz.resume.yes"), c.tx("tui.wiz.resume.no")];
            out.extend(options(theme, &items, w.sel));
            out
        }
        WizStep::Type => wizard_platform::types(app, theme, w),
        WizStep::Service { names } => wizard_platform::service(app, theme, w, names),
        WizStep::Preparing => vec![busy(app, theme, WizardJobKind::Csr)],
        WizStep::Csr { .. } => wizard_platform::csr(app, theme, w),
        WizStep::Certificate { path, refused } => {
            wizard_platform::certificate(app, theme, w, (path, refused.as_deref()), width)
        }
        WizStep::Importing { .. } => vec![busy(app, theme, WizardJobKind::Import)],
        WizStep::Looking => vec![busy(app, theme, WizardJobKind::Probe)],
        WizStep::Server { entries } => servers(&c, entries),
        WizStep::Typed { degraded } => typed(&c, degraded.as_deref()),
        WizStep::KeyPassword => question(
            &c,
            "tui.choose.protect",
            &["tui.wiz.key.yes", "tui.wiz.key.no"],
        ),
        WizStep::Pin => vec![
            Line::raw(c.tx("tui.wiz.pin")),
            Line::default(),
            c.keys(&[(enter, "tui.wiz.pin.again")]),
        ],
        WizStep::Sending => vec![busy(app, theme, WizardJobKind::Send)],
        WizStep::Waiting {
            path,
            next_check,
            left,
        } => {
            let line = match (next_check, left) {
                (Some(n), Some(l)) => tf(lang, "tui.wiz.waiting", &[n, l]),
                _ => c.tx(WizardJobKind::Finish.text_id()),
            };
            vec![
                Line::raw(tf(lang, "tui.wiz.sent", &[path])),
                Line::default(),
                Line::styled(format!("{} {line}", spinner(app.spinner)), theme.warning()),
                Line::default(),
                c.keys(&[(esc, "tui.wiz.stop")]),
            ]
        }
        WizStep::Stopped { path } => vec![
            Line::styled(tf(lang, "tui.wiz.not_yet", &[path]), theme.warning()),
            Line::default(),
            c.keys(&[(enter, "tui.wiz.wait_again"), (esc, "tui.wiz.later")]),
        ],
        WizStep::Done { files } => done(&c, files),
        WizStep::Rejected { path, code, reason } => vec![
            Line::styled(tf(lang, "tui.rejected.title", &[code]), theme.error()),
            Line::raw(reason.clone()),
            Line::styled(path.clone(), theme.label()),
            Line::default(),
            c.keys(&[("n", "tui.wiz.key.renew"), (enter, "tui.wiz.restart")]),
        ],
        WizStep::Failed { text } => vec![
            Line::styled(text.clone(), theme.error()),
            Line::default(),
            Line::styled(c.tx("tui.wiz.failed"), theme.warning()),
        ],
    }
}

/// A title and its two options, the selected one marked.
fn question(c: &Ctx, title: &'static str, items: &[&'static str]) -> Vec<Line<'static>> {
    let mut out = vec![Line::styled(c.tx(title), c.theme.title()), Line::default()];
    let items: Vec<String> = items.iter().map(|id| c.tx(id)).collect();
    out.extend(options(c.theme, &items, c.w.sel));
    out
}

/// The holder's servers, then "another one (typed)".
fn servers(c: &Ctx, entries: &[ServerEntry]) -> Vec<Line<'static>> {
    let mut out = vec![
        Line::styled(c.tx("tui.wiz.servers"), c.theme.title()),
        Line::default(),
    ];
    let smime = c.w.run.kind == RequestType::Smime;
    let mut items: Vec<String> = entries
        .iter()
        .map(|e| super::fit(&entry_line(e, smime), c.width.saturating_sub(5)))
        .collect();
    items.push(c.tx("tui.wiz.other"));
    out.extend(options(c.theme, &items, c.w.sel));
    out
}

/// The name being typed, why it was refused, and why it is typed at all.
fn typed(c: &Ctx, degraded: Option<&str>) -> Vec<Line<'static>> {
    let (theme, input) = (c.theme, &c.w.input);
    let mut out = vec![Line::styled(c.tx(name_label(c.w.run.kind)), theme.title())];
    // Scrolled as the cursor is (see `cursor`).
    let scroll = input.visual_scroll(c.width.saturating_sub(4));
    let shown: String = input.value().chars().skip(scroll).collect();
    out.push(Line::from(vec![
        Span::styled("› ", theme.key()),
        Span::styled(super::pad(&shown, c.width.saturating_sub(3)), theme.input()),
    ]));
    if let Some(e) = &c.w.name_error {
        out.push(Line::styled(format!("  ↳ {e}"), theme.error()));
    }
    out.push(Line::default());
    out.push(match degraded {
        Some(reason) => Line::styled(
            format!("⚠ {}", tf(c.app.lang, "wizard.degraded", &[&reason])),
            theme.warning(),
        ),
        None if c.w.run.route == cleocps_core::wizard::Route::Platform => {
            Line::styled(c.tx("tui.wpf.typed"), theme.label())
        }
        None => Line::styled(c.tx("tui.wiz.none_listed"), theme.warning()),
    });
    out
}

/// The files written, the previous ones kept, and the password notice.
fn done(c: &Ctx, files: &FinalFiles) -> Vec<Line<'static>> {
    let (theme, lang) = (c.theme, c.app.lang);
    let mut out = vec![Line::styled(c.tx("tui.wiz.done"), theme.ok())];
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
        format!("⚠ {}", c.tx("wizard.password_notice")),
        theme.warning(),
    ));
    out.push(Line::default());
    let enter = t(lang, "tui.kn.enter");
    let mut keys = vec![("f", "tui.wiz.key.files")];
    // The request is known: its deploy (first, its profile) is offered.
    if c.w.run.done.is_some() {
        keys.push(("D", "tui.wpf.key.deploy"));
    }
    keys.push((enter, "tui.wiz.finish"));
    out.push(c.keys(&keys));
    out
}

/// Where the cursor of the typed name sits, relative to the body.
pub fn cursor(_app: &App, w: &Wizard, width: usize) -> Option<(u16, u16)> {
    match &w.run.step {
        WizStep::Typed { .. } | WizStep::Certificate { .. } => {
            let input = &w.input;
            let scroll = input.visual_scroll(width.saturating_sub(4));
            let x = 2 + input.visual_cursor().saturating_sub(scroll);
            let row = match w.run.step {
                WizStep::Certificate { .. } => wizard_platform::FILE_ROW,
                _ => 1,
            };
            Some((x as u16, row))
        }
        _ => None,
    }
}
