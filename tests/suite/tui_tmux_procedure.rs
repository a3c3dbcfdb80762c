//! The manual procedure of `cleocps demo`, in French
//! at 80×24, as a CleoCPS user takes it — folder, request, protected keys,
//! the form from the directory, the card, sending, the answer by mail, both
//! exports, the files and a shell — with every keystroke counted and every
//! screen checked for the stumbles of a first session: no command line and
//! no English key names in a French screen, the steps' keys working from
//! any tab, a key bar that matches the state, the file names visible, the
//! shell coming back to cleocps.

use crate::support;

use support::tmux::{bash_shell_env, Counted, Tmux};
use support::*;

const KEY_PW: &str = "secret-cle-1";
const P12_PW: &str = "p12-autre";

/// A French screen a CleoCPS user reads: no command line, no English key
/// names, nothing of the terminal's plumbing.
fn french(screen: &str) {
    for bad in [
        "(cleocps ",
        "Esc",
        "Enter ",
        "OSC 52",
        "Message-ID",
        "os error",
    ] {
        assert!(
            !screen.contains(bad),
            "{bad:?} on a French screen:\n{screen}"
        );
    }
}

/// The key bar: the screen's last line.
fn key_bar(screen: &str) -> &str {
    screen.trim_end().lines().last().unwrap_or("")
}

