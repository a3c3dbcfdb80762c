//! The files of a deploy: each target written beside its final path
//! (`.NAME.cleocps-new-PID`), the file it replaces kept as a hard link
//! (`.NAME.cleocps-previous`, same owner and mode), then all swapped in by
//! rename; `restore` puts the previous files back the same way. All under
//! the targets' locks.

use super::error::DeployError;
use super::{Installed, TargetKind};
use crate::fsutil::{fsync_dir, open_nofollow, parent_of};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

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

/// `<dir>/.<name>.<suffix>-<pid>`: unique to this process.
fn ours(path: &Path, suffix: &str) -> PathBuf {
    beside(path, &format!("{suffix}-{}", std::process::id()))
}

/// The exclusive locks of the targets (`.NAME.cleocps-lock` beside each),
/// taken in one order so two deploys never wait on each other in a circle;
/// each lock file is removed by its holder when done, so none stays beside
/// the service's files.
pub(super) struct TargetLocks {
    held: Vec<(PathBuf, File)>,
}

impl TargetLocks {
    pub fn take(paths: &[&Path]) -> Result<TargetLocks, DeployError> {
        let mut locks: Vec<PathBuf> = paths.iter().map(|p| beside(p, "cleocps-lock")).collect();
        locks.sort();
        locks.dedup();
        let mut held = Vec::new();
        for lock in locks {
            let file = lock_file(&lock).map_err(|e| io_err(&lock, e))?;
            held.push((lock, file));
        }
        Ok(TargetLocks { held })
    }
}

/// Locks the file at `path`, created if need be. A lock got on a file its
/// holder removed meanwhile is no lock: then the one now at `path` is taken.
fn lock_file(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::MetadataExt;
    loop {
        let file = open_nofollow(path)?;
        file.lock()?;
        let (held, named) = (file.metadata()?, fs::symlink_metadata(path));
        if named.is_ok_and(|n| n.dev() == held.dev() && n.ino() == held.ino()) {
            return Ok(file);
        }
    }
}

impl Drop for TargetLocks {
    fn drop(&mut self) {
        // Removed while still locked: a waiter then sees it gone and starts over.
        for (path, file) in self.held.drain(..).rev() {
            let _ = fs::remove_file(&path);
            drop(file);
        }
    }
}

/// An unnamed file in `dir` (`O_TMPFILE`), `None` where the file system has none.
fn unnamed_in(dir: &Path) -> Option<File> {
    OpenOptions::new()
        .write(true)
        .mode(0o600)
        .custom_flags(rustix::fs::OFlags::TMPFILE.bits() as i32)
        .open(dir)
        .ok()
}

/// Gives the unnamed `file` the name `path` (through `/proc/self/fd`, which
/// needs no privilege, unlike `AT_EMPTY_PATH`).
fn give_name(file: &File, path: &Path) -> io::Result<()> {
    use std::os::fd::AsRawFd;
    let fd = format!("/proc/self/fd/{}", file.as_raw_fd());
    rustix::fs::linkat(
        rustix::fs::CWD,
        fd.as_str(),
        rustix::fs::CWD,
        path,
        rustix::fs::AtFlags::SYMLINK_FOLLOW,
    )?;
    Ok(())
}

/// Removes what a killed deploy of `path` left (a staged file may hold a
/// clear key); the caller holds the target's lock, so no live deploy is at work.
fn remove_leftovers(path: &Path) {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefixes = [
        format!(".{name}.cleocps-new"),
        format!(".{name}.cleocps-restore"),
    ];
    let Ok(entries) = fs::read_dir(parent_of(path)) else {
        return;
    };
    for e in entries.flatten() {
        let file = e.file_name();
        let file = file.to_string_lossy();
        if prefixes.iter().any(|p| file.starts_with(p.as_str())) {
            let _ = fs::remove_file(e.path());
        }
    }
}

struct Entry {
    kind: TargetKind,
    path: PathBuf,
    new: PathBuf,
    /// The staged content, not yet named `new`.
    unnamed: Option<File>,
    previous: Option<PathBuf>,
}

/// Targets written beside their final paths, not yet in place. Dropped
/// before the swap, it removes its temp files.
#[derive(Default)]
pub(super) struct Staged {
    entries: Vec<Entry>,
}

