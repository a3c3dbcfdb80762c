//! `cleocps --version` names the git revision when built from a checkout
//! ("0.1.0 (d1b5cb9)"), the plain version otherwise (a source tarball, no git).

use std::path::Path;
use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    let text = text.trim();
    (out.status.success() && !text.is_empty()).then(|| text.to_string())
}

fn main() {
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    let full = match git(&["rev-parse", "--short", "HEAD"]) {
        Some(rev) => format!("{version} ({rev})"),
        None => version,
    };
    println!("cargo:rustc-env=CLEOCPS_VERSION={full}");
    println!("cargo:rerun-if-changed=build.rs");
    // Built again when HEAD moves: a commit, a checkout. Only files that
    // exist are named, or cargo would run this script on every build.
    let head_ref = git(&["symbolic-ref", "-q", "HEAD"]);
    for name in ["HEAD", "packed-refs"]
        .into_iter()
        .map(str::to_string)
        .chain(head_ref)
    {
        if let Some(path) = git(&["rev-parse", "--git-path", &name]) {
            if Path::new(&path).exists() {
                println!("cargo:rerun-if-changed={path}");
            }
        }
    }
}
