//! Getting passwords: from a file, or typed (masked) on a terminal. Never an argument.

use crate::i18n::{t, Lang};
use cleocps_core::error::{Error, Result};
use cleocps_core::secret::Secret;
use std::io::IsTerminal;
use std::path::Path;

/// A secret from `file`, else asked on the terminal; `confirm` asks twice (new secrets).
pub fn obtain(
    lang: Lang,
    file: Option<&Path>,
    what: &'static str,
    confirm: bool,
) -> Result<Secret> {
    if let Some(f) = file {
        return Ok(Secret::from_file(f)?);
    }
    if !std::io::stdin().is_terminal() {
        return Err(Error::SecretNeeded(what));
    }
    let label = t(lang, what);
    let ask = |prompt: String| -> Result<Secret> {
        rpassword::prompt_password(prompt)
            .map(Secret::new)
            .map_err(|e| Error::io("/dev/tty", e))
    };
    let first = ask(crate::i18n::tf(lang, "cli.prompt", &[&label]))?;
    if first.is_empty() {
        return Err(Error::SecretNeeded(what));
    }
    if confirm {
        let again = ask(crate::i18n::tf(lang, "cli.again", &[&label]))?;
        if again != first {
            return Err(Error::SecretMismatch);
        }
    }
    Ok(first)
}
