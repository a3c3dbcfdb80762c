//! Inputs that never end, and workspaces that do not exist (DESIGN §3, §9):
//! `/dev/zero`, a FIFO or a huge sparse file given as a password file, an
//! answer, a `.p12` or the configuration is refused at once with little
//! memory; `check`, `status`, `request list` and `doctor` on a mistyped workspace say
//! so and create nothing; `config set` refuses ports and timeouts that
//! cannot work.

use crate::support;

use std::path::Path;
use std::time::{Duration, Instant};
use support::process::{alive, tool_ok, Reaped};
use support::*;

fn s(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

/// Peak resident memory of a process, in kB.
fn vm_hwm_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Runs cleocps with `args` (and `config` when given); asserts it fails
/// within a generous 5 s and under 50 MB (killed beyond); returns stderr.
fn refused_quickly(ws: &Path, config: Option<&Path>, args: &[&str]) -> String {
    let mut cmd = cleocps(ws.parent().expect("parent"));
    cmd.arg("--workspace").arg(ws).args(["--lang", "en"]);
    if let Some(c) = config {
        cmd.arg("--config").arg(c);
    }
    let stderr_file = ws.parent().expect("parent").join("stderr.txt");
    // Both streams: doctor reports on stdout.
    let err_out = std::fs::File::create(&stderr_file).expect("stderr file");
    let out = err_out.try_clone().expect("clone");
    let mut child = Reaped::spawn(cmd.args(args).stdout(out).stderr(err_out));
    let pid = child.id();
    let started = Instant::now();
    let mut peak_kb = 0;
    while alive(pid) {
        peak_kb = vm_hwm_kb(pid).unwrap_or(peak_kb).max(peak_kb);
        assert!(peak_kb < 50 * 1024, "{args:?}: {peak_kb} kB");
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{args:?}: still running"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    let status = child.0.wait().expect("wait");
    let err = std::fs::read_to_string(&stderr_file).expect("stderr");
    assert!(!status.success(), "{args:?} accepted");
    err
}

#[test]
fn dev_zero_fifos_and_huge_files_are_refused_at_once_as_any_input() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    prepared_request(
        &ws,
        "R",
        "ssl",
        &["--no-key-password"],
        &["--cn", "r.example.fr"],
    );
    ok(&ws, &["request", "generate", "F/R", "--csr-only"]);
    let fifo = tmp.path().join("fifo");
    tool_ok("mkfifo", &[&s(&fifo)]);
    // A 2 GB sparse file: no line end in its first 4 KiB.
    let huge = tmp.path().join("huge");
    tool_ok("truncate", &["-s", "2G", &s(&huge)]);
    let pw = secret_file(tmp.path(), "pw", "a password");
    // Password files: only a regular file, its first line bounded.
    for bad in ["/dev/zero", &s(&fifo), &s(&huge)] {
        let err = refused_quickly(
            &ws,
            None,
            &["keys", "password", "F/R", "--new-key-password-file", bad],
        );
        assert!(
            err.contains("not a regular file") || err.contains("longer than 4096 bytes"),
            "{bad}: {err}"
        );
        // The SMTP password file, read by doctor.
        let config = tmp.path().join("config.json");
        let smtp = serde_json::json!({"smtp": {"host": "127.0.0.1", "port": free_port(),
            "security": "plain", "user": "u", "password_file": bad}});
        std::fs::write(&config, smtp.to_string()).expect("config");
        let err = refused_quickly(&ws, Some(&config), &["doctor"]);
        assert!(
            err.contains("not a regular file") || err.contains("longer than 4096 bytes"),
            "{bad}: {err}"
        );
    }
    // Certificates given as files, read by doctor.
    let err = refused_quickly(&ws, None, &["doctor", "--ra-cert", "/dev/zero"]);
    assert!(err.contains("not a regular file"), "{err}");
    // Answers, .p12 and the configuration: only a regular file, bounded.
    for bad in ["/dev/zero", &s(&fifo), &s(&huge)] {
        let err = refused_quickly(&ws, None, &["response", "import", "F/R", bad]);
        assert!(
            err.contains("not a regular file") || err.contains("larger than"),
            "{bad}: {err}"
        );
        let adopt = [
            "request",
            "adopt",
            "F/A",
            "--p12",
            bad,
            "--p12-password-file",
        ];
        let err = refused_quickly(&ws, None, &[&adopt[..], &[&s(&pw)]].concat());
        assert!(
            err.contains("not a regular file") || err.contains("larger than"),
            "{bad}: {err}"
        );
        let err = refused_quickly(&ws, Some(Path::new(bad)), &["status"]);
        assert!(
            err.contains("not a regular file") || err.contains("larger than"),
            "{bad}: {err}"
        );
    }
    tool_ok(
        "openssl",
        &["pkey", "-noout", "-in", &s(&ws.join("dossiers/F/R/R.key"))],
    );
}

#[test]
fn read_only_commands_on_a_missing_workspace_say_so_and_create_nothing() {
    let tmp = tempfile::tempdir().expect("tmp");
    let typo = tmp.path().join("typo");
    let ws = typo.join("ws");
    let run = |args: &[&str]| {
        output(
            cleocps(tmp.path())
                .arg("--workspace")
                .arg(&ws)
                .args(["--lang", "en"])
                .args(args),
        )
    };
    let out = run(&["check"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(3), "{out:?}");
    assert!(text.starts_with("CLEOCPS UNKNOWN"), "{text}");
    assert!(text.contains("no workspace at"), "{text}");
    for args in [&["status"][..], &["request", "list"]] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(3), "{args:?}: {out:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("no workspace at"));
    }
    // doctor says so among its checks.
    let out = run(&["doctor"]);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains(&s(&ws)),
        "{out:?}"
    );
    assert!(!typo.exists(), "the mistyped workspace was created");
    // The log says which command failed, in words, not in Rust's debug text.
    let log = std::fs::read_to_string(tmp.path().join("cleocps.log")).unwrap_or_default();
    assert!(log.contains("request failed"), "{log}");
    assert!(!log.contains("Some("), "{log}");
}

