//! The modal dialogs. Which one is open is plain state: [`App::layer`]
//! derives the keymap layer from it, and the view draws it last.
//!
//! Each dialog carries what the flow has gathered so far (e.g. the key size
//! chosen before the password is asked), so a flow is a chain of modals and
//! Esc anywhere drops it without side effects.
//!
//! [`App::layer`]: super::app::App::layer

use super::action::Job;
use super::app::Layer;
use cleocps_core::card::PinState;
use cleocps_core::pki::KeySize;
use cleocps_core::request::RequestType;
use cleocps_core::secret::Secret;
use std::path::PathBuf;
use tui_input::Input;
use zeroize::Zeroizing;

/// Yes/no questions before a destructive or irreversible action.
#[derive(Debug, Clone)]
pub enum Confirm {
    DeleteFolder {
        name: String,
        force: bool,
    },
    DeleteRequest {
        path: String,
        force: bool,
    },
    ReplaceKeys {
        path: String,
    },
    /// Quit while a job runs.
    Quit,
    /// An export's file exists: yes runs `job` again with `force`.
    Overwrite {
        file: PathBuf,
        job: Box<Job>,
    },
}

/// Pick one of a few options.
#[derive(Debug, Clone)]
pub enum Choose {
    RequestType {
        folder: String,
    },
    KeySize {
        path: String,
        replace: bool,
    },
    KeyProtect {
        path: String,
        size: KeySize,
        replace: bool,
    },
    P12Profile {
        path: String,
        file: PathBuf,
        key_password: Option<Secret>,
        p12_password: Secret,
    },
    /// "Générer la demande": with the CPS card (default) or CSR only.
    RequestMode {
        path: String,
    },
    /// The exported key: under the key password, or clear.
    PemKey {
        path: String,
        dir: PathBuf,
    },
}

impl Choose {
    /// Title and option text ids.
    pub fn texts(&self) -> (&'static str, &'static [&'static str]) {
        match self {
            Choose::RequestType { .. } => ("tui.choose.type", &["tui.type.ssl", "tui.type.smime"]),
            Choose::KeySize { .. } => (
                "tui.choose.key_size",
                &["tui.size.2048", "tui.size.3072", "tui.size.4096"],
            ),
            Choose::KeyProtect { .. } => {
                ("tui.choose.protect", &["tui.protect.yes", "tui.protect.no"])
            }
            Choose::P12Profile { .. } => (
                "tui.choose.p12_profile",
                &["tui.p12.modern", "tui.p12.legacy"],
            ),
            Choose::RequestMode { .. } => ("tui.choose.mode", &["tui.mode.card", "tui.mode.csr"]),
            Choose::PemKey { .. } => (
                "tui.choose.pem_key",
                &["tui.pem.protected", "tui.pem.clear"],
            ),
        }
    }

    /// A warning under the options, if any.
    pub fn note_id(&self) -> Option<&'static str> {
        match self {
            Choose::PemKey { .. } => Some("notice.clear_key"),
            _ => None,
        }
    }
}

pub const KEY_SIZES: [KeySize; 3] = [KeySize::B2048, KeySize::B3072, KeySize::B4096];
pub const REQUEST_TYPES: [RequestType; 2] = [RequestType::Ssl, RequestType::Smime];

/// Text typed in a one-line input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {
    FolderName,
    RenameFolder { old: String },
    RequestName { folder: String, kind: RequestType },
    ImportPath { path: String },
    ExportDir { path: String },
    P12File { path: String },
}

impl Ask {
    pub fn title_id(&self) -> &'static str {
        match self {
            Ask::FolderName => "tui.ask.folder",
            Ask::RenameFolder { .. } => "tui.ask.rename",
            Ask::RequestName { .. } => "tui.ask.request",
            Ask::ImportPath { .. } => "tui.ask.import",
            Ask::ExportDir { .. } => "tui.ask.export_dir",
            Ask::P12File { .. } => "tui.ask.p12_file",
        }
    }

    pub fn is_path(&self) -> bool {
        matches!(
            self,
            Ask::ImportPath { .. } | Ask::ExportDir { .. } | Ask::P12File { .. }
        )
    }
}

/// What a key password is asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Then {
    Csr {
        path: String,
    },
    Pem {
        path: String,
        dir: PathBuf,
        clear: bool,
    },
    P12 {
        path: String,
        file: PathBuf,
    },
    /// The card path: the key password first, then the card probe.
    Card {
        path: String,
    },
}

