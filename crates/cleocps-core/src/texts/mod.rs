//! Every text of the core, French and English side by side, one table per
//! module it speaks for, gathered in [`CORE`]. These tables name nothing but
//! [`crate::lang`]: the words sit below the code that says them, so no module
//! and its texts import each other.

use crate::lang::Catalog;

mod card;
mod deploy;
mod directory;
mod doctor;
mod http;
mod journal;
mod mail;
mod messages;
mod ops;
mod pki;
mod revocation;
mod subject;
mod trust;
mod wizard;
mod wizard_platform;

/// The core's catalog, which each front's catalog sits on.
pub static CORE: Catalog = Catalog {
    tables: &[
        messages::TEXTS,
        pki::TEXTS,
        subject::TEXTS,
        journal::TEXTS,
        trust::TEXTS,
        revocation::TEXTS,
        http::TEXTS,
        mail::TEXTS,
        directory::TEXTS,
        card::TEXTS,
        doctor::TEXTS,
        wizard::TEXTS,
        wizard_platform::TEXTS,
        ops::TEXTS,
        deploy::TEXTS,
    ],
    below: None,
};
