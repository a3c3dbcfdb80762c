use crate::i18n::Text;
use crate::text;

pub static TEXTS: &[Text] = &[
    text!(
        "pki.wrong_key_password",
        "mot de passe de la clé incorrect",
        "wrong key password"
    ),
    text!(
        "pki.key_password_needed",
        "la clé est protégée par un mot de passe : donnez-le (--key-password-file)",
        "the key is protected by a password: give it (--key-password-file)"
    ),
    text!(
        "pki.bad_key_file",
        "fichier de clé illisible : {}",
        "unreadable key file: {}"
    ),
    text!(
        "pki.crypto",
        "erreur cryptographique : {}",
        "cryptographic error: {}"
    ),
];
