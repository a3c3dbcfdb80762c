//! Shared test helpers: the real binary in a sandboxed environment, other
//! programs (`process`), a throwaway openssl CA (`ca`), the real services,
//! the card, tmux and the TUI's `update`; files checked with the openssl CLI
//! (never skipped: a missing tool fails).

pub mod bulk;
pub mod ca;
pub mod fleet;
pub mod http;
pub mod mail;
pub mod nginx;
pub mod openssl_ca;
pub mod packages;
pub mod process;
pub mod ra;
pub mod ra_mail;
pub mod services;
pub mod softhsm;
pub mod sshd;
pub mod tmux;
pub mod tui;

pub use ca::TestCa;
pub use process::{free_port, output, run, run_text, tool, tool_ok};

use assert_cmd::cargo::CommandCargoExt;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The cleocps binary built by cargo for these tests.
pub fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("cleocps")
}

/// Variables of the test's own environment a cleocps process may keep.
const KEPT: &[&str] = &["PATH", "RUST_BACKTRACE", "LLVM_PROFILE_FILE"];

/// The whole environment of a cleocps process kept inside `sandbox`: `HOME`,
/// `XDG_CONFIG_HOME`, `XDG_DATA_HOME`, `XDG_STATE_HOME`, `XDG_CACHE_HOME`,
/// `XDG_RUNTIME_DIR` in `<sandbox>/.sandbox/` (created, empty: no
/// configuration, no workspace, no forwarded card), the log in
/// `<sandbox>/cleocps.log` ([`log_of`]), `LANG=C`, `PATH`; nothing else of
/// the test's environment (no `CLEOCPS_HOME`, `CLEOCPS_CONFIG`,
/// `SOFTHSM2_CONF`, `P11_KIT_SERVER_ADDRESS`…): a test adds what it means.
pub fn sandbox_vars(sandbox: &Path) -> Vec<(String, OsString)> {
    let root = sandbox.join(".sandbox");
    let mut vars: Vec<(String, OsString)> = KEPT
        .iter()
        .filter_map(|k| std::env::var_os(k).map(|v| (k.to_string(), v)))
        .collect();
    for (name, dir) in [
        ("HOME", "home"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_RUNTIME_DIR", "run"),
    ] {
        let dir = root.join(dir);
        private_dir(&dir);
        vars.push((name.into(), dir.into()));
    }
    vars.push((
        "CLEOCPS_LOG_FILE".into(),
        sandbox.join("cleocps.log").into(),
    ));
    vars.push(("LANG".into(), "C".into()));
    vars
}

fn private_dir(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::create_dir_all(dir).expect("sandbox dir");
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)).expect("chmod 700");
}

/// [`sandbox_vars`] as `NAME=value` words, for `env -i` in a shell or tmux.
pub fn sandbox_env(sandbox: &Path) -> Vec<String> {
    sandbox_vars(sandbox)
        .into_iter()
        .map(|(k, v)| format!("{k}={}", v.to_string_lossy()))
        .collect()
}

/// The one way the tests start cleocps: the cargo-built binary with the
/// environment of [`sandbox_vars`] only, stdin closed. Add `--workspace`,
/// arguments and variables to it.
pub fn cleocps(sandbox: &Path) -> Command {
    let mut c = Command::cargo_bin("cleocps").expect("the cleocps binary");
    c.env_clear()
        .envs(sandbox_vars(sandbox))
        .stdin(Stdio::null());
    c
}

/// Runs `cleocps --workspace <ws> --lang en <args>` with no terminal, in the
/// sandbox beside the workspace.
pub fn cleo(ws: &Path, args: &[&str]) -> Output {
    output(
        cleocps(parent(ws))
            .arg("--workspace")
            .arg(ws)
            .args(["--lang", "en"])
            .args(args),
    )
}

