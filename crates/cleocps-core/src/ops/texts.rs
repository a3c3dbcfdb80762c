//! Texts of `status` and `check`. See `i18n`.

use crate::i18n::Text;
use crate::text;

pub static TEXTS: &[Text] = &[
    text!(
        "ops.expires_in",
        "{} expire dans {} jours ({})",
        "{} expires in {} days ({})"
    ),
    text!("ops.expired_on", "{} a expiré le {}", "{} expired on {}"),
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
    text!(
        "ops.check_unreadable",
        "{} illisible : {}",
        "{} unreadable: {}"
    ),
];
