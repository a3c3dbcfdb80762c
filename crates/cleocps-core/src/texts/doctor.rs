use crate::lang::Text;
use crate::text;

pub static TEXTS: &[Text] = &[
    text!("doctor.service_ok", "connexion et authentification réussies", "connected and authenticated"),
    text!(
        "doctor.ra_expired",
        "expiré : {}",
        "expired: {}"
    ),
    text!(
        "doctor.ra_no_encryption",
        "ne permet pas le chiffrement (clé non RSA ou usage sans keyEncipherment) : {}",
        "not usable for encryption (not an RSA key, or key usage without keyEncipherment): {}"
    ),
    text!(
        "doctor.fix.smtp",
        "vérifiez smtp.host, smtp.port, smtp.security, smtp.user et smtp.password_file dans la configuration",
        "check smtp.host, smtp.port, smtp.security, smtp.user and smtp.password_file in the configuration"
    ),
    text!(
        "doctor.fix.imap",
        "vérifiez imap.host, imap.port, imap.user, imap.password_file et imap.mailbox dans la configuration",
        "check imap.host, imap.port, imap.user, imap.password_file and imap.mailbox in the configuration"
    ),
    text!(
        "doctor.fix.ldap",
        "vérifiez que l'annuaire répond, puis ldap.url, ldap.bind_dn, ldap.password_file et ldap.base dans la configuration",
        "check that the directory answers, then ldap.url, ldap.bind_dn, ldap.password_file and ldap.base in the configuration"
    ),
    text!(
        "doctor.fix.trust",
        "trust.anchors dans la configuration : « igc-sante », « igc-sante-test » ou le chemin d'un certificat d'AC racine",
        "trust.anchors in the configuration: \"igc-sante\", \"igc-sante-test\" or the path of a root CA certificate"
    ),
    text!(
        "doctor.ws_absent",
        "{} (sera créé à la première écriture)",
        "{} (made at the first write)"
    ),
    text!(
        "doctor.ws_open",
        "{} est lisible par d'autres (mode {})",
        "{} can be read by others (mode {})"
    ),
    text!("doctor.fix.ws_mode", "chmod 700 {}", "chmod 700 {}"),
    text!(
        "doctor.ws_damaged",
        "entrées endommagées : {}",
        "damaged entries: {}"
    ),
    text!(
        "doctor.fix.ws_damaged",
        "réparez ou retirez ces entrées à la main ; les autres demandes fonctionnent",
        "repair or move these entries by hand; the other requests work"
    ),
    // The local ways (no server).
    text!("doctor.not_found", "{} : introuvable", "{}: not found"),
    text!("doctor.denied", "{} : accès refusé", "{}: permission denied"),
    text!("doctor.not_executable", "{} : ce n'est pas un programme exécutable", "{}: not an executable program"),
    text!("doctor.not_a_dir", "{} : ce n'est pas un dossier", "{}: not a directory"),
    text!("doctor.made_at_send", "{} (sera créé au premier envoi)", "{} (made at the first sending)"),
    text!("doctor.maildir", "{} : {} message(s)", "{}: {} message(s)"),
    text!(
        "doctor.fix.sendmail",
        "indiquez le chemin du programme sendmail du serveur (souvent /usr/sbin/sendmail)",
        "give the path of the server's sendmail program (often /usr/sbin/sendmail)"
    ),
    text!(
        "doctor.fix.outbox",
        "indiquez un dossier existant, ou dont le dossier parent existe",
        "give a directory that exists, or whose parent exists"
    ),
    text!(
        "doctor.fix.maildir",
        "indiquez un Maildir (un dossier avec new/ et cur/) que cleocps peut lire",
        "give a Maildir (a directory with new/ and cur/) that cleocps can read"
    ),
    text!(
        "doctor.fix.directory_file",
        "indiquez un fichier annuaire JSON lisible (« servers » : [...])",
        "give a readable JSON directory file (\"servers\": [...])"
    ),
    text!(
        "doctor.revocation_off",
        "vérification de la révocation désactivée (revocation.mode = off)",
        "revocation checks off (revocation.mode = off)"
    ),
    text!(
        "doctor.revocation_none",
        "aucun certificat en service dont vérifier la révocation",
        "no certificate in service whose revocation to check"
    ),
    text!(
        "doctor.revocation_answered",
        "{} certificat(s) sur {} avec une réponse de révocation vérifiée (OCSP : {}, liste de révocation : {})",
        "{} of {} certificate(s) with a verified revocation answer (OCSP: {}, revocation list: {})"
    ),
    text!(
        "doctor.fix.revocation",
        "un certificat révoqué doit être remplacé (nouvelle demande) ; si les répondeurs OCSP et listes de révocation sont injoignables, ouvrez l'accès HTTP sortant vers eux, ou mettez revocation.mode à off sur un serveur isolé",
        "a revoked certificate must be replaced (new request); if the OCSP responders and revocation lists are unreachable, allow outgoing HTTP to them, or set revocation.mode to off on an isolated server"
    ),
];
