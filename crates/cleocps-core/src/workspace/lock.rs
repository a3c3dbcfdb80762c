//! The workspace's write lock: two instances never write at once; the
//! second waits a few seconds, then names the holder's PID.

use super::Workspace;
use crate::error::{Error, Result};
use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
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
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(|e| Error::io(&path, e))?;
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
}

fn lock_wait() -> Duration {
    std::env::var("CLEOCPS_LOCK_WAIT_MS")
        .ok()
        .and_then(|v| v.parse().ok())
        .map(Duration::from_millis)
        .unwrap_or(LOCK_WAIT)
}
