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

use super::replay::SeenStore;
use super::verify;
use crate::i18n::{current, t};
use cleocps_core::error::{Error, Result};
use cleocps_core::pki;
use rsa::RsaPrivateKey;
use std::path::{Path, PathBuf};
use x509_cert::Certificate;

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

/// Where the issued certificates point for revocation and their issuer
/// (`ra.json` `"pointers"`); empty by default, so no client goes looking
/// for the real platform's lists about a rehearsal certificate.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Pointers {
    /// CRL distribution points (HTTP or LDAP URLs).
    pub crl: Vec<String>,
    /// The OCSP responder (AIA).
    pub ocsp: Option<String>,
    /// Where the issuing CA's certificate is published (AIA caIssuers).
    pub ca_issuers: Option<String>,
}

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
    pub pointers: Pointers,
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
    /// A copy of every certificate issued, by serial, in `issued/`: what
    /// `ra revoke` may revoke (the card road's and the platform's alike).
    /// A failure is logged, never fatal: the certificate is issued.
    pub(crate) fn keep_issued(&self, cert: &Certificate, serial: &str) {
        let path = self.dir.join(FILES.issued).join(format!("{serial}.crt"));
        let written = pki::cert_pem(cert)
            .map_err(|e| e.to_string())
            .and_then(|pem| {
                cleocps_core::fsutil::write_atomic(&path, pem.as_bytes(), 0o644)
                    .map_err(|e| e.to_string())
            });
        if let Err(e) = written {
            log::warn!("ra: could not keep a copy in {}: {e}", path.display());
        }
    }

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
