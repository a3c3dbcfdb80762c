//! Revocation at the rehearsal server (DESIGN §4c): `ra revoke` records a
//! serial in `DIR/revocation/revoked.json`; the CRL and the OCSP answers are
//! made from it when asked, signed by the issuing CA. Issued certificates
//! point at the address `ra revocation-serve` listens on
//! (`DIR/revocation/url`), so a client finds the revocation by itself.

use super::crypto;
use super::store::{RaDir, FILES};
use cleocps_core::error::{Error, Result};
use cleocps_core::fsutil::{create_private_dir, write_atomic};
use cleocps_core::validate::Problem;
use const_oid::db::{rfc5280, rfc5912};
use der::asn1::{Any, BitString, GeneralizedTime, OctetString, UtcTime};
use der::{Decode, Encode};
use rand_core::OsRng;
use rsa::pkcs1v15::SigningKey;
use rsa::signature::{RandomizedSigner, SignatureEncoding};
use sha1::Sha1;
use sha2::{Digest, Sha256};
use spki::AlgorithmIdentifierOwned;
use std::path::PathBuf;
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use x509_cert::crl::{CertificateList, RevokedCert, TbsCertList};
use x509_cert::ext::pkix::crl::dp::DistributionPoint;
use x509_cert::ext::pkix::name::{DistributionPointName, GeneralName};
use x509_cert::ext::pkix::{
    AccessDescription, AuthorityInfoAccessSyntax, CrlDistributionPoints, CrlReason,
};
use x509_cert::ext::Extension;
use x509_cert::serial_number::SerialNumber;
use x509_cert::time::Time;
use x509_ocsp::{
    BasicOcspResponse, CertId, CertStatus, OcspGeneralizedTime, OcspRequest, OcspResponse,
    ResponderId, ResponseData, RevokedInfo, SingleResponse, Version,
};

/// How long an answer is good for: short, so a rehearsal revocation shows
/// within a minute even where an earlier answer was cached.
const ANSWER_LIFE: Duration = Duration::from_secs(60);

/// Paths under `DIR/revocation/`.
fn dir(ra: &RaDir) -> PathBuf {
    ra.dir.join("revocation")
}

/// One revocation, as `revoked.json` keeps it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Revoked {
    /// Uppercase hex, no leading zero.
    pub serial: String,
    /// Seconds since the epoch.
    pub revoked_at: u64,
    pub reason: String,
}

/// Uppercase hex without separators or leading zeros.
fn normal(serial: &str) -> String {
    let hex: String = serial.chars().filter(|c| *c != ':').collect();
    hex.trim_start_matches('0').to_uppercase()
}

fn bad(id: &'static str) -> Error {
    Error::Invalid {
        field: "serial",
        problem: Problem { id },
    }
}

/// Every revocation recorded.
pub fn revoked(ra: &RaDir) -> Vec<Revoked> {
    std::fs::read(dir(ra).join("revoked.json"))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default()
}

/// `ra revoke DIR SERIAL --reason R`: records it (once; a second revoke
/// keeps the first date and reason, as a CA does).
pub fn revoke(ra: &RaDir, serial: &str, reason: &str, now: SystemTime) -> Result<Revoked> {
    let serial_n = normal(serial);
    if serial_n.is_empty() || !serial_n.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(bad("revocation.bad_serial"));
    }
    let issued = std::fs::read_dir(ra.dir.join(FILES.issued))
        .map(|d| {
            d.flatten().any(|e| {
                normal(
                    e.path()
                        .file_stem()
                        .unwrap_or_default()
                        .to_string_lossy()
                        .as_ref(),
                ) == serial_n
            })
        })
        .unwrap_or(false);
    if !issued {
        return Err(bad("revocation.serial_unknown"));
    }
    let reason = cleocps_core::revocation::reason_of(reason)
        .map(cleocps_core::revocation::reason_name)
        .ok_or_else(|| bad("revocation.bad_reason"))?;
    let mut all = revoked(ra);
    if let Some(r) = all.iter().find(|r| r.serial == serial_n) {
        return Ok(r.clone());
    }
    let entry = Revoked {
        serial: serial_n,
        revoked_at: now
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0),
        reason,
    };
    all.push(entry.clone());
    let d = dir(ra);
    create_private_dir(&d).map_err(|e| Error::io(&d, e))?;
    let path = d.join("revoked.json");
    let json = serde_json::to_vec_pretty(&all).map_err(crypto)?;
    write_atomic(&path, &json, 0o644).map_err(|e| Error::io(&path, e))?;
    Ok(entry)
}

