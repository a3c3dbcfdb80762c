//! RSA key pairs: generation and PKCS#8 PEM, encrypted (PBES2) or clear.

use super::{PkiError, Result};
use crate::secret::Secret;
use pkcs8::{DecodePrivateKey, EncodePrivateKey, LineEnding};
use rand_core::{OsRng, RngCore};
use rsa::RsaPrivateKey;
use zeroize::Zeroizing;

/// PBKDF2-HMAC-SHA256 iterations for encrypted keys: OWASP's current figure
/// (600 000). Each step that opens the key pays it once (about a quarter of
/// a second; `cargo bench --bench pki` measures it beside openssl).
pub const PBKDF2_ITERATIONS: u32 = 600_000;

/// Key sizes cleocps offers. 1024 exists only for legacy (the original's default).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum KeySize {
    #[serde(rename = "1024")]
    Legacy1024,
    #[serde(rename = "2048")]
    B2048,
    #[serde(rename = "3072")]
    B3072,
    #[serde(rename = "4096")]
    B4096,
}

impl KeySize {
    pub fn bits(self) -> usize {
        match self {
            KeySize::Legacy1024 => 1024,
            KeySize::B2048 => 2048,
            KeySize::B3072 => 3072,
            KeySize::B4096 => 4096,
        }
    }

    pub fn from_bits(bits: usize) -> Option<KeySize> {
        match bits {
            1024 => Some(KeySize::Legacy1024),
            2048 => Some(KeySize::B2048),
            3072 => Some(KeySize::B3072),
            4096 => Some(KeySize::B4096),
            _ => None,
        }
    }
}

/// A fresh RSA key (public exponent 65537).
pub fn generate_key(size: KeySize) -> Result<RsaPrivateKey> {
    RsaPrivateKey::new(&mut OsRng, size.bits()).map_err(|e| PkiError::Crypto(e.to_string()))
}

/// PKCS#8 PEM: "ENCRYPTED PRIVATE KEY" (PBES2, PBKDF2-HMAC-SHA256,
/// AES-256-CBC, explicit parameters OpenSSL accepts) with a password,
/// "PRIVATE KEY" without.
pub fn encode_key_pem(key: &RsaPrivateKey, password: Option<&Secret>) -> Result<Zeroizing<String>> {
    let crypto = |e: &dyn std::fmt::Display| PkiError::Crypto(e.to_string());
    match password {
        None => key.to_pkcs8_pem(LineEnding::LF).map_err(|e| crypto(&e)),
        Some(pw) => {
            let mut salt = [0u8; 16];
            let mut iv = [0u8; 16];
            OsRng.fill_bytes(&mut salt);
            OsRng.fill_bytes(&mut iv);
            let params =
                pkcs5::pbes2::Parameters::pbkdf2_sha256_aes256cbc(PBKDF2_ITERATIONS, &salt, &iv)
                    .map_err(|e| crypto(&e))?;
            let doc = key.to_pkcs8_der().map_err(|e| crypto(&e))?;
            let info = pkcs8::PrivateKeyInfo::try_from(doc.as_bytes()).map_err(|e| crypto(&e))?;
            let enc = info
                .encrypt_with_params(params, pw.expose().as_bytes())
                .map_err(|e| crypto(&e))?;
            enc.to_pem("ENCRYPTED PRIVATE KEY", LineEnding::LF)
                .map_err(|e| crypto(&e))
        }
    }
}

/// True when the PEM holds an encrypted PKCS#8 key.
pub fn is_encrypted_key_pem(pem: &str) -> bool {
    pem.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")
}

/// Reads a key written by [`encode_key_pem`] (or OpenSSL's PKCS#8).
pub fn decode_key_pem(pem: &str, password: Option<&Secret>) -> Result<RsaPrivateKey> {
    if is_encrypted_key_pem(pem) {
        let pw = password.ok_or(PkiError::KeyPasswordNeeded)?;
        RsaPrivateKey::from_pkcs8_encrypted_pem(pem, pw.expose().as_bytes()).map_err(|e| match e {
            // A wrong password shows as bad padding or a non-key plaintext.
            pkcs8::Error::EncryptedPrivateKey(_) | pkcs8::Error::Asn1(_) => {
                PkiError::WrongKeyPassword
            }
            other => PkiError::BadKeyFile(other.to_string()),
        })
    } else {
        RsaPrivateKey::from_pkcs8_pem(pem).map_err(|e| PkiError::BadKeyFile(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encrypted_round_trip_and_wrong_password() {
        let key = generate_key(KeySize::Legacy1024).expect("gen");
        let pw = Secret::new("correct horse");
        let pem = encode_key_pem(&key, Some(&pw)).expect("enc");
        assert!(is_encrypted_key_pem(&pem));
        assert_eq!(decode_key_pem(&pem, Some(&pw)).expect("dec"), key);
        assert_eq!(
            decode_key_pem(&pem, Some(&Secret::new("wrong"))),
            Err(PkiError::WrongKeyPassword)
        );
        assert_eq!(decode_key_pem(&pem, None), Err(PkiError::KeyPasswordNeeded));
    }

    #[test]
    fn clear_round_trip() {
        let key = generate_key(KeySize::Legacy1024).expect("gen");
        let pem = encode_key_pem(&key, None).expect("enc");
        assert!(pem.starts_with("-----BEGIN PRIVATE KEY-----"));
        assert_eq!(decode_key_pem(&pem, None).expect("dec"), key);
    }
}
