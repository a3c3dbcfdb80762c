//! The admin's card from the workstation, used on a headless server over SSH:
//! `card share` exports the SoftHSM2 token with p11-kit, `ssh -R` carries it
//! to a private sshd, and cleocps on the "server" side finds it with no
//! module configured, only the forwarded socket.

mod support;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use support::softhsm::{SoftHsm, LABEL, MODULE, PIN};
use support::sshd::Sshd;
use support::*;

const BIN: &str = env!("CARGO_BIN_EXE_cleocps");

/// The "server": a HOME with `.cleocps/`, and a request ready for Étape 2.
fn server_side(t: &Path) -> (PathBuf, PathBuf, PathBuf) {
    let home = t.join("home");
    std::fs::create_dir_all(home.join(".cleocps")).expect("home");
    let ws = t.join("ws");
    let kp = secret_file(t, "key.pw", "pw-serveur");
    ok(&ws, &["folder", "create", "F"]);
    ok(&ws, &["request", "create", "F/srv", "--type", "ssl"]);
    ok(
        &ws,
        &[
            "keys",
            "generate",
            "F/srv",
            "--key-password-file",
            &kp.to_string_lossy(),
        ],
    );
    ok(&ws, &["request", "edit", "F/srv", "--cn", "srv.example.fr"]);
    (home, ws, kp)
}

/// The command run on the server through ssh: only HOME points at the socket.
fn remote_generate(home: &Path, ws: &Path, kp: &Path, pin: &Path, ra: &Path) -> Vec<String> {
    [
        "env".to_string(),
        "-i".into(),
        format!("HOME={}", home.display()),
        "PATH=/usr/bin:/bin".into(),
        format!("CLEOCPS_LOG_FILE={}", home.join("cleocps.log").display()),
        BIN.into(),
        "--lang".into(),
        "en".into(),
        "--workspace".into(),
        ws.display().to_string(),
        "request".into(),
        "generate".into(),
        "F/srv".into(),
        "--card".into(),
        "--key-password-file".into(),
        kp.display().to_string(),
        "--pin-file".into(),
        pin.display().to_string(),
        "--ra-cert".into(),
        ra.display().to_string(),
    ]
    .to_vec()
}

fn share_command(hsm: &SoftHsm, t: &Path) -> Command {
    let mut c = Command::new(BIN);
    c.args(["--lang", "en", "--workspace"])
        .arg(t.join("workstation-ws"))
        .args([
            "card",
            "share",
            "--pkcs11-module",
            MODULE,
            "--token-label",
            LABEL,
        ])
        .env("SOFTHSM2_CONF", &hsm.conf)
        .env("CLEOCPS_LOG_FILE", t.join("workstation.log"))
        .env_remove("P11_KIT_SERVER_ADDRESS")
        .env("XDG_RUNTIME_DIR", t);
    c
}

#[test]
fn card_forwarded_over_ssh_signs_the_request() {
    let hsm = SoftHsm::card();
    let t = hsm.dir.path();
    let sshd = Sshd::start(t);
    let (home, ws, kp) = server_side(t);
    let pin = secret_file(t, "pin", PIN);
    let ra = hsm.pki.ra.crt.clone();
    let remote_socket = home.join(".cleocps/card.sock");

    let mut share = share_command(&hsm, t);
    share.arg("--ssh").arg("root@127.0.0.1");
    for o in sshd.options() {
        share.arg("--ssh-option").arg(o);
    }
    share
        .arg("--remote-socket")
        .arg(&remote_socket)
        .arg("--")
        .args(remote_generate(&home, &ws, &kp, &pin, &ra));
    let out = share.stdin(Stdio::null()).output().expect("card share");
    assert!(
        out.status.success(),
        "stdout: {}\nstderr: {}\nsshd: {}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
        std::fs::read_to_string(t.join("sshd.log")).unwrap_or_default()
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("signed and encrypted request written"),
        "{stdout}"
    );

    // openssl decrypts and verifies; the signer is CPS_PRIV_SIG's certificate.
    let p7m = ws.join("dossiers/F/srv/srv.p7m");
    let (_, signer) = open_p7m(&p7m, &ra, &hsm.pki.ra.key, &hsm.pki.card_ca.crt, t);
    assert_eq!(fingerprint(&signer), fingerprint(&hsm.pki.sig.crt));

    // The session is over: the socket left on the server is dead, and
    // cleocps says so, naming the forwarding, with nothing changed.
    ok(&ws, &["request", "create", "F/srv2", "--type", "ssl"]);
    ok(
        &ws,
        &[
            "keys",
            "generate",
            "F/srv2",
            "--key-password-file",
            &kp.to_string_lossy(),
        ],
    );
    ok(
        &ws,
        &["request", "edit", "F/srv2", "--cn", "srv2.example.fr"],
    );
    let before = snapshot(&ws);
    if !remote_socket.exists() {
        // sshd removed it: make the dead socket a dropped session leaves behind.
        let l = std::os::unix::net::UnixListener::bind(&remote_socket).expect("bind");
        drop(l);
    }
    let mut args = remote_generate(&home, &ws, &kp, &pin, &ra);
    args[12] = "F/srv2".into();
    let out = Command::new("env").args(&args[1..]).output().expect("run");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("forwarded over SSH") && err.contains("card share"),
        "{err}"
    );
    assert_eq!(snapshot(&ws), before);

    // The PIN is in no log or file on either side.
    for log in [home.join("cleocps.log"), t.join("workstation.log")] {
        let text = std::fs::read_to_string(&log).unwrap_or_default();
        assert!(
            !text.contains(&format!(" {PIN}")) && !text.contains("pw-serveur"),
            "{}",
            log.display()
        );
    }
}