impl Staged {
    /// Writes `data` beside `path`, with its mode and owner: into an
    /// unnamed file of its directory where the file system allows it (a
    /// process killed even by SIGKILL leaves no clear key behind), named
    /// `.NAME.cleocps-new-PID` only at the swap; else into that name now.
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
        remove_leftovers(&path);
        let new = ours(&path, "cleocps-new");
        let unnamed = unnamed_in(parent_of(&path));
        let write = |unnamed: Option<&File>| -> io::Result<()> {
            let mut named = None;
            let mut f = match unnamed {
                Some(f) => f,
                None => named.insert(
                    OpenOptions::new()
                        .write(true)
                        .create_new(true)
                        .mode(0o600)
                        .open(&new)?,
                ),
            };
            // Owner first, then the mode: the content is never readable by
            // more than it should be, even for a moment.
            if owner != (None, None) {
                std::os::unix::fs::fchown(f, owner.0, owner.1)?;
            }
            f.set_permissions(fs::Permissions::from_mode(mode))?;
            f.write_all(data)?;
            f.sync_all()
        };
        let result = write(unnamed.as_ref());
        // Recorded even on failure, so a named temp file is removed on drop.
        self.entries.push(Entry {
            kind,
            path: path.clone(),
            new,
            unnamed,
            previous: None,
        });
        result.map_err(|e| io_err(&path, e))
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
        let failed = |err: io::Error| DeployError::SwapFailed {
            path: e.path.clone(),
            kind: err.kind(),
            detail: err.to_string(),
        };
        if e.path.exists() {
            let keep = beside(&e.path, "cleocps-previous");
            let _ = fs::remove_file(&keep);
            fs::hard_link(&e.path, &keep).map_err(failed)?;
            e.previous = Some(keep);
        }
        if let Some(file) = e.unnamed.take() {
            give_name(&file, &e.new).map_err(failed)?;
        }
        fs::rename(&e.new, &e.path).map_err(failed)?;
        fsync_dir(parent_of(&e.path)).map_err(failed)
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
                    let back = ours(&t.path, "cleocps-restore");
                    let put = fs::hard_link(keep, &back).and_then(|()| fs::rename(&back, &t.path));
                    if put.is_err() {
                        let _ = fs::remove_file(&back);
                    }
                    put
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

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut n: Vec<String> = fs::read_dir(dir)
            .expect("ls")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        n.sort();
        n
    }

    #[test]
    fn a_staged_key_has_no_name_until_the_swap_and_a_dead_deploys_leftovers_go() {
        let dir = tempfile::tempdir().expect("tmp");
        let key = dir.path().join("k.pem");
        fs::write(&key, "old").expect("old");
        // What a deploy killed by SIGKILL on a file system without O_TMPFILE leaves.
        let dead = dir.path().join(".k.pem.cleocps-new-0");
        fs::write(&dead, "clear key").expect("dead");
        let mut staged = Staged::default();
        staged
            .stage(TargetKind::Key, key.clone(), b"new", 0o600, (None, None))
            .expect("stage");
        // Nothing named holds the new key yet (tmpfs and ext4 have O_TMPFILE).
        assert_eq!(names(dir.path()), ["k.pem"]);
        let installed = staged.swap().expect("swap");
        assert_eq!(fs::read(&key).expect("new"), b"new");
        assert_eq!(names(dir.path()), [".k.pem.cleocps-previous", "k.pem"]);
        staged.restore(&installed).expect("restore");
        assert_eq!(fs::read(&key).expect("old"), b"old");
        drop(staged);
        assert_eq!(names(dir.path()), [".k.pem.cleocps-previous", "k.pem"]);
    }

    #[test]
    fn a_failed_swap_undoes_the_renames_done_and_says_what_to_do() {
        let dir = tempfile::tempdir().expect("tmp");
        let (a, b) = (dir.path().join("a.pem"), dir.path().join("b.pem"));
        fs::write(&a, "old a").expect("a");
        let mut staged = Staged::default();
        for p in [&a, &b] {
            staged
                .stage(TargetKind::Cert, p.clone(), b"new", 0o644, (None, None))
                .expect("stage");
        }
        // b.pem became a directory after the checks: its rename fails.
        fs::create_dir(&b).expect("dir");
        fs::write(b.join("x"), "").expect("x");
        let err = staged.swap().expect_err("swap fails");
        assert!(
            matches!(&err, DeployError::SwapFailed { path, .. } if *path == b),
            "{err:?}"
        );
        assert_eq!(fs::read(&a).expect("a"), b"old a");
        let said = err.localize(crate::i18n::Lang::En);
        assert!(
            said.contains("could not be put in place") && said.contains("then deploy again"),
            "{said}"
        );
        assert!(!said.contains("os error"), "{said}");
    }
}
