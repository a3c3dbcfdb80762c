//! The two answers of DESIGN §5: `smime.p7c` (a certs-only SignedData,
//! RFC 8551) and the rejection text whose first line is `REJET: <CODE>`.

use cleocps_core::error::Result;
use x509_cert::Certificate;

/// The certs-only `smime.p7c` is built by the core (also `trust export --format p7b`).
pub use cleocps_core::pki::certs_only_p7c;

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
