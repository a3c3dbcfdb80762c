use crate::lang::Text;
use crate::text;

pub static TEXTS: &[Text] = &[
    text!(
        "pki.wrong_key_password",
        "mot de passe de la clé incorrect (s'il est perdu, la clé ne peut pas être récupérée : recommencez avec une nouvelle demande et de nouvelles clés)",
        "wrong key password (if it is lost, the key cannot be recovered: start over with a new request and new keys)"
    ),
    text!(
        "pki.key_password_needed",
        "la clé est protégée par un mot de passe : donnez-le (--key-password-file)",
        "the key is protected by a password: give it (--key-password-file)"
    ),
    text!(
        "pki.bad_key_file",
        "fichier de clé illisible : {}",
        "unreadable key file: {}"
    ),
    text!("pki.crypto", "erreur cryptographique : {}", "cryptographic error: {}"),
    text!(
        "pki.empty_cn",
        "le nom commun (CN) est vide : donnez le FQDN du serveur (SSL) ou l'adresse e-mail (S/MIME)",
        "the common name (CN) is empty: give the server's FQDN (SSL) or the e-mail address (S/MIME)"
    ),
    text!(
        "pki.bad_subject_field",
        "le champ {} « {} » ne peut pas être encodé : C doit faire deux lettres (FR), les noms DNS et e-mails doivent être en ASCII (punycode pour un nom accentué)",
        "field {} \"{}\" cannot be encoded: C must be two letters (FR), DNS names and e-mails must be ASCII (punycode for an accented name)"
    ),
    text!(
        "pki.bad_csr",
        "ce fichier n'est pas une demande de certificat PKCS#10 lisible ({}) : régénérez la demande",
        "this file is not a readable PKCS#10 certificate request ({}): generate the request again"
    ),
    text!(
        "pki.empty_answer",
        "le fichier de réponse est vide : téléchargez ou enregistrez à nouveau le certificat",
        "the answer file is empty: download or save the certificate again"
    ),
    text!(
        "pki.not_certificates",
        "ce fichier n'est ni un certificat (PEM ou DER), ni un PKCS#7 (.p7c/.p7b), ni un message enregistré (.eml) qui en contient : vérifiez que vous avez choisi le bon fichier",
        "this file is neither a certificate (PEM or DER), nor a PKCS#7 (.p7c/.p7b), nor a saved mail (.eml) holding one: check you chose the right file"
    ),
    text!(
        "pki.truncated",
        "le fichier de réponse est tronqué : téléchargez ou enregistrez-le à nouveau en entier",
        "the answer file is truncated: download or save it again in full"
    ),
    text!(
        "pki.no_certificate",
        "le fichier de réponse ne contient aucun certificat : la demande a peut-être été refusée, lisez le message qui l'accompagnait",
        "the answer file holds no certificate: the request may have been rejected, read the message that came with it"
    ),
    text!(
        "pki.another_key",
        "la réponse concerne une autre clé que celle de cette demande : vérifiez que vous importez le bon fichier pour la bonne demande",
        "the answer is for another key than this request's: check you are importing the right file for the right request"
    ),
    text!(
        "pki.leaf_expired",
        "le certificat reçu a expiré le {} : faites une nouvelle demande",
        "the certificate received expired on {}: make a new request"
    ),
    text!(
        "pki.leaf_not_yet_valid",
        "le certificat reçu n'est valide qu'à partir du {} : vérifiez l'horloge de cette machine",
        "the certificate received is only valid from {}: check this machine's clock"
    ),
    text!(
        "pki.bad_signature",
        "la signature du certificat « {} » est invalide : le fichier a été altéré ou la chaîne ne correspond pas, ne l'utilisez pas",
        "the signature of certificate \"{}\" is invalid: the file was altered or the chain does not match, do not use it"
    ),
    text!(
        "pki.unsupported_signature",
        "le certificat « {} » est signé avec un algorithme non pris en charge ({}) : seul RSA PKCS#1 v1.5 (SHA-1/256/384/512) est vérifié",
        "certificate \"{}\" is signed with an unsupported algorithm ({}): only RSA PKCS#1 v1.5 (SHA-1/256/384/512) is checked"
    ),
    text!(
        "pki.warn_no_san",
        "le certificat n'a pas d'extension subjectAltName : les navigateurs et clients récents le refuseront",
        "the certificate has no subjectAltName extension: recent browsers and clients will refuse it"
    ),
    text!(
        "pki.warn_no_key_usage",
        "le certificat n'a pas d'extension keyUsage",
        "the certificate has no keyUsage extension"
    ),
    text!(
        "pki.warn_no_eku",
        "le certificat n'a pas d'extension extendedKeyUsage",
        "the certificate has no extendedKeyUsage extension"
    ),
    text!(
        "pki.warn_names_differ",
        "les noms du certificat ({}) diffèrent de ceux de la demande ({}) : vérifiez qu'il convient à ce serveur",
        "the certificate's names ({}) differ from the request's ({}): check it suits this server"
    ),
    text!(
        "pki.warn_leftovers",
        "{} certificat(s) du fichier n'appartiennent pas à la chaîne et sont ignorés",
        "{} certificate(s) of the file are not part of the chain and are ignored"
    ),
    text!(
        "pki.warn_issuer_fetched",
        "le certificat de l'autorité « {} », absent de la réponse, a été téléchargé depuis {} (AIA) et vérifié",
        "the certificate of the authority \"{}\", missing from the answer, was downloaded from {} (AIA) and checked"
    ),
    // --- Path validation (pki::path) ---
    text!(
        "pki.missing_issuer",
        "il manque le certificat de l'autorité « {} », émettrice de « {} » : il n'est ni dans la réponse, ni dans trust.intermediates, ni téléchargeable (AIA). Si vous faites confiance à cette autorité, déclarez son certificat avec --trust-anchor FICHIER ou dans trust.anchors de la configuration ; si c'est une autorité intermédiaire, ajoutez son certificat à trust.intermediates",
        "the certificate of the authority \"{}\", issuer of \"{}\", is missing: it is neither in the answer, nor in trust.intermediates, nor downloadable (AIA). If you trust this authority, declare its certificate with --trust-anchor FILE or in trust.anchors of the configuration; if it is an intermediate authority, add its certificate to trust.intermediates"
    ),
    text!(
        "pki.chain_loop",
        "la chaîne tourne en rond : « {} » est émis par « {} », déjà plus bas dans la chaîne ; elle n'aboutit à aucune ancre de confiance : demandez la chaîne complète à l'autorité",
        "the chain loops: \"{}\" is issued by \"{}\", already lower in the chain; it reaches no trust anchor: ask the authority for the full chain"
    ),
    text!(
        "pki.untrusted_root",
        "la chaîne aboutit à l'autorité « {} », qui n'est pas une ancre de confiance : si vous lui faites confiance, déclarez son certificat avec --trust-anchor FICHIER ou dans trust.anchors de la configuration",
        "the chain ends at the authority \"{}\", which is not a trust anchor: if you trust it, declare its certificate with --trust-anchor FILE or in trust.anchors of the configuration"
    ),
    text!(
        "pki.not_ca",
        "« {} » n'a pas le droit d'émettre des certificats (basicConstraints CA absent, keyUsage sans keyCertSign ou chaîne trop longue pour son pathLenConstraint) : la chaîne est refusée",
        "\"{}\" is not allowed to issue certificates (no basicConstraints CA, keyUsage without keyCertSign, or a chain longer than its pathLenConstraint): the chain is refused"
    ),
    text!(
        "pki.issuer_not_valid",
        "le certificat de l'autorité « {} » n'est pas valide maintenant (valide du {} au {}) : la chaîne est refusée ; vérifiez l'horloge de cette machine ou procurez-vous le certificat à jour de l'autorité",
        "the certificate of the authority \"{}\" is not valid now (valid from {} to {}): the chain is refused; check this machine's clock or get the authority's current certificate"
    ),
    text!(
        "pki.wrong_usage",
        "ce certificat est fait pour {} ({}) ; la demande {} exige {} : il n'est pas fait pour elle, ne l'utilisez pas",
        "this certificate is made for {} ({}); the request {} needs {}: it is not made for it, do not use it"
    ),
    text!(
        "pki.wrong_usage_unknown",
        "les usages de ce certificat ({}) ne conviennent pas à la demande {}, qui exige {} : ne l'utilisez pas pour elle",
        "this certificate's usages ({}) do not fit the request {}, which needs {}: do not use it for it"
    ),
    // --- CMS (pki::cms) ---
    text!(
        "pki.sign_failed",
        "signature impossible : {}",
        "signing failed: {}"
    ),
    text!(
        "pki.bad_cms",
        "message CMS illisible ou incomplet : {}",
        "unreadable or incomplete CMS message: {}"
    ),
    text!(
        "pki.cms_bad_signature",
        "la signature du message ne se vérifie pas (message altéré ou mauvais signataire)",
        "the message signature does not verify (altered message or wrong signer)"
    ),
    text!(
        "pki.not_for_this_key",
        "ce message n'est pas chiffré pour cette clé : vérifiez le certificat du destinataire",
        "this message is not encrypted for this key: check the recipient certificate"
    ),
    text!(
        "pki.not_rsa_key",
        "le certificat ne porte pas de clé RSA",
        "the certificate does not carry an RSA key"
    ),
    text!(
        "pki.p12_wrong_password",
        "mot de passe du fichier PKCS#12 incorrect (ou fichier modifié)",
        "wrong PKCS#12 password (or the file was altered)"
    ),
    text!(
        "pki.p12_unsupported",
        "ce fichier PKCS#12 utilise une forme non prise en charge ({}) : ré-exportez-le avec « openssl pkcs12 », ou donnez la clé et le certificat séparément (--key, --cert)",
        "this PKCS#12 file uses a form that is not supported ({}): export it again with \"openssl pkcs12\", or give the key and certificate separately (--key, --cert)"
    ),
    text!(
        "pki.bad_p12",
        "ce fichier n'est pas un PKCS#12 lisible ({})",
        "this file is not a readable PKCS#12 ({})"
    ),
    text!(
        "pki.p12_no_key",
        "ce fichier PKCS#12 ne contient pas de clé privée",
        "this PKCS#12 file holds no private key"
    ),
];
