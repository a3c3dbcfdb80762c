//! "Accéder aux fichiers" then `s` opens a shell in the request's folder;
//! `exit` must come back to cleocps, redrawn and answering keys, whether
//! cleocps was started from an interactive shell (no SIGTTIN "Stopped") or
//! from a script (no exit code 1).

use crate::support;

use std::path::Path;
use support::tmux::{bash_shell_env, Tmux};
use support::*;

/// A workspace with "Dossier 1/Demande 1".
fn workspace(tmp: &Path) -> std::path::PathBuf {
    let ws = tmp.join("ws");
    ok(&ws, &["folder", "create"]);
    ok(&ws, &["request", "create", "Dossier 1", "--type", "ssl"]);
    ws
}

fn command_line(ws: &Path) -> String {
    format!(
        "'{}' --workspace '{}' --lang en tui",
        bin().display(),
        ws.display()
    )
}

/// Files dialog → shell → `exit` → cleocps again, then quit.
fn round_trip_through_the_shell(t: &Tmux) {
    t.wait("1 Initialisation │ 2 Request │ 3 Finalisation", 20);
    t.keys(&["3", "f"]);
    t.wait("Files of the request", 10);
    t.keys(&["s"]);
    t.wait("type exit to come", 10);
    let screen = t.wait("sh-prompt$", 10);
    assert!(!screen.contains("Files of the request"), "{screen}");
    t.text("pwd");
    t.keys(&["Enter"]);
    t.wait("Demande 1\n", 5);
    t.text("exit");
    t.keys(&["Enter"]);
    // Back in cleocps, redrawn as it was left.
    let screen = t.wait("Files of the request", 10);
    assert!(!screen.contains("Stopped"), "{screen}");
    assert!(!screen.contains("sh-prompt$"), "not redrawn:\n{screen}");
    // And it still answers keys.
    t.keys(&["Escape", "?"]);
    t.wait("Help", 5);
    t.keys(&["Escape", "q"]);
}

#[test]
fn the_shell_returns_to_cleocps_under_a_script() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = workspace(tmp.path());
    let script = format!("{}; echo \"EXIT=$?.\"; sleep 60", command_line(&ws));
    let t = Tmux::session("shell-sh", tmp.path(), &bash_shell_env(tmp.path()), &script);
    round_trip_through_the_shell(&t);
    let screen = t.wait("EXIT=", 10);
    assert!(screen.contains("EXIT=0."), "{screen}");
}

#[test]
fn the_shell_returns_to_cleocps_under_an_interactive_shell() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = workspace(tmp.path());
    let t = Tmux::session(
        "shell-bash",
        tmp.path(),
        &bash_shell_env(tmp.path()),
        "exec bash --norc --noprofile -i",
    );
    t.wait("sh-prompt$", 10);
    t.text(&format!("{}; echo \"EXIT=$?.\"", command_line(&ws)));
    t.keys(&["Enter"]);
    round_trip_through_the_shell(&t);
    let screen = t.wait("EXIT=", 10);
    assert!(screen.contains("EXIT=0."), "{screen}");
    assert!(!screen.contains("Stopped"), "{screen}");
}
