//! `update` for the masked inputs (passwords, PIN). What is typed lives
//! only in the modal (zeroized on drop) and leaves it as a `Secret` for the
//! next dialog of the flow or for the job.

use crate::tui::action::{Action, Effect, Job};
use crate::tui::modal::{Choose, Hidden, Modal, Then};
use super::start;
use crate::tui::App;
use crate::i18n::t;
use cleocps_core::secret::Secret;
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

type Entries = (Zeroizing<String>, Zeroizing<String>, bool);

pub(super) fn secret(
    app: &mut App,
    what: Hidden,
    (mut first, mut second, on_second): Entries,
    mut error: Option<String>,
    action: Action,
) -> Option<Effect> {
    let lang = app.lang;
    let twice = what.twice();
    let keep = |app: &mut App, what, first, second, on_second, error| {
        app.modal = Some(Modal::Secret {
            what,
            first,
            second,
            on_second,
            error,
        });
        None
    };
    match action {
        Action::Edit(r) => {
            edit_secret(if on_second { &mut second } else { &mut first }, r);
            return keep(app, what, first, second, on_second, None);
        }
        Action::NextField | Action::PrevField if twice => {
            return keep(app, what, first, second, !on_second, error);
        }
        Action::Submit => {}
        _ => return keep(app, what, first, second, on_second, error),
    }
    if first.is_empty() {
        error = Some(t(lang, "tui.secret.empty").to_string());
        return keep(app, what, first, second, false, error);
    }
    if twice && !on_second {
        return keep(app, what, first, second, true, None);
    }
    if twice && *first != *second {
        error = Some(t(lang, "err.secret_mismatch").to_string());
        let empty = || Zeroizing::new(String::new());
        return keep(app, what, empty(), empty(), false, error);
    }
    let value = Secret::new(first.as_str());
    match what {
        Hidden::NewKeyPassword {
            path,
            size,
            replace,
        } => start(
            app,
            Job::GenerateKeys {
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
            Job::GenerateCsr {
                path,
                key_password: Some(value),
            },
        ),
        Hidden::KeyPassword {
            then: Then::Pem { path, dir, clear },
        } => start(
            app,
            Job::ExportPem {
                path,
                dir,
                key_password: Some(value),
                clear,
                force: false,
            },
        ),
        Hidden::KeyPassword {
            then: Then::Card { path },
        } => super::card::probe(app, path, Some(value)),
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
        Hidden::P12Password {
            path,
            file,
            key_password,
        } => {
            if key_password.as_ref() == Some(&value) {
                // The original insists: the installer gets another password than the key's.
                let what = Hidden::P12Password {
                    path,
                    file,
                    key_password,
                };
                let error = Some(t(lang, "err.same_password").to_string());
                let empty = || Zeroizing::new(String::new());
                return keep(app, what, empty(), empty(), false, error);
            }
            app.modal = Some(Modal::Choice {
                what: Choose::P12Profile {
                    path,
                    file,
                    key_password,
                    p12_password: value,
                },
                sel: 0,
            });
            None
        }
    }
}
