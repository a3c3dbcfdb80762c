//! The real binary in tmux, in French: the first run without a
//! configuration file, on the card's road, opens the configuration screen; "Tester" names the
//! IMAP server that refuses; F2 writes a file `config check` accepts, 0600,
//! and `C` opens it again with what was saved.

use crate::support;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use support::tmux::Tmux;
use support::*;

/// `cleocps tui` in French on `ws`, with `env`; prints `EXIT=<code>.` after.
fn start(ws: &Path, tag: &str, env: &[String]) -> Tmux {
    let sandbox = ws.parent().expect("parent");
    let script = format!(
        "'{}' --workspace '{}' --lang fr tui; echo \"EXIT=$?.\"; sleep 60",
        bin().display(),
        ws.display()
    );
    Tmux::session(tag, sandbox, env, &script)
}

/// French screens read as French: no English key name, no command.
fn assert_french(screen: &str) {
    for bad in ["Esc ", "(cleocps", " --", "os error"] {
        assert!(!screen.contains(bad), "{bad:?} on the screen:\n{screen}");
    }
}

fn config_check(file: &Path) -> std::process::Output {
    output(
        cleocps(file.parent().expect("dir"))
            .arg("--config")
            .arg(file)
            .args(["--lang", "fr", "config", "check"]),
    )
}

#[test]
fn first_run_opens_the_screen_tester_names_imap_f2_saves() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    // Neither the file nor its directory exists yet.
    let file = tmp.path().join("etc/cleocps.json");
    let pass = secret_file(tmp.path(), "imap.pass", "secret");
    let closed = free_port();
    let t = start(&ws, "cfg", &[format!("CLEOCPS_CONFIG={}", file.display())]);
    // The road first: the card's, whose settings this screen holds.
    t.wait("Comment obtenez-vous vos certificats ?", 20);
    t.keys(&["Down", "Enter"]);
    let screen = t.wait("Première utilisation", 20);
    assert!(screen.contains("Serveur d'inscription"), "{screen}");
    assert_french(&screen);

    t.text("inscription@igc-sante.example.fr");
    // Page down twice: receiving mail.
    t.keys(&["NPage", "NPage"]);
    t.wait("Un serveur IMAP", 5);
    t.text("127.0.0.1");
    t.keys(&["Tab"]);
    t.text(&closed.to_string());
    t.keys(&["Tab", "Tab"]);
    t.text("admin");
    t.keys(&["Tab"]);
    t.text(&pass.to_string_lossy());
    t.keys(&["F5"]);
    let screen = t.wait("refuse la connexion", 20);
    let flat: String = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(&format!("✗ IMAP 127.0.0.1:{closed} : échec")),
        "{screen}"
    );
    assert!(
        flat.contains(&format!(
            "Réception du courrier (IMAP 127.0.0.1:{closed}) : échec"
        )),
        "the status line names it too:\n{screen}"
    );
    assert_french(&screen);
    assert!(!file.exists(), "testing writes nothing");

    t.keys(&["F2"]);
    t.wait("Configuration enregistrée dans", 10);
    let mode = std::fs::metadata(&file)
        .expect("written")
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o600);
    let out = config_check(&file);
    assert!(out.status.success(), "{out:?}");
    let text = std::fs::read_to_string(&file).expect("config");
    assert!(text.contains("inscription@igc-sante.example.fr"), "{text}");
    assert!(text.contains(&format!("\"port\": {closed}")), "{text}");

    // Échap: the tree; C: the screen again, with what was saved.
    t.keys(&["Escape"]);
    t.wait("Aucun dossier", 5);
    t.keys(&["C"]);
    let screen = t.wait("@igc-sante.example.fr", 5);
    assert!(!screen.contains("Première utilisation"), "{screen}");
    t.keys(&["Escape"]);
    t.wait("Aucun dossier", 5);
    t.keys(&["q"]);
    let screen = t.wait("EXIT=", 10);
    assert!(screen.contains("EXIT=0."), "{screen}");
}

#[test]
fn first_run_at_the_default_place_saves_there() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    // An empty CLEOCPS_CONFIG: the XDG place, where nothing is yet.
    let t = start(&ws, "xdg", &["CLEOCPS_CONFIG=".to_string()]);
    t.wait("Comment obtenez-vous vos certificats ?", 20);
    t.keys(&["Down", "Enter"]);
    t.wait("Première utilisation", 20);
    t.text("inscription@igc-sante.example.fr");
    t.keys(&["C-s"]);
    t.wait("Configuration enregistrée dans", 10);
    let file = tmp.path().join(".sandbox/config/cleocps/config.json");
    assert!(config_check(&file).status.success());
    t.keys(&["Escape", "q"]);
    let screen = t.wait("EXIT=", 10);
    assert!(screen.contains("EXIT=0."), "{screen}");
}