/// Records the base URL `ra revocation-serve` answers on.
pub fn publish_url(ra: &RaDir, base: &str) -> Result<()> {
    let d = dir(ra);
    create_private_dir(&d).map_err(|e| Error::io(&d, e))?;
    let path = d.join("url");
    write_atomic(&path, base.as_bytes(), 0o644).map_err(|e| Error::io(&path, e))
}

/// The AIA (OCSP) and CRL distribution point extensions of issued
/// certificates, once a revocation server address is recorded.
pub(crate) fn pointers(ra: &RaDir) -> Result<Vec<Extension>> {
    let Ok(base) = std::fs::read_to_string(dir(ra).join("url")) else {
        return Ok(Vec::new());
    };
    let base = base.trim().trim_end_matches('/');
    let uri = |u: String| {
        der::asn1::Ia5String::new(&u)
            .map(GeneralName::UniformResourceIdentifier)
            .map_err(crypto)
    };
    let aia = AuthorityInfoAccessSyntax(vec![AccessDescription {
        access_method: rfc5280::ID_AD_OCSP,
        access_location: uri(format!("{base}/ocsp"))?,
    }]);
    let crldp = CrlDistributionPoints(vec![DistributionPoint {
        distribution_point: Some(DistributionPointName::FullName(vec![uri(format!(
            "{base}/crl/ca.crl"
        ))?])),
        reasons: None,
        crl_issuer: None,
    }]);
    let ext = |oid, der: Vec<u8>| -> Result<Extension> {
        Ok(Extension {
            extn_id: oid,
            critical: false,
            extn_value: OctetString::new(der).map_err(crypto)?,
        })
    };
    Ok(vec![
        ext(
            rfc5280::ID_PE_AUTHORITY_INFO_ACCESS,
            aia.to_der().map_err(crypto)?,
        )?,
        ext(
            rfc5280::ID_CE_CRL_DISTRIBUTION_POINTS,
            crldp.to_der().map_err(crypto)?,
        )?,
    ])
}

fn sha256_rsa() -> AlgorithmIdentifierOwned {
    AlgorithmIdentifierOwned {
        oid: rfc5912::SHA_256_WITH_RSA_ENCRYPTION,
        parameters: Some(Any::null()),
    }
}

fn sign(ra: &RaDir, tbs: &[u8]) -> Result<BitString> {
    let signature = SigningKey::<Sha256>::new(ra.ca_key.clone())
        .try_sign_with_rng(&mut OsRng, tbs)
        .map_err(crypto)?;
    BitString::from_bytes(&signature.to_bytes()).map_err(crypto)
}

fn serial_number(hex_serial: &str) -> Result<SerialNumber> {
    let even = if hex_serial.len() % 2 == 1 {
        format!("0{hex_serial}")
    } else {
        hex_serial.to_string()
    };
    let mut bytes = hex::decode(even).map_err(crypto)?;
    // A positive INTEGER: a leading bit set needs a zero byte before it.
    if bytes.first().is_some_and(|b| b & 0x80 != 0) {
        bytes.insert(0, 0);
    }
    SerialNumber::new(&bytes).map_err(crypto)
}

fn reason_ext(reason: &str) -> Result<Option<Vec<Extension>>> {
    let Some(code) = cleocps_core::revocation::reason_of(reason) else {
        return Ok(None);
    };
    Ok(Some(vec![Extension {
        extn_id: rfc5280::ID_CE_CRL_REASONS,
        critical: false,
        extn_value: OctetString::new(code.to_der().map_err(crypto)?).map_err(crypto)?,
    }]))
}

fn at(secs: u64) -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(secs)
}

