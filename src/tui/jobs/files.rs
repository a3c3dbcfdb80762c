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

/// Tab in a path input: the partial path completed, read off the UI thread.
#[derive(Debug, Clone)]
pub struct Complete {
    pub partial: String,
}

impl Work for Complete {
    fn kind(&self) -> JobKind {
        JobKind::Complete
    }

    fn run(self: Box<Self>, _: &Cx<'_>) -> Result<Done, Failure> {
        Ok(Done {
            shown: Some(Shown::Completed(complete_path(&self.partial))),
            ..Done::default()
        })
    }
}

/// Completes a path: the longest common prefix of the entries that match.
fn complete_path(partial: &str) -> Option<String> {
    let p = Path::new(partial);
    let (dir, stem) = if partial.ends_with('/') {
        (p.to_path_buf(), String::new())
    } else {
        let stem = p.file_name()?.to_string_lossy().to_string();
        (p.parent().unwrap_or(Path::new(".")).to_path_buf(), stem)
    };
    let read = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        &dir
    };
    let mut names: Vec<(String, bool)> = std::fs::read_dir(read)
        .ok()?
        .flatten()
        .filter_map(|e| {
            let n = e.file_name().to_string_lossy().to_string();
            let is_dir = e.file_type().map(|t| t.is_dir()).unwrap_or(false);
            n.starts_with(&stem).then_some((n, is_dir))
        })
        .collect();
    names.sort();
    let first = names.first()?.0.clone();
    let common = names.iter().fold(first, |acc, (n, _)| {
        acc.chars()
            .zip(n.chars())
            .take_while(|(a, b)| a == b)
            .map(|(a, _)| a)
            .collect()
    });
    let mut out = dir.join(&common).display().to_string();
    if names.len() == 1 && names[0].1 {
        out.push('/');
    }
    Some(out)
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

    #[test]
    fn completes_to_the_common_prefix_and_a_lone_directory_with_its_slash() {
        let dir = std::env::temp_dir().join(format!("cleocps-complete-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("certs")).expect("dir");
        std::fs::write(dir.join("smime.p7c"), b"x").expect("write");
        std::fs::write(dir.join("smime.pem"), b"x").expect("write");
        let at = |p: &str| super::complete_path(&format!("{}/{p}", dir.display()));
        let common = at("smi");
        let lone = at("ce");
        let none = at("zz");
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(common, Some(format!("{}/smime.p", dir.display())));
        assert_eq!(lone, Some(format!("{}/certs/", dir.display())));
        assert_eq!(none, None);
    }
}
