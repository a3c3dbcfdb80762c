//! Certificates handed to other software as trust (DESIGN §4a `trust
//! export`): a certs-only PKCS#7 (`.p7b`, also the registration server's
//! `smime.p7c`) and a PKCS#12 truststore of trusted-certificate entries, the
//! shape `openssl pkcs12 -export -nokeys -jdktrust anyExtendedKeyUsage`
//! writes and Java's `KeyStore` and `keytool` list as `trustedCertEntry`.

use super::p12::{asn1, cert_bag, encrypted_info, pfx, P12Profile, FRIENDLY_NAME};
use super::Result;
use crate::secret::Secret;
use cms::cert::CertificateChoices;
use cms::content_info::{CmsVersion, ContentInfo};
use cms::signed_data::{CertificateSet, EncapsulatedContentInfo, SignedData, SignerInfos};
use const_oid::db::rfc5911;
use const_oid::ObjectIdentifier;
use der::asn1::{Any, BmpString, SetOfVec};
use der::{Decode, Encode};
use x509_cert::attr::{Attribute, Attributes};
use x509_cert::Certificate;

/// Oracle's "trusted key usage" bag attribute: what Java reads to make a
/// certificate bag a trusted entry.
const JDK_TRUSTED_KEY_USAGE: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("2.16.840.1.113894.746875.1.1");
/// anyExtendedKeyUsage: trusted for every purpose, as `-jdktrust` sets it.
const ANY_EXTENDED_KEY_USAGE: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.37.0");

/// DER `ContentInfo(SignedData)` holding `certs` only: no content, no signer.
pub fn certs_only_p7c(certs: &[Certificate]) -> Result<Vec<u8>> {
    let choices: Vec<CertificateChoices> = certs
        .iter()
        .cloned()
        .map(CertificateChoices::Certificate)
        .collect();
    let sd = SignedData {
        version: CmsVersion::V1,
        digest_algorithms: SetOfVec::new(),
        encap_content_info: EncapsulatedContentInfo {
            econtent_type: rfc5911::ID_DATA,
            econtent: None,
        },
        certificates: Some(CertificateSet::try_from(choices).map_err(asn1)?),
        crls: None,
        signer_infos: SignerInfos(SetOfVec::new()),
    };
    let content = Any::from_der(&sd.to_der().map_err(asn1)?).map_err(asn1)?;
    ContentInfo {
        content_type: rfc5911::ID_SIGNED_DATA,
        content,
    }
    .to_der()
    .map_err(asn1)
}

/// A PKCS#12 truststore: each certificate a trusted entry named by its alias.
pub fn build_truststore(
    entries: &[(String, Certificate)],
    password: &Secret,
    profile: P12Profile,
) -> Result<Vec<u8>> {
    let pw = password.expose();
    let mut bags = Vec::new();
    for (alias, cert) in entries {
        bags.push(cert_bag(
            &cert.to_der().map_err(asn1)?,
            Some(trusted(alias)?),
        )?);
    }
    let certs_info = encrypted_info(profile, pw, &bags.to_der().map_err(asn1)?)?;
    pfx(vec![certs_info], profile, pw)
}

/// friendlyName (the alias keytool shows) and the JDK trust attribute.
fn trusted(alias: &str) -> Result<Attributes> {
    let one = |value: Any| -> Result<SetOfVec<Any>> {
        let mut set = SetOfVec::new();
        set.insert(value).map_err(asn1)?;
        Ok(set)
    };
    let mut attrs = SetOfVec::new();
    let name = BmpString::from_utf8(alias).map_err(asn1)?;
    attrs
        .insert(Attribute {
            oid: FRIENDLY_NAME,
            values: one(Any::encode_from(&name).map_err(asn1)?)?,
        })
        .map_err(asn1)?;
    attrs
        .insert(Attribute {
            oid: JDK_TRUSTED_KEY_USAGE,
            values: one(Any::encode_from(&ANY_EXTENDED_KEY_USAGE).map_err(asn1)?)?,
        })
        .map_err(asn1)?;
    Ok(attrs)
}
