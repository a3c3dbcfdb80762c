//! The TUI's texts for the platform road: the seven request types by the
//! platform's names, the first run's choice of road, the platform's steps
//! in its own words and the import of its `.p12`, French and English side
//! by side.

use cleocps_core::i18n::Text;
use cleocps_core::text;

pub static TEXTS: &[Text] = &[
    // The request types, by the platform's offer and usage.
    text!(
        "tui.ptype.ssl",
        "SERV SSL_SERV  serveur TLS (https)",
        "SERV SSL_SERV  TLS server (https)"
    ),
    text!(
        "tui.ptype.smime",
        "SERV S/MIME    messagerie d'un serveur",
        "SERV S/MIME    a server's mailbox"
    ),
    text!(
        "tui.ptype.serv_sign",
        "SERV SIGN      signature par un serveur",
        "SERV SIGN      signing by a server"
    ),
    text!(
        "tui.ptype.serv_conf",
        "SERV CONF      chiffrement pour un serveur",
        "SERV CONF      encryption to a server"
    ),
    text!(
        "tui.ptype.org_auth_cli",
        "ORG AUTH_CLI   authentification d'un service (INSi, DMP)",
        "ORG AUTH_CLI   a service's authentication (INSi, DMP)"
    ),
    text!(
        "tui.ptype.org_sign",
        "ORG SIGN       signature de documents",
        "ORG SIGN       document signing"
    ),
    text!(
        "tui.ptype.org_conf",
        "ORG CONF       chiffrement pour un service",
        "ORG CONF       encryption to a service"
    ),
    // The form of an ORG request.
    text!("tui.lbl.service", "Nom du service", "Service name"),
    text!(
        "tui.key.offered_name",
        "nom proposé (INSi)",
        "offered name (INSi)"
    ),
    text!(
        "tui.form.offered_insi",
        "F2 : INSI-AUTO ou INSI-MANU, les seuls noms qu'INSi accepte",
        "F2: INSI-AUTO or INSI-MANU, the only names INSi accepts"
    ),
    // The first run: which road.
    text!(
        "tui.road.title",
        "Comment obtenez-vous vos certificats ?",
        "How do you obtain your certificates?"
    ),
    text!(
        "tui.road.platform",
        "par la plateforme IGC-Santé",
        "through the IGC-Santé platform"
    ),
    text!(
        "tui.road.card",
        "par un serveur d'inscription par messagerie, avec la carte CPS",
        "through a registration server by mail, with the CPS card"
    ),
    // Étape 2: the platform's steps, in its words.
    text!(
        "tui.pf.title",
        "Sur la plateforme IGC-Santé · {}",
        "On the IGC-Santé platform · {}"
    ),
    text!(
        "tui.pf.1",
        "1. Sur votre poste, pfc.eservices.esante.gouv.fr avec la carte CPS : « Demander ».",
        "1. On your workstation, pfc.eservices.esante.gouv.fr with the CPS card: \"Demander\"."
    ),
    text!(
        "tui.pf.2",
        "2. Offre {}, structure {} : « Demander un nouveau produit ».",
        "2. Offer {}, structure {}: \"Demander un nouveau produit\"."
    ),
    text!(
        "tui.pf.3",
        "3. Usage {}, puis fournissez la demande : v l'affiche seule, y la copie.",
        "3. Usage {}, then provide the request: v shows it alone, y copies it."
    ),
    text!(
        "tui.pf.4",
        "4. « Retirer » le certificat, puis à l'étape 3, v : collez-le.",
        "4. \"Retirer\" the certificate, then in Step 3, v: paste it."
    ),
    text!("tui.pf.your_structure", "la vôtre", "yours"),
    // Étape 3: the platform's `.p12`, when it made the key.
    text!(
        "tui.btn.import_p12",
        "Importer le .p12 de la plateforme",
        "Import the platform's .p12"
    ),
    text!(
        "tui.p12in.file",
        "Le .p12 retiré de la plateforme",
        "The .p12 withdrawn from the platform"
    ),
    text!(
        "tui.p12in.password",
        "Mot de passe du .p12",
        "The .p12's password"
    ),
    text!(
        "tui.p12in.password.advice",
        "Celui choisi sur la plateforme en retirant le certificat.",
        "The one chosen on the platform when withdrawing the certificate."
    ),
    text!(
        "tui.p12in.done",
        "Le .p12 de la plateforme est importé : la demande tient sa clé et son certificat.",
        "The platform's .p12 is imported: the request holds its key and certificate."
    ),
    text!(
        "tui.p12in.certified",
        "Cette demande a déjà son certificat : pour un nouveau .p12, créez une nouvelle demande.",
        "This request already has its certificate: for a new .p12, create a new request."
    ),
    text!(
        "tui.p12in.locked_hint",
        "Si la plateforme a fait la clé : I importe son .p12.",
        "If the platform made the key: I imports its .p12."
    ),
    // A pane whose rows run past its bottom.
    text!(
        "tui.more_below",
        "↓ et d'autres actions : ? les liste toutes",
        "↓ and more actions: ? lists them all"
    ),
    // Trust refusals, said with the screen that fixes them.
    text!(
        "tui.err.untrusted_root",
        "la chaîne aboutit à l'autorité « {} », qui n'est pas une ancre de confiance : si vous lui faites confiance, ajoutez son certificat dans Configuration › Confiance (touche C).",
        "the chain ends at the authority \"{}\", which is not a trust anchor: if you trust it, add its certificate in Configuration › Trust (key C)."
    ),
    text!(
        "tui.err.missing_issuer",
        "il manque le certificat de l'autorité « {} », émettrice de « {} » : ajoutez-le dans Configuration › Confiance (touche C), comme ancre si vous lui faites confiance, sinon comme intermédiaire.",
        "the certificate of the authority \"{}\", issuer of \"{}\", is missing: add it in Configuration › Trust (key C), as an anchor if you trust it, else as an intermediate."
    ),
    text!(
        "tui.done.keys_form_ready",
        "Clés générées : Étape 2, r pour générer la demande (e pour revoir le formulaire).",
        "Keys generated: Step 2, r to generate the request (e to review the form)."
    ),
];
