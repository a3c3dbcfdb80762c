//! The portal route end to end in a real terminal at 80×24: Étape 2
//! explains it, `v` shows the CSR whole
//! with no border beside it (a mouse selection holds the PEM alone), Étape
//! 3 takes the certificate pasted, and "Accéder aux fichiers" shows the
//! files' names, sizes and modes.

use crate::support;

use support::tmux::Tmux;
use support::*;

#[test]
fn the_portal_route_needs_no_file_transfer() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (ws, ca, leaf, config) = portal_request(tmp.path());
    let script = format!(
        "'{}' --workspace '{}' --lang en tui; echo \"EXIT=$?.\"; sleep 60",
        bin().display(),
        ws.display()
    );
    let env = [format!("CLEOCPS_CONFIG={}", config.display())];
    let t = Tmux::session("portal", tmp.path(), &env, &script);
    t.wait("1 Initialisation │ 2 Request │ 3 Finalisation", 20);

    // Étape 2: the route, step by step, no jargon.
    t.keys(&["2"]);
    let screen = t.wait("On the IGC-Santé platform · SERV SSL_SERV", 10);
    assert!(screen.contains("1. On your workstation"), "{screen}");
    assert!(!screen.contains("OSC"), "{screen}");

    // `v`: the CSR whole, each PEM row alone on its terminal row.
    t.keys(&["v"]);
    let screen = t.wait("-----END CERTIFICATE REQUEST-----", 10);
    let pem = std::fs::read_to_string(ws.join("dossiers/F/r/r.csr")).expect("csr");
    let rows: Vec<&str> = screen.lines().map(str::trim_end).collect();
    for line in pem.lines() {
        assert!(rows.contains(&line), "{line}\n{screen}");
    }
    t.keys(&["y"]);
    t.wait("if your terminal allows it", 5);
    t.keys(&["Escape"]);

    // Étape 3: paste the certificate as the portal gives it.
    t.keys(&["3"]);
    t.wait("Request made for the IGC-Santé platform", 10);
    t.keys(&["v"]);
    t.wait("Paste the answer", 5);
    let chain = tmp.path().join("chain.txt");
    let text = format!(
        "{}{}",
        std::fs::read_to_string(&leaf).expect("leaf"),
        std::fs::read_to_string(&ca.inter).expect("inter")
    );
    std::fs::write(&chain, text).expect("chain");
    t.paste(&chain);
    t.wait("Paste the answer — F/r", 5);
    t.keys(&["Enter"]);
    t.wait("Certificate imported", 30);
    t.keys(&["Escape"]);

    // A .p12 made beside the request's files: every name is on screen.
    let pp = secret_file(tmp.path(), "pp", "un autre mot de passe");
    let p12 = ws.join("dossiers/F/r/r.p12");
    let (p12, pp) = (p12.to_string_lossy(), pp.to_string_lossy());
    ok(
        &ws,
        &[
            "export",
            "p12",
            "F/r",
            "--out",
            &p12,
            "--p12-password-file",
            &pp,
        ],
    );
    t.keys(&["f"]);
    let screen = t.wait("Files of the request", 10);
    for name in ["r.key", "r.crt", "r.p12", "r.csr", "request.json"] {
        assert!(screen.contains(name), "{name}\n{screen}");
    }
    let row = screen
        .lines()
        .find(|l| l.contains("r.key "))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(row.contains("-rw-------"), "{row}");
    t.keys(&["Escape"]);
    let mut gone = false;
    for _ in 0..50 {
        if !t.screen().contains("Files of the request") {
            gone = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert!(gone, "{}", t.screen());
    t.keys(&["q"]);
    t.wait("EXIT=0.", 10);
}
