//! Crash-safe file writes: temp file + fsync + rename + directory fsync, so a
//! reader only ever sees the old file or the new one, never half of one.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// Mode of private files (keys, password files) and of everything in the workspace.
pub const PRIVATE_FILE: u32 = 0o600;
/// Mode of every directory cleocps creates.
pub const PRIVATE_DIR: u32 = 0o700;

/// Why a write refused its destination: a device, FIFO, socket or
/// directory is never replaced by a file (as root, `/dev/null` itself).
#[derive(Debug)]
pub struct NotRegularFile;

impl std::fmt::Display for NotRegularFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not a regular file")
    }
}

impl std::error::Error for NotRegularFile {}

/// Writes `data` to `path` atomically with the given mode. What `path`
/// names, if anything, must be a regular file or a link (the link itself
/// is replaced, never followed).
pub fn write_atomic(path: &Path, data: &[u8], mode: u32) -> io::Result<()> {
    if let Ok(m) = fs::symlink_metadata(path) {
        if !(m.file_type().is_file() || m.file_type().is_symlink()) {
            return Err(io::Error::new(io::ErrorKind::InvalidInput, NotRegularFile));
        }
    }
    let dir = parent_of(path);
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no file name"))?;
    let name = name.to_string_lossy();
    remove_dead_writers_temps(dir, &name);
    let tmp = dir.join(format!(
        ".{name}.tmp-{}-{:08x}",
        std::process::id(),
        rand::random::<u32>()
    ));
    let result = (|| {
        let mut f = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(mode)
            .open(&tmp)?;
        // The umask may have narrowed the mode; never widened, but make it exact.
        f.set_permissions(fs::Permissions::from_mode(mode))?;
        f.write_all(data)?;
        f.sync_all()?;
        drop(f);
        fs::rename(&tmp, path)?;
        fsync_dir(dir)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Why a bounded read gave nothing.
#[derive(Debug)]
pub enum ReadError {
    Io(io::Error),
    /// A FIFO, device, socket or directory where a file was expected: reading
    /// it could block forever or never end.
    NotAFile,
    /// Longer than the limit, in bytes.
    TooLarge(u64),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Io(e) => e.fmt(f),
            ReadError::NotAFile => {
                f.write_str("not a regular file (a FIFO, device, socket or directory)")
            }
            ReadError::TooLarge(n) => write!(f, "larger than {n} bytes"),
        }
    }
}

impl From<ReadError> for io::Error {
    fn from(e: ReadError) -> io::Error {
        match e {
            ReadError::Io(e) => e,
            ReadError::NotAFile => io::Error::new(io::ErrorKind::InvalidInput, NotRegularFile),
            other => io::Error::new(io::ErrorKind::InvalidData, other.to_string()),
        }
    }
}

/// The largest certificate, CA bundle or key file read (a system bundle is a few hundred KiB).
pub const MAX_INPUT_FILE: u64 = 10 * 1024 * 1024;

/// A certificate, CA bundle or key given as a file: [`read_bounded`] to [`MAX_INPUT_FILE`].
pub fn read_input(path: &Path) -> Result<Vec<u8>, ReadError> {
    read_bounded(path, MAX_INPUT_FILE)
}

/// Reads the regular file `path`, refusing anything else and anything over
/// `limit` bytes, without ever holding more than `limit + 1` bytes. Opened
/// non-blocking, so a FIFO is refused rather than waited on.
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let mut data = Vec::new();
    open_regular(path)?
        .take(limit.saturating_add(1))
        .read_to_end(&mut data)
        .map_err(ReadError::Io)?;
    if data.len() as u64 > limit {
        return Err(ReadError::TooLarge(limit));
    }
    Ok(data)
}

/// The first line of the file `path` (its LF, CRLF or end of file
/// excluded), refused if longer than `limit` bytes: the rest is never read.
pub fn read_first_line(path: &Path, limit: u64) -> Result<zeroize::Zeroizing<Vec<u8>>, ReadError> {
    // Only a regular file (DESIGN §3): a FIFO would wait for a writer that
    // may never come, a device never ends.
    let file = open_regular(path)?;
    let mut data = zeroize::Zeroizing::new(Vec::new());
    // One byte more than a line ending after `limit` bytes: CR LF.
    file.take(limit.saturating_add(2))
        .read_to_end(&mut data)
        .map_err(ReadError::Io)?;
    let end = data.iter().position(|b| *b == b'\n').unwrap_or(data.len());
    let line_end = if end > 0 && data[end - 1] == b'\r' {
        end - 1
    } else {
        end
    };
    if line_end as u64 > limit {
        return Err(ReadError::TooLarge(limit));
    }
    data.truncate(line_end);
    Ok(data)
}

