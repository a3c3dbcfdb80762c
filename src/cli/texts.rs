use crate::i18n::Text;
use crate::text;

pub static TEXTS: &[Text] = &[
    text!("cli.prompt", "{} : ", "{}: "),
    text!("cli.again", "{} (encore) : ", "{} (again): "),
    text!("cli.keys_done", "clé RSA {} bits générée pour {}", "{}-bit RSA key generated for {}"),
    text!("cli.imported", "certificat importé dans {} : {} (jusqu'au {})", "certificate imported into {}: {} (until {})"),
    text!("cli.folder_created", "dossier « {} » créé", "folder \"{}\" created"),
    text!("cli.folder_renamed", "dossier « {} » renommé en « {} »", "folder \"{}\" renamed to \"{}\""),
    text!("cli.folder_deleted", "dossier « {} » supprimé", "folder \"{}\" deleted"),
    text!("cli.request_created", "demande « {} » créée", "request \"{}\" created"),
    text!("cli.request_deleted", "demande « {} » supprimée", "request \"{}\" deleted"),
    text!("cli.form_saved", "formulaire de « {} » enregistré", "form of \"{}\" saved"),
    text!("cli.csr_done", "demande PKCS#10 écrite : {}", "PKCS#10 request written: {}"),
    text!("cli.renewed", "nouvelle demande « {} » pré-remplie", "new request \"{}\" pre-filled"),
    text!("cli.key_line", "clé : RSA {} bits", "key: RSA {} bits"),
    text!("cli.cert_line", "certificat : {} (jusqu'au {})", "certificate: {} (until {})"),
    text!(
        "cli.card_not_yet",
        "précisez --csr-only (la signature par carte CPS arrive avec --card)",
        "give --csr-only (signing with the CPS card comes with --card)"
    ),
    text!(
        "cli.no_tui",
        "l'interface plein écran n'est pas encore disponible : utilisez les sous-commandes (cleocps --help)",
        "the full-screen interface is not available yet: use the subcommands (cleocps --help)"
    ),
    text!(
        "cli.config_check",
        "configuration : {}\nenvoi : {}\nréception : {}\nannuaire : {}",
        "configuration: {}\nsend: {}\nreceive: {}\ndirectory: {}"
    ),
    text!(
        "cli.config_none",
        "aucun fichier (valeurs par défaut)",
        "no file (defaults)"
    ),
];
