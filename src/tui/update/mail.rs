//! `update` for the mail and directory actions of the manual procedure:
//! *Envoyer* (Étape 2), the form filled from the directory (a chooser when
//! the holder administers several servers).

use super::{set_error, set_info, start};
use crate::i18n::tf;
use crate::tui::action::Effect;
use crate::tui::jobs as work;
use crate::tui::modal::{Modal, ServersModal};
use crate::tui::{Action, App};
use cleocps_core::directory::ServerEntry;
use cleocps_core::request::{Request, RequestType};

/// *Envoyer* (the life cycle already said yes: a CSR for the portal, with
/// nothing to mail, was refused by the core's `State::check`).
pub(super) fn send(app: &mut App, req: &Request) -> Option<Effect> {
    start(app, work::SendMail { path: req.path() })
}

/// The lookup's answer: none says so, one fills the form, several ask.
pub(super) fn servers(app: &mut App, path: String, holder: String, entries: Vec<ServerEntry>) {
    let lang = app.lang;
    if app.form.as_ref().is_none_or(|f| f.path != path) {
        return; // The form was closed meanwhile: nothing to fill.
    }
    match entries.len() {
        0 => set_error(app, tf(lang, "tui.dir.none", &[&holder])),
        1 => {
            if let Some(e) = entries.first() {
                fill(app, e);
            }
        }
        _ => {
            app.modal = Some(Modal::Servers(ServersModal {
                path,
                entries,
                sel: 0,
            }))
        }
    }
}

/// Keys in the server chooser.
pub(super) fn servers_action(app: &mut App, mut m: ServersModal, action: Action) -> Option<Effect> {
    match action {
        Action::Up => m.sel = m.sel.saturating_sub(1),
        Action::Down => m.sel = (m.sel + 1).min(m.entries.len().saturating_sub(1)),
        Action::Submit => {
            if let Some(e) = m.entries.get(m.sel) {
                fill(app, e);
            }
            return None;
        }
        _ => {}
    }
    app.modal = Some(Modal::Servers(m));
    None
}

/// Puts the entry in the open form: name (FQDN or e-mail), O, OU, ST.
pub fn fill(app: &mut App, e: &ServerEntry) {
    let lang = app.lang;
    let Some(f) = app.form.as_mut() else { return };
    let name = match f.kind {
        RequestType::Ssl => Some(e.fqdn.clone()),
        RequestType::Smime => e.mail.clone(),
        // The directory lists servers: an ORG form keeps its service name.
        _ => None,
    };
    let values = [
        ("field.cn", name.clone()),
        ("field.email", name.clone()),
        ("field.o", e.structure_name.clone()),
        ("field.ou", e.structure_id.clone()),
        ("field.st", e.departement.clone()),
    ];
    for (id, v) in values {
        let Some(v) = v.filter(|v| !v.is_empty()) else {
            continue;
        };
        if let Some(field) = f.fields.iter_mut().find(|x| x.id == id) {
            field.input = tui_input::Input::new(v);
        }
    }
    f.recheck();
    let shown = name.unwrap_or_else(|| e.fqdn.clone());
    set_info(app, tf(lang, "tui.dir.filled", &[&shown]));
}
