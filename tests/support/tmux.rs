//! A tmux server of the test's own (its own socket, killed on drop) running
//! one command at 80×24, driven with send-keys and read with capture-pane.
#![allow(dead_code)]

use std::process::Command;
use std::time::{Duration, Instant};

pub struct Tmux {
    socket: String,
}

impl Tmux {
    /// Runs `sh -c script` at 80×24 with `LANG=C.UTF-8`, `TERM=xterm-256color`
    /// and the extra `NAME=value` variables.
    pub fn session(tag: &str, env: &[String], script: &str) -> Tmux {
        let socket = format!("cleocps-test-{}-{tag}", std::process::id());
        let t = Tmux { socket };
        let mut args = vec![
            "new-session",
            "-d",
            "-s",
            "t",
            "-x",
            "80",
            "-y",
            "24",
            "env",
            "LANG=C.UTF-8",
            "TERM=xterm-256color",
            "CLEOCPS_LOCK_WAIT_MS=5000",
        ];
        args.extend(env.iter().map(String::as_str));
        args.extend(["sh", "-c", script]);
        t.tmux(&args);
        t
    }

    pub fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .args(["-u", "-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .expect("tmux must be installed (apt-get install tmux)");
        assert!(
            out.status.success(),
            "tmux {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
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

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}
