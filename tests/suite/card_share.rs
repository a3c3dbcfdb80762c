//! The admin's card from the workstation, used on a headless server over SSH:
//! `card share` exports the SoftHSM2 token with p11-kit, `ssh -R` carries it
//! to a private sshd, and cleocps on the "server" side finds it with no
//! module configured, only the forwarded socket.

use crate::support;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use support::process::{wait_until, Reaped};
use support::softhsm::{card_generate, SoftHsm, LABEL, MODULE, PIN};
use support::sshd::Sshd;
use support::*;

/// The "server": a HOME with `.cleocps/`, and a request ready for Étape 2.
fn server_side(t: &Path) -> (PathBuf, PathBuf, PathBuf) {
    let home = t.join("home");
    std::fs::create_dir_all(home.join(".cleocps")).expect("home");
    let ws = t.join("ws");
    let kp = secret_file(t, "key.pw", "pw-serveur");
    prepared_request(
        &ws,
        "srv",
        "ssl",
        &["--key-password-file", &kp.to_string_lossy()],
        &["--cn", "srv.example.fr"],
    );
    (home, ws, kp)
}

/// `request generate <path> --card …` with the PIN and key password files.
fn generate_args(ws: &Path, path: &str, kp: &Path, pin: &Path, ra: &Path) -> Vec<String> {
    ["--lang", "en", "--workspace", s(ws)]
        .into_iter()
        .chain(card_generate(path, s(kp), s(pin), s(ra)))
        .map(String::from)
        .collect()
}

/// The server side's own variables over its sandbox: its HOME (where the
/// forwarded socket is looked for) and its log.
fn server_env(home: &Path) -> [(&'static str, PathBuf); 2] {
    [
        ("HOME", home.to_path_buf()),
        ("CLEOCPS_LOG_FILE", home.join("cleocps.log")),
    ]
}

/// The command run on the server through ssh: `env -i` with the server's
/// variables only, then cleocps.
fn remote_generate(t: &Path, home: &Path, args: Vec<String>) -> Vec<String> {
    let mut v = vec!["env".to_string(), "-i".into()];
    v.extend(sandbox_env(t));
    v.extend(
        server_env(home)
            .iter()
            .map(|(k, p)| format!("{k}={}", p.display())),
    );
    v.push(bin().display().to_string());
    v.extend(args);
    v
}

fn share_command(hsm: &SoftHsm, t: &Path) -> Command {
    let mut c = cleocps(t);
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
        .env("CLEOCPS_LOG_FILE", t.join("workstation.log"));
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
        .args(remote_generate(
            t,
            &home,
            generate_args(&ws, "F/srv", &kp, &pin, &ra),
        ));
    let out = output(&mut share);
    assert!(
        out.status.success(),
        "stdout: {}\nstderr: {}\nsshd: {}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
        std::fs::read_to_string(t.join("sshd.log")).expect("sshd.log")
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
    prepared_request(
        &ws,
        "srv2",
        "ssl",
        &["--key-password-file", &kp.to_string_lossy()],
        &["--cn", "srv2.example.fr"],
    );
    let before = snapshot(&ws);
    if !remote_socket.exists() {
        // sshd removed it: make the dead socket a dropped session leaves behind.
        let l = std::os::unix::net::UnixListener::bind(&remote_socket).expect("bind");
        drop(l);
    }
    let out = output(
        cleocps(t)
            .envs(server_env(&home))
            .args(generate_args(&ws, "F/srv2", &kp, &pin, &ra)),
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("forwarded over SSH") && err.contains("card share"),
        "{err}"
    );
    assert_eq!(snapshot(&ws), before);

    // The PIN is in no log or file on either side; both logs were written
    // (a missing log fails), the server's with both runs.
    let server_log = std::fs::read_to_string(home.join("cleocps.log")).expect("server log");
    assert!(
        server_log.contains("F/srv request_generate") && server_log.contains("failed"),
        "{server_log}"
    );
    for log in [home.join("cleocps.log"), t.join("workstation.log")] {
        let text =
            std::fs::read_to_string(&log).unwrap_or_else(|e| panic!("{}: {e}", log.display()));
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
    hsm.init_token("OTHER-CARD", "5678");

    let mut share = share_command(&hsm, t);
    share
        .arg("--json")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // Killed on drop if the test fails before it stops.
    let mut child = Reaped::spawn(&mut share);
    let stdout = child.0.stdout.take().expect("stdout");
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
    let address = format!("unix:path={}", socket.display());
    let list = output(
        cleocps(t)
            .args(["--json", "card", "list"])
            .env("P11_KIT_SERVER_ADDRESS", &address),
    );
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
    let status = output(
        cleocps(t)
            .args(["card", "status", "--lang", "en"])
            .env("P11_KIT_SERVER_ADDRESS", &address),
    );
    assert!(
        String::from_utf8_lossy(&status.stdout).contains("SSH"),
        "{}",
        String::from_utf8_lossy(&status.stdout)
    );

    // SIGTERM stops the export and removes the socket.
    run(Command::new("kill").arg(child.id().to_string()));
    let st = wait_until(10, "card share to stop", || {
        child.0.try_wait().expect("try_wait")
    });
    assert!(st.success(), "{st}");
    assert!(!socket.exists(), "socket left behind");
}
