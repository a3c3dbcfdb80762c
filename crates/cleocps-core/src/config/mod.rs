//! The configuration file (**contract**, DESIGN §9): `--config FILE`, else
//! `$CLEOCPS_CONFIG`, else `$XDG_CONFIG_HOME/cleocps/config.json`. Every key is
//! optional; an unknown key is an error naming it. Secrets never sit in the
//! file: only paths of password files.

mod set;

pub use set::{get_value, set_in_file, set_values, CONFIG_MODE};

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    pub language: Option<String>,
    pub key_bits: Option<u32>,
    pub card: CardConfig,
    pub registration: RegistrationConfig,
    pub mail_from: Option<String>,
    pub smtp: Option<SmtpConfig>,
    /// Path of a sendmail binary (servers with a local MTA).
    pub sendmail: Option<PathBuf>,
    /// A directory where request mails are written as `.eml` files.
    pub outbox: Option<PathBuf>,
    pub imap: Option<ImapConfig>,
    /// A local Maildir to read answers from.
    pub maildir: Option<PathBuf>,
    /// Mail over this size is skipped, never downloaded whole (default
    /// [`DEFAULT_MAX_MESSAGE_BYTES`]; see [`Config::max_message_bytes`]).
    pub max_message_bytes: Option<u64>,
    pub ldap: Option<LdapConfig>,
    /// A JSON directory file (rehearsal, air-gapped sites).
    pub directory_file: Option<PathBuf>,
    /// Trust anchors and known intermediates (DESIGN §4a).
    pub trust: crate::trust::TrustConfig,
    /// Revocation checks (DESIGN §4c).
    pub revocation: crate::revocation::RevocationConfig,
    pub ra: RaConfig,
    pub subject_defaults: SubjectDefaults,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CardConfig {
    pub pkcs11_module: Option<PathBuf>,
    pub token_label: Option<String>,
    pub soft_token: Option<PathBuf>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RegistrationConfig {
    pub address: Option<String>,
    pub certificate: Option<PathBuf>,
}

/// `starttls` (default), `tls` (implicit), `plain` (loopback or `allow_plaintext` only).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Security {
    #[default]
    Starttls,
    Tls,
    Plain,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmtpConfig {
    pub host: String,
    pub port: Option<u16>,
    #[serde(default)]
    pub security: Security,
    pub user: Option<String>,
    pub password_file: Option<PathBuf>,
    pub ca_file: Option<PathBuf>,
    /// `SHA256:…` of the server's own certificate (DESIGN §9).
    pub tls_fingerprint: Option<String>,
    pub timeout_s: Option<u64>,
    #[serde(default)]
    pub allow_plaintext: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImapConfig {
    pub host: String,
    pub port: Option<u16>,
    #[serde(default = "tls")]
    pub security: Security,
    pub user: String,
    pub password_file: Option<PathBuf>,
    pub ca_file: Option<PathBuf>,
    pub tls_fingerprint: Option<String>,
    pub mailbox: Option<String>,
    pub timeout_s: Option<u64>,
    #[serde(default)]
    pub allow_plaintext: bool,
}

fn tls() -> Security {
    Security::Tls
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LdapConfig {
    pub url: String,
    #[serde(default)]
    pub starttls: bool,
    pub bind_dn: Option<String>,
    pub password_file: Option<PathBuf>,
    pub ca_file: Option<PathBuf>,
    pub tls_fingerprint: Option<String>,
    pub base: String,
    pub filter: Option<String>,
    #[serde(default)]
    pub attributes: LdapAttributes,
    pub timeout_s: Option<u64>,
    pub size_limit: Option<i32>,
    /// Allows a simple bind over plain `ldap://` (no StartTLS) to a host
    /// other than loopback: the password would cross the network in clear.
    #[serde(default)]
    pub allow_plaintext: bool,
}

/// Where each value is read in the directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LdapAttributes {
    pub fqdn: String,
    pub mail: String,
    pub structure_id: String,
    pub structure_name: String,
    pub departement: String,
}

impl Default for LdapAttributes {
    fn default() -> Self {
        LdapAttributes {
            fqdn: "testServerFqdn".into(),
            mail: "mail".into(),
            structure_id: "testIdNatStruct".into(),
            structure_name: "cn".into(),
            departement: "l".into(),
        }
    }
}

/// The largest configuration file read (a real one is a few KiB).
pub const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// Mail over this size is skipped (DESIGN §5, §9): 10 MB.
pub const DEFAULT_MAX_MESSAGE_BYTES: u64 = 10_000_000;

/// The default filter template, for the test directory shape (TESTENV.md).
pub const DEFAULT_LDAP_FILTER: &str = "(&(objectClass=testServer)(testAdminCardHolderId={holder}))";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RaConfig {
    pub validity_days: u32,
    pub allow_legacy_1024: bool,
}

impl Default for RaConfig {
    fn default() -> Self {
        RaConfig {
            validity_days: 1095,
            allow_legacy_1024: false,
        }
    }
}

/// Values pre-filled in new requests' forms.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SubjectDefaults {
    pub o: Option<String>,
    pub ou: Option<String>,
    pub st: Option<String>,
    pub l: Option<String>,
    pub c: Option<String>,
}

/// A configuration that can't be used; the message names the key or file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    Unreadable {
        path: PathBuf,
        detail: String,
    },
    Invalid {
        path: PathBuf,
        detail: String,
    },
    /// Several sending (or receiving) ways are set.
    Several {
        what: &'static str,
        keys: Vec<&'static str>,
    },
    BadValue {
        key: &'static str,
        detail: String,
    },
}

