//! `cleocps keys password`: the passwords come from files or a masked
//! prompt (never argv); the core re-encodes the key atomically.

use super::super::{secrets, Output};
use super::args::KeyPasswordArgs;
use crate::i18n::tf;
use cleocps_core::error::Result;
use cleocps_core::procedure::{self, KeyPasswordChange};
use cleocps_core::workspace::Workspace;
use serde_json::json;

pub(in crate::cli) fn password(
    ws: &Workspace,
    args: &KeyPasswordArgs,
    out: &Output,
) -> Result<i32> {
    let lang = out.lang;
    let req = ws.find(&args.path)?;
    // The current password is asked only when the key has one.
    let old = if procedure::key_is_encrypted(ws, &req) {
        Some(secrets::obtain(
            lang,
            args.key_password_file.as_deref(),
            "field.key_password",
            false,
        )?)
    } else {
        None
    };
    let new = if args.no_key_password {
        None
    } else {
        Some(secrets::obtain(
            lang,
            args.new_key_password_file.as_deref(),
            "field.new_key_password",
            true,
        )?)
    };
    let (req, change, notices) =
        procedure::change_key_password(ws, &args.path, old.as_ref(), new.as_ref())?;
    let warnings = out.notices(&notices);
    let id = match change {
        KeyPasswordChange::Changed => "ops.key_password_changed",
        KeyPasswordChange::Added => "ops.key_password_added",
        KeyPasswordChange::Removed => "ops.key_password_removed",
        KeyPasswordChange::Unchanged => "ops.key_password_unchanged",
    };
    out.done(
        &tf(lang, id, &[&req.path()]),
        json!({"request": req, "change": change, "warnings": warnings}),
    );
    Ok(0)
}
