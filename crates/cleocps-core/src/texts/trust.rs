use crate::lang::Text;
use crate::text;

pub static TEXTS: &[Text] = &[
    text!(
        "trust.anchor_unreadable",
        "ancre de confiance « {} » inutilisable ({}) : donnez le chemin d'un certificat PEM, ou le nom d'une ancre intégrée ({})",
        "trust anchor \"{}\" unusable ({}): give the path of a PEM certificate, or the name of a built-in anchor ({})"
    ),
    text!(
        "trust.built_in_mismatch",
        "l'ancre intégrée « {} » n'a pas l'empreinte publiée : ce programme est endommagé, réinstallez-le",
        "the built-in anchor \"{}\" does not have its published fingerprint: this program is damaged, reinstall it"
    ),
    text!(
        "trust.no_anchor",
        "aucune ancre de confiance : mettez au moins une ancre dans trust.anchors (par exemple \"igc-sante\") ou donnez --trust-anchor FICHIER",
        "no trust anchor: put at least one anchor in trust.anchors (for example \"igc-sante\") or give --trust-anchor FILE"
    ),
    text!(
        "trust.intermediates_unreadable",
        "trust.intermediates « {} » illisible ({}) : donnez un fichier PEM ou un répertoire de certificats",
        "trust.intermediates \"{}\" unreadable ({}): give a PEM file or a directory of certificates"
    ),
    text!(
        "trust.fetch_failed",
        "il manque le certificat de l'autorité « {} », émettrice de « {} », et son téléchargement depuis {} a échoué ({}) : téléchargez-le vous-même et mettez-le dans trust.intermediates, ou déclarez l'autorité avec --trust-anchor FICHIER ou trust.anchors si vous lui faites confiance",
        "the certificate of the authority \"{}\", issuer of \"{}\", is missing and downloading it from {} failed ({}): download it yourself and put it in trust.intermediates, or declare the authority with --trust-anchor FILE or trust.anchors if you trust it"
    ),
    text!(
        "field.truststore_password",
        "mot de passe du magasin de confiance",
        "truststore password"
    ),
];
