//! Certificate signatures (RSA PKCS#1 v1.5 with SHA-1/256/384/512).

use super::{PkiError, Result};
use const_oid::db::rfc5912;
use der::Encode;
use rsa::pkcs8::DecodePublicKey;
use rsa::{Pkcs1v15Sign, RsaPublicKey};
use sha1::Sha1;
use sha2::{Digest, Sha256, Sha384, Sha512};
use spki::SubjectPublicKeyInfoOwned;
use x509_cert::Certificate;

/// DigestInfo prefix for SHA-1 (the sha1 crate's `oid` feature is off).
const SHA1_PREFIX: [u8; 15] = [
    0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00, 0x04, 0x14,
];

/// True when `issuer_key` verifies `cert`'s signature (RSA PKCS#1 v1.5).
pub(super) fn verifies(cert: &Certificate, issuer_key: &SubjectPublicKeyInfoOwned) -> Result<bool> {
    let tbs = cert
        .tbs_certificate
        .to_der()
        .map_err(|e| PkiError::Crypto(e.to_string()))?;
    signature_verifies(
        &cert.tbs_certificate.subject.to_string(),
        cert.signature_algorithm.oid,
        &tbs,
        cert.signature.raw_bytes(),
        issuer_key,
    )
}

/// True when `key` verifies `signature` over `tbs` (RSA PKCS#1 v1.5): a
/// certificate's, a CRL's or an OCSP answer's. `what` names the signed object.
pub fn signature_verifies(
    what: &str,
    alg: const_oid::ObjectIdentifier,
    tbs: &[u8],
    signature: &[u8],
    key: &SubjectPublicKeyInfoOwned,
) -> Result<bool> {
    let (scheme, hashed) = match alg {
        rfc5912::SHA_256_WITH_RSA_ENCRYPTION => {
            (Pkcs1v15Sign::new::<Sha256>(), Sha256::digest(tbs).to_vec())
        }
        rfc5912::SHA_384_WITH_RSA_ENCRYPTION => {
            (Pkcs1v15Sign::new::<Sha384>(), Sha384::digest(tbs).to_vec())
        }
        rfc5912::SHA_512_WITH_RSA_ENCRYPTION => {
            (Pkcs1v15Sign::new::<Sha512>(), Sha512::digest(tbs).to_vec())
        }
        rfc5912::SHA_1_WITH_RSA_ENCRYPTION => (
            Pkcs1v15Sign {
                hash_len: Some(20),
                prefix: SHA1_PREFIX.into(),
            },
            Sha1::digest(tbs).to_vec(),
        ),
        other => {
            return Err(PkiError::UnsupportedSignature {
                subject: what.to_string(),
                algorithm: const_oid::db::DB
                    .by_oid(&other)
                    .map(str::to_string)
                    .unwrap_or_else(|| other.to_string()),
            })
        }
    };
    let Ok(spki_der) = key.to_der() else {
        return Ok(false);
    };
    // A key that is not RSA cannot have made an RSA signature.
    let Ok(key) = RsaPublicKey::from_public_key_der(&spki_der) else {
        return Ok(false);
    };
    Ok(key.verify(scheme, &hashed, signature).is_ok())
}

/// True when `cert` names `issuer` as its issuer and `issuer`'s key verifies it.
pub fn issued_by(cert: &Certificate, issuer: &Certificate) -> bool {
    super::path::same_name(
        &cert.tbs_certificate.issuer,
        &issuer.tbs_certificate.subject,
    ) && verifies(cert, &issuer.tbs_certificate.subject_public_key_info).unwrap_or(false)
}
