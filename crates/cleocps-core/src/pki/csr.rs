//! PKCS#10 certificate requests (DESIGN §4): subject `C, ST, L, O, OU, CN`,
//! SAN extension request, SHA-256 with RSA (PKCS#1 v1.5).

use super::{pem, PkiError, Result};
use const_oid::db::{rfc4519, rfc5280, rfc5912};
use der::asn1::{
    Any, BitString, Ia5String, OctetString, PrintableStringRef, SetOfVec, Utf8StringRef,
};
use der::{Decode, Encode};
use rsa::pkcs1v15::SigningKey;
use rsa::pkcs8::EncodePublicKey;
use rsa::signature::{RandomizedSigner, SignatureEncoding};
use sha2::Sha256;
use spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};
use x509_cert::attr::{Attribute, AttributeTypeAndValue};
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::ext::pkix::{ExtendedKeyUsage, KeyUsage, SubjectAltName};
use x509_cert::ext::Extension;
use x509_cert::name::{Name, RdnSequence, RelativeDistinguishedName};
use x509_cert::request::{CertReq, CertReqInfo, Version};

/// One subjectAltName entry of the request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SanEntry {
    /// A dNSName (server FQDN), ASCII (punycode for accented names).
    Dns(String),
    /// An rfc822Name (mailbox of an S/MIME server certificate).
    Email(String),
}

/// What the request names. Empty or `None` fields are left out of the subject.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CsrSpec {
    /// Country, two letters (`FR`), encoded as PrintableString.
    pub c: Option<String>,
    /// State or province (IGC-Santé puts the département here).
    pub st: Option<String>,
    /// Locality (classe 4 put the département here).
    pub l: Option<String>,
    /// Organisation.
    pub o: Option<String>,
    /// Organisational unit (the structure identifier).
    pub ou: Option<String>,
    /// Common name: the FQDN (SSL) or the e-mail address (S/MIME).
    pub cn: String,
    /// subjectAltName entries; the caller lists the CN too if it must appear there.
    pub san: Vec<SanEntry>,
    /// Key usage and extended key usage asked for (`None`: none asked, the CA decides).
    pub usage: Option<super::Usage>,
}

/// The request as PKCS#10 DER, signed with `key` (SHA-256 with RSA).
pub fn build_csr(key: &rsa::RsaPrivateKey, spec: &CsrSpec) -> Result<Vec<u8>> {
    let crypto = |e: &dyn std::fmt::Display| PkiError::Crypto(e.to_string());
    let subject = subject_name(spec)?;
    let public_key = SubjectPublicKeyInfoOwned::from_der(&public_key_der(&key.to_public_key())?)
        .map_err(|e| crypto(&e))?;
    let mut attributes = SetOfVec::new();
    let mut extensions: Vec<Extension> = san_extension(&spec.san)?.into_iter().collect();
    if let Some(usage) = spec.usage {
        extensions.extend(usage_extensions(usage)?);
    }
    if !extensions.is_empty() {
        let mut values = SetOfVec::new();
        values
            .insert(Any::encode_from(&extensions).map_err(|e| crypto(&e))?)
            .map_err(|e| crypto(&e))?;
        attributes
            .insert(Attribute {
                oid: rfc5912::ID_EXTENSION_REQ,
                values,
            })
            .map_err(|e| crypto(&e))?;
    }
    let info = CertReqInfo {
        version: Version::V1,
        subject,
        public_key,
        attributes,
    };
    let tbs = info.to_der().map_err(|e| crypto(&e))?;
    // Blinded: the RNG masks the private-key operation.
    let signer = SigningKey::<Sha256>::new(key.clone());
    let signature = signer
        .try_sign_with_rng(&mut rand::thread_rng(), &tbs)
        .map_err(|e| crypto(&e))?;
    let req = CertReq {
        info,
        // RFC 4055: the NULL parameter is present for RSA PKCS#1 v1.5.
        algorithm: AlgorithmIdentifierOwned {
            oid: rfc5912::SHA_256_WITH_RSA_ENCRYPTION,
            parameters: Some(Any::null()),
        },
        signature: BitString::from_bytes(&signature.to_bytes()).map_err(|e| crypto(&e))?,
    };
    req.to_der().map_err(|e| crypto(&e))
}

/// The request in PEM ("CERTIFICATE REQUEST"), as portals expect it.
pub fn csr_pem(der: &[u8]) -> String {
    pem::encode("CERTIFICATE REQUEST", der)
}

/// The DER of the first "CERTIFICATE REQUEST" block of `pem_text`, checked to be a PKCS#10.
pub fn csr_from_pem(pem_text: &str) -> Result<Vec<u8>> {
    let block = pem::blocks(pem_text)
        .into_iter()
        .find(|b| b.label == "CERTIFICATE REQUEST" || b.label == "NEW CERTIFICATE REQUEST")
        .ok_or_else(|| PkiError::BadCsr("no CERTIFICATE REQUEST block".into()))?;
    let der = block
        .der
        .ok_or_else(|| PkiError::BadCsr("damaged base64 or missing END line".into()))?;
    CertReq::from_der(&der).map_err(|e| PkiError::BadCsr(e.to_string()))?;
    Ok(der)
}

