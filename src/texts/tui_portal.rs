//! The TUI's texts for the portal route (a CSR for the web portal, its
//! certificate imported by hand) and the details a large terminal shows,
//! French and English side by side.

use cleocps_core::i18n::Text;
use cleocps_core::text;

pub static TEXTS: &[Text] = &[
    // Étape 3 of a request made for the portal, before the answer.
    text!(
        "tui.portal.wait",
        "Demande faite pour la plateforme IGC-Santé : après « Retirer », collez ici le certificat (v) ou importez le fichier (i) ; si la plateforme a fait la clé, I importe son .p12.",
        "Request made for the IGC-Santé platform: after \"Retirer\", paste the certificate here (v) or import the file (i); if the platform made the key, I imports its .p12."
    ),
    // The CSR dialog of a request made for the portal.
    text!(
        "tui.portal.csr",
        "Pour le portail IGC-Santé : y copie cette demande dans le presse-papiers de votre poste (si votre terminal le permet), ou sélectionnez-la à la souris ; collez-la sur le portail, puis le certificat obtenu à l'étape 3 (v).",
        "For the IGC-Santé portal: y copies this request to your workstation's clipboard (if your terminal allows it), or select it with the mouse; paste it on the portal, then the certificate you get in Step 3 (v)."
    ),
    // "Accéder aux fichiers": columns, sizes.
    text!("tui.files.name", "Fichier", "File"),
    text!("tui.files.size", "Taille", "Size"),
    text!("tui.files.mode", "Droits", "Mode"),
    text!("tui.size.b", "{} o", "{} B"),
    text!("tui.size.kb", "{} Ko", "{} KB"),
    text!("tui.size.mb", "{} Mo", "{} MB"),
    // The details under the buttons on a large terminal.
    text!("tui.more.chain", "Chaîne de confiance", "Chain of trust"),
    text!("tui.more.anchor", "(ancre)", "(anchor)"),
    text!(
        "tui.more.journal",
        "Journal (le plus récent en dernier)",
        "Journal (most recent last)"
    ),
    text!("tui.more.files", "Fichiers de la demande", "The request's files"),
    // Journal actions, as people say them.
    text!("tui.jn.keys_generate", "Clés générées", "Keys generated"),
    text!("tui.jn.keys_replace", "Clés remplacées", "Keys replaced"),
    text!("tui.jn.form_edit", "Formulaire modifié", "Form changed"),
    text!("tui.jn.request_generate", "Demande générée", "Request generated"),
    text!("tui.jn.request_send", "Demande envoyée", "Request mailed"),
    text!("tui.jn.response_fetch", "Boîte relevée", "Mailbox read"),
    text!("tui.jn.response_import", "Réponse importée", "Answer imported"),
    text!("tui.jn.rejection", "Refus", "Rejection"),
    text!("tui.jn.export_pem", "Export .key + .crt", "Export .key + .crt"),
    text!("tui.jn.export_p12", "Export .p12", "Export .p12"),
    text!("tui.jn.renew", "Renouvellement", "Renewal"),
    text!("tui.jn.delete", "Suppression", "Deletion"),
    text!("tui.jn.adopt", "Reprise", "Adopted"),
    text!("tui.jn.key_password", "Mot de passe de la clé", "Key password"),
    text!("tui.jn.deploy", "Déploiement", "Deploy"),
];
