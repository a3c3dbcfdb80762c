//! Test fixtures for the card: a throwaway "card CA" and registration server
//! made with the openssl CLI, and a SoftHSM2 token shaped like a CPS4 card
//! (`CPS_PRIV_SIG` id 01 + signature certificate, `CPS_PRIV_AUT` id 02 +
//! authentication certificate). A missing tool fails the test, never skips it.
//!
//! The module reads `SOFTHSM2_CONF` (and the spy and forwarding variables)
//! from the process's environment, which every test of the binary shares:
//! a test that loads a module in-process holds [`InProcess`] while it does,
//! and child processes are given the variable in their own environment.

use super::ca::Issued;
use super::process::run;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Mutex, MutexGuard};

pub const MODULE: &str = "/usr/lib/softhsm/libsofthsm2.so";
pub const LABEL: &str = "CPS4v1-TEST0001";
pub const PIN: &str = "1234";
pub const SO_PIN: &str = "12345678";
pub const HOLDER_SUBJECT: &str = "/CN=810001234567+SN=DUPONT+GN=JEAN";

static ENV: Mutex<()> = Mutex::new(());

/// The process's environment lent to one test at a time, for the PKCS#11
/// modules it loads in-process; what the test set is removed when it ends,
/// even when it fails.
pub struct InProcess {
    set: Vec<&'static str>,
    _lock: MutexGuard<'static, ()>,
}

impl InProcess {
    /// Waits until no other test holds the environment.
    pub fn take() -> InProcess {
        InProcess {
            set: Vec::new(),
            _lock: ENV.lock().unwrap_or_else(|e| e.into_inner()),
        }
    }

    pub fn set(&mut self, name: &'static str, value: impl AsRef<OsStr>) {
        std::env::set_var(name, value);
        self.set.push(name);
    }

    pub fn remove(&mut self, name: &'static str) {
        std::env::remove_var(name);
        self.set.retain(|n| *n != name);
    }
}

impl Drop for InProcess {
    fn drop(&mut self) {
        for name in &self.set {
            std::env::remove_var(name);
        }
    }
}

/// `request generate <path> --card` with the key password and PIN files and
/// the registration server's certificate.
pub fn card_generate<'a>(path: &'a str, kp: &'a str, pin: &'a str, ra: &'a str) -> Vec<&'a str> {
    vec![
        "request",
        "generate",
        path,
        "--card",
        "--key-password-file",
        kp,
        "--pin-file",
        pin,
        "--ra-cert",
        ra,
    ]
}

/// The card CA, the holder's signature and authentication certificates, and
/// the registration server ("RA") certificate, in `dir`.
pub struct Pki {
    pub card_ca: Issued,
    pub sig: Issued,
    pub aut: Issued,
    pub ra: Issued,
}

impl Pki {
    pub fn new(dir: &Path) -> Pki {
        let card_ca = Issued::ca(dir, "cardca", "/C=FR/O=TEST/CN=TEST AC CARTES CPS");
        let sig = card_ca.leaf(
            dir,
            "sig",
            HOLDER_SUBJECT,
            "nonRepudiation,digitalSignature",
        );
        let aut = card_ca.leaf(dir, "aut", HOLDER_SUBJECT, "digitalSignature");
        let ra_ca = Issued::ca(dir, "raca", "/C=FR/O=TEST/CN=TEST AC INSCRIPTION");
        let ra = ra_ca.leaf(
            dir,
            "ra",
            "/C=FR/O=TEST/CN=inscription.test",
            "keyEncipherment,digitalSignature",
        );
        Pki {
            card_ca,
            sig,
            aut,
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
        SoftHsm { dir, conf, pki }
    }

    /// A token shaped like a CPS4 card, PIN 1234.
    pub fn card() -> SoftHsm {
        let hsm = SoftHsm::empty();
        hsm.insert();
        hsm
    }

    /// Puts the CPS4-shaped card in an `empty()` reader: init + import.
    pub fn insert(&self) {
        self.init_token(LABEL, PIN);
        self.import(
            "CPS_PRIV_SIG",
            "01",
            &self.pki.sig,
            "Certificat de Signature CPS",
        );
        self.import(
            "CPS_PRIV_AUT",
            "02",
            &self.pki.aut,
            "Certificat d'Authentification CPS",
        );
    }

    /// A new empty token `label` in the first free slot, user PIN `pin`.
    pub fn init_token(&self, label: &str, pin: &str) {
        run(self
            .util()
            .args(["--init-token", "--free", "--label", label])
            .args(["--so-pin", SO_PIN, "--pin", pin]));
    }

    /// Points this process at our config (the module reads it at
    /// C_Initialize) for as long as the returned environment is held.
    pub fn in_process(&self) -> InProcess {
        let mut env = InProcess::take();
        env.set("SOFTHSM2_CONF", &self.conf);
        env
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
