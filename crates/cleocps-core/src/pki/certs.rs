//! Reading certificates from whatever file the CA or portal gave (DESIGN
//! §4): PKCS#7 `.p7c`/`.p7b` in DER, BER or PEM, PEM bundles, one DER
//! certificate, or the same pasted as bare base64; and writing them back
//! as PEM.

use super::ber::{self, BerError};
use super::{pem, PkiError, Result};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use const_oid::db::rfc5911;
use der::asn1::AnyRef;
use der::{Decode, Encode, ErrorKind, Reader, SliceReader, Tag, TagNumber, Tagged};
use x509_cert::Certificate;

/// Whether `cert` carries the public key `spki_der` (SubjectPublicKeyInfo DER).
pub fn certificate_has_key(cert: &Certificate, spki_der: &[u8]) -> bool {
    let Ok(ours) = spki::SubjectPublicKeyInfoOwned::from_der(spki_der) else {
        return false;
    };
    let theirs = &cert.tbs_certificate.subject_public_key_info;
    ours.algorithm.oid == theirs.algorithm.oid
        && ours.subject_public_key == theirs.subject_public_key
}

/// Every certificate of an answer file: PKCS#7 `.p7c`/`.p7b` (DER, BER or
/// PEM `PKCS7`/`CMS`), PEM bundle, or one DER certificate; binary ones also
/// as bare base64 (pasted text). Duplicates are removed.
pub fn parse_certificates(bytes: &[u8]) -> Result<Vec<Certificate>> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(PkiError::EmptyAnswer);
    }
    let text = String::from_utf8_lossy(bytes);
    let found = if text.contains("-----BEGIN ") {
        from_pem(&text)?
    } else if let Some(der) = bare_base64(&text) {
        from_der(&der)?
    } else {
        from_der(bytes)?
    };
    let mut certs: Vec<Certificate> = Vec::new();
    for cert in found {
        if !certs.contains(&cert) {
            certs.push(cert);
        }
    }
    if certs.is_empty() {
        return Err(PkiError::NoCertificate);
    }
    Ok(certs)
}

/// One certificate, PEM (first CERTIFICATE block) or DER.
pub fn cert_from_pem_or_der(bytes: &[u8]) -> Result<Certificate> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(PkiError::EmptyAnswer);
    }
    let text = String::from_utf8_lossy(bytes);
    if text.contains("-----BEGIN ") {
        let block = pem::blocks(&text)
            .into_iter()
            .find(|b| is_cert_label(&b.label))
            .ok_or(PkiError::NotCertificates)?;
        let der = block.der.ok_or(PkiError::Truncated)?;
        return decode_cert(&der);
    }
    check_outer(bytes)?;
    decode_cert(bytes)
}

/// The certificate in PEM.
pub fn cert_pem(cert: &Certificate) -> Result<String> {
    let der = cert.to_der().map_err(|e| PkiError::Crypto(e.to_string()))?;
    Ok(pem::encode("CERTIFICATE", &der))
}

/// The certificates in PEM, one block after the other (chain, fullchain files).
pub fn certs_pem(certs: &[Certificate]) -> Result<String> {
    certs.iter().map(cert_pem).collect()
}

fn is_cert_label(label: &str) -> bool {
    matches!(
        label,
        "CERTIFICATE" | "X509 CERTIFICATE" | "TRUSTED CERTIFICATE"
    )
}

fn from_pem(text: &str) -> Result<Vec<Certificate>> {
    let mut certs = Vec::new();
    let mut recognised = false;
    for block in pem::blocks(text) {
        let is_cert = is_cert_label(&block.label);
        let is_p7 = block.label == "PKCS7" || block.label == "CMS";
        if !is_cert && !is_p7 {
            continue; // keys and other blocks of a bundle
        }
        recognised = true;
        let der = block.der.ok_or(PkiError::Truncated)?;
        if is_cert {
            certs.push(decode_cert(&der)?);
        } else {
            certs.extend(pkcs7_certs(&normalise(&der)?).map_err(der_error)?);
        }
    }
    if !recognised {
        return Err(PkiError::NotCertificates);
    }
    Ok(certs)
}

