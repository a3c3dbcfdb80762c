use crate::lang::Text;
use crate::text;

pub static TEXTS: &[Text] = &[
    text!(
        "card.no_module",
        "aucune bibliothèque PKCS#11 trouvée (essayé : {}) : installez la Cryptolib CPS ou donnez --pkcs11-module",
        "no PKCS#11 library found (tried: {}): install the CPS Cryptolib or give --pkcs11-module"
    ),
    text!(
        "card.module_not_loadable",
        "{} n'est pas une bibliothèque PKCS#11 utilisable ({}) : vérifiez le chemin (--pkcs11-module)",
        "{} is not a usable PKCS#11 library ({}): check the path (--pkcs11-module)"
    ),
    text!(
        "card.no_token",
        "aucune carte détectée par {} : insérez la carte CPS dans le lecteur (et vérifiez que pcscd tourne)",
        "no card seen by {}: insert the CPS card in the reader (and check that pcscd runs)"
    ),
    text!(
        "card.token_not_found",
        "aucune carte « {} » ; cartes présentes : {}",
        "no card \"{}\"; cards present: {}"
    ),
    text!(
        "card.removed",
        "la carte a été retirée pendant l'opération : réinsérez-la et recommencez",
        "the card was removed during the operation: insert it again and retry"
    ),
    text!(
        "card.several_tokens",
        "plusieurs cartes présentes ({}) : choisissez-en une avec --token-label",
        "several cards present ({}): choose one with --token-label"
    ),
    text!(
        "card.no_signature_key",
        "la carte « {} » n'a pas de clé de signature (CPS_PRIV_SIG) : est-ce bien une carte CPx ?",
        "card \"{}\" has no signature key (CPS_PRIV_SIG): is it a CPx card?"
    ),
    text!(
        "card.no_certificate",
        "la carte « {} » n'a pas de certificat de signature lisible : est-ce bien une carte CPx ?",
        "card \"{}\" has no readable signature certificate: is it a CPx card?"
    ),
    text!(
        "card.certificate_expired",
        "le certificat de signature de la carte a expiré le {} : demandez une nouvelle carte",
        "the card's signature certificate expired on {}: ask for a new card"
    ),
    text!(
        "card.key_certificate_mismatch",
        "la clé de signature de la carte ne correspond pas à son certificat : la carte est peut-être défectueuse",
        "the card's signature key does not match its certificate: the card may be faulty"
    ),
    text!(
        "card.wrong_pin",
        "code porteur incorrect : attention, après trois erreurs la carte est bloquée",
        "wrong PIN: beware, three wrong PINs block the card"
    ),
    text!(
        "card.pin_locked",
        "code porteur bloqué : la carte doit être débloquée avec son code de déblocage (PUK), hors de cleocps",
        "PIN locked: the card must be unblocked with its unblocking code (PUK), outside cleocps"
    ),
    text!(
        "card.pin_length",
        "le code porteur doit comporter de {} à {} caractères (la carte n'a pas été sollicitée)",
        "the PIN must have {} to {} characters (the card was not tried)"
    ),
    text!(
        "card.pin_empty",
        "saisissez le code porteur de la carte",
        "type the card's PIN"
    ),
    text!(
        "card.final_try_refused",
        "dernier essai du code porteur : refusé en mode non interactif (un code faux bloquerait la carte) ; saisissez-le de façon interactive ou ajoutez --allow-last-pin-try",
        "last PIN try: refused in non-interactive mode (a wrong PIN would block the card); type it interactively or add --allow-last-pin-try"
    ),
    text!(
        "card.soft_token",
        "carte logicielle {} illisible ou impossible à écrire : {}",
        "soft token {} unreadable or not writable: {}"
    ),
    text!("card.pkcs11", "erreur de la carte : {}", "card error: {}"),
    text!(
        "card.warn.count_low",
        "2 essais restants : un code porteur faux a déjà été saisi, au troisième la carte se bloque",
        "2 tries left: a wrong PIN was already typed, the third one locks the card"
    ),
    text!(
        "card.warn.final_try",
        "1 essai restant, le dernier : un code porteur faux bloque la carte",
        "1 try left, the last one: a wrong PIN blocks the card"
    ),
    text!(
        "card.fix.module",
        "installez la Cryptolib CPS (libcps3_pkcs11_lux.so) ou donnez --pkcs11-module / CLEOCPS_PKCS11_MODULE",
        "install the CPS Cryptolib (libcps3_pkcs11_lux.so) or give --pkcs11-module / CLEOCPS_PKCS11_MODULE"
    ),
    text!(
        "card.fix.pcscd",
        "démarrez pcscd (systemctl start pcscd) et branchez le lecteur",
        "start pcscd (systemctl start pcscd) and plug in the reader"
    ),
    text!(
        "card.fix.token",
        "insérez la carte ; s'il y en a plusieurs, donnez --token-label",
        "insert the card; if there are several, give --token-label"
    ),
    text!(
        "card.fix.certificate",
        "utilisez une carte CPx en cours de validité",
        "use a valid CPx card"
    ),
    text!(
        "card.fix.expired",
        "demandez le renouvellement de votre carte CPx",
        "ask for the renewal of your CPx card"
    ),
    text!(
        "card.fix.ra",
        "indiquez le certificat du serveur d'inscription dans la configuration",
        "set the registration server certificate in the configuration"
    ),
    text!(
        "card.doctor.no_ra",
        "aucun certificat du serveur d'inscription configuré",
        "no registration server certificate configured"
    ),
    text!(
        "card.doctor.ra",
        "{} (valable jusqu'au {})",
        "{} (valid until {})"
    ),
    text!(
        "card.forwarding_dead",
        "la carte transférée par SSH ne répond plus (socket {}) : relancez « cleocps card share --ssh UTILISATEUR@SERVEUR » sur votre poste, où la carte est insérée",
        "the card forwarded over SSH no longer answers (socket {}): run \"cleocps card share --ssh USER@SERVER\" again on your workstation, where the card is inserted"
    ),
    text!(
        "card.doctor.forwarded",
        "carte atteinte par transfert SSH (socket {})",
        "card reached through SSH forwarding (socket {})"
    ),
    text!(
        "card.fix.forwarding",
        "sur votre poste, où la carte est insérée : cleocps card share --ssh UTILISATEUR@SERVEUR",
        "on your workstation, where the card is inserted: cleocps card share --ssh USER@SERVER"
    ),
    text!(
        "card.share_failed",
        "impossible de partager la carte : {}",
        "cannot share the card: {}"
    ),
    text!(
        "card.share_unsupported",
        "le partage de carte demande Linux ou macOS (p11-kit) : sur ce système, utilisez un lecteur sur le serveur",
        "card sharing needs Linux or macOS (p11-kit): on this system, use a reader on the server"
    ),
];