/// The SubjectPublicKeyInfo DER inside a PKCS#10 (finds the leaf without the key password).
pub fn csr_public_key_der(csr_der: &[u8]) -> Result<Vec<u8>> {
    let req = CertReq::from_der(csr_der).map_err(|e| PkiError::BadCsr(e.to_string()))?;
    req.info
        .public_key
        .to_der()
        .map_err(|e| PkiError::Crypto(e.to_string()))
}

/// The SubjectPublicKeyInfo DER of an RSA public key.
pub fn public_key_der(key: &rsa::RsaPublicKey) -> Result<Vec<u8>> {
    key.to_public_key_der()
        .map(|d| d.as_bytes().to_vec())
        .map_err(|e| PkiError::Crypto(e.to_string()))
}

/// The subject, built attribute by attribute so each gets the string type
/// DESIGN §4 asks for (`Name::from_str` would make C a UTF8String).
fn subject_name(spec: &CsrSpec) -> Result<Name> {
    let cn = spec.cn.trim();
    if cn.is_empty() {
        return Err(PkiError::EmptyCommonName);
    }
    let fields = [
        (rfc4519::C, "C", spec.c.as_deref()),
        (rfc4519::ST, "ST", spec.st.as_deref()),
        (rfc4519::L, "L", spec.l.as_deref()),
        (rfc4519::O, "O", spec.o.as_deref()),
        (rfc4519::OU, "OU", spec.ou.as_deref()),
        (rfc4519::CN, "CN", Some(cn)),
    ];
    let mut rdns = Vec::new();
    for (oid, field, value) in fields {
        let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
            continue;
        };
        let bad = || PkiError::BadSubjectField {
            field: field.to_string(),
            value: value.to_string(),
        };
        let any = if oid == rfc4519::C || oid == rfc4519::SERIAL_NUMBER {
            if oid == rfc4519::C && value.len() != 2 {
                return Err(bad());
            }
            Any::encode_from(&PrintableStringRef::new(value).map_err(|_| bad())?)
        } else {
            Any::encode_from(&Utf8StringRef::new(value).map_err(|_| bad())?)
        }
        .map_err(|_| bad())?;
        let mut set = SetOfVec::new();
        set.insert(AttributeTypeAndValue { oid, value: any })
            .map_err(|_| bad())?;
        rdns.push(RelativeDistinguishedName(set));
    }
    Ok(RdnSequence(rdns))
}

/// The subjectAltName extension, duplicates removed (names compared without case);
/// `None` when there is no entry.
fn san_extension(entries: &[SanEntry]) -> Result<Option<Extension>> {
    let mut seen: Vec<(bool, String)> = Vec::new();
    let mut names = Vec::new();
    for entry in entries {
        let (is_dns, value, field) = match entry {
            SanEntry::Dns(v) => (true, v.trim(), "SAN DNS"),
            SanEntry::Email(v) => (false, v.trim(), "SAN email"),
        };
        if value.is_empty() {
            continue;
        }
        let norm = (is_dns, value.to_ascii_lowercase());
        if seen.contains(&norm) {
            continue;
        }
        seen.push(norm);
        let ia5 = Ia5String::new(value).map_err(|_| PkiError::BadSubjectField {
            field: field.to_string(),
            value: value.to_string(),
        })?;
        names.push(if is_dns {
            GeneralName::DnsName(ia5)
        } else {
            GeneralName::Rfc822Name(ia5)
        });
    }
    if names.is_empty() {
        return Ok(None);
    }
    let crypto = |e: der::Error| PkiError::Crypto(e.to_string());
    let value = SubjectAltName(names).to_der().map_err(crypto)?;
    Ok(Some(Extension {
        extn_id: rfc5280::ID_CE_SUBJECT_ALT_NAME,
        critical: false,
        extn_value: OctetString::new(value).map_err(crypto)?,
    }))
}

