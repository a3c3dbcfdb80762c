//! TLS (rustls, ring provider) and plain-text policy shared by SMTP, IMAP
//! and LDAP: one client configuration per connection, believing the server
//! as [`tls_verify`](super::tls_verify) says, and one reading of a refused
//! handshake, so every service names the presented certificate and the one
//! setting that fixes it.

use super::tls_verify::{Fingerprint, Presented, Refusal, Seen, Verifier};
use super::MailError;
use crate::i18n::{tf, Lang};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{ClientConfig, ClientConnection, RootCertStore, StreamOwned};
use std::net::{IpAddr, TcpStream};
use std::path::Path;
use std::sync::{Arc, OnceLock};

/// Plain text is allowed only on loopback (DESIGN §9) unless the section says otherwise.
pub fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost")
        || host
            .trim_matches(['[', ']'])
            .parse::<IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// A configuration section's TLS trust: what `ca_file` and
/// `tls_fingerprint` say, and the section's name for the fix.
#[derive(Debug, Clone, Copy)]
pub struct TlsTrust<'a> {
    /// `smtp`, `imap` or `ldap`: the key prefix a fix names.
    pub section: &'static str,
    pub ca_file: Option<&'a Path>,
    pub fingerprint: Option<&'a str>,
}

/// The CA file's certificates (PEM, several allowed).
pub fn read_ca_file(path: &Path) -> Result<Vec<CertificateDer<'static>>, MailError> {
    let err = |detail: String| MailError::CaFile {
        path: path.to_path_buf(),
        detail,
    };
    let pem = crate::fsutil::read_input(path).map_err(|e| err(e.to_string()))?;
    let certs = CertificateDer::pem_slice_iter(&pem)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| err(e.to_string()))?;
    if certs.is_empty() {
        return Err(err("no PEM certificate".into()));
    }
    Ok(certs)
}

/// The system's roots, loaded once per process (reading them takes a while).
fn system_roots() -> &'static [CertificateDer<'static>] {
    static ROOTS: OnceLock<Vec<CertificateDer<'static>>> = OnceLock::new();
    ROOTS.get_or_init(|| rustls_native_certs::load_native_certs().certs)
}

fn provider() -> Arc<rustls::crypto::CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

/// The verifier for one connection: the system roots plus `ca_file`, the
/// file's certificates believed as themselves, and the pin.
pub fn verifier(trust: &TlsTrust) -> Result<Arc<Verifier>, MailError> {
    let pin = match trust.fingerprint {
        Some(text) => Some(
            Fingerprint::parse(text).ok_or_else(|| MailError::BadFingerprint {
                key: format!("{}.tls_fingerprint", trust.section),
                value: text.to_string(),
            })?,
        ),
        None => None,
    };
    let mut roots = RootCertStore::empty();
    roots.add_parsable_certificates(system_roots().iter().cloned());
    let mut exact = Vec::new();
    if let Some(path) = trust.ca_file {
        exact = read_ca_file(path)?;
        // A self-signed end entity (CA:FALSE) is no root for webpki; it is
        // still believed below as itself.
        roots.add_parsable_certificates(exact.iter().cloned());
    }
    Ok(Arc::new(Verifier::new(roots, exact, pin, provider())))
}

/// A client configuration for one connection, and where its verifier keeps
/// what a refused server presented.
pub fn client_config(trust: &TlsTrust) -> Result<(Arc<ClientConfig>, Seen), MailError> {
    let verifier = verifier(trust)?;
    let seen = verifier.seen.clone();
    let config = ClientConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()
        .map_err(|e| MailError::CaFile {
            path: trust.ca_file.map(Path::to_path_buf).unwrap_or_default(),
            detail: e.to_string(),
        })?
        .dangerous()
        .with_custom_certificate_verifier(verifier)
        .with_no_client_auth();
    Ok((Arc::new(config), seen))
}

/// Checks a chain presented on a connection made by another library
/// (lettre), before anything but a greeting has crossed it.
pub fn check_chain(verifier: &Verifier, host: &str, chain: &[Vec<u8>]) -> Result<(), TlsProblem> {
    let name = server_name(host)?;
    let certs: Vec<CertificateDer<'_>> =
        chain.iter().map(|c| CertificateDer::from(&c[..])).collect();
    let Some((end_entity, intermediates)) = certs.split_first() else {
        return Err(TlsProblem::Handshake("no certificate".into()));
    };
    match verifier.check(end_entity, intermediates, &name, UnixTime::now()) {
        Ok(()) => Ok(()),
        Err(refusal) => Err(TlsProblem::Refused {
            presented: Box::new(
                verifier
                    .seen
                    .take()
                    .map(|(p, _)| p)
                    .unwrap_or_else(|| Presented::of(end_entity.as_ref())),
            ),
            refusal,
        }),
    }
}

fn server_name(host: &str) -> Result<ServerName<'static>, TlsProblem> {
    ServerName::try_from(host.trim_matches(['[', ']']).to_string())
        .map_err(|e| TlsProblem::Handshake(e.to_string()))
}

/// Why a TLS connection failed, as the user can act on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TlsProblem {
    /// The server's certificate was refused: which one, and why.
    Refused {
        presented: Box<Presented>,
        refusal: Refusal,
    },
    /// The handshake failed before any certificate was judged.
    Handshake(String),
}

