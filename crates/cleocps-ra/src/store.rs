//! The server's directory: `ra init` creates it, [`RaDir::open`] loads it.
//!
//! ```text
//! DIR/ (0700)   ra.json             settings and file names (no secret), written last
//!               root.crt  root.key  test root "TEST AC RACINE … REPETITION"
//!               ca.crt    ca.key    issuing CA "TEST AC … ORGANISATIONS REPETITION"
//!               ca-chain.pem        issuing CA + root
//!               inscription.crt/.key  the server's own decryption certificate and key
//!               card-ca.crt (+ card-ca.key when made here)   the trusted card CA
//!               directory.json      who administers what (kept across --force)
//!               seen/  issued/      decided requests with their answers, issued certificates
//!               handled/  pending/  the mail loop's records and queued answers (`ra serve`)
//! ```
//! Keys are clear PKCS#8 PEM, mode 0600: a rehearsal server has no operator
//! to type a password at start.

use super::issue::{self, name, CertSpec, CA_KEY_BITS};
use super::replay::SeenStore;
use super::{crypto, verify};
use crate::i18n::{current, t};
use cleocps_core::config::RaConfig;
use cleocps_core::error::{Error, Result};
use cleocps_core::fsutil::{create_private_dir, write_atomic, PRIVATE_DIR, PRIVATE_FILE};
use cleocps_core::pki::{self, KeySize};
use const_oid::db::rfc4519::{C, CN, O, OU};
use rsa::RsaPrivateKey;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::SystemTime;
use x509_cert::ext::pkix::KeyUsages;
use x509_cert::Certificate;

/// Mode of certificates: public, but the directory itself is 0700.
const PUBLIC_FILE: u32 = 0o644;

/// File names inside DIR.
pub struct RaFileNames {
    pub settings: &'static str,
    pub root_cert: &'static str,
    pub root_key: &'static str,
    pub ca_cert: &'static str,
    pub ca_key: &'static str,
    pub chain: &'static str,
    pub server_cert: &'static str,
    pub server_key: &'static str,
    pub card_ca_cert: &'static str,
    pub card_ca_key: &'static str,
    pub directory: &'static str,
    pub seen: &'static str,
    pub issued: &'static str,
}

pub const FILES: RaFileNames = RaFileNames {
    settings: "ra.json",
    root_cert: "root.crt",
    root_key: "root.key",
    ca_cert: "ca.crt",
    ca_key: "ca.key",
    chain: "ca-chain.pem",
    server_cert: "inscription.crt",
    server_key: "inscription.key",
    card_ca_cert: "card-ca.crt",
    card_ca_key: "card-ca.key",
    directory: "directory.json",
    seen: "seen",
    issued: "issued",
};

/// `DIR/ra.json`. Paths are relative to DIR unless absolute.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RaSettings {
    pub version: u32,
    /// Validity of issued certificates (default 1095 days, 3 years).
    pub validity_days: u32,
    /// Accept 1024-bit keys (legacy systems only).
    pub allow_legacy_1024: bool,
    /// The JSON directory used when no other is given.
    pub directory_file: PathBuf,
    pub root_certificate: PathBuf,
    pub issuing_certificate: PathBuf,
    pub issuing_key: PathBuf,
    pub chain: PathBuf,
    pub server_certificate: PathBuf,
    pub server_key: PathBuf,
    /// One or several trusted card CA certificates (PEM).
    pub card_ca: PathBuf,
    /// The card CA key, when `ra init` made the card CA (for `ra card`).
    pub card_ca_key: Option<PathBuf>,
    /// CRL, OCSP and issuer URLs of the certificates issued as the platform.
    #[serde(default)]
    pub pointers: super::Pointers,
}

/// What `ra init` needs.
pub struct InitOptions {
    /// Trust this card CA (PEM/DER, one or several certificates) instead of making one.
    pub card_ca: Option<Vec<u8>>,
    /// Replace an existing server (its directory.json and seen/ are kept).
    pub force: bool,
    /// validity_days and allow_legacy_1024, from the configuration.
    pub ra: RaConfig,
    /// Size of the root and issuing CA keys (default [`CA_KEY_BITS`]).
    pub ca_bits: KeySize,
}

impl Default for InitOptions {
    fn default() -> Self {
        InitOptions {
            card_ca: None,
            force: false,
            ra: RaConfig::default(),
            ca_bits: CA_KEY_BITS,
        }
    }
}

/// A loaded registration server.
pub struct RaDir {
    pub dir: PathBuf,
    pub settings: RaSettings,
    pub root: Certificate,
    pub ca: Certificate,
    pub(crate) ca_key: RsaPrivateKey,
    pub server: Certificate,
    pub(crate) server_key: RsaPrivateKey,
    pub card_cas: Vec<Certificate>,
}

