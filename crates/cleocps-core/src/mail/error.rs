//! What can go wrong when sending or receiving mail. Each message says what
//! failed and what to do; none ever carries a password.

use crate::i18n::{tf, Lang};
use std::path::PathBuf;

/// Which server a network failure is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Service {
    Smtp,
    Imap,
}

impl Service {
    pub fn as_str(self) -> &'static str {
        match self {
            Service::Smtp => "SMTP",
            Service::Imap => "IMAP",
        }
    }

    /// The configuration section that sets this server.
    pub fn section(self) -> &'static str {
        match self {
            Service::Smtp => "smtp",
            Service::Imap => "imap",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MailError {
    /// Neither `smtp`, `sendmail` nor `outbox` is configured.
    NoSender,
    /// Neither `imap` nor `maildir` is configured.
    NoReceiver,
    /// A needed configuration key is missing (`registration.address`, `mail_from`).
    Missing(&'static str),
    BadAddress {
        key: &'static str,
        value: String,
    },
    /// Plain text to a non-loopback host without `allow_plaintext`.
    PlaintextRefused {
        service: Service,
        host: String,
    },
    ConnectionRefused {
        service: Service,
        host: String,
        port: u16,
    },
    Timeout {
        service: Service,
        host: String,
        port: u16,
    },
    /// The TLS handshake failed, or the server's certificate was refused.
    Tls {
        service: Service,
        host: String,
        problem: super::tls::TlsProblem,
    },
    /// The server sent more than one answer may hold (a hostile or broken server).
    Oversized {
        service: Service,
        host: String,
        limit: u64,
    },
    /// `tls_fingerprint` is not `SHA256:` and 64 hex digits.
    BadFingerprint {
        key: String,
        value: String,
    },
    AuthFailed {
        service: Service,
        user: String,
    },
    /// Authentication is configured but the password file is missing from the config.
    NoPassword {
        service: Service,
    },
    RecipientRefused {
        address: String,
        detail: String,
    },
    /// Any other answer or failure of the server.
    Server {
        service: Service,
        detail: String,
    },
    CaFile {
        path: PathBuf,
        detail: String,
    },
    Sendmail {
        path: PathBuf,
        detail: String,
    },
    Outbox {
        path: PathBuf,
        detail: String,
    },
    Maildir {
        path: PathBuf,
        detail: String,
    },
    Mailbox {
        name: String,
        detail: String,
    },
    /// The request has no `.p7m` (generated with `--csr-only`, for the portal).
    NoP7m(String),
    Compose(String),
}

impl MailError {
    pub fn localize(&self, lang: Lang) -> String {
        use MailError as E;
        match self {
            E::NoSender => tf(lang, "mail.no_sender", &[]),
            E::NoReceiver => tf(lang, "mail.no_receiver", &[]),
            E::Missing(key) => tf(lang, "mail.missing", &[key]),
            E::BadAddress { key, value } => tf(lang, "mail.bad_address", &[value, key]),
            E::PlaintextRefused { service, host } => {
                tf(lang, "mail.plaintext", &[&service.as_str(), host])
            }
            E::ConnectionRefused {
                service,
                host,
                port,
            } => tf(lang, "mail.refused", &[&service.as_str(), host, port]),
            E::Timeout {
                service,
                host,
                port,
            } => tf(lang, "mail.timeout", &[&service.as_str(), host, port]),
            E::Tls {
                service,
                host,
                problem,
            } => {
                let server = tf(lang, "mail.server_named", &[&service.as_str(), host]);
                problem.localize(lang, &server, service.section())
            }
            E::BadFingerprint { key, value } => tf(lang, "tls.bad_pin", &[key, value]),
            E::Oversized {
                service,
                host,
                limit,
            } => tf(
                lang,
                "mail.oversized",
                &[&service.as_str(), host, &(limit / (1024 * 1024))],
            ),
            E::AuthFailed { service, user } => tf(lang, "mail.auth", &[&service.as_str(), user]),
            E::NoPassword { service } => tf(lang, "mail.no_password", &[&service.as_str()]),
            E::RecipientRefused { address, detail } => {
                tf(lang, "mail.recipient", &[address, detail])
            }
            E::Server { service, detail } => tf(lang, "mail.server", &[&service.as_str(), detail]),
            E::CaFile { path, detail } => tf(lang, "mail.ca_file", &[&path.display(), detail]),
            E::Sendmail { path, detail } => tf(lang, "mail.sendmail", &[&path.display(), detail]),
            E::Outbox { path, detail } => tf(lang, "mail.outbox", &[&path.display(), detail]),
            E::Maildir { path, detail } => tf(lang, "mail.maildir", &[&path.display(), detail]),
            E::Mailbox { name, detail } => tf(lang, "mail.mailbox", &[name, detail]),
            E::NoP7m(path) => tf(lang, "mail.no_p7m", &[path]),
            E::Compose(detail) => tf(lang, "mail.compose", &[detail]),
        }
    }
}

/// Removes `secret` from a text coming from a library, in case a server or
/// crate echoed it back.
pub fn scrub(text: &str, secret: Option<&crate::secret::Secret>) -> String {
    match secret {
        Some(s) if !s.is_empty() => text.replace(s.expose(), "***"),
        _ => text.to_string(),
    }
}

crate::display_localized!(MailError);
