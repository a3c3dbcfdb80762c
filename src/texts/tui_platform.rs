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
];
