//! `cleocps demo` in tmux at 80×24, on a fresh sandbox each: the whole
//! CleoWizard run from the wizard screen alone, and the manual procedure
//! with the form from the directory, sending and fetching by mail. The
//! files are checked with openssl. Each test is bounded (waits in seconds).

use crate::support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use support::tmux::Tmux;
use support::*;

/// `cleocps --workspace <root> --lang en demo` in tmux, then the exit code.
fn demo(root: &Path, tag: &str) -> Tmux {
    in_tmux(
        root,
        tag,
        &format!("--workspace '{}' --lang en demo", root.display()),
        &[],
    )
}

/// `cleocps <args>` in tmux with the extra `NAME=value` variables `env`, in
/// `root`'s parent (the sandbox).
fn in_tmux(root: &Path, tag: &str, args: &str, env: &[String]) -> Tmux {
    let sandbox = root.parent().expect("parent");
    let script = format!(
        "cd '{}'; '{}' {args}; echo EXIT=$?; sleep 60",
        sandbox.display(),
        bin().display()
    );
    Tmux::session(&format!("demo-{tag}"), sandbox, env, &script)
}

/// The certificate chains to the sandbox's test root through its CA chain.
fn verified(root: &Path, crt: &Path) {
    let out = tool_ok(
        "openssl",
        &[
            "verify",
            "-CAfile",
            s(&root.join("ra/root.crt")),
            "-untrusted",
            s(&root.join("ra/ca-chain.pem")),
            s(crt),
        ],
    );
    assert!(out.contains(": OK"), "{out}");
}

#[test]
fn demo_wizard_to_a_certificate() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("demo");
    let t = demo(&root, "wizard");
    t.wait("Clinique de Démonstration", 120);

    t.keys(&["w"]);
    t.wait("CleoWizard", 10);
    t.wait("Certificate type", 10);
    t.keys(&["Enter"]); // SSL server
    t.wait("srv-web.clinique-demo.fr", 30);
    t.wait("Another server (typed by hand)", 5);
    t.keys(&["Enter"]); // the demo server
    t.wait("Protect the key?", 5);
    t.keys(&["Enter"]); // yes, a random password
    t.wait("CPS card PIN", 5);
    t.text("1234");
    t.keys(&["Enter"]);
    let screen = t.wait("Certificate obtained", 90);
    assert!(!screen.contains("1234"), "the PIN on screen:\n{screen}");
    let wizard = root.join("workspace/wizard");
    assert!(
        screen.contains("Requete_Wizard.p12") && screen.contains("password.txt"),
        "{screen}"
    );
    // "Accéder aux certificats obtenus": the folder's files.
    t.keys(&["f"]);
    t.wait("Requete_Wizard.crt", 10);
    t.keys(&["Escape", "Enter"]);
    t.wait("CleoWizard", 10);
    t.keys(&["q"]);
    let screen = t.wait("EXIT=", 20);
    assert!(screen.contains("EXIT=0"), "{screen}");

    let crt = wizard.join("Requete_Wizard.crt");
    verified(&root, &crt);
    let text = tool_ok("openssl", &["x509", "-in", s(&crt), "-noout", "-text"]);
    assert!(text.contains("srv-web.clinique-demo.fr"), "{text}");
    let passwords = std::fs::read_to_string(wizard.join("password.txt")).expect("password.txt");
    let p12pw = passwords
        .lines()
        .find_map(|l| l.strip_prefix("p12="))
        .expect("p12= line");
    let pass = format!("pass:{p12pw}");
    let key = tool_ok(
        "openssl",
        &[
            "pkcs12",
            "-in",
            s(&wizard.join("Requete_Wizard.p12")),
            "-passin",
            &pass,
            "-nodes",
        ],
    );
    assert!(key.contains("PRIVATE KEY"), "p12 without its key");
}

#[test]
fn demo_manual_procedure_with_directory_and_mail() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("demo");
    let t = demo(&root, "manual");
    t.wait("Clinique de Démonstration", 120);

    // A folder, an SSL request, keys without a password.
    t.new_folder_and_request();
    t.keys(&["g"]);
    t.wait("RSA key length", 5);
    t.keys(&["Enter"]);
    t.wait("Protect the key?", 5);
    t.keys(&["Down", "Enter"]);
    t.wait("Keys generated", 60);

    // Étape 2: the form from the directory (one server: filled at once).
    t.keys(&["2", "e"]);
    t.wait("Apply changes", 5);
    t.keys(&["F3"]);
    t.wait("Form filled from the directory", 20);
    t.wait("srv-web.clinique-demo.fr", 5);
    t.keys(&["Enter"]);
    t.wait("Form saved", 10);

    // The card: signed and encrypted, then sent.
    t.keys(&["r"]);
    t.wait("Sign and encrypt the request with the CPS card", 5);
    t.keys(&["Enter"]);
    t.wait("CPS card PIN", 20);
    t.text("1234");
    t.keys(&["Enter"]);
    t.wait("Request signed and encrypted", 30);
    t.keys(&["Escape"]);
    t.keys(&["s"]);
    // Sent: the tab moves on to Étape 3, where the answer comes back.
    t.wait("Request sent to the registration server", 20);
    t.wait("Step 3: Certificate finalisation", 5);

    // Étape 3: one look (the answer may not be there yet: a calm message),
    // then the automatic wait until the registration server answered.
    t.keys(&["3", "m"]);
    let start = Instant::now();
    let first = loop {
        let screen = t.screen();
        if screen.contains("Certificate imported")
            || screen.contains("No answer in the mailbox yet")
        {
            break screen;
        }
        assert!(start.elapsed() < Duration::from_secs(30), "{screen}");
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(!first.contains("Error"), "{first}");
    if !first.contains("Certificate imported") {
        t.keys(&["M"]);
        t.wait("Certificate imported", 60);
    }
    t.wait("srv-web.clinique-demo.fr", 10);
    t.keys(&["q"]);
    let screen = t.wait("EXIT=", 20);
    assert!(screen.contains("EXIT=0"), "{screen}");

    let dir = root.join("workspace/dossiers/Dossier 1/Demande 1");
    let crt: PathBuf = dir.join("Demande 1.crt");
    verified(&root, &crt);
    let text = tool_ok("openssl", &["x509", "-in", s(&crt), "-noout", "-subject"]);
    assert!(text.contains("srv-web.clinique-demo.fr"), "{text}");
}

