//! CMS (RFC 5652) for the request file: SignedData signed elsewhere (the card),
//! EnvelopedData to the registration server, and the S/MIME wrapping of the
//! result. The opening side (`open_enveloped`, `verify_signed`) serves the
//! rehearsal registration server. Bytes in, bytes out: no card knowledge here.

use super::{der_limits, PkiError, Result};
use base64::Engine as _;
use cbc::cipher::{block_padding::Pkcs7, BlockDecryptMut, KeyIvInit};
use cms::builder::{
    create_content_type_attribute, create_message_digest_attribute, ContentEncryptionAlgorithm,
    EnvelopedDataBuilder, KeyEncryptionInfo, KeyTransRecipientInfoBuilder,
};
use cms::cert::{CertificateChoices, IssuerAndSerialNumber};
use cms::content_info::{CmsVersion, ContentInfo};
use cms::enveloped_data::{EnvelopedData, RecipientIdentifier, RecipientInfo};
use cms::signed_data::{
    CertificateSet, EncapsulatedContentInfo, SignedAttributes, SignedData, SignerIdentifier,
    SignerInfo, SignerInfos,
};
use const_oid::db::{rfc5911, rfc5912};
use der::asn1::{OctetString, OctetStringRef, SetOfVec, UtcTime};
use der::{Any, Decode, Encode};
use rsa::pkcs1v15::Pkcs1v15Sign;
use rsa::pkcs8::DecodePublicKey;
use rsa::{Pkcs1v15Encrypt, RsaPrivateKey, RsaPublicKey};
use sha2::{Digest, Sha256};
use spki::AlgorithmIdentifierOwned;
use std::time::SystemTime;
use x509_cert::attr::{Attribute, AttributeValue};
use x509_cert::Certificate;

fn bad(e: impl std::fmt::Display) -> PkiError {
    PkiError::BadCms(e.to_string())
}

fn crypto(e: impl std::fmt::Display) -> PkiError {
    PkiError::Crypto(e.to_string())
}

fn alg(oid: der::oid::ObjectIdentifier) -> AlgorithmIdentifierOwned {
    AlgorithmIdentifierOwned {
        oid,
        parameters: None,
    }
}

fn issuer_and_serial(cert: &Certificate) -> IssuerAndSerialNumber {
    IssuerAndSerialNumber {
        issuer: cert.tbs_certificate.issuer.clone(),
        serial_number: cert.tbs_certificate.serial_number.clone(),
    }
}

fn signing_time_attribute(t: SystemTime) -> Result<Attribute> {
    // RFC 5652 §11.3: UTCTime up to 2049, which UtcTime enforces.
    let time = UtcTime::from_system_time(t).map_err(crypto)?;
    let mut values = SetOfVec::new();
    values
        .insert(AttributeValue::from_der(&time.to_der().map_err(crypto)?).map_err(crypto)?)
        .map_err(crypto)?;
    Ok(Attribute {
        oid: rfc5911::ID_SIGNING_TIME,
        values,
    })
}

/// The signer of [`signed_data`]: DER of the signed attributes in, signature out.
pub type SignFn<'a> = dyn FnMut(&[u8]) -> std::result::Result<Vec<u8>, String> + 'a;

/// DER `ContentInfo(SignedData)` with `content` attached (id-data), one signer
/// identified by issuer and serial, SHA-256, signed attributes contentType,
/// messageDigest and signingTime, and the signer's certificate.
///
/// `sign` gets the DER of the signed attributes SET and must return the
/// PKCS#1 v1.5 SHA-256 RSA signature of it (it hashes itself, like
/// `CKM_SHA256_RSA_PKCS`). Its error text comes back as [`PkiError::SignFailed`].
pub fn signed_data(
    content: &[u8],
    signer: &Certificate,
    signing_time: SystemTime,
    sign: &mut SignFn<'_>,
) -> Result<Vec<u8>> {
    let digest = Sha256::digest(content);
    let attrs: SignedAttributes = SetOfVec::try_from(vec![
        create_content_type_attribute(rfc5911::ID_DATA).map_err(crypto)?,
        create_message_digest_attribute(&digest).map_err(crypto)?,
        signing_time_attribute(signing_time)?,
    ])
    .map_err(crypto)?;
    // The signature covers the attributes encoded as a SET (tag 0x31), not
    // as the [0] IMPLICIT field they become in SignerInfo.
    let to_sign = attrs.to_der().map_err(crypto)?;
    let signature = sign(&to_sign).map_err(PkiError::SignFailed)?;

    let signer_info = SignerInfo {
        version: CmsVersion::V1,
        sid: SignerIdentifier::IssuerAndSerialNumber(issuer_and_serial(signer)),
        digest_alg: alg(rfc5912::ID_SHA_256),
        signed_attrs: Some(attrs),
        signature_algorithm: alg(rfc5912::RSA_ENCRYPTION),
        signature: OctetString::new(signature).map_err(crypto)?,
        unsigned_attrs: None,
    };
    let econtent = Any::from_der(
        &OctetStringRef::new(content)
            .map_err(crypto)?
            .to_der()
            .map_err(crypto)?,
    )
    .map_err(crypto)?;
    let sd = SignedData {
        version: CmsVersion::V1,
        digest_algorithms: SetOfVec::try_from(vec![alg(rfc5912::ID_SHA_256)]).map_err(crypto)?,
        encap_content_info: EncapsulatedContentInfo {
            econtent_type: rfc5911::ID_DATA,
            econtent: Some(econtent),
        },
        certificates: Some(
            CertificateSet::try_from(vec![CertificateChoices::Certificate(signer.clone())])
                .map_err(crypto)?,
        ),
        crls: None,
        signer_infos: SignerInfos::try_from(vec![signer_info]).map_err(crypto)?,
    };
    wrap(rfc5911::ID_SIGNED_DATA, &sd)
}

