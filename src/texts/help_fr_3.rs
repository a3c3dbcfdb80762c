//! French help texts, part 3 of 3 (see `help_fr`): each English text
//! of the clap definition, as written in its doc comments, with its French.

use cleocps_core::i18n::Text;
use cleocps_core::text;

pub static TEXTS: &[Text] = &[
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
        "Le type de demande : ssl ou smime sur la voie de la carte, tous sur celle de la plateforme (sans cette option, sur un terminal : l'écran de l'assistant de l'interface)",
        "The request type: ssl or smime on the card's road, any on the platform's (without it, on a terminal: the wizard screen of the TUI)"
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
    text!(
        "help.revocation_arg",
        "Demander au répondeur OCSP ou à la CRL si chaque certificat est révoqué (par défaut : revocation.mode)",
        "Ask the OCSP responder or CRL whether each certificate is revoked (default: revocation.mode)"
    ),
    text!(
        "help.trust",
        "Les ancres et intermédiaires IGC-Santé utilisés : les lister, ou les exporter pour le système, curl ou Java",
        "The IGC-Santé anchors and intermediates in use: list them, or export them for the system, curl or Java"
    ),
    text!(
        "help.trust_show",
        "Chaque ancre et intermédiaire utilisé : sujet, SHA-256, expiration, intégré ou fichier",
        "Every anchor and intermediate in use: subject, SHA-256, expiry, built-in or file"
    ),
    text!(
        "help.trust_export",
        "Les écrire en lot PEM, en .p7b, ou en magasin de confiance PKCS#12 pour Java",
        "Write them as a PEM bundle, a .p7b, or a PKCS#12 truststore for Java"
    ),
    text!(
        "help.trust_out",
        "Le fichier à écrire (pas remplacé sans --force)",
        "The file to write (not overwritten without --force)"
    ),
    text!(
        "help.trust_password",
        "Le mot de passe du magasin (p12), première ligne du fichier",
        "The truststore's password (p12), first line of the file"
    ),
    text!(
        "help.ra_revoke",
        "Révoquer un certificat émis par ce serveur (sa CRL et ses réponses OCSP le disent)",
        "Revoke a certificate this server issued (its CRL and OCSP answers say so)"
    ),
    text!(
        "help.ra_revoke_serial",
        "Numéro de série en hexadécimal, tel que « cleocps status » l'affiche",
        "Serial number in hexadecimal, as `cleocps status` shows it"
    ),
    text!(
        "help.ra_revocation_serve",
        "Publier la CRL en HTTP et répondre en OCSP sur 127.0.0.1 ; les certificats émis ensuite pointent vers cette adresse",
        "Publish the CRL over HTTP and answer OCSP on 127.0.0.1; certificates issued from then on point at this address"
    ),
    text!(
        "help.ra_listen",
        "Adresse et port de bouclage (port 0 : un port libre, affiché)",
        "Loopback address and port (port 0: any free one, printed)"
    ),
    text!(
        "help.deploy_owner",
        "Propriétaire des fichiers installés : des noms existants, ou des identifiants numériques pris tels quels (il faut être root)",
        "Owner of the installed files: existing names, or numeric ids taken as given (needs root)"
    ),
    text!(
        "help.deploy_key_mode",
        "Mode de la clé, en octal (0600 par défaut ; rien pour les autres)",
        "Mode of the key, octal (default 0600; nothing for others)"
    ),
    text!(
        "help.deploy_command_timeout",
        "Secondes que --check et --reload peuvent durer chacun avant d'être arrêtés, avec ce qu'ils ont lancé (120 par défaut)",
        "Seconds --check and --reload may each run before they (and what they started) are killed (default 120)"
    ),
    text!(
        "help.deploy_follow_symlinks",
        "Une cible qui est un lien symbolique : remplacer le fichier vers lequel il pointe (jamais suivi sinon ; seulement les liens de root ou les vôtres)",
        "A target that is a symbolic link: replace the file it points to (never followed otherwise; only links of root or yours)"
    ),
    text!(
        "help.response_import_p12",
        "Prendre le .p12 de la plateforme quand elle a fait la clé : la demande tient alors cette clé et son certificat",
        "Take the platform's .p12 when it made the key: the request then holds that key and its certificate"
    ),
    text!(
        "help.response_import_p12_file",
        "Le .p12 retiré de la plateforme",
        "The .p12 withdrawn from the platform"
    ),
];
