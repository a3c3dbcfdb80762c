//! The TUI's texts of operations: days left in the tree, Étape
//! 3's certificate and renewal links, the deploy dialogs. See `i18n`.

use crate::i18n::Text;
use cleocps_core::text;

pub static OPS_TEXTS: &[Text] = &[
    // The tree's tag of a certified request (8 columns at most).
    text!("tui.tag.days", "{} j", "{} d"),
    text!("tui.tag.expired", "expiré", "expired"),
    text!("tui.tag.replaced", "remplacé", "replaced"),
    // Étape 3: the certificate's life.
    text!("tui.cert.left", "Reste", "Left"),
    text!("tui.cert.days_left", "{} jours (jusqu'au {})", "{} days (until {})"),
    text!("tui.cert.expired_on", "expiré le {}", "expired on {}"),
    text!("tui.cert.deployed", "Installé", "Installed"),
    text!("tui.cert.not_deployed", "pas encore déployé par cleocps", "not deployed by cleocps yet"),
    text!("tui.cert.renews", "Renouvelle : {}", "Renews: {}"),
    text!("tui.cert.renewed_by", "Renouvelée par : {}", "Renewed by: {}"),
    text!("tui.cert.replaced", "Remplacé par {}, en service.", "Replaced by {}, in service."),
    // The deploy action and its dialogs.
    text!("tui.btn.deploy", "Déployer", "Deploy"),
    text!("tui.job.deploy", "Déploiement…", "Deploying…"),
    text!("tui.title.deploy", "Déployer", "Deploy"),
    text!("tui.title.deploy_done", "Déploiement fait", "Deployed"),
    text!("tui.title.deploy_failed", "Déploiement annulé", "Deploy undone"),
    text!("tui.deploy.question", "Installer le certificat de {} ainsi ?", "Install the certificate of {} like this?"),
    text!("tui.deploy.owner", "Propriétaire", "Owner"),
    text!("tui.deploy.modes", "Droits", "Modes"),
    text!("tui.deploy.modes_value", "certificats {}, clé {}", "certificates {}, key {}"),
    text!("tui.deploy.key_encrypted", "la clé reste chiffrée", "the key stays encrypted"),
    text!("tui.deploy.check", "Vérifier", "Check"),
    text!("tui.deploy.reload", "Recharger", "Reload"),
    text!("tui.deploy.none", "(aucune)", "(none)"),
    text!("tui.deploy.unchanged", "(inchangé)", "(unchanged)"),
    text!("tui.deploy.safe", "Échec de vérification ou de rechargement : anciens fichiers remis.", "A failed check or reload puts the previous files back."),
    text!("tui.kn.updown", "↑↓", "↑↓"),
    text!("tui.key.scroll", "défiler", "scroll"),
    text!("tui.deploy.done", "{} déployé", "{} deployed"),
    text!("tui.deploy.again", "Rechargé de nouveau avec les fichiers précédents :", "Reloaded again with the previous files:"),
    text!(
        "tui.deploy.no_profile",
        "Aucun profil de déploiement n'est enregistré pour cette demande. Un premier déploiement fait sur le serveur avec les chemins des fichiers (certificat, clé, chaîne), le propriétaire, les droits et les commandes de vérification et de rechargement, et l'option d'enregistrement, le garde : il sera proposé ici, et repris par le renouvellement. Voir « Déployer » dans le manuel.",
        "No deploy profile is saved for this request. A first deploy on the server with the files' paths (certificate, key, chain), owner, modes and the check and reload commands, and the option to save them, keeps it: it is offered here then, and inherited by the renewal. See \"Deploy\" in the manual."
    ),
];
