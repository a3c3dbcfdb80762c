//! Test helpers: a throwaway openssl CA hierarchy (root → intermediate → leaf)
//! issuing a certificate for a key made in Rust. Tests fail if openssl is missing.

use super::csr::{build_csr, csr_pem, CsrSpec, SanEntry};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Runs a command, panics with its stderr when it fails; returns stdout.
pub(crate) fn run(cmd: &mut Command) -> String {
    let out = cmd.output().expect("command must be installed");
    assert!(
        out.status.success(),
        "{:?} failed: {}",
        cmd,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A 2048-bit key (what cleocps makes by default).
pub(crate) fn test_key() -> rsa::RsaPrivateKey {
    super::generate_key(super::KeySize::B2048).expect("key")
}

/// PEM files of a hierarchy made in `dir`.
pub(crate) struct TestPki {
    pub root: PathBuf,
    pub inter: PathBuf,
    pub leaf: PathBuf,
    /// A self-signed certificate unrelated to the others.
    pub stranger: PathBuf,
}

fn openssl(dir: &Path, args: &[&str]) -> String {
    run(Command::new("openssl").current_dir(dir).args(args))
}

/// Root and intermediate CAs, then a leaf for `key` (CN and SAN `fqdn`,
/// KU and EKU as IGC-Santé sets them) and a stranger certificate.
pub(crate) fn make_pki(dir: &Path, key: &rsa::RsaPrivateKey, fqdn: &str) -> TestPki {
    std::fs::write(
        dir.join("ext.cnf"),
        "[ca]\nbasicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n\
         [leaf]\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\n\
         extendedKeyUsage=serverAuth,clientAuth\n",
    )
    .expect("ext");
    for (name, subj) in [
        ("root", "/C=FR/O=Test/CN=Test Root"),
        ("stranger", "/C=FR/O=Other/CN=Stranger"),
    ] {
        openssl(
            dir,
            &[
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-sha256",
                "-days",
                "30",
                "-keyout",
                &format!("{name}.key"),
                "-out",
                &format!("{name}.crt"),
                "-subj",
                subj,
                "-addext",
                "basicConstraints=critical,CA:TRUE",
            ],
        );
    }
    openssl(
        dir,
        &[
            "req",
            "-new",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "inter.key",
            "-out",
            "inter.csr",
            "-subj",
            "/C=FR/O=Test/OU=IGC TEST/CN=Test Intermediate",
        ],
    );
    openssl(
        dir,
        &[
            "x509",
            "-req",
            "-in",
            "inter.csr",
            "-CA",
            "root.crt",
            "-CAkey",
            "root.key",
            "-CAcreateserial",
            "-days",
            "30",
            "-sha256",
            "-extfile",
            "ext.cnf",
            "-extensions",
            "ca",
            "-out",
            "inter.crt",
        ],
    );
    let spec = CsrSpec {
        c: Some("FR".into()),
        o: Some("Hôpital".into()),
        cn: fqdn.into(),
        san: vec![SanEntry::Dns(fqdn.into())],
        ..CsrSpec::default()
    };
    let csr = build_csr(key, &spec).expect("csr");
    std::fs::write(dir.join("leaf.csr"), csr_pem(&csr)).expect("csr");
    openssl(
        dir,
        &[
            "x509",
            "-req",
            "-in",
            "leaf.csr",
            "-CA",
            "inter.crt",
            "-CAkey",
            "inter.key",
            "-CAcreateserial",
            "-days",
            "30",
            "-sha256",
            "-copy_extensions",
            "copyall",
            "-extfile",
            "ext.cnf",
            "-extensions",
            "leaf",
            "-out",
            "leaf.crt",
        ],
    );
    TestPki {
        root: dir.join("root.crt"),
        inter: dir.join("inter.crt"),
        leaf: dir.join("leaf.crt"),
        stranger: dir.join("stranger.crt"),
    }
}
