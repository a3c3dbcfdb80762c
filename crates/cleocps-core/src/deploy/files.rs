//! The files of a deploy: each target written beside its final path
//! (`.NAME.cleocps-new`), the file it replaces kept as a hard link
//! (`.NAME.cleocps-previous`, same owner and mode), then all swapped in by
//! rename; `restore` puts the previous files back the same way.

use super::error::DeployError;
use super::{Installed, TargetKind};
use crate::fsutil::{fsync_dir, parent_of};
use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// Where a target really is written. A target whose parent isn't a
/// directory, or that is a directory, is refused; a symbolic link only with
/// `follow` (then the file it points to is replaced, the link stays).
pub(super) fn resolve(target: &Path, follow: bool) -> Result<PathBuf, DeployError> {
    if !parent_of(target).is_dir() {
        return Err(DeployError::ParentNotDir(target.to_path_buf()));
    }
    let real = match fs::symlink_metadata(target) {
        Ok(m) if m.file_type().is_symlink() => {
            if !follow {
                return Err(DeployError::Symlink(target.to_path_buf()));
            }
            fs::canonicalize(target).map_err(|e| io_err(target, e))?
        }
        Ok(_) => target.to_path_buf(),
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(target.to_path_buf()),
        Err(e) => return Err(io_err(target, e)),
    };
    if real.is_dir() {
        return Err(DeployError::TargetIsDir(target.to_path_buf()));
    }
    Ok(real)
}

fn io_err(path: &Path, e: io::Error) -> DeployError {
    DeployError::Io(path.to_path_buf(), e.to_string())
}

/// `<dir>/.<name>.<suffix>`.
fn beside(path: &Path, suffix: &str) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    parent_of(path).join(format!(".{name}.{suffix}"))
}

struct Entry {
    kind: TargetKind,
    path: PathBuf,
    new: PathBuf,
    previous: Option<PathBuf>,
}

/// Targets written beside their final paths, not yet in place. Dropped
/// before the swap, it removes its temp files.
#[derive(Default)]
pub(super) struct Staged {
    entries: Vec<Entry>,
}

impl Staged {
    pub fn paths(&self) -> Vec<String> {
        self.entries
            .iter()
            .map(|e| e.path.display().to_string())
            .collect()
    }

    /// Writes `data` to `.NAME.cleocps-new` beside `path`, with its mode and owner.
    pub fn stage(
        &mut self,
        kind: TargetKind,
        path: PathBuf,
        data: &[u8],
        mode: u32,
        owner: (Option<u32>, Option<u32>),
    ) -> Result<(), DeployError> {
        if self.entries.iter().any(|e| e.path == path) {
            return Err(DeployError::SameTarget(path));
        }
        let new = beside(&path, "cleocps-new");
        let _ = fs::remove_file(&new);
        let write = || -> io::Result<()> {
            let mut f = OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(&new)?;
            // Owner first, then the mode: the content is never readable by
            // more than it should be, even for a moment.
            if owner != (None, None) {
                std::os::unix::fs::fchown(&f, owner.0, owner.1)?;
            }
            f.set_permissions(fs::Permissions::from_mode(mode))?;
            f.write_all(data)?;
            f.sync_all()
        };
        // Recorded first, so a failed write's temp file is removed on drop.
        self.entries.push(Entry {
            kind,
            path: path.clone(),
            new: new.clone(),
            previous: None,
        });
        write().map_err(|e| io_err(&path, e))
    }

    /// Keeps each previous file, then renames each new one into place. If
    /// one rename fails, the ones done are undone.
    pub fn swap(&mut self) -> Result<Vec<Installed>, DeployError> {
        for i in 0..self.entries.len() {
            if let Err(e) = self.swap_one(i) {
                let done: Vec<Installed> = self.installed(i);
                let _ = self.restore(&done);
                return Err(e);
            }
        }
        Ok(self.installed(self.entries.len()))
    }

    fn swap_one(&mut self, i: usize) -> Result<(), DeployError> {
        let e = &mut self.entries[i];
        if e.path.exists() {
            let keep = beside(&e.path, "cleocps-previous");
            let _ = fs::remove_file(&keep);
            fs::hard_link(&e.path, &keep).map_err(|err| io_err(&e.path, err))?;
            e.previous = Some(keep);
        }
        fs::rename(&e.new, &e.path).map_err(|err| io_err(&e.path, err))?;
        fsync_dir(parent_of(&e.path)).map_err(|err| io_err(&e.path, err))
    }

    fn installed(&self, n: usize) -> Vec<Installed> {
        self.entries[..n]
            .iter()
            .map(|e| Installed {
                kind: e.kind,
                path: e.path.clone(),
                previous: e.previous.clone(),
            })
            .collect()
    }

    /// Puts back the previous files of `installed` (removes a file that
    /// did not exist before), each by one rename.
    pub fn restore(&self, installed: &[Installed]) -> Result<(), DeployError> {
        let mut first_error = None;
        for t in installed.iter().rev() {
            let result = match &t.previous {
                Some(keep) => {
                    let back = beside(&t.path, "cleocps-restore");
                    let _ = fs::remove_file(&back);
                    fs::hard_link(keep, &back).and_then(|()| fs::rename(&back, &t.path))
                }
                None => fs::remove_file(&t.path),
            }
            .and_then(|()| fsync_dir(parent_of(&t.path)));
            if let Err(e) = result {
                first_error.get_or_insert(io_err(&t.path, e));
            }
        }
        first_error.map_or(Ok(()), Err)
    }

    /// The deploy stands: nothing left to clean (the previous files stay).
    pub fn finish(mut self) {
        self.entries.clear();
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        for e in &self.entries {
            let _ = fs::remove_file(&e.new);
        }
    }
}
