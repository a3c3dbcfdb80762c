use crate::lang::Text;
use crate::text;

pub static TEXTS: &[Text] = &[
    text!(
        "dir.not_configured",
        "aucun annuaire configuré : renseignez ldap ou directory_file dans la configuration",
        "no directory is configured: set ldap or directory_file in the configuration"
    ),
    text!(
        "dir.no_holder",
        "identifiant du porteur inconnu : précisez --holder ID (identifiant de la carte CPS)",
        "card holder id unknown: give --holder ID (the CPS card holder's identifier)"
    ),
    text!(
        "dir.plaintext_bind",
        "l'annuaire {} serait interrogé avec un mot de passe en clair : utilisez ldaps:// ou \"starttls\": true (ou \"allow_plaintext\": true si le réseau est sûr)",
        "the directory {} would get a password in clear text: use ldaps:// or \"starttls\": true (or \"allow_plaintext\": true on a trusted network)"
    ),
    text!(
        "dir.bad_url",
        "URL d'annuaire « {} » invalide : utilisez ldap://hôte[:port] ou ldaps://hôte[:port]",
        "invalid directory URL \"{}\": use ldap://host[:port] or ldaps://host[:port]"
    ),
    text!(
        "dir.refused",
        "l'annuaire {} refuse la connexion : vérifiez l'URL et que le serveur fonctionne",
        "the directory {} refused the connection: check the URL and that the server is running"
    ),
    text!(
        "dir.timeout",
        "l'annuaire {} ne répond pas (délai dépassé) : vérifiez le réseau ou augmentez timeout_s ; à défaut, saisissez le FQDN",
        "the directory {} does not answer (timeout): check the network or raise timeout_s; otherwise type the FQDN"
    ),
    text!("dir.server_named", "l'annuaire {}", "the directory {}"),
    text!(
        "dir.auth",
        "l'annuaire refuse l'authentification de « {} » : vérifiez bind_dn et password_file",
        "the directory refused the bind of \"{}\": check bind_dn and password_file"
    ),
    text!(
        "dir.no_password",
        "ldap : \"bind_dn\" est renseigné mais pas \"password_file\"",
        "ldap: \"bind_dn\" is set but \"password_file\" is not"
    ),
    text!(
        "dir.search",
        "l'annuaire refuse la recherche : {} ; vérifiez base et filter",
        "the directory refused the search: {}; check base and filter"
    ),
    text!(
        "dir.other",
        "erreur de l'annuaire {} : {}",
        "directory {} error: {}"
    ),
    text!(
        "dir.file",
        "fichier d'annuaire {} inutilisable : {}",
        "directory file {} unusable: {}"
    ),
    text!(
        "dir.size_limit",
        "attention : l'annuaire s'est arrêté à {} résultats, la liste est incomplète (augmentez ldap.size_limit ou précisez le filtre)",
        "warning: the directory stopped at {} results, the list is incomplete (raise ldap.size_limit or narrow the filter)"
    ),
    text!(
        "dir.none",
        "aucun serveur trouvé pour le porteur {}",
        "no server found for holder {}"
    ),
    text!(
        "dir.ignores_limit",
        "l'annuaire {} envoie plus de {} réponses malgré la limite demandée : recherche abandonnée ; vérifiez ldap.url (est-ce bien l'annuaire ?) ; à défaut, saisissez le FQDN",
        "the directory {} sends more than {} entries despite the limit asked: search abandoned; check ldap.url (is it really the directory?); otherwise type the FQDN"
    ),
];
