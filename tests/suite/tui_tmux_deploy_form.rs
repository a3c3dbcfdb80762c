//! The first deploy made from the real TUI in tmux, in French: D with no
//! saved profile opens the deploy form; its targets, check and reload are
//! typed; the deploy runs as `cleocps deploy … --save` does, a real nginx
//! serves the new certificate, and the open interface then shows the
//! profile saved.

use crate::support;

use support::nginx::{serial_of, Nginx};
use support::tmux::Tmux;
use support::*;

#[test]
fn the_first_deploy_from_the_form_reaches_nginx_and_is_saved() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    let ca = TestCa::new(tmp.path());
    let path = certified_request(&ws, tmp.path(), &ca, "web", 30);
    let (nginx, _) = Nginx::on_self_signed(tmp.path());
    let (fullchain, key) = nginx.files();
    let serial = serial_of(&ws.join("dossiers/F/web/web.crt"));
    std::fs::write(ws.join(".tui-last"), &path).expect("last");

    let cmd = format!(
        "'{}' --workspace '{}' --lang fr tui",
        bin().display(),
        ws.display()
    );
    let t = Tmux::session("dform", tmp.path(), &[], &cmd);
    t.wait("3 Finalisation", 20);
    t.keys(&["3"]);
    t.wait("Déployer", 10);
    t.keys(&["D"]);
    let screen = t.wait("Premier déploiement", 10);
    for label in ["Chaîne complète", "Clé privée", "Commande de rechargement"] {
        assert!(screen.contains(label), "{label}:\n{screen}");
    }
    for english in ["fullchain", "cert ", "key "] {
        assert!(!screen.contains(english), "{english}:\n{screen}");
    }
    // Enter on an empty form: refused in the form's words.
    t.keys(&["Enter"]);
    let screen = t.wait("Rien à installer", 5);
    assert!(!screen.contains("--cert"), "{screen}");
    t.text(s(&fullchain));
    t.keys(&["Tab", "Tab"]);
    t.text(s(&key));
    t.keys(&["Tab", "Tab", "Tab", "Tab", "Tab"]);
    t.text(&nginx.check_cmd());
    t.keys(&["Tab"]);
    t.text(&nginx.reload_cmd());
    t.keys(&["Enter"]);
    let screen = t.wait("Déploiement fait", 30);
    assert!(screen.contains("$ nginx -t"), "{screen}");
    nginx.wait_serving(&serial);

    // Saved as the request's profile (DESIGN §4b), as --save does.
    let show = ok(&ws, &["--json", "request", "show", &path]);
    let v: serde_json::Value = serde_json::from_str(&show).expect("json");
    assert_eq!(v["deploy"]["fullchain"], s(&fullchain));
    assert_eq!(v["deploy"]["key"], s(&key));
    assert_eq!(v["deploy"]["reload"], nginx.reload_cmd());
    // The open interface shows it: D now asks to confirm the saved profile.
    t.keys(&["Escape"]);
    t.keys(&["D"]);
    let screen = t.wait("Installer le certificat de F/web ainsi", 10);
    assert!(screen.contains("Cert.+chaîne"), "{screen}");
    t.keys(&["Escape", "q"]);
    // And the command line reuses it.
    let out = ok(&ws, &["deploy", &path]);
    assert!(out.contains("deployed"), "{out}");
}
