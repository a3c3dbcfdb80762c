//! `update` for the step buttons on the selected request: the life cycle
//! decides first (its refusal said in the status line), then the dialog or
//! the job of each action.

use super::{card, deploy, export, mail, paste, set_error, start};
use crate::i18n::{t, tf};
use crate::tui::action::{Action, Effect, Step};
use crate::tui::app::App;
use crate::tui::form::Form;
use crate::tui::jobs as work;
use crate::tui::modal::{Ask, Choose, Confirm, Modal};
use crate::tui::{steps, tree};
use cleocps_core::error::Error;
use cleocps_core::request::{Action as Op, Request};

/// Whether the life cycle refuses `op` now; the refusal says why.
fn refuse(app: &mut App, req: &Request, op: Op) -> bool {
    match req.check(op) {
        Ok(()) => false,
        Err(r) => {
            set_error(app, Error::Refused(r).localize(app.lang));
            true
        }
    }
}

/// A request is generated from a form with its CN (or e-mail): else say so.
fn form_ready(app: &mut App, req: &Request) -> bool {
    match cleocps_core::procedure::form_complete(req) {
        Ok(()) => true,
        Err(e) => {
            set_error(app, e.localize(app.lang));
            false
        }
    }
}

/// "Générer la demande" and its routes, once the form is complete: the card
/// is the default where it can go; the CSR for the platform otherwise.
fn generate(app: &mut App, req: &Request, action: Action) -> Option<Effect> {
    if !form_ready(app, req) {
        return None;
    }
    let path = req.path();
    match action {
        Action::GenerateRequest => {
            // The card's road only where it can go: a registration server
            // configured, a type it issues.
            let card = req.kind.card_route() && app.config.registration.certificate.is_some();
            app.modal = Some(Modal::choice(Choose::RequestMode { path, card }, 0));
            None
        }
        Action::GenerateCard => card::start(app, req),
        _ if req.key_encrypted == Some(true) => {
            app.modal = Some(Modal::secret(crate::tui::modal::Hidden::KeyPassword {
                then: crate::tui::modal::Then::Csr { path },
            }));
            None
        }
        _ => start(
            app,
            work::GenerateCsr {
                path,
                key_password: None,
            },
        ),
    }
}

/// Actions on the selected request (step buttons).
pub(super) fn request_action(app: &mut App, action: Action) -> Option<Effect> {
    let Some(req) = tree::selected_request(app).cloned() else {
        set_error(app, t(app.lang, "tui.select_request").to_string());
        return None;
    };
    let path = req.path();
    let lang = app.lang;
    if app.busy_with(&path) {
        set_error(app, tf(lang, "tui.busy", &[&path]));
        return None;
    }
    // The life cycle decides first; a refusal says why in the status line.
    let op = steps::operation(&req, &action);
    if op.is_some_and(|op| refuse(app, &req, op)) {
        return None;
    }
    match action {
        Action::GenerateKeys if op == Some(Op::ReplaceKeys) => {
            app.modal = Some(Modal::confirm(
                Confirm::ReplaceKeys { path: path.clone() },
                tf(lang, "tui.confirm.replace_keys", &[&path]),
            ));
        }
        Action::GenerateKeys => {
            app.modal = Some(Modal::choice(
                Choose::KeySize {
                    path,
                    replace: false,
                },
                app.default_key,
            ));
        }
        Action::EditForm => {
            app.step = Step::Request;
            app.form = Some(Form::open(&req));
        }
        Action::GenerateRequest | Action::GenerateCard | Action::GenerateCsr => {
            return generate(app, &req, action);
        }
        Action::ShowCsr => {
            if steps::has_csr(&req) {
                return start(app, work::ShowCsr { path });
            }
            set_error(app, t(lang, "refuse.need_request").to_string());
        }
        Action::PasteAnswer => paste::open(app, String::new()),
        Action::ImportPlatformP12 => {
            if req.state == cleocps_core::request::State::CertificateImported {
                set_error(app, t(lang, "tui.p12in.certified").to_string());
                return None;
            }
            let start_at = format!("{}/", app.cwd.display());
            app.modal = Some(Modal::input(Ask::PlatformP12 { path }, &start_at));
        }
        Action::ImportResponse => {
            let start_at = format!("{}/", app.cwd.display());
            app.modal = Some(Modal::input(Ask::ImportPath { path }, &start_at));
        }
        Action::RecordRejection => {
            app.modal = Some(Modal::input(Ask::RejectCode { path }, ""));
        }
        Action::ExportPem => export::open_pem(app, &req),
        Action::ExportP12 => export::open_p12(app, &req),
        Action::Files => return start(app, work::Files { path }),
        Action::Renew => return start(app, work::Renew { path }),
        Action::Deploy => deploy::open(app, &req),
        Action::Send => return mail::send(app, &req),
        Action::Fetch => return start(app, work::FetchReply { path }),
        Action::FetchWait => {
            app.wait_progress = None;
            return start(app, work::FetchWait { path });
        }
        _ => {}
    }
    None
}
