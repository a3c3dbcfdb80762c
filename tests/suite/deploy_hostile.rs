//! `cleocps deploy` (DESIGN §4b) as an attacker and an unlucky operator
//! would use it: two deploys at once, one file named twice, targets in the
//! workspace, device nodes and FIFOs, signals during the check or the
//! reload, commands that never end or never stop writing, links planted by
//! another user, a planted `.lock` link. Every file checked with openssl.

use crate::support;

use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use support::process::{tool_ok, wait_until, Reaped};
use support::*;

fn s(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

fn read(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// A workspace with `F/R` and `F/R2`, each with an imported certificate.
fn two_certified(tmp: &Path) -> PathBuf {
    let ws = tmp.join("ws");
    let ca = TestCa::new(tmp);
    certified_request(&ws, tmp, &ca, "R", 30);
    certified_request(&ws, tmp, &ca, "R2", 30);
    ws
}

/// The public key of a certificate (the first of a PEM file) or of a key, as openssl prints it.
fn cert_pubkey(p: &Path) -> String {
    tool_ok("openssl", &["x509", "-noout", "-pubkey", "-in", &s(p)])
}

fn key_pubkey(p: &Path) -> String {
    tool_ok("openssl", &["pkey", "-pubout", "-in", &s(p)])
}

/// A deploy's leftovers in `dir`: anything but the targets and the previous files kept.
fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !["c.pem", "f.pem", "k.pem"].contains(&n.as_str()))
        .filter(|n| !n.ends_with(".cleocps-previous"))
        .collect()
}

/// `cleocps --workspace ws --lang en args`, started, not waited for.
fn start(ws: &Path, args: &[&str]) -> std::process::Child {
    cleocps(ws.parent().expect("parent"))
        .arg("--workspace")
        .arg(ws)
        .args(["--lang", "en"])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cleocps starts")
}

fn deploy_args<'a>(path: &'a str, targets: &'a [String]) -> Vec<&'a str> {
    let mut args = vec!["deploy", path, "--cert", &targets[0]];
    args.extend(["--fullchain", &targets[1], "--key", &targets[2]]);
    args
}

/// Processes whose command line holds `needle`.
fn processes_with(needle: &str) -> Vec<u32> {
    let mut out = Vec::new();
    for e in std::fs::read_dir("/proc").expect("/proc").flatten() {
        let Some(pid) = e.file_name().to_str().and_then(|p| p.parse::<u32>().ok()) else {
            continue;
        };
        let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
        if String::from_utf8_lossy(&cmdline).contains(needle) {
            out.push(pid);
        }
    }
    out
}

/// The last journal entry of `F/<name>`.
fn last_journal(ws: &Path, name: &str) -> String {
    let json: serde_json::Value =
        serde_json::from_slice(&read(&ws.join(format!("dossiers/F/{name}/request.json"))))
            .expect("json");
    let last = json["journal"].as_array().and_then(|j| j.last()).cloned();
    last.map(|e| e.to_string()).unwrap_or_default()
}

#[test]
fn twenty_concurrent_deploy_pairs_leave_matching_files_and_nothing_stray() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = two_certified(tmp.path());
    let mut mismatches = Vec::new();
    for pair in 0..20 {
        // Half the pairs into a directory holding the previous files, half into an empty one.
        let dir = tmp
            .path()
            .join(format!("tls{}", if pair % 2 == 0 { 0 } else { pair }));
        std::fs::create_dir_all(&dir).expect("dir");
        let targets: Vec<String> = ["c.pem", "f.pem", "k.pem"]
            .iter()
            .map(|n| s(&dir.join(n)))
            .collect();
        let a = start(&ws, &deploy_args("F/R", &targets));
        let b = start(&ws, &deploy_args("F/R2", &targets));
        for child in [a, b] {
            let out = child.wait_with_output().expect("wait");
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(out.status.success(), "pair {pair}: {err}");
        }
        let [c, f, k] = ["c.pem", "f.pem", "k.pem"].map(|n| dir.join(n));
        let fullchain_leaf = tool_ok("openssl", &["x509", "-in", &s(&f)]);
        let cert = tool_ok("openssl", &["x509", "-in", &s(&c)]);
        if cert_pubkey(&c) != key_pubkey(&k) || fullchain_leaf != cert {
            mismatches.push(pair);
        }
        assert!(
            leftovers(&dir).is_empty(),
            "pair {pair}: {:?}",
            leftovers(&dir)
        );
    }
    assert!(mismatches.is_empty(), "mismatched pairs: {mismatches:?}");
}