/// Masked inputs. `twice` ones have a second field that must match.
#[derive(Debug, Clone)]
pub enum Hidden {
    NewKeyPassword {
        path: String,
        size: KeySize,
        replace: bool,
    },
    KeyPassword {
        then: Then,
    },
    P12Password {
        path: String,
        file: PathBuf,
        key_password: Option<Secret>,
    },
}

impl Hidden {
    pub fn twice(&self) -> bool {
        !matches!(self, Hidden::KeyPassword { .. })
    }

    pub fn title_id(&self) -> &'static str {
        match self {
            Hidden::NewKeyPassword { .. } => "tui.secret.new_key",
            Hidden::KeyPassword { .. } => "tui.secret.key",
            Hidden::P12Password { .. } => "tui.secret.p12",
        }
    }

    pub fn advice_id(&self) -> &'static str {
        match self {
            Hidden::NewKeyPassword { .. } => "tui.secret.new_key.advice",
            Hidden::KeyPassword { .. } => "tui.secret.key.advice",
            Hidden::P12Password { .. } => "tui.secret.p12.advice",
        }
    }
}

/// What a PIN is asked for: signing this request, after a card probe.
#[derive(Debug, Clone)]
pub struct PinFor {
    pub path: String,
    pub key_password: Option<Secret>,
    /// The card's PIN flags and length bounds, as the probe read them.
    pub bounds: PinState,
}

#[derive(Debug, Clone)]
pub enum Modal {
    Help {
        scroll: u16,
    },
    /// A message; `error` ones say what went wrong and what to do.
    Message {
        title: &'static str,
        text: String,
        error: bool,
    },
    Confirm {
        what: Confirm,
        text: String,
    },
    Choice {
        what: Choose,
        sel: usize,
    },
    Input {
        what: Ask,
        input: Input,
        error: Option<String>,
    },
    Secret {
        what: Hidden,
        first: Zeroizing<String>,
        second: Zeroizing<String>,
        on_second: bool,
        error: Option<String>,
    },
    /// The card's PIN ("code porteur"), with the tries-left warning.
    Pin {
        what: PinFor,
        warning: Option<String>,
        pin: Zeroizing<String>,
        /// A PIN of the wrong length (checked before the card sees it).
        error: Option<String>,
    },
    Csr {
        path: String,
        pem: String,
        scroll: u16,
    },
    Files {
        dir: PathBuf,
        files: Vec<(PathBuf, u64)>,
    },
    /// The card probe found no card and polls for it; Esc stops it.
    CardWait {
        /// Seconds left, as the probe reports them.
        left: u64,
    },
    /// The directory listed several servers for the form of `path`: pick one.
    Servers {
        path: String,
        entries: Vec<cleocps_core::directory::ServerEntry>,
        sel: usize,
    },
}

impl Modal {
    pub fn layer(&self) -> Layer {
        match self {
            Modal::Help { .. } => Layer::Help,
            Modal::Message { .. } => Layer::Message,
            Modal::Confirm { .. } => Layer::Confirm,
            Modal::Choice { .. } | Modal::Servers { .. } => Layer::Choice,
            Modal::Input { what, .. } if what.is_path() => Layer::Path,
            Modal::Input { .. } | Modal::Secret { .. } | Modal::Pin { .. } => Layer::Text,
            Modal::Csr { .. } => Layer::Csr,
            Modal::Files { .. } => Layer::Files,
            Modal::CardWait { .. } => Layer::Wait,
        }
    }

    pub fn secret(what: Hidden) -> Modal {
        Modal::Secret {
            what,
            first: Zeroizing::new(String::new()),
            second: Zeroizing::new(String::new()),
            on_second: false,
            error: None,
        }
    }

    pub fn input(what: Ask, value: &str) -> Modal {
        Modal::Input {
            what,
            input: Input::new(value.to_string()),
            error: None,
        }
    }

    pub fn pin(what: PinFor, warning: Option<String>) -> Modal {
        Modal::Pin {
            what,
            warning,
            pin: Zeroizing::new(String::new()),
            error: None,
        }
    }

    pub fn error(text: String) -> Modal {
        Modal::Message {
            title: "tui.title.error",
            text,
            error: true,
        }
    }
}
