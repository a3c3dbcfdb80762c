//! The real binary in tmux at 80×24: the manual procedure driven by keys,
//! the screen read with `capture-pane`, the files checked with openssl.
//! Needs `cleocps tui` (and `cleocps` alone) to open the TUI.

use crate::support;

use std::path::{Path, PathBuf};
use std::process::Command;
use support::ra::{Server, HOLDER, PIN, SSL_FORM};
use support::tmux::Tmux;
use support::*;

/// The TUI on `ws` in tmux; afterwards the script prints, in one line, the
/// exit code and the tty modes (`EXIT=0 MODES=icanon echo .`), and stays so
/// the test can read them.
fn start(ws: &Path, tag: &str) -> Tmux {
    start_env(ws, tag, &[])
}

/// The same, with extra `NAME=value` variables (e.g. `CLEOCPS_CONFIG`).
fn start_env(ws: &Path, tag: &str, env: &[String]) -> Tmux {
    let sandbox = ws.parent().expect("parent");
    let script = format!(
        "cd '{}'; '{}' --workspace '{}' --lang en tui; code=$?; modes=$(stty -a | tr -s ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '); echo \"EXIT=$code MODES=$modes.\"; sleep 60",
        sandbox.display(),
        bin().display(),
        ws.display()
    );
    Tmux::session(tag, sandbox, env, &script)
}

/// The tty modes printed after the TUI ended (the screen shows `EXIT=`).
fn modes(screen: &str) -> &str {
    screen
        .lines()
        .find_map(|l| l.split_once(" MODES=").map(|(_, m)| m))
        .unwrap_or_else(|| panic!("no tty modes printed: {screen}"))
}

/// Exit code 0 and the terminal back in cooked mode with echo.
fn assert_restored(screen: &str) {
    assert_restored_after(screen, 0);
}

fn assert_restored_after(screen: &str, code: i32) {
    assert!(screen.contains(&format!("EXIT={code} ")), "{screen}");
    let modes = modes(screen);
    assert!(
        modes.contains("icanon") && !modes.contains("-icanon"),
        "raw mode left on: {screen}"
    );
    assert!(
        modes.contains("echo") && !modes.contains("-echo"),
        "echo left off: {screen}"
    );
}

#[test]
fn whole_procedure_by_keys() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    // The answer's CA (made below, `TestCa` in tmp) is declared as a trust anchor.
    let config = tmp.path().join("config.json");
    let json = serde_json::json!({"trust": {"anchors": [tmp.path().join("root.crt")]}});
    std::fs::write(&config, json.to_string()).expect("config");
    let t = start_env(
        &ws,
        "flow",
        &[format!("CLEOCPS_CONFIG={}", config.display())],
    );
    t.wait("No folder yet", 20);
    t.wait("1 Initialisation │ 2 Request │ 3 Finalisation", 5);

    // Dossiers: a folder with the default name, an SSL request with the default name.
    t.new_folder_and_request();

    // Étape 1: 2048 bits, with a password typed twice.
    t.keys(&["g"]);
    t.wait("RSA key length", 5);
    t.keys(&["Enter"]);
    t.wait("Protect the key?", 5);
    t.keys(&["Enter"]);
    t.wait("Password for the new key", 5);
    t.text("keypw");
    t.keys(&["Enter"]);
    t.text("keypw");
    t.keys(&["Enter"]);
    t.wait("Keys generated", 60);

    // Étape 2: Modifier, Appliquer, then the CSR-only request.
    t.keys(&["2", "e"]);
    t.wait("Apply changes", 5);
    t.keys(&["C-u"]);
    t.text("srv.clinique-test.fr");
    t.keys(&["Enter"]);
    t.wait("Form saved", 10);
    // No registration server configured: the platform's CSR, alone.
    t.keys(&["r"]);
    let screen = t.wait("Request only (CSR), for the IGC-Santé portal", 5);
    assert!(!screen.contains("CPS card"), "{screen}");
    t.keys(&["Enter"]);
    t.wait("Key password", 5);
    t.text("keypw");
    t.keys(&["Enter"]);
    t.wait("BEGIN CERTIFICATE REQUEST", 30);
    t.keys(&["Escape"]);

    let dir = ws.join("dossiers/Dossier 1/Demande 1");
    let csr = dir.join("Demande 1.csr");
    let text = tool_ok(
        "openssl",
        &[
            "req",
            "-in",
            csr.to_str().expect("utf8"),
            "-verify",
            "-noout",
            "-text",
        ],
    );
    assert!(text.contains("srv.clinique-test.fr"), "{text}");

    // The registration authority answers (an openssl CA here).
    let ca = TestCa::new(tmp.path());
    assert_eq!(ca.root, tmp.path().join("root.crt"));
    let leaf = ca.issue(&csr, "leaf", "serverAuth");
    let p7c = ca.p7c(&leaf, &tmp.path().join("smime.p7c"), false);

    // Étape 3: import, then a PKCS#12 under another password.
    t.keys(&["3", "i"]);
    t.wait("Answer file", 5);
    t.keys(&["C-u"]);
    t.text(p7c.to_str().expect("utf8"));
    t.keys(&["Enter"]);
    t.wait("Certificate imported", 30);
    t.wait("srv.clinique-test.fr", 10);
    let p12: PathBuf = tmp.path().join("srv.p12");
    t.keys(&["p"]);
    t.wait("PKCS#12 file to create", 5);
    t.keys(&["C-u"]);
    t.text(p12.to_str().expect("utf8"));
    t.keys(&["Enter"]);
    t.wait("Key password", 5);
    t.text("keypw");
    t.keys(&["Enter"]);
    t.wait("PKCS#12 password", 5);
    t.text("p12pw");
    t.keys(&["Enter"]);
    t.text("p12pw");
    t.keys(&["Enter"]);
    t.wait("PKCS#12 profile", 5);
    t.keys(&["Enter"]);
    t.wait("Files written", 60);
    let screen = t.screen();
    assert!(
        !screen.contains("keypw") && !screen.contains("p12pw"),
        "a secret on screen:\n{screen}"
    );
    t.keys(&["Escape", "q"]);
    let screen = t.wait("EXIT=", 10);
    assert_restored(&screen);

    let info = tool_ok(
        "openssl",
        &[
            "pkcs12",
            "-in",
            p12.to_str().expect("utf8"),
            "-passin",
            "pass:p12pw",
            "-nokeys",
            "-clcerts",
        ],
    );
    assert!(info.contains("srv.clinique-test.fr"), "{info}");
    let key = tool_ok(
        "openssl",
        &[
            "pkcs12",
            "-in",
            p12.to_str().expect("utf8"),
            "-passin",
            "pass:p12pw",
            "-nocerts",
            "-nodes",
        ],
    );
    assert!(key.contains("PRIVATE KEY"), "{key}");
}

