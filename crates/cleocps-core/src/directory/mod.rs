//! Directory lookup (DESIGN §6): the servers a card holder administers, from
//! LDAP or from a local JSON file (rehearsal, air-gapped sites).

pub mod file;
pub mod filter;
pub mod ldap;

use crate::config::Config;
use crate::i18n::{tf, Lang};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// One server the holder administers. Also the JSON directory file's entry.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ServerEntry {
    pub fqdn: String,
    pub mail: Option<String>,
    pub structure_id: Option<String>,
    pub structure_name: Option<String>,
    pub departement: Option<String>,
}

/// The answer of a lookup: servers sorted by FQDN, without duplicates.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Lookup {
    pub servers: Vec<ServerEntry>,
    /// Set when the directory stopped at its size limit: the list is incomplete.
    pub size_limit_hit: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DirectoryError {
    /// Neither `ldap` nor `directory_file` is configured.
    NotConfigured,
    /// No holder id given and no card to read it from.
    NoHolder,
    BadUrl(String),
    /// A password over plain `ldap://` to another host, without `allow_plaintext`.
    PlaintextBind(String),
    ConnectionRefused(String),
    Timeout(String),
    /// The TLS handshake failed, or the directory's certificate was refused.
    Tls {
        url: String,
        problem: crate::mail::tls::TlsProblem,
    },
    /// The directory sent more entries than the size limit asked.
    IgnoresSizeLimit {
        url: String,
        limit: i32,
    },
    /// `ca_file` or `tls_fingerprint` unusable.
    TlsSettings(String),
    AuthFailed(String),
    NoPassword,
    /// The server refused the search (bad base, filter, rights).
    Search(String),
    Other {
        url: String,
        detail: String,
    },
    File {
        path: PathBuf,
        detail: String,
    },
}

impl DirectoryError {
    pub fn localize(&self, lang: Lang) -> String {
        use DirectoryError as E;
        match self {
            E::NotConfigured => tf(lang, "dir.not_configured", &[]),
            E::NoHolder => tf(lang, "dir.no_holder", &[]),
            E::BadUrl(u) => tf(lang, "dir.bad_url", &[u]),
            E::PlaintextBind(u) => tf(lang, "dir.plaintext_bind", &[u]),
            E::ConnectionRefused(u) => tf(lang, "dir.refused", &[u]),
            E::Timeout(u) => tf(lang, "dir.timeout", &[u]),
            E::Tls { url, problem } => {
                problem.localize(lang, &tf(lang, "dir.server_named", &[url]), "ldap")
            }
            E::TlsSettings(detail) => detail.clone(),
            E::IgnoresSizeLimit { url, limit } => tf(lang, "dir.ignores_limit", &[url, limit]),
            E::AuthFailed(dn) => tf(lang, "dir.auth", &[dn]),
            E::NoPassword => tf(lang, "dir.no_password", &[]),
            E::Search(d) => tf(lang, "dir.search", &[d]),
            E::Other { url, detail } => tf(lang, "dir.other", &[url, detail]),
            E::File { path, detail } => tf(lang, "dir.file", &[&path.display(), detail]),
        }
    }
}

/// Looks the holder up in the configured directory (LDAP first, else the file).
pub fn lookup(config: &Config, holder: &str) -> crate::Result<Lookup> {
    let mut found = if let Some(c) = &config.ldap {
        ldap::lookup(c, holder)?
    } else if let Some(p) = &config.directory_file {
        file::lookup(p, holder)?
    } else {
        return Err(DirectoryError::NotConfigured.into());
    };
    found.servers.sort();
    found.servers.dedup();
    Ok(found)
}

crate::display_localized!(DirectoryError);
