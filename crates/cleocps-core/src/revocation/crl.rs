//! A CRL (RFC 5280 §5) read and checked once — issued and signed by the
//! certificate's issuer — then asked about each certificate by serial, so
//! a list of a hundred thousand entries is decoded once per round however
//! many certificates it covers.

use super::{Fault, Verified};
use const_oid::db::rfc5280;
use der::{Decode, Encode};
use std::collections::HashMap;
use std::time::SystemTime;
use x509_cert::crl::CertificateList;
use x509_cert::ext::pkix::CrlReason;
use x509_cert::Certificate;

/// A CRL whose signature by the issuer was verified: its dates and entries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Crl {
    this_update: SystemTime,
    next_update: Option<SystemTime>,
    /// Serial (DER integer bytes) → revocation date and reason.
    revoked: HashMap<Vec<u8>, (SystemTime, Option<String>)>,
}

impl Crl {
    /// What the CRL says of `leaf` (its dates are the caller's to judge).
    pub(super) fn about(&self, leaf: &Certificate) -> Verified {
        Verified {
            revoked: self
                .revoked
                .get(leaf.tbs_certificate.serial_number.as_bytes())
                .cloned(),
            this_update: self.this_update,
            next_update: self.next_update,
        }
    }
}

/// The CRL in `bytes` (DER, or PEM), when `issuer` signed it.
pub(super) fn verify(bytes: &[u8], issuer: &Certificate) -> Result<Crl, Fault> {
    let der = der_of(bytes)?;
    let crl = CertificateList::from_der(&der).map_err(|e| Fault::Unreadable(e.to_string()))?;
    let tbs = &crl.tbs_cert_list;
    if !crate::pki::same_name(&tbs.issuer, &issuer.tbs_certificate.subject) {
        return Err(Fault::NotSigned);
    }
    let signed = tbs
        .to_der()
        .ok()
        .and_then(|t| {
            crate::pki::signature_verifies(
                "CRL",
                crl.signature_algorithm.oid,
                &t,
                crl.signature.raw_bytes(),
                &issuer.tbs_certificate.subject_public_key_info,
            )
            .ok()
        })
        .unwrap_or(false);
    if !signed {
        return Err(Fault::NotSigned);
    }
    let revoked = tbs
        .revoked_certificates
        .iter()
        .flatten()
        .map(|r| {
            let reason = r
                .crl_entry_extensions
                .iter()
                .flatten()
                .find(|e| e.extn_id == rfc5280::ID_CE_CRL_REASONS)
                .and_then(|e| CrlReason::from_der(e.extn_value.as_bytes()).ok())
                .map(super::reason_name);
            (
                r.serial_number.as_bytes().to_vec(),
                (r.revocation_date.to_system_time(), reason),
            )
        })
        .collect();
    Ok(Crl {
        this_update: tbs.this_update.to_system_time(),
        next_update: tbs.next_update.map(|t| t.to_system_time()),
        revoked,
    })
}

/// CRLs are published in DER; `openssl ca -gencrl` writes PEM.
fn der_of(bytes: &[u8]) -> Result<Vec<u8>, Fault> {
    if !bytes.starts_with(b"-----BEGIN") {
        return Ok(bytes.to_vec());
    }
    let text = String::from_utf8_lossy(bytes);
    crate::pki::pem_blocks(&text)
        .into_iter()
        .find(|b| b.label == "X509 CRL")
        .and_then(|b| b.der)
        .ok_or_else(|| Fault::Unreadable("PEM without X509 CRL".into()))
}
