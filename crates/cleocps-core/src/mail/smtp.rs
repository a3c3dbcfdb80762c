//! SMTP with lettre: STARTTLS (default), implicit TLS, or plain on loopback;
//! AUTH PLAIN/LOGIN with the password from a file; extra CA; timeout.

use super::error::{scrub, MailError, Service};
use super::tls;
use crate::config::{Security, SmtpConfig};
use crate::secret::Secret;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::{Message, SmtpTransport, Transport};
use std::time::Duration;

const DEFAULT_TIMEOUT_S: u64 = 30;

pub fn port(c: &SmtpConfig) -> u16 {
    c.port.unwrap_or(match c.security {
        Security::Starttls => 587,
        Security::Tls => 465,
        Security::Plain => 25,
    })
}

fn transport(c: &SmtpConfig, password: Option<&Secret>) -> Result<SmtpTransport, MailError> {
    if c.security == Security::Plain && !c.allow_plaintext && !tls::is_loopback(&c.host) {
        return Err(MailError::PlaintextRefused {
            service: Service::Smtp,
            host: c.host.clone(),
        });
    }
    let tls = match c.security {
        Security::Plain => Tls::None,
        Security::Starttls | Security::Tls => {
            let mut b = TlsParameters::builder(c.host.clone());
            if let Some(path) = &c.ca_file {
                // Read first, for a clear message about the file.
                tls::read_ca_file(path)?;
                let pem = crate::fsutil::read_input(path).map_err(|e| MailError::CaFile {
                    path: path.clone(),
                    detail: e.to_string(),
                })?;
                let cert = Certificate::from_pem(&pem).map_err(|e| MailError::CaFile {
                    path: path.clone(),
                    detail: e.to_string(),
                })?;
                b = b.add_root_certificate(cert);
            }
            let params = b.build().map_err(|e| MailError::Server {
                service: Service::Smtp,
                detail: e.to_string(),
            })?;
            if c.security == Security::Tls {
                Tls::Wrapper(params)
            } else {
                Tls::Required(params)
            }
        }
    };
    let mut b = SmtpTransport::builder_dangerous(c.host.clone())
        .port(port(c))
        .tls(tls)
        .timeout(Some(Duration::from_secs(
            c.timeout_s.unwrap_or(DEFAULT_TIMEOUT_S),
        )));
    if let (Some(user), Some(pw)) = (&c.user, password) {
        b = b.credentials(Credentials::new(user.clone(), pw.expose().to_string()));
    }
    Ok(b.build())
}

/// Reads the password file when a user is set.
pub fn password(c: &SmtpConfig) -> crate::Result<Option<Secret>> {
    match (&c.user, &c.password_file) {
        (Some(_), Some(f)) => Ok(Some(Secret::from_file(f)?)),
        (Some(_), None) => Err(MailError::NoPassword {
            service: Service::Smtp,
        }
        .into()),
        _ => Ok(None),
    }
}

/// Sends `msg`; a failure says what failed.
pub fn send(c: &SmtpConfig, msg: &Message) -> crate::Result<()> {
    let pw = password(c)?;
    let t = transport(c, pw.as_ref())?;
    t.send(msg)
        .map(|_| ())
        .map_err(|e| classify(c, msg, &e, pw.as_ref()).into())
}

/// `doctor`: connects, negotiates TLS and authenticates as configured; sends nothing.
pub fn probe(c: &SmtpConfig) -> crate::Result<()> {
    let pw = password(c)?;
    let t = transport(c, pw.as_ref())?;
    match t.test_connection() {
        Ok(true) => Ok(()),
        Ok(false) => Err(MailError::Server {
            service: Service::Smtp,
            detail: "NOOP refused".into(),
        }
        .into()),
        Err(e) => Err(classify_with(c, "", &e, pw.as_ref()).into()),
    }
}

/// Sends a ready-made mail (tests, the rehearsal server).
pub fn send_raw(
    c: &SmtpConfig,
    envelope: &lettre::address::Envelope,
    raw: &[u8],
) -> crate::Result<()> {
    let pw = password(c)?;
    let t = transport(c, pw.as_ref())?;
    t.send_raw(envelope, raw).map(|_| ()).map_err(|e| {
        let to = envelope
            .to()
            .iter()
            .map(|a| a.to_string())
            .collect::<Vec<_>>()
            .join(", ");
        classify_with(c, &to, &e, pw.as_ref()).into()
    })
}

fn classify(
    c: &SmtpConfig,
    msg: &Message,
    e: &lettre::transport::smtp::Error,
    pw: Option<&Secret>,
) -> MailError {
    let to = msg
        .envelope()
        .to()
        .iter()
        .map(|a| a.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    classify_with(c, &to, e, pw)
}

fn classify_with(
    c: &SmtpConfig,
    to: &str,
    e: &lettre::transport::smtp::Error,
    pw: Option<&Secret>,
) -> MailError {
    let host = c.host.clone();
    let port = port(c);
    let detail = scrub(&error_chain(e), pw);
    if let Some(kind) = io_kind(e) {
        match kind {
            std::io::ErrorKind::ConnectionRefused => {
                return MailError::ConnectionRefused {
                    service: Service::Smtp,
                    host,
                    port,
                }
            }
            std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => {
                return MailError::Timeout {
                    service: Service::Smtp,
                    host,
                    port,
                }
            }
            _ => {}
        }
    }
    if let Some(problem) = tls::TlsProblem::find(e) {
        return problem.into_mail_error(Service::Smtp, &host);
    }
    if e.is_tls() {
        return MailError::TlsUntrusted {
            service: Service::Smtp,
            host,
            detail,
        };
    }
    match e.status().map(|code| code.to_string()) {
        Some(code) if matches!(code.as_str(), "530" | "534" | "535" | "538" | "454") => {
            MailError::AuthFailed {
                service: Service::Smtp,
                user: c.user.clone().unwrap_or_default(),
            }
        }
        Some(code) if matches!(code.as_str(), "550" | "551" | "553" | "554" | "450" | "451") => {
            MailError::RecipientRefused {
                address: to.to_string(),
                detail,
            }
        }
        _ => MailError::Server {
            service: Service::Smtp,
            detail,
        },
    }
}

fn io_kind(e: &(dyn std::error::Error + 'static)) -> Option<std::io::ErrorKind> {
    let mut src: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = src {
        if let Some(io) = err.downcast_ref::<std::io::Error>() {
            return Some(io.kind());
        }
        src = err.source();
    }
    None
}

/// The error and its causes on one line.
pub fn error_chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut out = e.to_string();
    let mut src = e.source();
    while let Some(err) = src {
        let s = err.to_string();
        if !out.contains(&s) {
            out.push_str(": ");
            out.push_str(&s);
        }
        src = err.source();
    }
    out.replace(['\r', '\n'], " ")
}
