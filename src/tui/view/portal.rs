//! The portal route, said where the admin is: Étape 2
//! numbers the steps, Étape 3 says to paste the certificate, the CSR dialog
//! says how to copy it. No jargon on screen.
//!
//! ```text
//! Demande pour le portail IGC-Santé
//! 1. Sur votre poste, ouvrez pfc.eservices.esante.gouv.fr avec votre
//!    carte CPS.
//! 2. Collez-y la demande : v l'affiche, puis y la copie dans le
//!    presse-papiers de votre poste (si votre terminal le permet…).
//! 3. Téléchargez le certificat, puis à l'étape 3, v : collez-le.
//! ```

use super::wrap::chunks;
use crate::i18n::t;
use crate::tui::app::App;
use crate::tui::theme::Theme;
use cleocps_core::request::{Generation, Request, State};
use ratatui::text::Line;

/// A request made for the portal whose certificate has not come back yet.
pub fn waiting(req: &Request) -> bool {
    req.generation == Some(Generation::CsrOnly) && req.state == State::RequestGenerated
}

/// Étape 2: the numbered route, each step wrapped under its number.
pub fn route(app: &App, theme: Theme, width: usize) -> Vec<Line<'static>> {
    let mut out = vec![Line::styled(
        t(app.lang, "tui.portal.title").to_string(),
        theme.title(),
    )];
    for id in ["tui.portal.1", "tui.portal.2", "tui.portal.3"] {
        out.extend(hanging(t(app.lang, id), width, 3));
    }
    out
}

/// `text` wrapped at `width`, the rows after the first indented by `indent`.
pub fn hanging(text: &str, width: usize, indent: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let mut rest = text.to_string();
    let mut first = true;
    while !rest.is_empty() {
        let (lead, w) = if first {
            (String::new(), width)
        } else {
            (" ".repeat(indent), width.saturating_sub(indent))
        };
        let mut parts = chunks(&rest, w).into_iter();
        let row = parts.next().unwrap_or_default();
        rest = parts.collect::<String>().trim_start().to_string();
        out.push(Line::raw(format!("{lead}{}", row.trim_end())));
        first = false;
    }
    out
}

/// Étape 3 before the answer: paste it here.
pub fn paste_here(app: &App) -> Line<'static> {
    Line::raw(t(app.lang, "tui.portal.wait").to_string())
}
