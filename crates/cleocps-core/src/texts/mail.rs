use crate::lang::Text;
use crate::text;

pub static TEXTS: &[Text] = &[
    text!(
        "mail.no_sender",
        "aucun moyen d'envoi configuré : renseignez smtp, sendmail ou outbox dans la configuration",
        "no way to send mail is configured: set smtp, sendmail or outbox in the configuration"
    ),
    text!(
        "mail.no_receiver",
        "aucune boîte aux lettres configurée : renseignez imap ou maildir dans la configuration",
        "no mailbox is configured: set imap or maildir in the configuration"
    ),
    text!(
        "mail.missing",
        "la clé « {} » manque dans la configuration",
        "the key \"{}\" is missing from the configuration"
    ),
    text!(
        "mail.bad_address",
        "adresse « {} » invalide (clé {} de la configuration)",
        "invalid address \"{}\" (configuration key {})"
    ),
    text!(
        "mail.plaintext",
        "connexion {} non chiffrée vers {} refusée : utilisez \"security\": \"starttls\" ou \"tls\" (ou \"allow_plaintext\": true en connaissance de cause)",
        "unencrypted {} connection to {} refused: use \"security\": \"starttls\" or \"tls\" (or \"allow_plaintext\": true if you really mean it)"
    ),
    text!(
        "mail.refused",
        "le serveur {} {}:{} refuse la connexion : vérifiez l'hôte, le port et que le serveur fonctionne",
        "the {} server {}:{} refused the connection: check host, port and that the server is running"
    ),
    text!(
        "mail.timeout",
        "le serveur {} {}:{} ne répond pas (délai dépassé) : vérifiez le réseau, le port ou augmentez timeout_s",
        "the {} server {}:{} does not answer (timeout): check the network and port, or raise timeout_s"
    ),
    text!(
        "mail.tls",
        "certificat TLS du serveur {} {} non reconnu ({}) : indiquez dans ca_file l'autorité qui l'a signé",
        "TLS certificate of the {} server {} not trusted ({}): set ca_file to the authority that signed it"
    ),
    text!(
        "mail.auth",
        "authentification refusée par le serveur {} pour l'utilisateur « {} » : vérifiez user et le fichier password_file",
        "authentication refused by the {} server for user \"{}\": check user and the password_file"
    ),
    text!(
        "mail.no_password",
        "{} : \"user\" est renseigné mais pas \"password_file\"",
        "{}: \"user\" is set but \"password_file\" is not"
    ),
    text!(
        "mail.recipient",
        "destinataire {} refusé par le serveur ({}) : vérifiez registration.address",
        "recipient {} refused by the server ({}): check registration.address"
    ),
    text!(
        "mail.server",
        "le serveur {} a refusé : {}",
        "the {} server refused: {}"
    ),
    text!(
        "mail.tls_name",
        "le certificat TLS du serveur {} ne porte pas le nom {} ({}) : indiquez dans host le nom inscrit dans son certificat",
        "the {} server's TLS certificate is not for the name {} ({}): set host to the name its certificate carries"
    ),
    text!(
        "mail.ca_file",
        "fichier d'autorité ca_file {} illisible : {}",
        "CA file (ca_file) {} unusable: {}"
    ),
    text!(
        "mail.sendmail",
        "échec de sendmail ({}) : {}",
        "sendmail ({}) failed: {}"
    ),
    text!(
        "mail.outbox",
        "écriture impossible dans la boîte d'envoi {} : {}",
        "cannot write into the outbox {}: {}"
    ),
    text!(
        "mail.maildir",
        "lecture impossible du Maildir {} : {}",
        "cannot read the Maildir {}: {}"
    ),
    text!(
        "mail.mailbox",
        "lecture impossible de la boîte « {} » : {}",
        "cannot read the mailbox \"{}\": {}"
    ),
    text!(
        "mail.no_p7m",
        "« {} » n'a pas de demande .p7m à envoyer (générée avec --csr-only pour le portail) : déposez le CSR sur le portail, ou créez une demande signée par la carte",
        "\"{}\" has no .p7m request to send (generated with --csr-only for the portal): upload the CSR on the portal, or create a request signed by the card"
    ),
    text!(
        "mail.compose",
        "composition du courriel impossible : {}",
        "cannot compose the mail: {}"
    ),
    text!(
        "mail.nothing_yet",
        "pas encore de réponse pour « {} » dans la boîte ; réessayez plus tard (cleocps response fetch --wait 600)",
        "no answer yet for \"{}\" in the mailbox; try again later (cleocps response fetch --wait 600)"
    ),
    text!(
        "mail.nothing_at_all",
        "aucune réponse nouvelle dans la boîte",
        "no new answer in the mailbox"
    ),
    text!(
        "mail.body",
        "Bonjour,\r\n\r\nVeuillez trouver ci-joint la demande de certificat serveur {} ({}), signée par la carte CPS de l'administrateur et chiffrée pour le serveur d'inscription.\r\n\r\n-- \r\ncleocps\r\n",
        "Hello,\r\n\r\nAttached is the server certificate request {} ({}), signed by the administrator's CPS card and encrypted for the registration server.\r\n\r\n-- \r\ncleocps\r\n"
    ),
];