#[test]
fn demo_wizard_wrong_pin_then_resume() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("demo");
    let t = demo(&root, "resume");
    t.wait("Clinique de Démonstration", 120);

    t.keys(&["w"]);
    t.wait("Certificate type", 10);
    t.keys(&["Enter"]);
    t.wait("Another server (typed by hand)", 30);
    t.keys(&["Enter"]);
    t.wait("Protect the key?", 5);
    t.keys(&["Down", "Enter"]); // no key password
    t.wait("CPS card PIN", 5);
    t.text("9999");
    t.keys(&["Enter"]);
    // One try, never retried: the card's answer, and the run kept.
    let screen = t.wait("open the assistant again (w)", 60);
    assert!(!screen.contains("9999"), "{screen}");
    t.keys(&["Escape", "Escape"]);
    t.wait("CleoWizard", 10);

    t.keys(&["w"]);
    let screen = t.wait("A CleoWizard run is not finished", 10);
    assert!(screen.contains("keys generated"), "{screen}");
    t.keys(&["Enter"]);
    t.wait("CPS card PIN", 30);
    t.text("1234");
    t.keys(&["Enter"]);
    t.wait("Certificate obtained", 90);
    t.keys(&["Enter", "q"]);
    let screen = t.wait("EXIT=", 20);
    assert!(screen.contains("EXIT=0"), "{screen}");
    let wizard = root.join("workspace/wizard");
    verified(&root, &wizard.join("Requete_Wizard.crt"));
    let passwords = std::fs::read_to_string(wizard.join("password.txt")).expect("password.txt");
    assert!(passwords.starts_with("key=\n"), "no key password chosen");
    let key = std::fs::read_to_string(wizard.join("Requete_Wizard.key")).expect("key");
    assert!(key.contains("BEGIN PRIVATE KEY"), "a clear key");
}

#[test]
fn cleocps_wizard_on_a_terminal_opens_the_wizard_screen() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("demo");
    let out = output(cleocps(tmp.path()).args(["--workspace", s(&root), "demo", "--no-tui"]));
    assert!(out.status.success(), "{out:?}");
    // Not on a terminal, no type: a usage error.
    let out = output(
        cleocps(tmp.path())
            .args(["--workspace", s(&root.join("workspace")), "wizard"])
            .env("CLEOCPS_CONFIG", root.join("cleocps.json")),
    );
    assert_eq!(out.status.code(), Some(2), "{out:?}");

    let args = format!(
        "--workspace '{}' --lang en wizard",
        root.join("workspace").display()
    );
    let env = [format!(
        "CLEOCPS_CONFIG={}",
        root.join("cleocps.json").display()
    )];
    let t = in_tmux(&root, "cli", &args, &env);
    t.wait("CleoWizard — automatic procedure", 30);
    t.wait("Certificate type", 10);
    t.keys(&["Enter"]);
    t.wait("srv-web.clinique-demo.fr", 30);
    t.keys(&["Escape"]);
    t.wait("Clinique de Démonstration", 10);
    t.keys(&["q"]);
    let screen = t.wait("EXIT=", 20);
    assert!(screen.contains("EXIT=0"), "{screen}");
}

#[test]
fn the_sandbox_trusts_its_rehearsal_root() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("demo");
    let demo = || {
        let out = output(cleocps(tmp.path()).args(["--workspace", s(&root), "demo", "--no-tui"]));
        assert!(out.status.success(), "{out:?}");
    };
    let config = root.join("cleocps.json");
    let anchors = || {
        let json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&config).expect("config")).expect("json");
        json["trust"]["anchors"].clone()
    };
    demo();
    let expected = serde_json::json!(["igc-sante", root.join("ra/root.crt")]);
    assert_eq!(anchors(), expected);
    // A sandbox made before trust was checked gets the anchor on its next run.
    let mut json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&config).expect("config")).expect("json");
    json.as_object_mut().expect("object").remove("trust");
    std::fs::write(&config, json.to_string()).expect("config");
    demo();
    assert_eq!(anchors(), expected);
}
