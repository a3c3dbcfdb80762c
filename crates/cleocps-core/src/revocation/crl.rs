//! A CRL (RFC 5280 §5) read and checked: issued and signed by the
//! certificate's issuer, current (thisUpdate past, nextUpdate ahead).

use super::{Fault, Verified};
use const_oid::db::rfc5280;
use der::{Decode, Encode};
use x509_cert::crl::CertificateList;
use x509_cert::ext::pkix::CrlReason;
use x509_cert::Certificate;

/// The checked answer about `leaf` (its dates are the caller's to judge) in the CRL `bytes` (DER, or PEM).
pub(super) fn read(
    bytes: &[u8],
    leaf: &Certificate,
    issuer: &Certificate,
) -> Result<Verified, Fault> {
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
    let verified = Verified {
        revoked: None,
        this_update: tbs.this_update.to_system_time(),
        next_update: tbs.next_update.map(|t| t.to_system_time()),
    };
    let serial = &leaf.tbs_certificate.serial_number;
    let entry = tbs
        .revoked_certificates
        .iter()
        .flatten()
        .find(|r| &r.serial_number == serial);
    Ok(match entry {
        None => verified,
        Some(r) => Verified {
            revoked: Some((
                r.revocation_date.to_system_time(),
                r.crl_entry_extensions
                    .iter()
                    .flatten()
                    .find(|e| e.extn_id == rfc5280::ID_CE_CRL_REASONS)
                    .and_then(|e| CrlReason::from_der(e.extn_value.as_bytes()).ok())
                    .map(super::reason_name),
            )),
            ..verified
        },
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
