//! The command line's help in French: each text of the clap definition
//! (its doc comments) is found by its English wording, so `--help` reads
//! in the user's language without a second definition to keep in step.

use crate::i18n::{Lang, Text};
use clap::Command;
use cleocps_core::text;

/// Headings and usage line of clap's help, in French.
const TEMPLATE_FR: &str =
    "{before-help}{about-with-newline}\nUtilisation : {usage}\n\n{all-args}{after-help}";

/// `cmd` with every about and help text in `lang` (English: as written).
pub fn localized(cmd: Command, lang: Lang) -> Command {
    match lang {
        Lang::En => cmd,
        Lang::Fr => {
            // clap adds its `help` subcommands when it builds the tree: they
            // are given their French once built.
            let mut cmd = french(cmd);
            cmd.build();
            help_subcommands(cmd)
        }
    }
}

fn help_subcommands(mut cmd: Command) -> Command {
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        cmd = if name == "help" {
            cmd.mut_subcommand(name, |s| {
                s.about("Afficher ce message ou l'aide des sous-commandes données")
            })
        } else {
            cmd.mut_subcommand(name, help_subcommands)
        };
    }
    cmd
}

/// The French of an English help text, when the table has it.
pub fn french_of(english: &str) -> Option<&'static str> {
    TEXTS.iter().find(|t| t.en == english).map(|t| t.fr)
}

fn french(mut cmd: Command) -> Command {
    let about = cmd.get_about().map(|s| s.to_string());
    if let Some(fr) = about.as_deref().and_then(french_of) {
        cmd = cmd.about(fr);
    }
    let long = cmd.get_long_about().map(|s| s.to_string());
    if let Some(fr) = long.as_deref().and_then(french_of) {
        cmd = cmd.long_about(fr);
    }
    let ids: Vec<clap::Id> = cmd.get_arguments().map(|a| a.get_id().clone()).collect();
    for id in ids {
        cmd = cmd.mut_arg(id, french_arg);
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        cmd = cmd.mut_subcommand(name, french);
    }
    if cmd.get_version().is_some() {
        cmd = cmd.disable_version_flag(true).arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version)
                .help("Afficher la version")
                .help_heading("Options"),
        );
    }
    cmd.help_template(TEMPLATE_FR)
        .subcommand_help_heading("Commandes")
        .disable_help_flag(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help("Afficher l'aide")
                .help_heading("Options"),
        )
}

