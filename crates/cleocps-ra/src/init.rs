//! `ra init`: a new registration server's keys and certificates, made and
//! written into its directory (the layout is in `store`).

use super::crypto;
use super::issue::{self, name, CertSpec, CA_KEY_BITS};
use super::store::{RaDir, RaSettings, FILES};
use cleocps_core::config::RaConfig;
use cleocps_core::error::{Error, Result};
use cleocps_core::fsutil::{create_private_dir, write_atomic, PRIVATE_DIR, PRIVATE_FILE};
use cleocps_core::pki::{self, KeySize};
use const_oid::db::rfc4519::{C, CN, O, OU};
use rsa::RsaPrivateKey;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::SystemTime;
use x509_cert::ext::pkix::KeyUsages;
use x509_cert::Certificate;

/// Mode of certificates: public, but the directory itself is 0700.
const PUBLIC_FILE: u32 = 0o644;

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
    let made = authorities(opts, given_card_cas, now)?;
    write_authorities(dir, &made)?;
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
        card_ca_key: made.card_key.as_ref().map(|_| FILES.card_ca_key.into()),
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
        root: made.root,
        ca: made.ca,
        ca_key: made.ca_key,
        server: made.server,
        server_key: made.server_key,
        card_cas: made.card_cas,
    })
}

/// A new server's keys and certificates: a root, the issuing CA under it,
/// the server's own, and the card CA (made here unless one was given).
struct Authorities {
    root_key: RsaPrivateKey,
    root: Certificate,
    ca_key: RsaPrivateKey,
    ca: Certificate,
    server_key: RsaPrivateKey,
    server: Certificate,
    /// `None` when the card CA was given: its key is not ours.
    card_key: Option<RsaPrivateKey>,
    card_cas: Vec<Certificate>,
}

fn authorities(
    opts: &InitOptions,
    given_card_cas: Option<Vec<Certificate>>,
    now: SystemTime,
) -> Result<Authorities> {
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
    let card_cas = match (given_card_cas, &card_key) {
        (Some(given), _) => given,
        (None, Some(k)) => vec![issue::sign(
            issue::ca_spec(test_name(CARD_CA_CN)?, spki(k)?, 3650, Some(0))?,
            None,
            k,
            now,
        )?],
        (None, None) => return Err(crypto("missing card CA key")),
    };
    Ok(Authorities {
        root_key,
        root,
        ca_key,
        ca,
        server_key,
        server,
        card_key,
        card_cas,
    })
}

/// The keys, the certificates, an empty directory unless one is there, and
/// the folders `seen/` and `issued/`.
fn write_authorities(dir: &Path, made: &Authorities) -> Result<()> {
    let p = |n: &str| dir.join(n);
    write_key(&p(FILES.root_key), &made.root_key)?;
    write_key(&p(FILES.ca_key), &made.ca_key)?;
    write_key(&p(FILES.server_key), &made.server_key)?;
    write_certs(&p(FILES.root_cert), std::slice::from_ref(&made.root))?;
    write_certs(&p(FILES.ca_cert), std::slice::from_ref(&made.ca))?;
    write_certs(&p(FILES.chain), &[made.ca.clone(), made.root.clone()])?;
    write_certs(&p(FILES.server_cert), std::slice::from_ref(&made.server))?;
    write_certs(&p(FILES.card_ca_cert), &made.card_cas)?;
    match &made.card_key {
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
    Ok(())
}