impl TlsProblem {
    /// The problem behind a failed connection: the refused certificate kept
    /// by its verifier, else the TLS error somewhere in the causes.
    pub fn after(seen: &Seen, e: &(dyn std::error::Error + 'static)) -> Option<TlsProblem> {
        if let Some((presented, refusal)) = seen.take() {
            return Some(TlsProblem::Refused {
                presented: Box::new(presented),
                refusal,
            });
        }
        let mut src: Option<&(dyn std::error::Error + 'static)> = Some(e);
        while let Some(err) = src {
            if let Some(r) = err.downcast_ref::<rustls::Error>() {
                return Some(TlsProblem::Handshake(r.to_string()));
            }
            if let Some(io) = err.downcast_ref::<std::io::Error>() {
                if let Some(r) = io.get_ref().and_then(|i| i.downcast_ref::<rustls::Error>()) {
                    return Some(TlsProblem::Handshake(r.to_string()));
                }
            }
            src = err.source();
        }
        None
    }

    /// The mail error for `service` at `host`.
    pub fn into_mail_error(self, service: super::Service, host: &str) -> MailError {
        MailError::Tls {
            service,
            host: host.to_string(),
            problem: self,
        }
    }

    /// One message: what failed, the presented certificate, the fix.
    /// `server` names the server in the caller's words ("the SMTP server x").
    pub fn localize(&self, lang: Lang, server: &str, section: &str) -> String {
        match self.fix(lang, section) {
            Some(fix) => format!("{}. {fix}", self.describe(lang, server)),
            None => self.describe(lang, server),
        }
    }

    /// What failed and, for a refused certificate, which one and why.
    pub fn describe(&self, lang: Lang, server: &str) -> String {
        match self {
            TlsProblem::Handshake(detail) => tf(lang, "tls.handshake", &[&server, detail]),
            TlsProblem::Refused { presented, refusal } => {
                let why = refusal_text(lang, *refusal, presented);
                let cert = tf(
                    lang,
                    "tls.presented",
                    &[
                        &presented.subject,
                        &presented.issuer,
                        &presented.fingerprint,
                        &presented.not_before,
                        &presented.not_after,
                    ],
                );
                tf(lang, "tls.refused", &[&server, &why, &cert])
            }
        }
    }

    /// The one setting that fixes a refused certificate (`section` is
    /// `smtp`, `imap` or `ldap`).
    pub fn fix(&self, lang: Lang, section: &str) -> Option<String> {
        match self {
            TlsProblem::Handshake(_) => None,
            TlsProblem::Refused { presented, refusal } => {
                Some(fix_text(lang, *refusal, presented, section))
            }
        }
    }
}

fn refusal_text(lang: Lang, refusal: Refusal, presented: &Presented) -> String {
    let id = match refusal {
        Refusal::Untrusted if presented.self_signed() => "tls.why.self_signed",
        Refusal::Untrusted => "tls.why.untrusted",
        Refusal::WrongName => "tls.why.name",
        Refusal::Expired => "tls.why.expired",
        Refusal::NotYetValid => "tls.why.not_yet",
        Refusal::WrongPurpose => "tls.why.purpose",
        Refusal::PinMismatch => "tls.why.pin",
    };
    tf(lang, id, &[])
}

fn fix_text(lang: Lang, refusal: Refusal, presented: &Presented, section: &str) -> String {
    let pin = &presented.fingerprint;
    match refusal {
        Refusal::Untrusted if !presented.self_signed() => tf(
            lang,
            "tls.fix.ca_file",
            &[&presented.issuer, &section, &section],
        ),
        Refusal::Expired | Refusal::NotYetValid => tf(lang, "tls.fix.dates", &[]),
        Refusal::WrongPurpose => tf(lang, "tls.fix.purpose", &[]),
        Refusal::WrongName if section == "ldap" => {
            tf(lang, "tls.fix.name_url", &[&section, &section, pin])
        }
        Refusal::WrongName => tf(lang, "tls.fix.name_host", &[&section, &section, pin]),
        Refusal::PinMismatch => tf(lang, "tls.fix.pin_changed", &[&section, pin]),
        Refusal::Untrusted => tf(lang, "tls.fix.pin", &[&section, pin]),
    }
}

/// A finished TLS handshake over `tcp` to `host`: failures show here, not at
/// the first read, so they can be told apart from the protocol's.
pub fn connect(
    trust: &TlsTrust,
    host: &str,
    mut tcp: TcpStream,
) -> Result<StreamOwned<ClientConnection, TcpStream>, ConnectError> {
    let (config, seen) = client_config(trust).map_err(ConnectError::Settings)?;
    let name = server_name(host).map_err(ConnectError::Tls)?;
    let mut conn = ClientConnection::new(config, name)
        .map_err(|e| ConnectError::Tls(TlsProblem::Handshake(e.to_string())))?;
    while conn.is_handshaking() {
        if let Err(e) = conn.complete_io(&mut tcp) {
            let problem =
                TlsProblem::after(&seen, &e).unwrap_or(TlsProblem::Handshake(e.to_string()));
            return Err(ConnectError::Tls(problem));
        }
    }
    Ok(StreamOwned::new(conn, tcp))
}

/// A connection that could not be made secure.
#[derive(Debug)]
pub enum ConnectError {
    /// The section's own settings (`ca_file`, `tls_fingerprint`) are unusable.
    Settings(MailError),
    Tls(TlsProblem),
}

#[cfg(test)]
#[path = "tls_tests.rs"]
mod tests;
