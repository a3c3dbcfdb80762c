//! cleocps-core: everything cleocps does, without the terminal.
//!
//! The workspace on disk, the request life cycle, keys, CSR, CMS and PKCS#12
//! (`pki`), the trust anchors an answer must chain to (`trust`), the CPS card over PKCS#11 (`card`), mail and the directory, the
//! configuration, and the flows both fronts drive (`procedure`, `wizard`),
//! each written once as a step function the fronts render. This crate has no
//! ratatui, crossterm or clap dependency: the compiler keeps it so.

pub mod answer_mail;
pub mod card;
pub mod config;
pub mod deploy;
pub mod directory;
pub mod doctor;
pub mod error;
pub mod fsutil;
pub mod http;
pub mod i18n;
pub mod lang;
pub mod logging;
pub mod mail;
pub mod ops;
pub mod pki;
pub mod procedure;
pub mod request;
pub mod revocation;
pub mod sanitize;
pub mod secret;
pub mod texts;
pub mod trust;
pub mod validate;
pub mod wizard;
pub mod workspace;

pub use error::{Error, Result};
