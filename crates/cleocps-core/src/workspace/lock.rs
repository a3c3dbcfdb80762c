//! The workspace's write lock: two instances never write at once; the
//! second waits a few seconds, then names the holder's PID.

use super::Workspace;
use crate::error::{Error, Result};
use crate::fsutil::open_nofollow;
use crate::request::Request;
use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::time::{Duration, Instant};

/// How long a second instance waits for the lock before naming its holder.
const LOCK_WAIT: Duration = Duration::from_secs(3);

/// Held while an instance changes files; released on drop.
#[derive(Debug)]
pub struct WriteLock {
    _file: File,
}

impl Workspace {
    /// Takes the exclusive write lock, waiting a few seconds for another
    /// instance; then fails naming the holder's PID.
    pub fn lock(&self) -> Result<WriteLock> {
        let path = self.root.join(".lock");
        // Never through a link: in a workspace another user can write, a
        // planted `.lock` link would have root truncate the file it names.
        let mut file = open_nofollow(&path).map_err(|e| match e.raw_os_error() {
            Some(code) if code == rustix::io::Errno::LOOP.raw_os_error() => {
                Error::LockNotAFile(path.clone())
            }
            _ if e.kind() == std::io::ErrorKind::InvalidInput => Error::LockNotAFile(path.clone()),
            _ => Error::io(&path, e),
        })?;
        let start = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(TryLockError::WouldBlock) if start.elapsed() < lock_wait() => {
                    std::thread::sleep(Duration::from_millis(50));
                }
                Err(TryLockError::WouldBlock) => {
                    let mut s = String::new();
                    let _ = file.read_to_string(&mut s);
                    return Err(Error::Locked {
                        pid: s.trim().parse().ok(),
                    });
                }
                Err(TryLockError::Error(e)) => return Err(Error::io(&path, e)),
            }
        }
        // Tell a waiting instance who holds it.
        let _ = file.set_len(0);
        let _ = file.rewind();
        let _ = write!(file, "{}", std::process::id());
        Ok(WriteLock { _file: file })
    }

    /// Takes the request's own lock (its directory, locked), waiting as
    /// long as another holds it: a deploy keeps it from staging to the end
    /// of any rollback, through commands that may take minutes, while the
    /// rest of the workspace stays free.
    pub fn lock_request(&self, req: &Request) -> Result<WriteLock> {
        let dir = self.request_dir(&req.folder, &req.name);
        let file = OpenOptions::new()
            .read(true)
            .custom_flags(
                (rustix::fs::OFlags::NOFOLLOW | rustix::fs::OFlags::DIRECTORY).bits() as i32,
            )
            .open(&dir)
            .map_err(|e| Error::io(&dir, e))?;
        file.lock().map_err(|e| Error::io(&dir, e))?;
        Ok(WriteLock { _file: file })
    }
}

fn lock_wait() -> Duration {
    std::env::var("CLEOCPS_LOCK_WAIT_MS")
        .ok()
        .and_then(|v| v.parse().ok())
        .map(Duration::from_millis)
        .unwrap_or(LOCK_WAIT)
}
