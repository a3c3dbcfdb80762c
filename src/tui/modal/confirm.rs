//! The yes/no question before a destructive or irreversible action.

use crate::tui::action::Job;
use std::path::PathBuf;

/// What a yes does.
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

#[derive(Debug, Clone)]
pub struct ConfirmModal {
    pub what: Confirm,
    /// The question, localized.
    pub text: String,
}
