//! `update` for the form layer and the dialogs. Esc always closes without
//! side effects; a flow's gathered values (and secrets) go with the modal.

use super::request_action;
use super::secret::secret;
use super::{default_name, set_error, set_info, start};
use crate::i18n::t;
use crate::tui::action::{Action, Effect};
use crate::tui::jobs as work;
use crate::tui::modal::{Ask, ChoiceModal, Choose, Confirm, Hidden, InputModal, Modal, Then};
use crate::tui::modal::{KEY_SIZES, REQUEST_TYPES};
use crate::tui::App;
use cleocps_core::pki::KeySize;
use cleocps_core::secret::Secret;
use cleocps_core::validate;
use std::path::PathBuf;

pub(super) fn form_action(app: &mut App, action: Action) -> Option<Effect> {
    let lang = app.lang;
    let f = app.form.as_mut()?;
    match action {
        Action::Edit(req) => {
            if let Some(field) = f.fields.get_mut(f.focus) {
                field.input.handle(req);
            }
            f.recheck();
        }
        Action::NextField => f.focus = (f.focus + 1) % f.fields.len().max(1),
        Action::PrevField => {
            f.focus = (f.focus + f.fields.len().max(1) - 1) % f.fields.len().max(1)
        }
        Action::OfferedName => f.next_offered_name(),
        Action::Lookup => {
            let path = f.path.clone();
            return start(app, work::Lookup { path });
        }
        Action::Cancel => {
            app.form = None;
            set_info(app, t(lang, "tui.form.cancelled").to_string());
        }
        Action::Submit => {
            if f.blocking() {
                set_error(app, t(lang, "tui.form.fix").to_string());
                return None;
            }
            let job = work::EditForm {
                path: f.path.clone(),
                values: f.values(),
            };
            return start(app, job);
        }
        _ => {}
    }
    None
}

pub(super) fn modal_action(app: &mut App, action: Action) -> Option<Effect> {
    if matches!(action, Action::Cancel) && matches!(app.modal, Some(Modal::CardWait(_))) {
        return super::card::stop_waiting(app);
    }
    if matches!(action, Action::Cancel) {
        // Dropping the modal drops any secret it held (zeroized).
        app.modal = None;
        return None;
    }
    let modal = app.modal.take()?;
    match modal {
        Modal::Help(mut m) => {
            // The dialog's rows: the screen less two of margin, two of border.
            let page = usize::from(app.size.1.saturating_sub(4));
            let total = crate::tui::keymap::help_len(app.lang);
            if let Some(top) = super::scroll::scrolled(m.scroll, &action, total, page) {
                m.scroll = top;
            }
            app.modal = Some(Modal::Help(m));
            None
        }
        Modal::Message(_) if matches!(action, Action::Submit) => None,
        Modal::Confirm(m) if matches!(action, Action::Submit) => confirmed(app, m.what),
        Modal::Deploy(m) if matches!(action, Action::Submit) => super::deploy::confirmed(app, m),
        Modal::Output(m) => super::deploy::output_action(app, m, action),
        Modal::DeployForm(m) => super::deploy_form::action(app, m, action),
        Modal::Choice(m) => choice(app, m, action),
        Modal::Input(m) => text_input(app, m, action),
        Modal::Secret(m) => secret(app, m, action),
        Modal::Pin(m) => super::card::pin_action(app, m, action),
        Modal::Csr(mut m) => {
            // The page's rows: the screen less a title, a blank, the key bar.
            let page = usize::from(app.size.1.saturating_sub(4));
            let total = m.pem.lines().count();
            if let Some(top) = super::scroll::scrolled(m.scroll, &action, total, page) {
                m.scroll = top;
            }
            let effect = match action {
                Action::Copy => {
                    set_info(app, t(app.lang, "tui.copied").to_string());
                    Some(Effect::Copy(m.pem.clone()))
                }
                _ => None,
            };
            app.modal = Some(Modal::Csr(m));
            effect
        }
        Modal::Servers(m) => super::mail::servers_action(app, m, action),
        Modal::Palette(m) => super::palette::action(app, m, action),
        Modal::Paste(m) if matches!(action, Action::Submit) => super::paste::submit(app, m),
        Modal::Files(m) => {
            let effect = matches!(action, Action::Shell).then(|| Effect::Shell(m.dir.clone()));
            app.modal = Some(Modal::Files(m));
            effect
        }
        other => {
            app.modal = Some(other);
            None
        }
    }
}

