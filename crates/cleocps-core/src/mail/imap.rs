//! Reading the mailbox over IMAP: TLS (default), STARTTLS, or plain on
//! loopback. Read-only: EXAMINE and `BODY.PEEK[]`, so no flag is ever set and
//! nothing is deleted.

use super::error::{scrub, MailError, Service};
use super::imap_bounded::{Bounded, Oversized, ANSWER_LIMIT};
use super::tls;
use crate::config::{ImapConfig, Security};
use crate::secret::Secret;
use std::io::{Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::time::Duration;

const DEFAULT_TIMEOUT_S: u64 = 30;

/// A connection to the server, plain or TLS: its socket stays reachable so
/// an IDLE wait can be given a read timeout or cut from another thread.
pub(super) trait Stream: Read + Write + Send {
    fn socket(&self) -> &TcpStream;

    fn set_read_timeout(&mut self, timeout: Option<Duration>) -> std::io::Result<()> {
        self.socket().set_read_timeout(timeout)
    }
}

impl Stream for TcpStream {
    fn socket(&self) -> &TcpStream {
        self
    }
}

impl Stream for rustls::StreamOwned<rustls::ClientConnection, TcpStream> {
    fn socket(&self) -> &TcpStream {
        &self.sock
    }
}

impl imap::extensions::idle::SetReadTimeout for Box<dyn Stream> {
    fn set_read_timeout(&mut self, timeout: Option<Duration>) -> imap::error::Result<()> {
        Stream::set_read_timeout(self.as_mut(), timeout).map_err(imap::Error::Io)
    }
}

pub fn port(c: &ImapConfig) -> u16 {
    c.port.unwrap_or(match c.security {
        Security::Tls => 993,
        Security::Starttls | Security::Plain => 143,
    })
}

pub fn mailbox_name(c: &ImapConfig) -> &str {
    c.mailbox.as_deref().unwrap_or("INBOX")
}

/// Every message of the mailbox, raw, oldest first: the whole mailbox in
/// memory, for tests and tools only (answers are looked for by
/// `imap_search`, `ra serve` reads by `unread`).
pub fn fetch_all(c: &ImapConfig) -> crate::Result<Vec<Vec<u8>>> {
    Ok(fetch_with(c, &password(c)?)?)
}

/// The IMAP password, from its file (a login needs one).
pub(super) fn password(c: &ImapConfig) -> crate::Result<Secret> {
    match &c.password_file {
        Some(f) => Ok(Secret::from_file(f)?),
        None => Err(MailError::NoPassword {
            service: Service::Imap,
        }
        .into()),
    }
}

pub(super) type Session = imap::Session<Box<dyn Stream>>;

/// Logged in, the mailbox examined (read-only); with its message count.
pub(super) fn open(c: &ImapConfig, password: &Secret) -> Result<(Session, u32), MailError> {
    open_with_socket(c, password).map(|(s, m, _)| (s, m.exists))
}

/// As [`open`], with the mailbox's state (UIDVALIDITY…) and a handle on
/// the socket (to cut a wait from another thread).
pub(super) fn open_with_socket(
    c: &ImapConfig,
    password: &Secret,
) -> Result<(Session, imap::types::Mailbox, TcpStream), MailError> {
    let (client, socket) = connect(c)?;
    let mut session = client
        .login(&c.user, password.expose())
        .map_err(|(e, _)| match e {
            imap::Error::No(_) | imap::Error::Bad(_) | imap::Error::Validate(_) => {
                MailError::AuthFailed {
                    service: Service::Imap,
                    user: c.user.clone(),
                }
            }
            other => classify(c, other, password),
        })?;
    let name = mailbox_name(c);
    let mailbox = session.examine(name).map_err(|e| MailError::Mailbox {
        name: name.to_string(),
        detail: scrub(&e.to_string(), Some(password)),
    })?;
    Ok((session, mailbox, socket))
}

fn fetch_with(c: &ImapConfig, password: &Secret) -> Result<Vec<Vec<u8>>, MailError> {
    let fail = |e: imap::Error| classify(c, e, password);
    let (mut session, exists) = open(c, password)?;
    let mut out = Vec::new();
    if exists > 0 {
        let fetches = session.fetch("1:*", "BODY.PEEK[]").map_err(fail)?;
        for f in fetches.iter() {
            if let Some(body) = f.body() {
                out.push(body.to_vec());
            }
        }
    }
    let _ = session.logout();
    Ok(out)
}

fn connect(c: &ImapConfig) -> Result<(imap::Client<Box<dyn Stream>>, TcpStream), MailError> {
    if c.security == Security::Plain && !c.allow_plaintext && !tls::is_loopback(&c.host) {
        return Err(MailError::PlaintextRefused {
            service: Service::Imap,
            host: c.host.clone(),
        });
    }
    let port = port(c);
    let timeout = Duration::from_secs(c.timeout_s.unwrap_or(DEFAULT_TIMEOUT_S));
    let tcp = tcp_connect(c, port, timeout)?;
    let net = |e: std::io::Error| io_error(c, port, e);
    tcp.set_read_timeout(Some(timeout)).map_err(net)?;
    tcp.set_write_timeout(Some(timeout)).map_err(net)?;
    let socket = tcp.try_clone().map_err(net)?;
    let trust = tls::TlsTrust {
        section: "imap",
        ca_file: c.ca_file.as_deref(),
        fingerprint: c.tls_fingerprint.as_deref(),
    };
    let handshake = |tcp: TcpStream| {
        tls::connect(&trust, &c.host, tcp).map_err(|e| match e {
            tls::ConnectError::Settings(e) => e,
            tls::ConnectError::Tls(p) => p.into_mail_error(Service::Imap, &c.host),
        })
    };
    // Every answer bounded in bytes and time, whatever the server sends.
    let bounded = |s: Box<dyn Stream>| -> Box<dyn Stream> {
        Box::new(Bounded::new(s, ANSWER_LIMIT, timeout * 4))
    };
    let stream: Box<dyn Stream> = match c.security {
        Security::Plain => bounded(Box::new(tcp)),
        Security::Tls => bounded(Box::new(handshake(tcp)?)),
        Security::Starttls => {
            let tls = handshake(starttls(c, port, tcp)?)?;
            // After STARTTLS there is no new greeting.
            return Ok((imap::Client::new(bounded(Box::new(tls))), socket));
        }
    };
    let mut client = imap::Client::new(stream);
    client
        .read_greeting()
        .map_err(|e| classify_plain(c, port, e))?;
    Ok((client, socket))
}

/// Greeting and STARTTLS in clear (the imap crate only offers it with its own TLS setup).
fn starttls(c: &ImapConfig, port: u16, tcp: TcpStream) -> Result<TcpStream, MailError> {
    use std::io::BufRead;
    let net = |e: std::io::Error| io_error(c, port, e);
    let mut reader = std::io::BufReader::new(tcp.try_clone().map_err(net)?);
    let mut line = String::new();
    reader.read_line(&mut line).map_err(net)?;
    if !line.starts_with("* OK") {
        return Err(MailError::Server {
            service: Service::Imap,
            detail: line.trim().to_string(),
        });
    }
    (&tcp).write_all(b"a0 STARTTLS\r\n").map_err(net)?;
    loop {
        line.clear();
        if reader.read_line(&mut line).map_err(net)? == 0 {
            return Err(net(std::io::ErrorKind::UnexpectedEof.into()));
        }
        if line.starts_with("a0 OK") {
            return Ok(tcp);
        }
        if line.starts_with("a0 ") {
            return Err(MailError::Server {
                service: Service::Imap,
                detail: format!("STARTTLS: {}", line.trim()),
            });
        }
    }
}

fn tcp_connect(c: &ImapConfig, port: u16, timeout: Duration) -> Result<TcpStream, MailError> {
    let addrs = (c.host.as_str(), port)
        .to_socket_addrs()
        .map_err(|e| io_error(c, port, e))?;
    let mut last = None;
    for a in addrs {
        match TcpStream::connect_timeout(&a, timeout) {
            Ok(s) => return Ok(s),
            Err(e) => last = Some(e),
        }
    }
    Err(io_error(
        c,
        port,
        last.unwrap_or_else(|| std::io::Error::from(std::io::ErrorKind::NotFound)),
    ))
}

fn io_error(c: &ImapConfig, port: u16, e: std::io::Error) -> MailError {
    let host = c.host.clone();
    if let Some(Oversized(limit)) = e.get_ref().and_then(|i| i.downcast_ref::<Oversized>()) {
        return MailError::Oversized {
            service: Service::Imap,
            host,
            limit: *limit,
        };
    }
    match e.kind() {
        std::io::ErrorKind::ConnectionRefused => MailError::ConnectionRefused {
            service: Service::Imap,
            host,
            port,
        },
        std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => MailError::Timeout {
            service: Service::Imap,
            host,
            port,
        },
        _ => MailError::Server {
            service: Service::Imap,
            detail: format!("{host}:{port}: {e}"),
        },
    }
}

fn classify_plain(c: &ImapConfig, port: u16, e: imap::Error) -> MailError {
    match e {
        imap::Error::Io(io) => io_error(c, port, io),
        other => MailError::Server {
            service: Service::Imap,
            detail: other.to_string(),
        },
    }
}

pub(super) fn classify(c: &ImapConfig, e: imap::Error, password: &Secret) -> MailError {
    match e {
        imap::Error::Io(io) => io_error(c, port(c), io),
        other => MailError::Server {
            service: Service::Imap,
            detail: scrub(&other.to_string(), Some(password)),
        },
    }
}

/// `doctor`: connects, logs in and examines the mailbox; reads no mail.
pub fn probe(c: &ImapConfig) -> crate::Result<()> {
    let pw = password(c)?;
    let (mut session, _) = open(c, &pw)?;
    let _ = session.logout();
    Ok(())
}