/// The CRL (DER), signed now by the issuing CA.
pub fn crl(ra: &RaDir, now: SystemTime) -> Result<Vec<u8>> {
    let time = |t: SystemTime| {
        UtcTime::from_system_time(t)
            .map(Time::UtcTime)
            .map_err(crypto)
    };
    let mut entries = Vec::new();
    for r in revoked(ra) {
        entries.push(RevokedCert {
            serial_number: serial_number(&r.serial)?,
            revocation_date: time(at(r.revoked_at))?,
            crl_entry_extensions: reason_ext(&r.reason)?,
        });
    }
    let tbs = TbsCertList {
        version: x509_cert::Version::V2,
        signature: sha256_rsa(),
        issuer: ra.ca.tbs_certificate.subject.clone(),
        this_update: time(now)?,
        next_update: Some(time(now + ANSWER_LIFE)?),
        revoked_certificates: (!entries.is_empty()).then_some(entries),
        crl_extensions: None,
    };
    let signature = sign(ra, &tbs.to_der().map_err(crypto)?)?;
    CertificateList {
        tbs_cert_list: tbs,
        signature_algorithm: sha256_rsa(),
        signature,
    }
    .to_der()
    .map_err(crypto)
}

/// True when `id` names a certificate of this server's issuing CA.
fn ours(ra: &RaDir, id: &CertId) -> bool {
    let Ok(name) = ra.ca.tbs_certificate.subject.to_der() else {
        return false;
    };
    let key = ra
        .ca
        .tbs_certificate
        .subject_public_key_info
        .subject_public_key
        .raw_bytes();
    let (n, k) = match id.hash_algorithm.oid {
        rfc5912::ID_SHA_1 => (Sha1::digest(&name).to_vec(), Sha1::digest(key).to_vec()),
        rfc5912::ID_SHA_256 => (Sha256::digest(&name).to_vec(), Sha256::digest(key).to_vec()),
        _ => return false,
    };
    id.issuer_name_hash.as_bytes() == n && id.issuer_key_hash.as_bytes() == k
}

/// The OCSP answer (DER) to the request `der`: one status per certificate
/// asked, "unknown" for another CA's; a request that can't be read gets
/// `malformedRequest`.
pub fn ocsp(ra: &RaDir, der: &[u8], now: SystemTime) -> Result<Vec<u8>> {
    let Ok(request) = OcspRequest::from_der(der) else {
        return OcspResponse::malformed_request().to_der().map_err(crypto);
    };
    let gt = |t: SystemTime| {
        GeneralizedTime::from_system_time(t)
            .map(OcspGeneralizedTime)
            .map_err(crypto)
    };
    let all = revoked(ra);
    let mut responses = Vec::new();
    for asked in request.tbs_request.request_list.iter().take(16) {
        let id = &asked.req_cert;
        let serial = normal(&hex::encode_upper(id.serial_number.as_bytes()));
        let cert_status = if !ours(ra, id) {
            CertStatus::unknown()
        } else if let Some(r) = all.iter().find(|r| r.serial == serial) {
            CertStatus::revoked(RevokedInfo {
                revocation_time: gt(at(r.revoked_at))?,
                revocation_reason: cleocps_core::revocation::reason_of(&r.reason)
                    .filter(|c| *c != CrlReason::Unspecified),
            })
        } else {
            CertStatus::good()
        };
        responses.push(SingleResponse {
            cert_id: id.clone(),
            cert_status,
            this_update: gt(now)?,
            next_update: Some(gt(now + ANSWER_LIFE)?),
            single_extensions: None,
        });
    }
    let data = ResponseData {
        version: Version::V1,
        responder_id: ResponderId::ByName(ra.ca.tbs_certificate.subject.clone()),
        produced_at: gt(now)?,
        responses,
        response_extensions: None,
    };
    let signature = sign(ra, &data.to_der().map_err(crypto)?)?;
    let basic = BasicOcspResponse {
        tbs_response_data: data,
        signature_algorithm: sha256_rsa(),
        signature,
        certs: None,
    };
    OcspResponse::successful(basic)
        .and_then(|r| r.to_der())
        .map_err(crypto)
}