#[test]
fn shared_socket_is_private_exports_one_token_and_stops_on_signal() {
    let hsm = SoftHsm::card();
    let t = hsm.dir.path();
    // A second token that must not be exported.
    let other = std::process::Command::new("softhsm2-util")
        .env("SOFTHSM2_CONF", &hsm.conf)
        .args([
            "--init-token",
            "--free",
            "--label",
            "OTHER-CARD",
            "--so-pin",
            "12345678",
            "--pin",
            "5678",
        ])
        .output()
        .expect("softhsm2-util");
    assert!(other.status.success());

    let mut share = share_command(&hsm, t);
    share
        .arg("--json")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = share.spawn().expect("spawn");
    let stdout = child.stdout.take().expect("stdout");
    let line = {
        use std::io::BufRead;
        let mut l = String::new();
        std::io::BufReader::new(stdout)
            .read_line(&mut l)
            .expect("read");
        l
    };
    let v: serde_json::Value = serde_json::from_str(&line).expect("json line");
    let socket = PathBuf::from(v["socket"].as_str().expect("socket"));
    assert!(v["ssh_command"]
        .as_str()
        .expect("cmd")
        .contains("StreamLocalBindUnlink=yes"));

    // Only the owner can reach it.
    let mode = std::fs::metadata(&socket)
        .expect("socket")
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o600, "socket mode");
    let dir_mode = std::fs::metadata(socket.parent().expect("dir"))
        .expect("dir")
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(dir_mode, 0o700, "socket directory mode");

    // Through the socket, one token only: the chosen one.
    let list = Command::new(BIN)
        .args(["--json", "card", "list"])
        .env(
            "P11_KIT_SERVER_ADDRESS",
            format!("unix:path={}", socket.display()),
        )
        .env("HOME", t)
        .output()
        .expect("card list");
    assert!(
        list.status.success(),
        "{}",
        String::from_utf8_lossy(&list.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&list.stdout).expect("json");
    let labels: Vec<&str> = v["slots"]
        .as_array()
        .expect("slots")
        .iter()
        .filter_map(|s| s["token"]["label"].as_str())
        .collect();
    assert_eq!(labels, vec![LABEL], "{v}");
    let status = Command::new(BIN)
        .args(["card", "status", "--lang", "en"])
        .env(
            "P11_KIT_SERVER_ADDRESS",
            format!("unix:path={}", socket.display()),
        )
        .output()
        .expect("status");
    assert!(
        String::from_utf8_lossy(&status.stdout).contains("SSH"),
        "{}",
        String::from_utf8_lossy(&status.stdout)
    );

    // SIGTERM stops the export and removes the socket.
    let _ = Command::new("kill").arg(child.id().to_string()).status();
    let start = Instant::now();
    loop {
        if let Ok(Some(st)) = child.try_wait() {
            assert!(st.success(), "{st}");
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "card share did not stop"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(!socket.exists(), "socket left behind");
}
