//! Wall time of a whole CleoWizard run (2048-bit key, card signature, mail
//! out, registration server decision, mail in, exports) against the local
//! rehearsal sandbox: `cargo bench --bench wizard`. Target: under 3 s.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_cleocps");

fn main() {
    let root = std::env::temp_dir().join(format!("cleocps-wizard-bench-{}", std::process::id()));
    let r = |p: &str| root.join(p).to_string_lossy().into_owned();
    let ok = Command::new(BIN)
        .args(["--workspace", &r(""), "demo", "--no-tui"])
        .stdout(Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    assert!(ok, "demo sandbox");
    std::fs::write(root.join("pin"), "1234\n").expect("pin");
    let mut ra = Command::new(BIN)
        .args([
            "--config",
            &r("ra.json"),
            "ra",
            "serve",
            &r("ra"),
            "--interval",
            "1",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("ra serve");
    let runs = 5;
    let mut times = Vec::new();
    for kind in ["ssl", "smime"] {
        for _ in 0..runs {
            let t = Instant::now();
            let out = Command::new(BIN)
                .args([
                    "--config",
                    &r("cleocps.json"),
                    "--workspace",
                    &r("workspace"),
                ])
                .args([
                    "wizard",
                    "--type",
                    kind,
                    "--non-interactive",
                    "--pin-file",
                    &r("pin"),
                ])
                .args(["--wait", "30", "--interval", "1"])
                .env("CLEOCPS_POLL_INTERVAL_S", "1")
                .output()
                .expect("wizard");
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            times.push(t.elapsed());
        }
    }
    let _ = ra.kill();
    let _ = ra.wait();
    times.sort();
    let mean = times.iter().sum::<Duration>() / times.len() as u32;
    println!(
        "wizard wall time over {} runs (ssl and smime; registration server polling every 1 s): \
         min {:.2} s, median {:.2} s, mean {:.2} s, max {:.2} s",
        times.len(),
        times[0].as_secs_f64(),
        times[times.len() / 2].as_secs_f64(),
        mean.as_secs_f64(),
        times[times.len() - 1].as_secs_f64()
    );
    let _ = std::fs::remove_dir_all(&root);
}
