//! Texts of `status` and `check`. See `i18n`.

use crate::lang::Text;
use crate::text;

pub static TEXTS: &[Text] = &[
    text!(
        "ops.expires_in",
        "{} expire dans {} jours ({})",
        "{} expires in {} days ({})"
    ),
    text!("ops.expired_on", "{} a expiré le {}", "{} expired on {}"),
    text!(
        "ops.renew_before",
        "à renouveler sur la plateforme avant le {}",
        "renew on the platform before {}"
    ),
    text!(
        "ops.check_ok",
        "{} certificat(s) ; prochain : {}",
        "{} certificate(s); next: {}"
    ),
    text!(
        "ops.check_none",
        "aucun certificat à surveiller",
        "no certificate to watch"
    ),
    text!("ops.days_left", "{} jours", "{} days"),
    text!("ops.expired", "expiré", "expired"),
    text!("ops.replaced_by", "remplacé par {}", "replaced by {}"),
    text!(
        "ops.check_unreadable",
        "{} illisible : {}",
        "{} unreadable: {}"
    ),
    text!(
        "ops.key_password_wizard",
        "un assistant est en cours pour cette demande et garde le mot de passe de la clé : terminez-le avant de changer le mot de passe",
        "a wizard run is under way for this request and keeps the key's password: finish it before changing the password"
    ),
    text!("field.new_key_password", "nouveau mot de passe de la clé", "new key password"),
    text!("ops.key_password_changed", "mot de passe de la clé de {} changé", "key password of {} changed"),
    text!("ops.key_password_added", "clé de {} désormais protégée par un mot de passe", "key of {} now protected by a password"),
    text!("ops.key_password_removed", "mot de passe de la clé de {} retiré", "key password of {} removed"),
    text!("ops.key_password_unchanged", "la clé de {} n'avait pas de mot de passe : rien à faire", "the key of {} had no password: nothing to do"),
];
