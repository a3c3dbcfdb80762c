//! What a PKCS#10 asks for: the subject to copy, the profile (SSL or
//! S/MIME) and the names the holder must administer.

use super::issue::CertKind;
use const_oid::db::{rfc4519, rfc5912};
use const_oid::AssociatedOid;
use der::Decode;
use x509_cert::attr::AttributeTypeAndValue;
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::ext::pkix::SubjectAltName;
use x509_cert::ext::Extension;
use x509_cert::name::{Name, RdnSequence, RelativeDistinguishedName};
use x509_cert::request::CertReq;

/// More names than this in one request is not a server certificate.
const MAX_NAMES: usize = 20;

/// The request, read.
#[derive(Debug, Clone)]
pub(crate) struct Asked {
    pub kind: CertKind,
    /// FQDN then extra DNS names (SSL), or the mailbox(es) (S/MIME); no duplicates.
    pub names: Vec<String>,
    /// The CSR subject reduced to C, ST, L, O, OU, CN (CN = the mailbox for S/MIME).
    pub subject: Name,
}

/// Why a CSR's names are refused (the French reason is built by the caller).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum NameProblem {
    NoCommonName,
    Mixed,
    TooMany,
    Bad(String),
}

fn text(atv: &AttributeTypeAndValue) -> String {
    String::from_utf8_lossy(atv.value.value()).into_owned()
}

fn push_unique(names: &mut Vec<String>, name: String) {
    if !names.iter().any(|n| n.eq_ignore_ascii_case(&name)) {
        names.push(name);
    }
}

fn requested_extensions(req: &CertReq) -> Vec<Extension> {
    req.info
        .attributes
        .iter()
        .filter(|a| a.oid == rfc5912::ID_EXTENSION_REQ)
        .flat_map(|a| a.values.iter())
        .filter_map(|v| v.decode_as::<Vec<Extension>>().ok())
        .flatten()
        .collect()
}

/// A DNS name of letters, digits and hyphens, two labels at least; a
/// leading `*.` is let through (the directory decides on wildcards).
pub(crate) fn is_dns_name(name: &str) -> bool {
    let body = name.strip_prefix("*.").unwrap_or(name);
    let labels: Vec<&str> = body.split('.').collect();
    name.len() <= 253
        && labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
}

pub(crate) fn is_mailbox(addr: &str) -> bool {
    match addr.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && local
                    .chars()
                    .all(|c| c.is_ascii_graphic() && !matches!(c, '@' | '<' | '>' | ',' | '"'))
                && !domain.starts_with("*.")
                && is_dns_name(domain)
        }
        None => false,
    }
}

/// Reads the profile and names of `req`.
pub(crate) fn asked(req: &CertReq) -> Result<Asked, NameProblem> {
    let allowed = [
        rfc4519::C,
        rfc4519::ST,
        rfc4519::L,
        rfc4519::O,
        rfc4519::OU,
        rfc4519::CN,
    ];
    let mut kept: Vec<AttributeTypeAndValue> = Vec::new();
    for rdn in req.info.subject.0.iter() {
        kept.extend(rdn.0.iter().filter(|a| allowed.contains(&a.oid)).cloned());
    }
    let cn = kept
        .iter()
        .find(|a| a.oid == rfc4519::CN)
        .map(text)
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    let (dns, mails) = alt_names(req)?;
    let (kind, names) = kind_and_names(cn, dns, mails)?;
    let subject = issued_subject(kept, kind, &names)?;
    Ok(Asked {
        kind,
        names,
        subject,
    })
}

/// The DNS names and mailboxes of the request's subjectAltName, each once.
fn alt_names(req: &CertReq) -> Result<(Vec<String>, Vec<String>), NameProblem> {
    let (mut dns, mut mails) = (Vec::new(), Vec::new());
    for ext in requested_extensions(req) {
        if ext.extn_id != SubjectAltName::OID {
            continue;
        }
        let san = SubjectAltName::from_der(ext.extn_value.as_bytes())
            .map_err(|e| NameProblem::Bad(e.to_string()))?;
        for n in san.0 {
            match n {
                GeneralName::DnsName(d) => push_unique(&mut dns, d.as_str().trim().to_string()),
                GeneralName::Rfc822Name(m) => {
                    push_unique(&mut mails, m.as_str().trim().to_string())
                }
                _ => {}
            }
        }
    }
    Ok((dns, mails))
}

/// S/MIME when a mailbox is named anywhere, else SSL; the names to certify,
/// the common name's first, each valid for that profile.
fn kind_and_names(
    cn: Option<String>,
    dns: Vec<String>,
    mails: Vec<String>,
) -> Result<(CertKind, Vec<String>), NameProblem> {
    let smime = !mails.is_empty() || cn.as_deref().is_some_and(|c| c.contains('@'));
    let mut names = Vec::new();
    let kind = if smime {
        if !dns.is_empty() {
            return Err(NameProblem::Mixed);
        }
        let mailbox = cn
            .filter(|c| c.contains('@'))
            .or_else(|| mails.first().cloned())
            .ok_or(NameProblem::NoCommonName)?;
        push_unique(&mut names, mailbox);
        for m in mails {
            push_unique(&mut names, m);
        }
        if let Some(bad) = names.iter().find(|n| !is_mailbox(n)) {
            return Err(NameProblem::Bad(bad.clone()));
        }
        CertKind::Smime
    } else {
        push_unique(&mut names, cn.ok_or(NameProblem::NoCommonName)?);
        for d in dns {
            push_unique(&mut names, d);
        }
        if let Some(bad) = names.iter().find(|n| !is_dns_name(n)) {
            return Err(NameProblem::Bad(bad.clone()));
        }
        CertKind::Ssl
    };
    if names.len() > MAX_NAMES {
        return Err(NameProblem::TooMany);
    }
    Ok((kind, names))
}

/// C, ST, L, O, OU in the request's order, then one CN: the request's own
/// for SSL, the mailbox for S/MIME (the old directory's convention).
fn issued_subject(
    kept: Vec<AttributeTypeAndValue>,
    kind: CertKind,
    names: &[String],
) -> Result<RdnSequence, NameProblem> {
    let bad = |e: der::Error| NameProblem::Bad(e.to_string());
    let cn_atv = match (kind, kept.iter().find(|a| a.oid == rfc4519::CN)) {
        (CertKind::Ssl, Some(atv)) => atv.clone(),
        _ => AttributeTypeAndValue {
            oid: rfc4519::CN,
            value: der::Any::encode_from(&der::asn1::Utf8StringRef::new(&names[0]).map_err(bad)?)
                .map_err(bad)?,
        },
    };
    let mut rdns = Vec::new();
    for atv in kept
        .into_iter()
        .filter(|a| a.oid != rfc4519::CN)
        .chain([cn_atv])
    {
        let mut set = der::asn1::SetOfVec::new();
        set.insert(atv).map_err(bad)?;
        rdns.push(RelativeDistinguishedName(set));
    }
    Ok(RdnSequence(rdns))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_syntax() {
        assert!(is_dns_name("srv.clinique.example.fr"));
        assert!(is_dns_name("*.clinique.example.fr"));
        assert!(!is_dns_name("localhost"));
        assert!(!is_dns_name("a..fr"));
        assert!(!is_dns_name("-a.fr"));
        assert!(!is_dns_name("hôpital.fr"));
        assert!(is_mailbox("messagerie@clinique.example.fr"));
        assert!(!is_mailbox("messagerie"));
        assert!(!is_mailbox("a b@c.fr"));
        assert!(!is_mailbox("a@*.c.fr"));
    }
}
