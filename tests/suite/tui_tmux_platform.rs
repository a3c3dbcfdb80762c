//! The platform's road in the real binary, in French at 80×24, as a new
//! admin takes it: the first run asks the road — the platform's needs no
//! registration server and goes to the tree, a minimal configuration
//! written so the question is not asked again — then an SSL request:
//! keys, the CSR for the platform (its steps in its words), the
//! certificate pasted back, and the first deploy made from the interface's
//! form (a check command, a real nginx). Every screen waited for is checked: no
//! command-line flag, no English word, nothing cut; the keystrokes are
//! counted.

use crate::support;

use std::path::Path;
use support::nginx::{serial_of, Nginx};
use support::tmux::{Counted, Tmux};
use support::*;

const KEY_PW: &str = "secret-cle-1";
const NAME: &str = "srv.clinique-test.fr";

/// The TUI on `ws` with `config`, in French, as a counted session.
fn start(ws: &Path, config: &Path, tag: &str) -> Counted {
    let sandbox = ws.parent().expect("parent");
    let script = format!(
        "'{}' --workspace '{}' --lang fr tui; echo \"EXIT=$?.\"; sleep 60",
        bin().display(),
        ws.display()
    );
    let env = [format!("CLEOCPS_CONFIG={}", config.display())];
    Counted::new(Tmux::session(tag, sandbox, &env, &script), french_and_whole)
}

/// A French screen with no command-line flag, no English word, and no
/// value or sentence cut off (`…`) outside the tree's names, the request's
/// path in the pane's head, and the serial and fingerprint shortened where
/// they differ least.
fn french_and_whole(screen: &str) {
    for bad in [
        " --",
        "(cleocps ",
        "Esc",
        "Enter ",
        "OSC 52",
        "os error",
        "request",
        "Request",
        "certificate",
        "Certificate",
        "Step ",
        " key ",
        "encrypted",
        "csr-only",
        "serial",
        "until",
        "portal",
        "trust.anchors",
    ] {
        assert!(
            !screen.contains(bad),
            "{bad:?} on a French screen:\n{screen}"
        );
    }
    for (i, row) in screen.lines().enumerate() {
        // The pane's rows, past the tree's column; the pane's head (row 2)
        // names the request's path and may shorten it.
        // Under a dialog, only the dialog's own text (what shows of the
        // pane behind it at the edges is not read).
        let pane = if row.starts_with("│  │") {
            row.split('│').nth(2).unwrap_or("")
        } else {
            row.split("││")
                .nth(1)
                .unwrap_or(if row.starts_with('┌') { "" } else { row })
        };
        // "… et 30 lignes de plus" says what follows; a serial is shortened
        // at its start, a fingerprint in its middle and the installed paths
        // (the deploy's dialog lists them whole) at their end, on purpose.
        let on_purpose = ["… et ", "Série      …", "Installé   ", "SHA-256 "]
            .iter()
            .any(|p| pane.contains(p));
        let cut = pane.contains('…') && !on_purpose;
        assert!(i == 2 || !cut, "row {i} cut:\n{screen}");
    }
}

