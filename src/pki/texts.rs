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
    // --- CMS (pki::cms) ---
    text!(
        "pki.sign_failed",
        "signature impossible : {}",
        "signing failed: {}"
    ),
    text!(
        "pki.bad_cms",
        "message CMS illisible ou incomplet : {}",
        "unreadable or incomplete CMS message: {}"
    ),
    text!(
        "pki.bad_signature",
        "la signature du message ne se vérifie pas (message altéré ou mauvais signataire)",
        "the message signature does not verify (altered message or wrong signer)"
    ),
    text!(
        "pki.not_for_this_key",
        "ce message n'est pas chiffré pour cette clé : vérifiez le certificat du destinataire",
        "this message is not encrypted for this key: check the recipient certificate"
    ),
    text!(
        "pki.not_rsa_key",
        "le certificat ne porte pas de clé RSA",
        "the certificate does not carry an RSA key"
    ),
];