/// The rehearsal names: IGC-Santé test layout, marked REPETITION.
fn test_name(cn: &str) -> Result<x509_cert::name::Name> {
    name(&[
        (C, "FR"),
        (O, "ASIP-SANTE"),
        (OU, "IGC-SANTE TEST"),
        (CN, cn),
    ])
}

pub const ROOT_CN: &str = "TEST AC RACINE IGC-SANTE ELEMENTAIRE REPETITION";
pub const CA_CN: &str = "TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS REPETITION";
pub const SERVER_CN: &str = "TEST INSCRIPTION IGC-SANTE REPETITION";
pub const CARD_CA_CN: &str = "TEST AC CARTES CPS REPETITION";

fn generate_keys(sizes: &[KeySize]) -> Result<Vec<RsaPrivateKey>> {
    // RSA generation dominates `ra init`: one thread per key.
    std::thread::scope(|s| {
        let handles: Vec<_> = sizes
            .iter()
            .map(|size| s.spawn(move || pki::generate_key(*size)))
            .collect();
        handles
            .into_iter()
            .map(|h| match h.join() {
                Ok(r) => r.map_err(Error::Pki),
                Err(_) => Err(crypto("key generation thread failed")),
            })
            .collect()
    })
}

fn write_key(path: &Path, key: &RsaPrivateKey) -> Result<()> {
    let pem = pki::encode_key_pem(key, None)?;
    write_atomic(path, pem.as_bytes(), PRIVATE_FILE).map_err(|e| Error::io(path, e))
}

fn write_certs(path: &Path, certs: &[Certificate]) -> Result<()> {
    let pem = pki::certs_pem(certs)?;
    write_atomic(path, pem.as_bytes(), PUBLIC_FILE).map_err(|e| Error::io(path, e))
}

/// Creates a registration server in `dir` (see the module doc).
pub fn init(dir: &Path, opts: &InitOptions, now: SystemTime) -> Result<RaDir> {
    let settings_path = dir.join(FILES.settings);
    if settings_path.exists() && !opts.force {
        return Err(Error::FileExists(settings_path));
    }
    let given_card_cas = match &opts.card_ca {
        Some(bytes) => Some(pki::parse_certificates(bytes)?),
        None => None,
    };
    create_private_dir(dir).map_err(|e| Error::io(dir, e))?;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(PRIVATE_DIR))
        .map_err(|e| Error::io(dir, e))?;

    log::info!("ra init {}: generating keys", dir.display());
    let mut sizes = vec![opts.ca_bits, opts.ca_bits, KeySize::B2048];
    if given_card_cas.is_none() {
        sizes.push(KeySize::B2048);
    }
    let mut keys = generate_keys(&sizes)?.into_iter();
    let (Some(root_key), Some(ca_key), Some(server_key)) = (keys.next(), keys.next(), keys.next())
    else {
        return Err(crypto("missing key"));
    };
    let card_key = keys.next();

    let spki = |k: &RsaPrivateKey| issue::spki_of(&k.to_public_key());
    let root = issue::sign(
        issue::ca_spec(test_name(ROOT_CN)?, spki(&root_key)?, 7300, None)?,
        None,
        &root_key,
        now,
    )?;
    let ca = issue::sign(
        issue::ca_spec(test_name(CA_CN)?, spki(&ca_key)?, 3650, Some(0))?,
        Some(&root),
        &root_key,
        now,
    )?;
    let server = issue::sign(
        CertSpec {
            subject: test_name(SERVER_CN)?,
            spki: spki(&server_key)?,
            days: 1825,
            extensions: vec![
                issue::basic_constraints(false, None)?,
                issue::key_usage(&[KeyUsages::KeyEncipherment])?,
            ],
        },
        Some(&ca),
        &ca_key,
        now,
    )?;
    let card_cas = match (&given_card_cas, &card_key) {
        (Some(given), _) => given.clone(),
        (None, Some(k)) => vec![issue::sign(
            issue::ca_spec(test_name(CARD_CA_CN)?, spki(k)?, 3650, Some(0))?,
            None,
            k,
            now,
        )?],
        (None, None) => return Err(crypto("missing card CA key")),
    };

    let p = |n: &str| dir.join(n);
    write_key(&p(FILES.root_key), &root_key)?;
    write_key(&p(FILES.ca_key), &ca_key)?;
    write_key(&p(FILES.server_key), &server_key)?;
    write_certs(&p(FILES.root_cert), std::slice::from_ref(&root))?;
    write_certs(&p(FILES.ca_cert), std::slice::from_ref(&ca))?;
    write_certs(&p(FILES.chain), &[ca.clone(), root.clone()])?;
    write_certs(&p(FILES.server_cert), std::slice::from_ref(&server))?;
    write_certs(&p(FILES.card_ca_cert), &card_cas)?;
    match &card_key {
        Some(k) => write_key(&p(FILES.card_ca_key), k)?,
        // A key left by an earlier init would not match the given CA.
        None => match std::fs::remove_file(p(FILES.card_ca_key)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                return Err(Error::io(p(FILES.card_ca_key), e))
            }
            _ => {}
        },
    }
    if !p(FILES.directory).exists() {
        write_atomic(&p(FILES.directory), b"{\"servers\": []}\n", PRIVATE_FILE)
            .map_err(|e| Error::io(p(FILES.directory), e))?;
    }
    for sub in [FILES.seen, FILES.issued] {
        create_private_dir(&p(sub)).map_err(|e| Error::io(p(sub), e))?;
    }
    let settings = RaSettings {
        version: 1,
        validity_days: opts.ra.validity_days,
        allow_legacy_1024: opts.ra.allow_legacy_1024,
        directory_file: FILES.directory.into(),
        root_certificate: FILES.root_cert.into(),
        issuing_certificate: FILES.ca_cert.into(),
        issuing_key: FILES.ca_key.into(),
        chain: FILES.chain.into(),
        server_certificate: FILES.server_cert.into(),
        server_key: FILES.server_key.into(),
        card_ca: FILES.card_ca_cert.into(),
        card_ca_key: card_key.as_ref().map(|_| FILES.card_ca_key.into()),
        pointers: super::Pointers::default(),
    };
    let json = serde_json::to_vec_pretty(&settings).map_err(crypto)?;
    write_atomic(&settings_path, &json, PRIVATE_FILE).map_err(|e| Error::io(&settings_path, e))?;
    log::info!(
        "ra init {}: root, issuing CA, server certificate and card CA ready",
        dir.display()
    );
    Ok(RaDir {
        dir: dir.to_path_buf(),
        settings,
        root,
        ca,
        ca_key,
        server,
        server_key,
        card_cas,
    })
}

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| Error::io(path, e))
}

