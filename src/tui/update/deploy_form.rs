//! `update` for Étape 3's first deploy: the profile typed, checked by the
//! core's rules, then run as `cleocps deploy … --save` runs it (the key's
//! password asked first when a stored encrypted key goes out clear).

use super::start;
use crate::i18n::t;
use crate::tui::action::{Action, Effect};
use crate::tui::app::App;
use crate::tui::jobs as work;
use crate::tui::modal::{DeployFormModal, Hidden, Modal, Then, DEPLOY_FIELDS};
use cleocps_core::deploy::DeployError;
use cleocps_core::request::Request;

/// "Déployer" with no saved profile: the form, empty.
pub(super) fn open(app: &mut App, req: &Request) {
    let encrypted = req.key_encrypted == Some(true);
    app.modal = Some(Modal::DeployForm(DeployFormModal::new(
        req.path(),
        encrypted,
    )));
}

pub(super) fn action(app: &mut App, mut m: DeployFormModal, action: Action) -> Option<Effect> {
    let count = DEPLOY_FIELDS.len();
    match action {
        Action::Edit(r) => {
            if let Some(input) = m.inputs.get_mut(m.focus) {
                input.handle(r);
            }
            m.error = None;
        }
        Action::NextField => m.focus = (m.focus + 1) % count,
        Action::PrevField => m.focus = (m.focus + count - 1) % count,
        Action::Submit => return submitted(app, m),
        _ => {}
    }
    app.modal = Some(Modal::DeployForm(m));
    None
}

/// Enter: the profile checked (the form stays, saying why, if refused),
/// then the key's password if it is needed, then the job.
fn submitted(app: &mut App, mut m: DeployFormModal) -> Option<Effect> {
    let profile = m.profile();
    if let Err(e) = profile.check() {
        // The core's words name the command line's flags; the form's own.
        m.error = Some(match e {
            DeployError::NoTargets => t(app.lang, "tui.dform.no_targets").to_string(),
            e => e.localize(app.lang),
        });
        app.modal = Some(Modal::DeployForm(m));
        return None;
    }
    // As the core's `deploy::needs_key_password`, without the disk.
    if m.key_encrypted && profile.key.is_some() {
        app.modal = Some(Modal::secret(Hidden::KeyPassword {
            then: Then::Deploy {
                path: m.path,
                profile: Some(Box::new(profile)),
            },
        }));
        return None;
    }
    start(
        app,
        work::Deploy {
            path: m.path,
            key_password: None,
            profile: Some(profile),
        },
    )
}