#[test]
fn the_platforms_road_from_the_first_run_to_the_first_deploy_in_french() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    let config = tmp.path().join("etc/cleocps.json");

    // The first run: the road, the platform's by default; no server asked.
    let u = start(&ws, &config, "pf-first");
    let road = u.wait("messagerie, avec la carte CPS", 20);
    assert!(
        road.contains("Comment obtenez-vous vos certificats ?"),
        "{road}"
    );
    assert!(road.contains("● par la plateforme IGC-Santé"), "{road}");
    u.keys(&["Enter"]);
    let tree = u.wait("Configuration enregistrée dans", 10);
    assert!(tree.contains("Aucun dossier"), "{tree}");
    assert!(!tree.contains("inscription"), "{tree}");
    assert_eq!(
        std::fs::read_to_string(&config).expect("config").trim(),
        "{}"
    );
    u.keys(&["q"]);
    let screen = u.t.wait("EXIT=", 10);
    assert!(screen.contains("EXIT=0."), "{screen}");
    let first_run = u.key_count();

    // The CA the answer comes from is trusted (Configuration › Confiance).
    let ca = TestCa::new(tmp.path());
    let json = serde_json::json!({"trust": {"anchors": [&ca.root]}});
    std::fs::write(&config, json.to_string()).expect("config");

    // Again: the question is not asked twice.
    let u = start(&ws, &config, "pf-road");
    let home = u.wait("Aucun dossier", 20);
    assert!(!home.contains("Comment obtenez-vous"), "{home}");
    u.keys(&["c"]);
    u.wait("Nom du nouveau dossier", 5);
    u.keys(&["Enter"]);
    u.wait("Dossier « Dossier 1 » créé", 10);
    u.keys(&["a"]);
    u.wait("SERV SSL_SERV", 5);
    u.keys(&["Enter"]);
    u.wait("Nom de la demande", 5);
    u.keys(&["C-u"]);
    u.text(NAME);
    u.keys(&["Enter"]);
    u.wait("créée : Étape 1", 10);

    // Étape 1: the keys under a password.
    u.keys(&["g"]);
    u.wait("Longueur de la clé RSA", 5);
    u.keys(&["Enter"]);
    u.wait("Protéger la clé ?", 5);
    u.keys(&["Enter"]);
    u.wait("Mot de passe de la nouvelle clé", 5);
    u.text(KEY_PW);
    u.keys(&["Tab"]);
    u.text(KEY_PW);
    u.keys(&["Enter"]);
    let step2 = u.wait("Étape 2 : Demande de certificat", 60);
    // The request's name is its server: the form is complete already.
    assert!(step2.contains(NAME), "{step2}");

    // Étape 2: the CSR for the platform, the only road offered here.
    u.keys(&["r"]);
    let mode = u.wait("Demande seule (CSR), pour le portail IGC-Santé", 5);
    assert!(!mode.contains("carte CPS"), "{mode}");
    u.keys(&["Enter"]);
    u.wait("Mot de passe de la clé", 5);
    u.text(KEY_PW);
    u.keys(&["Enter"]);
    u.wait("-----END CERTIFICATE REQUEST-----", 30);
    // Made: the tab moves on to Étape 3; Étape 2 says the platform's steps.
    u.keys(&["Escape"]);
    u.wait("Étape 3 : Finalisation du certificat", 10);
    u.keys(&["2"]);
    let steps = u.wait("Sur la plateforme IGC-Santé · SERV SSL_SERV", 10);
    for words in [
        "« Demander »",
        "Offre SERV",
        "Usage SSL_SERV",
        "« Retirer »",
    ] {
        assert!(steps.contains(words), "{words}:\n{steps}");
    }

    // The platform issues it; Étape 3: pasted back.
    let csr = ws.join(format!("dossiers/Dossier 1/{NAME}/{NAME}.csr"));
    let leaf = ca.issue(&csr, "leaf", "serverAuth");
    let chain = tmp.path().join("chain.txt");
    let text = format!(
        "{}{}",
        std::fs::read_to_string(&leaf).expect("leaf"),
        std::fs::read_to_string(&ca.inter).expect("inter")
    );
    std::fs::write(&chain, text).expect("chain");
    u.keys(&["3"]);
    u.wait("Étape 3 : Finalisation du certificat", 10);
    u.keys(&["v"]);
    u.wait("Coller la réponse", 5);
    u.t.paste(&chain);
    u.wait("lignes collées", 5);
    u.keys(&["Enter"]);
    let imported = u.wait("Certificat importé", 30);
    assert!(imported.contains(NAME), "{imported}");

    // The first deploy, from the interface: the form, a check command,
    // the key password (the key goes out clear for nginx), a real nginx.
    let (nginx, _) = Nginx::on_self_signed(tmp.path());
    let (fullchain, key) = nginx.files();
    u.keys(&["Escape", "D"]);
    u.wait("Premier déploiement", 10);
    u.text(s(&fullchain));
    u.keys(&["Tab", "Tab"]);
    u.text(s(&key));
    u.keys(&["Tab", "Tab", "Tab", "Tab", "Tab"]);
    u.text(&nginx.check_cmd());
    u.keys(&["Tab"]);
    u.text(&nginx.reload_cmd());
    u.keys(&["Enter"]);
    u.wait("Mot de passe de la clé", 10);
    u.text(KEY_PW);
    u.keys(&["Enter"]);
    let done = u.wait("Déploiement fait", 30);
    assert!(done.contains("$ nginx -t"), "{done}");
    let crt = ws.join(format!("dossiers/Dossier 1/{NAME}/{NAME}.crt"));
    nginx.wait_serving(&serial_of(&crt));
    u.keys(&["Escape", "q"]);
    let screen = u.t.wait("EXIT=", 10);
    assert!(screen.contains("EXIT=0."), "{screen}");
    let total = first_run + u.key_count();
    println!(
        "platform road to the first deploy: {total} keystrokes, typed text excluded ({first_run} for the first run)"
    );
    assert!(total <= 45, "{total} keystrokes");
}
