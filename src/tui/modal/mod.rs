//! The modal dialogs. Which one is open is plain state: [`App::layer`]
//! derives the keymap layer from it, and the view draws it last.
//!
//! One struct per dialog, each in its own file with what it needs to be
//! drawn and answered; [`Modal`] only says which one is open. Each dialog
//! carries what the flow has gathered so far (e.g. the key size chosen
//! before the password is asked), so a flow is a chain of modals and Esc
//! anywhere drops it without side effects.
//!
//! [`App::layer`]: super::app::App::layer

mod card_wait;
mod choice;
mod confirm;
mod csr;
mod deploy;
mod deploy_form;
mod files;
mod help;
mod input;
mod message;
mod palette;
mod paste;
mod pin;
mod secret;
mod servers;

pub use card_wait::CardWaitModal;
pub use choice::{ChoiceModal, Choose, KEY_SIZES, REQUEST_TYPES};
pub use confirm::{Confirm, ConfirmModal};
pub use csr::CsrModal;
pub use deploy::{DeployModal, OutputModal};
pub use deploy_form::{DeployFormModal, DEPLOY_FIELDS};
pub use files::FilesModal;
pub use help::HelpModal;
pub use input::{Ask, InputModal};
pub use message::MessageModal;
pub use palette::{Entry, PaletteModal};
pub use paste::PasteModal;
pub use pin::{PinFor, PinModal};
pub use secret::{Hidden, SecretModal, Then};
pub use servers::ServersModal;

use super::app::Layer;

#[derive(Debug, Clone)]
pub enum Modal {
    Help(HelpModal),
    /// A message; `error` ones say what went wrong and what to do.
    Message(MessageModal),
    Confirm(ConfirmModal),
    Choice(ChoiceModal),
    Input(InputModal),
    Secret(SecretModal),
    /// The card's PIN ("code porteur"), with the tries-left warning.
    Pin(PinModal),
    Csr(CsrModal),
    /// "Coller la réponse": the text pasted for Étape 3's import.
    Paste(PasteModal),
    Files(FilesModal),
    /// The card probe found no card and polls for it; Esc stops it.
    CardWait(CardWaitModal),
    /// The directory listed several servers for the form: pick one.
    Servers(ServersModal),
    /// Étape 3's deploy: the saved profile; yes runs it.
    Deploy(DeployModal),
    /// Étape 3's first deploy: the profile's form; Enter runs and saves it.
    DeployForm(DeployFormModal),
    /// A command's output (deploy's check and reload), scrollable.
    Output(OutputModal),
    /// The command palette (F10 or `:`).
    Palette(PaletteModal),
}

impl Modal {
    pub fn layer(&self) -> Layer {
        match self {
            Modal::Help(_) => Layer::Help,
            Modal::Message(_) => Layer::Message,
            Modal::Confirm(_) | Modal::Deploy(_) => Layer::Confirm,
            // Read-only and scrollable, as the help: the same keys.
            Modal::Output(_) => Layer::Help,
            Modal::Choice(_) | Modal::Servers(_) => Layer::Choice,
            Modal::Input(m) if m.what.is_path() => Layer::Path,
            Modal::Input(_) | Modal::Secret(_) | Modal::Pin(_) | Modal::DeployForm(_) => {
                Layer::Text
            }
            Modal::Csr(_) => Layer::Csr,
            Modal::Paste(_) => Layer::Paste,
            Modal::Files(_) => Layer::Files,
            Modal::CardWait(_) => Layer::Wait,
            Modal::Palette(_) => Layer::Palette,
        }
    }

    pub fn secret(what: Hidden) -> Modal {
        Modal::Secret(SecretModal::new(what))
    }

    pub fn input(what: Ask, value: &str) -> Modal {
        Modal::Input(InputModal::new(what, value))
    }

    pub fn pin(what: PinFor, warning: Option<String>) -> Modal {
        Modal::Pin(PinModal::new(what, warning))
    }

    pub fn choice(what: Choose, sel: usize) -> Modal {
        Modal::Choice(ChoiceModal { what, sel })
    }

    pub fn confirm(what: Confirm, text: String) -> Modal {
        Modal::Confirm(ConfirmModal { what, text })
    }

    pub fn error(text: String) -> Modal {
        Modal::Message(MessageModal::error(text))
    }
}