fn from_der(bytes: &[u8]) -> Result<Vec<Certificate>> {
    let der = normalise(bytes)?;
    super::der_limits::check(&der).map_err(|_| PkiError::NotCertificates)?;
    // Inside the outer SEQUENCE: an OID starts a ContentInfo (PKCS#7),
    // a SEQUENCE starts a certificate's TBSCertificate.
    let outer = AnyRef::from_der(&der).map_err(der_error)?;
    match outer.value().first() {
        Some(0x06) => pkcs7_certs(&der).map_err(der_error),
        Some(0x30) => Ok(vec![decode_cert(&der)?]),
        _ => Err(PkiError::NotCertificates),
    }
}

/// The outer SEQUENCE of `bytes` in DER, whether it came as DER or BER
/// (DESIGN §4); what follows it is dropped.
fn normalise(bytes: &[u8]) -> Result<Vec<u8>> {
    if bytes.first() != Some(&0x30) {
        return Err(PkiError::NotCertificates);
    }
    ber::to_der(bytes).map_err(|e| match e {
        BerError::Truncated => PkiError::Truncated,
        BerError::Invalid(_) => PkiError::NotCertificates,
    })
}

/// A DER or BER value pasted as bare base64 (no PEM lines), as portals
/// show it; `None` when `text` is not that.
fn bare_base64(text: &str) -> Option<Vec<u8>> {
    let b64: String = text.split_ascii_whitespace().collect();
    let alphabet = |c: char| c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '=');
    if b64.len() < 16 || !b64.chars().all(alphabet) {
        return None;
    }
    STANDARD
        .decode(b64)
        .ok()
        .filter(|d| d.first() == Some(&0x30))
}

/// The first TLV of `bytes`: trailing bytes (a newline, padding) are ignored.
fn outer_tlv(bytes: &[u8]) -> Result<&[u8]> {
    let mut r = SliceReader::new(bytes).map_err(der_error)?;
    r.tlv_bytes().map_err(der_error)
}

/// Tells a truncated file from one that is not DER at all, before
/// decoding, so the user gets the message that fits.
fn check_outer(bytes: &[u8]) -> Result<()> {
    if bytes.first() != Some(&0x30) {
        return Err(PkiError::NotCertificates);
    }
    outer_tlv(bytes).map(|_| ())
}

fn decode_cert(der: &[u8]) -> Result<Certificate> {
    // A name with thousands of attributes would cost der's SET OF sort minutes.
    super::der_limits::check(der).map_err(|_| PkiError::NotCertificates)?;
    let mut r = SliceReader::new(der).map_err(der_error)?;
    // "TRUSTED CERTIFICATE" blocks carry OpenSSL trust data after the certificate.
    Certificate::decode(&mut r).map_err(der_error)
}

fn der_error(e: der::Error) -> PkiError {
    match e.kind() {
        ErrorKind::Incomplete { .. } => PkiError::Truncated,
        _ => PkiError::NotCertificates,
    }
}

const CONTEXT_0: Tag = Tag::ContextSpecific {
    constructed: true,
    number: TagNumber::N0,
};