impl Config {
    /// The file to read: `--config`, `$CLEOCPS_CONFIG`, the XDG path. `explicit`
    /// is true when the user named it (then it must exist).
    pub fn locate(flag: Option<&Path>) -> Option<(PathBuf, bool)> {
        if let Some(p) = flag {
            return Some((p.to_path_buf(), true));
        }
        if let Some(p) = std::env::var_os("CLEOCPS_CONFIG").filter(|v| !v.is_empty()) {
            return Some((PathBuf::from(p), true));
        }
        directories::ProjectDirs::from("", "", "cleocps")
            .map(|d| (d.config_dir().join("config.json"), false))
    }

    /// Reads the configuration; a missing default file is an empty configuration.
    pub fn load(flag: Option<&Path>) -> Result<(Config, Option<PathBuf>), ConfigError> {
        let Some((path, explicit)) = Config::locate(flag) else {
            return Ok((Config::default(), None));
        };
        match Config::read_file(&path)? {
            Some(text) => Ok((Config::parse(&path, &text)?, Some(path))),
            None if !explicit => Ok((Config::default(), None)),
            None => Err(ConfigError::Unreadable {
                detail: crate::error::Error::io(&path, std::io::ErrorKind::NotFound.into())
                    .localize(crate::i18n::current()),
                path,
            }),
        }
    }

    /// Ports 1–65535 (0 is no port) and timeouts of at least a second (0
    /// would fail every connection at once).
    fn check_ports_and_timeouts(&self) -> Result<(), ConfigError> {
        let smtp = self.smtp.as_ref();
        let imap = self.imap.as_ref();
        let ports = [
            ("smtp.port", smtp.and_then(|c| c.port)),
            ("imap.port", imap.and_then(|c| c.port)),
        ];
        if let Some((key, _)) = ports.iter().find(|(_, p)| *p == Some(0)) {
            return Err(ConfigError::BadValue {
                key,
                detail: crate::i18n::tf(crate::i18n::current(), "config.bad_port", &[&0]),
            });
        }
        let timeouts = [
            ("smtp.timeout_s", smtp.and_then(|c| c.timeout_s)),
            ("imap.timeout_s", imap.and_then(|c| c.timeout_s)),
            (
                "ldap.timeout_s",
                self.ldap.as_ref().and_then(|c| c.timeout_s),
            ),
        ];
        if let Some((key, _)) = timeouts.iter().find(|(_, t)| *t == Some(0)) {
            return Err(ConfigError::BadValue {
                key,
                detail: crate::i18n::tf(crate::i18n::current(), "config.bad_timeout", &[&0]),
            });
        }
        Ok(())
    }

    /// Reads `path` as a configuration file's text (`None`: absent): only
    /// a regular file, of at most [`MAX_CONFIG_BYTES`].
    pub(crate) fn read_file(path: &Path) -> Result<Option<String>, ConfigError> {
        use crate::fsutil::ReadError;
        let lang = crate::i18n::current();
        let unreadable = |detail: String| ConfigError::Unreadable {
            path: path.to_path_buf(),
            detail,
        };
        match crate::fsutil::read_bounded(path, MAX_CONFIG_BYTES) {
            Ok(bytes) => String::from_utf8(bytes)
                .map(Some)
                .map_err(|_| unreadable(crate::i18n::t(lang, "config.not_utf8").to_string())),
            Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(ReadError::Io(e)) => Err(unreadable(e.to_string())),
            Err(ReadError::NotAFile) => Err(unreadable(
                crate::i18n::t(lang, "config.not_a_file").to_string(),
            )),
            Err(ReadError::TooLarge(n)) => {
                Err(unreadable(crate::i18n::tf(lang, "config.too_large", &[&n])))
            }
        }
    }

    pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
        let config: Config = serde_json::from_str(text).map_err(|e| ConfigError::Invalid {
            path: path.to_path_buf(),
            detail: e.to_string(),
        })?;
        config.check()?;
        Ok(config)
    }

    /// Rules serde can't say: one sending way, one receiving way, sane values.
    pub fn check(&self) -> Result<(), ConfigError> {
        let senders: Vec<&'static str> = [
            ("smtp", self.smtp.is_some()),
            ("sendmail", self.sendmail.is_some()),
            ("outbox", self.outbox.is_some()),
        ]
        .into_iter()
        .filter_map(|(k, set)| set.then_some(k))
        .collect();
        if senders.len() > 1 {
            return Err(ConfigError::Several {
                what: "send",
                keys: senders,
            });
        }
        let receivers: Vec<&'static str> = [
            ("imap", self.imap.is_some()),
            ("maildir", self.maildir.is_some()),
        ]
        .into_iter()
        .filter_map(|(k, set)| set.then_some(k))
        .collect();
        if receivers.len() > 1 {
            return Err(ConfigError::Several {
                what: "receive",
                keys: receivers,
            });
        }
        if let Some(lang) = &self.language {
            if crate::i18n::Lang::parse(lang).is_none() {
                return Err(ConfigError::BadValue {
                    key: "language",
                    detail: lang.clone(),
                });
            }
        }
        self.check_fingerprints()?;
        self.check_ports_and_timeouts()?;
        if self.max_message_bytes == Some(0) {
            return Err(ConfigError::BadValue {
                key: "max_message_bytes",
                detail: "0".into(),
            });
        }
        let unknown_days = self.revocation.max_unknown_days;
        if unknown_days == 0 || unknown_days > crate::revocation::MAX_UNKNOWN_DAYS {
            return Err(ConfigError::BadValue {
                key: "revocation.max_unknown_days",
                detail: unknown_days.to_string(),
            });
        }
        if let Some(bits) = self.key_bits {
            if ![2048, 3072, 4096].contains(&bits) {
                return Err(ConfigError::BadValue {
                    key: "key_bits",
                    detail: bits.to_string(),
                });
            }
        }
        Ok(())
    }

    /// Each section's `tls_fingerprint`, if set, is a SHA-256 (DESIGN §9).
    fn check_fingerprints(&self) -> Result<(), ConfigError> {
        let pins = [
            (
                "smtp.tls_fingerprint",
                self.smtp.as_ref().and_then(|s| s.tls_fingerprint.as_ref()),
            ),
            (
                "imap.tls_fingerprint",
                self.imap.as_ref().and_then(|s| s.tls_fingerprint.as_ref()),
            ),
            (
                "ldap.tls_fingerprint",
                self.ldap.as_ref().and_then(|s| s.tls_fingerprint.as_ref()),
            ),
        ];
        for (key, pin) in pins {
            if let Some(pin) = pin {
                if crate::mail::tls_verify::Fingerprint::parse(pin).is_none() {
                    return Err(ConfigError::BadValue {
                        key,
                        detail: pin.clone(),
                    });
                }
            }
        }
        Ok(())
    }

    /// The size over which a mail is skipped (`max_message_bytes`, else 10 MB).
    pub fn max_message_bytes(&self) -> u64 {
        self.max_message_bytes.unwrap_or(DEFAULT_MAX_MESSAGE_BYTES)
    }

    pub fn lang(&self) -> Option<crate::i18n::Lang> {
        self.language.as_deref().and_then(crate::i18n::Lang::parse)
    }
}

impl ConfigError {
    pub fn localize(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::tf;
        match self {
            ConfigError::Unreadable { path, detail } => {
                tf(lang, "config.unreadable", &[&path.display(), detail])
            }
            ConfigError::Invalid { path, detail } => {
                tf(lang, "config.invalid", &[&path.display(), detail])
            }
            ConfigError::Several { what, keys } => tf(
                lang,
                if *what == "send" {
                    "config.several_send"
                } else {
                    "config.several_receive"
                },
                &[&keys.join(", ")],
            ),
            ConfigError::BadValue { key, detail } => tf(lang, "config.bad_value", &[key, detail]),
        }
    }
}

crate::display_localized!(ConfigError);

#[cfg(test)]
mod tests;
