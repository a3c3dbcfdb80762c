//! Texts of revocation checks. See `i18n`.

use crate::lang::Text;
use crate::text;

pub static TEXTS: &[Text] = &[
    text!("revocation.good", "non révoqué", "not revoked"),
    text!("revocation.off", "révocation non vérifiée", "revocation not checked"),
    text!("revocation.revoked", "révoqué", "revoked"),
    text!("revocation.revoked_on", "révoqué le {} (motif : {})", "revoked on {} (reason: {})"),
    text!("revocation.unknown", "état de révocation inconnu : {}", "revocation status unknown: {}"),
    text!(
        "revocation.fetch",
        "{} injoignable : {}",
        "{} unreachable: {}"
    ),
    text!(
        "revocation.unreadable",
        "réponse de révocation illisible ({})",
        "unreadable revocation answer ({})"
    ),
    text!(
        "revocation.not_signed",
        "réponse de révocation refusée : elle n'est pas signée par l'autorité émettrice du certificat",
        "revocation answer refused: it is not signed by the certificate's issuing authority"
    ),
    text!(
        "revocation.responder",
        "le répondeur OCSP refuse de répondre ({})",
        "the OCSP responder declines to answer ({})"
    ),
    text!(
        "revocation.not_listed",
        "le répondeur OCSP ne connaît pas ce certificat",
        "the OCSP responder does not know this certificate"
    ),
    text!(
        "revocation.stale",
        "réponse de révocation périmée (prochaine mise à jour prévue le {})",
        "stale revocation answer (next update was due on {})"
    ),
    text!(
        "revocation.not_yet_valid",
        "réponse de révocation datée du futur ({}) : vérifiez l'horloge de ce serveur",
        "revocation answer dated in the future ({}): check this server's clock"
    ),
    text!(
        "revocation.no_issuer",
        "certificat de l'autorité émettrice « {} » introuvable : ajoutez-le à trust.intermediates",
        "certificate of the issuing authority \"{}\" not found: add it to trust.intermediates"
    ),
    text!(
        "revocation.no_pointer",
        "le certificat n'indique ni répondeur OCSP ni liste de révocation",
        "the certificate names no OCSP responder and no revocation list"
    ),
    text!(
        "revocation.ldap_skipped",
        "{} ignorée (LDAP) : mettez revocation.ldap à true pour la consulter",
        "{} skipped (LDAP): set revocation.ldap to true to read it"
    ),
    text!(
        "revocation.check_revoked",
        "{} RÉVOQUÉ le {} (motif : {}, numéro de série {})",
        "{} REVOKED on {} (reason: {}, serial {})"
    ),
    text!(
        "revocation.bad_serial",
        "numéro de série invalide : donnez-le en hexadécimal, tel que « cleocps status » l'affiche",
        "invalid serial number: give it in hexadecimal, as \"cleocps status\" shows it"
    ),
    text!(
        "revocation.serial_unknown",
        "ce serveur d'enregistrement n'a émis aucun certificat de ce numéro de série (voir son dossier issued/)",
        "this registration server issued no certificate with that serial number (see its issued/ directory)"
    ),
    text!(
        "revocation.bad_reason",
        "motif de révocation inconnu",
        "unknown revocation reason"
    ),
    text!(
        "revocation.check_unknown",
        "{} : état de révocation inconnu depuis le {} ({})",
        "{}: revocation status unknown since {} ({})"
    ),
    // Reasons: RFC 5280 names, with a French gloss.
    text!("revocation.reason.unspecified", "non précisé (unspecified)", "unspecified"),
    text!("revocation.reason.keyCompromise", "compromission de la clé (keyCompromise)", "keyCompromise"),
    text!("revocation.reason.cACompromise", "compromission de l'autorité (cACompromise)", "cACompromise"),
    text!("revocation.reason.affiliationChanged", "changement d'affiliation (affiliationChanged)", "affiliationChanged"),
    text!("revocation.reason.superseded", "remplacé (superseded)", "superseded"),
    text!("revocation.reason.cessationOfOperation", "cessation d'activité (cessationOfOperation)", "cessationOfOperation"),
    text!("revocation.reason.certificateHold", "suspendu (certificateHold)", "certificateHold"),
    text!("revocation.reason.removeFromCRL", "retiré de la liste (removeFromCRL)", "removeFromCRL"),
    text!("revocation.reason.privilegeWithdrawn", "privilège retiré (privilegeWithdrawn)", "privilegeWithdrawn"),
    text!("revocation.reason.aACompromise", "compromission de l'autorité d'attributs (aACompromise)", "aACompromise"),
];
