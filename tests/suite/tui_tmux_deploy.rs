//! Étape 3's deploy from the real TUI in tmux: a renewal that
//! inherited its predecessor's saved profile is deployed with D, the result
//! dialog shows the check and reload, and a real nginx serves the new serial.

use crate::support;

use support::nginx::{serial_of, Nginx};
use support::tmux::Tmux;
use support::*;

#[test]
fn deploy_a_renewal_with_the_saved_profile_from_step3() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    let ca = TestCa::new(tmp.path());
    let first = certified_request(&ws, tmp.path(), &ca, "web", 30);
    let (nginx, _) = Nginx::on_self_signed(tmp.path());
    let (fullchain, _) = nginx.files();
    // The first certificate installed from the command line, profile saved…
    nginx.deploy_saved(&ws, &first);
    nginx.wait_serving(&serial_of(&ws.join("dossiers/F/web/web.crt")));
    // …its renewal inherits the profile and gets its certificate.
    ok(&ws, &["request", "renew", &first, "--name", "web2"]);
    ok(&ws, &["keys", "generate", "F/web2", "--no-key-password"]);
    certify(&ws, tmp.path(), &ca, "F/web2", 60);
    let new_serial = serial_of(&ws.join("dossiers/F/web2/web2.crt"));
    std::fs::write(ws.join(".tui-last"), "F/web2").expect("last");

    let cmd = format!(
        "'{}' --workspace '{}' --lang en tui",
        bin().display(),
        ws.display()
    );
    let t = Tmux::session("deploy", tmp.path(), &[], &cmd);
    t.wait("1 Initialisation │ 2 Request │ 3 Finalisation", 20);
    t.keys(&["3"]);
    let screen = t.wait("Renews: F/web", 10);
    assert!(screen.contains("not deployed by cleocps yet"), "{screen}");
    t.keys(&["D"]);
    let screen = t.wait("Install the certificate of F/web2", 10);
    assert!(screen.contains(s(&fullchain)), "{screen}");
    assert!(screen.contains("nginx -t"), "{screen}");
    t.keys(&["o"]);
    let screen = t.wait("deployed (serial", 30);
    assert!(screen.contains("$ nginx -t"), "{screen}");
    assert!(screen.contains("$ nginx -s reload"), "{screen}");
    nginx.wait_serving(&new_serial);
    t.keys(&["Escape"]);
    // The tree was re-read: the old one is replaced, the new one installed.
    let screen = t.wait("replaced", 10);
    assert!(screen.contains("Installed  /"), "{screen}");
    t.keys(&["q"]);
}
