//! Trust (DESIGN §4a): which anchors an answer must chain to, and where a
//! missing intermediate comes from — the configuration's `trust.intermediates`,
//! then the AIA `caIssuers` URL of the certificate it issued. The checks
//! themselves are `pki`'s path validation; this module finds the certificates.

mod aia;
mod anchors;
mod listing;
#[cfg(test)]
mod tests;

pub use anchors::{BuiltIn, BuiltInIntermediate, BUILT_IN, BUILT_IN_INTERMEDIATES};
pub use listing::{ExportFormat, TrustEntry, TrustRole};

use crate::i18n::{tf, Lang};
use crate::pki::{self, Answer, AnswerWarning, Expected, PkiError, TrustStore};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use std::time::SystemTime;
use x509_cert::Certificate;

/// The built-in anchor trusted when the configuration names none.
pub const DEFAULT_ANCHOR: &str = "igc-sante";

/// Fetches per import at most (one per missing intermediate).
const MAX_FETCHES: usize = 3;

/// `trust` in the configuration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TrustConfig {
    /// Built-in anchor names (`igc-sante`, `igc-sante-test`) or certificate files.
    pub anchors: Vec<String>,
    /// A PEM file, or a directory of them, of intermediate CA certificates.
    pub intermediates: Option<PathBuf>,
}

impl Default for TrustConfig {
    fn default() -> Self {
        TrustConfig {
            anchors: vec![DEFAULT_ANCHOR.to_string()],
            intermediates: None,
        }
    }
}

impl TrustConfig {
    /// These anchors plus certificate files given for one command (`--trust-anchor`).
    pub fn with_anchor_files(&self, files: &[PathBuf]) -> TrustConfig {
        let mut out = self.clone();
        out.anchors
            .extend(files.iter().map(|f| f.to_string_lossy().into_owned()));
        out
    }

    /// The anchors and known intermediates, read now (files may change between runs).
    pub fn load(&self) -> Result<TrustStore, TrustError> {
        if self.anchors.is_empty() {
            return Err(TrustError::NoAnchor);
        }
        let mut store = TrustStore::default();
        for entry in &self.anchors {
            store.anchors.extend(anchors::anchor(entry)?);
            let built_in = anchors::intermediates_of(entry)?;
            store
                .intermediates
                .extend(built_in.into_iter().map(|(_, c)| c));
        }
        if let Some(path) = &self.intermediates {
            store.intermediates.extend(anchors::intermediates(path)?);
        }
        Ok(store)
    }
}

/// What keeps the trust settings from being used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TrustError {
    /// An anchor that is neither a built-in name nor a readable certificate file.
    AnchorUnreadable {
        anchor: String,
        detail: String,
    },
    /// A built-in anchor whose fingerprint is not the published one.
    BuiltInMismatch(&'static str),
    /// `"anchors": []`.
    NoAnchor,
    IntermediatesUnreadable {
        path: PathBuf,
        detail: String,
    },
    /// The issuer is missing and could not be fetched from its AIA URL.
    FetchFailed {
        issuer: String,
        subject: String,
        url: String,
        detail: String,
    },
}

impl TrustError {
    pub fn localize(&self, lang: Lang) -> String {
        match self {
            TrustError::AnchorUnreadable { anchor, detail } => {
                let names: Vec<&str> = BUILT_IN.iter().map(|b| b.name).collect();
                tf(
                    lang,
                    "trust.anchor_unreadable",
                    &[anchor, detail, &names.join(", ")],
                )
            }
            TrustError::BuiltInMismatch(name) => tf(lang, "trust.built_in_mismatch", &[name]),
            TrustError::NoAnchor => tf(lang, "trust.no_anchor", &[]),
            TrustError::IntermediatesUnreadable { path, detail } => tf(
                lang,
                "trust.intermediates_unreadable",
                &[&path.display(), detail],
            ),
            TrustError::FetchFailed {
                issuer,
                subject,
                url,
                detail,
            } => tf(lang, "trust.fetch_failed", &[issuer, subject, url, detail]),
        }
    }
}

crate::display_localized!(TrustError);

/// Selects and checks the answer (DESIGN §4a) against the anchors of `trust`;
/// an issuer missing from the answer and from `trust.intermediates` is
/// fetched from the AIA URL of the certificate it issued, then checked like
/// the rest. Every import (file, mail, paste) goes through here.
pub fn check_answer(
    certs: Vec<Certificate>,
    expected: &Expected<'_>,
    trust: &TrustConfig,
    now: SystemTime,
) -> crate::Result<Answer> {
    let mut store = trust.load()?;
    let mut fetched: Vec<(String, Vec<Certificate>)> = Vec::new();
    let mut tried: Vec<String> = Vec::new();
    let mut failure: Option<(String, String)> = None;
    loop {
        let err = match pki::select_answer(certs.clone(), expected, &store, now) {
            Ok(answer) => return Ok(noting_fetched(answer, &fetched)),
            Err(e) => e,
        };
        let PkiError::MissingIssuer {
            issuer,
            subject,
            ca_issuers,
        } = &err
        else {
            return Err(err.into());
        };
        // IGC-Santé lists an http:// URL; ldap:// ones are not fetched.
        let next = ca_issuers
            .iter()
            .find(|u| u.starts_with("http://") && !tried.contains(u))
            .filter(|_| tried.len() < MAX_FETCHES);
        let Some(url) = next.cloned() else {
            return Err(match failure {
                Some((url, detail)) if ca_issuers.contains(&url) => TrustError::FetchFailed {
                    issuer: issuer.clone(),
                    subject: subject.clone(),
                    url,
                    detail,
                }
                .into(),
                _ => err.into(),
            });
        };
        tried.push(url.clone());
        match aia::fetch(&url) {
            Ok(certs) => {
                log::info!("AIA: {} certificate(s) from {url}", certs.len());
                store.intermediates.extend(certs.iter().cloned());
                fetched.push((url, certs));
            }
            Err(detail) => {
                log::warn!("AIA: {url}: {detail}");
                failure = Some((url, detail));
            }
        }
    }
}

/// Tells which certificates of the chain came from an AIA URL.
fn noting_fetched(mut answer: Answer, fetched: &[(String, Vec<Certificate>)]) -> Answer {
    for (url, certs) in fetched {
        for cert in certs.iter().filter(|c| answer.chain.contains(c)) {
            answer.warnings.push(AnswerWarning::IssuerFetched {
                subject: cert.tbs_certificate.subject.to_string(),
                url: url.clone(),
            });
        }
    }
    answer
}
