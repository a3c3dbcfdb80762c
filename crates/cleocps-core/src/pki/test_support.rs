//! Test helpers: throwaway openssl CA hierarchies (root → intermediate →
//! leaf) issuing certificates for keys made in Rust, with the extensions a
//! test chooses. Tests fail if openssl is missing.

use super::csr::{build_csr, csr_pem, CsrSpec, SanEntry};
use std::path::{Path, PathBuf};
use std::process::Command;
use x509_cert::Certificate;

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

pub(crate) fn read(p: &Path) -> Vec<u8> {
    std::fs::read(p).expect("read")
}

pub(crate) fn cert(p: &Path) -> Certificate {
    super::cert_from_pem_or_der(&read(p)).expect("cert")
}

/// Extensions of a CA, and of a server certificate as IGC-Santé makes it.
pub(crate) const CA_EXT: &str =
    "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n";
pub(crate) const LEAF_EXT: &str = "basicConstraints=CA:FALSE\n\
    keyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth,clientAuth\n";

fn openssl(dir: &Path, args: &[&str]) -> String {
    run(Command::new("openssl").current_dir(dir).args(args))
}

/// `<name>.cnf`: exactly the extensions `ext`, nothing from openssl's defaults.
fn ext_file(dir: &Path, name: &str, ext: &str) -> String {
    let file = format!("{name}.cnf");
    std::fs::write(
        dir.join(&file),
        format!("[req]\ndistinguished_name=dn\n[dn]\n[x]\n{ext}"),
    )
    .expect("ext");
    file
}

/// `<name>.crt` self-signed with a new `<name>.key`, extensions `ext`.
pub(crate) fn root(dir: &Path, name: &str, subj: &str, ext: &str, days: u32) -> PathBuf {
    let cnf = ext_file(dir, name, ext);
    let (key, crt, days) = (
        format!("{name}.key"),
        format!("{name}.crt"),
        days.to_string(),
    );
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
            &days,
            "-subj",
            subj,
            "-config",
            &cnf,
            "-extensions",
            "x",
            "-keyout",
            &key,
            "-out",
            &crt,
        ],
    );
    dir.join(crt)
}

/// Signs `<name>.csr` as `<issuer>` into `<name>.crt`; `copy`: keep the CSR's extensions.
pub(crate) fn sign(
    dir: &Path,
    name: &str,
    issuer: &str,
    ext: &str,
    days: u32,
    copy: bool,
) -> PathBuf {
    let cnf = ext_file(dir, name, ext);
    let (csr, crt, days) = (
        format!("{name}.csr"),
        format!("{name}.crt"),
        days.to_string(),
    );
    let (ca, ca_key) = (format!("{issuer}.crt"), format!("{issuer}.key"));
    let mut args = vec![
        "x509",
        "-req",
        "-in",
        &csr,
        "-CA",
        &ca,
        "-CAkey",
        &ca_key,
        "-CAcreateserial",
        "-days",
        &days,
        "-sha256",
        "-extfile",
        &cnf,
        "-extensions",
        "x",
        "-out",
        &crt,
    ];
    if copy {
        args.extend(["-copy_extensions", "copyall"]);
    }
    openssl(dir, &args);
    dir.join(crt)
}

/// `<name>.crt` for a new `<name>.key`, issued by `<issuer>.crt`.
pub(crate) fn ca(
    dir: &Path,
    name: &str,
    subj: &str,
    issuer: &str,
    ext: &str,
    days: u32,
) -> PathBuf {
    let (key, csr) = (format!("{name}.key"), format!("{name}.csr"));
    openssl(
        dir,
        &[
            "req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", &key, "-out", &csr, "-subj",
            subj,
        ],
    );
    sign(dir, name, issuer, ext, days, false)
}

/// `<name>.crt` for `key` (CN and SAN `fqdn`), issued by `<issuer>.crt`.
pub(crate) fn leaf(
    dir: &Path,
    name: &str,
    key: &rsa::RsaPrivateKey,
    fqdn: &str,
    issuer: &str,
    ext: &str,
    days: u32,
) -> PathBuf {
    let spec = CsrSpec {
        c: Some("FR".into()),
        o: Some("Hôpital".into()),
        cn: fqdn.into(),
        san: vec![SanEntry::Dns(fqdn.into())],
        ..CsrSpec::default()
    };
    let csr = build_csr(key, &spec).expect("csr");
    std::fs::write(dir.join(format!("{name}.csr")), csr_pem(&csr)).expect("csr");
    sign(dir, name, issuer, ext, days, true)
}

/// PEM files of a hierarchy made in `dir`.
pub(crate) struct TestPki {
    pub root: PathBuf,
    pub inter: PathBuf,
    pub leaf: PathBuf,
    /// A self-signed certificate unrelated to the others.
    pub stranger: PathBuf,
}

/// Root and intermediate CAs, then a leaf for `key` (CN and SAN `fqdn`,
/// KU and EKU as IGC-Santé sets them) and a stranger certificate.
pub(crate) fn make_pki(dir: &Path, key: &rsa::RsaPrivateKey, fqdn: &str) -> TestPki {
    TestPki {
        root: root(dir, "root", "/C=FR/O=Test/CN=Test Root", CA_EXT, 30),
        stranger: root(dir, "stranger", "/C=FR/O=Other/CN=Stranger", CA_EXT, 30),
        inter: ca(
            dir,
            "inter",
            "/C=FR/O=Test/OU=IGC TEST/CN=Test Intermediate",
            "root",
            CA_EXT,
            30,
        ),
        leaf: leaf(dir, "leaf", key, fqdn, "inter", LEAF_EXT, 30),
    }
}

/// `.p7c` of `files` made by openssl, DER and PEM.
pub(crate) fn p7c(dir: &Path, files: &[&Path]) -> (Vec<u8>, Vec<u8>) {
    let mut out = Vec::new();
    for form in ["DER", "PEM"] {
        let path = dir.join(format!("answer.{form}"));
        let mut cmd = Command::new("openssl");
        cmd.args(["crl2pkcs7", "-nocrl", "-outform", form, "-out"])
            .arg(&path);
        for f in files {
            cmd.arg("-certfile").arg(f);
        }
        run(&mut cmd);
        out.push(read(&path));
    }
    let pem = out.pop().expect("pem");
    (out.pop().expect("der"), pem)
}
