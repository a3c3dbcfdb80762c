//! The platform's route, said where the admin is and in the platform's own
//! words: Étape 2 numbers its steps for the request's type (offer, usage),
//! Étape 3 says to paste the certificate, the CSR dialog says how to copy
//! it. No jargon on screen.
//!
//! ```text
//! Sur la plateforme IGC-Santé · ORG AUTH_CLI
//! 1. Sur votre poste, pfc.eservices.esante.gouv.fr avec la carte
//!    CPS : « Demander ».
//! 2. Offre ORG, structure 1720012345 : « Demander un nouveau
//!    produit ».
//! 3. Usage AUTH_CLI, puis fournissez la demande : v l'affiche
//!    seule, y la copie.
//! 4. « Retirer » le certificat, puis à l'étape 3, v : collez-le.
//! ```

use super::wrap::chunks;
use crate::i18n::{t, tf};
use crate::tui::app::App;
use crate::tui::theme::Theme;
use cleocps_core::request::{Generation, Request, State};
use ratatui::text::Line;

/// A request made for the portal whose certificate has not come back yet.
pub fn waiting(req: &Request) -> bool {
    req.generation == Some(Generation::CsrOnly) && req.state == State::RequestGenerated
}

/// Étape 2: the platform's steps for `req`'s type, each wrapped under its
/// number.
pub fn route(app: &App, theme: Theme, req: &Request, width: usize) -> Vec<Line<'static>> {
    let lang = app.lang;
    let name = req.kind.platform_name();
    let (offer, usage) = name.split_once(' ').unwrap_or((name, name));
    let structure = req
        .subject
        .ou
        .clone()
        .unwrap_or_else(|| t(lang, "tui.pf.your_structure").to_string());
    let mut out = vec![Line::styled(
        tf(lang, "tui.pf.title", &[&name]),
        theme.title(),
    )];
    for step in [
        t(lang, "tui.pf.1").to_string(),
        tf(lang, "tui.pf.2", &[&offer, &structure]),
        tf(lang, "tui.pf.3", &[&usage]),
        t(lang, "tui.pf.4").to_string(),
    ] {
        out.extend(hanging(&step, width, 3));
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