/// The keyUsage (critical) and extendedKeyUsage extensions `usage` asks for.
fn usage_extensions(usage: super::Usage) -> Result<Vec<Extension>> {
    let crypto = |e: der::Error| PkiError::Crypto(e.to_string());
    let (bits, eku) = usage.requested();
    let flags = bits
        .into_iter()
        .fold(x509_cert::der::flagset::FlagSet::default(), |f, b| f | b);
    let mut out = vec![Extension {
        extn_id: rfc5280::ID_CE_KEY_USAGE,
        critical: true,
        extn_value: OctetString::new(KeyUsage(flags).to_der().map_err(crypto)?).map_err(crypto)?,
    }];
    if let Some(oid) = eku {
        out.push(Extension {
            extn_id: rfc5280::ID_CE_EXT_KEY_USAGE,
            critical: false,
            extn_value: OctetString::new(ExtendedKeyUsage(vec![oid]).to_der().map_err(crypto)?)
                .map_err(crypto)?,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pki::test_support::{run, test_key};
    use std::process::Command;

    fn check_with_openssl(der: &[u8]) -> (String, String) {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("req.pem");
        std::fs::write(&path, csr_pem(der)).expect("write");
        let text = run(Command::new("openssl")
            .args(["req", "-verify", "-noout", "-text", "-in"])
            .arg(&path));
        let asn1 = run(Command::new("openssl")
            .args(["asn1parse", "-in"])
            .arg(&path));
        (text, asn1)
    }

    #[test]
    fn org_request_names_a_service_and_asks_its_usage() {
        let key = test_key();
        let spec = CsrSpec {
            c: Some("FR".into()),
            st: Some("Paris (75)".into()),
            o: Some("HOPITAL DES 3. DAMES".into()),
            ou: Some("11B0073160".into()),
            cn: "INSI-AUTO".into(),
            usage: Some(crate::pki::Usage::ClientAuth),
            ..CsrSpec::default()
        };
        let (text, _) = check_with_openssl(&build_csr(&key, &spec).expect("csr"));
        assert!(text.contains("CN = INSI-AUTO"), "{text}");
        assert!(!text.contains("Subject Alternative Name"), "{text}");
        assert!(text.contains("X509v3 Key Usage: critical"), "{text}");
        assert!(text.contains("Digital Signature"), "{text}");
        assert!(text.contains("TLS Web Client Authentication"), "{text}");
        let sign = CsrSpec {
            usage: Some(crate::pki::Usage::Encipherment),
            ..spec
        };
        let (text, _) = check_with_openssl(&build_csr(&key, &sign).expect("csr"));
        assert!(text.contains("Key Encipherment"), "{text}");
        assert!(!text.contains("Extended Key Usage"), "{text}");
    }

    #[test]
    fn ssl_request_accepted_by_openssl() {
        let key = test_key();
        let spec = CsrSpec {
            c: Some("FR".into()),
            st: Some("Paris (75)".into()),
            l: Some(String::new()),
            o: Some("Hôpital Été".into()),
            ou: Some("318751275100020".into()),
            cn: "srv.example.fr".into(),
            san: vec![
                SanEntry::Dns("srv.example.fr".into()),
                SanEntry::Dns("www.example.fr".into()),
                SanEntry::Dns("SRV.example.fr".into()),
            ],
            usage: None,
        };
        let der = build_csr(&key, &spec).expect("csr");
        let (text, asn1) = check_with_openssl(&der);
        assert!(
            text.contains("C = FR, ST = Paris (75), O = H\\C3\\B4pital \\C3\\89t\\C3\\A9, OU = 318751275100020, CN = srv.example.fr")
                || text.contains("C = FR, ST = Paris (75), O = Hôpital Été, OU = 318751275100020, CN = srv.example.fr"),
            "{text}"
        );
        assert!(
            text.contains("DNS:srv.example.fr, DNS:www.example.fr\n"),
            "{text}"
        );
        assert!(text.contains("sha256WithRSAEncryption"), "{text}");
        // C is the first string of the subject: PrintableString; the others UTF8String.
        let strings: Vec<&str> = asn1
            .lines()
            .filter(|l| l.contains("STRING") && !l.contains("OCTET") && !l.contains("BIT"))
            .collect();
        assert!(strings[0].contains("PRINTABLESTRING") && strings[0].contains(":FR"));
        assert!(
            strings[1..].iter().all(|l| l.contains("UTF8STRING")),
            "{asn1}"
        );
        assert_eq!(strings.len(), 5, "L left out: {asn1}");
        // The key inside is ours.
        assert_eq!(
            csr_public_key_der(&der).expect("spki"),
            public_key_der(&key.to_public_key()).expect("spki")
        );
        assert_eq!(csr_from_pem(&csr_pem(&der)).expect("pem"), der);
    }

    #[test]
    fn smime_request_accepted_by_openssl() {
        let key = test_key();
        let spec = CsrSpec {
            c: Some("FR".into()),
            o: Some("Clinique".into()),
            cn: "messagerie@clinique.fr".into(),
            san: vec![SanEntry::Email("messagerie@clinique.fr".into())],
            ..CsrSpec::default()
        };
        let der = build_csr(&key, &spec).expect("csr");
        let (text, _) = check_with_openssl(&der);
        assert!(
            text.contains("C = FR, O = Clinique, CN = messagerie@clinique.fr"),
            "{text}"
        );
        assert!(text.contains("email:messagerie@clinique.fr"), "{text}");
    }

    #[test]
    fn bad_fields_are_refused() {
        let key = test_key();
        let mut spec = CsrSpec {
            c: Some("France".into()),
            cn: "a.fr".into(),
            ..CsrSpec::default()
        };
        assert!(matches!(
            build_csr(&key, &spec),
            Err(PkiError::BadSubjectField { .. })
        ));
        spec.c = None;
        spec.san = vec![SanEntry::Dns("hôpital.fr".into())];
        assert!(matches!(
            build_csr(&key, &spec),
            Err(PkiError::BadSubjectField { .. })
        ));
        spec.cn = " ".into();
        assert_eq!(build_csr(&key, &spec), Err(PkiError::EmptyCommonName));
        assert!(matches!(csr_from_pem("nothing"), Err(PkiError::BadCsr(_))));
    }
}