fn confirmed(app: &mut App, what: Confirm) -> Option<Effect> {
    match what {
        Confirm::DeleteFolder { name, force } => start(app, work::DeleteFolder { name, force }),
        Confirm::DeleteRequest { path, force } => start(app, work::DeleteRequest { path, force }),
        Confirm::ReplaceKeys { path } => {
            app.modal = Some(Modal::choice(
                Choose::KeySize {
                    path,
                    replace: true,
                },
                app.default_key,
            ));
            None
        }
        // The loop tells every job to stop: a waiting wizard run stays
        // resumable.
        Confirm::Quit => Some(Effect::Quit),
        Confirm::Overwrite { job, .. } => start(app, *job),
    }
}

fn choice(app: &mut App, mut m: ChoiceModal, action: Action) -> Option<Effect> {
    match action {
        Action::Up => m.sel = m.sel.saturating_sub(1),
        Action::Down => m.sel = (m.sel + 1).min(m.count().saturating_sub(1)),
        Action::Submit => return chosen(app, m),
        _ => {}
    }
    app.modal = Some(Modal::Choice(m));
    None
}

/// Enter on an option: the next dialog of the flow, or its job.
fn chosen(app: &mut App, ChoiceModal { what, sel }: ChoiceModal) -> Option<Effect> {
    match what {
        Choose::RequestType { folder } => request_type_chosen(app, folder, sel),
        Choose::KeySize { path, replace } => {
            let size = KEY_SIZES.get(sel).copied().unwrap_or(KEY_SIZES[0]);
            let protect = Choose::KeyProtect {
                path,
                size,
                replace,
            };
            app.modal = Some(Modal::choice(protect, 0));
            None
        }
        Choose::KeyProtect {
            path,
            size,
            replace,
        } => key_protect_chosen(app, path, size, replace, sel == 0),
        Choose::P12Profile {
            path,
            file,
            key_password,
            p12_password,
        } => start(
            app,
            work::ExportP12 {
                path,
                file,
                p12_password,
                key_password,
                legacy: sel == 1,
                force: false,
            },
        ),
        // The request is still the selected one: a modal blocks navigation.
        Choose::RequestMode { card: true, .. } if sel == 0 => {
            request_action(app, Action::GenerateCard)
        }
        Choose::RequestMode { .. } => request_action(app, Action::GenerateCsr),
        Choose::Road => super::road::chosen(app, sel),
        Choose::PlatformKeyProtect {
            path,
            file,
            p12_password,
        } => platform_key_chosen(app, path, file, p12_password, sel == 0),
        Choose::PemKey { path, out } => {
            // The key is encrypted: its password is needed either way.
            app.modal = Some(Modal::secret(Hidden::KeyPassword {
                then: Then::Pem {
                    path,
                    out,
                    clear: sel == 1,
                },
            }));
            None
        }
    }
}

/// The type chosen: the request's name next, the first free "Demande N".
fn request_type_chosen(app: &mut App, folder: String, sel: usize) -> Option<Effect> {
    let kind = REQUEST_TYPES.get(sel).copied().unwrap_or(REQUEST_TYPES[0]);
    let taken: Vec<&str> = app
        .tree
        .iter()
        .filter(|f| f.name == folder)
        .flat_map(|f| f.requests.iter().map(|r| r.name.as_str()))
        .collect();
    let name = default_name("Demande", &taken);
    app.modal = Some(Modal::input(Ask::RequestName { folder, kind }, &name));
    None
}

/// Protect the new key: its password next; else the keys are made clear.
fn key_protect_chosen(
    app: &mut App,
    path: String,
    size: KeySize,
    replace: bool,
    protect: bool,
) -> Option<Effect> {
    if protect {
        app.modal = Some(Modal::secret(Hidden::NewKeyPassword {
            path,
            size,
            replace,
        }));
        return None;
    }
    start(
        app,
        work::GenerateKeys {
            path,
            size,
            password: None,
            replace,
        },
    )
}

