//! French help texts, part 2 of 3 (see `help_fr`): each English text
//! of the clap definition, as written in its doc comments, with its French.

use cleocps_core::i18n::Text;
use cleocps_core::text;

pub static TEXTS: &[Text] = &[
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
];
