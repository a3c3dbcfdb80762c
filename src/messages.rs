//! Texts of the core (workspace, requests, procedure). See `i18n`.

use crate::i18n::Text;
use crate::text;

pub static TEXTS: &[Text] = &[text!(
    "err.not_found.request",
    "demande « {} » introuvable",
    "request \"{}\" not found"
)];
