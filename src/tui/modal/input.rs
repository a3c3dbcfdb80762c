//! A one-line text input: a name, or a path (Tab completes).

use cleocps_core::request::RequestType;
use tui_input::Input;

/// What the typed text is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {
    FolderName,
    RenameFolder {
        old: String,
    },
    RequestName {
        folder: String,
        kind: RequestType,
    },
    ImportPath {
        path: String,
    },
    /// The platform's `.p12` (it made the key).
    PlatformP12 {
        path: String,
    },
    /// Where the PEM files go and their base name: `DIR/NAME` gives
    /// `DIR/NAME.key`, `.crt`, `.chain.pem`, `.fullchain.pem`.
    ExportFiles {
        path: String,
    },
    P12File {
        path: String,
    },
    /// A rejection read outside cleocps: its code, then its reason.
    RejectCode {
        path: String,
    },
    RejectReason {
        path: String,
        code: String,
    },
}

impl Ask {
    pub fn title_id(&self) -> &'static str {
        match self {
            Ask::FolderName => "tui.ask.folder",
            Ask::RenameFolder { .. } => "tui.ask.rename",
            Ask::RequestName { .. } => "tui.ask.request",
            Ask::ImportPath { .. } => "tui.ask.import",
            Ask::PlatformP12 { .. } => "tui.p12in.file",
            Ask::ExportFiles { .. } => "tui.ask.export_files",
            Ask::P12File { .. } => "tui.ask.p12_file",
            Ask::RejectCode { .. } => "tui.ask.reject_code",
            Ask::RejectReason { .. } => "tui.ask.reject_reason",
        }
    }

    pub fn is_path(&self) -> bool {
        matches!(
            self,
            Ask::ImportPath { .. }
                | Ask::PlatformP12 { .. }
                | Ask::ExportFiles { .. }
                | Ask::P12File { .. }
        )
    }
}

#[derive(Debug, Clone)]
pub struct InputModal {
    pub what: Ask,
    pub input: Input,
    /// Why Enter was refused, under the input.
    pub error: Option<String>,
}

impl InputModal {
    /// The input for `what`, holding `value` with the cursor at its end.
    pub fn new(what: Ask, value: &str) -> InputModal {
        InputModal {
            what,
            input: Input::new(value.to_string()),
            error: None,
        }
    }
}
