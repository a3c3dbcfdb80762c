//! Runs the test services (slapd, dovecot, SMTP) in DIR until SIGTERM or
//! Ctrl-C, for trying cleocps by hand. Used by `scripts/testenv.sh`; the
//! services are the tests' own (tests/support/services.rs, with the
//! process and CA helpers it uses).

#[path = "../tests/support/ca.rs"]
mod ca;
#[path = "../tests/support/process.rs"]
mod process;
#[path = "../tests/support/services.rs"]
mod services;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

fn main() {
    let Some(dir) = std::env::args_os().nth(1).map(std::path::PathBuf::from) else {
        eprintln!("usage: testenv DIR");
        std::process::exit(2);
    };
    let stop = Arc::new(AtomicBool::new(false));
    for sig in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        if let Err(e) = signal_hook::flag::register(sig, stop.clone()) {
            eprintln!("testenv: {e}");
            std::process::exit(1);
        }
    }
    let stack = services::Stack::start_in(&dir, services::ALL);
    let config = serde_json::to_vec_pretty(&stack.config()).unwrap_or_default();
    let written = std::fs::write(dir.join("cleocps.json"), config)
        .and_then(|_| std::fs::write(dir.join("env.tmp"), stack.exports()))
        .and_then(|_| std::fs::rename(dir.join("env.tmp"), dir.join("env")));
    if let Err(e) = written {
        eprintln!("testenv: {e}");
        std::process::exit(1);
    }
    while !stop.load(Ordering::Relaxed) {
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    drop(stack);
    let _ = std::fs::remove_file(dir.join("env"));
}
