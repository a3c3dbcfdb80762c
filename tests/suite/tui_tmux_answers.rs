//! Answers in the wild from the TUI: a saved mail
//! (`.eml`) whose `smime.p7c` is BER with indefinite lengths, imported by
//! its path in Étape 3, checked against the trust anchors as any answer.

use crate::support;

use support::ca::indefinite;
use support::services::{ADMIN, DOMAIN, INSCRIPTION};
use support::tmux::Tmux;
use support::*;

#[test]
fn a_saved_mail_holding_a_ber_p7c_is_imported_by_path() {
    let tmp = tempfile::tempdir().expect("tmp");
    let t = tmp.path();
    let (ws, ca, leaf, config) = portal_request(t);
    let der = std::fs::read(ca.p7c(&leaf, &t.join("der.p7c"), false)).expect("p7c");
    let eml = support::mail::mail_with(
        &format!("{}@{DOMAIN}", INSCRIPTION.0),
        &format!("{}@{DOMAIN}", ADMIN.0),
        None,
        None,
        "Re: Demande de certificat serveur",
        Some(&indefinite(&der, 4)),
        "Votre certificat est joint.",
    );
    let file = t.join("reponse.eml");
    std::fs::write(&file, eml).expect("eml");

    let script = format!(
        "'{}' --workspace '{}' --lang en tui; echo \"EXIT=$?.\"; sleep 60",
        bin().display(),
        ws.display()
    );
    let env = [format!("CLEOCPS_CONFIG={}", config.display())];
    let tmux = Tmux::session("answers", t, &env, &script);
    tmux.wait("1 Initialisation │ 2 Request │ 3 Finalisation", 20);
    tmux.keys(&["3", "i"]);
    tmux.wait("Answer file", 5);
    tmux.keys(&["C-u"]);
    tmux.text(file.to_str().expect("utf8"));
    tmux.keys(&["Enter"]);
    tmux.wait("Certificate imported", 30);
    let json = std::fs::read_to_string(ws.join("dossiers/F/r/request.json")).expect("json");
    assert!(json.contains("certificate_imported"), "{json}");
    assert_eq!(
        fingerprint(&ws.join("dossiers/F/r/r.crt")),
        fingerprint(&leaf)
    );
    tmux.keys(&["q"]);
    let screen = tmux.wait("EXIT=", 10);
    assert!(screen.contains("EXIT=0."), "{screen}");
}
