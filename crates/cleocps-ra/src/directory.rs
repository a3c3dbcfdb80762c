//! Who administers what: the question the server asks before issuing. The
//! answer comes from the directory module (LDAP, or the JSON directory file
//! `{"servers":[{"holder","fqdn","mail","structure_id","structure_name","departement"}]}`).

use cleocps_core::config::Config;
use cleocps_core::directory::DirectoryError;
use cleocps_core::error::Error;
use std::path::Path;

/// The directory the server consults. `Err` is a lookup failure (the
/// request is then neither issued nor rejected, and tried again later), not
/// a "no".
pub trait AdminDirectory {
    /// True when the card holder `holder_id` administers `name` (a server's
    /// FQDN, or its mailbox for S/MIME).
    fn administers(&self, holder_id: &str, name: &str) -> Result<bool, DirectoryError>;
}

/// The directory a configuration names (`ldap`, else `directory_file`).
#[derive(Debug, Clone)]
pub struct ConfiguredDirectory(pub Config);

impl ConfiguredDirectory {
    /// Only the JSON directory file at `path`.
    pub fn file(path: &Path) -> ConfiguredDirectory {
        ConfiguredDirectory(Config {
            directory_file: Some(path.to_path_buf()),
            ..Config::default()
        })
    }
}

impl AdminDirectory for ConfiguredDirectory {
    fn administers(&self, holder_id: &str, name: &str) -> Result<bool, DirectoryError> {
        let found = match cleocps_core::directory::lookup(&self.0, holder_id.trim()) {
            Ok(found) => found,
            Err(Error::Directory(e)) => return Err(e),
            // A password file that can't be read, and the like.
            Err(other) => {
                return Err(DirectoryError::Other {
                    url: self
                        .0
                        .ldap
                        .as_ref()
                        .map(|l| l.url.clone())
                        .unwrap_or_default(),
                    detail: other.localize(crate::i18n::Lang::En),
                })
            }
        };
        // DNS names and mail domains are case-insensitive; local parts are
        // never case-folded by anyone here, so whole names compare without case.
        let name = name.trim();
        Ok(found.servers.iter().any(|s| {
            s.fqdn.eq_ignore_ascii_case(name)
                || s.mail
                    .as_deref()
                    .is_some_and(|m| m.eq_ignore_ascii_case(name))
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holder_and_name_must_match_one_entry() {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("d.json");
        std::fs::write(
            &path,
            r#"{"servers":[{"holder":"810001234567","fqdn":"srv.clinique.example.fr",
               "mail":"messagerie@clinique.example.fr","structure_id":"1"}]}"#,
        )
        .expect("w");
        let d = ConfiguredDirectory::file(&path);
        assert_eq!(
            d.administers("810001234567", "SRV.clinique.example.fr"),
            Ok(true)
        );
        assert_eq!(
            d.administers("810001234567", "messagerie@clinique.example.fr"),
            Ok(true)
        );
        assert_eq!(d.administers("810001234567", "autre.example.fr"), Ok(false));
        assert_eq!(
            d.administers("899999999999", "srv.clinique.example.fr"),
            Ok(false)
        );
        let missing = ConfiguredDirectory::file(&dir.path().join("none.json"));
        assert!(missing.administers("810001234567", "x.example.fr").is_err());
    }
}