fn read_key(path: &Path) -> Result<RsaPrivateKey> {
    let text = String::from_utf8(read(path)?).map_err(|e| Error::Corrupt {
        path: path.to_path_buf(),
        detail: e.to_string(),
    })?;
    Ok(pki::decode_key_pem(&text, None)?)
}

fn read_cert(path: &Path) -> Result<Certificate> {
    Ok(pki::cert_from_pem_or_der(&read(path)?)?)
}

impl RaDir {
    /// Loads the server made by [`init`] in `dir`.
    pub fn open(dir: &Path) -> Result<RaDir> {
        let settings_path = dir.join(FILES.settings);
        let settings: RaSettings =
            serde_json::from_slice(&read(&settings_path)?).map_err(|e| Error::Corrupt {
                path: settings_path.clone(),
                detail: e.to_string(),
            })?;
        let p = |rel: &Path| dir.join(rel);
        let ca = read_cert(&p(&settings.issuing_certificate))?;
        let ca_key = read_key(&p(&settings.issuing_key))?;
        let server = read_cert(&p(&settings.server_certificate))?;
        let server_key = read_key(&p(&settings.server_key))?;
        // The keys must be those of the certificates, or nothing would work.
        for (cert, key, path) in [
            (&ca, &ca_key, &settings.issuing_key),
            (&server, &server_key, &settings.server_key),
        ] {
            if verify::rsa_key(&cert.tbs_certificate.subject_public_key_info).as_ref()
                != Some(&key.to_public_key())
            {
                return Err(Error::Corrupt {
                    path: p(path),
                    detail: "key does not match its certificate".into(),
                });
            }
        }
        Ok(RaDir {
            root: read_cert(&p(&settings.root_certificate))?,
            card_cas: pki::parse_certificates(&read(&p(&settings.card_ca))?)?,
            dir: dir.to_path_buf(),
            ca,
            ca_key,
            server,
            server_key,
            settings,
        })
    }

    /// Path of a file named in the settings.
    pub fn path(&self, rel: &Path) -> PathBuf {
        self.dir.join(rel)
    }

    /// The replay store `DIR/seen/`.
    pub fn seen(&self) -> SeenStore {
        SeenStore::new(&self.dir.join(FILES.seen))
    }

    /// The card CA's certificate and key (only when `ra init` made it).
    pub fn card_ca_signer(&self) -> Result<(Certificate, RsaPrivateKey)> {
        let rel = self
            .settings
            .card_ca_key
            .as_ref()
            .ok_or_else(|| Error::Usage(t(current(), "ra.no_card_ca_key")))?;
        let key = read_key(&self.path(rel))?;
        let cert = self
            .card_cas
            .iter()
            .find(|c| {
                verify::rsa_key(&c.tbs_certificate.subject_public_key_info).as_ref()
                    == Some(&key.to_public_key())
            })
            .cloned()
            .ok_or_else(|| Error::Corrupt {
                path: self.path(rel),
                detail: "key does not match the card CA".into(),
            })?;
        Ok((cert, key))
    }
}
