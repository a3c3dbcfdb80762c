//! Where each target really is, and whether cleocps may replace it. Every
//! check is made before anything is written: directories resolved so one
//! file named twice is seen; the workspace's own files refused; only a
//! regular file replaced; links followed only with `--follow-symlinks`,
//! and then only those owned by root or the invoking user (as sudoedit).

use super::error::DeployError;
use super::TargetKind;
use crate::fsutil::{parent_of, resolve_dir};
use crate::workspace::Workspace;
use std::fs::{self, Metadata};
use std::io;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

/// Links followed in a row before giving up (the kernel's own limit).
const MAX_LINKS: usize = 40;

/// A target: what it receives, and the file it really names.
pub(super) struct Target {
    pub kind: TargetKind,
    pub real: PathBuf,
}

/// Resolves and checks every target; refuses the whole deploy on the first problem.
pub(super) fn resolve_all(
    targets: &[(TargetKind, PathBuf)],
    follow: bool,
    ws: &Workspace,
) -> Result<Vec<Target>, DeployError> {
    let mut out: Vec<Target> = Vec::new();
    for (kind, given) in targets {
        let real = resolve(given, follow)?;
        if ws.holds(&real) {
            return Err(DeployError::InWorkspace(given.clone()));
        }
        if out.iter().any(|t| same_file(&t.real, &real)) {
            return Err(DeployError::SameTarget(given.clone()));
        }
        out.push(Target { kind: *kind, real });
    }
    Ok(out)
}

/// Where `target` is written: its directory resolved; a final link only
/// with `follow` (then the file it points to is replaced, the link stays).
fn resolve(target: &Path, follow: bool) -> Result<PathBuf, DeployError> {
    let io_err = |e: io::Error| DeployError::Io(target.to_path_buf(), e.to_string());
    let mut current = target.to_path_buf();
    for _ in 0..MAX_LINKS {
        if !parent_of(&current).is_dir() {
            return Err(DeployError::ParentNotDir(current));
        }
        current = resolve_dir(&current).map_err(io_err)?;
        let meta = match fs::symlink_metadata(&current) {
            Ok(m) => m,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(current),
            Err(e) => return Err(io_err(e)),
        };
        if !meta.file_type().is_symlink() {
            return regular(target, &meta).map(|()| current);
        }
        if !follow {
            return Err(DeployError::Symlink(target.to_path_buf()));
        }
        trusted(&current, &meta)?;
        let points_to = fs::read_link(&current).map_err(io_err)?;
        let next = parent_of(&current).join(points_to);
        trusted_dirs(parent_of(&next))?;
        current = next;
    }
    Err(DeployError::Symlink(target.to_path_buf()))
}

/// Only a regular file is replaced: renaming over a device or FIFO would
/// destroy it (as root, `/dev/null` itself).
fn regular(target: &Path, meta: &Metadata) -> Result<(), DeployError> {
    if meta.is_dir() {
        Err(DeployError::TargetIsDir(target.to_path_buf()))
    } else if !meta.is_file() {
        Err(DeployError::NotRegular(target.to_path_buf()))
    } else {
        Ok(())
    }
}

/// A link followed must belong to root or to the user running cleocps:
/// anyone else who could plant it would choose what root writes over.
fn trusted(path: &Path, meta: &Metadata) -> Result<(), DeployError> {
    let me = rustix::process::getuid().as_raw();
    if meta.uid() == 0 || meta.uid() == me {
        Ok(())
    } else {
        Err(DeployError::UntrustedLink {
            path: path.to_path_buf(),
            uid: meta.uid(),
        })
    }
}

/// Each directory on the way to a link's destination, checked as the link.
fn trusted_dirs(dir: &Path) -> Result<(), DeployError> {
    let dir = dir
        .canonicalize()
        .map_err(|_| DeployError::ParentNotDir(dir.to_path_buf()))?;
    for d in dir.ancestors() {
        let meta = fs::metadata(d).map_err(|e| DeployError::Io(d.to_path_buf(), e.to_string()))?;
        trusted(d, &meta)?;
    }
    Ok(())
}

/// The same path, or two names of one existing file (a hard link).
fn same_file(a: &Path, b: &Path) -> bool {
    if a == b {
        return true;
    }
    match (fs::metadata(a), fs::metadata(b)) {
        (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
        _ => false,
    }
}