#[test]
fn config_set_refuses_ports_and_timeouts_that_cannot_work() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    let config = tmp.path().join("config.json");
    let set = |pairs: &[&str]| {
        let mut cmd = cleocps(tmp.path());
        cmd.arg("--workspace")
            .arg(&ws)
            .args(["--lang", "en", "--config"]);
        output(cmd.arg(&config).args(["config", "set"]).args(pairs))
    };
    let base = [
        "smtp.host",
        "127.0.0.1",
        "imap.host",
        "127.0.0.1",
        "imap.user",
        "u",
    ];
    assert!(set(&base).status.success());
    let saved = std::fs::read(&config).expect("config");
    for (key, value) in [
        ("smtp.port", "0"),
        ("smtp.port", "65536"),
        ("imap.port", "0"),
        ("smtp.timeout_s", "0"),
        ("imap.timeout_s", "0"),
    ] {
        let out = set(&[key, value]);
        assert_eq!(out.status.code(), Some(1), "{key} {value}: {out:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains(key),
            "{out:?}"
        );
        assert_eq!(
            std::fs::read(&config).expect("config"),
            saved,
            "{key} {value}"
        );
    }
    for (key, value) in [
        ("smtp.port", "1"),
        ("smtp.port", "65535"),
        ("smtp.timeout_s", "1"),
    ] {
        assert!(set(&[key, value]).status.success(), "{key} {value}");
    }
}

#[test]
fn the_log_is_never_written_through_a_planted_link() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    let victim = tmp.path().join("shadow3");
    std::fs::write(&victim, "root:$6$secret:19000::::::\n").expect("victim");
    std::os::unix::fs::symlink(&victim, log_of(&ws)).expect("link");
    // A failure is logged: here, nowhere.
    let out = cleo(&ws, &["request", "show", "F/none"]);
    assert_ne!(out.status.code(), Some(0));
    assert_eq!(
        std::fs::read(&victim).expect("victim"),
        b"root:$6$secret:19000::::::\n"
    );
}

#[test]
fn no_output_file_replaces_a_device_or_fifo() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    ok(&ws, &["folder", "create", "F"]);
    let fifo = tmp.path().join("metrics.fifo");
    tool_ok("mkfifo", &[&s(&fifo)]);
    let out = cleo(
        &ws,
        &["check", "--format", "prometheus", "--output", &s(&fifo)],
    );
    assert_eq!(out.status.code(), Some(3), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("not a regular file"),
        "{out:?}"
    );
    let kind = std::fs::symlink_metadata(&fifo).expect("fifo").file_type();
    assert!(std::os::unix::fs::FileTypeExt::is_fifo(&kind));
}
