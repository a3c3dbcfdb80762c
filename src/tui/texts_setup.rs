//! The TUI's texts for the palette, the welcome page, the configuration
//! screen and the portal route, French and English side by side.

use crate::i18n::Text;
use cleocps_core::text;

pub static TEXTS: &[Text] = &[
    // The palette: the original's menu words.
    text!("tui.title.palette", "Toutes les actions", "All actions"),
    text!("tui.key.palette", "toutes les actions", "all actions"),
    text!("tui.key.run", "exécuter", "run"),
    text!("tui.pal.search", "Rechercher :", "Search:"),
    text!(
        "tui.pal.none",
        "Aucune action ne correspond.",
        "No action matches."
    ),
    text!(
        "tui.pal.wizard",
        "Obtenir un certificat serveur (CleoWizard)",
        "Get a server certificate (CleoWizard)"
    ),
    text!("tui.pal.new_folder", "Créer un dossier", "Create a folder"),
    text!(
        "tui.pal.new_request",
        "Créer une demande de certificat",
        "Create a certificate request"
    ),
    text!("tui.pal.rename", "Renommer le dossier", "Rename the folder"),
    text!(
        "tui.pal.delete",
        "Supprimer le dossier ou la demande",
        "Delete the folder or the request"
    ),
    text!("tui.pal.help", "Aide", "Help"),
    text!("tui.pal.quit", "Quitter", "Quit"),
    text!("tui.pal.config", "Configuration", "Configuration"),
    // Pre-filled fields.
    text!("tui.kn.ctrl_u", "Ctrl-U", "Ctrl-U"),
    text!("tui.key.empty_field", "vider", "clear"),
    // The welcome page, as the original's home page.
    text!(
        "tui.home.title",
        "Bienvenue dans CleoCPS.",
        "Welcome to CleoCPS."
    ),
];
