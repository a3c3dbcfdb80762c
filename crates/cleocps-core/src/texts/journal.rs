use crate::lang::Text;
use crate::text;

pub static TEXTS: &[Text] = &[
    text!("jn.act.keys_generate", "clés générées", "keys_generate"),
    text!("jn.act.keys_replace", "clés remplacées", "keys_replace"),
    text!("jn.act.form_edit", "formulaire modifié", "form_edit"),
    text!(
        "jn.act.request_generate",
        "demande générée",
        "request_generate"
    ),
    text!("jn.act.request_send", "demande envoyée", "request_send"),
    text!("jn.act.response_fetch", "boîte relevée", "response_fetch"),
    text!(
        "jn.act.response_import",
        "réponse importée",
        "response_import"
    ),
    text!("jn.act.rejection", "refus", "rejection"),
    text!("jn.act.export_pem", "export .key + .crt", "export_pem"),
    text!("jn.act.export_p12", "export .p12", "export_p12"),
    text!("jn.act.renew", "renouvellement", "renew"),
    text!("jn.act.delete", "suppression", "delete"),
    text!("jn.act.adopt", "reprise", "adopt"),
    text!(
        "jn.act.key_password",
        "mot de passe de la clé",
        "key_password"
    ),
    text!("jn.act.deploy", "déploiement", "deploy"),
    text!(
        "jn.rsa_encrypted",
        "RSA {} bits, clé chiffrée",
        "RSA {} encrypted"
    ),
    text!("jn.rsa_clear", "RSA {} bits, clé en clair", "RSA {} clear"),
    text!(
        "jn.csr_only",
        "demande PKCS#10 seule (plateforme)",
        "csr-only"
    ),
    text!(
        "jn.card",
        "signée avec la carte {}, porteur {}",
        "card {} holder {}"
    ),
    text!("jn.ok", "fait", "ok"),
    text!(
        "jn.serial_until",
        "numéro de série {}, valable jusqu'au {}",
        "serial {} until {}"
    ),
    text!(
        "jn.serial_supersedes",
        "numéro de série {}, valable jusqu'au {}, remplace le REJET : {}",
        "serial {} until {}, supersedes REJET: {}"
    ),
    text!(
        "jn.deploy",
        "numéro de série {} vers {} : {}",
        "serial {} to {}: {}"
    ),
    text!("jn.deployed", "déployé", "deployed"),
    text!(
        "jn.check_failed",
        "la vérification a échoué, fichiers précédents remis, rien rechargé",
        "check failed, previous files restored, nothing reloaded"
    ),
    text!(
        "jn.reload_failed",
        "le rechargement a échoué, fichiers précédents remis et rechargés",
        "reload failed, previous files restored and reloaded"
    ),
    text!("jn.sent", "envoyée par {} à {} {}", "{} to {} {}"),
    text!("jn.answer", "réponse {}", "answer {}"),
    text!(
        "jn.p12_legacy",
        "PKCS#12 ancien format (3DES) {}",
        "legacy {}"
    ),
    text!("jn.p12_modern", "PKCS#12 (AES) {}", "modern {}"),
    text!("jn.renews", "renouvelle {}", "from {}"),
    text!("jn.renewed_by", "renouvelée par {}", "to {}"),
    text!(
        "jn.password_changed",
        "mot de passe changé",
        "password changed"
    ),
    text!("jn.password_added", "mot de passe ajouté", "password added"),
    text!(
        "jn.password_removed",
        "mot de passe retiré",
        "password removed"
    ),
];
