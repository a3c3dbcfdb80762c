//! The tests' one tmux driver: a tmux server of the test's own (its own
//! socket, killed on drop) running one command, by default at 80×24, in a
//! sandboxed environment, driven with send-keys and read with capture-pane.

use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

pub struct Tmux {
    socket: String,
}

/// Servers started by this process so far: each socket name is new even
/// when two tests choose the same tag.
static STARTED: AtomicUsize = AtomicUsize::new(0);

impl Tmux {
    /// Runs `sh -c script` at 80×24 (see [`Tmux::sized`]).
    pub fn session(tag: &str, sandbox: &Path, env: &[String], script: &str) -> Tmux {
        Tmux::sized(tag, (80, 24), sandbox, env, script)
    }

    /// Runs `sh -c script` at `cols`×`rows` in the environment of
    /// [`super::sandbox_vars`] only, with `LANG=C.UTF-8`,
    /// `TERM=xterm-256color` and the extra `NAME=value` variables. Unless
    /// they set `CLEOCPS_CONFIG`, an empty configuration file is in the
    /// sandbox's default place (so the TUI is not on its first run).
    pub fn sized(
        tag: &str,
        (cols, rows): (u16, u16),
        sandbox: &Path,
        env: &[String],
        script: &str,
    ) -> Tmux {
        let n = STARTED.fetch_add(1, Ordering::Relaxed);
        let socket = format!("cleocps-test-{}-{n}-{tag}", std::process::id());
        let t = Tmux { socket };
        let (cols, rows) = (cols.to_string(), rows.to_string());
        let mut vars = super::sandbox_env(sandbox);
        vars.extend(
            [
                "LANG=C.UTF-8",
                "TERM=xterm-256color",
                "CLEOCPS_LOCK_WAIT_MS=5000",
            ]
            .map(String::from),
        );
        vars.extend_from_slice(env);
        // A configuration (empty) unless the test says where it is: without
        // one, the interface's first run opens the configuration screen.
        if !env.iter().any(|v| v.starts_with("CLEOCPS_CONFIG=")) {
            let file = sandbox.join(".sandbox/config/cleocps/config.json");
            if !file.exists() {
                let dir = file.parent().expect("dir");
                std::fs::create_dir_all(dir).expect("config dir");
                std::fs::write(&file, "{}\n").expect("config");
            }
        }
        let mut args = vec![
            "new-session",
            "-d",
            "-s",
            "t",
            "-x",
            &cols,
            "-y",
            &rows,
            "env",
            "-i",
        ];
        args.extend(vars.iter().map(String::as_str));
        args.extend(["sh", "-c", script]);
        t.tmux(&args);
        t
    }

    pub fn tmux(&self, args: &[&str]) -> String {
        super::process::run_text(
            Command::new("tmux")
                .args(["-u", "-L", &self.socket, "-f", "/dev/null"])
                .args(args),
        )
    }

    pub fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.tmux(&["send-keys", "-t", "t", k]);
            std::thread::sleep(Duration::from_millis(70));
        }
    }

    pub fn text(&self, s: &str) {
        self.tmux(&["send-keys", "-t", "t", "-l", s]);
        std::thread::sleep(Duration::from_millis(70));
    }

    /// Pastes the contents of `file` as a terminal does when the program
    /// asked for bracketed paste (`paste-buffer -p`); line ends become CR.
    pub fn paste(&self, file: &std::path::Path) {
        let file = file.to_str().expect("utf8 path");
        self.tmux(&["load-buffer", "-b", "paste", file]);
        self.tmux(&["paste-buffer", "-p", "-d", "-b", "paste", "-t", "t"]);
        std::thread::sleep(Duration::from_millis(70));
    }

    pub fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "t"])
    }

    /// Waits until the screen shows `what`; panics with the screen if not.
    pub fn wait(&self, what: &str, secs: u64) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(what) {
                return s;
            }
            if start.elapsed() > Duration::from_secs(secs) {
                panic!("waited {secs}s for {what:?}; screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

/// Bash as the user's shell, with a prompt of its own (no rc file, which
/// would set another): the `NAME=value` variables for [`Tmux::session`].
pub fn bash_shell_env(tmp: &Path) -> Vec<String> {
    use std::os::unix::fs::PermissionsExt;
    let shell = tmp.join("bash-norc");
    std::fs::write(&shell, "#!/bin/sh\nexec /bin/bash --norc --noprofile -i\n").expect("shell");
    std::fs::set_permissions(&shell, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    vec![
        format!("SHELL={}", shell.display()),
        "PS1=sh-prompt$ ".into(),
    ]
}

/// Steps of the cleocps TUI that several tests take.
impl Tmux {
    /// From the empty tree: a folder, then an SSL request, both with the
    /// default names ("Dossier 1/Demande 1").
    pub fn new_folder_and_request(&self) {
        self.keys(&["c"]);
        self.wait("Name of the new folder", 5);
        self.keys(&["Enter"]);
        self.wait("Folder \"Dossier 1\" created", 10);
        self.keys(&["a"]);
        self.wait("Certificate type", 5);
        self.keys(&["Enter"]);
        self.wait("Name of the request", 5);
        self.keys(&["Enter"]);
        self.wait("Request \"Dossier 1/Demande 1\" created", 10);
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}

/// A session as a user drives it: keys and typed characters counted apart
/// (a key or a character is one keystroke), and every screen waited for
/// passed to `check` (the test's idea of a screen without a stumble).
pub struct Counted {
    pub t: Tmux,
    keys: std::cell::Cell<usize>,
    typed: std::cell::Cell<usize>,
    screens: std::cell::Cell<usize>,
    check: fn(&str),
}

impl Counted {
    pub fn new(t: Tmux, check: fn(&str)) -> Counted {
        Counted {
            t,
            keys: Default::default(),
            typed: Default::default(),
            screens: Default::default(),
            check,
        }
    }

    pub fn keys(&self, keys: &[&str]) {
        self.keys.set(self.keys.get() + keys.len());
        self.t.keys(keys);
    }

    pub fn text(&self, s: &str) {
        self.typed.set(self.typed.get() + s.chars().count());
        self.t.text(s);
    }

    /// Waits for `what`, then checks the whole screen.
    pub fn wait(&self, what: &str, secs: u64) -> String {
        let screen = self.t.wait(what, secs);
        self.screens.set(self.screens.get() + 1);
        (self.check)(&screen);
        screen
    }

    /// Keys pressed, typed text excluded.
    pub fn key_count(&self) -> usize {
        self.keys.get()
    }

    /// Keys and typed characters.
    pub fn keystrokes(&self) -> usize {
        self.keys.get() + self.typed.get()
    }

    pub fn screens(&self) -> usize {
        self.screens.get()
    }
}
