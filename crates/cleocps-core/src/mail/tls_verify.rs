//! How a section's server certificate is believed (DESIGN §9): a pinned
//! SHA-256 (`tls_fingerprint`) first; else the very certificate found in
//! `ca_file` (the organisation's own self-signed server, whatever its CA
//! flag); else a chain to the system roots or `ca_file` with the server's
//! name, as webpki checks it. Every refusal keeps the presented certificate
//! and a typed reason, so the message can name both and the one fix.

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::WebPkiServerVerifier;
use rustls::crypto::{verify_tls12_signature, verify_tls13_signature, WebPkiSupportedAlgorithms};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, DigitallySignedStruct, SignatureScheme};
use sha2::{Digest, Sha256};
use std::sync::{Arc, Mutex};

/// A pinned server certificate: the SHA-256 of its DER.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fingerprint([u8; 32]);

impl Fingerprint {
    /// `SHA256:` then 64 hex digits, colons (or spaces) between pairs allowed.
    pub fn parse(text: &str) -> Option<Fingerprint> {
        let text = text.trim();
        let hex_part = text
            .strip_prefix("SHA256:")
            .or_else(|| text.strip_prefix("sha256:"))?;
        let digits: String = hex_part
            .chars()
            .filter(|c| !matches!(c, ':' | ' '))
            .collect();
        let bytes = hex::decode(digits).ok()?;
        bytes.try_into().ok().map(Fingerprint)
    }

    pub fn of(der: &[u8]) -> Fingerprint {
        Fingerprint(Sha256::digest(der).into())
    }

    /// `SHA256:` and the hex digits, as `config set` takes it.
    pub fn to_config(self) -> String {
        format!("SHA256:{}", hex::encode_upper(self.0))
    }
}

/// The certificate a server presented, as a refusal names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Presented {
    pub subject: String,
    pub issuer: String,
    /// `SHA256:…` (uppercase hex), ready for `tls_fingerprint`.
    pub fingerprint: String,
    pub not_before: String,
    pub not_after: String,
}

impl Presented {
    pub(crate) fn of(der: &[u8]) -> Presented {
        let fingerprint = Fingerprint::of(der).to_config();
        match crate::pki::cert_from_pem_or_der(der) {
            Ok(cert) => {
                let s = crate::pki::summarize(&cert);
                Presented {
                    subject: s.subject,
                    issuer: s.issuer,
                    fingerprint,
                    not_before: day(&s.not_before),
                    not_after: day(&s.not_after),
                }
            }
            Err(_) => Presented {
                subject: "?".into(),
                issuer: "?".into(),
                fingerprint,
                not_before: "?".into(),
                not_after: "?".into(),
            },
        }
    }

    /// Issued by itself: only a pin (or the file holding it) can vouch for it.
    pub fn self_signed(&self) -> bool {
        self.subject == self.issuer
    }
}

/// The date part of an RFC 3339 time.
fn day(rfc3339: &str) -> String {
    rfc3339.split('T').next().unwrap_or(rfc3339).to_string()
}

/// Why a presented certificate was refused, as the user can act on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// It chains to no root we trust (or is a self-signed one nobody pinned).
    Untrusted,
    /// Valid, but for another name.
    WrongName,
    Expired,
    NotYetValid,
    /// Not made for a TLS server (its extended key usage).
    WrongPurpose,
    /// `tls_fingerprint` is set and the server presented another certificate.
    PinMismatch,
}

/// What the last handshake presented and why it was refused, read after a failure.
#[derive(Debug, Clone, Default)]
pub struct Seen(Arc<Mutex<Option<(Presented, Refusal)>>>);

impl Seen {
    fn record(&self, der: &[u8], refusal: Refusal) {
        if let Ok(mut slot) = self.0.lock() {
            *slot = Some((Presented::of(der), refusal));
        }
    }

    pub fn take(&self) -> Option<(Presented, Refusal)> {
        self.0.lock().ok().and_then(|mut slot| slot.take())
    }
}

