//! The rehearsal server acting as the IGC-Santé platform (DESIGN §2a, §7):
//! every request type issued with a TEST-shaped profile — the subject
//! `C, ST, O, OU, CN`, the usage's KU/EKU, a SAN for SERV only, and the
//! CRL/OCSP/CA pointers of `ra.json` — from a CSR, or with a key it makes
//! itself and hands back in the platform's `.p12`.

use super::issue::{self, CertSpec};
use super::store::Pointers;
use super::{crypto, csr_names, verify, RaDir};
use cleocps_core::error::{Error, Result};
use cleocps_core::pki::{self, KeySize, PkiError};
use cleocps_core::request::{subject, RequestType, SanKind};
use const_oid::db::{rfc4519, rfc5280};
use const_oid::ObjectIdentifier;
use der::asn1::Ia5String;
use der::Decode;
use rsa::RsaPrivateKey;
use std::time::SystemTime;
use x509_cert::ext::pkix::certpolicy::PolicyInformation;
use x509_cert::ext::pkix::crl::dp::DistributionPoint;
use x509_cert::ext::pkix::name::{DistributionPointName, GeneralName};
use x509_cert::ext::pkix::{
    AccessDescription, AuthorityInfoAccessSyntax, CertificatePolicies, CrlDistributionPoints,
    KeyUsages,
};
use x509_cert::ext::Extension;
use x509_cert::request::CertReq;
use x509_cert::Certificate;

/// The SSL_SERV test policy of the platform's TEST leaf; the other usages'
/// policies are not published, so their certificates carry none.
const SSL_SERV_TEST_POLICY: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.250.1.213.1.7.2.1.1.1.1");

/// The subject of a certificate whose key the platform makes.
#[derive(Debug, Clone, Default)]
pub struct PlatformSubject {
    pub cn: String,
    pub st: Option<String>,
    pub o: Option<String>,
    pub ou: Option<String>,
}

