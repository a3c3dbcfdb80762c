//! "Accéder aux fichiers": a directory's files with their sizes; `s` opens
//! a shell there.

use crate::tui::action::FileEntry;
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilesModal {
    pub dir: PathBuf,
    /// Full path, size and mode of each file.
    pub files: Vec<FileEntry>,
}
