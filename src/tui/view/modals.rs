//! Draws the open dialog, last, over everything: one file per dialog.

use super::{card_wait, choice, confirm, csr, files, help, input, message, pin, secret, servers};
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
        Modal::Help { scroll } => help::draw(f, app, theme, area, *scroll),
        Modal::Message { title, text, error } => {
            message::draw(f, app, theme, area, title, text, error);
        }
        Modal::Confirm { text, .. } => {
            confirm::draw(f, app, theme, area, text);
        }
        Modal::Choice { what, sel } => {
            choice::draw(f, app, theme, area, what, sel);
        }
        Modal::Input { what, input, error } => {
            input::draw(f, app, theme, area, what, input, error);
        }
        Modal::Secret {
            what,
            first,
            second,
            on_second,
            error,
        } => {
            secret::draw(f, app, theme, area, what, first, second, on_second, error);
        }
        Modal::Pin {
            warning,
            pin,
            error,
            ..
        } => {
            pin::draw(f, app, theme, area, warning, pin, error);
        }
        Modal::Csr { path, pem, scroll } => {
            csr::draw(f, app, theme, area, path, pem, scroll);
        }
        Modal::Files { dir, files } => {
            files::draw(f, app, theme, area, dir, files);
        }
        Modal::CardWait { left } => card_wait::draw(f, app, theme, area, *left),
        Modal::Servers { entries, sel, .. } => {
            servers::draw(f, app, theme, area, entries, *sel);
        }
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
