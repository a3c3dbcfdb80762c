//! The CPS card (or its rehearsal stand-in) behind one trait (DESIGN §8).
//!
//! Two implementations: PKCS#11 through `cryptoki` (the real card, SoftHSM2 in
//! tests) and a soft token file with the card's PIN behaviour. The PIN is only
//! ever held as `&Secret`, never stored or logged.

mod discovery;
mod doctor;
mod error;
mod pin;
mod pkcs11;
pub mod share;
mod soft;
mod wait;

pub use discovery::{
    find_module, forwarding, module_candidates, Forwarding, ModuleCandidate, ModuleOrigin,
};
pub use doctor::{doctor, Check};
pub use error::CardError;
#[cfg(test)]
pub(crate) use pin::test_info;
pub use pin::{check_pin_length, pin_precheck, PinWarning};
pub use soft::soft_init;
pub use wait::{card_absent, wait_for_card, CARD_WAIT};

use crate::secret::Secret;
use serde::Serialize;
use std::path::PathBuf;
use std::time::SystemTime;
use x509_cert::Certificate;

/// Label of the CPS signature (non-repudiation) private key.
pub const SIG_KEY_LABEL: &str = "CPS_PRIV_SIG";

/// Where the token lives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TokenSource {
    Pkcs11 { module: PathBuf, slot: u64 },
    Soft { path: PathBuf },
}

/// PIN flags and bounds, as the token reports them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PinState {
    pub count_low: bool,
    pub final_try: bool,
    pub locked: bool,
    pub min_len: usize,
    pub max_len: usize,
}

/// What `card status --json` prints about the token (stable field names).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TokenInfo {
    pub label: String,
    pub serial: String,
    pub manufacturer: String,
    pub model: String,
    pub source: TokenSource,
    pub pin: PinState,
}

/// A card: read its signature certificate, sign with its signature key.
pub trait Token: Send {
    /// Token info, read afresh (PIN flags change after each try).
    fn info(&self) -> Result<TokenInfo>;
    /// The holder's signature certificate (no PIN needed).
    fn signature_certificate(&self) -> Result<Certificate>;
    /// Login (exactly one attempt, never retried), SHA-256 RSA PKCS#1 v1.5
    /// signature of `data` (the token hashes), logout.
    fn sign_sha256(&mut self, pin: &Secret, data: &[u8]) -> Result<Vec<u8>>;
}

/// How to reach the card; the CLI and the config fill it.
#[derive(Debug, Clone, Default)]
pub struct CardOptions {
    /// `--pkcs11-module`.
    pub pkcs11_module: Option<PathBuf>,
    /// `card.pkcs11_module` from the config.
    pub config_module: Option<PathBuf>,
    /// `--token-label`.
    pub token_label: Option<String>,
    /// `--soft-token` or `card.soft_token`; wins over PKCS#11 when set.
    pub soft_token: Option<PathBuf>,
}

/// The card holder, from the signature certificate's subject.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Holder {
    /// CN: the holder's national identifier.
    pub id: String,
    pub surname: Option<String>,
    pub given_name: Option<String>,
}

/// Reads CN / SN / GN from the subject (single- or multi-valued RDNs).
pub fn holder_of(cert: &Certificate) -> Holder {
    use const_oid::db::rfc4519::{CN, GIVEN_NAME, SN};
    let mut holder = Holder {
        id: String::new(),
        surname: None,
        given_name: None,
    };
    for rdn in cert.tbs_certificate.subject.0.iter() {
        for atv in rdn.0.iter() {
            let value = attr_string(&atv.value);
            if atv.oid == CN && holder.id.is_empty() {
                holder.id = value;
            } else if atv.oid == SN && holder.surname.is_none() {
                holder.surname = Some(value);
            } else if atv.oid == GIVEN_NAME && holder.given_name.is_none() {
                holder.given_name = Some(value);
            }
        }
    }
    holder
}

/// The text of a directory string (UTF8, Printable, IA5, Teletex as Latin-1-ish).
fn attr_string(any: &der::Any) -> String {
    String::from_utf8_lossy(any.value()).into_owned()
}

pub(crate) fn expired(cert: &Certificate, now: SystemTime) -> bool {
    cert.tbs_certificate.validity.not_after.to_system_time() < now
}

pub fn rfc3339(t: SystemTime) -> String {
    let t = time::OffsetDateTime::from(t);
    t.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_else(|_| t.to_string())
}

/// Opens the chosen token: the soft token when set, else PKCS#11.
pub fn open(opts: &CardOptions) -> Result<Box<dyn Token>> {
    if let Some(path) = &opts.soft_token {
        return Ok(Box::new(soft::SoftToken::open(path)?));
    }
    let module = find_module(opts)?;
    Ok(Box::new(pkcs11::Pkcs11Token::open(
        &module,
        opts.token_label.as_deref(),
    )?))
}

