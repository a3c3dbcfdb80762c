//! Mail (DESIGN §5): the request mail out (SMTP, sendmail, outbox), the
//! answer in (IMAP, Maildir), and matching answers to requests.

pub mod compose;
pub mod error;
pub mod imap;
mod imap_bounded;
pub mod imap_search;
pub mod maildir;
pub mod parts;
pub mod procedure;
pub mod send;
pub mod smtp;
pub mod tls;
pub mod tls_verify;
pub mod trust;
pub mod unread;
pub mod wait;
pub mod wanted;
pub mod watch;

pub use error::{MailError, Service};

/// One message of a mailbox as a server loop reads it (DESIGN §5: a
/// message over `max_message_bytes` is never downloaded whole).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawMail {
    /// Where it is: `UID <n>` (IMAP) or its Maildir file name.
    pub origin: String,
    /// Its size in bytes, as the mailbox reports it.
    pub size: u64,
    /// The whole message, or only its header when `whole` is false.
    pub bytes: Vec<u8>,
    pub whole: bool,
}

pub use procedure::{fetch_all, fetch_response, send_request, FetchOutcome};
pub use unread::{fetch_unread, Cursor};
pub use wait::{fetch_wait, poll_interval, AnswerWait, Tick};
