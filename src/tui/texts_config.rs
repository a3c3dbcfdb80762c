//! The configuration screen's texts (key `C`), French and
//! English side by side.

use crate::i18n::Text;
use cleocps_core::text;

#[rustfmt::skip]
pub static TEXTS: &[Text] = &[
    // Keys.
    text!("tui.key.config", "configuration", "configuration"),
    text!("tui.key.save", "enregistrer", "save"),
    text!("tui.key.test", "tester", "test"),
    text!("tui.key.next_section", "section suivante", "next section"),
    text!("tui.key.prev_section", "section précédente", "previous section"),
    text!("tui.key.cfg_enter", "champ suivant, ou Tester", "next field, or Test"),
    text!("tui.key.choose", "choisir", "choose"),
    text!("tui.kn.left_right", "← →", "← →"),
    text!("tui.help.config", "Configuration", "Configuration"),
    text!("tui.job.cfg_test", "Test de la configuration…", "Testing the configuration…"),
    text!("tui.job.cfg_save", "Enregistrement de la configuration…", "Saving the configuration…"),
    // The screen.
    text!("tui.cfg.title", "Configuration", "Configuration"),
    text!("tui.cfg.file", "Fichier :", "File:"),
    text!("tui.cfg.no_file", "(aucun)", "(none)"),
    text!(
        "tui.cfg.first_run",
        "Première utilisation : indiquez le serveur d'inscription, l'envoi et la réception du courrier, puis F2 pour enregistrer.",
        "First run: give the registration server, sending and receiving mail, then F2 to save."
    ),
    // Sections: short names (the list), titles, what each wants.
    text!("tui.cfg.part.registration", "Serveur d'inscription", "Registration server"),
    text!("tui.cfg.part.sending", "Envoi du courrier", "Sending mail"),
    text!("tui.cfg.part.receiving", "Réception du courrier", "Receiving mail"),
    text!("tui.cfg.part.directory", "Annuaire", "Directory"),
    text!("tui.cfg.part.trust", "Confiance", "Trust"),
    text!("tui.cfg.part.subject", "Sujet par défaut", "Subject defaults"),
    text!("tui.cfg.title.registration", "Serveur d'inscription", "Registration server"),
    text!("tui.cfg.title.sending", "Envoi du courrier", "Sending mail"),
    text!("tui.cfg.title.receiving", "Réception du courrier", "Receiving mail"),
    text!("tui.cfg.title.directory", "Annuaire", "Directory"),
    text!("tui.cfg.title.trust", "Confiance", "Trust"),
    text!("tui.cfg.title.subject", "Valeurs par défaut du sujet", "Subject defaults"),
    text!(
        "tui.cfg.note.registration",
        "L'adresse électronique du serveur d'inscription de l'IGC-Santé, et son certificat : les demandes lui sont chiffrées.",
        "The e-mail address of the IGC-Santé registration server, and its certificate: requests are encrypted to it."
    ),
    text!(
        "tui.cfg.note.sending",
        "Un serveur SMTP, ou le programme sendmail de cette machine, ou un dossier d'envoi. Les mots de passe restent dans leur fichier.",
        "An SMTP server, or this machine's sendmail program, or an outbox folder. Passwords stay in their file."
    ),
    text!(
        "tui.cfg.note.receiving",
        "Un serveur IMAP, ou un Maildir local : là où arrivent les réponses.",
        "An IMAP server, or a local Maildir: where the answers arrive."
    ),
    text!(
        "tui.cfg.note.directory",
        "L'annuaire LDAP des serveurs, ou un fichier annuaire (facultatif : il remplit le formulaire).",
        "The LDAP directory of servers, or a directory file (optional: it fills the form)."
    ),
    text!(
        "tui.cfg.note.trust",
        "igc-sante, igc-sante-test ou le chemin d'un certificat racine, séparés par des virgules.",
        "igc-sante, igc-sante-test or the path of a root certificate, separated by commas."
    ),
    text!(
        "tui.cfg.note.subject",
        "Proposées dans le formulaire des nouvelles demandes.",
        "Offered in the form of new requests."
    ),
    // Fields (at most 22 columns).
    text!("tui.cfg.f.address", "Adresse électronique", "E-mail address"),
    text!("tui.cfg.f.certificate", "Certificat (fichier)", "Certificate (file)"),
    text!("tui.cfg.f.mail_from", "Votre adresse", "Your address"),
    text!("tui.cfg.f.smtp_host", "Serveur SMTP", "SMTP server"),
    text!("tui.cfg.f.port", "Port", "Port"),
    text!("tui.cfg.f.security", "Sécurité", "Security"),
    text!("tui.cfg.f.user", "Utilisateur", "User"),
    text!("tui.cfg.f.password_file", "Fichier mot de passe", "Password file"),
    text!("tui.cfg.f.ca_file", "Certificat d'AC", "CA certificate"),
    text!("tui.cfg.f.sendmail", "ou programme sendmail", "or sendmail program"),
    text!("tui.cfg.f.outbox", "ou dossier d'envoi", "or outbox folder"),
    text!("tui.cfg.f.imap_host", "Serveur IMAP", "IMAP server"),
    text!("tui.cfg.f.mailbox", "Boîte aux lettres", "Mailbox"),
    text!("tui.cfg.f.maildir", "ou Maildir local", "or local Maildir"),
    text!("tui.cfg.f.ldap_url", "Adresse de l'annuaire", "Directory URL"),
    text!("tui.cfg.f.ldap_base", "Base de recherche", "Search base"),
    text!("tui.cfg.f.bind_dn", "Compte de connexion", "Bind DN"),
    text!("tui.cfg.f.directory_file", "ou fichier annuaire", "or directory file"),
    text!("tui.cfg.f.anchors", "Autorités racines", "Root authorities"),
    text!("tui.cfg.f.intermediates", "Intermédiaires", "Intermediates"),
    text!("tui.cfg.f.o", "Organisation (O)", "Organisation (O)"),
    text!("tui.cfg.f.ou", "Id. de structure (OU)", "Structure id (OU)"),
    text!("tui.cfg.f.l", "Ville (L)", "City (L)"),
    text!("tui.cfg.f.st", "Département (ST)", "Département (ST)"),
    text!("tui.cfg.f.c", "Pays (C)", "Country (C)"),
    text!("tui.cfg.sec.starttls", "STARTTLS", "STARTTLS"),
    text!("tui.cfg.sec.tls", "TLS", "TLS"),
    text!("tui.cfg.sec.plain", "aucune (machine locale)", "none (this machine only)"),
    // Tester.
    text!("tui.cfg.test", "Tester", "Test"),
    text!("tui.cfg.testing", "test en cours…", "testing…"),
    text!("tui.cfg.check_ok", "{} : {}", "{}: {}"),
    text!("tui.cfg.check_failed", "{} : échec — {}", "{}: failed — {}"),
    text!("tui.cfg.svc.registration", "certificat d'inscription", "registration certificate"),
    text!("tui.cfg.svc.trust", "autorités racines", "root authorities"),
    text!("tui.cfg.svc.outbox", "dossier d'envoi", "outbox folder"),
    text!("tui.cfg.svc.directory_file", "fichier annuaire", "directory file"),
    text!(
        "tui.cfg.nothing",
        "Rien à tester : cette section n'indique ni serveur, ni programme, ni fichier.",
        "Nothing to test: this section names no server, program or file."
    ),
    text!("tui.cfg.no_test", "Rien à tester dans cette section.", "Nothing to test in this section."),
    text!("tui.cfg.status_failed", "{} ({}) : échec", "{} ({}): failed"),
    text!("tui.cfg.status_ok", "{} : tout fonctionne.", "{}: everything works."),
    // Saving.
    text!("tui.cfg.required", "à remplir", "required"),
    text!("tui.cfg.bad_port", "un nombre de 1 à 65535", "a number from 1 to 65535"),
    text!("tui.cfg.fix_first", "Corrigez d'abord les champs signalés.", "Fix the fields marked first."),
    text!(
        "tui.cfg.no_path",
        "Aucun dossier personnel où enregistrer la configuration.",
        "No home directory to save the configuration in."
    ),
    text!("tui.cfg.unchanged", "Rien n'a changé.", "Nothing changed."),
    text!("tui.cfg.unsaved", "Modifié : F2 pour enregistrer.", "Changed: F2 to save."),
    text!(
        "tui.cfg.leaving",
        "Modifications non enregistrées : Échap pour les abandonner, F2 pour les enregistrer.",
        "Unsaved changes: Esc to drop them, F2 to save them."
    ),
    text!("tui.cfg.saved", "Configuration enregistrée dans {}.", "Configuration saved in {}."),
];