/// Issues `kind` for the PKCS#10 `csr_der` (its signature checked): the
/// CSR's C, ST, O, OU and CN, the type's names and usage.
pub fn issue_for_csr(
    ra: &RaDir,
    csr_der: &[u8],
    kind: RequestType,
    now: SystemTime,
) -> Result<Certificate> {
    let bad = |d: String| Error::Pki(PkiError::BadCsr(d));
    let req = CertReq::from_der(csr_der).map_err(|e| bad(e.to_string()))?;
    if !verify::csr_self_signed(&req) {
        return Err(bad("signature".into()));
    }
    let part = |oid| {
        req.info
            .subject
            .0
            .iter()
            .flat_map(|rdn| rdn.0.iter())
            .find(|a| a.oid == oid)
            .map(|a| String::from_utf8_lossy(a.value.value()).trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let mut names = Vec::new();
    if kind.san_kind() != SanKind::None {
        let asked = csr_names::asked(&req).map_err(|p| bad(format!("{p:?}")))?;
        let mailbox = asked.kind == super::CertKind::Smime;
        if mailbox != (kind.san_kind() == SanKind::Email) {
            return Err(bad(format!("names of another type than {}", kind.as_str())));
        }
        names = asked.names;
    }
    let cn = match kind.san_kind() {
        SanKind::Email => names.first().cloned(),
        _ => part(rfc4519::CN),
    }
    .ok_or_else(|| bad("no CN".into()))?;
    let who = PlatformSubject {
        cn,
        st: part(rfc4519::ST),
        o: part(rfc4519::O),
        ou: part(rfc4519::OU),
    };
    if kind.san_kind() == SanKind::None {
        subject::service_name(&who.cn).map_err(|_| bad(format!("service name {}", who.cn)))?;
    }
    sign(ra, &who, &names, req.info.public_key.clone(), kind, now)
}

/// Makes a key and issues `kind` for it, as the platform does when it
/// generates the key: the key, the certificate, and the chain up to the root.
pub fn issue_new_key(
    ra: &RaDir,
    who: &PlatformSubject,
    kind: RequestType,
    now: SystemTime,
) -> Result<(RsaPrivateKey, Certificate)> {
    if kind.san_kind() == SanKind::None {
        subject::service_name(&who.cn).map_err(|_| {
            Error::Pki(PkiError::BadSubjectField {
                field: "CN".into(),
                value: who.cn.clone(),
            })
        })?;
    }
    let key = pki::generate_key(KeySize::B2048)?;
    let spki = issue::spki_of(&key.to_public_key())?;
    let names = match kind.san_kind() {
        SanKind::None => Vec::new(),
        _ => vec![who.cn.clone()],
    };
    let cert = sign(ra, who, &names, spki, kind, now)?;
    Ok((key, cert))
}

/// The chain above an issued certificate: the issuing CA, then the root.
pub fn chain(ra: &RaDir) -> Vec<Certificate> {
    vec![ra.ca.clone(), ra.root.clone()]
}

fn sign(
    ra: &RaDir,
    who: &PlatformSubject,
    names: &[String],
    spki: spki::SubjectPublicKeyInfoOwned,
    kind: RequestType,
    now: SystemTime,
) -> Result<Certificate> {
    let mut parts = vec![(rfc4519::C, "FR")];
    for (oid, v) in [
        (rfc4519::ST, &who.st),
        (rfc4519::O, &who.o),
        (rfc4519::OU, &who.ou),
    ] {
        if let Some(v) = v.as_deref() {
            parts.push((oid, v));
        }
    }
    parts.push((rfc4519::CN, &who.cn));
    let cert = issue::sign(
        CertSpec {
            subject: issue::name(&parts)?,
            spki,
            days: ra.settings.validity_days,
            extensions: extensions(kind, names, &ra.settings.pointers)?,
        },
        Some(&ra.ca),
        &ra.ca_key,
        now,
    )?;
    // Kept as the card road's are, so `ra revoke` can revoke it.
    ra.keep_issued(&cert, &pki::summarize(&cert).serial);
    Ok(cert)
}

/// The usage's KU and EKU, as the platform's profiles set them.
fn usage(kind: RequestType) -> (Vec<KeyUsages>, Vec<ObjectIdentifier>) {
    use KeyUsages as K;
    match kind {
        RequestType::Ssl => (
            vec![K::DigitalSignature, K::KeyEncipherment],
            vec![rfc5280::ID_KP_SERVER_AUTH, rfc5280::ID_KP_CLIENT_AUTH],
        ),
        RequestType::Smime => (
            vec![K::DigitalSignature, K::KeyEncipherment],
            vec![rfc5280::ID_KP_EMAIL_PROTECTION],
        ),
        RequestType::OrgAuthCli => (vec![K::DigitalSignature], vec![rfc5280::ID_KP_CLIENT_AUTH]),
        RequestType::ServSign | RequestType::OrgSign => {
            (vec![K::DigitalSignature, K::NonRepudiation], Vec::new())
        }
        RequestType::ServConf | RequestType::OrgConf => (vec![K::KeyEncipherment], Vec::new()),
    }
}

fn extensions(kind: RequestType, names: &[String], pointers: &Pointers) -> Result<Vec<Extension>> {
    let (ku, eku) = usage(kind);
    let mut out = vec![
        issue::basic_constraints(false, None)?,
        issue::key_usage(&ku)?,
    ];
    if kind == RequestType::Ssl {
        out.push(issue::ext(
            &CertificatePolicies(vec![PolicyInformation {
                policy_identifier: SSL_SERV_TEST_POLICY,
                policy_qualifiers: None,
            }]),
            false,
        )?);
    }
    if !eku.is_empty() {
        out.push(issue::extended_key_usage(&eku)?);
    }
    let ia5 = |n: &str| Ia5String::new(n).map_err(crypto);
    let san = names
        .iter()
        .map(|n| match kind.san_kind() {
            SanKind::Email => ia5(n).map(GeneralName::Rfc822Name),
            _ => ia5(n).map(GeneralName::DnsName),
        })
        .collect::<Result<Vec<_>>>()?;
    if !san.is_empty() {
        out.push(issue::subject_alt_name(san)?);
    }
    if !pointers.crl.is_empty() {
        let points = pointers
            .crl
            .iter()
            .map(|u| {
                Ok(DistributionPoint {
                    distribution_point: Some(DistributionPointName::FullName(vec![
                        GeneralName::UniformResourceIdentifier(ia5(u)?),
                    ])),
                    reasons: None,
                    crl_issuer: None,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        out.push(issue::ext(&CrlDistributionPoints(points), false)?);
    }
    let mut access = Vec::new();
    for (method, url) in [
        (rfc5280::ID_AD_OCSP, &pointers.ocsp),
        (rfc5280::ID_AD_CA_ISSUERS, &pointers.ca_issuers),
    ] {
        if let Some(url) = url {
            access.push(AccessDescription {
                access_method: method,
                access_location: GeneralName::UniformResourceIdentifier(ia5(url)?),
            });
        }
    }
    if !access.is_empty() {
        out.push(issue::ext(&AuthorityInfoAccessSyntax(access), false)?);
    }
    Ok(out)
}
