//! The platform wizard's texts: its screens, and the French of its flags'
//! `--help`.

use cleocps_core::i18n::Text;
use cleocps_core::text;

pub static TEXTS: &[Text] = &[
    text!("tui.dform.title", "Premier déploiement", "First deploy"),
    text!(
        "tui.dform.intro",
        "Où le service lit-il le certificat de {} ?",
        "Where does the service read the certificate of {}?"
    ),
    text!("tui.dform.fullchain", "Chaîne complète (nginx)", "Full chain (nginx)"),
    text!("tui.dform.cert", "Certificat seul", "Certificate alone"),
    text!("tui.dform.key", "Clé privée", "Private key"),
    text!("tui.dform.chain", "Chaîne de l'autorité", "Authority's chain"),
    text!("tui.dform.owner", "Propriétaire (util:groupe)", "Owner (user:group)"),
    text!("tui.dform.mode", "Droits des certificats", "Certificates' mode"),
    text!("tui.dform.key_mode", "Droits de la clé", "Key's mode"),
    text!("tui.dform.check", "Commande de vérification", "Check command"),
    text!("tui.dform.reload", "Commande de rechargement", "Reload command"),
    text!(
        "tui.dform.note",
        "Champ vide : non installé. Échec de vérification : anciens fichiers remis.",
        "Empty field: not installed. A failed check puts the previous files back."
    ),
    text!(
        "tui.dform.no_targets",
        "Rien à installer : donnez le chemin d'au moins un fichier.",
        "Nothing to install: give the path of one file at least."
    ),
    text!("tui.dform.run", "déployer et enregistrer", "deploy and save"),
    text!("tui.dform.cert_short", "Certificat", "Certificate"),
    text!("tui.dform.chain_short", "Chaîne AC", "CA chain"),
    text!("tui.dform.fullchain_short", "Cert.+chaîne", "Full chain"),
    text!("tui.wpf.s.subject", "Nom", "Name"),
    text!("tui.wpf.key.deploy", "installer sur le serveur (profil de déploiement)", "install on the server (deploy profile)"),
    text!("tui.wpf.s.request", "Demande", "Request"),
    text!("tui.wpf.s.certificate", "Certificat", "Certificate"),
    text!("tui.wpf.job.csr", "Création de la clé et de la demande…", "Making the key and the request…"),
    text!("tui.wpf.job.import", "Vérification du certificat et écriture des fichiers…", "Checking the certificate and writing the files…"),
    text!("tui.wpf.other_type", "Autre type : par la plateforme IGC-Santé", "Another type: through the IGC-Santé platform"),
    text!("tui.wpf.use.ssl", "serveur web, TLS", "web server, TLS"),
    text!("tui.wpf.use.smime", "boîte aux lettres d'un serveur", "a server's mailbox"),
    text!("tui.wpf.use.serv_sign", "serveur qui signe", "server that signs"),
    text!("tui.wpf.use.serv_conf", "serveur qui déchiffre", "server that deciphers"),
    text!("tui.wpf.use.org_auth_cli", "service client : INSi, DMP", "client service: INSi, DMP"),
    text!("tui.wpf.use.org_sign", "service qui signe des documents", "service that signs documents"),
    text!("tui.wpf.use.org_conf", "service qui déchiffre", "service that deciphers"),
    text!("tui.wpf.service", "Nom du service (le CN du certificat) :", "The service's name (the certificate's CN):"),
    text!("tui.wpf.insi", "INSi n'accepte que INSI-AUTO ou INSI-MANU, écrits exactement ainsi.", "INSi takes only INSI-AUTO or INSI-MANU, written exactly so."),
    text!("tui.wpf.ask_service", "Nom du service", "Service name"),
    text!("tui.wpf.typed", "Le nom figurera dans le certificat, tel que saisi.", "The name goes into the certificate as typed."),
    text!("tui.wpf.csr_title", "Demande prête. Sur la plateforme IGC-Santé :", "Request ready. On the IGC-Santé platform:"),
    text!("tui.wpf.copy", "copier la demande", "copy the request"),
    text!("tui.wpf.show", "afficher la demande seule", "show the request alone"),
    text!("tui.wpf.given", "demande fournie", "request provided"),
    text!("tui.wpf.copied", "Demande copiée dans le presse-papiers du terminal.", "Request copied to the terminal's clipboard."),
    text!("tui.wpf.cert_title", "Certificat délivré par la plateforme", "The certificate the platform issued"),
    text!(
        "tui.wpf.cert_paste",
        "Ou collez ici le certificat en PEM (lignes BEGIN et END comprises). Il est vérifié, puis les fichiers sont écrits.",
        "Or paste the certificate here as PEM (its BEGIN and END lines included). It is checked, then the files are written."
    ),
    text!(
        "tui.wpf.cert_file",
        "Chemin du fichier reçu (PEM, DER, .p7b, .p7c), puis Entrée :",
        "Path of the file received (PEM, DER, .p7b, .p7c), then Enter:"
    ),
    text!(
        "tui.wpf.kept",
        "En attendant, la demande {} reste dans CleoWizard : w pour reprendre.",
        "Meanwhile request {} stays in CleoWizard: w to resume."
    ),
    text!(
        "help.the_road_the_igc_sante_platform",
        "La voie : la plateforme IGC-Santé (la demande part, le certificat revient) ou la carte et un serveur d'inscription par courriel (par défaut : la carte pour ssl et smime quand un serveur d'inscription est configuré, sinon la plateforme)",
        "The road: the IGC-Santé platform (the request out, the certificate back) or the card and a registration server by mail (default: the card for ssl and smime when a registration server is configured, else the platform)"
    ),
    text!(
        "help.on_the_platform_s_road_the_name",
        "Sur la voie de la plateforme, le nom du certificat : le nom complet du serveur ou sa boîte aux lettres, ou le nom du service (INSi : INSI-AUTO ou INSI-MANU)",
        "On the platform's road, the certificate's name: the server's FQDN or mailbox, or the service's name (INSi: INSI-AUTO or INSI-MANU)"
    ),
    text!(
        "help.on_the_platform_s_road_the_cert",
        "Sur la voie de la plateforme, le certificat qu'elle a délivré (PEM, DER, .p7b/.p7c ; - pour l'entrée standard) ; sans cette option l'assistant affiche la demande et s'arrête, reprenable",
        "On the platform's road, the certificate it issued (PEM, DER, .p7b/.p7c; - for standard input); without it the wizard prints the request and stops, resumable"
    ),
    text!("help.the_igc_sante_platform_every_type", "La plateforme IGC-Santé : tous les types", "The IGC-Santé platform: every type"),
    text!(
        "help.the_card_and_a_registration_server",
        "La carte et un serveur d'inscription par courriel : ssl et smime",
        "The card and a registration server by mail: ssl and smime"
    ),
];

#[cfg(test)]
mod tests {
    use crate::tui::job_kind::WizardJobKind;

    #[test]
    fn the_platform_jobs_speak_from_this_table() {
        for kind in [WizardJobKind::Csr, WizardJobKind::Import] {
            assert!(super::TEXTS.iter().any(|t| t.id == kind.text_id()));
        }
    }
}
