//! OCSP (RFC 6960): the request for one certificate (SHA-1 CertID, as
//! responders expect), and its answer read and checked — signed by the
//! issuer, or by a responder the issuer delegated (id-kp-OCSPSigning).

use super::{Fault, Verified};
use const_oid::db::{rfc5280, rfc5912, rfc6960};
use der::asn1::{Null, OctetString};
use der::{Decode, Encode};
use sha1::Sha1;
use sha2::{Digest, Sha256};
use spki::AlgorithmIdentifierOwned;
use std::time::SystemTime;
use x509_cert::ext::pkix::ExtendedKeyUsage;
use x509_cert::Certificate;
use x509_ocsp::{
    BasicOcspResponse, CertId, CertStatus, OcspRequest, OcspResponse, OcspResponseStatus, Request,
    TbsRequest, Version,
};

/// The DER `OCSPRequest` asking about `leaf`.
pub(super) fn request(leaf: &Certificate, issuer: &Certificate) -> Result<Vec<u8>, Fault> {
    let broken = |e: der::Error| Fault::Unreadable(e.to_string());
    let req_cert = cert_id(leaf, issuer).map_err(broken)?;
    OcspRequest {
        tbs_request: TbsRequest {
            version: Version::V1,
            requestor_name: None,
            request_list: vec![Request {
                req_cert,
                single_request_extensions: None,
            }],
            request_extensions: None,
        },
        optional_signature: None,
    }
    .to_der()
    .map_err(broken)
}

fn cert_id(leaf: &Certificate, issuer: &Certificate) -> der::Result<CertId> {
    let name = issuer.tbs_certificate.subject.to_der()?;
    let key = issuer
        .tbs_certificate
        .subject_public_key_info
        .subject_public_key
        .raw_bytes();
    Ok(CertId {
        hash_algorithm: AlgorithmIdentifierOwned {
            oid: rfc5912::ID_SHA_1,
            parameters: Some(Null.into()),
        },
        issuer_name_hash: OctetString::new(Sha1::digest(&name).to_vec())?,
        issuer_key_hash: OctetString::new(Sha1::digest(key).to_vec())?,
        serial_number: leaf.tbs_certificate.serial_number.clone(),
    })
}

/// True when `id` names `leaf` as issued by `issuer`, whatever hash the
/// responder chose among SHA-1 and SHA-256.
fn names(id: &CertId, leaf: &Certificate, issuer: &Certificate) -> bool {
    let Ok(name) = issuer.tbs_certificate.subject.to_der() else {
        return false;
    };
    let key = issuer
        .tbs_certificate
        .subject_public_key_info
        .subject_public_key
        .raw_bytes();
    let (n, k) = match id.hash_algorithm.oid {
        rfc5912::ID_SHA_1 => (Sha1::digest(&name).to_vec(), Sha1::digest(key).to_vec()),
        rfc5912::ID_SHA_256 => (Sha256::digest(&name).to_vec(), Sha256::digest(key).to_vec()),
        _ => return false,
    };
    id.serial_number == leaf.tbs_certificate.serial_number
        && id.issuer_name_hash.as_bytes() == n
        && id.issuer_key_hash.as_bytes() == k
}

/// The checked answer about `leaf` (its dates are the caller's to judge) in `der`; anything not proven is a fault.
pub(super) fn read(
    der: &[u8],
    leaf: &Certificate,
    issuer: &Certificate,
    now: SystemTime,
) -> Result<Verified, Fault> {
    let unreadable = |e: der::Error| Fault::Unreadable(e.to_string());
    let response = OcspResponse::from_der(der).map_err(unreadable)?;
    if response.response_status != OcspResponseStatus::Successful {
        return Err(Fault::Responder(
            status_name(response.response_status).into(),
        ));
    }
    let bytes = response
        .response_bytes
        .filter(|b| b.response_type == rfc6960::ID_PKIX_OCSP_BASIC)
        .ok_or_else(|| Fault::Unreadable("no basic OCSP response".into()))?;
    let basic = BasicOcspResponse::from_der(bytes.response.as_bytes()).map_err(unreadable)?;
    check_signer(&basic, issuer, now)?;
    let single = basic
        .tbs_response_data
        .responses
        .iter()
        .find(|r| names(&r.cert_id, leaf, issuer))
        .ok_or(Fault::NotListed)?;
    let verified = Verified {
        revoked: None,
        this_update: single.this_update.0.to_system_time(),
        next_update: single.next_update.map(|t| t.0.to_system_time()),
    };
    match single.cert_status {
        CertStatus::Good(_) => Ok(verified),
        CertStatus::Revoked(info) => Ok(Verified {
            revoked: Some((
                info.revocation_time.0.to_system_time(),
                info.revocation_reason.map(super::reason_name),
            )),
            ..verified
        }),
        CertStatus::Unknown(_) => Err(Fault::NotListed),
    }
}

/// The answer is signed by the issuer, or by a certificate in it that the
/// issuer signed for OCSP signing and that is valid now.
fn check_signer(
    basic: &BasicOcspResponse,
    issuer: &Certificate,
    now: SystemTime,
) -> Result<(), Fault> {
    let tbs = basic
        .tbs_response_data
        .to_der()
        .map_err(|e| Fault::Unreadable(e.to_string()))?;
    let signed_by = |cert: &Certificate| {
        crate::pki::signature_verifies(
            "OCSP",
            basic.signature_algorithm.oid,
            &tbs,
            basic.signature.raw_bytes(),
            &cert.tbs_certificate.subject_public_key_info,
        )
        .unwrap_or(false)
    };
    if signed_by(issuer) {
        return Ok(());
    }
    let delegated = basic.certs.iter().flatten().any(|responder| {
        let validity = &responder.tbs_certificate.validity;
        crate::pki::issued_by(responder, issuer)
            && validity.not_before.to_system_time() <= now
            && now <= validity.not_after.to_system_time()
            && ocsp_signing(responder)
            && signed_by(responder)
    });
    if delegated {
        Ok(())
    } else {
        Err(Fault::NotSigned)
    }
}

/// RFC 6960's name of a refusal, as responders' logs say it.
fn status_name(status: OcspResponseStatus) -> &'static str {
    match status {
        OcspResponseStatus::Successful => "successful",
        OcspResponseStatus::MalformedRequest => "malformedRequest",
        OcspResponseStatus::InternalError => "internalError",
        OcspResponseStatus::TryLater => "tryLater",
        OcspResponseStatus::SigRequired => "sigRequired",
        OcspResponseStatus::Unauthorized => "unauthorized",
    }
}

fn ocsp_signing(cert: &Certificate) -> bool {
    cert.tbs_certificate
        .extensions
        .iter()
        .flatten()
        .filter(|e| e.extn_id == rfc5280::ID_CE_EXT_KEY_USAGE)
        .filter_map(|e| ExtendedKeyUsage::from_der(e.extn_value.as_bytes()).ok())
        .any(|eku| eku.0.contains(&rfc5280::ID_KP_OCSP_SIGNING))
}
