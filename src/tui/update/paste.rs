//! A paste (bracketed paste) is one action, never keystrokes: a `q` in a
//! pasted certificate must not quit. In Étape 3 of a request awaiting its
//! answer it fills "Coller la réponse"; in a text field it is typed there
//! on one line; anywhere else it changes nothing but the status line.

use super::{set_error, set_info, start, update};
use crate::i18n::t;
use crate::tui::action::{Action, Effect, Step};
use crate::tui::app::{App, Layer};
use crate::tui::jobs as work;
use crate::tui::modal::{Modal, PasteModal};
use crate::tui::tree;
use cleocps_core::request::Action as Op;
use tui_input::InputRequest;

/// The most a paste may hold: an answer is a few kilobytes; more is a
/// mistake (a whole file pasted), refused rather than kept in memory.
const MAX_PASTE: usize = 1_000_000;
/// The most characters a paste types into a one-line field.
const MAX_FIELD: usize = 1_000;

pub(super) fn paste(app: &mut App, text: String) -> Option<Effect> {
    let total = text.len()
        + match &app.modal {
            Some(Modal::Paste(m)) => m.text.len(),
            _ => 0,
        };
    if total > MAX_PASTE {
        set_error(app, t(app.lang, "tui.paste.too_long").to_string());
        return None;
    }
    if super::wizard_platform::wants_certificate(app) {
        return super::wizard::certificate_pasted(app, text);
    }
    match app.layer() {
        Layer::Form | Layer::Text | Layer::Path | Layer::WizardText => {
            // One-line fields: line breaks (a copied line's end) are dropped.
            let line = cleocps_core::sanitize::line(&text).trim_end().to_string();
            for c in line.chars().take(MAX_FIELD) {
                update(app, Action::Edit(InputRequest::InsertChar(c)));
            }
            None
        }
        Layer::Paste => {
            if let Some(Modal::Paste(m)) = app.modal.as_mut() {
                m.text.push_str(&lines(&text));
                m.error = None;
            }
            None
        }
        Layer::Main if app.step == Step::Final && awaiting(app) => {
            open(app, lines(&text));
            None
        }
        _ => {
            set_info(app, t(app.lang, "tui.paste.ignored").to_string());
            None
        }
    }
}

/// Terminals paste line ends as CR (xterm, tmux): made `\n` again.
fn lines(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// The selected request can take its answer now.
fn awaiting(app: &App) -> bool {
    tree::selected_request(app).is_some_and(|r| r.check(Op::ImportResponse).is_ok())
}

/// "Coller la réponse" for the selected request, holding `text`.
pub(super) fn open(app: &mut App, text: String) {
    if let Some(req) = tree::selected_request(app) {
        let path = req.path();
        app.modal = Some(Modal::Paste(PasteModal {
            path,
            text,
            error: None,
        }));
    }
}

/// Enter in the dialog: the import job (the same core import and trust
/// checks as a file), unless nothing was pasted.
pub(super) fn submit(app: &mut App, mut m: PasteModal) -> Option<Effect> {
    if m.text.trim().is_empty() {
        m.error = Some(t(app.lang, "tui.paste.empty").to_string());
        app.modal = Some(Modal::Paste(m));
        return None;
    }
    start(
        app,
        work::ImportPasted {
            path: m.path,
            text: m.text,
        },
    )
}
