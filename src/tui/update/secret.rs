//! `update` for the masked inputs (passwords, PIN). What is typed lives
//! only in the modal (zeroized on drop) and leaves it as a `Secret` for the
//! next dialog of the flow or for the job.

use super::start;
use crate::i18n::t;
use crate::tui::action::{Action, Effect};
use crate::tui::jobs as work;
use crate::tui::modal::{Choose, Hidden, Modal, SecretModal, Then};
use crate::tui::App;
use cleocps_core::secret::Secret;
use std::path::PathBuf;
use tui_input::InputRequest;
use zeroize::Zeroizing;

pub(super) fn edit_secret(value: &mut Zeroizing<String>, r: InputRequest) {
    match r {
        InputRequest::InsertChar(c) => value.push(c),
        InputRequest::DeletePrevChar => {
            value.pop();
        }
        InputRequest::DeleteLine => value.clear(),
        _ => {}
    }
}

pub(super) fn secret(app: &mut App, mut m: SecretModal, action: Action) -> Option<Effect> {
    match action {
        Action::Edit(r) => {
            edit_secret(m.focused_mut(), r);
            m.error = None;
        }
        Action::NextField | Action::PrevField if m.what.twice() => m.on_second = !m.on_second,
        Action::Submit => return submit(app, m),
        _ => {}
    }
    keep(app, m)
}

fn keep(app: &mut App, m: SecretModal) -> Option<Effect> {
    app.modal = Some(Modal::Secret(m));
    None
}

/// Enter: on to the second field, a refusal (the modal stays, with the
/// reason), or the next step of the flow with the secret.
fn submit(app: &mut App, mut m: SecretModal) -> Option<Effect> {
    let lang = app.lang;
    let twice = m.what.twice();
    if m.first.is_empty() {
        m.error = Some(t(lang, "tui.secret.empty").to_string());
        m.on_second = false;
        return keep(app, m);
    }
    if twice && !m.on_second {
        m.on_second = true;
        m.error = None;
        return keep(app, m);
    }
    if twice && *m.first != *m.second {
        let error = Some(t(lang, "err.secret_mismatch").to_string());
        return keep(
            app,
            SecretModal {
                error,
                ..SecretModal::new(m.what)
            },
        );
    }
    let value = Secret::new(m.first.as_str());
    given(app, m.what, value)
}

/// The secret typed for `what`: the job that needs it, or the next dialog.
fn given(app: &mut App, what: Hidden, value: Secret) -> Option<Effect> {
    match what {
        Hidden::NewKeyPassword {
            path,
            size,
            replace,
        } => start(
            app,
            work::GenerateKeys {
                path,
                size,
                password: Some(value),
                replace,
            },
        ),
        Hidden::KeyPassword {
            then: Then::Csr { path },
        } => start(
            app,
            work::GenerateCsr {
                path,
                key_password: Some(value),
            },
        ),
        Hidden::KeyPassword {
            then: Then::Pem { path, out, clear },
        } => start(app, super::export::pem_job(path, &out, Some(value), clear)),
        Hidden::KeyPassword {
            then: Then::Deploy { path, profile },
        } => start(
            app,
            work::Deploy {
                path,
                key_password: Some(value),
                profile: profile.map(|p| *p),
            },
        ),
        Hidden::KeyPassword {
            then: Then::Card { path },
        } => super::card::probe(app, path, Some(value), false),
        Hidden::KeyPassword {
            then: Then::P12 { path, file },
        } => {
            app.modal = Some(Modal::secret(Hidden::P12Password {
                path,
                file,
                key_password: Some(value),
            }));
            None
        }
        Hidden::KeyPasswordAgain { retry } => start(app, retry.with_new_key(value)),
        Hidden::P12Password {
            path,
            file,
            key_password,
        } => p12_given(app, (path, file, key_password), value),
        Hidden::PlatformP12Password { path, file } => {
            app.modal = Some(Modal::choice(
                Choose::PlatformKeyProtect {
                    path,
                    file,
                    p12_password: value,
                },
                0,
            ));
            None
        }
        Hidden::PlatformKeyPassword {
            path,
            file,
            p12_password,
        } => start(
            app,
            work::ImportPlatformP12 {
                path,
                file,
                p12_password,
                key_password: Some(value),
            },
        ),
    }
}

/// The PKCS#12's password: another than the key's (the original insists:
/// the installer gets its own), then the profile.
fn p12_given(
    app: &mut App,
    (path, file, key_password): (String, PathBuf, Option<Secret>),
    value: Secret,
) -> Option<Effect> {
    if key_password.as_ref() == Some(&value) {
        let what = Hidden::P12Password {
            path,
            file,
            key_password,
        };
        let error = Some(t(app.lang, "err.same_password").to_string());
        return keep(
            app,
            SecretModal {
                error,
                ..SecretModal::new(what)
            },
        );
    }
    let what = Choose::P12Profile {
        path,
        file,
        key_password,
        p12_password: value,
    };
    app.modal = Some(Modal::choice(what, 0));
    None
}
