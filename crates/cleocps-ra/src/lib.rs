//! The rehearsal registration server (DESIGN §7): a test CA hierarchy, the
//! server's own decryption key and certificate, a trusted card CA, and the
//! decision on one request (`process`). Rehearsal only: it decrypts RSA
//! PKCS#1 v1.5 with the rsa 0.9 crate (RUSTSEC-2023-0071), acceptable on
//! loopback and a training box, not on an exposed service.
//!
//! No terminal here: [`process`] takes `.p7m` bytes and the mail's metadata
//! in and gives the decision and its answer out; the mail loop ([`serve`],
//! [`serve_once`]) sits on top of it and survives any mail (see `serve.rs`).

mod answer;
mod cards;
mod csr_names;
mod decision;
mod directory;
pub mod i18n;
mod inbox;
mod init;
mod issue;
mod platform;
mod process;
mod records;
mod replay;
mod reply;
pub mod revocation;
pub mod revocation_serve;
pub mod serve;
mod store;
mod texts;
mod verify;

pub use answer::{certs_only_p7c, rejection_body};
pub use cards::{make_card_holder, CardHolderSpec};
pub use decision::{Decision, Issued, Processed, RejectCode, RequestMeta};
pub use directory::{AdminDirectory, ConfiguredDirectory};
pub use init::{init, InitOptions};
pub use issue::{CertKind, CA_KEY_BITS};
pub use platform::{chain, issue_for_csr, issue_new_key, PlatformSubject};
pub use process::process;
pub use records::{Handled, Status};
pub use replay::SeenStore;
pub use serve::{directory_for, serve, serve_once};
pub use store::{Pointers, RaDir, RaFileNames, RaSettings, FILES};

use cleocps_core::error::Error;
use cleocps_core::pki::PkiError;

fn crypto(e: impl std::fmt::Display) -> Error {
    Error::Pki(PkiError::Crypto(e.to_string()))
}
