//! The real binary in tmux, in French at 80×24: from the first run (no
//! configuration file) to CleoWizard's files on the platform's road. The
//! configuration gets the test CA as trust anchor, `w` opens on the
//! platform (no registration server), ORG AUTH_CLI with INSI-AUTO, the
//! request with the platform's steps, the certificate an openssl CA issued
//! pasted back, then `Requete_Wizard.{p12,crt,key}` + `password.txt`
//! checked by openssl.

use crate::support;

use std::path::Path;
use support::ca::pem_bundle;
use support::tmux::Tmux;
use support::*;

fn start(ws: &Path, config: &Path) -> Tmux {
    let sandbox = ws.parent().expect("parent");
    let script = format!(
        "'{}' --workspace '{}' --lang fr tui; echo \"EXIT=$?.\"; sleep 60",
        bin().display(),
        ws.display()
    );
    let env = [format!("CLEOCPS_CONFIG={}", config.display())];
    Tmux::session("wizpf", sandbox, &env, &script)
}

fn assert_french(screen: &str) {
    for bad in [
        "Esc ",
        "(cleocps",
        " --",
        "os error",
        "registration.certificate",
    ] {
        assert!(!screen.contains(bad), "{bad:?} on the screen:\n{screen}");
    }
}

#[test]
fn first_run_to_the_platform_wizard_files_pasting_the_certificate() {
    let tmp = tempfile::tempdir().expect("tmp");
    let t = tmp.path();
    let ws = t.join("ws");
    let ca = TestCa::new(t);
    let config = t.join("etc/cleocps.json");
    let tui = start(&ws, &config);
    // The first run asks the road: the platform's, the default.
    tui.wait("Comment obtenez-vous vos certificats ?", 20);
    tui.keys(&["Enter"]);
    tui.wait("Configuration enregistrée dans", 10);
    // The trust section: the test CA's root beside the built-in roots.
    tui.keys(&["C"]);
    tui.wait("Serveur d'inscription", 10);
    tui.keys(&["NPage", "NPage", "NPage", "NPage"]);
    tui.wait("Confiance", 5);
    tui.text(&format!(",{}", s(&ca.root)));
    tui.keys(&["F2"]);
    tui.wait("Configuration enregistrée dans", 10);
    tui.keys(&["Escape"]);
    tui.wait("Aucun dossier", 5);

    tui.keys(&["w"]);
    let screen = tui.wait("ORG AUTH_CLI", 10);
    assert!(screen.contains("SERV SSL_SERV"), "{screen}");
    assert_french(&screen);
    tui.keys(&["Down", "Down", "Down", "Down", "Enter"]);
    let screen = tui.wait("INSI-MANU", 5);
    assert_french(&screen);
    tui.keys(&["Enter"]);
    tui.wait("mot de passe aléatoire", 5);
    tui.keys(&["Enter"]);
    let screen = tui.wait("Demande prête", 30);
    for step in [
        "« Demander »",
        "l'offre ORG",
        "Demander un nouveau produit",
        "l'usage AUTH_CLI",
    ] {
        assert!(screen.contains(step), "{step}:\n{screen}");
    }
    assert_french(&screen);
    tui.keys(&["Enter"]);
    tui.wait("collez ici le certificat", 5);

    // The platform issues the certificate for the request's CSR.
    let csr = ws.join("dossiers/CleoWizard/Demande 1/Demande 1.csr");
    let ext = "keyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\n";
    let issued = ca.issue_ext(&csr, "insi", ext);
    let bundle = pem_bundle(&t.join("insi-chain.pem"), &[&issued, &ca.inter]);
    tui.paste(&bundle);
    let screen = tui.wait("Certificat obtenu", 30);
    assert_french(&screen);
    let dir = ws.join("wizard");
    let secrets = std::fs::read_to_string(dir.join("password.txt")).expect("password.txt");
    let pw = |prefix: &str| {
        let line = secrets.lines().find_map(|l| l.strip_prefix(prefix));
        format!("pass:{}", line.unwrap_or_default())
    };
    let crt = dir.join("Requete_Wizard.crt");
    let subject = tool_ok("openssl", &["x509", "-in", s(&crt), "-noout", "-subject"]);
    assert!(subject.contains("CN = INSI-AUTO"), "{subject}");
    let key_mod = tool_ok(
        "openssl",
        &[
            "rsa",
            "-in",
            s(&dir.join("Requete_Wizard.key")),
            "-passin",
            &pw("key="),
            "-noout",
            "-modulus",
        ],
    );
    let crt_mod = tool_ok("openssl", &["x509", "-in", s(&crt), "-noout", "-modulus"]);
    assert_eq!(key_mod, crt_mod);
    let p12 = tool_ok(
        "openssl",
        &[
            "pkcs12",
            "-in",
            s(&dir.join("Requete_Wizard.p12")),
            "-passin",
            &pw("p12="),
            "-nokeys",
            "-clcerts",
        ],
    );
    assert!(p12.contains("CN = INSI-AUTO"), "{p12}");
    // The deploy profile is offered: D opens the first deploy's form for
    // the wizard's request.
    assert!(screen.contains("installer sur le serveur"), "{screen}");
    tui.keys(&["D"]);
    let screen = tui.wait("Premier déploiement", 5);
    assert!(screen.contains("CleoWizard/Demande 1"), "{screen}");
    tui.keys(&["Escape", "q"]);
    let screen = tui.wait("EXIT=", 10);
    assert!(screen.contains("EXIT=0."), "{screen}");
}
