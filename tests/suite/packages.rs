//! The packages an administrator installs (DESIGN §12): the `.deb` holds the
//! binary, man page, completions, units and README, installs and removes
//! cleanly with dpkg on a throwaway root (its own dpkg database, nothing of
//! this machine touched), and what it installed runs; the `.rpm` lists the
//! same files.

use crate::support;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use support::packages::built;
use support::{output, run_text, tool_ok};

/// Every file both packages install.
const FILES: &[&str] = &[
    "/usr/bin/cleocps",
    "/usr/share/man/man1/cleocps.1.gz",
    "/usr/share/bash-completion/completions/cleocps",
    "/usr/share/fish/vendor_completions.d/cleocps.fish",
    "/usr/lib/systemd/system/cleocps-check.service",
    "/usr/lib/systemd/system/cleocps-check.timer",
    "/usr/share/doc/cleocps/README.md",
];

#[test]
fn the_deb_lists_the_binary_the_man_page_and_the_completions() {
    let listing = tool_ok("dpkg-deb", &["-c", &built().deb.to_string_lossy()]);
    let files: BTreeSet<String> = listing
        .lines()
        .filter(|l| !l.starts_with('d'))
        .filter_map(|l| l.split_whitespace().last())
        .map(|p| p.trim_start_matches('.').to_string())
        .collect();
    for f in FILES
        .iter()
        .chain(&["/usr/share/zsh/vendor-completions/_cleocps"])
    {
        assert!(files.contains(*f), "{f} not in the .deb:\n{listing}");
    }
    let depends = tool_ok(
        "dpkg-deb",
        &["-f", &built().deb.to_string_lossy(), "Depends"],
    );
    assert!(depends.contains("libc6"), "Depends: {depends}");
}

#[test]
fn the_deb_installs_runs_and_removes_cleanly_on_a_throwaway_root() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path();
    throwaway_root(root, &built().deb);
    dpkg(root, &["-i", &built().deb.to_string_lossy()]);

    let bin = root.join("usr/bin/cleocps");
    let version = run_text(Command::new(&bin).arg("--version"));
    assert!(
        version.starts_with(&format!("cleocps {}", env!("CARGO_PKG_VERSION"))),
        "{version}"
    );
    let page = run_text(
        Command::new("man")
            .args(["-P", "cat", "cleocps"])
            .env("MANPATH", root.join("usr/share/man"))
            .env("MANWIDTH", "80"),
    );
    assert!(
        page.contains("SYNOPSIS") && page.contains("cleocps"),
        "{page}"
    );
    // The completion is a script bash loads, for the command installed.
    let complete = run_text(Command::new("bash").arg("-c").arg(format!(
        "source {} && complete -p cleocps",
        root.join("usr/share/bash-completion/completions/cleocps")
            .display()
    )));
    assert!(complete.contains("cleocps"), "{complete}");
    // The units start the binary where the package put it.
    let service =
        std::fs::read_to_string(root.join("usr/lib/systemd/system/cleocps-check.service"))
            .expect("service unit");
    assert!(
        service.contains("ExecStart=/usr/bin/cleocps check"),
        "{service}"
    );

    dpkg(root, &["--purge", "cleocps"]);
    let left = files_under(root, &root.join("var"));
    assert!(left.is_empty(), "left after removal: {left:?}");
    let status = output(
        Command::new("dpkg-query")
            .arg(format!(
                "--admindir={}",
                root.join("var/lib/dpkg").display()
            ))
            .args(["-W", "cleocps"]),
    );
    assert!(!status.status.success(), "cleocps still known to dpkg");
}

#[test]
fn the_rpm_lists_the_same_files() {
    let rpm = built().rpm.to_string_lossy().into_owned();
    let listed: BTreeSet<String> = tool_ok("rpm", &["-qpl", &rpm])
        .lines()
        .map(str::to_string)
        .collect();
    let mut expected: BTreeSet<String> = FILES.iter().map(|f| f.to_string()).collect();
    expected.insert("/usr/share/zsh/site-functions/_cleocps".into());
    assert_eq!(listed, expected);
    let name = tool_ok("rpm", &["-qp", "--queryformat", "%{NAME} %{VERSION}", &rpm]);
    assert_eq!(name, format!("cleocps {}", env!("CARGO_PKG_VERSION")));
}

/// A root dpkg can install into: its own database, holding only the
/// packages the `.deb` depends on, as this machine has them (so dpkg
/// accepts the dependencies; their files are not needed to unpack).
fn throwaway_root(root: &Path, deb: &Path) {
    let admin = root.join("var/lib/dpkg");
    for d in ["info", "updates", "triggers"] {
        std::fs::create_dir_all(admin.join(d)).expect("dpkg dirs");
    }
    std::fs::create_dir_all(root.join("var/log")).expect("log dir");
    let depends = tool_ok("dpkg-deb", &["-f", &deb.to_string_lossy(), "Depends"]);
    let mut status = String::new();
    for dep in depends.split(',').filter(|d| !d.trim().is_empty()) {
        let name = dep.split(['(', '|']).next().unwrap_or("").trim();
        status.push_str(&tool_ok("dpkg-query", &["-s", name]));
        status.push('\n');
        // Its file list, empty: none of its files is in this root.
        let listed = tool_ok("dpkg-query", &["-W", "-f", "${binary:Package}", name]);
        std::fs::write(admin.join(format!("info/{listed}.list")), "").expect("list");
    }
    std::fs::write(admin.join("status"), status).expect("status");
    std::fs::write(admin.join("available"), "").expect("available");
}

fn dpkg(root: &Path, args: &[&str]) {
    let out = output(
        Command::new("dpkg")
            .arg(format!("--root={}", root.display()))
            .arg(format!("--log={}", root.join("var/log/dpkg.log").display()))
            .args(args),
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "dpkg {args:?}: {err}");
    assert!(!err.contains("warning"), "dpkg {args:?} warned: {err}");
}

/// Regular files under `dir`, except inside `skip`.
fn files_under(dir: &Path, skip: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read_dir").flatten() {
        let path = entry.path();
        if path == skip {
            continue;
        }
        if path.is_dir() {
            found.extend(files_under(&path, skip));
        } else {
            found.push(path);
        }
    }
    found
}
