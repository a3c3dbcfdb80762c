use cleocps_core::i18n::Text;
use cleocps_core::text;

pub static TEXTS: &[Text] = &[
    text!("cli.prompt", "{} : ", "{}: "),
    text!("cli.damaged", "{}  ENDOMMAGÉ, laissé tel quel : {}", "{}  DAMAGED, left as it is: {}"),
    text!("cli.again", "{} (encore) : ", "{} (again): "),
    text!("cli.keys_done", "clé RSA {} bits générée pour {}", "{}-bit RSA key generated for {}"),
    text!(
        "cli.adopt_type",
        "type de la demande, lu dans le certificat : {} ({})",
        "request type, told from the certificate: {} ({})"
    ),
    text!("cli.adopted", "certificat repris dans {} : {} (jusqu'au {})", "certificate taken in as {}: {} (until {})"),
    text!("cli.renews", "renouvelle : {}", "renews: {}"),
    text!("cli.renewed_by", "renouvelée par : {}", "renewed by: {}"),
    text!("cli.imported", "certificat importé dans {} : {} (jusqu'au {})", "certificate imported into {}: {} (until {})"),
    text!("cli.folder_created", "dossier « {} » créé", "folder \"{}\" created"),
    text!("cli.folder_renamed", "dossier « {} » renommé en « {} »", "folder \"{}\" renamed to \"{}\""),
    text!("cli.folder_deleted", "dossier « {} » supprimé", "folder \"{}\" deleted"),
    text!("cli.request_created", "demande « {} » créée", "request \"{}\" created"),
    text!("cli.request_deleted", "demande « {} » supprimée", "request \"{}\" deleted"),
    text!("cli.form_saved", "formulaire de « {} » enregistré", "form of \"{}\" saved"),
    text!("cli.csr_done", "demande PKCS#10 écrite : {}", "PKCS#10 request written: {}"),
    text!("cli.renewed", "nouvelle demande « {} » pré-remplie", "new request \"{}\" pre-filled"),
    text!("cli.key_line", "clé : RSA {} bits", "key: RSA {} bits"),
    text!("cli.cert_line", "certificat : {} (jusqu'au {})", "certificate: {} (until {})"),
    text!(
        "cli.generate_how",
        "précisez --card (demande signée et chiffrée avec la carte CPS) ou --csr-only (CSR pour le portail)",
        "give --card (request signed and encrypted with the CPS card) or --csr-only (CSR for the portal)"
    ),
    text!(
        "cli.config_check",
        "configuration : {}\nenvoi : {}\nréception : {}\nannuaire : {}",
        "configuration: {}\nsend: {}\nreceive: {}\ndirectory: {}"
    ),
    text!(
        "cli.config_set",
        "configuration enregistrée : {}",
        "configuration saved: {}"
    ),
    text!(
        "cli.config_pairs",
        "config set attend des paires CLÉ VALEUR",
        "config set expects KEY VALUE pairs"
    ),
    text!(
        "cli.config_none",
        "aucun fichier (valeurs par défaut)",
        "no file (defaults)"
    ),
    text!("card.flag_locked", "carte bloquée", "card blocked"),
    text!("card.flag_final_try", "dernier essai", "last try"),
    text!("card.flag_count_low", "peu d'essais restants", "few tries left"),
    text!("card.module_used", "module utilisé : {}", "module used: {}"),
    text!("card.no_token_in_slot", "pas de carte", "no card"),
    text!("card.status_token", "carte : {} [{}]", "card: {} [{}]"),
    text!("card.status_holder", "porteur : {} {}", "holder: {} {}"),
    text!("card.status_cert", "certificat de signature valide jusqu'au {}", "signature certificate valid until {}"),
    text!(
        "card.status_cert_expired",
        "certificat de signature EXPIRÉ le {} : renouvelez la carte",
        "signature certificate EXPIRED on {}: renew the card"
    ),
    text!("card.soft_created", "carte de répétition créée : {}", "rehearsal card created: {}"),
    text!("card.fail", "ÉCHEC", "FAIL"),
    text!(
        "card.insert",
        "Insérez votre carte CPS dans le lecteur… (Ctrl-C pour annuler)",
        "Insert your CPS card in the reader… (Ctrl-C to cancel)"
    ),
    text!("card.inserted", "carte détectée : {}", "card found: {}"),
    text!(
        "card.request_done",
        "demande signée et chiffrée écrite : {} (porteur {}, carte {})",
        "signed and encrypted request written: {} (holder {}, card {})"
    ),
    text!(
        "card.share_ready",
        "carte {} partagée sur {} (accessible à vous seul).\nSur ce poste, ouvrez la session vers le serveur avec :\n  {}\nPuis, sur le serveur, cleocps trouve la carte tout seul. Ctrl-C ici arrête le partage.",
        "card {} shared on {} (only you can reach it).\nOn this workstation, open the session to the server with:\n  {}\nThen, on the server, cleocps finds the card by itself. Ctrl-C here stops sharing."
    ),
    text!(
        "card.share_ssh",
        "carte {} partagée avec {} pendant la session SSH",
        "card {} shared with {} for the SSH session"
    ),
    text!(
        "card.share_ended",
        "session terminée : la carte n'est plus partagée",
        "session ended: the card is no longer shared"
    ),
    text!(
        "card.share_soft",
        "une carte de répétition est un fichier : copiez-le plutôt que de le partager",
        "a rehearsal card is a file: copy it rather than share it"
    ),
    text!("cli.sent", "demande « {} » envoyée (Message-ID {})", "request \"{}\" sent (Message-ID {})"),
    text!(
        "cli.rejected",
        "demande « {} » rejetée : {} — {}\nrecommencez avec une nouvelle demande : cleocps request renew",
        "request \"{}\" rejected: {} — {}\nstart over with a new request: cleocps request renew"
    ),
    text!(
        "cli.waiting",
        "pas encore de réponse ; nouvelle vérification dans {} s (encore {} s, Ctrl-C pour arrêter)",
        "no answer yet; next check in {} s ({} s left, Ctrl-C to stop)"
    ),
    text!(
        "cli.wait_stopped",
        "attente interrompue ; la demande reste en attente de réponse",
        "wait stopped; the request is still waiting for its answer"
    ),
    text!(
        "cli.demo_ready",
        "Répétition prête dans {}.\nCarte de test : code porteur {} (c'est une répétition : aucune vraie carte, aucun réseau).\nEn ligne de commande : cleocps --config {} --workspace {} wizard --type ssl\n(avec le serveur d'inscription : cleocps --config {} ra serve {})",
        "Rehearsal ready in {}.\nTest card: PIN {} (a rehearsal: no real card, no network).\nFrom the command line: cleocps --config {} --workspace {} wizard --type ssl\n(with the registration server: cleocps --config {} ra serve {})"
    ),
    // The CLI's wizard: how to resume is a command line.
    text!(
        "cli.wizard.step_sent",
        "demande {} envoyée au serveur d'inscription ; attente de la réponse (Ctrl-C : reprendre plus tard avec « cleocps wizard --resume »)",
        "request {} sent to the registration server; waiting for the answer (Ctrl-C: resume later with \"cleocps wizard --resume\")"
    ),
    text!(
        "cli.wizard.timeout",
        "pas encore de réponse pour {} : reprenez plus tard avec « cleocps wizard --resume »",
        "no answer yet for {}: resume later with \"cleocps wizard --resume\""
    ),
    text!(
        "cli.deploy.numeric_owner",
        "propriétaire {} donné en numéros : pris tels quels, sans vérifier qu'un tel utilisateur ou groupe existe ici",
        "owner {} given as numeric ids: taken as given, without checking that such a user or group exists here"
    ),
    text!("cli.deploy.saved", "profil enregistré : « cleocps deploy {} » le réutilise", "profile saved: \"cleocps deploy {}\" reuses it"),
    text!("cli.trust.anchor", "ancre         ", "anchor        "),
    text!("cli.trust.intermediate", "intermédiaire ", "intermediate  "),
    text!("cli.trust.built_in", "intégrée", "built in"),
    text!("cli.trust.until", "    valable jusqu'au {}", "    valid until {}"),
    text!(
        "cli.trust.exported",
        "{} certificats écrits dans {}",
        "{} certificates written to {}"
    ),
];