#[test]
fn quit_during_4096_key_generation_restores_and_leaves_no_half_file() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    ok(&ws, &["folder", "create"]);
    ok(&ws, &["request", "create", "Dossier 1", "--type", "ssl"]);
    let t = start(&ws, "quit");
    t.wait("Demande 1", 20);
    t.keys(&["g"]);
    t.wait("RSA key length", 5);
    t.keys(&["Down", "Down", "Enter"]);
    t.wait("Protect the key?", 5);
    t.keys(&["Down", "Enter"]);
    t.wait("Generating the RSA keys", 5);
    // The UI still answers while the job runs.
    t.keys(&["?"]);
    t.wait("Help", 5);
    t.keys(&["Escape", "q"]);
    t.wait("A job is running. Quit anyway?", 5);
    t.keys(&["o"]);
    let screen = t.wait("EXIT=", 10);
    assert_restored(&screen);
    let dir = ws.join("dossiers/Dossier 1/Demande 1");
    let names: Vec<String> = std::fs::read_dir(&dir)
        .expect("request dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    for n in &names {
        assert!(
            n == "request.json" || n == "Demande 1.key",
            "stray file {n} in {names:?}"
        );
    }
    let json = std::fs::read_to_string(dir.join("request.json")).expect("json");
    if names.iter().any(|n| n.ends_with(".key")) {
        // Finished just in time: then it is whole and the state says so.
        assert!(json.contains("keys_generated"), "{json}");
    } else {
        assert!(json.contains("\"new\""), "{json}");
    }
}

/// The pid of the TUI: the child of the pane's shell.
fn tui_pid(t: &Tmux) -> String {
    let sh = t.tmux(&["list-panes", "-t", "t", "-F", "#{pane_pid}"]);
    run_text(Command::new("pgrep").args(["-P", sh.trim()]))
        .lines()
        .next()
        .expect("the TUI runs under the pane's shell")
        .trim()
        .to_string()
}

#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    for (sig, code) in [("TERM", 143), ("HUP", 129)] {
        let tmp = tempfile::tempdir().expect("tmp");
        let ws = tmp.path().join("ws");
        let t = start(&ws, sig);
        t.wait("No folder yet", 20);
        let pid = tui_pid(&t);
        run(Command::new("kill").args([&format!("-{sig}"), &pid]));
        let screen = t.wait("EXIT=", 10);
        assert_restored_after(&screen, code);
    }
}

