use crate::lang::Text;
use crate::text;

pub static TEXTS: &[Text] = &[
    text!(
        "wizard.bad_service",
        "Un nom de service : lettres sans accent, chiffres, espace et - _ . ' ( ) / & + , (64 au plus), par exemple INSI-AUTO.",
        "A service name: letters without accents, digits, space and - _ . ' ( ) / & + , (64 at most), e.g. INSI-AUTO."
    ),
    text!("wizard.pf.step_demander", "Cliquez « Demander ».", "Click \"Demander\"."),
    text!("wizard.pf.step_offer", "Choisissez l'offre {}.", "Choose the offer {}."),
    text!("wizard.pf.step_structure", "Choisissez votre structure.", "Choose your structure."),
    text!("wizard.pf.step_new", "Cliquez « Demander un nouveau produit ».", "Click \"Demander un nouveau produit\"."),
    text!("wizard.pf.step_usage", "Choisissez l'usage {}.", "Choose the usage {}."),
    text!(
        "wizard.pf.step_provide",
        "Fournissez la demande (CSR) en entier, lignes BEGIN et END comprises.",
        "Provide the request (CSR) whole, its BEGIN and END lines included."
    ),
    text!(
        "wizard.pf.waiting",
        "La demande {} attend le certificat de la plateforme. Reprenez avec « cleocps wizard --resume --cert FICHIER », ou rouvrez l'assistant.",
        "Request {} waits for the platform's certificate. Resume with \"cleocps wizard --resume --cert FILE\", or open the wizard again."
    ),
    text!(
        "wizard.pf.deploy_hint",
        "Pour installer le certificat sur le serveur et garder ce profil : {}",
        "To install the certificate on the server and keep this profile: {}"
    ),
    text!(
        "wizard.pf.need_cn",
        "donnez le nom du certificat avec --cn (le nom complet du serveur, sa boîte aux lettres, ou le nom du service : INSI-AUTO ou INSI-MANU pour INSi)",
        "give the certificate's name with --cn (the server's full name, its mailbox, or the service's name: INSI-AUTO or INSI-MANU for INSi)"
    ),
    text!("wizard.pf.other_name", "Un autre nom, à saisir", "Another name, typed"),
    text!("wizard.pf.ask_cn", "Nom du certificat", "Certificate's name"),
];
