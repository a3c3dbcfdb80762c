//! Étape 1 : Initialisation — the key pair.

use super::pane::{buttons, job_line};
use crate::i18n::{t, tf};
use crate::tui::action::Step;
use crate::tui::app::App;
use crate::tui::theme::Theme;
use cleocps_core::request::Request;
use ratatui::text::Line;

pub fn body(app: &App, theme: Theme, req: &Request, width: usize) -> Vec<Line<'static>> {
    let lang = app.lang;
    let mut out = Vec::new();
    match req.key_bits {
        Some(bits) => {
            let protect = if req.key_encrypted == Some(true) {
                t(lang, "tui.key.protected")
            } else {
                t(lang, "tui.key.clear")
            };
            out.push(Line::styled(
                tf(lang, "tui.key.present", &[&bits, &protect]),
                theme.ok(),
            ));
        }
        None => out.push(Line::raw(t(lang, "tui.key.none").to_string())),
    }
    out.push(Line::styled(
        t(lang, "tui.key.advice").to_string(),
        theme.label(),
    ));
    out.push(Line::default());
    out.extend(job_line(app, theme, req));
    out.extend(buttons(app, theme, req, Step::Init, width));
    out
}
