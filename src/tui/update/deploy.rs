//! `update` for Étape 3's deploy: the saved profile shown first (or how to
//! save one), the key's password asked when the key goes out clear, then
//! the job; its result dialog scrolls.

use super::start;
use crate::i18n::t;
use crate::tui::action::{Action, Effect};
use crate::tui::app::App;
use crate::tui::jobs as work;
use crate::tui::modal::{DeployModal, Hidden, MessageModal, Modal, OutputModal, Then};
use cleocps_core::request::Request;

/// "Déployer": the profile to confirm, or how to get one.
pub(super) fn open(app: &mut App, req: &Request) {
    app.modal = Some(match &req.deploy {
        Some(profile) => Modal::Deploy(DeployModal {
            path: req.path(),
            // As the core's `deploy::needs_key_password`, without the disk:
            // a key written clear from one stored under a password (§4b), or
            // an adopted request (no generation, so no CSR), whose
            // certificate is checked against the key itself.
            needs_key_password: req.key_encrypted == Some(true)
                && ((profile.key.is_some() && !profile.encrypted_key) || req.generation.is_none()),
            profile: profile.clone(),
        }),
        None => Modal::Message(MessageModal {
            title: "tui.title.deploy",
            text: t(app.lang, "tui.deploy.no_profile").to_string(),
            error: false,
        }),
    });
}

/// Yes: the password first when the key goes out clear, else the job.
pub(super) fn confirmed(app: &mut App, m: DeployModal) -> Option<Effect> {
    if m.needs_key_password {
        app.modal = Some(Modal::secret(Hidden::KeyPassword {
            then: Then::Deploy { path: m.path },
        }));
        return None;
    }
    start(
        app,
        work::Deploy {
            path: m.path,
            key_password: None,
        },
    )
}

/// The result dialog: ↑/↓ scroll within its lines; Esc, q, Enter close
/// (handled with every dialog's Cancel).
pub(super) fn output_action(app: &mut App, mut m: OutputModal, action: Action) -> Option<Effect> {
    // The dialog's rows at most: the screen less margins, border and keys.
    let page = usize::from(app.size.1.saturating_sub(6));
    match super::scroll::scrolled(m.scroll as u16, &action, m.lines.len(), page) {
        Some(top) => m.scroll = top.into(),
        None if matches!(action, Action::Submit) => return None,
        None => {}
    }
    app.modal = Some(Modal::Output(m));
    None
}
