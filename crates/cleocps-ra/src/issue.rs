//! Building and signing X.509 certificates (SHA-256 with RSA): names, the
//! extensions of the IGC-Santé-like profiles, SKI/AKI, random serials.
//! `TbsCertificate` is built directly so every field is under our control.

use super::crypto;
use cleocps_core::error::Result;
use cleocps_core::pki::KeySize;
use const_oid::db::{rfc4519, rfc5912};
use const_oid::{AssociatedOid, ObjectIdentifier};
use der::asn1::{
    Any, BitString, OctetString, PrintableStringRef, SetOfVec, UtcTime, Utf8StringRef,
};
use der::{Decode, Encode};
use rand_core::{OsRng, RngCore};
use rsa::pkcs1v15::SigningKey;
use rsa::signature::{RandomizedSigner, SignatureEncoding};
use rsa::RsaPrivateKey;
use sha1::Sha1;
use sha2::{Digest, Sha256};
use spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};
use std::time::{Duration, SystemTime};
use x509_cert::attr::AttributeTypeAndValue;
use x509_cert::ext::pkix::{
    AuthorityKeyIdentifier, BasicConstraints, ExtendedKeyUsage, KeyUsage, KeyUsages,
    SubjectKeyIdentifier,
};
use x509_cert::ext::Extension;
use x509_cert::name::{Name, RdnSequence, RelativeDistinguishedName};
use x509_cert::serial_number::SerialNumber;
use x509_cert::time::{Time, Validity};
use x509_cert::{Certificate, TbsCertificate, Version};

/// Size of the root and issuing CA keys. 4096 like the real roots would make
/// debug-build tests slow; 3072 keeps them quick and still strong.
pub const CA_KEY_BITS: KeySize = KeySize::B3072;

/// Backdating of `notBefore`, so a client whose clock runs a little late
/// still sees the certificate as valid.
const BACKDATE: Duration = Duration::from_secs(600);

/// The two server profiles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CertKind {
    /// SSL server: KU digitalSignature+keyEncipherment, EKU serverAuth+clientAuth, SAN dNSName.
    Ssl,
    /// S/MIME server: KU digitalSignature+keyEncipherment, EKU emailProtection, SAN rfc822Name.
    Smime,
}

/// One attribute of a name: its type and text.
pub(crate) type NamePart<'a> = (ObjectIdentifier, &'a str);

fn atv(oid: ObjectIdentifier, value: &str) -> Result<AttributeTypeAndValue> {
    // C and serialNumber are PrintableString (RFC 5280), the rest UTF8String.
    let value = if oid == rfc4519::C || oid == rfc4519::SERIAL_NUMBER {
        Any::encode_from(&PrintableStringRef::new(value).map_err(crypto)?)
    } else {
        Any::encode_from(&Utf8StringRef::new(value).map_err(crypto)?)
    }
    .map_err(crypto)?;
    Ok(AttributeTypeAndValue { oid, value })
}