fn open_regular(path: &Path) -> Result<File, ReadError> {
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32)
        .open(path)
        .map_err(ReadError::Io)?;
    if !file.metadata().map_err(ReadError::Io)?.is_file() {
        return Err(ReadError::NotAFile);
    }
    Ok(file)
}

/// Opens (creating, mode 0600) a lock or data file to write, never
/// through a final symbolic link and only if it is a regular file.
pub fn open_nofollow(path: &Path) -> io::Result<File> {
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(PRIVATE_FILE)
        .custom_flags(rustix::fs::OFlags::NOFOLLOW.bits() as i32)
        .open(path)?;
    if !file.metadata()?.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a regular file",
        ));
    }
    Ok(file)
}

/// `path` with its directory resolved (links, `..`): two spellings of one
/// place give the same result. The file itself, if a link, is not followed.
pub fn resolve_dir(path: &Path) -> io::Result<PathBuf> {
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no file name"))?;
    Ok(parent_of(path).canonicalize()?.join(name))
}

/// Flushes a directory entry change (rename, create, delete) to disk.
pub fn fsync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

/// Creates `dir` and its missing parents with mode 0700.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    fs::DirBuilder::new()
        .recursive(true)
        .mode(PRIVATE_DIR)
        .create(dir)
}

/// The directory holding `path` ("." for a bare file name).
pub fn parent_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Removes the temp files of `name` left by writers that were killed
/// midway (their process is gone), so outside the workspace too, where no
/// lock says who writes, a killed export leaves nothing once run again.
fn remove_dead_writers_temps(dir: &Path, name: &str) {
    let prefix = format!(".{name}.tmp-");
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let file = e.file_name();
        let Some(rest) = file.to_str().and_then(|f| f.strip_prefix(&prefix)) else {
            continue;
        };
        let pid = rest.split('-').next().and_then(|p| p.parse::<u32>().ok());
        if pid.is_some_and(|pid| !Path::new(&format!("/proc/{pid}")).exists()) {
            let _ = fs::remove_file(e.path());
        }
    }
}

/// Removes temp files left by a write that was killed midway (the caller
/// holds the workspace lock: no other writer is at work there).
pub fn remove_stale_temps(dir: &Path) {
    if let Ok(entries) = fs::read_dir(dir) {
        for e in entries.flatten() {
            let name = e.file_name();
            let name = name.to_string_lossy();
            if name.starts_with('.') && name.contains(".tmp-") {
                let _ = fs::remove_file(e.path());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_sets_mode_and_replaces() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("f.key");
        write_atomic(&p, b"one", PRIVATE_FILE).expect("write");
        write_atomic(&p, b"two", PRIVATE_FILE).expect("write");
        assert_eq!(fs::read(&p).expect("read"), b"two");
        let mode = fs::metadata(&p).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        assert_eq!(fs::read_dir(dir.path()).expect("ls").count(), 1);
    }

    #[test]
    fn a_dead_writers_temp_goes_at_the_next_write() {
        let dir = tempfile::tempdir().expect("tempdir");
        // No process has PID 0 in /proc; our own PID is alive.
        let dead = dir.path().join(".f.pem.tmp-0-0000abcd");
        let alive = dir
            .path()
            .join(format!(".f.pem.tmp-{}-0000abcd", std::process::id()));
        let other = dir.path().join(".g.pem.tmp-0-0000abcd");
        for p in [&dead, &alive, &other] {
            fs::write(p, b"half").expect("write");
        }
        write_atomic(&dir.path().join("f.pem"), b"new", PRIVATE_FILE).expect("write");
        assert!(!dead.exists());
        assert!(alive.exists(), "a live writer's temp is left alone");
        assert!(other.exists(), "another file's temp is left alone");
    }

    #[test]
    fn a_device_or_fifo_is_never_replaced() {
        let dir = tempfile::tempdir().expect("tempdir");
        let fifo = dir.path().join("fifo");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.expect("mkfifo").success());
        let e = write_atomic(&fifo, b"x", PRIVATE_FILE).expect_err("refused");
        assert!(e.get_ref().is_some_and(|i| i.is::<NotRegularFile>()), "{e}");
        assert!(std::os::unix::fs::FileTypeExt::is_fifo(
            &fs::symlink_metadata(&fifo)
                .expect("still there")
                .file_type()
        ));
    }

    #[test]
    fn private_dir_mode() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("a/b");
        create_private_dir(&p).expect("mkdir");
        let mode = fs::metadata(&p).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o700);
    }
}
