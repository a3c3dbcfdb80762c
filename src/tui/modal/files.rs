//! "Accéder aux fichiers": a directory's files with their sizes; `s` opens
//! a shell there.

use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilesModal {
    pub dir: PathBuf,
    /// Full path and size in bytes.
    pub files: Vec<(PathBuf, u64)>,
}