/// A name with one attribute per RDN, in the order given.
pub(crate) fn name(parts: &[NamePart<'_>]) -> Result<Name> {
    let mut rdns = Vec::new();
    for (oid, value) in parts {
        let mut set = SetOfVec::new();
        set.insert(atv(*oid, value)?).map_err(crypto)?;
        rdns.push(RelativeDistinguishedName(set));
    }
    Ok(RdnSequence(rdns))
}

/// `name(single)` followed by one multi-valued RDN (like `CN=…+SN=…+GN=…` on CPS cards).
pub(crate) fn name_with_multi_rdn(single: &[NamePart<'_>], multi: &[NamePart<'_>]) -> Result<Name> {
    let mut n = name(single)?;
    let mut set = SetOfVec::new();
    for (oid, value) in multi {
        set.insert(atv(*oid, value)?).map_err(crypto)?;
    }
    n.0.push(RelativeDistinguishedName(set));
    Ok(n)
}

pub(crate) fn ext<T: Encode + AssociatedOid>(value: &T, critical: bool) -> Result<Extension> {
    Ok(Extension {
        extn_id: T::OID,
        critical,
        extn_value: OctetString::new(value.to_der().map_err(crypto)?).map_err(crypto)?,
    })
}

/// basicConstraints, critical for CAs (RFC 5280), not for leaves (like the IGC-Santé leaf).
pub(crate) fn basic_constraints(ca: bool, path_len: Option<u8>) -> Result<Extension> {
    ext(
        &BasicConstraints {
            ca,
            path_len_constraint: path_len,
        },
        ca,
    )
}

/// keyUsage, always critical.
pub(crate) fn key_usage(usages: &[KeyUsages]) -> Result<Extension> {
    let mut ku = KeyUsage(Default::default());
    for u in usages {
        ku.0 |= *u;
    }
    ext(&ku, true)
}

pub(crate) fn extended_key_usage(oids: &[ObjectIdentifier]) -> Result<Extension> {
    ext(&ExtendedKeyUsage(oids.to_vec()), false)
}

/// subjectAltName from already built names.
pub(crate) fn subject_alt_name(
    names: Vec<x509_cert::ext::pkix::name::GeneralName>,
) -> Result<Extension> {
    ext(&x509_cert::ext::pkix::SubjectAltName(names), false)
}

/// RFC 5280 §4.2.1.2 method 1: SHA-1 of the subjectPublicKey bits.
pub(crate) fn key_id(spki: &SubjectPublicKeyInfoOwned) -> Vec<u8> {
    Sha1::digest(spki.subject_public_key.raw_bytes()).to_vec()
}

/// A random positive 16-byte serial (top bit clear, second set: always 16 bytes).
fn random_serial() -> Result<SerialNumber> {
    let mut bytes = [0u8; 16];
    OsRng.fill_bytes(&mut bytes);
    bytes[0] = (bytes[0] & 0x7f) | 0x40;
    SerialNumber::new(&bytes).map_err(crypto)
}

/// UTCTime up to 2049, GeneralizedTime after (RFC 5280 §4.1.2.5).
fn time(t: SystemTime) -> Result<Time> {
    match UtcTime::from_system_time(t) {
        Ok(u) => Ok(Time::UtcTime(u)),
        Err(_) => Time::try_from(t).map_err(crypto),
    }
}

/// The SubjectPublicKeyInfo of an RSA key.
pub(crate) fn spki_of(key: &rsa::RsaPublicKey) -> Result<SubjectPublicKeyInfoOwned> {
    let der = cleocps_core::pki::public_key_der(key)?;
    SubjectPublicKeyInfoOwned::from_der(&der).map_err(crypto)
}

/// What goes into a certificate besides issuer, serial, SKI and AKI.
pub(crate) struct CertSpec {
    pub subject: Name,
    pub spki: SubjectPublicKeyInfoOwned,
    pub days: u32,
    /// Extensions other than SKI/AKI, in order.
    pub extensions: Vec<Extension>,
}

/// The signer: `None` for a self-signed certificate (the key is then the subject's).
pub(crate) type Issuer<'a> = Option<&'a Certificate>;

/// Signs `spec` with `key`, as `issuer` (or self-signed). The validity starts
/// a few minutes ago and never outlasts the issuer's.
pub(crate) fn sign(
    spec: CertSpec,
    issuer: Issuer<'_>,
    key: &RsaPrivateKey,
    now: SystemTime,
) -> Result<Certificate> {
    let mut not_after = now + Duration::from_secs(u64::from(spec.days) * 86_400);
    let (issuer_name, issuer_kid) = match issuer {
        Some(ca) => {
            not_after = not_after.min(ca.tbs_certificate.validity.not_after.to_system_time());
            (
                ca.tbs_certificate.subject.clone(),
                key_id(&ca.tbs_certificate.subject_public_key_info),
            )
        }
        None => (spec.subject.clone(), key_id(&spec.spki)),
    };
    let mut extensions = spec.extensions;
    extensions.push(ext(
        &SubjectKeyIdentifier(OctetString::new(key_id(&spec.spki)).map_err(crypto)?),
        false,
    )?);
    extensions.push(ext(
        &AuthorityKeyIdentifier {
            key_identifier: Some(OctetString::new(issuer_kid).map_err(crypto)?),
            authority_cert_issuer: None,
            authority_cert_serial_number: None,
        },
        false,
    )?);
    // RFC 4055: sha256WithRSAEncryption carries a NULL parameter.
    let algorithm = AlgorithmIdentifierOwned {
        oid: rfc5912::SHA_256_WITH_RSA_ENCRYPTION,
        parameters: Some(Any::null()),
    };
    let tbs = TbsCertificate {
        version: Version::V3,
        serial_number: random_serial()?,
        signature: algorithm.clone(),
        issuer: issuer_name,
        validity: Validity {
            not_before: time(now - BACKDATE)?,
            not_after: time(not_after)?,
        },
        subject: spec.subject,
        subject_public_key_info: spec.spki,
        issuer_unique_id: None,
        subject_unique_id: None,
        extensions: Some(extensions),
    };
    let tbs_der = tbs.to_der().map_err(crypto)?;
    // Randomized: the RNG blinds the CA key's operation.
    let signature = SigningKey::<Sha256>::new(key.clone())
        .try_sign_with_rng(&mut OsRng, &tbs_der)
        .map_err(crypto)?;
    Ok(Certificate {
        tbs_certificate: tbs,
        signature_algorithm: algorithm,
        signature: BitString::from_bytes(&signature.to_bytes()).map_err(crypto)?,
    })
}

/// A CA certificate: basicConstraints CA (with `path_len`), KU keyCertSign+cRLSign.
pub(crate) fn ca_spec(
    subject: Name,
    spki: SubjectPublicKeyInfoOwned,
    days: u32,
    path_len: Option<u8>,
) -> Result<CertSpec> {
    Ok(CertSpec {
        subject,
        spki,
        days,
        extensions: vec![
            basic_constraints(true, path_len)?,
            key_usage(&[KeyUsages::KeyCertSign, KeyUsages::CRLSign])?,
        ],
    })
}

/// SHA-256 hex of some bytes (replay keys, log lines).
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}