/// A path as a command line's word: the tests' paths are UTF-8.
pub fn s(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

/// The log file the tests give to cleocps: beside the workspace.
pub fn log_of(ws: &Path) -> PathBuf {
    parent(ws).join("cleocps.log")
}

fn parent(p: &Path) -> &Path {
    p.parent().expect("a workspace has a parent directory")
}

/// Like [`cleo`], asserting success; returns stdout.
pub fn ok(ws: &Path, args: &[&str]) -> String {
    let out = cleo(ws, args);
    assert!(
        out.status.success(),
        "cleocps {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Asserts exit code 1 with exactly one line on stderr; returns that line.
pub fn refused(ws: &Path, args: &[&str]) -> String {
    let out = cleo(ws, args);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(
        out.status.code(),
        Some(1),
        "cleocps {args:?} should be refused; stderr: {err}"
    );
    assert_eq!(
        err.trim_end().lines().count(),
        1,
        "one line expected: {err}"
    );
    err
}

/// `F/<name>` ready for Étape 2: folder `F` (created when missing), a
/// request of `kind`, its keys (`keys`: options of `keys generate`, e.g. the
/// password file) and its form (`form`: options of `request edit`).
/// Returns the request's path.
pub fn prepared_request(ws: &Path, name: &str, kind: &str, keys: &[&str], form: &[&str]) -> String {
    let path = format!("F/{name}");
    if !ws.join("dossiers/F").exists() {
        ok(ws, &["folder", "create", "F"]);
    }
    ok(ws, &["request", "create", &path, "--type", kind]);
    ok(ws, &[&["keys", "generate", &path], keys].concat());
    if !form.is_empty() {
        ok(ws, &[&["request", "edit", &path], form].concat());
    }
    path
}

/// The portal route's starting point: `F/r` (CN srv.clinique-test.fr,
/// clear key) made as a CSR only, the certificate a fresh test CA issued
/// for it, and a configuration trusting that CA. Returns (workspace, CA,
/// certificate, configuration file).
pub fn portal_request(tmp: &Path) -> (PathBuf, TestCa, PathBuf, PathBuf) {
    let ws = tmp.join("ws");
    prepared_request(
        &ws,
        "r",
        "ssl",
        &["--no-key-password"],
        &["--cn", "srv.clinique-test.fr"],
    );
    ok(&ws, &["request", "generate", "F/r", "--csr-only"]);
    let ca = TestCa::new(tmp);
    let leaf = ca.issue(&ws.join("dossiers/F/r/r.csr"), "leaf", "serverAuth");
    let config = tmp.join("config.json");
    let json = serde_json::json!({"trust": {"anchors": [&ca.root]}});
    std::fs::write(&config, json.to_string()).expect("config");
    (ws, ca, leaf, config)
}

/// `F/<name>` taken through the CSR route (clear key, CN `<name>.example.fr`)
/// to an imported certificate from `ca` valid `days`. Returns its path.
pub fn certified_request(ws: &Path, tmp: &Path, ca: &TestCa, name: &str, days: u32) -> String {
    let fqdn = format!("{name}.example.fr");
    let path = prepared_request(ws, name, "ssl", &["--no-key-password"], &["--cn", &fqdn]);
    certify(ws, tmp, ca, &path, days);
    path
}

/// Generates the CSR of `path` (`F/<name>`, form filled, clear key) and
/// imports the certificate `ca` issues for it, valid `days`.
pub fn certify(ws: &Path, tmp: &Path, ca: &TestCa, path: &str, days: u32) {
    let name = path.rsplit('/').next().expect("name");
    ok(ws, &["request", "generate", path, "--csr-only"]);
    let csr = ws.join(format!("dossiers/{path}/{name}.csr"));
    let leaf = ca.issue_days(&csr, name, "serverAuth", days);
    let p7c = ca.p7c(&leaf, &tmp.join(format!("{name}.p7c")), false);
    ok(
        ws,
        &[
            "response",
            "import",
            path,
            &p7c.to_string_lossy(),
            "--trust-anchor",
            &ca.root.to_string_lossy(),
        ],
    );
}

/// `card soft-init`: a soft-token card at `token` for the holder `crt`/`key`
/// with the PIN of `pin_file`.
pub fn soft_card(ws: &Path, token: &Path, crt: &Path, key: &Path, pin_file: &Path) {
    let s = |p: &Path| p.to_string_lossy().into_owned();
    ok(
        ws,
        &[
            "card",
            "soft-init",
            &s(token),
            "--holder-cert",
            &s(crt),
            "--holder-key",
            &s(key),
            "--pin-file",
            &s(pin_file),
        ],
    );
}

/// Writes a one-line secret file.
pub fn secret_file(dir: &Path, name: &str, value: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, format!("{value}\n")).expect("secret file");
    p
}

/// Every file under `dir` with its content (the lock file aside), to prove
/// a command wrote nothing. Any error reading the tree fails the test.
pub fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries =
            std::fs::read_dir(&d).unwrap_or_else(|e| panic!("snapshot of {}: {e}", d.display()));
        for e in entries {
            let e = e.unwrap_or_else(|e| panic!("snapshot of {}: {e}", d.display()));
            let p = e.path();
            if p.file_name().is_some_and(|n| n == ".lock") {
                continue;
            }
            let kind = e
                .file_type()
                .unwrap_or_else(|e| panic!("snapshot of {}: {e}", p.display()));
            if kind.is_dir() {
                stack.push(p);
            } else {
                let bytes = std::fs::read(&p)
                    .unwrap_or_else(|e| panic!("snapshot of {}: {e}", p.display()));
                out.push((p, bytes));
            }
        }
    }
    out.sort();
    out
}

