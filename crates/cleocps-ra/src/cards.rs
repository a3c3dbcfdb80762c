//! Test card holders for demos and tests: a signature certificate shaped
//! like a CPS card's (`C=FR`, then `CN=<id> + SN=<surname> + GN=<given name>`
//! in one multi-valued RDN; KU nonRepudiation+digitalSignature), issued by
//! the server's card CA. The soft token is then made with `card soft-init`.

use super::issue::{self, name_with_multi_rdn, CertSpec};
use super::store::RaDir;
use cleocps_core::error::Result;
use cleocps_core::pki::{self, KeySize};
use const_oid::db::rfc4519::{C, CN, GIVEN_NAME, SN};
use rsa::RsaPrivateKey;
use std::time::SystemTime;
use x509_cert::ext::pkix::KeyUsages;
use x509_cert::Certificate;

/// Who the test card belongs to.
#[derive(Debug, Clone)]
pub struct CardHolderSpec {
    /// The holder's national identifier (CN), e.g. `810001234567`.
    pub holder_id: String,
    pub surname: String,
    pub given_name: String,
    /// Validity of the card certificate.
    pub days: u32,
}

/// A fresh 2048-bit key and its card signature certificate.
pub fn make_card_holder(
    ra: &RaDir,
    spec: &CardHolderSpec,
    now: SystemTime,
) -> Result<(Certificate, RsaPrivateKey)> {
    let (ca, ca_key) = ra.card_ca_signer()?;
    let key = pki::generate_key(KeySize::B2048)?;
    let subject = name_with_multi_rdn(
        &[(C, "FR")],
        &[
            (CN, spec.holder_id.as_str()),
            (SN, spec.surname.as_str()),
            (GIVEN_NAME, spec.given_name.as_str()),
        ],
    )?;
    let cert = issue::sign(
        CertSpec {
            subject,
            spki: issue::spki_of(&key.to_public_key())?,
            days: spec.days,
            extensions: vec![
                issue::basic_constraints(false, None)?,
                issue::key_usage(&[KeyUsages::DigitalSignature, KeyUsages::NonRepudiation])?,
            ],
        },
        Some(&ca),
        &ca_key,
        now,
    )?;
    log::info!("ra card: certificate made for holder {}", spec.holder_id);
    Ok((cert, key))
}