/// One argument in French: its help, its heading, and its possible values
/// (clap would name them in English) written into the help.
fn french_arg(a: clap::Arg) -> clap::Arg {
    let heading = if a.is_positional() {
        "Arguments"
    } else {
        "Options"
    };
    let mut help = a
        .get_help()
        .map(|s| s.to_string())
        .map(|h| french_of(&h).map_or(h, str::to_string))
        .unwrap_or_default();
    let values: Vec<(String, Option<String>)> = a
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| {
            (
                v.get_name().to_string(),
                v.get_help().map(|h| h.to_string()),
            )
        })
        .collect();
    let a = a.help_heading(heading);
    if values.is_empty() || !a.get_action().takes_values() || a.is_hide_possible_values_set() {
        return a.help(help);
    }
    if values.iter().any(|(_, h)| h.is_some()) {
        for (name, value_help) in &values {
            let value_help = value_help.as_deref().unwrap_or("");
            let fr = french_of(value_help).unwrap_or(value_help);
            help.push_str(&format!("\n- {name} — {fr}"));
        }
    } else {
        let names: Vec<&str> = values.iter().map(|(n, _)| n.as_str()).collect();
        help.push_str(&format!(" [valeurs possibles : {}]", names.join(", ")));
    }
    a.help(help).hide_possible_values(true)
}

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
    text!(
        "help.file_whose_first_line_is_9",
        "Fichier dont la première ligne est le mot de passe sous lequel la clé est gardée dans l'espace de travail",
        "File whose first line is the password the key is kept under in the workspace"
    ),
    text!(
        "help.file_whose_first_line_is_10",
        "Fichier dont la première ligne est le mot de passe de la clé enregistrée (pour écrire la clé)",
        "File whose first line is the stored key's password (to write the key out)"
    ),
    text!(
        "help.folders_of_requests",
        "Dossiers de demandes",
        "Folders of requests"
    ),
    text!(
        "help.generate_the_rsa_key_pair",
        "Générer la bi-clé RSA",
        "Generate the RSA key pair"
    ),
    text!(
        "help.handle_one_request_p7m_in",
        "Traiter une demande : .p7m en entrée, smime.p7c (ou un texte REJET) en sortie",
        "Handle one request: .p7m in, smime.p7c (or a REJET text) out"
    ),
    text!(
        "help.holder_key_pkcs_8_pem",
        "Clé du porteur, PKCS#8 PEM sans mot de passe",
        "Holder key, PKCS#8 PEM without password"
    ),
    text!(
        "help.how_long_to_wait_for",
        "Temps d'attente de la réponse, en secondes",
        "How long to wait for the answer, in seconds"
    ),
    text!(
        "help.import_the_answer_smime_p7c",
        "Importer la réponse : smime.p7c ou .p7b (DER, BER ou PEM), paquet PEM, certificat, leur texte base64, ou un courriel enregistré (.eml) qui les contient",
        "Import the answer: smime.p7c or .p7b (DER, BER or PEM), PEM bundle, certificate, their base64 text, or a saved mail (.eml) holding them"
    ),
    text!(
        "help.install_certificate_intermediates_nginx_s",
        "Installer ici le certificat et les intermédiaires (ssl_certificate de nginx)",
        "Install certificate + intermediates (nginx's ssl_certificate) here"
    ),
    text!(
        "help.install_the_ca_chain_pem",
        "Installer ici la chaîne des autorités (PEM)",
        "Install the CA chain (PEM) here"
    ),
    text!(
        "help.install_the_certificate_pem_here",
        "Installer ici le certificat (PEM)",
        "Install the certificate (PEM) here"
    ),
    text!(
        "help.install_the_certificate_where_a",
        "Installer le certificat là où un service le lit, vérifier, recharger ; revenir en arrière en cas d'échec",
        "Install the certificate where a service reads it, check, reload; roll back on failure"
    ),
    text!(
        "help.install_the_key_encrypted_under",
        "Installer la clé chiffrée sous son mot de passe",
        "Install the key encrypted under its password"
    ),
    text!(
        "help.install_the_key_here_clear",
        "Installer ici la clé (PKCS#8 en clair, mode 0600, sauf --encrypted-key / --key-mode)",
        "Install the key here (clear PKCS#8, mode 0600, unless --encrypted-key / --key-mode)"
    ),
    text!(
        "help.json_directory_default_directory_file",
        "Annuaire JSON (par défaut : directory_file de la configuration, sinon celui de DIR)",
        "JSON directory (default: directory_file of the configuration, else DIR's)"
    ),
    text!(
        "help.key_value_repeated_keys_set",
        "CLÉ VALEUR, répété : les clés réglées ensemble sont vérifiées ensemble",
        "KEY VALUE, repeated: keys set together are checked together"
    ),
    text!(
        "help.keep_the_key_without_a",
        "Garder la clé sans mot de passe (déconseillé)",
        "Keep the key without a password (not recommended)"
    ),
    text!(
        "help.keep_this_profile_in_request",
        "Garder ce profil dans request.json : « deploy DOSSIER/NOM » seul le réutilise, un renouvellement en hérite",
        "Keep this profile in request.json: `deploy FOLDER/NAME` alone reuses it, a renewal inherits it"
    ),
    text!(
        "help.key_size_2048_default_3072",
        "Taille de clé : 2048 (par défaut), 3072 ou 4096",
        "Key size: 2048 (default), 3072 or 4096"
    ),
    text!(
        "help.language_of_messages_default_from",
        "Langue des messages (par défaut : d'après LANG)",
        "Language of messages (default: from LANG)"
    ),
    text!(
        "help.list_folders",
        "Lister les dossiers",
        "List folders"
    ),
    text!(
        "help.list_requests",
        "Lister les demandes",
        "List requests"
    ),
    text!(
        "help.list_the_servers_a_holder",
        "Lister les serveurs qu'administre un porteur (FQDN, e-mail, structure, département)",
        "List the servers a holder administers (FQDN, e-mail, structure, département)"
    ),
    text!(
        "help.look_for_the_answer_in",
        "Chercher la réponse dans la boîte aux lettres ; l'importer ou enregistrer le refus",
        "Look for the answer in the mailbox; import it or record the rejection"
    ),
    text!(
        "help.machine_readable_output_on_stdout",
        "Sortie lisible par un programme sur la sortie standard",
        "Machine-readable output on stdout"
    ),
    text!(
        "help.make_a_test_card_holder",
        "Fabriquer un porteur de carte de test (certificat + clé) avec l'autorité de cartes du serveur",
        "Make a test card holder (certificate + key) from the server's card CA"
    ),
    text!(
        "help.make_the_key_as_the",
        "Fabriquer la clé, comme le fait la plateforme : son .p12 est écrit dans --out",
        "Make the key, as the platform does: its .p12 is written to --out"
    ),
    text!(
        "help.mode_of_the_certificate_files",
        "Mode des fichiers de certificat, en octal (par défaut 0644)",
        "Mode of the certificate files, octal (default 0644)"
    ),
    text!(
        "help.mode_of_the_key_octal",
        "Mode de la clé, en octal (par défaut 0600)",
        "Mode of the key, octal (default 0600)"
    ),
    text!(
        "help.modules_found_slots_tokens_labels",
        "Modules trouvés, emplacements, jetons, étiquettes, état du code porteur",
        "Modules found, slots, tokens, labels, PIN flags"
    ),
    text!(
        "help.monitoring_nagios_line_and_exit",
        "Supervision : ligne nagios et code de sortie (0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN), JSON ou Prometheus",
        "Monitoring: nagios line and exit code (0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN), JSON or Prometheus"
    ),
    text!(
        "help.name_of_the_new_request",
        "Nom de la nouvelle demande (par défaut « Demande N »)",
        "Name of the new request (default \"Demande N\")"
    ),
    text!(
        "help.never_ask_fail_instead_naming",
        "Ne jamais demander : échouer en nommant l'option qui manque",
        "Never ask: fail instead, naming the flag that is missing"
    ),
    text!(
        "help.not_needed_the_answer_is",
        "Inutile (la réponse est reconnue grâce à la demande PKCS#10) ; accepté pour les scripts",
        "Not needed (the answer is matched with the CSR); accepted for scripts"
    ),
    text!(
        "help.ocsp_responder_of_the_issued",
        "Répondeur OCSP du certificat délivré (par défaut : « pointers » de ra.json)",
        "OCSP responder of the issued certificate (default: ra.json \"pointers\")"
    ),
    text!(
        "help.on_the_workstation_export_the",
        "Sur le poste de travail : exporter la carte vers un serveur joint par SSH",
        "On the workstation: export the card for a server reached over SSH"
    ),
    text!(
        "help.one_look_then_stop",
        "Un seul relevé, puis arrêt",
        "One look, then stop"
    ),
    text!(
        "help.open_the_ssh_session_to",
        "Ouvrir la session SSH vers UTILISATEUR@HÔTE avec la carte transmise, et s'arrêter quand elle se termine",
        "Open the SSH session to USER@HOST with the card forwarded, and stop when it ends"
    ),
    text!(
        "help.open_the_full_screen_interface",
        "Ouvrir l'interface plein écran (par défaut)",
        "Open the full-screen interface (the default)"
    ),
    text!(
        "help.organisation_new_key",
        "Organisation (--new-key)",
        "Organisation (--new-key)"
    ),
    text!(
        "help.organisation_raison_sociale",
        "Organisation (raison sociale)",
        "Organisation (raison sociale)"
    ),
    text!(
        "help.output_one_nagios_line_with",
        "Sortie : une ligne nagios avec données de performance, JSON, ou format texte Prometheus",
        "Output: one nagios line with perfdata, JSON, or Prometheus text format"
    ),
    text!(
        "help.overwrite_out",
        "Écraser --out",
        "Overwrite --out"
    ),
    text!(
        "help.overwrite_an_existing_file",
        "Écraser un fichier existant",
        "Overwrite an existing file"
    ),
    text!(
        "help.overwrite_existing_files",
        "Écraser les fichiers existants",
        "Overwrite existing files"
    ),
    text!(
        "help.owner_of_the_installed_files",
        "Propriétaire des fichiers installés (noms ou numéros ; il faut être root)",
        "Owner of the installed files (names or numbers; needs root)"
    ),
    text!(
        "help.pkcs_11_module_default_cleocps",
        "Module PKCS#11 (par défaut : $CLEOCPS_PKCS11_MODULE, configuration, emplacements CPS, p11-kit)",
        "PKCS#11 module (default: $CLEOCPS_PKCS11_MODULE, config, CPS defaults, p11-kit)"
    ),
    text!(
        "help.prepare_the_sandbox_and_print",
        "Préparer le bac à sable et afficher comment s'en servir en ligne de commande",
        "Prepare the sandbox and print how to use it from the command line"
    ),
    text!(
        "help.print_the_man_page_generated",
        "Afficher la page de manuel, produite à partir de cette ligne de commande",
        "Print the man page, generated from this command line"
    ),
    text!(
        "help.print_the_shell_completion_script",
        "Afficher le script de complétion du shell (bash, zsh ou fish)",
        "Print the shell completion script (bash, zsh or fish)"
    ),
    text!(
        "help.print_the_value_of_a",
        "Afficher la valeur d'une clé pointée (JSON)",
        "Print the value of a dotted key (JSON)"
    ),
    text!(
        "help.record_a_rejection_read_outside",
        "Enregistrer un refus lu hors de cleocps (portail, téléphone, autre boîte aux lettres)",
        "Record a rejection read outside cleocps (portal, phone, another mailbox)"
    ),
    text!(
        "help.registration_server_certificate_default_registration",
        "Certificat du serveur d'inscription (par défaut : registration.certificate)",
        "Registration server certificate (default: registration.certificate)"
    ),
    text!(
        "help.rehearsal_soft_token_file_instead",
        "Fichier de jeton logiciel de répétition au lieu d'une carte",
        "Rehearsal soft token file instead of a card"
    ),
    text!(
        "help.rehearsal_a_sandbox_with_a",
        "Répétition : un bac à sable avec une carte de test, un serveur d'inscription et un courrier local, puis l'interface dessus — sans carte ni réseau",
        "Rehearsal: a sandbox with a test card, a registration server and local mail, then the interface on it — no card, no network needed"
    ),
    text!(
        "help.remove_every_extra_dns_name",
        "Retirer tous les noms DNS supplémentaires",
        "Remove every extra DNS name"
    ),
    text!(
        "help.remove_the_password_the_key",
        "Retirer le mot de passe : la clé est écrite en clair (déconseillé)",
        "Remove the password: the key is written clear (not recommended)"
    ),
    text!(
        "help.rename_a_folder",
        "Renommer un dossier",
        "Rename a folder"
    ),
    text!(
        "help.replace_an_existing_server_directory",
        "Remplacer un serveur existant (directory.json et seen/ sont gardés)",
        "Replace an existing server (directory.json and seen/ are kept)"
    ),
    text!(
        "help.replace_an_existing_soft_token",
        "Remplacer un fichier de jeton logiciel existant",
        "Replace an existing soft token file"
    ),
    text!(
        "help.replace_keys_already_generated",
        "Remplacer des clés déjà générées",
        "Replace keys already generated"
    ),
    text!(
        "help.resume_the_last_run_that",
        "Reprendre la dernière exécution arrêtée pendant l'attente",
        "Resume the last run that stopped while waiting"
    ),
    text!(
        "help.run_after_a_good_check",
        "Lancée après une vérification réussie (sh -c), p. ex. « systemctl reload nginx » ; en cas d'échec les fichiers précédents reviennent et elle est relancée",
        "Run after a good check (sh -c), e.g. \"systemctl reload nginx\"; on failure the previous files come back and it runs again"
    ),
    text!(
        "help.run_after_the_swap_sh",
        "Lancée après l'échange (sh -c), p. ex. « nginx -t » ; en cas d'échec les fichiers précédents reviennent",
        "Run after the swap (sh -c), e.g. \"nginx -t\"; on failure the previous files come back"
    ),
    text!(
        "help.ssl_server_or_s_mime",
        "Serveur SSL ou serveur S/MIME (sans cette option, sur un terminal : l'écran de l'assistant de l'interface)",
        "SSL server or S/MIME server (without it, on a terminal: the wizard screen of the TUI)"
    ),
    text!(
        "help.seconds_between_two_looks_at",
        "Secondes entre deux relevés de la boîte aux lettres",
        "Seconds between two looks at the mailbox"
    ),
    text!(
        "help.seconds_between_two_looks_at_2",
        "Secondes entre deux relevés de la boîte aux lettres (par défaut : CLEOCPS_POLL_INTERVAL_S, sinon 5)",
        "Seconds between two looks at the mailbox (default: CLEOCPS_POLL_INTERVAL_S, else 5)"
    ),
    text!(
        "help.server_fqdn_ssl_serv_sign",
        "FQDN du serveur (SSL, SERV SIGN/CONF), ou nom du service (types ORG : INSI-AUTO, INSI-MANU…)",
        "Server FQDN (SSL, SERV SIGN/CONF), or the service name (ORG types: INSI-AUTO, INSI-MANU…)"
    ),
    text!(
        "help.server_e_mail_address_s",
        "Adresse e-mail du serveur (S/MIME)",
        "Server e-mail address (S/MIME)"
    ),
    text!(
        "help.set_dotted_keys_registration_address",
        "Régler des clés pointées (registration.address, smtp.host, trust.anchors…), vérifiées, écrites en 0600",
        "Set dotted keys (registration.address, smtp.host, trust.anchors…), validated, written 0600"
    ),
    text!(
        "help.show_a_request_state_form",
        "Afficher une demande (état, formulaire, journal, certificat)",
        "Show a request (state, form, journal, certificate)"
    ),
    text!(
        "help.signed_and_encrypted_with_the",
        "Signée et chiffrée avec la carte CPS (.p7m pour le serveur d'inscription)",
        "Signed and encrypted with the CPS card (.p7m for the registration server)"
    ),
    text!(
        "help.size_of_the_root_and",
        "Taille des clés de la racine et de l'autorité émettrice : 2048, 3072 (par défaut) ou 4096",
        "Size of the root and issuing CA keys: 2048, 3072 (default) or 4096"
    ),
    text!(
        "help.socket_path_on_the_server",
        "Chemin de la socket sur le serveur (par défaut : ~UTILISATEUR/.cleocps/card.sock)",
        "Socket path on the server (default: ~USER/.cleocps/card.sock)"
    ),
    text!(
        "help.start_again_from_a_new",
        "Repartir d'un nouveau bac à sable",
        "Start again from a new sandbox"
    ),
    text!(
        "help.structure_identifier_new_key",
        "Identifiant de structure (--new-key)",
        "Structure identifier (--new-key)"
    ),
    text!(
        "help.structure_identifier_type_digit_number",
        "Identifiant de structure (chiffre de type + numéro)",
        "Structure identifier (type digit + number)"
    ),
    text!(
        "help.take_in_a_key_and",
        "Reprendre une clé et un certificat obtenus ailleurs (CleoCPS Windows, la plateforme IGC-Santé)",
        "Take in a key and certificate obtained elsewhere (Windows CleoCPS, the IGC-Santé portal)"
    ),
    text!(
        "help.the_ca_chain_pem_bundle",
        "La chaîne des autorités (paquet PEM, DER ou PKCS#7)",
        "The CA chain (PEM bundle, DER or PKCS#7)"
    ),
    text!(
        "help.the_cps_card_pkcs_11",
        "La carte CPS (PKCS#11) ou le jeton logiciel de répétition",
        "The CPS card (PKCS#11) or the rehearsal soft token"
    ),
    text!(
        "help.the_answer_s_file_read",
        "Le fichier de la réponse ; « - » : le lire sur l'entrée standard (coller, puis Ctrl-D)",
        "The answer's file; `-`: read it from standard input (paste, then Ctrl-D)"
    ),
    text!(
        "help.the_certificate_pem_der_or",
        "Le certificat (PEM, DER ou PKCS#7)",
        "The certificate (PEM, DER or PKCS#7)"
    ),
    text!(
        "help.the_certificate_s_cn_new",
        "Le CN du certificat (--new-key) : FQDN, boîte aux lettres ou nom de service",
        "The certificate's CN (--new-key): FQDN, mailbox or service name"
    ),
    text!(
        "help.the_configuration_file",
        "Le fichier de configuration",
        "The configuration file"
    ),
    text!(
        "help.the_directory_ldap_or_json",
        "L'annuaire (LDAP ou fichier JSON) : les serveurs qu'administre le porteur de la carte",
        "The directory (LDAP or JSON file): servers the card holder administers"
    ),
    text!(
        "help.the_explanation_given_with_it",
        "L'explication donnée avec le refus",
        "The explanation given with it"
    ),
    text!(
        "help.the_private_key_pem_pkcs",
        "La clé privée (PEM : PKCS#8, ou PKCS#1 « RSA PRIVATE KEY » en clair)",
        "The private key (PEM: PKCS#8, or a clear PKCS#1 \"RSA PRIVATE KEY\")"
    ),
    text!(
        "help.the_registration_server_s_directory",
        "Le répertoire du serveur d'inscription (créé par « ra init »)",
        "The registration server's directory (made by `ra init`)"
    ),
    text!(
        "help.the_rehearsal_registration_server_tests",
        "Le serveur d'inscription de répétition (tests, démonstrations, formation ; pas pour la production)",
        "The rehearsal registration server (tests, demos, training; not for production)"
    ),
    text!(
        "help.the_rejection_code_e_g",
        "Le code de refus, p. ex. ADMIN_INCONNU (A-Z, chiffres, _ ; 40 au plus)",
        "The rejection code, e.g. ADMIN_INCONNU (A-Z, digits, _; at most 40)"
    ),
    text!(
        "help.the_request_type_as_the",
        "Le type de demande, l'offre et l'usage de la plateforme",
        "The request type, as the platform's offer and usage"
    ),
    text!(
        "help.the_request_s_type_without",
        "Le type de la demande ; sans cette option, lu dans le certificat (usage étendu, puis usage de clé, puis nature du nom alternatif)",
        "The request's type; without it, told from the certificate (EKU, then KU, then SAN kind)"
    ),
    text!(
        "help.the_selected_token_its_holder",
        "Le jeton choisi, son porteur et la validité de ses certificats",
        "The selected token, its holder and certificate validity"
    ),
    text!(
        "help.the_server_s_fqdn_ssl",
        "Le FQDN du serveur (SSL) ; par défaut : le serveur du porteur dans l'annuaire",
        "The server's FQDN (SSL); default: the holder's server in the directory"
    ),
    text!(
        "help.the_server_s_e_mail",
        "L'adresse e-mail du serveur (S/MIME) ; par défaut : d'après l'annuaire",
        "The server's e-mail address (S/MIME); default: from the directory"
    ),
    text!(
        "help.token_label_when_several_cards",
        "Étiquette du jeton, quand plusieurs cartes sont présentes",
        "Token label, when several cards are present"
    ),
    text!(
        "help.trust_this_card_ca_pem",
        "Faire confiance à cette autorité de cartes (PEM/DER) au lieu d'en fabriquer une",
        "Trust this card CA (PEM/DER) instead of making one"
    ),
    text!(
        "help.validate_the_configuration_and_print",
        "Vérifier la configuration et afficher ce qui serait utilisé",
        "Validate the configuration and print what would be used"
    ),
    text!(
        "help.validity_of_the_card_certificate",
        "Validité du certificat de carte, en jours",
        "Validity of the card certificate in days"
    ),
    text!(
        "help.warning_when_a_certificate_has",
        "AVERTISSEMENT quand il reste à un certificat ce nombre de jours ou moins (la plateforme prévient 60 jours avant)",
        "WARNING when a certificate has this many days left or fewer (the platform reminds 60 days ahead)"
    ),
    text!(
        "help.where_the_issuing_ca_s",
        "Où le certificat de l'autorité émettrice est publié (par défaut : « pointers » de ra.json)",
        "Where the issuing CA's certificate is published (default: ra.json \"pointers\")"
    ),
    text!(
        "help.workspace_directory_default_cleocps_home",
        "Répertoire de l'espace de travail (par défaut : $CLEOCPS_HOME, sinon $XDG_DATA_HOME/cleocps)",
        "Workspace directory (default: $CLEOCPS_HOME, else $XDG_DATA_HOME/cleocps)"
    ),
    text!(
        "help.write_cleocps_1_and_one",
        "Écrire cleocps.1 et une page par sous-commande (cleocps-keys-password.1…) dans DIR",
        "Write cleocps.1 and one page per subcommand (cleocps-keys-password.1…) into DIR"
    ),
    text!(
        "help.write_the_exported_key_without",
        "Écrire la clé exportée sans mot de passe",
        "Write the exported key without a password"
    ),
    text!(
        "help.write_the_key_without_a",
        "Écrire la clé sans mot de passe",
        "Write the key without a password"
    ),
    text!(
        "help.write_the_key_without_a_2",
        "Écrire la clé sans mot de passe (déconseillé)",
        "Write the key without a password (not recommended)"
    ),
    text!(
        "help.write_the_output_to_file",
        "Écrire la sortie dans FICHIER de façon atomique (p. ex. le répertoire textfile de node_exporter) au lieu de la sortie standard",
        "Write the output to FILE atomically (e.g. node_exporter's textfile directory) instead of stdout"
    ),
    text!(
        "help.written_without_password_mode_0600",
        "Écrite sans mot de passe, mode 0600",
        "Written without password, mode 0600"
    ),
    text!(
        "help.tape_1_the_rsa_key",
        "Étape 1 : la bi-clé RSA",
        "Étape 1: the RSA key pair"
    ),
    text!(
        "help.tape_2_edit_the_form",
        "Étape 2 : modifier le formulaire (seulement avant que la demande soit générée)",
        "Étape 2: edit the form (only before the request is generated)"
    ),
    text!(
        "help.tape_2_generate_the_request",
        "Étape 2 : générer la demande",
        "Étape 2: generate the request"
    ),
    text!(
        "help.tape_2_mail_the_signed",
        "Étape 2 : envoyer par courriel la demande signée (.p7m) au serveur d'inscription",
        "Étape 2: mail the signed request (.p7m) to the registration server"
    ),
    text!(
        "help.tape_3_export_the_key",
        "Étape 3 : exporter la clé et le certificat",
        "Étape 3: export the key and certificate"
    ),
    text!(
        "help.tape_3_the_registration_server",
        "Étape 3 : la réponse du serveur d'inscription",
        "Étape 3: the registration server's answer"
    ),
    text!(
        "help.obtain_the_igc_sant_software",
        "Obtenir depuis un terminal les certificats logiciels IGC-Santé d'une structure (SERV SSL_SERV, S/MIME, SIGN, CONF ; ORG AUTH_CLI, SIGN, CONF)",
        "Obtain the IGC-Santé software certificates of a structure (SERV SSL_SERV, S/MIME, SIGN, CONF; ORG AUTH_CLI, SIGN, CONF) from a terminal"
    ),
    text!(
        "help.obtain_the_igc_sant_software_2",
        "Obtenir depuis un terminal les certificats logiciels IGC-Santé d'une structure (SERV SSL_SERV, S/MIME, SIGN, CONF ; ORG AUTH_CLI, SIGN, CONF).\nSans commande, ouvre l'interface plein écran.",
        "Obtain the IGC-Santé software certificates of a structure (SERV SSL_SERV, S/MIME, SIGN, CONF; ORG AUTH_CLI, SIGN, CONF) from a terminal.\nWithout a command, opens the full-screen interface."
    ),
    text!(
        "help.print_help",
        "Afficher l'aide",
        "Print help"
    ),
    text!(
        "help.print_help_see_more_with",
        "Afficher l'aide (plus de détails avec « --help »)",
        "Print help (see more with '--help')"
    ),
    text!(
        "help.print_help_see_a_summary",
        "Afficher l'aide (résumé avec « -h »)",
        "Print help (see a summary with '-h')"
    ),
    text!(
        "help.print_version",
        "Afficher la version",
        "Print version"
    ),
    text!(
        "help.print_this_message_or_the",
        "Afficher ce message ou l'aide des sous-commandes données",
        "Print this message or the help of the given subcommand(s)"
    ),
];

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every text of the definition has its French: a new option without
    /// one fails here.
    #[test]
    fn every_help_text_has_its_french() {
        fn walk(c: &Command, missing: &mut Vec<String>) {
            let texts = c
                .get_about()
                .into_iter()
                .chain(c.get_long_about())
                .chain(c.get_arguments().filter_map(|a| a.get_help()))
                .map(|s| s.to_string())
                .chain(c.get_arguments().flat_map(|a| {
                    a.get_possible_values()
                        .iter()
                        .filter_map(|v| v.get_help().map(|h| h.to_string()))
                        .collect::<Vec<_>>()
                }));
            missing.extend(texts.filter(|t| french_of(t).is_none()));
            for s in c.get_subcommands() {
                walk(s, missing);
            }
        }
        let mut missing = Vec::new();
        walk(&crate::cli::args::Cli::command(), &mut missing);
        assert_eq!(missing, Vec::<String>::new());
    }
}
