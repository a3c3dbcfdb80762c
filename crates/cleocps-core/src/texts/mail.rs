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
    text!(
        "mail.server_named",
        "le serveur {} {}",
        "the {} server {}"
    ),
    text!(
        "tls.handshake",
        "connexion TLS impossible avec {} : {}",
        "TLS connection to {} failed: {}"
    ),
    text!(
        "tls.refused",
        "{} présente un certificat TLS refusé ({}) : {}",
        "{} presents a TLS certificate that is refused ({}): {}"
    ),
    text!(
        "tls.presented",
        "« {} », émis par « {} », {}, valable du {} au {}",
        "\"{}\", issued by \"{}\", {}, valid from {} to {}"
    ),
    text!(
        "tls.why.self_signed",
        "certificat auto-signé que rien n'épingle",
        "self-signed and pinned by nothing"
    ),
    text!(
        "tls.why.untrusted",
        "autorité inconnue",
        "unknown authority"
    ),
    text!(
        "tls.why.name",
        "il porte un autre nom",
        "it is for another name"
    ),
    text!("tls.why.expired", "certificat expiré", "certificate expired"),
    text!(
        "tls.why.not_yet",
        "certificat pas encore valable",
        "certificate not valid yet"
    ),
    text!(
        "tls.why.purpose",
        "certificat qui n'est pas fait pour un serveur TLS",
        "certificate not made for a TLS server"
    ),
    text!(
        "tls.why.pin",
        "ce n'est pas le certificat épinglé",
        "not the pinned certificate"
    ),
    text!(
        "tls.fix.pin",
        "S'il s'agit bien de votre serveur, épinglez ce certificat : cleocps config set {}.tls_fingerprint {}",
        "If this is your server, pin its certificate: cleocps config set {}.tls_fingerprint {}"
    ),
    text!(
        "tls.fix.pin_changed",
        "Si le certificat du serveur a été changé volontairement, épinglez le nouveau : cleocps config set {}.tls_fingerprint {}",
        "If the server's certificate was changed on purpose, pin the new one: cleocps config set {}.tls_fingerprint {}"
    ),
    text!(
        "tls.fix.ca_file",
        "Indiquez le certificat de l'autorité « {} » dans {}.ca_file : cleocps config set {}.ca_file FICHIER",
        "Give the certificate of the authority \"{}\" as {}.ca_file: cleocps config set {}.ca_file FILE"
    ),
    text!(
        "tls.fix.name_host",
        "Indiquez dans {}.host le nom inscrit dans le certificat, ou épinglez-le : cleocps config set {}.tls_fingerprint {}",
        "Set {}.host to the name in the certificate, or pin it: cleocps config set {}.tls_fingerprint {}"
    ),
    text!(
        "tls.fix.name_url",
        "Mettez dans {}.url le nom inscrit dans le certificat, ou épinglez-le : cleocps config set {}.tls_fingerprint {}",
        "Put the name in the certificate in {}.url, or pin it: cleocps config set {}.tls_fingerprint {}"
    ),
    text!(
        "tls.fix.dates",
        "Faites renouveler le certificat du serveur, ou vérifiez l'horloge de cette machine",
        "Have the server's certificate renewed, or check this machine's clock"
    ),
    text!(
        "tls.fix.purpose",
        "Le serveur doit présenter un certificat de serveur TLS",
        "The server must present a TLS server certificate"
    ),
    text!(
        "tls.bad_pin",
        "{} : « {} » n'est pas une empreinte SHA256:… (64 chiffres hexadécimaux, deux-points permis)",
        "{}: \"{}\" is not a SHA256:… fingerprint (64 hex digits, colons allowed)"
    ),
    text!(
        "mail.oversized",
        "le serveur {} {} envoie plus de {} Mio en réponse à une seule commande : connexion coupée ; vérifiez qu'il s'agit bien du serveur de messagerie",
        "the {} server {} sends more than {} MiB in answer to one command: connection cut; check that it is really the mail server"
    ),
];
