//! A private sshd on 127.0.0.1 (temp host key, temp authorized key, own
//! config), killed and waited on drop. For the card-over-SSH tests.

use super::process::{free_port, run, wait_until, Reaped};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub struct Sshd {
    _child: Reaped,
    pub port: u16,
    pub client_key: PathBuf,
}

fn keygen(path: &Path) {
    run(Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-f"])
        .arg(path));
}

impl Sshd {
    pub fn start(dir: &Path) -> Sshd {
        Sshd::start_with(dir, "")
    }

    /// The same with more configuration lines (e.g. `SetEnv HOME=…`, a
    /// session's own home for a host of the fleet tests).
    pub fn start_with(dir: &Path, extra: &str) -> Sshd {
        std::fs::create_dir_all("/run/sshd").expect("/run/sshd");
        let host_key = dir.join("host_key");
        let client_key = dir.join("client_key");
        keygen(&host_key);
        keygen(&client_key);
        let auth = dir.join("authorized_keys");
        std::fs::copy(dir.join("client_key.pub"), &auth).expect("authorized_keys");
        let port = free_port();
        let config = dir.join("sshd_config");
        std::fs::write(
            &config,
            format!(
                "Port {port}\nListenAddress 127.0.0.1\nHostKey {}\nAuthorizedKeysFile {}\n\
                 UsePAM no\nStrictModes no\nPermitRootLogin yes\nPasswordAuthentication no\n\
                 StreamLocalBindUnlink yes\nAllowStreamLocalForwarding yes\nPidFile none\n\
                 LogLevel ERROR\nAcceptEnv LANG\nSubsystem sftp internal-sftp\n{extra}",
                host_key.display(),
                auth.display()
            ),
        )
        .expect("config");
        let log = std::fs::File::create(dir.join("sshd.log")).expect("log");
        let child = Reaped::spawn(
            Command::new("/usr/sbin/sshd")
                .args(["-D", "-e", "-f"])
                .arg(&config)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(log),
        );
        wait_until(10, "sshd to listen", || {
            std::net::TcpStream::connect(("127.0.0.1", port)).ok()
        });
        Sshd {
            _child: child,
            port,
            client_key,
        }
    }

    /// `-o` options that make ssh use this server without questions.
    pub fn options(&self) -> Vec<String> {
        vec![
            format!("Port={}", self.port),
            format!("IdentityFile={}", self.client_key.display()),
            "IdentitiesOnly=yes".into(),
            "UserKnownHostsFile=/dev/null".into(),
            "StrictHostKeyChecking=no".into(),
            "BatchMode=yes".into(),
            "LogLevel=ERROR".into(),
        ]
    }
}