/// The platform's `.p12`: the key kept under a password (asked next) or clear.
fn platform_key_chosen(
    app: &mut App,
    path: String,
    file: PathBuf,
    p12_password: Secret,
    protect: bool,
) -> Option<Effect> {
    if protect {
        app.modal = Some(Modal::secret(Hidden::PlatformKeyPassword {
            path,
            file,
            p12_password,
        }));
        return None;
    }
    start(
        app,
        work::ImportPlatformP12 {
            path,
            file,
            p12_password,
            key_password: None,
        },
    )
}

fn text_input(app: &mut App, mut m: InputModal, action: Action) -> Option<Effect> {
    let effect = match action {
        Action::Edit(r) => {
            m.input.handle(r);
            m.error = None;
            None
        }
        Action::Complete => {
            let partial = m.input.value().to_string();
            app.modal = Some(Modal::Input(m));
            return start(app, work::Complete { partial });
        }
        Action::Completed(done) => {
            if let Some(done) = done {
                m.input = tui_input::Input::new(done);
            }
            None
        }
        Action::Submit => return submit_input(app, m),
        _ => None,
    };
    app.modal = Some(Modal::Input(m));
    effect
}

/// Enter in a text input: refused inline (the input stays), or the job.
fn submit_input(app: &mut App, mut m: InputModal) -> Option<Effect> {
    let lang = app.lang;
    let mut value = m.input.value().trim().to_string();
    if matches!(m.what, Ask::RejectCode { .. }) {
        value = value.to_ascii_uppercase();
    }
    let bad_name = |v: &str| validate::name(v).err().map(|p| t(lang, p.id).to_string());
    let problem = match &m.what {
        Ask::FolderName | Ask::RenameFolder { .. } | Ask::RequestName { .. } => bad_name(&value),
        Ask::RejectCode { .. } if !cleocps_core::procedure::valid_code(&value) => {
            Some(t(lang, "tui.reject.bad_code").to_string())
        }
        Ask::RejectCode { .. } | Ask::RejectReason { .. } => None,
        _ if value.is_empty() => Some(t(lang, "tui.path.empty").to_string()),
        _ => None,
    };
    if let Some(problem) = problem {
        m.error = Some(problem);
        app.modal = Some(Modal::Input(m));
        return None;
    }
    let key_encrypted = crate::tui::tree::selected_request(app)
        .map(|r| r.key_encrypted == Some(true))
        .unwrap_or(false);
    match m.what {
        Ask::FolderName => start(app, work::CreateFolder { name: Some(value) }),
        Ask::RenameFolder { old } => start(app, work::RenameFolder { old, new: value }),
        Ask::RequestName { folder, kind } => start(
            app,
            work::CreateRequest {
                folder,
                name: Some(value),
                kind,
            },
        ),
        Ask::RejectCode { path } => {
            app.modal = Some(Modal::input(Ask::RejectReason { path, code: value }, ""));
            None
        }
        Ask::RejectReason { path, code } => start(
            app,
            work::RecordRejection {
                path,
                code,
                reason: value,
            },
        ),
        Ask::PlatformP12 { path } => {
            app.modal = Some(Modal::secret(Hidden::PlatformP12Password {
                path,
                file: PathBuf::from(value),
            }));
            None
        }
        Ask::ImportPath { path } => start(
            app,
            work::ImportResponse {
                path,
                file: PathBuf::from(value),
            },
        ),
        Ask::ExportFiles { path } => {
            let out = PathBuf::from(value);
            super::export::remember_dir(app, &out);
            if key_encrypted {
                app.modal = Some(Modal::choice(Choose::PemKey { path, out }, 0));
                return None;
            }
            // A key without password is exported as it is (clear), and the report says so.
            start(app, super::export::pem_job(path, &out, None, false))
        }
        Ask::P12File { path } => {
            let file = PathBuf::from(value);
            super::export::remember_dir(app, &file);
            app.modal = Some(if key_encrypted {
                Modal::secret(Hidden::KeyPassword {
                    then: Then::P12 { path, file },
                })
            } else {
                Modal::secret(Hidden::P12Password {
                    path,
                    file,
                    key_password: None,
                })
            });
            None
        }
    }
}
