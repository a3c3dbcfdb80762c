//! The bodies of the CleoWizard steps on the platform's road: the seven
//! types, the service names offered, the request with the platform's own
//! steps, and the wait for the certificate to paste.

use super::wizard_steps::{key_line, options};
use crate::i18n::{t, tf};
use crate::tui::app::App;
use crate::tui::theme::Theme;
use crate::tui::wizard::Wizard;
use cleocps_core::request::RequestType;
use cleocps_core::wizard::{platform_steps, Route};
use ratatui::text::{Line, Span};

/// The row of the certificate's file input in [`certificate`]'s body.
pub const FILE_ROW: u16 = 2;

/// A type's line: the platform's name and what it is for.
fn type_item(app: &App, kind: RequestType) -> String {
    format!(
        "{:<14}{}",
        kind.platform_name(),
        t(app.lang, type_use(kind))
    )
}

fn type_use(kind: RequestType) -> &'static str {
    match kind {
        RequestType::Ssl => "tui.wpf.use.ssl",
        RequestType::Smime => "tui.wpf.use.smime",
        RequestType::ServSign => "tui.wpf.use.serv_sign",
        RequestType::ServConf => "tui.wpf.use.serv_conf",
        RequestType::OrgAuthCli => "tui.wpf.use.org_auth_cli",
        RequestType::OrgSign => "tui.wpf.use.org_sign",
        RequestType::OrgConf => "tui.wpf.use.org_conf",
    }
}

/// The type's question: the seven on the platform; SSL, S/MIME and "the
/// platform" on the card's road.
pub fn types(app: &App, theme: Theme, w: &Wizard) -> Vec<Line<'static>> {
    let title = t(app.lang, "tui.choose.type").to_string();
    let mut out = vec![Line::styled(title, theme.title()), Line::default()];
    let items: Vec<String> = match w.run.route {
        Route::Platform => RequestType::ALL
            .iter()
            .map(|k| type_item(app, *k))
            .collect(),
        Route::Card => ["tui.type.ssl", "tui.type.smime", "tui.wpf.other_type"]
            .iter()
            .map(|id| t(app.lang, id).to_string())
            .collect(),
    };
    out.extend(options(theme, &items, w.sel));
    out
}

/// INSi's two names, then "another name (typed)".
pub fn service(app: &App, theme: Theme, w: &Wizard, names: &[String]) -> Vec<Line<'static>> {
    let mut out = vec![
        Line::styled(t(app.lang, "tui.wpf.service").to_string(), theme.title()),
        Line::default(),
    ];
    let mut items = names.to_vec();
    items.push(t(app.lang, "wizard.pf.other_name").to_string());
    out.extend(options(theme, &items, w.sel));
    out.push(Line::default());
    out.push(Line::styled(
        t(app.lang, "tui.wpf.insi").to_string(),
        theme.label(),
    ));
    out
}

/// The platform's steps, then the request to copy (`y`) or to show alone
/// (`v`: a page of PEM, which 80×24 can't hold beside the steps).
pub fn csr(app: &App, theme: Theme, w: &Wizard) -> Vec<Line<'static>> {
    let lang = app.lang;
    let mut out = vec![Line::styled(
        t(lang, "tui.wpf.csr_title").to_string(),
        theme.title(),
    )];
    for (i, step) in platform_steps(w.run.kind, lang).iter().enumerate() {
        out.push(Line::raw(format!(" {}. {step}", i + 1)));
    }
    out.push(Line::default());
    out.push(key_line(
        app,
        theme,
        &[("y", "tui.wpf.copy"), ("v", "tui.wpf.show")],
    ));
    let enter = t(lang, "tui.kn.enter");
    out.push(key_line(app, theme, &[(enter, "tui.wpf.given")]));
    out
}

/// Waiting for the certificate: paste it, or type its file's path; why
/// the last one was refused. The input is on the body's [`FILE_ROW`].
pub fn certificate(
    app: &App,
    theme: Theme,
    w: &Wizard,
    (path, refused): (&str, Option<&str>),
    width: usize,
) -> Vec<Line<'static>> {
    let lang = app.lang;
    let input = &w.input;
    let scroll = input.visual_scroll(width.saturating_sub(4));
    let shown: String = input.value().chars().skip(scroll).collect();
    let mut out = vec![
        Line::styled(t(lang, "tui.wpf.cert_title").to_string(), theme.title()),
        Line::raw(t(lang, "tui.wpf.cert_file").to_string()),
        Line::from(vec![
            Span::styled("› ", theme.key()),
            Span::styled(super::pad(&shown, width.saturating_sub(3)), theme.input()),
        ]),
        Line::default(),
        Line::raw(t(lang, "tui.wpf.cert_paste").to_string()),
    ];
    if let Some(why) = refused {
        out.push(Line::default());
        out.push(Line::styled(format!("✗ {why}"), theme.error()));
    }
    out.push(Line::default());
    out.push(Line::styled(
        tf(lang, "tui.wpf.kept", &[&path]),
        theme.label(),
    ));
    out.push(key_line(
        app,
        theme,
        &[(t(lang, "tui.kn.esc"), "tui.wiz.later")],
    ));
    out
}
