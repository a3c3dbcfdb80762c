//! Where `deploy` installs a request's certificate: targets, owner, modes,
//! commands. Saved in `request.json` as `"deploy"` (DESIGN §3, §4b) and
//! inherited by a renewal; a part of the request's data, so it lives here and
//! `deploy` reads it (its checks of modes and owners are in `deploy::profile`).

use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// What a target file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TargetKind {
    Cert,
    Key,
    Chain,
    Fullchain,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DeployProfile {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cert: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chain: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fullchain: Option<PathBuf>,
    /// `USER:GROUP` (names or numbers); `USER` or `:GROUP` alone too.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// Octal, e.g. "0644", for the certificate files.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    /// Octal, for the key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_mode: Option<String>,
    pub encrypted_key: bool,
    /// Run through `sh -c` after the swap; failure restores the previous files.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check: Option<String>,
    /// Run through `sh -c` after a good check; failure restores and reloads again.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reload: Option<String>,
    pub follow_symlinks: bool,
    /// Seconds `check` and `reload` may each take before their process
    /// group is killed (default `deploy::profile::COMMAND_TIMEOUT`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub command_timeout: Option<u64>,
}

impl DeployProfile {
    /// The targets given, in a fixed order.
    pub fn targets(&self) -> Vec<(TargetKind, PathBuf)> {
        [
            (TargetKind::Cert, &self.cert),
            (TargetKind::Chain, &self.chain),
            (TargetKind::Fullchain, &self.fullchain),
            (TargetKind::Key, &self.key),
        ]
        .into_iter()
        .filter_map(|(k, p)| p.clone().map(|p| (k, p)))
        .collect()
    }
}