/// Builds the request's DER `SignedData` over `content` on the card: checks
/// the certificate is still valid, then one PIN try. Card errors (wrong PIN…)
/// come back as themselves, not wrapped in a CMS error.
pub fn sign_content(token: &mut dyn Token, pin: &Secret, content: &[u8]) -> Result<Vec<u8>> {
    let cert = token.signature_certificate()?;
    let now = SystemTime::now();
    if expired(&cert, now) {
        return Err(CardError::CertificateExpired {
            not_after: rfc3339(cert.tbs_certificate.validity.not_after.to_system_time()),
        });
    }
    let mut card_error = None;
    let mut sign = |data: &[u8]| {
        token.sign_sha256(pin, data).map_err(|e| {
            let text = e.to_string();
            card_error = Some(e);
            text
        })
    };
    let result = crate::pki::cms::signed_data(content, &cert, now, &mut sign);
    match (result, card_error) {
        (Ok(der), _) => Ok(der),
        (Err(_), Some(e)) => Err(e),
        (Err(e), None) => Err(CardError::Pki(e)),
    }
}

/// One slot of a PKCS#11 module, for `card list`.
#[derive(Debug, Clone, Serialize)]
pub struct SlotEntry {
    pub slot: u64,
    pub description: String,
    pub token_present: bool,
    /// Present when the slot holds an initialised token.
    pub token: Option<TokenInfo>,
}

/// What `card list` shows.
#[derive(Debug, Clone, Serialize)]
pub struct CardListing {
    /// Every module path considered, in order, and whether it exists.
    pub modules: Vec<ModuleCandidate>,
    /// The module used (none with a soft token).
    pub module: Option<PathBuf>,
    pub slots: Vec<SlotEntry>,
    /// The soft token, when one is chosen.
    pub soft: Option<TokenInfo>,
}

pub fn list(opts: &CardOptions) -> Result<CardListing> {
    let modules = module_candidates(opts);
    if let Some(path) = &opts.soft_token {
        let soft = soft::SoftToken::open(path)?.info()?;
        return Ok(CardListing {
            modules,
            module: None,
            slots: Vec::new(),
            soft: Some(soft),
        });
    }
    let module = find_module(opts)?;
    let slots = pkcs11::list_slots(&module)?;
    Ok(CardListing {
        modules,
        module: Some(module),
        slots,
        soft: None,
    })
}

/// What `card status` shows: token, holder and signature certificate.
#[derive(Debug, Clone, Serialize)]
pub struct CardStatus {
    pub token: TokenInfo,
    /// Set when the card is reached through SSH forwarding (`card share`).
    pub forwarded: Option<Forwarding>,
    pub holder: Holder,
    pub subject: String,
    pub issuer: String,
    pub not_after: String,
    pub expired: bool,
}

pub fn status(opts: &CardOptions) -> Result<CardStatus> {
    let token = open(opts)?;
    let info = token.info()?;
    let cert = token.signature_certificate()?;
    let tbs = &cert.tbs_certificate;
    let forwarded = match &info.source {
        TokenSource::Pkcs11 { module, .. } if module == &discovery::p11kit_client() => forwarding(),
        _ => None,
    };
    Ok(CardStatus {
        token: info,
        forwarded,
        holder: holder_of(&cert),
        subject: tbs.subject.to_string(),
        issuer: tbs.issuer.to_string(),
        not_after: rfc3339(tbs.validity.not_after.to_system_time()),
        expired: expired(&cert, SystemTime::now()),
    })
}

pub type Result<T> = std::result::Result<T, CardError>;

/// True when the certificate's key usage has nonRepudiation (a signature certificate).
pub(crate) fn has_non_repudiation(cert: &Certificate) -> bool {
    matches!(
        cert.tbs_certificate
            .get::<x509_cert::ext::pkix::KeyUsage>(),
        Ok(Some((_, ku))) if ku.non_repudiation()
    )
}

/// Checks an RSA PKCS#1 v1.5 SHA-256 signature of `data` against `cert`.
pub(crate) fn signature_matches(cert: &Certificate, data: &[u8], signature: &[u8]) -> bool {
    use der::Encode;
    use rsa::pkcs8::DecodePublicKey;
    use sha2::{Digest, Sha256};
    let Ok(spki) = cert.tbs_certificate.subject_public_key_info.to_der() else {
        return false;
    };
    let Ok(key) = rsa::RsaPublicKey::from_public_key_der(&spki) else {
        return false;
    };
    key.verify(
        rsa::pkcs1v15::Pkcs1v15Sign::new::<Sha256>(),
        &Sha256::digest(data),
        signature,
    )
    .is_ok()
}