#[test]
fn one_file_named_twice_is_refused_before_anything_is_written() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = two_certified(tmp.path());
    let d = tmp.path().join("d");
    std::fs::create_dir_all(d.join("sub")).expect("dir");
    std::os::unix::fs::symlink(&d, tmp.path().join("d2link")).expect("link");
    let a = d.join("a.pem");
    std::fs::write(&a, "the service's own certificate\n").expect("a.pem");
    std::fs::hard_link(&a, d.join("hard.pem")).expect("hard link");
    let other_spellings = [
        tmp.path().join("d2link/a.pem"),
        d.join("sub/../a.pem"),
        d.join("hard.pem"),
    ];
    for twice in &other_spellings {
        let said = refused(
            &ws,
            &["deploy", "F/R", "--fullchain", &s(&a), "--key", &s(twice)],
        );
        assert!(said.contains("given for two files"), "{said}");
        assert_eq!(read(&a), b"the service's own certificate\n");
        let journal = last_journal(&ws, "R");
        assert!(journal.contains("refused, nothing written"), "{journal}");
    }
    let mut names: Vec<_> = std::fs::read_dir(&d)
        .expect("ls")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["a.pem", "hard.pem", "sub"]);
}

#[test]
fn the_workspace_files_are_never_targets_of_deploy_or_check_output() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = two_certified(tmp.path());
    let key = ws.join("dossiers/F/R/R.key");
    let before = read(&key);
    for flag in ["--cert", "--key", "--chain"] {
        let said = refused(&ws, &["deploy", "F/R", flag, &s(&key)]);
        assert!(said.contains("inside cleocps's workspace"), "{said}");
    }
    // The same file through a link to the workspace's directory.
    std::os::unix::fs::symlink(ws.join("dossiers/F/R"), tmp.path().join("wslink")).expect("ln");
    refused(
        &ws,
        &[
            "deploy",
            "F/R",
            "--cert",
            &s(&tmp.path().join("wslink/R.key")),
        ],
    );
    let out = cleo(
        &ws,
        &["check", "--format", "prometheus", "--output", &s(&key)],
    );
    assert_eq!(out.status.code(), Some(3), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("inside cleocps's workspace"));
    assert_eq!(read(&key), before);
    tool_ok("openssl", &["pkey", "-noout", "-in", &s(&key)]);
}

#[test]
fn device_nodes_and_fifos_are_never_replaced() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = two_certified(tmp.path());
    let fifo = tmp.path().join("fifo");
    tool_ok("mkfifo", &[&s(&fifo)]);
    let mut specials = vec![fifo];
    if tool_ok("id", &["-u"]).trim() == "0" {
        // A copy of /dev/null: replacing it is what `--chain /dev/null` would do to the system's.
        let null = tmp.path().join("null");
        tool_ok("mknod", &[&s(&null), "c", "1", "3"]);
        specials.push(null);
    }
    for special in &specials {
        let said = refused(&ws, &["deploy", "F/R", "--chain", &s(special)]);
        assert!(said.contains("not a regular file"), "{said}");
        let kind = std::fs::symlink_metadata(special)
            .expect("still there")
            .file_type();
        assert!(
            kind.is_fifo() || kind.is_char_device(),
            "{special:?} replaced"
        );
    }
}

/// `F/R` deployed into `dir` (c, f, k); returns the targets.
fn deployed(ws: &Path, dir: &Path) -> Vec<String> {
    std::fs::create_dir_all(dir).expect("dir");
    let targets: Vec<String> = ["c.pem", "f.pem", "k.pem"]
        .iter()
        .map(|n| s(&dir.join(n)))
        .collect();
    ok(ws, &deploy_args("F/R", &targets));
    targets
}

fn contents(targets: &[String]) -> Vec<Vec<u8>> {
    targets.iter().map(|t| read(Path::new(t))).collect()
}

