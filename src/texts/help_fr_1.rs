//! French help texts, part 1 of 3 (see `help_fr`): each English text
//! of the clap definition, as written in its doc comments, with its French.

use cleocps_core::i18n::Text;
use cleocps_core::text;

pub static TEXTS: &[Text] = &[
    text!(
        "help.value.ssl",
        "SERV SSL_SERV : un serveur TLS (FQDN)",
        "SERV SSL_SERV: a TLS server (FQDN)"
    ),
    text!(
        "help.value.smime",
        "SERV S/MIME : la boîte aux lettres d'un serveur",
        "SERV S/MIME: a server's mailbox"
    ),
    text!(
        "help.value.serv_sign",
        "SERV SIGN : un serveur qui signe (FQDN)",
        "SERV SIGN: a server that signs (FQDN)"
    ),
    text!(
        "help.value.serv_conf",
        "SERV CONF : un serveur qui déchiffre (FQDN)",
        "SERV CONF: a server that deciphers (FQDN)"
    ),
    text!(
        "help.value.org_auth_cli",
        "ORG AUTH_CLI : un service qui s'authentifie comme client (INSi : INSI-AUTO ou INSI-MANU, DMP)",
        "ORG AUTH_CLI: a service authenticating as a client (INSi: INSI-AUTO or INSI-MANU, DMP)"
    ),
    text!(
        "help.value.org_sign",
        "ORG SIGN : un service qui signe des documents",
        "ORG SIGN: a service that signs documents"
    ),
    text!(
        "help.value.org_conf",
        "ORG CONF : un service qui déchiffre",
        "ORG CONF: a service that deciphers"
    ),
    text!(
        "help.1024_bit_key_for_legacy",
        "Clé de 1024 bits pour systèmes anciens (IGC-Santé exige 2048)",
        "1024-bit key for legacy systems (IGC-Santé requires 2048)"
    ),
    text!(
        "help.3des_and_sha_1_mac",
        "3DES et MAC SHA-1, pour les anciens Windows et Java",
        "3DES and SHA-1 MAC, for old Windows and Java"
    ),
    text!(
        "help.name_key_crt_chain_pem",
        "<nom>.key, .crt, .chain.pem, .fullchain.pem dans un répertoire",
        "<name>.key, .crt, .chain.pem, .fullchain.pem into a directory"
    ),
    text!(
        "help.a_pkcs_10_csr_only",
        "Une demande PKCS#10 seule, pour la plateforme IGC-Santé (sans carte)",
        "A PKCS#10 CSR only, for a web portal (no card)"
    ),
    text!(
        "help.a_pkcs_10_request_pem",
        "Une demande PKCS#10 (PEM ou DER) : le certificat et sa chaîne sont écrits dans --out (PEM)",
        "A PKCS#10 request (PEM or DER): the certificate and chain are written to --out (PEM)"
    ),
    text!(
        "help.a_pkcs_12_p12_under",
        "Un PKCS#12 (.p12) sous son propre mot de passe",
        "A PKCS#12 (.p12) under its own password"
    ),
    text!(
        "help.a_pkcs_12_file_p12",
        "Un fichier PKCS#12 (.p12/.pfx) : clé, certificat et chaîne",
        "A PKCS#12 file (.p12/.pfx): key, certificate and chain"
    ),
    text!(
        "help.a_new_request_pre_filled",
        "Une nouvelle demande pré-remplie à partir de celle-ci (renouvellement, ou recommencer après un refus)",
        "A new request pre-filled from this one (renewal, or start over after a rejection)"
    ),
    text!(
        "help.a_target_that_is_a",
        "Une cible qui est un lien symbolique : remplacer le fichier qu'il désigne (jamais suivi sinon)",
        "A target that is a symbolic link: replace the file it points to (never followed otherwise)"
    ),
    text!(
        "help.accept_a_leading_in_names",
        "Accepter « *. » en tête des noms",
        "Accept a leading \"*.\" in names"
    ),
    text!(
        "help.accepted_for_symmetry_the_answer",
        "Accepté par symétrie ; la réponse est reconnue par sa clé publique, aucun mot de passe n'est nécessaire",
        "Accepted for symmetry; the answer is matched by public key, no password needed"
    ),
    text!(
        "help.act_as_the_igc_sant",
        "Jouer la plateforme IGC-Santé : délivrer tout type de demande, pour une demande PKCS#10 (certificat et chaîne) ou pour une clé qu'elle fabrique (le .p12 de la plateforme)",
        "Act as the IGC-Santé platform: issue any request type, for a CSR (certificate and chain) or for a key it makes (the platform's .p12)"
    ),
    text!(
        "help.allow_a_non_interactive_run",
        "Permettre à une exécution non interactive d'utiliser le dernier essai de code porteur",
        "Allow a non-interactive run to use the card's last PIN try"
    ),
    text!(
        "help.also_a_request_holding_an",
        "Aussi une demande qui détient un certificat délivré",
        "Also a request holding an issued certificate"
    ),
    text!(
        "help.also_trust_this_ca_certificate",
        "Faire aussi confiance à ce certificat d'autorité (PEM) comme ancre ; répétable (s'ajoute à trust.anchors)",
        "Also trust this CA certificate (PEM) as an anchor; repeatable (adds to trust.anchors)"
    ),
    text!(
        "help.answer_request_mails_read_the",
        "Répondre aux demandes reçues par courriel : lire la boîte (imap/maildir) et répondre (smtp/sendmail/outbox) comme le dit la configuration",
        "Answer request mails: read the mailbox (imap/maildir) and answer (smtp/sendmail/outbox) as the configuration says"
    ),
    text!(
        "help.base_name_of_the_files",
        "Nom de base des fichiers (par défaut : le nom de la demande), p. ex. le FQDN",
        "Base name of the files (default: the request's name), e.g. the FQDN"
    ),
    text!(
        "help.critical_when_a_certificate_has",
        "CRITIQUE quand il reste à un certificat ce nombre de jours ou moins (ou qu'il a expiré : la plateforme ne peut plus le renouveler)",
        "CRITICAL when a certificate has this many days left or fewer (or has expired: the platform cannot renew it)"
    ),
    text!(
        "help.crl_distribution_point_of_the",
        "Point de distribution de la liste de révocation du certificat délivré ; répétable (par défaut : « pointers » de ra.json)",
        "CRL distribution point of the issued certificate; repeatable (default: ra.json \"pointers\")"
    ),
    text!(
        "help.card_holder_identifier_default_the",
        "Identifiant du porteur (par défaut : le porteur de la carte)",
        "Card holder identifier (default: the holder of the card)"
    ),
    text!(
        "help.certificate_requests",
        "Demandes de certificat",
        "Certificate requests"
    ),
    text!(
        "help.change_add_or_remove_the",
        "Changer, ajouter ou retirer le mot de passe de la clé (la clé elle-même reste)",
        "Change, add or remove the key's password (the key itself stays)"
    ),
    text!(
        "help.check_again_until_an_answer",
        "Relever de nouveau jusqu'à l'arrivée d'une réponse, au plus SECONDES (Ctrl-C arrête)",
        "Check again until an answer comes, at most SECONDS (Ctrl-C stops)"
    ),
    text!(
        "help.check_what_the_card_path",
        "Vérifier ce dont le chemin de la carte a besoin, une ligne par vérification",
        "Check what the card path needs, one line per check"
    ),
    text!(
        "help.city",
        "Ville",
        "City"
    ),
    text!(
        "help.cleowizard_the_whole_procedure_in",
        "CleoWizard : toute la procédure d'un coup",
        "CleoWizard: the whole procedure in one go"
    ),
    text!(
        "help.command_to_run_on_the",
        "Commande à lancer sur le serveur au lieu d'un shell (après --)",
        "Command to run on the server instead of a shell (after --)"
    ),
    text!(
        "help.configuration_file_default_cleocps_config",
        "Fichier de configuration (par défaut : $CLEOCPS_CONFIG, sinon $XDG_CONFIG_HOME/cleocps/config.json)",
        "Configuration file (default: $CLEOCPS_CONFIG, else $XDG_CONFIG_HOME/cleocps/config.json)"
    ),
    text!(
        "help.country_default_fr",
        "Pays (par défaut FR)",
        "Country (default FR)"
    ),
    text!(
        "help.create_a_folder_default_name",
        "Créer un dossier (nom par défaut « Dossier N »)",
        "Create a folder (default name \"Dossier N\")"
    ),
    text!(
        "help.create_a_registration_server_test",
        "Créer un serveur d'inscription : autorités de test, son certificat, une autorité de cartes",
        "Create a registration server: test CAs, its certificate, a card CA"
    ),
    text!(
        "help.create_a_rehearsal_soft_token",
        "Créer un jeton logiciel de répétition à partir d'un certificat et d'une clé de porteur",
        "Create a rehearsal soft token from a holder certificate and key"
    ),
    text!(
        "help.create_a_request_folder_name",
        "Créer une demande : DOSSIER/NOM (ou DOSSIER pour le nom par défaut « Demande N »)",
        "Create a request: FOLDER/NAME (or FOLDER for the default name \"Demande N\")"
    ),
    text!(
        "help.delete_a_folder_with_its",
        "Supprimer un dossier (avec ses demandes seulement avec --force)",
        "Delete a folder (with its requests only with --force)"
    ),
    text!(
        "help.delete_a_request",
        "Supprimer une demande",
        "Delete a request"
    ),
    text!(
        "help.d_partement_e_g_paris",
        "Département, p. ex. « Paris (75) » (--new-key)",
        "Département, e.g. \"Paris (75)\" (--new-key)"
    ),
    text!(
        "help.d_partement_e_g_sarthe",
        "Département, p. ex. « Sarthe (72) »",
        "Département, e.g. \"Sarthe (72)\""
    ),
    text!(
        "help.every_request_holding_a_certificate",
        "Chaque demande qui détient un certificat : CN, numéro de série, expiration, jours restants, la plus proche d'abord",
        "Every request holding a certificate: CN, serial, expiry, days left, soonest first"
    ),
    text!(
        "help.every_sent_request",
        "Chaque demande envoyée",
        "Every sent request"
    ),
    text!(
        "help.extra_dns_name_ssl_repeatable",
        "Nom DNS supplémentaire (SSL), répétable ; remplace la liste",
        "Extra DNS name (SSL), repeatable; replaces the list"
    ),
    text!(
        "help.extra_ssh_option_o_repeatable",
        "Option ssh supplémentaire (-o), répétable, p. ex. Port=2222",
        "Extra ssh option (-o), repeatable, e.g. Port=2222"
    ),
    text!(
        "help.folder_name",
        "DOSSIER/NOM",
        "FOLDER/NAME"
    ),
    text!(
        "help.folder_name_or_all",
        "DOSSIER/NOM (ou --all)",
        "FOLDER/NAME (or --all)"
    ),
    text!(
        "help.folder_name_of_the_new",
        "DOSSIER/NOM de la nouvelle demande (le dossier est créé s'il manque)",
        "FOLDER/NAME of the new request (the folder is created when missing)"
    ),
    text!(
        "help.folder_name_in_request_generated",
        "DOSSIER/NOM, à l'état « demande générée » ou « envoyée »",
        "FOLDER/NAME, in request_generated or sent"
    ),
    text!(
        "help.file_whose_first_line_is",
        "Fichier dont la première ligne est le mot de passe du .p12 (--new-key)",
        "File whose first line is the .p12's password (--new-key)"
    ),
    text!(
        "help.file_whose_first_line_is_2",
        "Fichier dont la première ligne est le code porteur (scripts) ; sinon demandé au terminal",
        "File whose first line is the PIN (scripts); otherwise asked on the terminal"
    ),
    text!(
        "help.file_whose_first_line_is_3",
        "Fichier dont la première ligne est le mot de passe du PKCS#12",
        "File whose first line is the PKCS#12 password"
    ),
    text!(
        "help.file_whose_first_line_is_4",
        "Fichier dont la première ligne est le mot de passe de la clé",
        "File whose first line is the key password"
    ),
    text!(
        "help.file_whose_first_line_is_5",
        "Fichier dont la première ligne est le mot de passe actuel de la clé (demandé au terminal quand la clé en a un)",
        "File whose first line is the key's current password (asked on a terminal when the key has one)"
    ),
    text!(
        "help.file_whose_first_line_is_6",
        "Fichier dont la première ligne est le nouveau mot de passe de la clé",
        "File whose first line is the new key password"
    ),
    text!(
        "help.file_whose_first_line_is_7",
        "Fichier dont la première ligne est le nouveau mot de passe (sinon demandé deux fois au terminal)",
        "File whose first line is the new password (asked twice on a terminal otherwise)"
    ),
    text!(
        "help.file_whose_first_line_is_8",
        "Fichier dont la première ligne est le mot de passe du fichier --key, s'il est chiffré",
        "File whose first line is the password of the --key file, if it is encrypted"
    ),
];
