//! `contrib/systemd/`: the service + timer that run `cleocps check` daily
//! (DESIGN §9a), checked by `systemd-analyze verify`, and the service's
//! command line run for real.

use crate::support;

use std::path::Path;
use support::*;

const UNITS: &str = "contrib/systemd";

/// The unit with its binary path pointed at the test binary (verify wants
/// an executable there); nothing else is changed.
fn unit_for_test(dir: &Path, name: &str) -> String {
    let text = std::fs::read_to_string(Path::new(UNITS).join(name)).expect("unit");
    let text = text.replace("/usr/local/bin/cleocps", &bin().to_string_lossy());
    std::fs::write(dir.join(name), &text).expect("write unit");
    text
}

#[test]
fn units_pass_systemd_analyze_verify() {
    if std::process::Command::new("systemd-analyze")
        .arg("--version")
        .output()
        .is_err()
    {
        println!("SKIPPED: systemd-analyze is not installed (Debian package systemd)");
        return;
    }
    let tmp = tempfile::tempdir().expect("tmp");
    for name in ["cleocps-check.service", "cleocps-check.timer"] {
        unit_for_test(tmp.path(), name);
    }
    let service = tmp.path().join("cleocps-check.service");
    let timer = tmp.path().join("cleocps-check.timer");
    // --man=no: the man page is installed with the binary, not in the test machine.
    let out = output(
        std::process::Command::new("systemd-analyze")
            .args(["verify", "--man=no"])
            .arg(&service)
            .arg(&timer),
    );
    assert!(
        out.status.success() && out.stderr.is_empty(),
        "systemd-analyze verify: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_service_command_line_writes_the_metrics() {
    let tmp = tempfile::tempdir().expect("tmp");
    let text = unit_for_test(tmp.path(), "cleocps-check.service");
    let exec = text
        .lines()
        .find_map(|l| l.strip_prefix("ExecStart="))
        .expect("ExecStart");
    let mut words = exec.split_whitespace();
    let program = words.next().expect("program");
    assert_eq!(program, bin().to_string_lossy());
    let prom = tmp.path().join("cleocps.prom");
    let args: Vec<String> = words
        .map(|w| {
            if w.ends_with("cleocps.prom") {
                prom.to_string_lossy().into_owned()
            } else {
                w.to_string()
            }
        })
        .collect();
    let ws = tmp.path().join("ws");
    // A workspace in use (on a missing one, check says UNKNOWN).
    ok(&ws, &["folder", "create", "F"]);
    let out = output(cleocps(tmp.path()).env("CLEOCPS_HOME", &ws).args(&args));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let metrics = std::fs::read_to_string(&prom).expect("metrics written");
    assert!(metrics.contains("# TYPE cleocps_certificate_days_left gauge"));
    // The exit codes the unit counts as success are check's WARNING and CRITICAL.
    assert!(text.contains("SuccessExitStatus=1 2"));
}