#[test]
fn a_signal_during_the_check_restores_the_previous_files_and_is_journaled() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = two_certified(tmp.path());
    let dir = tmp.path().join("tls");
    let targets = deployed(&ws, &dir);
    let before = contents(&targets);
    for (signal, code) in [("TERM", 143), ("INT", 130), ("HUP", 129)] {
        let mark = tmp.path().join(format!("checking-{signal}"));
        // A duration no other process has: its survivors are found by it.
        let sleep = format!("sleep 5.{code}");
        let check = format!("touch '{}'; {sleep}", mark.display());
        let mut args = deploy_args("F/R2", &targets);
        args.extend(["--check", &check]);
        let child = start(&ws, &args);
        wait_until(20, "the check to start", || mark.exists().then_some(()));
        tool_ok("kill", &[&format!("-{signal}"), &child.id().to_string()]);
        let started = Instant::now();
        let out = child.wait_with_output().expect("wait");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(code), "SIG{signal}: {err}");
        assert!(
            started.elapsed() < Duration::from_secs(4),
            "SIG{signal}: waited for the check"
        );
        assert!(err.contains("interrupted"), "{err}");
        assert_eq!(
            contents(&targets),
            before,
            "SIG{signal}: previous files not back"
        );
        assert!(leftovers(&dir).is_empty(), "{:?}", leftovers(&dir));
        let journal = last_journal(&ws, "R2");
        assert!(
            journal.contains(&format!("interrupted by SIG{signal} during the check"))
                && journal.contains("previous files restored"),
            "{journal}"
        );
        // Killed with its group: gone once the kernel has reaped it.
        wait_until(5, "the check's sleep to be gone", || {
            processes_with(&sleep).is_empty().then_some(())
        });
    }
    // A reload that signals cleocps itself: back to the previous files, reloaded with them.
    let mut args = deploy_args("F/R2", &targets);
    args.extend(["--reload", "kill -TERM $PPID"]);
    let out = cleo(&ws, &args);
    assert_eq!(out.status.code(), Some(143), "{out:?}");
    assert_eq!(contents(&targets), before);
    let journal = last_journal(&ws, "R2");
    assert!(
        journal.contains("interrupted by SIGTERM during the reload"),
        "{journal}"
    );
}

#[test]
fn check_and_reload_are_bounded_in_time_and_output() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = two_certified(tmp.path());
    let dir = tmp.path().join("tls");
    let targets = deployed(&ws, &dir);
    let before = contents(&targets);

    // A check that never ends is killed, with what it started, at the timeout.
    let mut args = deploy_args("F/R2", &targets);
    args.extend([
        "--check",
        "sleep 1000.5 & sleep 1000",
        "--command-timeout",
        "2",
    ]);
    let started = Instant::now();
    let out = cleo(&ws, &args);
    let took = started.elapsed();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(took < Duration::from_secs(15), "took {took:?}");
    assert!(err.contains("timed out after 2 s"), "{err}");
    assert!(last_journal(&ws, "R2").contains("check timed out after 2 s"));
    assert_eq!(contents(&targets), before);
    wait_until(5, "the check's sleeps to be gone", || {
        processes_with("sleep 1000.5").is_empty().then_some(())
    });

    // A reload that starts a daemon keeping the output open does not hold deploy.
    let daemon = "sleep 15.25";
    let reload = format!("{daemon} & echo started");
    let mut args = deploy_args("F/R2", &targets);
    args.extend(["--reload", &reload]);
    let started = Instant::now();
    let said = ok(&ws, &args);
    let took = started.elapsed();
    assert!(took < Duration::from_secs(5), "took {took:?}");
    assert!(said.contains("started"), "{said}");
    for pid in processes_with(daemon) {
        let _ = Command::new("kill").arg(pid.to_string()).status();
    }

    // A check that writes without end: cleocps's memory stays bounded.
    let mut args = deploy_args("F/R", &targets);
    args.extend(["--check", "yes", "--command-timeout", "3"]);
    let child = Reaped::spawn(
        cleocps(tmp.path())
            .arg("--workspace")
            .arg(&ws)
            .args(["--lang", "en"])
            .args(&args)
            .stdout(Stdio::null())
            .stderr(Stdio::null()),
    );
    let mut peak_kb = 0u64;
    let pid = child.id();
    while support::process::alive(pid) {
        peak_kb = peak_kb.max(vm_hwm_kb(pid).unwrap_or(0));
        assert!(peak_kb < 100 * 1024, "cleocps reached {peak_kb} kB");
        std::thread::sleep(Duration::from_millis(50));
    }
    drop(child);
    assert!(peak_kb > 0, "memory never read");
    assert!(last_journal(&ws, "R").contains("check timed out after 3 s"));
}

/// Peak resident memory of a process, in kB.
fn vm_hwm_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// A real user, removed on drop, for links planted by someone else.
struct ThrowawayUser(String);

impl ThrowawayUser {
    fn create() -> ThrowawayUser {
        let name = format!("cleo{}", std::process::id());
        tool_ok(
            "useradd",
            &["--no-create-home", "--shell", "/bin/false", &name],
        );
        ThrowawayUser(name)
    }
}

