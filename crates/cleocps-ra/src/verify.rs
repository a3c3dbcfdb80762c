//! Signature and certificate checks the server makes: a certificate against
//! its issuer, a PKCS#10 self-signature, key sizes and key usages.

use const_oid::db::rfc5912;
use const_oid::{AssociatedOid, ObjectIdentifier};
use der::{Decode, Encode};
use rsa::pkcs8::DecodePublicKey;
use rsa::traits::PublicKeyParts;
use rsa::{Pkcs1v15Sign, RsaPublicKey};
use sha2::{Digest, Sha256, Sha384, Sha512};
use spki::SubjectPublicKeyInfoOwned;
use std::time::SystemTime;
use x509_cert::ext::pkix::{KeyUsage, KeyUsages};
use x509_cert::request::CertReq;
use x509_cert::Certificate;

/// The RSA key of a SubjectPublicKeyInfo, if it is one.
pub(crate) fn rsa_key(spki: &SubjectPublicKeyInfoOwned) -> Option<RsaPublicKey> {
    let der = spki.to_der().ok()?;
    RsaPublicKey::from_public_key_der(&der).ok()
}

/// Modulus size in bits.
pub(crate) fn key_bits(key: &RsaPublicKey) -> usize {
    key.n().bits()
}

/// True when `signature` over `data` verifies with `key` for the RSA
/// PKCS#1 v1.5 algorithm `alg` (SHA-256/384/512; SHA-1 is not accepted).
fn rsa_verifies(alg: ObjectIdentifier, data: &[u8], signature: &[u8], key: &RsaPublicKey) -> bool {
    let (scheme, hashed) = match alg {
        rfc5912::SHA_256_WITH_RSA_ENCRYPTION => {
            (Pkcs1v15Sign::new::<Sha256>(), Sha256::digest(data).to_vec())
        }
        rfc5912::SHA_384_WITH_RSA_ENCRYPTION => {
            (Pkcs1v15Sign::new::<Sha384>(), Sha384::digest(data).to_vec())
        }
        rfc5912::SHA_512_WITH_RSA_ENCRYPTION => {
            (Pkcs1v15Sign::new::<Sha512>(), Sha512::digest(data).to_vec())
        }
        _ => return false,
    };
    key.verify(scheme, &hashed, signature).is_ok()
}

/// True when `issuer` signed `cert`.
pub(crate) fn signed_by(cert: &Certificate, issuer: &Certificate) -> bool {
    if cert.tbs_certificate.issuer != issuer.tbs_certificate.subject {
        return false;
    }
    let (Some(key), Ok(tbs)) = (
        rsa_key(&issuer.tbs_certificate.subject_public_key_info),
        cert.tbs_certificate.to_der(),
    ) else {
        return false;
    };
    rsa_verifies(
        cert.signature_algorithm.oid,
        &tbs,
        cert.signature.raw_bytes(),
        &key,
    )
}

/// True when `now` lies within the certificate's validity.
pub(crate) fn valid_at(cert: &Certificate, now: SystemTime) -> bool {
    let v = &cert.tbs_certificate.validity;
    v.not_before.to_system_time() <= now && now <= v.not_after.to_system_time()
}

/// The keyUsage of a certificate, if present and readable.
pub(crate) fn key_usage(cert: &Certificate) -> Option<KeyUsage> {
    cert.tbs_certificate
        .extensions
        .as_ref()?
        .iter()
        .find(|e| e.extn_id == KeyUsage::OID)
        .and_then(|e| KeyUsage::from_der(e.extn_value.as_bytes()).ok())
}

/// True when the certificate's keyUsage allows non-repudiation (a card's signature key).
pub(crate) fn has_non_repudiation(cert: &Certificate) -> bool {
    key_usage(cert).is_some_and(|ku| ku.0.contains(KeyUsages::NonRepudiation))
}

/// True when the PKCS#10 is signed by its own key.
pub(crate) fn csr_self_signed(req: &CertReq) -> bool {
    let (Some(key), Ok(info)) = (rsa_key(&req.info.public_key), req.info.to_der()) else {
        return false;
    };
    rsa_verifies(req.algorithm.oid, &info, req.signature.raw_bytes(), &key)
}
