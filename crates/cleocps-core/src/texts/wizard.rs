use crate::lang::Text;
use crate::text;

pub static TEXTS: &[Text] = &[
    text!("wizard.name_empty", "Saisissez un nom.", "Type a name."),
    text!("wizard.bad_fqdn", "Un nom complet de serveur, par exemple srv.clinique.fr.", "A full server name, e.g. srv.clinique.fr."),
    text!("wizard.bad_email", "Une adresse e-mail, par exemple secretariat@clinique.fr.", "An e-mail address, e.g. secretariat@clinique.fr."),
    text!(
        "wizard.degraded",
        "l'annuaire CPS est injoignable ({}) : procédure dégradée. Saisissez vous-même le nom complet du serveur. Attention : le serveur doit appartenir à la structure du porteur de la carte, sinon la demande sera rejetée.",
        "the CPS directory cannot be reached ({}): degraded procedure. Type the server's full name yourself. Beware: the server must belong to the card holder's structure, or the request will be rejected."
    ),
    text!(
        "wizard.not_listed",
        "« {} » n'est pas listé pour ce porteur dans l'annuaire : la demande est envoyée quand même, le serveur d'inscription décidera",
        "\"{}\" is not listed for this holder in the directory: the request is sent anyway, the registration server decides"
    ),
    text!(
        "wizard.unlisted_form",
        "« {} » n'est pas listé parmi les serveurs de ce porteur dans l'annuaire : le serveur d'inscription refusera sans doute la demande (ADMIN_INCONNU). Vérifiez le nom du formulaire avant de saisir le code porteur.",
        "\"{}\" is not listed among this holder's servers in the directory: the registration server will likely refuse the request (ADMIN_INCONNU). Check the form's name before typing the PIN."
    ),
    text!(
        "wizard.several",
        "le porteur administre plusieurs serveurs : choisissez-en un avec --fqdn (ou --email) : {}",
        "the holder administers several servers: choose one with --fqdn (or --email): {}"
    ),
    text!(
        "wizard.none",
        "aucun serveur trouvé pour le porteur {} : donnez-le avec --fqdn (ou --email)",
        "no server found for holder {}: give it with --fqdn (or --email)"
    ),
    text!(
        "wizard.ask_fqdn",
        "nom complet du serveur (FQDN)",
        "server's full name (FQDN)"
    ),
    text!(
        "wizard.ask_email",
        "adresse e-mail du serveur",
        "server's e-mail address"
    ),
    text!("wizard.pick", "numéro du serveur", "server number"),
    text!(
        "wizard.step_holder",
        "carte {} — porteur {}",
        "card {} — holder {}"
    ),
    text!(
        "wizard.step_target",
        "serveur : {}",
        "server: {}"
    ),
    text!(
        "wizard.waiting",
        "attente de la réponse : relève dans {} s, reste {} s",
        "waiting for the answer: next check in {} s, {} s left"
    ),
    text!(
        "wizard.rejected",
        "demande rejetée : {} — {}",
        "request rejected: {} — {}"
    ),
    text!(
        "wizard.done",
        "certificat obtenu. Fichiers dans {} : {}, {}, {} et password.txt",
        "certificate obtained. Files in {}: {}, {}, {} and password.txt"
    ),
    text!(
        "wizard.password_notice",
        "password.txt contient les mots de passe de la clé et du PKCS#12 : conservez-les ailleurs (coffre-fort de mots de passe), puis supprimez ce fichier",
        "password.txt holds the key and PKCS#12 passwords: store them elsewhere (a password manager), then delete this file"
    ),
    text!(
        "wizard.previous",
        "résultats précédents déplacés dans {}",
        "earlier results moved to {}"
    ),
    text!(
        "wizard.nothing_to_resume",
        "aucune procédure CleoWizard en attente",
        "no CleoWizard run waiting"
    ),
    text!(
        "wizard.resuming",
        "reprise de {} (état : {})",
        "resuming {} (state: {})"
    ),
];
