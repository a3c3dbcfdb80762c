//! Test fixtures for the card: a throwaway "card CA" and registration server
//! made with the openssl CLI, and a SoftHSM2 token shaped like a CPS4 card
//! (`CPS_PRIV_SIG` id 01 + signature certificate, `CPS_PRIV_AUT` id 02 +
//! authentication certificate). A missing tool fails the test, never skips it.
//!
//! `SOFTHSM2_CONF` is process-wide: tests using it live in one binary
//! (`tests/card_softhsm.rs`) and take [`lock`] first; the variable is set
//! for the test process just before the module is loaded.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Mutex, MutexGuard};

pub const MODULE: &str = "/usr/lib/softhsm/libsofthsm2.so";
pub const LABEL: &str = "CPS4v1-TEST0001";
pub const PIN: &str = "1234";
pub const SO_PIN: &str = "12345678";
pub const HOLDER_SUBJECT: &str = "/CN=810001234567+SN=DUPONT+GN=JEAN";

static LOCK: Mutex<()> = Mutex::new(());

/// Serialises the tests that touch `SOFTHSM2_CONF`.
pub fn lock() -> MutexGuard<'static, ()> {
    LOCK.lock().unwrap_or_else(|e| e.into_inner())
}

/// Runs a command, panicking with its stderr (or a clear "install X") on failure.
pub fn run(cmd: &mut Command) -> Vec<u8> {
    let prog = cmd.get_program().to_string_lossy().into_owned();
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("cannot run {prog} ({e}): install it (see TESTENV.md)"));
    assert!(
        out.status.success(),
        "{prog} {:?} failed: {}",
        cmd.get_args().collect::<Vec<_>>(),
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

pub fn openssl() -> Command {
    Command::new("openssl")
}

/// A key and certificate made by openssl: `<name>.key` (clear PKCS#8 PEM), `<name>.crt` (PEM).
#[derive(Clone, Debug)]
pub struct Issued {
    pub key: PathBuf,
    pub crt: PathBuf,
}

impl Issued {
    pub fn cert_pem(&self) -> String {
        std::fs::read_to_string(&self.crt).expect("read crt")
    }
    pub fn key_pem(&self) -> String {
        std::fs::read_to_string(&self.key).expect("read key")
    }
    pub fn cert(&self) -> x509_cert::Certificate {
        use der::DecodePem;
        x509_cert::Certificate::from_pem(self.cert_pem().as_bytes()).expect("parse crt")
    }
    pub fn der(&self, dir: &Path) -> PathBuf {
        let out = dir.join(format!(
            "{}.der",
            self.crt.file_stem().expect("stem").to_string_lossy()
        ));
        run(openssl()
            .args(["x509", "-outform", "DER", "-in"])
            .arg(&self.crt)
            .arg("-out")
            .arg(&out));
        out
    }
}

/// A self-signed CA.
pub fn make_ca(dir: &Path, name: &str, subject: &str) -> Issued {
    let key = dir.join(format!("{name}.key"));
    let crt = dir.join(format!("{name}.crt"));
    run(openssl()
        .args([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30",
        ])
        .args(["-subj", subject, "-keyout"])
        .arg(&key)
        .arg("-out")
        .arg(&crt)
        .args(["-addext", "basicConstraints=critical,CA:TRUE"])
        .args(["-addext", "keyUsage=critical,keyCertSign,cRLSign"]));
    Issued { key, crt }
}

/// A leaf issued by `ca` with the given `keyUsage` value.
pub fn make_leaf(dir: &Path, name: &str, subject: &str, key_usage: &str, ca: &Issued) -> Issued {
    let key = dir.join(format!("{name}.key"));
    let csr = dir.join(format!("{name}.csr"));
    let crt = dir.join(format!("{name}.crt"));
    let ext = dir.join(format!("{name}.ext"));
    std::fs::write(
        &ext,
        format!("basicConstraints=CA:FALSE\nkeyUsage=critical,{key_usage}\n"),
    )
    .expect("write ext");
    run(openssl()
        .args([
            "req",
            "-new",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-multivalue-rdn",
        ])
        .args(["-subj", subject, "-keyout"])
        .arg(&key)
        .arg("-out")
        .arg(&csr));
    run(openssl()
        .args(["x509", "-req", "-days", "30", "-in"])
        .arg(&csr)
        .arg("-CA")
        .arg(&ca.crt)
        .arg("-CAkey")
        .arg(&ca.key)
        .args(["-set_serial", &format!("{}", 1000 + name.len())])
        .arg("-extfile")
        .arg(&ext)
        .arg("-out")
        .arg(&crt));
    Issued { key, crt }
}

/// The card CA, the holder's signature and authentication certificates, and
/// the registration server ("RA") certificate, in `dir`.
pub struct Pki {
    pub card_ca: Issued,
    pub sig: Issued,
    pub aut: Issued,
    pub ra_ca: Issued,
    pub ra: Issued,
}

impl Pki {
    pub fn new(dir: &Path) -> Pki {
        let card_ca = make_ca(dir, "cardca", "/C=FR/O=TEST/CN=TEST AC CARTES CPS");
        let sig = make_leaf(
            dir,
            "sig",
            HOLDER_SUBJECT,
            "nonRepudiation,digitalSignature",
            &card_ca,
        );
        let aut = make_leaf(dir, "aut", HOLDER_SUBJECT, "digitalSignature", &card_ca);
        let ra_ca = make_ca(dir, "raca", "/C=FR/O=TEST/CN=TEST AC INSCRIPTION");
        let ra = make_leaf(
            dir,
            "ra",
            "/C=FR/O=TEST/CN=inscription.test",
            "keyEncipherment,digitalSignature",
            &ra_ca,
        );
        Pki {
            card_ca,
            sig,
            aut,
            ra_ca,
            ra,
        }
    }
}

/// A SoftHSM2 token dir and config in a temp dir.
pub struct SoftHsm {
    pub dir: tempfile::TempDir,
    pub conf: PathBuf,
    pub pki: Pki,
}

impl SoftHsm {
    /// A config with an empty token directory (SoftHSM then shows one
    /// uninitialised slot: no card).
    pub fn empty() -> SoftHsm {
        let dir = tempfile::tempdir().expect("tempdir");
        let tokens = dir.path().join("tokens");
        std::fs::create_dir_all(&tokens).expect("mkdir tokens");
        let conf = dir.path().join("softhsm2.conf");
        std::fs::write(
            &conf,
            format!(
                "directories.tokendir = {}\nobjectstore.backend = file\nlog.level = ERROR\n",
                tokens.display()
            ),
        )
        .expect("write conf");
        let pki = Pki::new(dir.path());
        let hsm = SoftHsm { dir, conf, pki };
        hsm.activate();
        hsm
    }

    /// A token shaped like a CPS4 card, PIN 1234.
    pub fn card() -> SoftHsm {
        let hsm = SoftHsm::empty();
        hsm.insert();
        hsm
    }

    /// Puts the CPS4-shaped card in an `empty()` reader: init + import.
    pub fn insert(&self) {
        let hsm = self;
        run(hsm
            .util()
            .args(["--init-token", "--free", "--label", LABEL])
            .args(["--so-pin", SO_PIN, "--pin", PIN]));
        hsm.import(
            "CPS_PRIV_SIG",
            "01",
            &hsm.pki.sig.clone(),
            "Certificat de Signature CPS",
        );
        hsm.import(
            "CPS_PRIV_AUT",
            "02",
            &hsm.pki.aut.clone(),
            "Certificat d'Authentification CPS",
        );
    }

    /// Points this process at our config (the module reads it at C_Initialize).
    pub fn activate(&self) {
        std::env::set_var("SOFTHSM2_CONF", &self.conf);
    }

    pub fn util(&self) -> Command {
        let mut c = Command::new("softhsm2-util");
        c.env("SOFTHSM2_CONF", &self.conf);
        c
    }

    pub fn pkcs11_tool(&self) -> Command {
        let mut c = Command::new("pkcs11-tool");
        c.env("SOFTHSM2_CONF", &self.conf)
            .args(["--module", MODULE]);
        c
    }

    pub fn import(&self, key_label: &str, id: &str, issued: &Issued, cert_label: &str) {
        run(self.util().arg("--import").arg(&issued.key).args([
            "--token", LABEL, "--label", key_label, "--id", id, "--pin", PIN,
        ]));
        let der = issued.der(self.dir.path());
        run(self
            .pkcs11_tool()
            .args(["--token-label", LABEL, "--login", "--pin", PIN])
            .arg("--write-object")
            .arg(&der)
            .args(["--type", "cert", "--id", id, "--label", cert_label]));
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}
