//! Soft token for rehearsals: one JSON file with the holder certificate, its
//! key encrypted under the PIN (PKCS#8 PBES2), and a try counter that behaves
//! like a CPS4 card (3 tries; COUNT_LOW, FINAL_TRY, LOCKED).
//!
//! The counter is decremented on disk (temp file, fsync, rename) *before*
//! the PIN is checked, and restored only after a success: killing the
//! process mid-check never gives a free try.

use super::{
    check_pin_length, holder_of, CardError, PinState, Result, Token, TokenInfo, TokenSource,
};
use crate::pki::{decode_key_pem, encode_key_pem, PkiError};
use crate::secret::Secret;
use der::{Decode, DecodePem, Encode};
use rsa::pkcs8::DecodePublicKey;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use x509_cert::Certificate;

pub const MAX_TRIES: u8 = 3;
pub const MIN_PIN: usize = 4;
pub const MAX_PIN: usize = 8;
const FORMAT: &str = "cleocps-soft-token/1";

#[derive(Serialize, Deserialize)]
struct SoftFile {
    format: String,
    label: String,
    /// Holder certificate, PEM.
    certificate: String,
    /// Holder key, encrypted PKCS#8 PEM, password = PIN.
    key: String,
    tries_left: u8,
}

pub(super) struct SoftToken {
    path: PathBuf,
}

fn io_err(path: &Path, e: impl std::fmt::Display) -> CardError {
    CardError::SoftToken {
        path: path.to_path_buf(),
        reason: e.to_string(),
    }
}

fn load(path: &Path) -> Result<SoftFile> {
    let bytes = crate::fsutil::read_input(path).map_err(|e| io_err(path, e))?;
    let text = String::from_utf8(bytes).map_err(|e| io_err(path, e))?;
    let file: SoftFile = serde_json::from_str(&text).map_err(|e| io_err(path, e))?;
    if file.format != FORMAT {
        return Err(io_err(path, format!("format {}", file.format)));
    }
    Ok(file)
}

/// Atomic replace, mode 0600, through the one write door.
fn store(path: &Path, file: &SoftFile) -> Result<()> {
    let json = serde_json::to_vec_pretty(file).map_err(|e| io_err(path, e))?;
    crate::fsutil::write_atomic(path, &json, crate::fsutil::PRIVATE_FILE)
        .map_err(|e| io_err(path, e))
}

fn pin_state(tries_left: u8) -> PinState {
    PinState {
        count_low: tries_left < MAX_TRIES,
        final_try: tries_left == 1,
        locked: tries_left == 0,
        min_len: MIN_PIN,
        max_len: MAX_PIN,
    }
}

fn bounds() -> PinState {
    pin_state(MAX_TRIES)
}

impl SoftToken {
    pub(super) fn open(path: &Path) -> Result<SoftToken> {
        load(path)?;
        Ok(SoftToken {
            path: path.to_path_buf(),
        })
    }
}

fn parse_cert(path: &Path, pem: &str) -> Result<Certificate> {
    Certificate::from_pem(pem.as_bytes()).map_err(|e| io_err(path, e))
}

impl Token for SoftToken {
    fn info(&self) -> Result<TokenInfo> {
        let f = load(&self.path)?;
        let cert = parse_cert(&self.path, &f.certificate)?;
        Ok(TokenInfo {
            label: f.label,
            serial: hex::encode(cert.tbs_certificate.serial_number.as_bytes()),
            manufacturer: "cleocps".into(),
            model: "soft token".into(),
            source: TokenSource::Soft {
                path: self.path.clone(),
            },
            pin: pin_state(f.tries_left),
        })
    }

    fn signature_certificate(&self) -> Result<Certificate> {
        let f = load(&self.path)?;
        parse_cert(&self.path, &f.certificate)
    }

    fn sign_sha256(&mut self, pin: &Secret, data: &[u8]) -> Result<Vec<u8>> {
        // Re-read: another process may have used a try meanwhile.
        let mut f = load(&self.path)?;
        if f.tries_left == 0 {
            return Err(CardError::PinLocked);
        }
        check_pin_length(pin, &bounds())?;
        f.tries_left -= 1;
        store(&self.path, &f)?;
        let key = match decode_key_pem(&f.key, Some(pin)) {
            Ok(k) => k,
            Err(PkiError::WrongKeyPassword) => {
                return Err(if f.tries_left == 0 {
                    CardError::PinLocked
                } else {
                    CardError::WrongPin
                })
            }
            Err(e) => return Err(e.into()),
        };
        // A good PIN restores the tries, like the card.
        f.tries_left = MAX_TRIES;
        store(&self.path, &f)?;
        // Blinded, as a card's own operation would be protected.
        key.sign_with_rng(
            &mut rand::thread_rng(),
            rsa::pkcs1v15::Pkcs1v15Sign::new::<Sha256>(),
            &Sha256::digest(data),
        )
        .map_err(|e| PkiError::Crypto(e.to_string()).into())
    }
}

/// Writes a soft token at `path` (mode 0600) from the holder certificate and
/// key (PEM; a clear PKCS#8 key, or one encrypted under `pin`), protected by
/// `pin` (4 to 8 characters), with 3 tries.
pub fn soft_init(
    path: &Path,
    holder_cert_pem: &str,
    holder_key_pem: &str,
    pin: &Secret,
) -> Result<()> {
    check_pin_length(pin, &bounds())?;
    let cert = parse_cert(path, holder_cert_pem)?;
    let key = decode_key_pem(holder_key_pem, Some(pin))?;
    let spki = cert
        .tbs_certificate
        .subject_public_key_info
        .to_der()
        .map_err(|e| PkiError::Crypto(e.to_string()))?;
    let public = rsa::RsaPublicKey::from_public_key_der(&spki).map_err(|_| PkiError::NotRsaKey)?;
    if public != key.to_public_key() {
        return Err(CardError::KeyCertificateMismatch);
    }
    // Normalise the PEM (a DER round trip) so the file holds one certificate.
    let cert_der = cert.to_der().map_err(|e| PkiError::Crypto(e.to_string()))?;
    let cert = Certificate::from_der(&cert_der).map_err(|e| PkiError::Crypto(e.to_string()))?;
    let certificate = der::EncodePem::to_pem(&cert, der::pem::LineEnding::LF)
        .map_err(|e| PkiError::Crypto(e.to_string()))?;
    let enc = encode_key_pem(&key, Some(pin))?;
    let file = SoftFile {
        format: FORMAT.into(),
        label: format!("SOFTCPS-{}", holder_of(&cert).id),
        certificate,
        key: enc.to_string(),
        tries_left: MAX_TRIES,
    };
    store(path, &file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_follow_the_counter() {
        assert!(!pin_state(3).count_low);
        assert!(pin_state(2).count_low && !pin_state(2).final_try);
        assert!(pin_state(1).final_try && !pin_state(1).locked);
        assert!(pin_state(0).locked);
    }
}
