//! Shared test helpers: run the real binary, make a throwaway openssl CA,
//! and check files with the openssl CLI (never skipped: a missing tool fails).
#![allow(dead_code)]

pub mod mail;
pub mod services;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs `cleocps --workspace <ws> --lang en <args>` with no terminal.
pub fn cleo(ws: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cleocps"))
        .arg("--workspace")
        .arg(ws)
        .args(["--lang", "en"])
        .args(args)
        .env_remove("CLEOCPS_HOME")
        .env_remove("CLEOCPS_CONFIG")
        .env("XDG_CONFIG_HOME", "/nonexistent-cleocps-test")
        .env("CLEOCPS_LOG_FILE", log_of(ws))
        .env("LANG", "C")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run cleocps")
}

/// The log file the tests give to cleocps: beside the workspace.
pub fn log_of(ws: &Path) -> PathBuf {
    parent(ws).join("cleocps.log")
}

fn parent(p: &Path) -> &Path {
    p.parent().unwrap_or(Path::new("/tmp"))
}

/// Like [`cleo`], asserting success; returns stdout.
pub fn ok(ws: &Path, args: &[&str]) -> String {
    let out = cleo(ws, args);
    assert!(
        out.status.success(),
        "cleocps {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Asserts exit code 1 with exactly one line on stderr; returns that line.
pub fn refused(ws: &Path, args: &[&str]) -> String {
    let out = cleo(ws, args);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(
        out.status.code(),
        Some(1),
        "cleocps {args:?} should be refused; stderr: {err}"
    );
    assert_eq!(
        err.trim_end().lines().count(),
        1,
        "one line expected: {err}"
    );
    err
}

/// Runs openssl (or another tool) and returns its output; panics if it can't start.
pub fn tool(cmd: &str, args: &[&str]) -> Output {
    Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{cmd} is needed by the tests: {e}"))
}

pub fn tool_ok(cmd: &str, args: &[&str]) -> String {
    let out = tool(cmd, args);
    assert!(
        out.status.success(),
        "{cmd} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A throwaway CA: a root and an intermediate, in `dir`.
pub struct TestCa {
    pub dir: PathBuf,
    pub root: PathBuf,
    pub inter: PathBuf,
    inter_key: PathBuf,
}

impl TestCa {
    pub fn new(dir: &Path) -> TestCa {
        let p = |n: &str| dir.join(n).to_string_lossy().into_owned();
        std::fs::write(
            dir.join("ca.ext"),
            "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n",
        )
        .expect("ext");
        tool_ok(
            "openssl",
            &[
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                &p("root.key"),
                "-out",
                &p("root.crt"),
                "-subj",
                "/C=FR/O=TEST/CN=TEST AC RACINE",
                "-days",
                "60",
            ],
        );
        tool_ok(
            "openssl",
            &[
                "req",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                &p("inter.key"),
                "-out",
                &p("inter.csr"),
                "-subj",
                "/C=FR/O=TEST/CN=TEST AC ORGANISATIONS",
            ],
        );
        tool_ok(
            "openssl",
            &[
                "x509",
                "-req",
                "-in",
                &p("inter.csr"),
                "-CA",
                &p("root.crt"),
                "-CAkey",
                &p("root.key"),
                "-CAcreateserial",
                "-days",
                "50",
                "-extfile",
                &p("ca.ext"),
                "-out",
                &p("inter.crt"),
            ],
        );
        TestCa {
            dir: dir.to_path_buf(),
            root: dir.join("root.crt"),
            inter: dir.join("inter.crt"),
            inter_key: dir.join("inter.key"),
        }
    }

    /// Issues a certificate for `csr` with the server profile; returns its path.
    pub fn issue(&self, csr: &Path, name: &str, eku: &str) -> PathBuf {
        let ext = self.dir.join(format!("{name}.ext"));
        std::fs::write(
            &ext,
            format!("keyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage={eku}\n"),
        )
        .expect("ext");
        let out = self.dir.join(format!("{name}.crt"));
        tool_ok(
            "openssl",
            &[
                "x509",
                "-req",
                "-in",
                &csr.to_string_lossy(),
                "-CA",
                &self.inter.to_string_lossy(),
                "-CAkey",
                &self.inter_key.to_string_lossy(),
                "-CAcreateserial",
                "-days",
                "30",
                "-copy_extensions",
                "copyall",
                "-extfile",
                &ext.to_string_lossy(),
                "-out",
                &out.to_string_lossy(),
            ],
        );
        out
    }

    /// The answer as the registration server sends it: a DER `.p7c` with
    /// leaf, intermediate and root (in a scrambled order, as real ones may be).
    pub fn p7c(&self, leaf: &Path, out: &Path, pem: bool) -> PathBuf {
        tool_ok(
            "openssl",
            &[
                "crl2pkcs7",
                "-nocrl",
                "-certfile",
                &self.root.to_string_lossy(),
                "-certfile",
                &leaf.to_string_lossy(),
                "-certfile",
                &self.inter.to_string_lossy(),
                "-outform",
                if pem { "PEM" } else { "DER" },
                "-out",
                &out.to_string_lossy(),
            ],
        );
        out.to_path_buf()
    }
}

/// Writes a one-line secret file.
pub fn secret_file(dir: &Path, name: &str, value: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, format!("{value}\n")).expect("secret file");
    p
}

/// Every file under `dir` with its content, to prove a command wrote nothing.
pub fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        if let Ok(rd) = std::fs::read_dir(&d) {
            for e in rd.flatten() {
                let p = e.path();
                if p.file_name().is_some_and(|n| n == ".lock") {
                    continue;
                }
                if p.is_dir() {
                    stack.push(p);
                } else {
                    out.push((p.clone(), std::fs::read(&p).unwrap_or_default()));
                }
            }
        }
    }
    out.sort();
    out
}
pub mod ra;
pub mod softhsm;
pub mod sshd;
pub mod tmux;
pub mod tui;

/// Opens a request `.p7m` as the registration server would, with the openssl
/// CLI: `cms -decrypt` with its key, then `cms -verify` against the card CA.
/// Returns the content and the path of the signer's certificate (PEM).
pub fn open_p7m(
    p7m: &Path,
    ra_crt: &Path,
    ra_key: &Path,
    card_ca: &Path,
    work: &Path,
) -> (Vec<u8>, PathBuf) {
    let (signed, content, signer) = (
        work.join("signed.der"),
        work.join("content.der"),
        work.join("signer.pem"),
    );
    let s = |p: &Path| p.to_string_lossy().into_owned();
    tool_ok(
        "openssl",
        &[
            "cms",
            "-decrypt",
            "-inform",
            "DER",
            "-in",
            &s(p7m),
            "-recip",
            &s(ra_crt),
            "-inkey",
            &s(ra_key),
            "-out",
            &s(&signed),
        ],
    );
    tool_ok(
        "openssl",
        &[
            "cms",
            "-verify",
            "-inform",
            "DER",
            "-in",
            &s(&signed),
            "-CAfile",
            &s(card_ca),
            "-binary",
            "-out",
            &s(&content),
            "-signer",
            &s(&signer),
        ],
    );
    (std::fs::read(&content).expect("content"), signer)
}

/// The SHA-256 fingerprint of a PEM certificate, as openssl prints it.
pub fn fingerprint(cert: &Path) -> String {
    tool_ok(
        "openssl",
        &[
            "x509",
            "-in",
            &cert.to_string_lossy(),
            "-noout",
            "-fingerprint",
            "-sha256",
        ],
    )
}
