//! `request adopt` (DESIGN §9a): a key and certificate obtained elsewhere
//! (the Windows CleoCPS, the IGC-Santé portal) taken in as a request in
//! `certificate_imported`, so they are listed, checked, exported, deployed
//! and renewed like the rest. Everything is checked before anything is
//! written: a wrong password, a key that doesn't match, or a certificate
//! outside the trust anchors leaves the workspace as it was.

use super::{now, ImportReport};
use crate::error::{Error, Result};
use crate::pki::{self, PkiError};
use crate::request::{Action, Request, RequestType, SanKind, State, Subject};
use crate::sanitize;
use crate::secret::Secret;
use crate::trust;
use crate::workspace::{split_request_path, RequestFile, Workspace};
use const_oid::db::rfc4519;
use der::Encode;
use rsa::pkcs8::EncodePublicKey;
use rsa::traits::PublicKeyParts;
use rsa::RsaPrivateKey;
use x509_cert::Certificate;

/// Where the key and certificate come from.
pub enum AdoptSource {
    /// A `.p12`/`.pfx` and its password.
    P12 { der: Vec<u8>, password: Secret },
    /// A PEM key (PKCS#8, clear or encrypted, or a clear PKCS#1 "RSA PRIVATE
    /// KEY"), its password if any, the certificate and optionally the chain
    /// (PEM, DER or PKCS#7).
    Files {
        key_pem: zeroize::Zeroizing<String>,
        key_password: Option<Secret>,
        cert: Vec<u8>,
        chain: Option<Vec<u8>>,
    },
}

/// Takes in `source` as the new request `path` ("FOLDER/NAME"; the folder is
/// created when missing), of type `kind`, else of the type the certificate
/// is made for (DESIGN §2a). The key is written under `new_password`
/// (`None`: clear, as `--no-key-password` asks).
pub fn adopt(
    ws: &Workspace,
    path: &str,
    source: AdoptSource,
    kind: Option<RequestType>,
    new_password: Option<&Secret>,
) -> Result<(Request, ImportReport)> {
    let (folder, name) = split_request_path(path)?;
    if ws.find(path).is_ok() {
        return Err(Error::RequestExists(path.to_string()));
    }
    let (key, certs) = open(source)?;
    let spki = key
        .to_public_key()
        .to_public_key_der()
        .map_err(|e| PkiError::Crypto(e.to_string()))?
        .into_vec();
    let leaf = certs
        .iter()
        .find(|c| {
            c.tbs_certificate
                .subject_public_key_info
                .to_der()
                .is_ok_and(|d| d == spki)
        })
        .ok_or(PkiError::CertificateForAnotherKey)?;
    let kind = match kind {
        Some(k) => k,
        None => kind_of(leaf)?,
    };
    let expected = pki::Expected {
        spki: &spki,
        names: &[],
        usage: kind.usage(),
        request: kind.platform_name(),
        san: kind.san_kind() != SanKind::None,
    };
    let answer = trust::check_answer(certs, &expected, ws.trust(), std::time::SystemTime::now())?;
    let key_pem = pki::encode_key_pem(&key, new_password)?;
    let leaf_pem = pki::cert_pem(&answer.leaf)?;
    let chain_pem = pki::certs_pem(&answer.chain)?;
    let report = ImportReport::of(&answer);

    let _lock = ws.lock()?;
    if !ws.folders()?.iter().any(|f| f == folder) {
        ws.create_folder(Some(folder))?;
    }
    let mut req = ws.create_request(folder, Some(name), kind, &now())?;
    let written = (|| {
        ws.write_file(&req, RequestFile::Key, key_pem.as_bytes())?;
        ws.write_file(&req, RequestFile::Crt, leaf_pem.as_bytes())?;
        ws.write_file(&req, RequestFile::Chain, chain_pem.as_bytes())?;
        (req.subject, req.san) = form_of(&answer.leaf, kind, &report.leaf.san);
        req.key_bits = Some((key.size() * 8) as u32);
        req.key_encrypted = Some(new_password.is_some());
        let outcome = format!(
            "serial {} until {}",
            report.leaf.serial, report.leaf.not_after
        );
        req.transition(Action::Adopt, State::CertificateImported, &outcome, &now());
        ws.save(&req)
    })();
    if let Err(e) = written {
        // Nothing half-adopted stays behind.
        let _ = ws.delete_request(&req);
        return Err(e);
    }
    Ok((req, report))
}

