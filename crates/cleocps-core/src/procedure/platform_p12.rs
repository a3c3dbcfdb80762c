//! Étape 3 when the platform made the key: its `.p12` (the key and its
//! certificate) taken into an existing request, which then holds that key
//! under the password the user chose (or none). Everything is checked
//! (the `.p12`'s password, the certificate's trust and usage, the names
//! the form already holds) before anything is written.

use super::adopt::form_of;
use super::{now, ImportReport};
use crate::error::Result;
use crate::pki::{self, PkiError};
use crate::request::{Action, Request, SanKind, State};
use crate::secret::Secret;
use crate::trust;
use crate::workspace::{RequestFile, Workspace};
use der::Encode;
use rsa::pkcs8::EncodePublicKey;
use rsa::traits::PublicKeyParts;

/// Takes the platform's `.p12` (`p12_der`, opened with `p12_password`) into
/// the request `path`, the key kept under `key_password` (`None`: clear).
/// Any request without its certificate yet may take it: the platform's key
/// replaces a key made here.
pub fn import_platform_p12(
    ws: &Workspace,
    path: &str,
    p12_der: &[u8],
    p12_password: &Secret,
    key_password: Option<&Secret>,
) -> Result<(Request, ImportReport)> {
    let req = ws.find(path)?;
    allowed(&req)?;
    let contents = pki::read_p12(p12_der, p12_password)?;
    let key = contents.key;
    let spki = key
        .to_public_key()
        .to_public_key_der()
        .map_err(|e| PkiError::Crypto(e.to_string()))?
        .into_vec();
    let certs: Vec<_> = contents.certs;
    if !certs.iter().any(|c| {
        c.tbs_certificate
            .subject_public_key_info
            .to_der()
            .is_ok_and(|d| d == spki)
    }) {
        return Err(PkiError::CertificateForAnotherKey.into());
    }
    // The names the form holds, when it holds some: the certificate must
    // carry them (a `.p12` of another server is refused).
    let names = req.names();
    let expected = pki::Expected {
        spki: &spki,
        names: &names,
        usage: req.kind.usage(),
        request: req.kind.platform_name(),
        san: req.kind.san_kind() != SanKind::None,
    };
    let answer = trust::check_answer(certs, &expected, ws.trust(), std::time::SystemTime::now())?;
    let key_pem = pki::encode_key_pem(&key, key_password)?;
    let leaf_pem = pki::cert_pem(&answer.leaf)?;
    let chain_pem = pki::certs_pem(&answer.chain)?;
    let report = ImportReport::of(&answer);

    let _lock = ws.lock()?;
    let mut req = ws.find(path)?;
    allowed(&req)?;
    ws.write_file(&req, RequestFile::Key, key_pem.as_bytes())?;
    ws.write_file(&req, RequestFile::Chain, chain_pem.as_bytes())?;
    ws.write_file(&req, RequestFile::Crt, leaf_pem.as_bytes())?;
    (req.subject, req.san) = form_of(&answer.leaf, req.kind, &report.leaf.san);
    req.key_bits = Some((key.size() * 8) as u32);
    req.key_encrypted = Some(key_password.is_some());
    req.rejection_code = None;
    req.rejection_reason = None;
    let outcome = format!(
        "serial {} until {}",
        report.leaf.serial, report.leaf.not_after
    );
    req.transition(
        Action::ImportResponse,
        State::CertificateImported,
        &outcome,
        &now(),
    );
    ws.save(&req)?;
    Ok((req, report))
}

/// A request that has its certificate already keeps it (a renewal is a
/// new request); any other may take the platform's.
fn allowed(req: &Request) -> Result<()> {
    if req.state == State::CertificateImported {
        req.check(Action::ImportResponse)?;
    }
    Ok(())
}
