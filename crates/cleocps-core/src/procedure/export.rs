//! Étape 3's exports: PEM files for nginx & co, PKCS#12 for Windows and Java.

use super::{load_key, now, Notice};
use crate::error::{Error, Result};
use crate::fsutil::{create_private_dir, parent_of, write_atomic, PRIVATE_FILE};
use crate::pki;
use crate::request::{Action, Request};
use crate::secret::Secret;
use crate::workspace::{RequestFile, Workspace};
use std::path::{Path, PathBuf};

/// Mode of exported certificates (public material).
const PUBLIC_FILE: u32 = 0o644;

/// The issued certificate and its chain (issuer first), as imported.
pub fn certified(
    ws: &Workspace,
    req: &Request,
) -> Result<(x509_cert::Certificate, Vec<x509_cert::Certificate>)> {
    let leaf = pki::parse_certificates(&ws.read_file(req, RequestFile::Crt)?)?;
    let chain =
        pki::parse_certificates(&ws.read_file(req, RequestFile::Chain)?).unwrap_or_default();
    let leaf = leaf
        .into_iter()
        .next()
        .ok_or_else(|| Error::Pki(pki::PkiError::Crypto("empty certificate file".into())))?;
    Ok((leaf, chain))
}

/// The base name the TUI offers for exported files (DESIGN §4): the server's
/// FQDN or the S/MIME address, as an admin files them; else the request's name.
pub fn offered_name(req: &Request) -> String {
    req.subject
        .cn
        .as_deref()
        .map(str::trim)
        .filter(|cn| crate::validate::file_base(cn).is_ok())
        .unwrap_or(&req.name)
        .to_string()
}

/// Refuses a path that is one of the request's own files (`--force` must
/// never turn an export into the loss of the request's key).
fn check_not_own(ws: &Workspace, req: &Request, paths: &[PathBuf]) -> Result<()> {
    let own_dir = ws.request_dir(&req.folder, &req.name);
    let Ok(own_dir) = own_dir.canonicalize() else {
        return Ok(());
    };
    let own: Vec<String> = RequestFile::ALL
        .iter()
        .map(|f| f.file_name(&req.name))
        .collect();
    for p in paths {
        let parent = parent_of(p).canonicalize();
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if parent.is_ok_and(|d| d == own_dir) && own.iter().any(|o| o == name) {
            return Err(Error::ExportOntoRequest(p.clone()));
        }
    }
    Ok(())
}

/// Refuses a key that is not the certificate's: the pair would not work.
fn check_pair(key: &rsa::RsaPrivateKey, leaf: &x509_cert::Certificate) -> Result<()> {
    if pki::certificate_has_key(leaf, &pki::public_key_der(&key.to_public_key())?) {
        Ok(())
    } else {
        Err(Error::KeyNotCertified)
    }
}

/// Refuses to overwrite any of `paths` unless `force`; checked before writing anything.
fn check_free(paths: &[PathBuf], force: bool) -> Result<()> {
    match paths.iter().find(|p| p.exists()) {
        Some(p) if !force => Err(Error::FileExists(p.clone())),
        _ => Ok(()),
    }
}