#[test]
fn the_manual_procedure_in_french_without_a_stumble() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("demo");
    let script = format!(
        "cd '{}'; '{}' --workspace '{}' --lang fr demo; echo EXIT=$?; sleep 60",
        tmp.path().display(),
        bin().display(),
        root.display()
    );
    let u = Counted::new(
        Tmux::session(
            "procedure",
            tmp.path(),
            &bash_shell_env(tmp.path()),
            &script,
        ),
        french,
    );
    // The sandbox's examples are there; the procedure starts a folder of its own.
    let home = u.wait("Clinique de Démonstration", 120);
    assert!(home.contains("c dossier"), "{home}");

    // Étape 1: "Créer un dossier", "Créer une demande", the keys under a password.
    u.keys(&["c"]);
    u.wait("Nom du nouveau dossier", 5);
    u.keys(&["Enter"]);
    u.wait("Dossier « Dossier 1 » créé", 10);
    u.keys(&["a"]);
    u.wait("Type de certificat", 5);
    u.keys(&["Enter"]);
    u.wait("Nom de la demande", 5);
    u.keys(&["Enter"]);
    // The status says the next key, whole (it used to lose its last word).
    let created = u.wait("créée : Étape 1, touche g pour générer les", 10);
    assert!(created.contains("\nclés."), "{created}");
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
    // Keys made: the tab moves on to Étape 2 by itself.
    u.wait("Étape 2 : Demande de certificat", 60);

    // `e` from another tab goes to the form (it used to do nothing).
    u.keys(&["1", "e"]);
    let form = u.wait("Appliquer modifications", 5);
    assert!(form.contains("F3"), "F3 in the form's keys:\n{form}");
    u.keys(&["F3"]);
    u.wait("srv-web.clinique-demo.fr", 20);
    u.keys(&["Enter"]);
    u.wait("Formulaire enregistré", 10);

    // The card, from Étape 1's tab too: key password, then the PIN.
    u.keys(&["1", "r"]);
    u.wait("Signer et chiffrer la demande avec la carte CPS", 5);
    u.keys(&["Enter"]);
    u.wait("Mot de passe de la clé", 5);
    u.text(KEY_PW);
    u.keys(&["Enter"]);
    let pin = u.wait("Code porteur de la carte CPS", 20);
    assert!(
        pin.contains("La carte se bloque après 3 codes faux"),
        "{pin}"
    );
    u.text("1234");
    u.keys(&["Enter"]);
    let done = u.wait("Terminé", 30);
    assert!(done.contains("Demande 1.p7m"), "{done}");
    u.keys(&["Enter"]);
    u.keys(&["s"]);
    u.wait("Étape 3 : Finalisation du certificat", 20);
    let sent = u.wait("Demande envoyée au serveur d'inscription", 5);
    assert!(key_bar(&sent).contains("Relever la boîte"), "{sent}");

    // The answer, looked for from Étape 1's tab; the automatic wait if needed.
    u.keys(&["1", "m"]);
    let start = std::time::Instant::now();
    loop {
        let screen = u.t.screen();
        if screen.contains("Certificat importé") {
            break;
        }
        if screen.contains("Pas encore de réponse") {
            u.keys(&["M"]);
            break;
        }
        assert!(start.elapsed().as_secs() < 30, "{screen}");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let imported = u.wait("Certificat importé. Exportez-le", 90);
    // The key bar follows the state: nothing to look for or import any more.
    let bar = key_bar(&imported);
    assert!(
        !bar.contains("Relever") && !bar.contains("Importer"),
        "{bar}"
    );

    // Export PEM: in the request's folder, named after the server.
    u.keys(&["x"]);
    u.wait("srv-web.clinique-demo.fr", 5);
    u.keys(&["Enter"]);
    let choice = u.wait("Clé privée exportée", 5);
    assert!(
        !choice.contains("protégez le fichier"),
        "no clear-key warning:\n{choice}"
    );
    u.keys(&["Enter"]);
    u.wait("Mot de passe de la clé", 5);
    // A wrong password asks again, the path kept.
    u.text("mauvais");
    u.keys(&["Enter"]);
    let again = u.wait("mot de passe de la clé incorrect", 20);
    assert!(
        again.contains("Entrée"),
        "the dialog's keys visible:\n{again}"
    );
    u.text(KEY_PW);
    u.keys(&["Enter"]);
    let pem = u.wait("Fichiers écrits dans", 20);
    assert!(pem.contains("srv-web.clinique-demo.fr.key"), "{pem}");
    u.keys(&["Enter"]);

    // Export PKCS#12: its own password, twice, then the profile.
    u.keys(&["p"]);
    u.wait("Fichier PKCS#12 à créer", 5);
    u.keys(&["Enter"]);
    u.wait("Mot de passe de la clé", 5);
    u.text(KEY_PW);
    u.keys(&["Enter"]);
    u.wait("Confirmation", 5);
    u.text(P12_PW);
    u.keys(&["Tab"]);
    u.text(P12_PW);
    u.keys(&["Enter"]);
    u.wait("Profil du PKCS#12", 5);
    u.keys(&["Enter"]);
    u.wait("srv-web.clinique-demo.fr.p12", 30);
    u.keys(&["Enter"]);

    // "Accéder aux fichiers": the names, visible at 80 columns.
    u.keys(&["f"]);
    let files = u.wait("Fichiers de la demande", 10);
    for name in [
        "srv-web.clinique-demo.fr.key",
        "srv-web.clinique-demo.fr.crt",
        "srv-web.clinique-demo.fr.p12",
    ] {
        assert!(files.contains(name), "{name} not visible:\n{files}");
    }
    // A shell there, and back to cleocps, redrawn.
    u.keys(&["s"]);
    u.t.wait("sh-prompt$", 10);
    u.text("exit");
    u.keys(&["Enter"]);
    let back = u.wait("Fichiers de la demande", 10);
    assert!(
        !back.contains("sh-prompt$") && !back.contains("Stopped"),
        "{back}"
    );
    u.keys(&["Escape", "q"]);
    let end = u.t.wait("EXIT=", 20);
    assert!(end.contains("EXIT=0"), "{end}");

    // What was written is what openssl reads.
    let dir = root.join("workspace/dossiers/Dossier 1/Demande 1");
    let key = dir.join("srv-web.clinique-demo.fr.key");
    let pass = format!("pass:{KEY_PW}");
    tool_ok(
        "openssl",
        &[
            "pkey",
            "-noout",
            "-in",
            key.to_str().expect("utf8"),
            "-passin",
            &pass,
        ],
    );
    let p12 = dir.join("srv-web.clinique-demo.fr.p12");
    let pass = format!("pass:{P12_PW}");
    let out = tool_ok(
        "openssl",
        &[
            "pkcs12",
            "-in",
            p12.to_str().expect("utf8"),
            "-passin",
            &pass,
            "-nokeys",
        ],
    );
    assert!(out.contains("srv-web.clinique-demo.fr"), "{out}");
    // The figure the closing note gives.
    eprintln!(
        "manual procedure: {} keystrokes (typed text included), {} screens checked",
        u.keystrokes(),
        u.screens()
    );
    assert!(u.keystrokes() < 150, "{} keystrokes", u.keystrokes());
}
