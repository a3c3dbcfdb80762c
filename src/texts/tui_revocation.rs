//! The TUI's texts of revocation: the tree's tag comes from the core
//! (`revocation.revoked`); Étape 3's status after "Certificat importé", the
//! check's key and its messages, the configuration screen's fields. See
//! `i18n`.

use cleocps_core::i18n::Text;
use cleocps_core::text;

#[rustfmt::skip]
pub static TEXTS: &[Text] = &[
    text!("tui.job.revocation", "Vérification de la révocation…", "Checking revocation…"),
    text!("tui.key.revocation", "Vérifier la révocation", "Check revocation"),
    // Étape 3's first line: "Certificat importé · <status>" (48 columns at 80×24).
    text!("tui.cert.ok_with", "Certificat importé · {}", "Certificate imported · {}"),
    text!("tui.revocation.good", "non révoqué ({})", "not revoked ({})"),
    text!("tui.revocation.unknown_since", "révocation inconnue depuis le {} : {}", "revocation unknown since {}: {}"),
    text!("tui.revocation.not_checked", "révocation non vérifiée : {}", "revocation not checked: {}"),
    text!("tui.revocation.disabled", "révocation non vérifiée (désactivée dans Configuration › Confiance)", "revocation not checked (turned off in Configuration › Trust)"),
    text!("tui.revocation.checking", "révocation : vérification…", "checking revocation…"),
    text!("tui.revocation.pending", "révocation à vérifier (V)", "revocation unchecked (V)"),
    text!("tui.revocation.done", "Révocation vérifiée : {} certificat(s), {} révoqué(s).", "Revocation checked: {} certificate(s), {} revoked."),
    text!("tui.revocation.nothing", "Aucun certificat en service à vérifier.", "No certificate in service to check."),
    // The configuration screen's Confiance section (28 columns a choice).
    text!("tui.cfg.f.revocation_mode", "Révocation", "Revocation"),
    text!("tui.cfg.f.max_unknown_days", "Alerte après (jours)", "Warn after (days)"),
    text!("tui.cfg.f.revocation_ldap", "Listes par LDAP", "Lists over LDAP"),
    text!("tui.cfg.revocation.auto", "vérifiée (OCSP, CRL)", "checked (OCSP, CRL)"),
    text!("tui.cfg.revocation.off", "désactivée (hors réseau)", "off (no network)"),
    text!("tui.cfg.no", "non", "no"),
    text!("tui.cfg.yes", "oui", "yes"),
    text!("tui.cfg.bad_days", "un nombre de jours de 1 à 366", "a number of days from 1 to 366"),
];
