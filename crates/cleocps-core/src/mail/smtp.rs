//! SMTP with lettre: STARTTLS (default), implicit TLS, or plain on loopback;
//! AUTH PLAIN/LOGIN with the password from a file; extra CA; timeout.

use super::error::{scrub, MailError, Service};
use super::tls;
use super::tls_verify::Seen;
use crate::config::{Security, SmtpConfig};
use crate::secret::Secret;
use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{SmtpConnection, TlsParameters};
use lettre::transport::smtp::extension::ClientId;
use lettre::Message;
use std::time::Duration;

const DEFAULT_TIMEOUT_S: u64 = 30;

pub fn port(c: &SmtpConfig) -> u16 {
    c.port.unwrap_or(match c.security {
        Security::Starttls => 587,
        Security::Tls => 465,
        Security::Plain => 25,
    })
}

/// A connection ready to send: TLS as configured, the server's certificate
/// believed as `tls_verify` says before anything but the greeting crosses
/// it, then authenticated. lettre's transport can't take our verifier, so
/// its connection accepts any certificate and the chain is checked here.
fn open(c: &SmtpConfig, password: Option<&Secret>) -> Result<SmtpConnection, MailError> {
    if c.security == Security::Plain && !c.allow_plaintext && !tls::is_loopback(&c.host) {
        return Err(MailError::PlaintextRefused {
            service: Service::Smtp,
            host: c.host.clone(),
        });
    }
    let hello = ClientId::default();
    let timeout = Some(Duration::from_secs(
        c.timeout_s.unwrap_or(DEFAULT_TIMEOUT_S),
    ));
    let fail = |e: lettre::transport::smtp::Error| classify_with(c, "", &e, password);
    let secured = match c.security {
        Security::Plain => None,
        Security::Starttls | Security::Tls => {
            let trust = tls::TlsTrust {
                section: "smtp",
                ca_file: c.ca_file.as_deref(),
                fingerprint: c.tls_fingerprint.as_deref(),
            };
            let verifier = tls::verifier(&trust)?;
            let params = TlsParameters::builder(c.host.clone())
                .dangerous_accept_invalid_certs(true)
                .build_rustls()
                .map_err(fail)?;
            Some((verifier, params))
        }
    };
    let wrapped = match (&secured, c.security) {
        (Some((_, params)), Security::Tls) => Some(params),
        _ => None,
    };
    let addr = (c.host.trim_matches(['[', ']']), port(c));
    let mut conn = SmtpConnection::connect(addr, timeout, &hello, wrapped, None).map_err(fail)?;
    if let Some((verifier, params)) = &secured {
        if c.security == Security::Starttls {
            conn.starttls(params, &hello).map_err(fail)?;
        }
        let chain = conn.certificate_chain().map_err(fail)?;
        if let Err(problem) = tls::check_chain(verifier, &c.host, &chain) {
            conn.abort();
            return Err(problem.into_mail_error(Service::Smtp, &c.host));
        }
    }
    if let (Some(user), Some(pw)) = (&c.user, password) {
        let credentials = Credentials::new(user.clone(), pw.expose().to_string());
        conn.auth(&[Mechanism::Plain, Mechanism::Login], &credentials)
            .map_err(fail)?;
    }
    Ok(conn)
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
    let mut conn = open(c, pw.as_ref())?;
    let sent = conn.send(msg.envelope(), &msg.formatted());
    let _ = conn.quit();
    sent.map(|_| ())
        .map_err(|e| classify(c, msg, &e, pw.as_ref()).into())
}

/// `doctor`: connects, negotiates TLS and authenticates as configured; sends nothing.
pub fn probe(c: &SmtpConfig) -> crate::Result<()> {
    let pw = password(c)?;
    let mut conn = open(c, pw.as_ref())?;
    let alive = conn.test_connected();
    let _ = conn.quit();
    if alive {
        Ok(())
    } else {
        Err(MailError::Server {
            service: Service::Smtp,
            detail: "NOOP refused".into(),
        }
        .into())
    }
}

/// Sends a ready-made mail (tests, the rehearsal server).
pub fn send_raw(
    c: &SmtpConfig,
    envelope: &lettre::address::Envelope,
    raw: &[u8],
) -> crate::Result<()> {
    let pw = password(c)?;
    let mut conn = open(c, pw.as_ref())?;
    let sent = conn.send(envelope, raw);
    let _ = conn.quit();
    sent.map(|_| ()).map_err(|e| {
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
    if let Some(problem) = tls::TlsProblem::after(&Seen::default(), e) {
        return problem.into_mail_error(Service::Smtp, &host);
    }
    if e.is_tls() {
        return tls::TlsProblem::Handshake(detail).into_mail_error(Service::Smtp, &host);
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
