//! The two answers of DESIGN §5: `smime.p7c` (a certs-only SignedData,
//! RFC 8551) and the rejection text whose first line is `REJET: <CODE>`.

use super::crypto;
use cleocps_core::error::Result;
use cms::cert::CertificateChoices;
use cms::content_info::{CmsVersion, ContentInfo};
use cms::signed_data::{CertificateSet, EncapsulatedContentInfo, SignedData, SignerInfos};
use const_oid::db::rfc5911;
use der::asn1::SetOfVec;
use der::{Any, Decode, Encode};
use x509_cert::Certificate;

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
        certificates: Some(CertificateSet::try_from(choices).map_err(crypto)?),
        crls: None,
        signer_infos: SignerInfos(SetOfVec::new()),
    };
    let content = Any::from_der(&sd.to_der().map_err(crypto)?).map_err(crypto)?;
    ContentInfo {
        content_type: rfc5911::ID_SIGNED_DATA,
        content,
    }
    .to_der()
    .map_err(crypto)
}

/// DER `ContentInfo(SignedData)` over `text` (attached), signed by the
/// registration server's certificate and key: the rejection's S/MIME
/// signature (opaque signing, `smime-type=signed-data`), DESIGN §4a.
/// RSA PKCS#1 v1.5 SHA-256, blinded.
fn signed_text(
    text: &[u8],
    cert: &Certificate,
    key: &rsa::RsaPrivateKey,
    now: std::time::SystemTime,
) -> Result<Vec<u8>> {
    use sha2::Digest;
    let mut sign = |attrs: &[u8]| {
        key.sign_with_rng(
            &mut rand::rngs::OsRng,
            rsa::Pkcs1v15Sign::new::<sha2::Sha256>(),
            &sha2::Sha256::digest(attrs),
        )
        .map_err(|e| e.to_string())
    };
    Ok(cleocps_core::pki::cms::signed_data(
        text, cert, now, &mut sign,
    )?)
}

impl super::RaDir {
    /// `text` signed by this registration server (with its
    /// certificate and key): what its rejections carry.
    pub fn sign_text(&self, text: &[u8], now: std::time::SystemTime) -> Result<Vec<u8>> {
        signed_text(text, &self.server, &self.server_key, now)
    }
}

/// The rejection mail body: `REJET: <CODE>`, then the French explanation.
pub fn rejection_body(code: &str, reason: &str) -> String {
    format!("REJET: {code}\n\n{reason}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejection_first_line_is_the_code() {
        let body = rejection_body("ADMIN_INCONNU", "Le porteur n'administre pas ce serveur.");
        assert_eq!(body.lines().next(), Some("REJET: ADMIN_INCONNU"));
        assert!(body.contains("n'administre pas"));
    }
}
