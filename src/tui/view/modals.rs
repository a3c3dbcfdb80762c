//! Draws the open dialog, last, over everything: one file per dialog.

use super::{
    card_wait, choice, confirm, csr, deploy, deploy_form, files, help, input, message, palette,
    paste, pin, secret, servers,
};
use crate::i18n::t;
use crate::tui::app::App;
use crate::tui::modal::Modal;
use crate::tui::theme::Theme;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::Frame;

pub fn draw(f: &mut Frame, app: &App, theme: Theme, area: Rect) {
    let Some(modal) = &app.modal else { return };
    match modal {
        Modal::Help(m) => help::draw(f, app, theme, area, m),
        Modal::Message(m) => message::draw(f, app, theme, area, m),
        Modal::Confirm(m) => confirm::draw(f, app, theme, area, m),
        Modal::Choice(m) => choice::draw(f, app, theme, area, m),
        Modal::Input(m) => input::draw(f, app, theme, area, m),
        Modal::Secret(m) => secret::draw(f, app, theme, area, m),
        Modal::Pin(m) => pin::draw(f, app, theme, area, m),
        Modal::Csr(m) => csr::draw(f, app, theme, area, m),
        Modal::Paste(m) => paste::draw(f, app, theme, area, m),
        Modal::Files(m) => files::draw(f, app, theme, area, m),
        Modal::CardWait(m) => card_wait::draw(f, app, theme, area, m),
        Modal::Servers(m) => servers::draw(f, app, theme, area, m),
        Modal::Deploy(m) => deploy::draw_profile(f, app, theme, area, m),
        Modal::Output(m) => deploy::draw_output(f, app, theme, area, m),
        Modal::DeployForm(m) => deploy_form::draw(f, app, theme, area, m),
        Modal::Palette(m) => palette::draw(f, app, theme, area, m),
    }
}

/// The hints of most dialogs: Enter confirms, Esc closes.
pub const OK_CLOSE: &[(&str, &str)] = &[
    ("tui.kn.enter", "tui.key.ok"),
    ("tui.kn.esc", "tui.key.close"),
];

/// A line of key hints for a dialog: "Entrée valider   Échap fermer".
pub fn hint(app: &App, theme: Theme, keys: &[(&'static str, &'static str)]) -> Line<'static> {
    let mut spans = Vec::new();
    for (key, what) in keys {
        spans.push(Span::styled(format!("{} ", t(app.lang, key)), theme.key()));
        spans.push(Span::raw(format!("{}   ", t(app.lang, what))));
    }
    Line::from(spans)
}