#[test]
fn card_request_wrong_pin_then_warning_then_signed_and_issued() {
    let tmp = tempfile::tempdir().expect("tmp");
    let server = Server::new(tmp.path());
    let token = server.card(&server.dir, HOLDER, "carte");
    let ws = server.ws.clone();
    let kp = secret_file(tmp.path(), "kp", "keypw-card");
    prepared_request(
        &ws,
        "srv",
        "ssl",
        &["--key-password-file", kp.to_str().expect("utf8")],
        SSL_FORM,
    );
    let config = tmp.path().join("config.json");
    let json = serde_json::json!({
        "card": {"soft_token": token},
        "registration": {"certificate": server.file("inscription.crt")},
    });
    std::fs::write(&config, json.to_string()).expect("config");
    let t = start_env(
        &ws,
        "card",
        &[format!("CLEOCPS_CONFIG={}", config.display())],
    );
    t.wait("srv", 20);

    // "Générer la demande": the card is the default choice.
    let ask_pin = |t: &Tmux| {
        t.keys(&["2", "r"]);
        t.wait("Sign and encrypt the request with the CPS card", 5);
        t.keys(&["Enter"]);
        t.wait("Key password", 5);
        t.text("keypw-card");
        t.keys(&["Enter"]);
        t.wait("CPS card PIN", 20)
    };
    let screen = ask_pin(&t);
    assert!(!screen.contains("tries left"), "{screen}");
    assert!(
        screen.contains("810001234567"),
        "holder in the status: {screen}"
    );

    // A wrong PIN: one try used, nothing retried or written; the card is
    // read again and the PIN asked anew with the tries left (no restart).
    t.text("9999");
    t.keys(&["Enter"]);
    let screen = t.wait("2 tries left", 20);
    assert!(screen.contains("wrong PIN"), "{screen}");
    assert!(screen.contains("CPS card PIN"), "{screen}");
    let p7m = ws.join("dossiers/F/srv/srv.p7m");
    assert!(!p7m.exists());
    t.text(PIN);
    let screen = t.screen();
    assert!(!screen.contains(PIN), "the PIN on screen:\n{screen}");
    assert!(screen.contains("••••"), "{screen}");
    t.keys(&["Enter"]);
    let screen = t.wait("signed by card", 30);
    for secret in [PIN, "9999", "keypw-card"] {
        assert!(!screen.contains(secret), "{secret} on screen:\n{screen}");
    }
    t.keys(&["Escape", "q"]);
    let screen = t.wait("EXIT=", 10);
    assert_restored(&screen);

    assert!(p7m.exists(), "no {}", p7m.display());
    let json = std::fs::read_to_string(ws.join("dossiers/F/srv/request.json")).expect("json");
    assert!(json.contains("request_generated"), "{json}");
    assert_nowhere(&ws, &[PIN, "9999", "keypw-card"]);
    let (o, answer) = server.process(&p7m, "answer.p7c");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(answer.exists());
}

#[test]
fn a_pasted_pem_chain_is_imported_and_a_paste_is_never_keys() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (ws, ca, leaf, config) = portal_request(tmp.path());
    // The chain as copied from a portal's page, a `q` (quit) in its text.
    let chain = tmp.path().join("chain.txt");
    let text = format!(
        "Voici le certificat, quelle que soit la suite :\n{}{}",
        std::fs::read_to_string(&leaf).expect("leaf"),
        std::fs::read_to_string(&ca.inter).expect("inter")
    );
    std::fs::write(&chain, text).expect("chain");
    let t = start_env(
        &ws,
        "paste",
        &[format!("CLEOCPS_CONFIG={}", config.display())],
    );
    t.wait("1 Initialisation │ 2 Request │ 3 Finalisation", 20);

    // Étape 1: a paste is no keystroke (no `q`, no `g`): nothing happens.
    t.keys(&["1"]);
    t.paste(&chain);
    t.wait("Pasted text ignored", 5);
    assert!(!t.screen().contains("EXIT="), "the paste quit cleocps");

    // Étape 3: the paste opens "Paste the answer" holding it; Enter imports.
    t.keys(&["3"]);
    t.wait("Paste the answer", 5);
    t.paste(&chain);
    let screen = t.wait("Paste the answer — F/r", 5);
    assert!(screen.contains("-----BEGIN CERTIFICATE-----"), "{screen}");
    t.keys(&["Enter"]);
    t.wait("Certificate imported", 30);
    let json = std::fs::read_to_string(ws.join("dossiers/F/r/request.json")).expect("json");
    assert!(json.contains("certificate_imported"), "{json}");
    assert_eq!(
        fingerprint(&ws.join("dossiers/F/r/r.crt")),
        fingerprint(&leaf)
    );
    t.keys(&["Escape", "q"]);
    let screen = t.wait("EXIT=", 10);
    assert_restored(&screen);
}
