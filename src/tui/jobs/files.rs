//! "Accéder aux fichiers": a folder's files with their size and mode, read
//! here, off the UI thread.

use crate::tui::action::{Done, FileEntry, Shown};
use crate::tui::job::{Cx, Failure, Work};
use crate::tui::job_kind::JobKind;
use cleocps_core::procedure as core;
use cleocps_core::request::Request;
use cleocps_core::workspace::Workspace;
use std::path::{Path, PathBuf};

/// The request's files (those the core lists), with their modes.
pub fn of_request(ws: &Workspace, req: &Request) -> Vec<FileEntry> {
    core::files(ws, req)
        .into_iter()
        .map(|(path, size)| FileEntry {
            mode: mode(&path),
            path,
            size,
        })
        .collect()
}

/// The files of a directory (the wizard's results).
#[derive(Debug, Clone)]
pub struct ListDir {
    pub dir: PathBuf,
}

impl Work for ListDir {
    fn kind(&self) -> JobKind {
        JobKind::ListDir
    }

    fn run(self: Box<Self>, _: &Cx<'_>) -> Result<Done, Failure> {
        Ok(list_dir(self.dir))
    }
}

/// The visible regular files of `dir` (the wizard's results), sorted.
fn list_dir(dir: PathBuf) -> Done {
    let mut files: Vec<FileEntry> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.flatten()
                .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
                .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                .filter_map(|e| {
                    let path = e.path();
                    Some(FileEntry {
                        size: e.metadata().ok()?.len(),
                        mode: mode(&path),
                        path,
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Done {
        shown: Some(Shown::Files { dir, files }),
        ..Done::default()
    }
}

/// `st_mode` of the file itself (a link is not followed); 0 when unknown.
fn mode(path: &Path) -> u32 {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::symlink_metadata(path).map_or(0, |m| m.mode())
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        0
    }
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn lists_names_sizes_and_modes() {
        let dir = std::env::temp_dir().join(format!("cleocps-files-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let key = dir.join("srv.key");
        std::fs::write(&key, b"12345").expect("write");
        std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o600)).expect("chmod");
        std::fs::write(dir.join(".hidden"), b"x").expect("write");
        let done = super::list_dir(dir.clone());
        let _ = std::fs::remove_dir_all(&dir);
        let Some(crate::tui::action::Shown::Files { files, .. }) = done.shown else {
            panic!("files")
        };
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].path, key);
        assert_eq!(files[0].size, 5);
        assert_eq!(files[0].mode & 0o777, 0o600);
        assert_eq!(files[0].mode & 0o170_000, 0o100_000);
    }
}
