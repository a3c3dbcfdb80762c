//! Étape 2 with the CPS card: the CSR, signed on the card (CMS SignedData),
//! encrypted to the registration server (EnvelopedData) → `<request>.p7m`,
//! and the same as an S/MIME entity → `<request>.eml`.
//!
//! The caller opens the token, reads its PIN flags, shows the warning and
//! asks the PIN *before* calling this (never from inside it).

use super::{csr_spec, load_key, now};
use crate::card::{self, Holder, Token};
use crate::error::{Error, Result};
use crate::pki;
use crate::request::{Action, Generation, Request, State};
use crate::secret::Secret;
use crate::workspace::{RequestFile, Workspace};
use std::path::{Path, PathBuf};
use x509_cert::Certificate;

/// What a card request produced.
#[derive(Debug, Clone, serde::Serialize)]
pub struct CardRequestReport {
    pub holder: Holder,
    pub token_label: String,
    pub p7m: PathBuf,
    pub eml: PathBuf,
}

/// The registration server's certificate (`--ra-cert` or
/// `registration.certificate`): present, readable, RSA, not expired.
pub fn load_ra_certificate(path: Option<&Path>) -> Result<Certificate> {
    let path = path.ok_or(Error::RaCertMissing)?;
    let bytes = crate::fsutil::read_input(path).map_err(|e| Error::RaCertInvalid {
        path: path.to_path_buf(),
        detail: e.to_string(),
    })?;
    let cert = pki::cert_from_pem_or_der(&bytes).map_err(|e| Error::RaCertInvalid {
        path: path.to_path_buf(),
        detail: e.localize(crate::i18n::current()),
    })?;
    let not_after = pki::not_after(&cert);
    if not_after < std::time::SystemTime::now() {
        return Err(Error::RaCertExpired {
            path: path.to_path_buf(),
            not_after: pki::summarize(&cert).not_after,
        });
    }
    Ok(cert)
}

/// The card road (a registration server by mail) issues SSL and S/MIME
/// only; a request of another type goes to the platform as a CSR.
pub fn check_card_route(req: &Request) -> Result<()> {
    if req.kind.card_route() {
        Ok(())
    } else {
        Err(Error::NotCardRoute(req.kind.platform_name()))
    }
}

/// Builds, signs on the card, encrypts and writes the request. One PIN try.
pub fn generate_card_request(
    ws: &Workspace,
    path: &str,
    key_password: Option<&Secret>,
    token: &mut dyn Token,
    pin: &Secret,
    ra_cert: &Certificate,
) -> Result<(Request, CardRequestReport)> {
    let req = ws.find(path)?;
    req.check(Action::GenerateRequest)?;
    check_card_route(&req)?;
    let spec = csr_spec(&req)?;
    let key = load_key(ws, &req, key_password)?;
    let csr = pki::build_csr(&key, &spec)?;
    let info = token.info().map_err(Error::Card)?;
    let holder = card::holder_of(&token.signature_certificate().map_err(Error::Card)?);
    let signed = card::sign_content(token, pin, &csr).map_err(Error::Card)?;
    let p7m = pki::cms::enveloped_data(&signed, ra_cert)?;
    let p7m_name = format!("{}.p7m", req.name);
    let eml = pki::cms::smime_entity(&p7m, &p7m_name);

    let _lock = ws.lock()?;
    let mut req = ws.find(path)?;
    req.check(Action::GenerateRequest)?;
    ws.write_file(&req, RequestFile::Csr, pki::csr_pem(&csr).as_bytes())?;
    let eml_path = ws.write_file(&req, RequestFile::Eml, eml.as_bytes())?;
    let p7m_path = ws.write_file(&req, RequestFile::P7m, &p7m)?;
    req.generation = Some(Generation::Card);
    let outcome = format!("card {} holder {}", info.label, holder.id);
    req.transition(
        Action::GenerateRequest,
        State::RequestGenerated,
        &outcome,
        &now(),
    );
    ws.save(&req)?;
    Ok((
        req,
        CardRequestReport {
            holder,
            token_label: info.label,
            p7m: p7m_path,
            eml: eml_path,
        },
    ))
}
