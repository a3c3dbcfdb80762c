use crate::lang::Text;
use crate::text;

pub static TEXTS: &[Text] = &[
    text!(
        "err.type_unknown",
        "le certificat ne dit pas pour quel usage il est fait (ni usage étendu, ni usage de clé, ni nom alternatif qui le disent) : donnez le type de la demande (--type)",
        "the certificate does not say what it is made for (no extended key usage, key usage or alternative name tells): give the request's type (--type)"
    ),
    text!(
        "err.not_card_route",
        "une demande {} se fait sur la plateforme IGC-Santé (la demande PKCS#10) : la carte et le serveur d'inscription ne servent qu'aux demandes SSL et S/MIME",
        "a {} request is made on the IGC-Santé platform (the PKCS#10 request): the card and the registration server are only for SSL and S/MIME requests"
    ),
    text!("field.service", "nom du service (CN)", "service name (CN)"),
    text!(
        "val.service_name",
        "un nom de service : de 1 à 64 lettres sans accent, chiffres, espaces et - _ . ' ( ) / & + ,",
        "a service name: 1 to 64 letters without accent, digits, spaces and - _ . ' ( ) / & + ,"
    ),
    text!(
        "val.san.org",
        "un certificat ORG nomme un service : il ne porte pas d'autre nom (SAN)",
        "an ORG certificate names a service: it carries no other name (SAN)"
    ),
    text!(
        "val.email.org",
        "un certificat ORG nomme un service, pas une adresse e-mail",
        "an ORG certificate names a service, not an e-mail address"
    ),
    text!(
        "val.insi_lookalike",
        "ce nom ressemble à un nom INSi sans en être un : INSi n'accepte que « INSI-AUTO » ou « INSI-MANU », écrits ainsi (sinon erreur DESIR_560)",
        "this name looks like an INSi name but is not one: INSi accepts only \"INSI-AUTO\" or \"INSI-MANU\", spelt exactly so (else error DESIR_560)"
    ),
];
