//! Who administers what: the question the server asks before issuing, and
//! its JSON-file answer (the file format of the directory module:
//! `{"servers":[{"holder","fqdn","mail","structure_id","structure_name","departement"}]}`).

use crate::error::{Error, Result};
use std::path::Path;

/// The directory the server consults. `Err` is a lookup failure (the
/// request is then neither issued nor rejected), not a "no".
pub trait AdminDirectory {
    /// True when the card holder `holder_id` administers `name` (a server's
    /// FQDN, or its mailbox for S/MIME).
    fn administers(&self, holder_id: &str, name: &str) -> std::result::Result<bool, String>;
}

/// One server of the JSON directory. Unknown keys are ignored, so the file
/// can carry more than the server reads.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ServerEntry {
    /// The administrator's card holder id (CN of the card certificate).
    pub holder: String,
    pub fqdn: Option<String>,
    pub mail: Option<String>,
    pub structure_id: Option<String>,
    pub structure_name: Option<String>,
    pub departement: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct JsonDirectory {
    pub servers: Vec<ServerEntry>,
}

impl JsonDirectory {
    /// Reads the file; a missing or damaged file is an error naming it.
    pub fn load(path: &Path) -> Result<JsonDirectory> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        serde_json::from_str(&text).map_err(|e| Error::Corrupt {
            path: path.to_path_buf(),
            detail: e.to_string(),
        })
    }
}

impl AdminDirectory for JsonDirectory {
    fn administers(&self, holder_id: &str, name: &str) -> std::result::Result<bool, String> {
        // DNS names and mail domains are case-insensitive; we compare whole
        // names without case (local parts are never case-folded by anyone here).
        let same = |v: &Option<String>| {
            v.as_deref()
                .is_some_and(|v| v.trim().eq_ignore_ascii_case(name.trim()))
        };
        Ok(self
            .servers
            .iter()
            .any(|s| s.holder.trim() == holder_id.trim() && (same(&s.fqdn) || same(&s.mail))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holder_and_name_must_match_one_entry() {
        let d: JsonDirectory = serde_json::from_str(
            r#"{"servers":[{"holder":"810001234567","fqdn":"srv.clinique.example.fr",
               "mail":"messagerie@clinique.example.fr","structure_id":"1","extra":true}]}"#,
        )
        .expect("json");
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
    }
}
