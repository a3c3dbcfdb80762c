//! Running other programs from the tests: a command that must succeed, a
//! free port, a child killed on drop, processes seen through /proc.
//! A missing tool fails the test with "install it", never skips it.
//! Self-contained: `examples/testenv.rs` includes it beside `services.rs`.

use std::net::TcpListener;
use std::process::{Child, Command, Output};
use std::time::{Duration, Instant};

/// Runs `cmd` to the end; panics only if it cannot start.
pub fn output(cmd: &mut Command) -> Output {
    let prog = cmd.get_program().to_string_lossy().into_owned();
    cmd.output()
        .unwrap_or_else(|e| panic!("cannot run {prog} ({e}): install it (see TESTENV.md)"))
}

/// Runs `cmd`, asserting success (else panics with its stderr); returns stdout.
pub fn run(cmd: &mut Command) -> Vec<u8> {
    let out = output(cmd);
    assert!(
        out.status.success(),
        "{} {:?} failed ({}): {}",
        cmd.get_program().to_string_lossy(),
        cmd.get_args().collect::<Vec<_>>(),
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// [`run`], stdout as text.
pub fn run_text(cmd: &mut Command) -> String {
    String::from_utf8_lossy(&run(cmd)).into_owned()
}

/// `prog args…` to the end, whatever its status.
pub fn tool(prog: &str, args: &[&str]) -> Output {
    output(Command::new(prog).args(args))
}

/// `prog args…`, asserting success; returns stdout.
pub fn tool_ok(prog: &str, args: &[&str]) -> String {
    run_text(Command::new(prog).args(args))
}

/// A TCP port on 127.0.0.1 that nothing listens on (right now).
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port on 127.0.0.1")
}

/// A child process killed and waited for on drop (no stray servers).
pub struct Reaped(pub Child);

impl Reaped {
    /// Spawns `cmd`; panics with "install it" if it cannot start.
    pub fn spawn(cmd: &mut Command) -> Reaped {
        let prog = cmd.get_program().to_string_lossy().into_owned();
        Reaped(
            cmd.spawn()
                .unwrap_or_else(|e| panic!("cannot start {prog} ({e}): install it")),
        )
    }

    pub fn id(&self) -> u32 {
        self.0.id()
    }
}

impl Drop for Reaped {
    fn drop(&mut self) {
        // Errors: the child already exited and was reaped; nothing left to stop.
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Calls `f` until it gives a value; panics with `what` after `secs` seconds.
pub fn wait_until<T>(secs: u64, what: &str, mut f: impl FnMut() -> Option<T>) -> T {
    let end = Instant::now() + Duration::from_secs(secs);
    loop {
        if let Some(v) = f() {
            return v;
        }
        assert!(Instant::now() < end, "waited {secs}s for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The state letter of `/proc/PID/stat` ("R", "S", "Z"…), `None` once reaped.
fn proc_state(pid: u32) -> Option<String> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // "pid (comm) state ppid ...": comm may hold spaces, so split after ')'.
    let rest = stat.rsplit_once(')')?.1;
    rest.split_whitespace().next().map(str::to_string)
}

/// Processes whose parent is `pid` (from /proc).
pub fn children_of(pid: u32) -> Vec<u32> {
    let mut out = Vec::new();
    for e in std::fs::read_dir("/proc").expect("/proc is readable") {
        let e = e.expect("/proc entry");
        let Some(p) = e.file_name().to_str().and_then(|s| s.parse::<u32>().ok()) else {
            continue;
        };
        // A process may end while /proc is read: it is no one's child then.
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{p}/stat")) else {
            continue;
        };
        let ppid = stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().nth(1))
            .and_then(|s| s.parse::<u32>().ok());
        if ppid == Some(pid) {
            out.push(p);
        }
    }
    out
}

/// Whether a process is still there (zombies count as gone).
pub fn alive(pid: u32) -> bool {
    proc_state(pid).is_some_and(|state| state != "Z")
}