/// Asserts that no file under `dir` holds any of `secrets` (and that there
/// are files to look at).
pub fn assert_nowhere(dir: &Path, secrets: &[&str]) {
    let files = snapshot(dir);
    assert!(!files.is_empty(), "no file under {}", dir.display());
    for (path, bytes) in &files {
        for secret in secrets {
            assert!(
                !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
                "{secret:?} found in {}",
                path.display()
            );
        }
    }
}

/// Opens a request `.p7m` as the registration server would, with the openssl
/// CLI: `cms -decrypt` with its key, then `cms -verify` against the card CA.
/// Returns the content and the path of the signer's certificate (PEM).
pub fn open_p7m(
    p7m: &Path,
    ra_crt: &Path,
    ra_key: &Path,
    card_ca: &Path,
    work: &Path,
) -> (Vec<u8>, PathBuf) {
    let (signed, content, signer) = (
        work.join("signed.der"),
        work.join("content.der"),
        work.join("signer.pem"),
    );
    let s = |p: &Path| p.to_string_lossy().into_owned();
    tool_ok(
        "openssl",
        &[
            "cms",
            "-decrypt",
            "-inform",
            "DER",
            "-in",
            &s(p7m),
            "-recip",
            &s(ra_crt),
            "-inkey",
            &s(ra_key),
            "-out",
            &s(&signed),
        ],
    );
    tool_ok(
        "openssl",
        &[
            "cms",
            "-verify",
            "-inform",
            "DER",
            "-in",
            &s(&signed),
            "-CAfile",
            &s(card_ca),
            "-binary",
            "-out",
            &s(&content),
            "-signer",
            &s(&signer),
        ],
    );
    (std::fs::read(&content).expect("content"), signer)
}

/// The SHA-256 fingerprint of a PEM certificate, as openssl prints it.
pub fn fingerprint(cert: &Path) -> String {
    tool_ok(
        "openssl",
        &[
            "x509",
            "-in",
            &cert.to_string_lossy(),
            "-noout",
            "-fingerprint",
            "-sha256",
        ],
    )
}

/// Serves `cert` (with `key`, its password if any, and the `chain`) with
/// `openssl s_server`, and asserts that `openssl s_client` verifies it for
/// `fqdn` against `root` alone. Every step is bounded in time.
pub fn tls_handshake(
    cert: &Path,
    key: &Path,
    key_password: Option<&str>,
    chain: &Path,
    root: &Path,
    fqdn: &str,
) {
    let port = free_port();
    // Started directly (not under `timeout`): `Reaped` kills it on drop, so
    // no openssl is left behind when the test ends.
    let mut server = Command::new("openssl");
    server
        .args(["s_server", "-www", "-accept"])
        .arg(format!("127.0.0.1:{port}"))
        .arg("-cert")
        .arg(cert)
        .arg("-key")
        .arg(key)
        .arg("-cert_chain")
        .arg(chain)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    if let Some(pw) = key_password {
        server.args(["-pass", &format!("pass:{pw}")]);
    }
    let _server = process::Reaped::spawn(&mut server);
    process::wait_until(10, "openssl s_server to listen", || {
        std::net::TcpStream::connect(("127.0.0.1", port)).ok()
    });
    let client = output(
        Command::new("timeout")
            .args(["10", "openssl", "s_client", "-connect"])
            .arg(format!("127.0.0.1:{port}"))
            .args(["-servername", fqdn, "-verify_return_error"])
            .args(["-verify_hostname", fqdn, "-CAfile"])
            .arg(root)
            .stdin(Stdio::null()),
    );
    let text = String::from_utf8_lossy(&client.stdout);
    assert!(
        client.status.success(),
        "handshake failed: {text}\n{}",
        String::from_utf8_lossy(&client.stderr)
    );
    assert!(text.contains("Verify return code: 0 (ok)"), "{text}");
}
