//! The run's vocabulary, which both fronts speak: its steps in order, the
//! work it asks for ([`Next`]), what that work found ([`Found`]) and the
//! user's answers ([`Answer`]). The run itself is [`super::Run`].

use super::{FinalFiles, Finished, Given, Paused, Start};
use crate::card::TokenInfo;
use crate::directory::{Lookup, ServerEntry};
use crate::request::{RequestType, State};

/// The steps of a run, in order, as both fronts show them.
#[derive(Debug, Clone)]
pub enum Step {
    /// Looking for a run to resume.
    Opening,
    /// A run stopped while under way: resume it or start anew.
    Resume {
        path: String,
        state: State,
    },
    /// The request type (SSL or S/MIME on the card's road; any of the
    /// seven on the platform's).
    Type,
    /// Card and directory (work runs).
    Looking,
    /// The holder's servers to pick from (or "another one, typed").
    Server {
        entries: Vec<ServerEntry>,
    },
    /// The name typed by hand; `degraded` is why the directory could not help.
    Typed {
        degraded: Option<String>,
    },
    /// Platform, ORG: the service names offered (INSi's), or "another, typed".
    Service {
        names: Vec<String>,
    },
    /// Protect the key with a random password or not.
    KeyPassword,
    /// The PIN is asked.
    Pin,
    /// Prepare, sign, send (work runs).
    Sending,
    /// Waiting for the answer (work runs); its progress as reported.
    Waiting {
        path: String,
        next_check: Option<u64>,
        left: Option<u64>,
    },
    /// No answer within the wait: the run stays resumable.
    Stopped {
        path: String,
    },
    /// Platform: the key and the CSR are being made (work runs).
    Preparing,
    /// Platform: the CSR (PEM) to give the platform, with its steps.
    Csr {
        path: String,
        csr: String,
    },
    /// Platform: waiting for the certificate, pasted or from a file;
    /// `refused` says why the last one was not taken.
    Certificate {
        path: String,
        refused: Option<String>,
    },
    /// Platform: the certificate is checked and the files written (work runs).
    Importing {
        path: String,
    },
    Done {
        files: FinalFiles,
    },
    Rejected {
        path: String,
        code: String,
        reason: String,
    },
    /// The work failed; the text says what to do.
    Failed {
        text: String,
    },
}

impl Step {
    /// Index in the card road's step line (type, server, key, card, send,
    /// answer, files), or the platform's (type, subject, key, request,
    /// certificate, files).
    pub fn index(&self) -> usize {
        match self {
            Step::Opening | Step::Resume { .. } | Step::Type => 0,
            Step::Looking | Step::Server { .. } | Step::Typed { .. } | Step::Service { .. } => 1,
            Step::KeyPassword => 2,
            Step::Pin | Step::Preparing | Step::Csr { .. } => 3,
            Step::Sending | Step::Failed { .. } | Step::Certificate { .. } => 4,
            Step::Importing { .. } => 5,
            Step::Waiting { .. } | Step::Stopped { .. } | Step::Rejected { .. } => 5,
            Step::Done { .. } => 6,
        }
    }
}

/// The work the front runs next for the run.
#[derive(Debug, Clone)]
pub enum Next {
    /// The card (no PIN), then the holder's servers in the directory.
    Probe(RequestType),
    /// The card is known: ask the PIN (the front applies the card's policy).
    AskPin,
    /// Create, sign (one PIN try) and mail, or what is left of a resumed run.
    Send(Start),
    /// Wait for the answer, then write the files.
    Finish(String),
    /// Platform: create the request, its key and its CSR (or what is left
    /// of a resumed run).
    Csr(Start),
    /// Platform: import the certificate given, then write the files.
    Import { path: String, given: Given },
}

/// What the run's work found: the answers of [`Next`]'s work.
#[derive(Debug, Clone)]
pub enum Found {
    Resumable(Option<Paused>),
    Probed {
        info: TokenInfo,
        /// "810001234567 JEAN DUPONT".
        holder: String,
        lookup: Result<Lookup, String>,
    },
    Sent {
        path: String,
    },
    /// Platform: the CSR is written; its PEM.
    Prepared {
        path: String,
        csr: String,
    },
    Finished(Finished),
}

/// The user's answers to the run's questions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// At [`Step::Resume`]: resume (true) or start anew.
    Resume(bool),
    Type(RequestType),
    /// At [`Step::Server`] (or [`Step::Service`]): the entry picked, `None`
    /// to type another name.
    Server(Option<usize>),
    /// At [`Step::Typed`]: the name.
    Name(String),
    KeyPassword(bool),
    /// The PIN was given (it goes with the send, never into the run).
    Pin,
    /// Wait again for a run stopped without an answer.
    WaitAgain,
    /// After a rejection: a new run.
    Anew,
    /// Platform, at [`Step::Csr`]: the CSR was given to the platform.
    Continue,
    /// Platform, at [`Step::Certificate`]: the certificate, pasted or in a
    /// file (PEM, DER, `.p7b`/`.p7c`).
    Certificate(Given),
}
