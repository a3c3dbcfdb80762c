//! What one IMAP answer may cost. The imap crate reads a response whole
//! before parsing it, so a server announcing a 2 GB literal, or a line that
//! never ends, would be read into memory for as long as it keeps sending;
//! and a server dripping a byte at a time never trips the socket's read
//! timeout. Every byte the server sends in answer to one command counts
//! against a budget, and the answer has a deadline; both start again with
//! each command we write.

use super::imap::Stream;
use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// What one answer may hold: a batch of mails (`unread` keeps a batch under
/// [`BATCH_BYTES`]) or one mail up to a generous `max_message_bytes`, plus
/// the rest of the answer (UID lists of a large mailbox, headers).
pub(super) const ANSWER_LIMIT: u64 = 80 * 1024 * 1024;
/// The mails fetched whole by one command, at most.
pub(super) const BATCH_BYTES: u64 = 32 * 1024 * 1024;

/// The server sent more than the budget of one answer.
#[derive(Debug)]
pub struct Oversized(pub u64);

impl std::fmt::Display for Oversized {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "more than {} bytes in one answer", self.0)
    }
}

impl std::error::Error for Oversized {}

pub(super) struct Bounded {
    inner: Box<dyn Stream>,
    limit: u64,
    /// Bytes read since our last write.
    read: u64,
    since: Instant,
    deadline: Duration,
    /// The longest wait asked of the socket (IDLE asks for minutes).
    longest_wait: Duration,
}

impl Bounded {
    pub(super) fn new(inner: Box<dyn Stream>, limit: u64, deadline: Duration) -> Bounded {
        Bounded {
            inner,
            limit,
            read: 0,
            since: Instant::now(),
            deadline,
            longest_wait: Duration::ZERO,
        }
    }
}

impl Read for Bounded {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let allowed = self
            .deadline
            .max(self.longest_wait + Duration::from_secs(30));
        if self.since.elapsed() > allowed {
            return Err(io::ErrorKind::TimedOut.into());
        }
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        if self.read > self.limit {
            return Err(io::Error::other(Oversized(self.limit)));
        }
        Ok(n)
    }
}

impl Write for Bounded {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.read = 0;
        self.since = Instant::now();
        self.inner.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

impl Stream for Bounded {
    fn socket(&self) -> &TcpStream {
        self.inner.socket()
    }

    fn set_read_timeout(&mut self, timeout: Option<Duration>) -> io::Result<()> {
        self.longest_wait = timeout.unwrap_or(Duration::ZERO);
        self.inner.socket().set_read_timeout(timeout)
    }
}