fn wrap(content_type: der::oid::ObjectIdentifier, inner: &impl Encode) -> Result<Vec<u8>> {
    let content = Any::from_der(&inner.to_der().map_err(crypto)?).map_err(crypto)?;
    ContentInfo {
        content_type,
        content,
    }
    .to_der()
    .map_err(crypto)
}

/// DER `ContentInfo(EnvelopedData)` for one recipient: RSA PKCS#1 v1.5 key
/// transport to `recipient` (issuer and serial), content in AES-256-CBC.
pub fn enveloped_data(content: &[u8], recipient: &Certificate) -> Result<Vec<u8>> {
    let spki_der = recipient
        .tbs_certificate
        .subject_public_key_info
        .to_der()
        .map_err(crypto)?;
    let key = RsaPublicKey::from_public_key_der(&spki_der).map_err(|_| PkiError::NotRsaKey)?;
    let mut rng = rand::rngs::OsRng;
    let mut key_rng = rand::rngs::OsRng;
    let ktri = KeyTransRecipientInfoBuilder::new(
        RecipientIdentifier::IssuerAndSerialNumber(issuer_and_serial(recipient)),
        KeyEncryptionInfo::Rsa(key),
        &mut key_rng,
    )
    .map_err(crypto)?;
    let mut builder =
        EnvelopedDataBuilder::new(None, content, ContentEncryptionAlgorithm::Aes256Cbc, None)
            .map_err(crypto)?;
    builder.add_recipient_info(ktri).map_err(crypto)?;
    let ed = builder.build_with_rng(&mut rng).map_err(crypto)?;
    wrap(rfc5911::ID_ENVELOPED_DATA, &ed)
}

/// The `.p7m` as a MIME entity (attachment), base64 in 76-column lines, CRLF.
pub fn smime_entity(p7m_der: &[u8], filename: &str) -> String {
    // Quotes and line breaks would break the header: drop them.
    let name: String = filename
        .chars()
        .filter(|c| !matches!(c, '"' | '\\' | '\r' | '\n'))
        .collect();
    let b64 = base64::engine::general_purpose::STANDARD.encode(p7m_der);
    let mut out = format!(
        "Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name=\"{name}\"\r\n\
         Content-Transfer-Encoding: base64\r\n\
         Content-Disposition: attachment; filename=\"{name}\"\r\n\r\n"
    );
    for chunk in b64.as_bytes().chunks(76) {
        // base64 output is ASCII, so any chunk is valid UTF-8.
        out.push_str(&String::from_utf8_lossy(chunk));
        out.push_str("\r\n");
    }
    out
}

fn unwrap_content_info(der: &[u8], expected: der::oid::ObjectIdentifier) -> Result<Vec<u8>> {
    let ci = ContentInfo::from_der(der).map_err(bad)?;
    if ci.content_type != expected {
        return Err(bad(format!("content type {}", ci.content_type)));
    }
    ci.content.to_der().map_err(bad)
}

/// Decrypts an EnvelopedData addressed to `key` (RSA key transport, AES-CBC).
/// Untrusted input: its shape is bounded first ([`der_limits`], at most
/// 16 recipients), and each RSA decryption is blinded.
pub fn open_enveloped(der: &[u8], key: &RsaPrivateKey) -> Result<Vec<u8>> {
    der_limits::check(der).map_err(bad)?;
    let ed = EnvelopedData::from_der(&unwrap_content_info(der, rfc5911::ID_ENVELOPED_DATA)?)
        .map_err(bad)?;
    // Try each key-transport recipient: the one for us decrypts.
    let mut rng = rand::thread_rng();
    let cek = ed
        .recip_infos
        .0
        .iter()
        .filter_map(|ri| match ri {
            RecipientInfo::Ktri(k) => key
                .decrypt_blinded(&mut rng, Pkcs1v15Encrypt, k.enc_key.as_bytes())
                .ok(),
            _ => None,
        })
        .next()
        .ok_or(PkiError::NotForThisKey)?;
    let eci = &ed.encrypted_content;
    let iv_any = eci
        .content_enc_alg
        .parameters
        .as_ref()
        .ok_or_else(|| bad("no IV"))?;
    let iv = OctetString::from_der(&iv_any.to_der().map_err(bad)?).map_err(bad)?;
    let data = eci
        .encrypted_content
        .as_ref()
        .ok_or_else(|| bad("no encrypted content"))?
        .as_bytes();
    let oid = eci.content_enc_alg.oid;
    let plain = if oid == rfc5911::ID_AES_256_CBC {
        cbc::Decryptor::<aes::Aes256>::new_from_slices(&cek, iv.as_bytes())
            .map_err(|_| PkiError::NotForThisKey)?
            .decrypt_padded_vec_mut::<Pkcs7>(data)
    } else if oid == rfc5911::ID_AES_128_CBC {
        cbc::Decryptor::<aes::Aes128>::new_from_slices(&cek, iv.as_bytes())
            .map_err(|_| PkiError::NotForThisKey)?
            .decrypt_padded_vec_mut::<Pkcs7>(data)
    } else {
        return Err(bad(format!("content encryption {oid}")));
    };
    // A wrong key gives garbage, usually caught by the padding check.
    plain.map_err(|_| PkiError::NotForThisKey)
}

