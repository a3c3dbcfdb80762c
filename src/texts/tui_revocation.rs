//! The TUI's texts of revocation: the tree's tag comes from the core
//! (`revocation.revoked`); Étape 3's status row, the check's key and its
//! messages. See `i18n`.

use cleocps_core::i18n::Text;
use cleocps_core::text;

pub static TEXTS: &[Text] = &[
    text!(
        "tui.job.revocation",
        "Vérification de la révocation…",
        "Checking revocation…"
    ),
    text!(
        "tui.key.revocation",
        "Vérifier la révocation",
        "Check revocation"
    ),
    // Étape 3's row (label of 10 columns at most).
    text!("tui.cert.revocation", "Révocation", "Revocation"),
    text!(
        "tui.revocation.good",
        "non révoqué (vérifié le {})",
        "not revoked (checked on {})"
    ),
    text!(
        "tui.revocation.unknown_since",
        "inconnue depuis le {} : {}",
        "unknown since {}: {}"
    ),
    text!(
        "tui.revocation.not_checked",
        "non vérifiée : {}",
        "not checked: {}"
    ),
    text!(
        "tui.revocation.disabled",
        "non vérifiée (désactivée dans Configuration › Confiance)",
        "not checked (turned off in Configuration › Trust)"
    ),
    text!(
        "tui.revocation.checking",
        "vérification en cours…",
        "checking…"
    ),
    text!(
        "tui.revocation.pending",
        "à vérifier (touche V)",
        "not checked yet (key V)"
    ),
    text!(
        "tui.revocation.done",
        "Révocation vérifiée : {} certificat(s), {} révoqué(s).",
        "Revocation checked: {} certificate(s), {} revoked."
    ),
    text!(
        "tui.revocation.nothing",
        "Aucun certificat en service à vérifier.",
        "No certificate in service to check."
    ),
];