/// The certificates of a ContentInfo(SignedData), walked by hand: der's SET OF
/// decoding refuses a `.p7c` holding the same certificate twice.
fn pkcs7_certs(der: &[u8]) -> der::Result<Vec<Certificate>> {
    let content_info = AnyRef::decode(&mut SliceReader::new(der)?)?;
    let mut r = SliceReader::new(content_info.value())?;
    let content_type = der::asn1::ObjectIdentifier::decode(&mut r)?;
    if content_type != rfc5911::ID_SIGNED_DATA {
        return Err(ErrorKind::OidUnknown { oid: content_type }.into());
    }
    let explicit = AnyRef::decode(&mut r)?;
    if explicit.tag() != CONTEXT_0 {
        return Err(explicit.tag().unexpected_error(Some(CONTEXT_0)));
    }
    let signed_data = AnyRef::from_der(explicit.value())?;
    let mut r = SliceReader::new(signed_data.value())?;
    AnyRef::decode(&mut r)?; // version
    AnyRef::decode(&mut r)?; // digestAlgorithms
    AnyRef::decode(&mut r)?; // encapContentInfo
    let mut certs = Vec::new();
    if !r.is_finished() && r.peek_tag()? == CONTEXT_0 {
        let set = AnyRef::decode(&mut r)?;
        let mut r = SliceReader::new(set.value())?;
        while !r.is_finished() {
            let tlv = r.tlv_bytes()?;
            // Other CertificateChoices (attribute certificates…) are skipped.
            if tlv.first() == Some(&0x30) {
                certs.push(Certificate::from_der(tlv)?);
            }
        }
    }
    Ok(certs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pki::summary::{not_after, summarize};
    use crate::pki::test_support::{cert, make_pki, p7c, read, run, test_key};
    use std::process::Command;
    use std::time::SystemTime;

    fn setup() -> (tempfile::TempDir, crate::pki::test_support::TestPki) {
        let dir = tempfile::tempdir().expect("tmp");
        let pki = make_pki(dir.path(), &test_key(), "srv.example.fr");
        (dir, pki)
    }

    fn names(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn damaged_files_get_distinct_errors() {
        let (dir, pki) = setup();
        let (der, pem) = p7c(dir.path(), &[pki.leaf.as_path(), pki.inter.as_path()]);
        assert_eq!(parse_certificates(b"").err(), Some(PkiError::EmptyAnswer));
        assert_eq!(
            parse_certificates(b" \n").err(),
            Some(PkiError::EmptyAnswer)
        );
        assert_eq!(
            parse_certificates(&der[..der.len() / 2]).err(),
            Some(PkiError::Truncated)
        );
        assert_eq!(
            parse_certificates(&pem[..pem.len() / 2]).err(),
            Some(PkiError::Truncated)
        );
        let random: Vec<u8> = (0..500u32).map(|i| (i * 7919 % 251) as u8).collect();
        assert_eq!(
            parse_certificates(&random).err(),
            Some(PkiError::NotCertificates)
        );
        assert_eq!(
            parse_certificates(b"hello, this is a mail").err(),
            Some(PkiError::NotCertificates)
        );
        // BER (indefinite lengths) cut short, as DER.
        assert_eq!(
            parse_certificates(&[0x30, 0x80, 0x06, 0x09, 0, 0, 0, 0]).err(),
            Some(PkiError::Truncated)
        );
        // A certs-only PKCS#7 with no certificate (a rejection).
        let empty = dir.path().join("empty.p7c");
        run(Command::new("openssl")
            .args(["crl2pkcs7", "-nocrl", "-outform", "DER", "-out"])
            .arg(&empty));
        assert_eq!(
            parse_certificates(&read(&empty)).err(),
            Some(PkiError::NoCertificate)
        );
    }

    #[test]
    fn summary_and_pem_round_trip() {
        let (_dir, pki) = setup();
        let leaf = cert(&pki.leaf);
        let s = summarize(&leaf);
        assert!(s.subject.contains("CN=srv.example.fr"), "{}", s.subject);
        assert!(s.issuer.contains("CN=Test Intermediate"), "{}", s.issuer);
        assert_eq!(s.san, names(&["DNS:srv.example.fr"]));
        assert!(s.not_after.ends_with('Z'), "{}", s.not_after);
        let openssl_fp = run(Command::new("openssl")
            .args(["x509", "-noout", "-fingerprint", "-sha256", "-in"])
            .arg(&pki.leaf));
        assert!(openssl_fp.contains(&s.sha256_fingerprint), "{openssl_fp}");
        let serial = run(Command::new("openssl")
            .args(["x509", "-noout", "-serial", "-in"])
            .arg(&pki.leaf));
        assert_eq!(serial.trim(), format!("serial={}", s.serial));
        let pem = certs_pem(&[leaf.clone(), cert(&pki.inter)]).expect("pem");
        assert_eq!(
            parse_certificates(pem.as_bytes()).expect("parse"),
            vec![leaf.clone(), cert(&pki.inter)]
        );
        assert!(not_after(&leaf) > SystemTime::now());
    }
}