/// Checks an attached SignedData: messageDigest equals SHA-256 of the
/// content, and the signer's RSA PKCS#1 v1.5 signature over the signed
/// attributes verifies with the certificate carried in the message.
/// Returns the content and the signer certificate (its chain is not checked here).
pub fn verify_signed(der: &[u8]) -> Result<(Vec<u8>, Certificate)> {
    let sd = read_signed_data(der)?;
    let econtent = sd
        .encap_content_info
        .econtent
        .as_ref()
        .ok_or_else(|| bad("detached content"))?;
    let content = OctetString::from_der(&econtent.to_der().map_err(bad)?)
        .map_err(bad)?
        .into_bytes();
    let cert = verify_signer(&sd, &content)?;
    Ok((content, cert))
}

/// Checks a detached SignedData (the `smime.p7s` of a `multipart/signed`
/// mail) over `content`; returns the signer certificate.
pub fn verify_detached(der: &[u8], content: &[u8]) -> Result<Certificate> {
    let sd = read_signed_data(der)?;
    if sd.encap_content_info.econtent.is_some() {
        return Err(bad("attached content"));
    }
    verify_signer(&sd, content)
}

fn read_signed_data(der: &[u8]) -> Result<SignedData> {
    der_limits::check(der).map_err(bad)?;
    SignedData::from_der(&unwrap_content_info(der, rfc5911::ID_SIGNED_DATA)?).map_err(bad)
}

/// The one signer's signature over its signed attributes, whose
/// messageDigest must be the SHA-256 of `content`.
fn verify_signer(sd: &SignedData, content: &[u8]) -> Result<Certificate> {
    let si = sd
        .signer_infos
        .0
        .iter()
        .next()
        .ok_or_else(|| bad("no signer"))?;
    if si.digest_alg.oid != rfc5912::ID_SHA_256 {
        return Err(bad(format!("digest {}", si.digest_alg.oid)));
    }
    let SignerIdentifier::IssuerAndSerialNumber(ias) = &si.sid else {
        return Err(bad("signer by key identifier"));
    };
    let cert = sd
        .certificates
        .as_ref()
        .into_iter()
        .flat_map(|set| set.0.iter())
        .find_map(|c| match c {
            CertificateChoices::Certificate(c)
                if c.tbs_certificate.issuer == ias.issuer
                    && c.tbs_certificate.serial_number == ias.serial_number =>
            {
                Some(c.clone())
            }
            _ => None,
        })
        .ok_or_else(|| bad("signer certificate missing"))?;
    let attrs = si
        .signed_attrs
        .as_ref()
        .ok_or_else(|| bad("no signed attributes"))?;
    let digest = attrs
        .iter()
        .find(|a| a.oid == rfc5911::ID_MESSAGE_DIGEST)
        .and_then(|a| a.values.iter().next())
        .ok_or_else(|| bad("no messageDigest"))?;
    let digest = OctetString::from_der(&digest.to_der().map_err(bad)?).map_err(bad)?;
    if digest.as_bytes() != Sha256::digest(content).as_slice() {
        return Err(PkiError::CmsBadSignature);
    }
    let spki_der = cert
        .tbs_certificate
        .subject_public_key_info
        .to_der()
        .map_err(crypto)?;
    let key = RsaPublicKey::from_public_key_der(&spki_der).map_err(|_| PkiError::NotRsaKey)?;
    let signed = attrs.to_der().map_err(bad)?;
    key.verify(
        Pkcs1v15Sign::new::<Sha256>(),
        &Sha256::digest(&signed),
        si.signature.as_bytes(),
    )
    .map_err(|_| PkiError::CmsBadSignature)?;
    Ok(cert)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smime_entity_shape() {
        let body = smime_entity(&[0u8; 100], "req.p7m");
        assert!(body.starts_with(
            "Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name=\"req.p7m\"\r\n"
        ));
        assert!(body.contains("Content-Disposition: attachment; filename=\"req.p7m\"\r\n\r\n"));
        for line in body.split("\r\n").skip(4) {
            assert!(line.len() <= 76);
        }
        assert!(!body.replace("\r\n", "").contains('\n'));
    }
}