/// Exports `<name>.key`, `.crt`, `.chain.pem`, `.fullchain.pem` into `out_dir`
/// (`name`: the request's unless given, DESIGN §4).
/// The key is re-encrypted under the key password, or clear when `clear`
/// (or when it has no password): then the clear-key notice comes back, so
/// every front warns in the same cases.
pub fn export_pem(
    ws: &Workspace,
    path: &str,
    (out_dir, name): (&Path, Option<&str>),
    key_password: Option<&Secret>,
    clear: bool,
    force: bool,
) -> Result<(Vec<PathBuf>, Vec<Notice>)> {
    let req = ws.find(path)?;
    req.check(Action::ExportPem)?;
    let name = name.unwrap_or(&req.name);
    crate::validate::file_base(name).map_err(|problem| Error::Invalid {
        field: "field.export_name",
        problem,
    })?;
    let key = load_key(ws, &req, key_password)?;
    let (leaf, chain) = certified(ws, &req)?;
    check_pair(&key, &leaf)?;
    let key_pem = pki::encode_key_pem(&key, if clear { None } else { key_password })?;
    // fullchain = leaf + intermediates (no self-signed root), as nginx wants.
    let intermediates: Vec<_> = chain
        .iter()
        .filter(|c| c.tbs_certificate.subject != c.tbs_certificate.issuer)
        .cloned()
        .collect();
    let leaf_pem = pki::cert_pem(&leaf)?;
    let files = [
        ("key", key_pem.as_bytes().to_vec(), PRIVATE_FILE),
        ("crt", leaf_pem.clone().into_bytes(), PUBLIC_FILE),
        (
            "chain.pem",
            pki::certs_pem(&chain)?.into_bytes(),
            PUBLIC_FILE,
        ),
        (
            "fullchain.pem",
            format!("{leaf_pem}{}", pki::certs_pem(&intermediates)?).into_bytes(),
            PUBLIC_FILE,
        ),
    ];
    let paths: Vec<PathBuf> = files
        .iter()
        .map(|(ext, _, _)| out_dir.join(format!("{name}.{ext}")))
        .collect();
    check_not_own(ws, &req, &paths)?;
    check_free(&paths, force)?;
    create_private_dir(out_dir).map_err(|e| Error::io(out_dir, e))?;
    for ((_, data, mode), p) in files.iter().zip(&paths) {
        write_atomic(p, data, *mode).map_err(|e| Error::io(p, e))?;
    }
    journal(ws, path, Action::ExportPem, &out_dir.display().to_string())?;
    let clear = clear || key_password.is_none();
    let notices = if clear {
        vec![Notice("notice.clear_key")]
    } else {
        Vec::new()
    };
    Ok((paths, notices))
}

/// Exports a PKCS#12 under its own password (never the key's).
pub fn export_p12(
    ws: &Workspace,
    path: &str,
    out_file: &Path,
    p12_password: &Secret,
    key_password: Option<&Secret>,
    legacy: bool,
    force: bool,
) -> Result<PathBuf> {
    let req = ws.find(path)?;
    req.check(Action::ExportP12)?;
    if key_password.is_some_and(|k| k == p12_password) {
        return Err(Error::SamePassword);
    }
    let key = load_key(ws, &req, key_password)?;
    let (leaf, chain) = certified(ws, &req)?;
    check_pair(&key, &leaf)?;
    let profile = if legacy {
        pki::P12Profile::Legacy
    } else {
        pki::P12Profile::Modern
    };
    let der = pki::build_p12(
        &key,
        &leaf,
        &chain,
        friendly_name(&req),
        p12_password,
        profile,
    )?;
    check_not_own(ws, &req, &[out_file.to_path_buf()])?;
    check_free(&[out_file.to_path_buf()], force)?;
    let dir = parent_of(out_file);
    create_private_dir(dir).map_err(|e| Error::io(dir, e))?;
    write_atomic(out_file, &der, PRIVATE_FILE).map_err(|e| Error::io(out_file, e))?;
    let outcome = format!(
        "{} {}",
        if legacy { "legacy" } else { "modern" },
        out_file.display()
    );
    journal(ws, path, Action::ExportP12, &outcome)?;
    Ok(out_file.to_path_buf())
}

/// The `.p12`'s friendlyName, the alias Java's `KeyStore` shows: an ORG
/// certificate's CN (INSi and DMP clients look it up by it), else the
/// request's name.
fn friendly_name(req: &crate::request::Request) -> &str {
    match (req.kind.offer(), req.subject.cn.as_deref()) {
        (crate::request::Offer::Org, Some(cn)) => cn,
        _ => &req.name,
    }
}

/// Adds a journal line (exports do not change the state).
fn journal(ws: &Workspace, path: &str, action: Action, outcome: &str) -> Result<()> {
    let _lock = ws.lock()?;
    let mut req = ws.find(path)?;
    req.log(action, outcome, &now());
    ws.save(&req)
}
