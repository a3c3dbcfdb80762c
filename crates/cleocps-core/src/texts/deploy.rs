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
    text!("deploy.bad_mode", "mode « {} » invalide : donnez-le en octal, p. ex. 0644", "invalid mode \"{}\": give it in octal, e.g. 0644"),
    text!(
        "deploy.unknown_owner",
        "propriétaire « {} » inconnu : donnez UTILISATEUR:GROUPE existants (noms ou numéros)",
        "unknown owner \"{}\": give an existing USER:GROUP (names or numbers)"
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
