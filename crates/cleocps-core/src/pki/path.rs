//! Path validation (DESIGN §4a): from the issued certificate up to a trust
//! anchor, every signature, every validity period, the CA flags of every
//! issuer (the leaf's usage is `usage`'s). Pure: the anchors and
//! known intermediates come from `trust`, which finds them.

use super::summary::rfc3339;
use super::verify::verifies;
use super::{PkiError, Result};
use const_oid::db::rfc5280;
use const_oid::ObjectIdentifier;
use der::Decode;
use std::time::SystemTime;
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::ext::pkix::{AuthorityInfoAccessSyntax, BasicConstraints, KeyUsage, KeyUsages};
use x509_cert::name::Name;
use x509_cert::Certificate;

/// The certificates a chain may use besides those of the answer.
#[derive(Debug, Clone, Default)]
pub struct TrustStore {
    /// Trust anchors: every chain must end at one of them.
    pub anchors: Vec<Certificate>,
    /// Intermediates known beforehand or fetched (AIA), used when the answer lacks them.
    pub intermediates: Vec<Certificate>,
}

/// Longest chain followed above the leaf; real ones have two or three CAs.
const MAX_DEPTH: usize = 8;

/// The chain above `leaf`, issuer first, ending with a trust anchor, made of
/// `pool` certificates (the answer's, then known intermediates) and one anchor.
/// When several certificates could be the issuer, each is tried in turn.
pub(super) fn build_path(
    leaf: &Certificate,
    pool: &[Certificate],
    anchors: &[Certificate],
    now: SystemTime,
) -> Result<Vec<Certificate>> {
    let mut path = Vec::new();
    extend(leaf, pool, anchors, now, &mut path)?;
    Ok(path)
}

fn extend(
    cert: &Certificate,
    pool: &[Certificate],
    anchors: &[Certificate],
    now: SystemTime,
    path: &mut Vec<Certificate>,
) -> Result<()> {
    let depth = path.len();
    let issuer = &cert.tbs_certificate.issuer;
    // Anchors first: a chain stops at the first anchor it meets.
    let candidates = anchors
        .iter()
        .map(|c| (c, true))
        .chain(
            pool.iter()
                .filter(|c| !anchors.contains(c))
                .map(|c| (c, false)),
        )
        .filter(|(c, _)| {
            same_name(&c.tbs_certificate.subject, issuer) && *c != cert && !path.contains(c)
        })
        .collect::<Vec<_>>();
    let mut failure: Option<PkiError> = None;
    for (candidate, is_anchor) in candidates {
        let tried = link(cert, candidate, depth, now).and_then(|()| {
            path.push(candidate.clone());
            match (is_anchor, path.len() < MAX_DEPTH) {
                (true, _) => Ok(()),
                (false, true) => extend(candidate, pool, anchors, now, path),
                (false, false) => Err(missing(candidate)),
            }
        });
        match tried {
            Ok(()) => return Ok(()),
            Err(e) => {
                path.truncate(depth);
                // A same-named certificate that did not sign says less than
                // what went wrong higher up with the one that did.
                if failure.is_none() || !matches!(e, PkiError::BadSignature { .. }) {
                    failure = Some(e);
                }
            }
        }
    }
    Err(failure.unwrap_or_else(|| missing_or_loop(cert, path)))
}

/// [`missing`], unless the issuer is in the chain already (then it loops:
/// the issuer is not missing, it is in the file).
fn missing_or_loop(cert: &Certificate, path: &[Certificate]) -> PkiError {
    let tbs = &cert.tbs_certificate;
    let looped = !same_name(&tbs.subject, &tbs.issuer)
        && path
            .iter()
            .any(|c| same_name(&c.tbs_certificate.subject, &tbs.issuer));
    if looped {
        PkiError::ChainLoop {
            subject: tbs.subject.to_string(),
            issuer: tbs.issuer.to_string(),
        }
    } else {
        missing(cert)
    }
}

/// `issuer` signed `cert` and may issue certificates, `below` CAs under it.
fn link(cert: &Certificate, issuer: &Certificate, below: usize, now: SystemTime) -> Result<()> {
    if !verifies(cert, &issuer.tbs_certificate.subject_public_key_info)? {
        return Err(PkiError::BadSignature {
            subject: cert.tbs_certificate.subject.to_string(),
        });
    }
    let tbs = &issuer.tbs_certificate;
    let subject = || tbs.subject.to_string();
    let (from, until) = (
        tbs.validity.not_before.to_system_time(),
        tbs.validity.not_after.to_system_time(),
    );
    if now < from || now > until {
        return Err(PkiError::IssuerNotValid {
            subject: subject(),
            not_before: rfc3339(from),
            not_after: rfc3339(until),
        });
    }
    let is_ca = match extension::<BasicConstraints>(issuer, rfc5280::ID_CE_BASIC_CONSTRAINTS)? {
        Some(bc) => {
            bc.ca
                && bc
                    .path_len_constraint
                    .is_none_or(|n| below <= usize::from(n))
        }
        None => false,
    };
    let can_sign = extension::<KeyUsage>(issuer, rfc5280::ID_CE_KEY_USAGE)?
        .is_none_or(|ku| ku.0.contains(KeyUsages::KeyCertSign));
    if !(is_ca && can_sign) {
        return Err(PkiError::NotCa { subject: subject() });
    }
    Ok(())
}

/// Why the chain stops at `cert`: a root that is not an anchor, or an absent issuer.
fn missing(cert: &Certificate) -> PkiError {
    let tbs = &cert.tbs_certificate;
    if same_name(&tbs.subject, &tbs.issuer) {
        PkiError::UntrustedRoot {
            subject: tbs.subject.to_string(),
        }
    } else {
        PkiError::MissingIssuer {
            issuer: tbs.issuer.to_string(),
            subject: tbs.subject.to_string(),
            ca_issuers: ca_issuers(cert),
        }
    }
}

/// The `caIssuers` URLs of the certificate's AIA extension: where its issuer is published.
pub fn ca_issuers(cert: &Certificate) -> Vec<String> {
    let aia = extension::<AuthorityInfoAccessSyntax>(cert, rfc5280::ID_PE_AUTHORITY_INFO_ACCESS);
    aia.ok()
        .flatten()
        .map(|aia| aia.0)
        .unwrap_or_default()
        .into_iter()
        .filter(|d| d.access_method == rfc5280::ID_AD_CA_ISSUERS)
        .filter_map(|d| match d.access_location {
            GeneralName::UniformResourceIdentifier(uri) => Some(uri.as_str().to_string()),
            _ => None,
        })
        .collect()
}

/// The extension `oid` of `cert`, decoded; a damaged one is an error.
pub(super) fn extension<'a, T: Decode<'a>>(
    cert: &'a Certificate,
    oid: ObjectIdentifier,
) -> Result<Option<T>> {
    let Some(ext) = cert
        .tbs_certificate
        .extensions
        .iter()
        .flatten()
        .find(|e| e.extn_id == oid)
    else {
        return Ok(None);
    };
    T::from_der(ext.extn_value.as_bytes())
        .map(Some)
        .map_err(|e| PkiError::Crypto(format!("{}: {oid}: {e}", cert.tbs_certificate.subject)))
}

/// Names match when their DER does, or (for CAs that re-encode strings
/// differently) their text does without case; the signature check decides anyway.
pub fn same_name(a: &Name, b: &Name) -> bool {
    a == b || a.to_string().eq_ignore_ascii_case(&b.to_string())
}

#[cfg(test)]
mod tests;