/// The verifier of one connection.
#[derive(Debug)]
pub struct Verifier {
    /// `None` when there is no root at all (no system store, no `ca_file`).
    webpki: Option<Arc<WebPkiServerVerifier>>,
    /// The certificates of `ca_file`, believed as themselves when presented.
    exact: Vec<CertificateDer<'static>>,
    pin: Option<Fingerprint>,
    algorithms: WebPkiSupportedAlgorithms,
    pub seen: Seen,
}

impl Verifier {
    pub fn new(
        roots: rustls::RootCertStore,
        exact: Vec<CertificateDer<'static>>,
        pin: Option<Fingerprint>,
        provider: Arc<rustls::crypto::CryptoProvider>,
    ) -> Verifier {
        let algorithms = provider.signature_verification_algorithms;
        let webpki = (!roots.is_empty())
            .then(|| {
                WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider)
                    .build()
                    .ok()
            })
            .flatten();
        Verifier {
            webpki,
            exact,
            pin,
            algorithms,
            seen: Seen::default(),
        }
    }

    /// The decision on a presented chain; the refusal is also kept in `seen`.
    pub fn check(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        now: UnixTime,
    ) -> Result<(), Refusal> {
        let outcome = self.decide(end_entity, intermediates, server_name, now);
        if let Err(refusal) = outcome {
            self.seen.record(end_entity.as_ref(), refusal);
        }
        outcome
    }

    fn decide(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        now: UnixTime,
    ) -> Result<(), Refusal> {
        if let Some(pin) = self.pin {
            return if Fingerprint::of(end_entity.as_ref()) == pin {
                Ok(())
            } else {
                Err(Refusal::PinMismatch)
            };
        }
        if self.exact.iter().any(|c| c.as_ref() == end_entity.as_ref()) {
            return Ok(());
        }
        let Some(webpki) = &self.webpki else {
            return Err(Refusal::Untrusted);
        };
        webpki
            .verify_server_cert(end_entity, intermediates, server_name, &[], now)
            .map(|_| ())
            .map_err(|e| refusal_of(&e))
    }
}

fn refusal_of(e: &rustls::Error) -> Refusal {
    use CertificateError as C;
    match e {
        rustls::Error::InvalidCertificate(c) => match c {
            C::NotValidForName | C::NotValidForNameContext { .. } => Refusal::WrongName,
            C::Expired | C::ExpiredContext { .. } => Refusal::Expired,
            C::NotValidYet | C::NotValidYetContext { .. } => Refusal::NotYetValid,
            C::InvalidPurpose | C::InvalidPurposeContext { .. } => Refusal::WrongPurpose,
            _ => Refusal::Untrusted,
        },
        _ => Refusal::Untrusted,
    }
}

impl ServerCertVerifier for Verifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        self.check(end_entity, intermediates, server_name, now)
            .map(|()| ServerCertVerified::assertion())
            .map_err(|_| {
                rustls::Error::InvalidCertificate(CertificateError::ApplicationVerificationFailure)
            })
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls12_signature(message, cert, dss, &self.algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls13_signature(message, cert, dss, &self.algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.algorithms.supported_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_parse_with_or_without_colons() {
        let hex = "AB".repeat(32);
        let colons = (0..32).map(|_| "ab").collect::<Vec<_>>().join(":");
        let a = Fingerprint::parse(&format!("SHA256:{hex}")).expect("plain");
        let b = Fingerprint::parse(&format!("SHA256:{colons}")).expect("colons");
        assert_eq!(a, b);
        assert_eq!(a.to_config(), format!("SHA256:{hex}"));
        for bad in [
            "",
            "AB",
            &hex,
            "SHA256:ABCD",
            "SHA1:AB",
            &format!("SHA256:{hex}00"),
        ] {
            assert_eq!(Fingerprint::parse(bad), None, "{bad}");
        }
    }
}