impl Drop for ThrowawayUser {
    fn drop(&mut self) {
        let _ = Command::new("userdel").arg(&self.0).status();
    }
}

#[test]
fn follow_symlinks_refuses_a_link_planted_by_another_user() {
    if tool_ok("id", &["-u"]).trim() != "0" {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI runs this test as root (it creates a user)"
        );
        eprintln!("skipped: creating the other user needs root");
        return;
    }
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = two_certified(tmp.path());
    let mallory = ThrowawayUser::create();
    let owner = format!("{0}:{0}", mallory.0);
    // The service's directory, writable by mallory.
    let dir = tmp.path().join("web");
    std::fs::create_dir(&dir).expect("dir");
    tool_ok("chown", &[&owner, &s(&dir)]);
    // A copy of /etc/shadow, root's, 0600.
    let shadow = tmp.path().join("shadow-copy");
    std::fs::write(&shadow, "root:$6$secret:19000::::::\n").expect("shadow");
    std::fs::set_permissions(&shadow, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    let link = dir.join("web.key");
    std::os::unix::fs::symlink(&shadow, &link).expect("link");
    tool_ok("chown", &["-h", &owner, &s(&link)]);
    let said = refused(
        &ws,
        &[
            "deploy",
            "F/R",
            "--key",
            &s(&link),
            "--owner",
            &owner,
            "--follow-symlinks",
        ],
    );
    assert!(said.contains("neither root nor you"), "{said}");
    assert_eq!(read(&shadow), b"root:$6$secret:19000::::::\n");
    assert_eq!(tool_ok("stat", &["-c", "%U", &s(&shadow)]).trim(), "root");
    // A link of root's own is followed.
    let root_link = tmp.path().join("svc-link.key");
    let real = tmp.path().join("svc-real.key");
    std::os::unix::fs::symlink(&real, &root_link).expect("link");
    ok(
        &ws,
        &[
            "deploy",
            "F/R",
            "--key",
            &s(&root_link),
            "--follow-symlinks",
        ],
    );
    tool_ok("openssl", &["pkey", "-noout", "-in", &s(&real)]);
}

#[test]
fn the_workspace_lock_never_follows_a_link() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    ok(&ws, &["folder", "create", "F"]);
    let victim = tmp.path().join("shadow2");
    std::fs::write(&victim, "root:$6$secret:19000::::::\n").expect("victim");
    let lock = ws.join(".lock");
    let _ = std::fs::remove_file(&lock);
    std::os::unix::fs::symlink(&victim, &lock).expect("link");
    let said = refused(&ws, &["folder", "create", "G"]);
    assert!(said.contains("is a symbolic link or not a file"), "{said}");
    assert_eq!(read(&victim), b"root:$6$secret:19000::::::\n");
    assert!(std::fs::symlink_metadata(&lock)
        .expect("lock")
        .file_type()
        .is_symlink());
}

#[test]
fn key_modes_for_others_are_refused_and_numeric_owners_said() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = two_certified(tmp.path());
    let key = tmp.path().join("k.pem");
    for mode in ["0777", "0604", "0644"] {
        let said = refused(
            &ws,
            &["deploy", "F/R", "--key", &s(&key), "--key-mode", mode],
        );
        assert!(said.contains("gives every user rights"), "{said}");
        assert!(!key.exists());
    }
    if tool_ok("id", &["-u"]).trim() != "0" {
        eprintln!("skipped: giving a file away needs root");
        return;
    }
    let said = ok(
        &ws,
        &[
            "deploy",
            "F/R",
            "--key",
            &s(&key),
            "--key-mode",
            "0640",
            "--owner",
            "99999:99999",
        ],
    );
    assert!(said.contains("given as numeric ids"), "{said}");
    assert_eq!(
        tool_ok("stat", &["-c", "%a %u %g", &s(&key)]).trim(),
        "640 99999 99999"
    );
}

#[test]
fn a_reload_that_fails_twice_is_journaled_as_such() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = two_certified(tmp.path());
    let dir = tmp.path().join("tls");
    let targets = deployed(&ws, &dir);
    let before = contents(&targets);
    let mut args = deploy_args("F/R2", &targets);
    args.extend(["--reload", "echo 'service down' >&2; exit 1"]);
    let out = cleo(&ws, &args);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("reloading again failed too"), "{err}");
    assert_eq!(contents(&targets), before);
    let journal = last_journal(&ws, "R2");
    assert!(
        journal.contains("reload failed, previous files restored, reload failed again"),
        "{journal}"
    );
}
