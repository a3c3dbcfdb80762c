//! Mail (DESIGN §5): the request mail out (SMTP, sendmail, outbox), the
//! answer in (IMAP, Maildir), and matching answers to requests.

pub mod compose;
pub mod error;
pub mod imap;
pub mod incoming;
pub mod maildir;
pub mod procedure;
pub mod send;
pub mod smtp;
mod texts;
pub mod tls;
pub mod trust;
pub mod wait;

pub use error::{MailError, Service};
pub use procedure::{fetch_all, fetch_response, send_request, FetchOutcome};
pub use texts::TEXTS;
pub use wait::{fetch_wait, poll_interval, AnswerWait, Tick};
