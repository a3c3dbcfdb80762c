//! The TUI's texts, French and English side by side (see `i18n`).

use crate::i18n::Text;
use crate::text;

pub static TEXTS: &[Text] = &[
    // Steps: full titles head the pane, short ones are the tabs at 80 columns.
    text!("tui.step.1", "Étape 1 : Initialisation", "Step 1: Initialisation"),
    text!("tui.step.2", "Étape 2 : Demande de certificat", "Step 2: Certificate request"),
    text!("tui.step.3", "Étape 3 : Finalisation du certificat", "Step 3: Certificate finalisation"),
    text!("tui.tab.1", "1 Initialisation", "1 Initialisation"),
    text!("tui.tab.2", "2 Demande", "2 Request"),
    text!("tui.tab.3", "3 Finalisation", "3 Finalisation"),
    text!("tui.step_locked", "Étape pas encore accessible :", "Step not available yet:"),
    // Titles.
    text!("tui.title.folders", "Dossiers", "Folders"),
    text!("tui.title.help", "Aide — touches", "Help — keys"),
    text!("tui.title.error", "Erreur", "Error"),
    text!("tui.title.confirm", "Confirmer", "Confirm"),
    text!("tui.title.csr", "Demande (PKCS#10) — {}", "Request (PKCS#10) — {}"),
    text!("tui.title.files", "Fichiers de la demande", "Files of the request"),
    text!("tui.title.report", "Terminé", "Done"),
    text!(
        "tui.too_small",
        "Terminal trop petit ({}×{}) : il faut au moins {}×{}. Agrandissez la fenêtre.",
        "Terminal too small ({}×{}): at least {}×{} is needed. Enlarge the window."
    ),
    // Tree.
    text!("tui.tag.new", "nouv.", "new"),
    text!("tui.tag.keys", "clés", "keys"),
    text!("tui.tag.request", "dem.", "req."),
    text!("tui.tag.sent", "env.", "sent"),
    text!("tui.tag.cert", "cert.", "cert."),
    text!("tui.tag.rejected", "rejet", "rej."),
    text!("tui.tree.empty", "Aucun dossier. Touche c : créer un dossier.", "No folder yet. Key c: create a folder."),
    text!("tui.folder.summary", "Dossier « {} » : {} demande(s).", "Folder \"{}\": {} request(s)."),
    text!(
        "tui.folder.hint",
        "a : créer une demande de certificat dans ce dossier · F2 : renommer · d : supprimer",
        "a: create a certificate request in this folder · F2: rename · d: delete"
    ),
    text!(
        "tui.welcome",
        "Bienvenue. c : créer un dossier, puis a : créer une demande de certificat (SSL ou S/MIME).",
        "Welcome. c: create a folder, then a: create a certificate request (SSL or S/MIME)."
    ),
    // Étape 1.
    text!("tui.key.none", "Pas encore de clés pour cette demande.", "No keys for this request yet."),
    text!("tui.key.present", "Clé RSA de {} bits, {}.", "RSA key of {} bits, {}."),
    text!("tui.key.protected", "protégée par mot de passe", "protected by a password"),
    text!("tui.key.clear", "sans mot de passe", "without password"),
    text!(
        "tui.key.advice",
        "Mot de passe fortement recommandé ; 2048 bits au moins.",
        "A password is strongly recommended; 2048 bits at least."
    ),
    // Étape 2 labels.
    text!("tui.lbl.cn", "Serveur (FQDN)", "Server (FQDN)"),
    text!("tui.lbl.email", "E-mail serveur", "Server e-mail"),
    text!("tui.lbl.san", "Autres noms DNS", "Other DNS names"),
    text!("tui.lbl.o", "Organisation", "Organisation"),
    text!("tui.lbl.ou", "Structure (OU)", "Structure (OU)"),
    text!("tui.lbl.l", "Ville", "City"),
    text!("tui.lbl.st", "Département", "Département"),
    text!("tui.lbl.c", "Pays", "Country"),
    text!("tui.form.cancelled", "Modifications abandonnées.", "Changes dropped."),
    text!(
        "tui.form.fix",
        "Corrigez les champs en rouge avant d'appliquer.",
        "Fix the fields in red before applying."
    ),
    // Étape 3.
    text!("tui.cert.ok", "Certificat importé.", "Certificate imported."),
    text!("tui.cert.subject", "Sujet", "Subject"),
    text!("tui.cert.issuer", "Émetteur", "Issuer"),
    text!("tui.cert.validity", "Validité", "Validity"),
    text!("tui.cert.from_to", "du {} au {}", "from {} to {}"),
    text!("tui.cert.names", "Noms", "Names"),
    text!("tui.cert.serial", "Série", "Serial"),
    text!("tui.cert.sha256", "SHA-256", "SHA-256"),
    text!(
        "tui.wait_answer",
        "Demande émise : attendez la réponse du serveur d'inscription (smime.p7c), puis importez-la.",
        "Request issued: wait for the registration server's answer (smime.p7c), then import it."
    ),
    text!("tui.rejected.title", "Demande rejetée : {}", "Request rejected: {}"),
    text!(
        "tui.rejected.todo",
        "Une demande rejetée ne peut être ni modifiée ni renvoyée : n crée une nouvelle demande pré-remplie.",
        "A rejected request can be neither changed nor resent: n creates a new pre-filled request."
    ),
    // Buttons (also the keymap's hints).
    text!("tui.btn.keys", "Générer les clés", "Generate the keys"),
    text!("tui.btn.edit", "Modifier", "Edit"),
    text!("tui.btn.request", "Générer la demande", "Generate the request"),
    text!("tui.btn.show_csr", "Voir / copier la demande", "Show / copy the request"),
    text!("tui.btn.import", "Importer réponse", "Import answer"),
    text!("tui.btn.export_pem", "Exporter .key + .crt", "Export .key + .crt"),
    text!("tui.btn.export_p12", "Exporter .p12", "Export .p12"),
    text!("tui.btn.files", "Accéder aux fichiers", "Open the files"),
    text!("tui.btn.renew", "Renouveler / recommencer", "Renew / start over"),
    // The card (Étape 2).
    // Label · holder: fits the status line at 80 columns with the forwarding note.
    text!("tui.card.seen", "{} · {}", "{} · {}"),
    text!("tui.card.forwarded", "carte atteinte par transfert SSH", "card forwarded over SSH"),
    text!(
        "tui.card.ra_cert",
        "{} — réglez « registration.certificate » dans la configuration, ou lancez « cleocps doctor ».",
        "{} — set \"registration.certificate\" in the configuration, or run \"cleocps doctor\"."
    ),
    // Keys.
    text!("tui.key.up", "monter", "up"),
    text!("tui.key.down", "descendre", "down"),
    text!("tui.key.collapse", "replier / aller au dossier", "collapse / go to folder"),
    text!("tui.key.expand", "déplier", "expand"),
    text!("tui.key.home", "début", "first"),
    text!("tui.key.end", "fin", "last"),
    text!("tui.key.next_step", "étape", "step"),
    text!("tui.key.prev_step", "étape précédente", "previous step"),
    text!("tui.key.step1", "Étape 1", "Step 1"),
    text!("tui.key.step2", "Étape 2", "Step 2"),
    text!("tui.key.step3", "Étape 3", "Step 3"),
    text!("tui.key.activate", "agir", "act"),
    text!("tui.key.new_folder", "dossier", "folder"),
    text!("tui.key.new_request", "demande", "request"),
    text!("tui.key.rename", "renommer le dossier", "rename the folder"),
    text!("tui.key.delete", "supprimer", "delete"),
    text!("tui.key.help", "aide", "help"),
    text!("tui.key.quit", "quitter", "quit"),
    text!("tui.key.apply", "Appliquer modifications", "Apply changes"),
    text!("tui.key.next_field", "champ suivant", "next field"),
    text!("tui.key.prev_field", "champ précédent", "previous field"),
    text!("tui.key.cancel_form", "Annuler", "Cancel"),
    text!("tui.key.complete", "compléter le chemin", "complete the path"),
    text!("tui.key.copy", "copier (presse-papiers du poste, OSC 52)", "copy (your machine's clipboard, OSC 52)"),
    text!("tui.key.shell", "ouvrir un shell ici", "open a shell here"),
    text!("tui.key.yes", "oui", "yes"),
    text!("tui.key.no", "non", "no"),
    text!("tui.key.ok", "valider", "OK"),
    text!("tui.key.close", "fermer", "close"),
    text!("tui.kn.enter", "Entrée", "Enter"),
    text!("tui.kn.esc", "Échap", "Esc"),
    text!("tui.kn.tab", "Tab", "Tab"),
    text!("tui.kn.home", "Début", "Home"),
    text!("tui.kn.end", "Fin", "End"),
    text!("tui.kn.delete", "Suppr", "Del"),
    text!("tui.kn.y", "y", "y"),
    text!("tui.kn.s", "s", "s"),
    text!("tui.help.tree", "Dossiers et navigation", "Folders and moving around"),
    text!("tui.help.step1", "Étape 1 : Initialisation", "Step 1: Initialisation"),
    text!("tui.help.step2", "Étape 2 : Demande de certificat", "Step 2: Certificate request"),
    text!("tui.help.step3", "Étape 3 : Finalisation du certificat", "Step 3: Certificate finalisation"),
    text!("tui.help.dialogs", "Formulaire et fenêtres", "Form and dialogs"),
    // Dialogs.
    text!("tui.ask.folder", "Nom du nouveau dossier", "Name of the new folder"),
    text!("tui.ask.rename", "Nouveau nom du dossier", "New name of the folder"),
    text!("tui.ask.request", "Nom de la demande", "Name of the request"),
    text!("tui.ask.import", "Fichier de la réponse (smime.p7c)", "Answer file (smime.p7c)"),
    text!("tui.ask.export_dir", "Répertoire où exporter .key et .crt", "Directory to export .key and .crt to"),
    text!("tui.ask.p12_file", "Fichier PKCS#12 à créer", "PKCS#12 file to create"),
    text!("tui.path.empty", "indiquez un chemin", "give a path"),
    text!("tui.choose.type", "Type de certificat", "Certificate type"),
    text!("tui.type.ssl", "Serveur SSL", "SSL server"),
    text!("tui.type.smime", "Serveur S/MIME", "S/MIME server"),
    text!("tui.choose.key_size", "Longueur de la clé RSA", "RSA key length"),
    text!("tui.size.2048", "2048 bits (recommandé)", "2048 bits (recommended)"),
    text!("tui.size.3072", "3072 bits", "3072 bits"),
    text!("tui.size.4096", "4096 bits (génération plus longue)", "4096 bits (slower to generate)"),
    text!("tui.choose.protect", "Protéger la clé ?", "Protect the key?"),
    text!("tui.protect.yes", "Avec mot de passe (fortement recommandé)", "With a password (strongly recommended)"),
    text!("tui.protect.no", "Sans mot de passe", "Without password"),
    text!("tui.choose.mode", "Générer la demande", "Generate the request"),
    text!("tui.mode.card", "Signer et chiffrer la demande avec la carte CPS", "Sign and encrypt the request with the CPS card"),
    text!("tui.mode.csr", "Demande seule (CSR), pour le portail", "Request only (CSR), for the portal"),
    text!("tui.choose.pem_key", "Clé privée exportée", "Exported private key"),
    text!("tui.pem.protected", "Protégée par le mot de passe de la clé", "Protected by the key password"),
    text!("tui.pem.clear", "Clé sans mot de passe (en clair)", "Key without password (clear)"),
    text!("tui.choose.p12_profile", "Profil du PKCS#12", "PKCS#12 profile"),
    text!("tui.p12.modern", "AES-256 (OpenSSL 3, Java récent)", "AES-256 (OpenSSL 3, recent Java)"),
    text!("tui.p12.legacy", "3DES (ancien Windows / Java)", "3DES (old Windows / Java)"),
    text!("tui.secret.new_key", "Mot de passe de la nouvelle clé", "Password for the new key"),
    text!("tui.secret.key", "Mot de passe de la clé", "Key password"),
    text!("tui.secret.p12", "Mot de passe du PKCS#12", "PKCS#12 password"),
    text!("tui.secret.enter", "Mot de passe", "Password"),
    text!("tui.secret.again", "Confirmation", "Again"),
    text!("tui.secret.empty", "saisissez un mot de passe", "type a password"),
    text!(
        "tui.secret.new_key.advice",
        "Il sera redemandé aux étapes 2 et 3. Ne le perdez pas.",
        "It will be asked again in steps 2 and 3. Don't lose it."
    ),
    text!("tui.secret.key.advice", "Celui choisi à l'étape 1.", "The one chosen in step 1."),
    text!(
        "tui.secret.p12.advice",
        "Un AUTRE mot de passe que celui de la clé, à donner à qui installera le certificat.",
        "ANOTHER password than the key's, for whoever installs the certificate."
    ),
    text!("tui.pin.title", "Code porteur de la carte CPS", "CPS card PIN"),
    text!(
        "tui.pin.advice",
        "La carte se bloque après 3 codes faux.",
        "The card locks after 3 wrong PINs."
    ),
    text!(
        "tui.confirm.overwrite",
        "{} existe déjà. L'écraser ?",
        "{} already exists. Overwrite it?"
    ),
    text!("tui.confirm.quit", "Une opération est en cours. Quitter quand même ?", "A job is running. Quit anyway?"),
    text!("tui.confirm.delete_folder", "Supprimer le dossier « {} » ?", "Delete folder \"{}\"?"),
    text!(
        "tui.confirm.delete_folder_full",
        "Supprimer le dossier « {} » et ses {} demande(s), clés comprises ?",
        "Delete folder \"{}\" and its {} request(s), keys included?"
    ),
    text!("tui.confirm.delete_request", "Supprimer la demande « {} » ?", "Delete request \"{}\"?"),
    text!(
        "tui.confirm.delete_certified",
        "« {} » porte un certificat délivré et sa clé : exportez-les d'abord. Supprimer quand même ?",
        "\"{}\" holds an issued certificate and its key: export them first. Delete anyway?"
    ),
    text!(
        "tui.confirm.replace_keys",
        "« {} » a déjà des clés. Les remplacer par de nouvelles ?",
        "\"{}\" already has keys. Replace them with new ones?"
    ),
    // Status line.
    text!("tui.busy", "une opération est déjà en cours sur {} : attendez qu'elle finisse", "a job is already running on {}: wait for it to finish"),
    text!("tui.need_folder", "créez ou choisissez d'abord un dossier (c)", "create or pick a folder first (c)"),
    text!("tui.select_folder", "choisissez un dossier dans l'arbre", "pick a folder in the tree"),
    text!("tui.select_request", "choisissez une demande dans l'arbre", "pick a request in the tree"),
    text!("tui.nothing_to_do", "rien à faire à cette étape", "nothing to do in this step"),
    text!("tui.copied", "Demande envoyée au presse-papiers du terminal (OSC 52).", "Request sent to the terminal's clipboard (OSC 52)."),
    text!("tui.job.reading", "Lecture…", "Reading…"),
    text!("tui.job.create_folder", "Création du dossier…", "Creating the folder…"),
    text!("tui.job.rename_folder", "Renommage du dossier…", "Renaming the folder…"),
    text!("tui.job.delete", "Suppression…", "Deleting…"),
    text!("tui.job.create_request", "Création de la demande…", "Creating the request…"),
    text!("tui.job.keys", "Génération des clés RSA…", "Generating the RSA keys…"),
    text!("tui.job.form", "Enregistrement du formulaire…", "Saving the form…"),
    text!("tui.job.csr", "Génération de la demande…", "Generating the request…"),
    text!("tui.job.import", "Import de la réponse…", "Importing the answer…"),
    text!("tui.job.export", "Export…", "Exporting…"),
    text!("tui.job.probe", "Lecture de la carte CPS…", "Reading the CPS card…"),
    text!("tui.job.sign", "Signature sur la carte et chiffrement…", "Signing on the card and encrypting…"),
    text!("tui.job.renew", "Création de la nouvelle demande…", "Creating the new request…"),
    // Job results.
    text!("tui.done.folder", "Dossier « {} » créé.", "Folder \"{}\" created."),
    text!("tui.done.renamed", "Dossier renommé en « {} ».", "Folder renamed to \"{}\"."),
    text!("tui.done.deleted", "« {} » supprimé.", "\"{}\" deleted."),
    text!("tui.done.request", "Demande « {} » créée : Étape 1, touche g pour générer les clés.", "Request \"{}\" created: Step 1, key g to generate the keys."),
    text!("tui.done.keys", "Clés générées : Étape 2, e pour remplir le formulaire.", "Keys generated: Step 2, e to fill in the form."),
    text!("tui.done.form", "Formulaire enregistré.", "Form saved."),
    text!("tui.done.csr", "Demande générée : {}", "Request generated: {}"),
    text!("tui.done.import", "Certificat importé. Exportez-le : x (.key + .crt) ou p (.p12).", "Certificate imported. Export it: x (.key + .crt) or p (.p12)."),
    text!("tui.done.export", "Fichiers écrits :", "Files written:"),
    text!("tui.done.renew", "Nouvelle demande « {} » pré-remplie.", "New pre-filled request \"{}\"."),
    text!(
        "tui.done.card",
        "Demande signée par la carte {} (porteur {}) et chiffrée pour le serveur d'inscription :\n• {}\n• {}\nEnvoyez-la au serveur d'inscription, puis Étape 3 pour importer la réponse.",
        "Request signed by card {} (holder {}) and encrypted for the registration server:\n• {}\n• {}\nSend it to the registration server, then Step 3 to import the answer."
    ),
    text!("tui.done.card_short", "Demande signée et chiffrée : {}", "Request signed and encrypted: {}"),
    text!("tui.import.warnings", "Avertissements :", "Warnings:"),
    text!(
        "tui.shell_back",
        "Shell dans {} — tapez exit pour revenir à cleocps.",
        "Shell in {} — type exit to come back to cleocps."
    ),
    // Example state (screenshots).
    text!(
        "tui.sample.error",
        "Cette réponse contient un certificat pour une autre clé que celle de la demande « portail » : vérifiez que vous avez choisi le bon fichier smime.p7c.",
        "This answer holds a certificate for another key than request \"portail\"'s: check that you picked the right smime.p7c file."
    ),
];