/// The key and every certificate of the source.
fn open(source: AdoptSource) -> Result<(RsaPrivateKey, Vec<Certificate>)> {
    match source {
        AdoptSource::P12 { der, password } => {
            let contents = pki::read_p12(&der, &password)?;
            Ok((contents.key, contents.certs))
        }
        AdoptSource::Files {
            key_pem,
            key_password,
            cert,
            chain,
        } => {
            let key = read_key(&key_pem, key_password.as_ref())?;
            let mut certs = pki::parse_certificates(&cert)?;
            if let Some(chain) = chain {
                certs.extend(pki::parse_certificates(&chain)?);
            }
            Ok((key, certs))
        }
    }
}

fn read_key(pem: &str, password: Option<&Secret>) -> Result<RsaPrivateKey> {
    use rsa::pkcs1::DecodeRsaPrivateKey;
    if pem.contains("-----BEGIN RSA PRIVATE KEY-----") {
        if pem.contains("ENCRYPTED") {
            return Err(PkiError::BadKeyFile(
                "encrypted PKCS#1: openssl pkcs8 -topk8 -in old.key -out new.key".into(),
            )
            .into());
        }
        return RsaPrivateKey::from_pkcs1_pem(pem)
            .map_err(|e| PkiError::BadKeyFile(e.to_string()).into());
    }
    Ok(pki::decode_key_pem(pem, password)?)
}

/// The type the certificate is made for: its EKU, then its KU, then the
/// kind of its SAN (DESIGN §2a).
fn kind_of(leaf: &Certificate) -> Result<RequestType> {
    let san = pki::summarize(leaf).san;
    let has = |prefix: &str| san.iter().any(|n| n.starts_with(prefix));
    RequestType::infer(pki::infer_usage(leaf)?, has("DNS:"), has("email:"))
        .ok_or(Error::TypeUnknown)
}

/// The form as the certificate says it, so a renewal starts from it.
pub(super) fn form_of(
    leaf: &Certificate,
    kind: RequestType,
    san: &[String],
) -> (Subject, Vec<String>) {
    let mut subject = Subject::default();
    for atv in leaf
        .tbs_certificate
        .subject
        .0
        .iter()
        .flat_map(|rdn| rdn.0.iter())
    {
        let slot = match atv.oid {
            rfc4519::C => &mut subject.c,
            rfc4519::ST => &mut subject.st,
            rfc4519::L => &mut subject.l,
            rfc4519::O => &mut subject.o,
            rfc4519::OU => &mut subject.ou,
            rfc4519::CN => &mut subject.cn,
            _ => continue,
        };
        if slot.is_none() {
            *slot = directory_string(&atv.value).map(|s| sanitize::line(&s).into_owned());
        }
    }
    let prefix = match kind.san_kind() {
        SanKind::Dns => "DNS:",
        SanKind::Email => "email:",
        // An ORG certificate names a service: its CN, and no other name.
        SanKind::None => return (subject, Vec::new()),
    };
    let mut names: Vec<String> = san
        .iter()
        .filter_map(|s| s.strip_prefix(prefix))
        .map(|s| sanitize::line(s).into_owned())
        .collect();
    if subject.cn.is_none() && !names.is_empty() {
        subject.cn = Some(names.remove(0));
    }
    names.retain(|n| Some(n) != subject.cn.as_ref());
    (subject, names)
}

fn directory_string(any: &der::Any) -> Option<String> {
    use der::asn1::{Ia5StringRef, PrintableStringRef, TeletexStringRef, Utf8StringRef};
    any.decode_as::<Utf8StringRef<'_>>()
        .map(|s| s.to_string())
        .or_else(|_| {
            any.decode_as::<PrintableStringRef<'_>>()
                .map(|s| s.to_string())
        })
        .or_else(|_| any.decode_as::<Ia5StringRef<'_>>().map(|s| s.to_string()))
        .or_else(|_| {
            any.decode_as::<TeletexStringRef<'_>>()
                .map(|s| s.to_string())
        })
        .ok()
}
