//! Where a certificate's revocation is published: the AIA `ocsp` URLs and
//! the CRL distribution points' URIs.

use const_oid::db::rfc5280;
use der::Decode;
use x509_cert::ext::pkix::name::{DistributionPointName, GeneralName};
use x509_cert::ext::pkix::{AuthorityInfoAccessSyntax, CrlDistributionPoints};
use x509_cert::Certificate;

/// The value of extension `oid`, when present and readable.
fn extension<'a, T: Decode<'a>>(
    cert: &'a Certificate,
    oid: der::oid::ObjectIdentifier,
) -> Option<T> {
    let ext = cert
        .tbs_certificate
        .extensions
        .iter()
        .flatten()
        .find(|e| e.extn_id == oid)?;
    T::from_der(ext.extn_value.as_bytes()).ok()
}

fn uri(name: &GeneralName) -> Option<String> {
    match name {
        GeneralName::UniformResourceIdentifier(u) => Some(u.as_str().to_string()),
        _ => None,
    }
}

/// The OCSP responders named in the AIA extension.
pub fn ocsp_urls(cert: &Certificate) -> Vec<String> {
    extension::<AuthorityInfoAccessSyntax>(cert, rfc5280::ID_PE_AUTHORITY_INFO_ACCESS)
        .map(|aia| aia.0)
        .unwrap_or_default()
        .iter()
        .filter(|d| d.access_method == rfc5280::ID_AD_OCSP)
        .filter_map(|d| uri(&d.access_location))
        .collect()
}

/// The URIs of the CRL distribution points (full names only).
pub fn crl_urls(cert: &Certificate) -> Vec<String> {
    extension::<CrlDistributionPoints>(cert, rfc5280::ID_CE_CRL_DISTRIBUTION_POINTS)
        .map(|dps| dps.0)
        .unwrap_or_default()
        .iter()
        .filter_map(|dp| match &dp.distribution_point {
            Some(DistributionPointName::FullName(names)) => Some(names.iter().filter_map(uri)),
            _ => None,
        })
        .flatten()
        .collect()
}
