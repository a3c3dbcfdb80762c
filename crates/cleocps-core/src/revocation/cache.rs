//! `WORKSPACE/.cache/revocation/` (0700): the signed answers as fetched —
//! one file per issuer+serial (OCSP) or per CRL URL — checked again on every
//! read, so a file changed by hand proves nothing; and, per certificate, since
//! when its status has been unknown. A cache that can't be written only costs
//! a fetch next time: `check` may run as a user that can't write there.

use crate::fsutil::{create_private_dir, write_atomic};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The longest an answer is kept, whatever its nextUpdate says.
pub(super) const MAX_AGE: Duration = Duration::from_secs(7 * 86_400);

pub(super) struct Cache {
    dir: PathBuf,
}

impl Cache {
    pub(super) fn new(workspace: &Path) -> Cache {
        Cache {
            dir: workspace.join(".cache").join("revocation"),
        }
    }

    /// `kind-<sha256 of key>`: file names that say nothing of the URL or serial.
    fn path(&self, kind: &str, key: &str) -> PathBuf {
        let digest = hex::encode(Sha256::digest(key.as_bytes()));
        self.dir.join(format!("{kind}-{}", &digest[..32]))
    }

    /// The stored answer under `key` and when it was fetched, if recent enough.
    pub(super) fn answer(
        &self,
        kind: &str,
        key: &str,
        now: SystemTime,
    ) -> Option<(Vec<u8>, SystemTime)> {
        let path = self.path(kind, key);
        let fetched = std::fs::metadata(&path).ok()?.modified().ok()?;
        if fetched + MAX_AGE < now {
            return None;
        }
        Some((std::fs::read(&path).ok()?, fetched))
    }

    /// The stored answer under `key` and when it was fetched, however old.
    pub(super) fn kept(&self, kind: &str, key: &str) -> Option<(Vec<u8>, SystemTime)> {
        let path = self.path(kind, key);
        let fetched = std::fs::metadata(&path).ok()?.modified().ok()?;
        Some((std::fs::read(&path).ok()?, fetched))
    }

    pub(super) fn store(&self, kind: &str, key: &str, bytes: &[u8]) {
        self.write(&self.path(kind, key), bytes);
    }

    fn write(&self, path: &Path, bytes: &[u8]) {
        let done = create_private_dir(&self.dir).and_then(|_| write_atomic(path, bytes, 0o600));
        if let Err(e) = done {
            log::warn!("revocation cache {}: {e}", path.display());
        }
    }

    /// Since when `cert`'s status has been unknown: noted now on the first miss.
    pub(super) fn unknown_since(&self, cert: &str, now: SystemTime) -> SystemTime {
        let path = self.path("unknown", cert);
        let noted = std::fs::read_to_string(&path)
            .ok()
            .and_then(|t| t.trim().parse::<u64>().ok())
            .map(|s| UNIX_EPOCH + Duration::from_secs(s));
        match noted {
            Some(t) if t <= now => t,
            _ => {
                let secs = now
                    .duration_since(UNIX_EPOCH)
                    .map(|d| d.as_secs())
                    .unwrap_or(0);
                self.write(&path, secs.to_string().as_bytes());
                now
            }
        }
    }

    /// `cert`'s status is known again.
    pub(super) fn known(&self, cert: &str) {
        let _ = std::fs::remove_file(self.path("unknown", cert));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_age_out_and_unknown_is_remembered() {
        let dir = tempfile::tempdir().expect("tempdir");
        let cache = Cache::new(dir.path());
        let now = SystemTime::now();
        assert!(cache.answer("crl", "http://x/a.crl", now).is_none());
        cache.store("crl", "http://x/a.crl", b"der");
        let (bytes, _) = cache.answer("crl", "http://x/a.crl", now).expect("stored");
        assert_eq!(bytes, b"der");
        assert!(cache
            .answer(
                "crl",
                "http://x/a.crl",
                now + MAX_AGE + Duration::from_secs(60)
            )
            .is_none());
        let mode = std::os::unix::fs::PermissionsExt::mode(
            &std::fs::metadata(dir.path().join(".cache/revocation"))
                .expect("dir")
                .permissions(),
        );
        assert_eq!(mode & 0o777, 0o700);
        let first = cache.unknown_since("c", now);
        let later = cache.unknown_since("c", now + Duration::from_secs(3600));
        assert_eq!(
            first.duration_since(UNIX_EPOCH).expect("t").as_secs(),
            later.duration_since(UNIX_EPOCH).expect("t").as_secs()
        );
        cache.known("c");
        let again = cache.unknown_since("c", now + Duration::from_secs(7200));
        assert!(again > first);
    }
}
