//! `card share`, on the workstation where the card is: exports the chosen
//! token with `p11-kit server` on a private socket, for `ssh -R` to carry
//! to the server, where cleocps finds it at `~/.cleocps/card.sock`.
//!
//! What travels through the tunnel: PKCS#11 calls, the PIN included, inside
//! SSH. The socket is 0600 in a 0700 directory and lives only as long as
//! the export.

use super::{discovery::FORWARDED_SOCKET, CardError, Result};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running export; stopping it (drop) kills the server and removes the socket.
pub struct Export {
    child: Child,
    dir: PathBuf,
    pub socket: PathBuf,
}

/// Says what is not supported on this workstation.
pub fn platform_supported() -> Result<()> {
    if cfg!(any(target_os = "linux", target_os = "macos")) {
        Ok(())
    } else {
        Err(CardError::ShareUnsupported)
    }
}

/// `pkcs11:token=<label>`, the label percent-encoded (RFC 7512).
pub fn token_uri(label: &str) -> String {
    let mut out = String::from("pkcs11:token=");
    for b in label.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A private (0700) directory for the socket: in `$XDG_RUNTIME_DIR` when set.
fn private_dir() -> Result<PathBuf> {
    let base = std::env::var_os("XDG_RUNTIME_DIR")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .filter(|p| p.is_dir())
        .unwrap_or_else(std::env::temp_dir);
    let dir = base.join(format!(
        "cleocps-share-{}-{:08x}",
        std::process::id(),
        rand::random::<u32>()
    ));
    crate::fsutil::create_private_dir(&dir).map_err(|e| share_error(&dir, e))?;
    Ok(dir)
}

fn share_error(path: &Path, e: impl std::fmt::Display) -> CardError {
    CardError::Share {
        detail: format!("{}: {e}", path.display()),
    }
}

impl Export {
    /// Starts `p11-kit server` for this one token of `module`.
    pub fn start(module: &Path, token_label: &str) -> Result<Export> {
        platform_supported()?;
        let dir = private_dir()?;
        let socket = dir.join("card.sock");
        let log = dir.join("p11-kit-server.log");
        let log_file = std::fs::File::create(&log).map_err(|e| share_error(&log, e))?;
        let child = Command::new("p11-kit")
            .arg("server")
            .arg("-f")
            .arg("-n")
            .arg(&socket)
            .arg("--provider")
            .arg(module)
            .arg(token_uri(token_label))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log_file)
            .spawn()
            .map_err(|e| CardError::Share {
                detail: format!("p11-kit: {e} (apt-get install p11-kit)"),
            })?;
        let mut export = Export { child, dir, socket };
        export.wait_ready()?;
        Ok(export)
    }

    /// Waits for the socket, then narrows it to the owner.
    fn wait_ready(&mut self) -> Result<()> {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
            if let Ok(Some(status)) = self.child.try_wait() {
                let log = std::fs::read_to_string(self.dir.join("p11-kit-server.log"))
                    .unwrap_or_default();
                return Err(CardError::Share {
                    detail: format!("p11-kit server: {status}: {}", log.trim()),
                });
            }
            if self.socket.exists() {
                std::fs::set_permissions(&self.socket, std::fs::Permissions::from_mode(0o600))
                    .map_err(|e| share_error(&self.socket, e))?;
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        Err(CardError::Share {
            detail: "p11-kit server did not start".into(),
        })
    }

    /// Still exporting?
    pub fn running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }
}

impl Drop for Export {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Where cleocps looks on the server for `user@host`: `~user/.cleocps/card.sock`.
pub fn default_remote_socket(target: &str) -> PathBuf {
    let user = match target.split_once('@') {
        Some((u, _)) => u.to_string(),
        None => std::env::var("USER").unwrap_or_else(|_| "root".into()),
    };
    let home = if user == "root" {
        PathBuf::from("/root")
    } else {
        PathBuf::from("/home").join(user)
    };
    home.join(FORWARDED_SOCKET)
}

/// The `ssh` arguments forwarding `local` to `remote` (the session itself,
/// or `-N` when `session` is false, for printing).
pub fn ssh_args(
    target: &str,
    local: &Path,
    remote: &Path,
    options: &[String],
    command: &[String],
) -> Vec<String> {
    let mut args = vec![
        "-R".to_string(),
        format!("{}:{}", remote.display(), local.display()),
        "-o".into(),
        "StreamLocalBindUnlink=yes".into(),
        "-o".into(),
        "ExitOnForwardFailure=yes".into(),
    ];
    for o in options {
        args.push("-o".into());
        args.push(o.clone());
    }
    if command.is_empty() {
        args.push("-t".into());
    }
    args.push(target.to_string());
    args.extend(command.iter().cloned());
    args
}

/// Creates the socket's directory on the server (ssh -R won't).
pub fn prepare_remote(target: &str, remote: &Path, options: &[String]) -> Result<()> {
    let dir = crate::fsutil::parent_of(remote);
    let mut cmd = Command::new("ssh");
    for o in options {
        cmd.arg("-o").arg(o);
    }
    let status = cmd
        .arg(target)
        .arg(format!("mkdir -p -m 700 '{}'", dir.display()))
        .stdin(Stdio::null())
        .status()
        .map_err(|e| CardError::Share {
            detail: format!("ssh: {e} (apt-get install openssh-client)"),
        })?;
    if status.success() {
        Ok(())
    } else {
        Err(CardError::Share {
            detail: format!("ssh {target}: {status}"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uri_and_paths() {
        assert_eq!(
            token_uri("CPS4v1-8042410007"),
            "pkcs11:token=CPS4v1-8042410007"
        );
        assert_eq!(token_uri("a b/é"), "pkcs11:token=a%20b%2F%C3%A9");
        assert_eq!(
            default_remote_socket("root@srv"),
            PathBuf::from("/root/.cleocps/card.sock")
        );
        assert_eq!(
            default_remote_socket("admin@srv"),
            PathBuf::from("/home/admin/.cleocps/card.sock")
        );
        let args = ssh_args(
            "admin@srv",
            Path::new("/run/user/1/s"),
            Path::new("/home/admin/.cleocps/card.sock"),
            &["Port=2222".into()],
            &[],
        );
        assert_eq!(args[1], "/home/admin/.cleocps/card.sock:/run/user/1/s");
        assert!(args.contains(&"StreamLocalBindUnlink=yes".to_string()));
        assert_eq!(args.last().map(String::as_str), Some("admin@srv"));
    }
}
