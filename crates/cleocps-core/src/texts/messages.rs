//! Texts of the core (workspace, requests, procedure). See `i18n`.

use crate::lang::Text;
use crate::text;

pub static TEXTS: &[Text] = &[
    // States, as people read them.
    text!("state.new", "nouvelle", "new"),
    text!("state.keys_generated", "clés générées", "keys generated"),
    text!("state.request_generated", "demande générée", "request generated"),
    text!("state.sent", "envoyée", "sent"),
    text!("state.certificate_imported", "certificat importé", "certificate imported"),
    text!("state.rejected", "rejetée", "rejected"),
    // Refusals by the life cycle: what is missing, or why never.
    text!("err.refused", "impossible à l'état « {} » : {}", "not possible in state \"{}\": {}"),
    text!(
        "refuse.need_keys",
        "faites d'abord l'Étape 1 (Initialisation) : générez les clés",
        "do Step 1 (Initialisation) first: generate the keys"
    ),
    text!(
        "refuse.need_request",
        "générez d'abord la demande (Étape 2)",
        "generate the request first (Step 2)"
    ),
    text!(
        "refuse.csr_only",
        "cette demande est un CSR pour le portail IGC-Santé : il n'y a rien à envoyer par mail ; déposez le CSR sur le portail, puis importez le certificat obtenu",
        "this request is a CSR for the IGC-Santé portal: there is nothing to mail; upload the CSR on the portal, then import the certificate you get"
    ),
    text!(
        "refuse.need_send",
        "la demande n'a pas encore été envoyée",
        "the request has not been sent yet"
    ),
    text!(
        "refuse.need_certificate",
        "importez d'abord la réponse (Étape 3)",
        "import the answer first (Step 3)"
    ),
    text!(
        "refuse.keys_exist",
        "les clés existent déjà : pour les remplacer, ajoutez --replace",
        "the keys already exist: add --replace to replace them"
    ),
    text!(
        "refuse.keys_frozen",
        "la demande est déjà émise avec cette clé : elle ne peut plus changer (créez une nouvelle demande)",
        "the request was already issued with this key: it can no longer change (create a new request)"
    ),
    text!(
        "refuse.form_frozen",
        "une demande déjà émise ne peut pas être modifiée (créez une nouvelle demande)",
        "a request already issued cannot be changed (create a new request)"
    ),
    text!(
        "refuse.already_generated",
        "la demande est déjà générée ; pour la refaire, créez une nouvelle demande",
        "the request is already generated; to redo it, create a new request"
    ),
    text!(
        "refuse.already_sent",
        "la demande est déjà envoyée et ne peut pas être rejouée",
        "the request was already sent and cannot be replayed"
    ),
    text!(
        "refuse.already_imported",
        "le certificat est déjà importé",
        "the certificate is already imported"
    ),
    text!(
        "refuse.delete_certified",
        "cette demande porte un certificat délivré et sa clé : exportez-les, puis supprimez avec --force",
        "this request holds an issued certificate and its key: export them, then delete with --force"
    ),
    text!(
        "refuse.rejected",
        "la demande a été rejetée : elle ne peut être ni modifiée ni renvoyée ; recommencez avec une nouvelle demande",
        "the request was rejected: it can be neither changed nor resent; start over with a new request"
    ),
    text!(
        "refuse.adopt_existing",
        "un certificat existant se reprend dans une nouvelle demande : choisissez un nom libre",
        "an existing certificate is taken in as a new request: choose a name not in use"
    ),
    text!("refuse.generic", "action non permise", "action not allowed"),
    // Workspace errors.
    text!("err.not_found.folder", "dossier « {} » introuvable", "folder \"{}\" not found"),
    text!("err.not_found.request", "demande « {} » introuvable", "request \"{}\" not found"),
    text!("err.exists.folder", "le dossier « {} » existe déjà", "folder \"{}\" already exists"),
    text!("err.exists.request", "la demande « {} » existe déjà", "request \"{}\" already exists"),
    text!(
        "err.folder_not_empty",
        "le dossier « {} » contient des demandes : ajoutez --force pour le supprimer avec elles",
        "folder \"{}\" holds requests: add --force to delete it with them"
    ),
    text!(
        "err.request_path",
        "« {} » : attendu DOSSIER/DEMANDE",
        "\"{}\": expected FOLDER/REQUEST"
    ),
    text!(
        "err.locked_pid",
        "l'espace de travail est utilisé par une autre instance de cleocps (PID {}) : attendez qu'elle finisse ou fermez-la",
        "the workspace is in use by another cleocps instance (PID {}): wait for it to finish or close it"
    ),
    text!(
        "err.locked",
        "l'espace de travail est utilisé par une autre instance de cleocps",
        "the workspace is in use by another cleocps instance"
    ),
    text!(
        "err.lock_not_a_file",
        "{} est un lien symbolique ou n'est pas un fichier : cleocps ne le suit pas ; vérifiez qui l'a créé, supprimez-le, puis relancez",
        "{} is a symbolic link or not a file: cleocps does not follow it; check who made it, remove it, then run again"
    ),
    text!(
        "err.not_a_directory",
        "{} n'est pas un répertoire : choisissez un autre espace de travail (--workspace)",
        "{} is not a directory: choose another workspace (--workspace)"
    ),
    text!(
        "err.not_a_sandbox",
        "{} n'est pas un bac à sable créé par cleocps demo : rien n'a été supprimé ni écrit ; choisissez un répertoire vide ou le bac à sable de démonstration",
        "{} is not a sandbox made by cleocps demo: nothing was deleted or written; choose an empty directory or the demo's sandbox"
    ),
    text!(
        "err.no_workspace",
        "aucun espace de travail en {} : vérifiez --workspace ou CLEOCPS_HOME (rien n'a été créé)",
        "no workspace at {}: check --workspace or CLEOCPS_HOME (nothing was created)"
    ),
    text!(
        "err.key_kept_changing",
        "la clé a été remplacée plusieurs fois pendant l'opération (une autre commande s'en occupe) : relancez quand elle a fini",
        "the key was replaced several times during the operation (another command is at work on it): run again once it is done"
    ),
    text!(
        "err.key_not_certified",
        "la clé enregistrée ne correspond pas au certificat : rien n'a été exporté ; générez une nouvelle demande",
        "the stored key does not match the certificate: nothing was exported; make a new request"
    ),
    text!(
        "err.in_workspace",
        "{} est dans l'espace de travail de cleocps, qui n'y garde que ses propres fichiers : choisissez un autre chemin",
        "{} is inside cleocps's workspace, which holds only its own files: choose another path"
    ),
    text!(
        "err.not_a_file",
        "{} n'est pas un fichier ordinaire (tube, périphérique, socket ou dossier) : donnez le chemin d'un fichier",
        "{} is not a regular file (a FIFO, device, socket or directory): give a file's path"
    ),
    text!(
        "err.too_large",
        "{} dépasse {} octets : ce n'est pas le fichier attendu",
        "{} is larger than {} bytes: it is not the expected file"
    ),
    text!("err.io", "{} : {}", "{}: {}"),
    text!("err.io.not_found", "fichier ou dossier introuvable", "no such file or directory"),
    text!("err.io.permission", "accès refusé (droits du fichier ou du dossier)", "permission denied"),
    text!("err.io.exists", "existe déjà", "already exists"),
    text!("err.io.is_dir", "c'est un dossier, pas un fichier", "is a directory, not a file"),
    text!("err.io.not_dir", "un élément du chemin n'est pas un dossier", "a part of the path is not a directory"),
    text!("err.io.full", "disque plein", "no space left on the disk"),
    text!("err.io.read_only", "disque en lecture seule", "read-only file system"),
    text!("err.io.other", "erreur du système ({})", "system error ({})"),
    text!(
        "err.corrupt",
        "{} est illisible ({}) : restaurez-le depuis une sauvegarde",
        "{} is unreadable ({}): restore it from a backup"
    ),
    text!(
        "err.secret_file.empty",
        "{} : la première ligne est vide, elle doit contenir le secret",
        "{}: the first line is empty, it must hold the secret"
    ),
    text!(
        "err.secret_file.too_long",
        "{} : la première ligne dépasse {} octets ; ce n'est pas un fichier de mot de passe",
        "{}: the first line is longer than {} bytes; it is not a password file"
    ),
    text!(
        "err.secret_file.utf8",
        "{} : le fichier n'est pas en UTF-8",
        "{}: the file is not UTF-8"
    ),
    text!(
        "err.secret_file.unreadable",
        "{} : fichier illisible ({})",
        "{}: cannot read the file ({})"
    ),
    text!(
        "err.secret_needed",
        "{} requis : donnez un fichier (--*-password-file) ou lancez la commande dans un terminal",
        "{} needed: give a file (--*-password-file) or run the command in a terminal"
    ),
    text!(
        "err.secret_mismatch",
        "les deux saisies diffèrent",
        "the two entries differ"
    ),
    text!(
        "err.same_password",
        "le mot de passe du PKCS#12 doit être différent de celui de la clé",
        "the PKCS#12 password must differ from the key password"
    ),
    text!(
        "err.export_onto_request",
        "{} est un fichier de la demande elle-même : choisissez un autre dossier ou un autre nom",
        "{} is one of the request's own files: choose another directory or another name"
    ),
    text!(
        "err.file_exists",
        "{} existe déjà : ajoutez --force pour l'écraser",
        "{} already exists: add --force to overwrite it"
    ),
    text!(
        "err.form_incomplete",
        "formulaire incomplet : « {} » manque",
        "form incomplete: \"{}\" is missing"
    ),
    text!(
        "err.legacy_flag",
        "une clé de 1024 bits demande --legacy-1024 (IGC-Santé exige 2048 bits)",
        "a 1024-bit key needs --legacy-1024 (IGC-Santé requires 2048 bits)"
    ),
    text!(
        "err.key_size",
        "taille de clé {} non proposée : 2048, 3072 ou 4096",
        "key size {} not offered: 2048, 3072 or 4096"
    ),
    text!("err.invalid", "{} : {}", "{}: {}"),
    // Fields.
    text!("field.folder", "dossier", "folder"),
    text!("field.export_name", "nom des fichiers exportés", "exported files' name"),
    text!("field.request", "demande", "request"),
    text!("field.cn", "nom du serveur (FQDN)", "server name (FQDN)"),
    text!("field.email", "adresse e-mail du serveur", "server e-mail address"),
    text!("field.san", "autre nom DNS", "extra DNS name"),
    text!("field.o", "organisation (O)", "organisation (O)"),
    text!("field.ou", "identifiant de structure (OU)", "structure identifier (OU)"),
    text!("field.st", "département (ST)", "département (ST)"),
    text!("field.l", "ville (L)", "city (L)"),
    text!("field.c", "pays (C)", "country (C)"),
    text!("field.key_password", "mot de passe de la clé", "key password"),
    text!("field.p12_password", "mot de passe du PKCS#12", "PKCS#12 password"),
    text!("field.pin", "code porteur", "PIN"),
    // Validation problems.
    text!("val.name.length", "de 1 à 64 caractères", "1 to 64 characters"),
    text!("val.name.leading_dot", "ne doit pas commencer par un point", "must not start with a dot"),
    text!("val.name.spaces", "pas d'espace au début ni à la fin", "no space at the start or end"),
    text!(
        "val.name.chars",
        "lettres, chiffres, espace, - _ . seulement",
        "letters, digits, space, - _ . only"
    ),
    text!(
        "val.name.bmp",
        "lettres usuelles seulement (pas de symboles mathématiques ni d'emoji)",
        "common letters only (no mathematical symbols or emoji)"
    ),
    text!("val.fqdn.empty", "vide", "empty"),
    text!("val.fqdn.too_long", "plus de 253 caractères", "longer than 253 characters"),
    text!(
        "val.fqdn.wildcard",
        "pas de joker « * » (sauf --allow-wildcard, en tête seulement)",
        "no \"*\" wildcard (unless --allow-wildcard, leading only)"
    ),
    text!(
        "val.fqdn.not_qualified",
        "nom incomplet : il faut le nom pleinement qualifié, p. ex. serveur.domaine.fr",
        "not fully qualified: give e.g. server.domain.fr"
    ),
    text!(
        "val.fqdn.label_length",
        "chaque partie entre points doit faire de 1 à 63 caractères",
        "each dot-separated label must be 1 to 63 characters"
    ),
    text!(
        "val.fqdn.chars",
        "lettres a-z, chiffres et - seulement (noms accentués : forme xn--)",
        "letters a-z, digits and - only (accented names: xn-- form)"
    ),
    text!(
        "val.fqdn.hyphen",
        "une partie ne peut ni commencer ni finir par -",
        "a label cannot start or end with -"
    ),
    text!(
        "val.fqdn.ip",
        "une adresse IP n'est pas un nom de serveur",
        "an IP address is not a server name"
    ),
    text!("val.email.shape", "forme attendue : nom@domaine.fr", "expected shape: name@domain.fr"),
    text!(
        "val.email.local",
        "partie avant @ invalide (ASCII, sans espace ni points doubles)",
        "invalid part before @ (ASCII, no spaces or double dots)"
    ),
    text!("val.email.domain", "domaine invalide après @", "invalid domain after @"),
    text!("val.ou.empty", "vide", "empty"),
    text!("val.ou.chars", "lettres et chiffres seulement", "letters and digits only"),
    text!(
        "val.ou.siren_length",
        "type 2 (SIREN) : 2 suivi de 9 chiffres",
        "type 2 (SIREN): 2 followed by 9 digits"
    ),
    text!(
        "val.ou.siret_length",
        "type 3 (SIRET) : 3 suivi de 14 chiffres",
        "type 3 (SIRET): 3 followed by 14 digits"
    ),
    text!(
        "val.ou.luhn",
        "numéro SIREN/SIRET invalide (clé de contrôle) : vérifiez-le dans le dossier administratif",
        "invalid SIREN/SIRET number (check digit): check it in the administrative file"
    ),
    text!(
        "val.ou.unusual",
        "forme inhabituelle : attendu un chiffre de type (0 ADELI, 1 FINESS, 2 SIREN, 3 SIRET, 4 RPPS) suivi du numéro",
        "unusual shape: expected a type digit (0 ADELI, 1 FINESS, 2 SIREN, 3 SIRET, 4 RPPS) then the number"
    ),
    text!("val.country", "deux lettres majuscules, p. ex. FR", "two upper-case letters, e.g. FR"),
    text!(
        "val.text",
        "de 1 à 64 caractères, sans caractère de contrôle",
        "1 to 64 characters, no control characters"
    ),
    text!(
        "val.email.ssl",
        "l'adresse e-mail ne sert qu'aux demandes S/MIME",
        "the e-mail address is only for S/MIME requests"
    ),
    text!(
        "val.san.smime",
        "les autres noms DNS ne servent qu'aux demandes SSL",
        "extra DNS names are only for SSL requests"
    ),
    // Notices: the action went ahead, but read this.
    text!(
        "notice.legacy_1024",
        "attention : clé de 1024 bits (ancien usage) ; IGC-Santé exige 2048 bits",
        "warning: 1024-bit key (legacy); IGC-Santé requires 2048 bits"
    ),
    text!(
        "notice.clear_key",
        "attention : la clé privée est écrite sans mot de passe ; protégez le fichier",
        "warning: the private key is written without a password; protect the file"
    ),
    // Configuration.
    text!("config.bad_port", "{} : un port va de 1 à 65535", "{}: a port is 1 to 65535"),
    text!("config.bad_timeout", "{} : un délai est d'au moins 1 seconde", "{}: a timeout is at least 1 second"),
    text!(
        "config.not_a_file",
        "ce n'est pas un fichier ordinaire (tube, périphérique ou dossier)",
        "not a regular file (a FIFO, device or directory)"
    ),
    text!("config.too_large", "plus de {} octets, ce n'est pas une configuration", "larger than {} bytes, not a configuration"),
    text!("config.not_utf8", "le fichier n'est pas en UTF-8", "the file is not UTF-8"),
    text!(
        "config.unreadable",
        "configuration {} illisible : {}",
        "cannot read configuration {}: {}"
    ),
    text!(
        "config.invalid",
        "configuration {} invalide : {}",
        "invalid configuration {}: {}"
    ),
    text!(
        "config.several_send",
        "configuration : un seul moyen d'envoi à la fois (trouvés : {})",
        "configuration: only one way to send at a time (found: {})"
    ),
    text!(
        "config.several_receive",
        "configuration : un seul moyen de réception à la fois (trouvés : {})",
        "configuration: only one way to receive at a time (found: {})"
    ),
    text!(
        "config.bad_value",
        "configuration : valeur refusée pour « {} » : {}",
        "configuration: value refused for \"{}\": {}"
    ),
    // Registration server certificate.
    text!(
        "err.ra_cert_missing",
        "certificat du serveur d'inscription non configuré : donnez --ra-cert FICHIER ou « registration.certificate » dans la configuration",
        "registration server certificate not configured: give --ra-cert FILE or \"registration.certificate\" in the configuration"
    ),
    text!(
        "err.ra_cert_invalid",
        "certificat du serveur d'inscription {} illisible : {}",
        "registration server certificate {} unreadable: {}"
    ),
    text!(
        "err.ra_cert_expired",
        "le certificat du serveur d'inscription {} a expiré le {} : procurez-vous le certificat à jour",
        "the registration server certificate {} expired on {}: get the current certificate"
    ),
];
