//! `update` for the form layer and the dialogs. Esc always closes without
//! side effects; a flow's gathered values (and secrets) go with the modal.

use crate::tui::action::{Action, Effect, Job};
use crate::tui::modal::{Ask, Choose, Confirm, Hidden, Modal, Then, KEY_SIZES, REQUEST_TYPES};
use super::request_action;
use super::{default_name, set_error, set_info, start};
use super::secret::secret;
use crate::tui::App;
use crate::i18n::t;
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
        Action::Lookup => {
            let path = f.path.clone();
            return start(app, Job::Lookup { path });
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
            let job = Job::EditForm {
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
    if matches!(action, Action::Cancel) && matches!(app.modal, Some(Modal::CardWait { .. })) {
        super::card::stop_waiting(app);
        return None;
    }
    if matches!(action, Action::Cancel) {
        // Dropping the modal drops any secret it held (zeroized).
        app.modal = None;
        return None;
    }
    let modal = app.modal.take()?;
    match modal {
        Modal::Help { scroll } => {
            let scroll = match action {
                Action::Up => scroll.saturating_sub(1),
                Action::Down => scroll.saturating_add(1),
                _ => scroll,
            };
            app.modal = Some(Modal::Help { scroll });
            None
        }
        Modal::Message { .. } if matches!(action, Action::Submit) => None,
        Modal::Confirm { what, .. } if matches!(action, Action::Submit) => confirmed(app, what),
        Modal::Choice { what, sel } => choice(app, what, sel, action),
        Modal::Input { what, input, error } => text_input(app, what, input, error, action),
        Modal::Secret {
            what,
            first,
            second,
            on_second,
            error,
        } => secret(app, what, (first, second, on_second), error, action),
        Modal::Pin {
            what,
            warning,
            pin,
            error,
        } => super::card::pin_action(app, what, warning, pin, error, action),
        Modal::Csr { path, pem, scroll } => {
            let (scroll, effect) = match action {
                Action::Up => (scroll.saturating_sub(1), None),
                Action::Down => (scroll.saturating_add(1), None),
                Action::Copy => {
                    set_info(app, t(app.lang, "tui.copied").to_string());
                    (scroll, Some(Effect::Copy(pem.clone())))
                }
                _ => (scroll, None),
            };
            app.modal = Some(Modal::Csr { path, pem, scroll });
            effect
        }
        Modal::Servers { path, entries, sel } => {
            super::mail::servers_action(app, path, entries, sel, action)
        }
        Modal::Files { dir, files } => {
            let effect = matches!(action, Action::Shell).then(|| Effect::Shell(dir.clone()));
            app.modal = Some(Modal::Files { dir, files });
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
        Confirm::DeleteFolder { name, force } => start(app, Job::DeleteFolder { name, force }),
        Confirm::DeleteRequest { path, force } => start(app, Job::DeleteRequest { path, force }),
        Confirm::ReplaceKeys { path } => {
            app.modal = Some(Modal::Choice {
                what: Choose::KeySize {
                    path,
                    replace: true,
                },
                sel: app.default_key,
            });
            None
        }
        Confirm::Quit => {
            // A waiting wizard stops looking; its request stays resumable.
            if let Some(w) = app.wizard.as_mut() {
                w.stop_waiting();
            }
            if let Some(flag) = app.stop_wait.take() {
                flag.store(true, std::sync::atomic::Ordering::Relaxed);
            }
            Some(Effect::Quit)
        }
        Confirm::Overwrite { job, .. } => start(app, *job),
    }
}

fn choice(app: &mut App, what: Choose, sel: usize, action: Action) -> Option<Effect> {
    let count = what.texts().1.len();
    match action {
        Action::Up => {
            app.modal = Some(Modal::Choice {
                what,
                sel: sel.saturating_sub(1),
            });
            return None;
        }
        Action::Down => {
            app.modal = Some(Modal::Choice {
                what,
                sel: (sel + 1).min(count.saturating_sub(1)),
            });
            return None;
        }
        Action::Submit => {}
        _ => {
            app.modal = Some(Modal::Choice { what, sel });
            return None;
        }
    }
    match what {
        Choose::RequestType { folder } => {
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
        Choose::KeySize { path, replace } => {
            let size = KEY_SIZES.get(sel).copied().unwrap_or(KEY_SIZES[0]);
            app.modal = Some(Modal::Choice {
                what: Choose::KeyProtect {
                    path,
                    size,
                    replace,
                },
                sel: 0,
            });
            None
        }
        Choose::KeyProtect {
            path,
            size,
            replace,
        } => {
            if sel == 0 {
                app.modal = Some(Modal::secret(Hidden::NewKeyPassword {
                    path,
                    size,
                    replace,
                }));
                None
            } else {
                start(
                    app,
                    Job::GenerateKeys {
                        path,
                        size,
                        password: None,
                        replace,
                    },
                )
            }
        }
        Choose::P12Profile {
            path,
            file,
            key_password,
            p12_password,
        } => start(
            app,
            Job::ExportP12 {
                path,
                file,
                p12_password,
                key_password,
                legacy: sel == 1,
                force: false,
            },
        ),
        // The request is still the selected one: a modal blocks navigation.
        Choose::RequestMode { .. } if sel == 0 => request_action(app, Action::GenerateCard),
        Choose::RequestMode { .. } => request_action(app, Action::GenerateCsr),
        Choose::PemKey { path, dir } => {
            // The key is encrypted: its password is needed either way.
            app.modal = Some(Modal::secret(Hidden::KeyPassword {
                then: Then::Pem {
                    path,
                    dir,
                    clear: sel == 1,
                },
            }));
            None
        }
    }
}

fn text_input(
    app: &mut App,
    what: Ask,
    mut input: tui_input::Input,
    error: Option<String>,
    action: Action,
) -> Option<Effect> {
    let lang = app.lang;
    match action {
        Action::Edit(r) => {
            input.handle(r);
            app.modal = Some(Modal::Input {
                what,
                input,
                error: None,
            });
            return None;
        }
        Action::Complete => {
            let partial = input.value().to_string();
            app.modal = Some(Modal::Input { what, input, error });
            return Some(Effect::Complete(partial));
        }
        Action::Completed(done) => {
            if let Some(done) = done {
                input = tui_input::Input::new(done);
            }
            app.modal = Some(Modal::Input { what, input, error });
            return None;
        }
        Action::Submit => {}
        _ => {
            app.modal = Some(Modal::Input { what, input, error });
            return None;
        }
    }
    let value = input.value().trim().to_string();
    let bad_name = |v: &str| validate::name(v).err().map(|p| t(lang, p.id).to_string());
    let problem = match &what {
        Ask::FolderName | Ask::RenameFolder { .. } | Ask::RequestName { .. } => bad_name(&value),
        _ if value.is_empty() => Some(t(lang, "tui.path.empty").to_string()),
        _ => None,
    };
    if let Some(problem) = problem {
        app.modal = Some(Modal::Input {
            what,
            input,
            error: Some(problem),
        });
        return None;
    }
    let key_encrypted = crate::tui::tree::selected_request(app)
        .map(|r| r.key_encrypted == Some(true))
        .unwrap_or(false);
    match what {
        Ask::FolderName => start(app, Job::CreateFolder { name: Some(value) }),
        Ask::RenameFolder { old } => start(app, Job::RenameFolder { old, new: value }),
        Ask::RequestName { folder, kind } => start(
            app,
            Job::CreateRequest {
                folder,
                name: Some(value),
                kind,
            },
        ),
        Ask::ImportPath { path } => start(
            app,
            Job::ImportResponse {
                path,
                file: PathBuf::from(value),
            },
        ),
        Ask::ExportDir { path } => {
            let dir = PathBuf::from(value);
            if key_encrypted {
                app.modal = Some(Modal::Choice {
                    what: Choose::PemKey { path, dir },
                    sel: 0,
                });
                return None;
            }
            // A key without password is exported as it is (clear), and the report says so.
            start(
                app,
                Job::ExportPem {
                    path,
                    dir,
                    key_password: None,
                    clear: false,
                    force: false,
                },
            )
        }
        Ask::P12File { path } => {
            let file = PathBuf::from(value);
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
