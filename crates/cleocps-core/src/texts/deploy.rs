//! Texts of `deploy`. See `i18n`.

use crate::lang::Text;
use crate::text;

pub static TEXTS: &[Text] = &[
    text!(
        "deploy.no_profile",
        "aucun profil de déploiement enregistré : donnez --cert, --key, --chain ou --fullchain (et --save pour le garder)",
        "no saved deploy profile: give --cert, --key, --chain or --fullchain (and --save to keep it)"
    ),
    text!(
        "deploy.no_targets",
        "rien à installer : donnez au moins un de --cert, --key, --chain, --fullchain",
        "nothing to install: give at least one of --cert, --key, --chain, --fullchain"
    ),
    text!(
        "deploy.expired",
        "le certificat a expiré le {} : renouvelez-le au lieu de le déployer",
        "the certificate expired on {}: renew it instead of deploying it"
    ),
    text!(
        "deploy.key_mismatch",
        "le certificat ne correspond pas à la clé de la demande : rien n'a été installé",
        "the certificate does not match the request's key: nothing was installed"
    ),
    text!(
        "deploy.key_not_encrypted",
        "--encrypted-key : la clé n'a pas de mot de passe ; donnez-lui en un ou retirez --encrypted-key",
        "--encrypted-key: the key has no password; give it one or drop --encrypted-key"
    ),
    text!(
        "deploy.parent_not_dir",
        "{} : le dossier qui doit le contenir n'existe pas (cleocps ne le crée pas) ; créez-le avec les droits voulus",
        "{}: its directory does not exist (cleocps does not create it); create it with the permissions you want"
    ),
    text!(
        "deploy.symlink",
        "{} est un lien symbolique : cleocps ne le suit pas ; donnez --follow-symlinks pour remplacer le fichier qu'il désigne",
        "{} is a symbolic link: cleocps does not follow it; give --follow-symlinks to replace the file it points to"
    ),
    text!("deploy.target_is_dir", "{} est un dossier : donnez le chemin d'un fichier", "{} is a directory: give a file's path"),
    text!("deploy.same_target", "{} est donné pour deux fichiers", "{} is given for two files"),
    text!(
        "deploy.timed_out",
        "arrêtée au bout de {} s, avec ce qu'elle avait lancé ; --command-timeout règle ce délai",
        "timed out after {} s, stopped with what it started; --command-timeout sets this delay"
    ),
    text!(
        "deploy.not_regular",
        "{} n'est pas un fichier ordinaire (périphérique, tube ou socket) : cleocps ne le remplace pas ; donnez le chemin d'un fichier",
        "{} is not a regular file (a device, FIFO or socket): cleocps does not replace it; give a file's path"
    ),
    text!(
        "deploy.in_workspace",
        "{} est dans l'espace de travail de cleocps : installez le certificat ailleurs, là où le service le lit",
        "{} is inside cleocps's workspace: install the certificate elsewhere, where the service reads it"
    ),
    text!(
        "deploy.untrusted_link",
        "{} appartient à l'utilisateur n° {}, ni root ni vous : --follow-symlinks ne suit que les liens (et dossiers) de root ou les vôtres ; remplacez le lien par le fichier",
        "{} belongs to user id {}, neither root nor you: --follow-symlinks follows only links (and directories) of root or yours; replace the link by the file"
    ),
    text!(
        "deploy.key_mode_others",
        "--key-mode {} donne des droits sur la clé à tous les utilisateurs : donnez au plus 0640 (propriétaire et groupe)",
        "--key-mode {} gives every user rights on the key: give at most 0640 (owner and group)"
    ),
    text!(
        "deploy.interrupted",
        "déploiement interrompu ({}) : les fichiers précédents sont remis",
        "deploy interrupted ({}): the previous files are back"
    ),
    text!(
        "deploy.swap_failed",
        "{} n'a pas pu être mis en place ({}) : les fichiers précédents sont remis ; vérifiez les droits et la place libre du dossier, puis relancez",
        "{} could not be put in place ({}): the previous files are back; check the directory's permissions and free space, then deploy again"
    ),
    text!(
        "deploy.not_restored",
        "ATTENTION, les fichiers précédents n'ont pas pu être remis ({}) : chaque fichier précédent est gardé à côté (.NOM.cleocps-previous) ; remettez-le à la main",
        "WARNING, the previous files could not be put back ({}): each previous file is kept beside it (.NAME.cleocps-previous); put it back by hand"
    ),
    text!("deploy.bad_mode", "mode « {} » invalide : donnez-le en octal, p. ex. 0644", "invalid mode \"{}\": give it in octal, e.g. 0644"),
    text!(
        "deploy.unknown_owner",
        "propriétaire « {} » inconnu : donnez des noms UTILISATEUR:GROUPE existants, ou des numéros (pris tels quels)",
        "unknown owner \"{}\": give existing USER:GROUP names, or numeric ids (taken as given)"
    ),
    text!(
        "deploy.check_failed",
        "la vérification « {} » a échoué ({}) : les fichiers précédents sont remis, rien n'a été rechargé",
        "the check \"{}\" failed ({}): the previous files are back, nothing was reloaded"
    ),
    text!(
        "deploy.reload_failed",
        "le rechargement « {} » a échoué ({}) : les fichiers précédents sont remis et le service rechargé avec eux",
        "the reload \"{}\" failed ({}): the previous files are back and the service was reloaded with them"
    ),
    text!(
        "deploy.reload_failed_twice",
        "le rechargement « {} » a échoué ({}) : les fichiers précédents sont remis, mais le second rechargement a échoué aussi : vérifiez le service",
        "the reload \"{}\" failed ({}): the previous files are back, but reloading again failed too: check the service"
    ),
    text!(
        "deploy.done",
        "{} déployé (numéro de série {}) :",
        "{} deployed (serial {}):"
    ),
];
