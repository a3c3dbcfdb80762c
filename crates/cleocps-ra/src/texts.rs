//! Texts of the registration server. The rejection reasons go, in French,
//! into the answer mail (DESIGN §5); the English is for the log.

use cleocps_core::i18n::{Catalog, Text};
use cleocps_core::text;

/// This crate's catalog: its own table, then the core's.
pub static CATALOG: Catalog = Catalog {
    tables: &[TEXTS],
    below: Some(&cleocps_core::i18n::CORE),
};

pub static TEXTS: &[Text] = &[
    text!(
        "ra.reject.signature",
        "La demande n'est pas signée ou sa signature est invalide : elle a pu être modifiée en chemin. Générez une nouvelle demande signée avec votre carte CPS.",
        "The request is not signed or its signature is invalid: it may have been altered on the way. Generate a new request signed with your CPS card."
    ),
    text!(
        "ra.reject.card_ca",
        "Le certificat de la carte ({}) n'a pas été émis par l'autorité des cartes reconnue par le serveur d'inscription. Signez la demande avec une carte CPx valide.",
        "The card certificate ({}) was not issued by the card authority the registration server trusts. Sign the request with a valid CPx card."
    ),
    text!(
        "ra.reject.card_validity",
        "Le certificat de signature de la carte n'est pas valide à cette date (fin de validité : {}). Renouvelez votre carte ou utilisez une carte valide.",
        "The card's signature certificate is not valid at this date (valid until {}). Renew your card or use a valid one."
    ),
    text!(
        "ra.reject.card_usage",
        "Le certificat qui a signé la demande n'est pas un certificat de signature de carte (usage non-répudiation absent). Signez avec la clé de signature de la carte.",
        "The certificate that signed the request is not a card signature certificate (no non-repudiation usage). Sign with the card's signature key."
    ),
    text!(
        "ra.reject.card_no_holder",
        "Le certificat de la carte ne porte pas l'identifiant du porteur (CN).",
        "The card certificate carries no holder identifier (CN)."
    ),
    text!(
        "ra.reject.replay",
        "Cette demande a déjà été traitée : une même demande signée n'est jamais traitée deux fois. Pour un nouveau certificat, générez une nouvelle demande.",
        "This request was already handled: the same signed request is never handled twice. For a new certificate, generate a new request."
    ),
    text!(
        "ra.reject.csr_unreadable",
        "Le contenu signé n'est pas une demande de certificat PKCS#10 lisible. Générez une nouvelle demande.",
        "The signed content is not a readable PKCS#10 certificate request. Generate a new request."
    ),
    text!(
        "ra.reject.csr_signature",
        "La demande PKCS#10 n'est pas signée par sa propre clé. Générez une nouvelle demande.",
        "The PKCS#10 request is not signed by its own key. Generate a new request."
    ),
    text!(
        "ra.reject.csr_not_rsa",
        "La clé de la demande n'est pas une clé RSA. Générez une bi-clé RSA de 2048 bits.",
        "The request's key is not an RSA key. Generate a 2048-bit RSA key pair."
    ),
    text!(
        "ra.reject.short_key",
        "La clé de la demande fait {} bits ; le minimum est 2048 bits. Générez une nouvelle bi-clé de 2048 bits (ou plus) et une nouvelle demande.",
        "The request's key has {} bits; the minimum is 2048 bits. Generate a new key pair of 2048 bits (or more) and a new request."
    ),
    text!(
        "ra.reject.csr_no_cn",
        "La demande ne nomme ni serveur (FQDN dans le CN) ni adresse de messagerie.",
        "The request names neither a server (FQDN in the CN) nor a mailbox."
    ),
    text!(
        "ra.reject.csr_mixed",
        "La demande mélange noms DNS et adresse de messagerie : un certificat est soit SSL, soit S/MIME.",
        "The request mixes DNS names and a mailbox: a certificate is either SSL or S/MIME."
    ),
    text!(
        "ra.reject.csr_too_many",
        "La demande comporte trop de noms (20 au plus).",
        "The request has too many names (20 at most)."
    ),
    text!(
        "ra.reject.csr_bad_name",
        "Le nom « {} » de la demande n'est ni un nom DNS ni une adresse de messagerie valide.",
        "The name \"{}\" in the request is neither a valid DNS name nor a valid mailbox."
    ),
    text!(
        "ra.reject.admin",
        "Le porteur de la carte {} n'est pas déclaré administrateur de « {} » dans l'annuaire : seul l'administrateur technique du serveur et du domaine peut en demander le certificat. Vérifiez le nom demandé ou faites mettre à jour le dossier administratif.",
        "The card holder {} is not listed as administrator of \"{}\" in the directory: only the technical administrator of the server and domain can request its certificate. Check the requested name or have the administrative file updated."
    ),
    text!(
        "ra.no_card_ca_key",
        "ce serveur d'inscription fait confiance à une autorité de cartes externe (--card-ca) : il n'a pas sa clé pour fabriquer des cartes",
        "this registration server trusts an external card CA (--card-ca): it has no key to make cards"
    ),
    text!(
        "ra.init_done",
        "serveur d'inscription de répétition créé dans {} ; certificat à configurer chez les clients (registration.certificate) : {}\nses certificats ne seront acceptés que si les clients font confiance à sa racine {} : dans leur configuration, \"trust\": {\"anchors\": [\"igc-sante\", \"{}\"]}, ou --trust-anchor {} pour une commande",
        "rehearsal registration server created in {}; certificate for clients (registration.certificate): {}\nits certificates are accepted only where clients trust its root {}: in their configuration, \"trust\": {\"anchors\": [\"igc-sante\", \"{}\"]}, or --trust-anchor {} for one command"
    ),
    text!(
        "ra.card_done",
        "carte de test pour le porteur {} : certificat {}, clé {} (créez le jeton avec cleocps card soft-init)",
        "test card for holder {}: certificate {}, key {} (make the token with cleocps card soft-init)"
    ),
    text!(
        "ra.platform_issued",
        "certificat {} délivré comme la plateforme : {} (jusqu'au {}) : {}",
        "{} certificate issued as the platform does: {} (until {}): {}"
    ),
    text!(
        "ra.issued",
        "certificat délivré à {} pour {} (jusqu'au {}) : {}",
        "certificate issued to {} for {} (until {}): {}"
    ),
    text!(
        "ra.rejected",
        "REJET: {} — {} (réponse : {})",
        "REJET: {} — {} (answer: {})"
    ),
    text!(
        "ra.serving",
        "serveur d'inscription de répétition {} : relève du courrier en cours (Ctrl-C pour arrêter)",
        "rehearsal registration server {}: reading mail (Ctrl-C to stop)"
    ),
    text!(
        "ra.revoked",
        "certificat {} révoqué le {} (motif : {}) : la liste de révocation et le répondeur OCSP du serveur le disent désormais",
        "certificate {} revoked on {} (reason: {}): the server's revocation list and OCSP responder now say so"
    ),
    text!(
        "ra.revocation_serving",
        "liste de révocation et répondeur OCSP de répétition sur http://{} (Ctrl-C pour arrêter) ; les certificats émis désormais pointent ici",
        "rehearsal revocation list and OCSP responder on http://{} (Ctrl-C to stop); certificates issued from now on point here"
    ),
];
