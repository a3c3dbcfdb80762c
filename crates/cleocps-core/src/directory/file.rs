//! The JSON directory file (rehearsal, air-gapped sites):
//! `{"servers": [{"holder": "...", "fqdn": "...", "mail": "...",
//! "structure_id": "...", "structure_name": "...", "departement": "..."}]}`.

use super::{DirectoryError, Lookup, ServerEntry};
use serde::Deserialize;
use std::path::Path;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DirectoryFile {
    servers: Vec<FileEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileEntry {
    holder: String,
    fqdn: String,
    mail: Option<String>,
    structure_id: Option<String>,
    structure_name: Option<String>,
    departement: Option<String>,
}

pub fn lookup(path: &Path, holder: &str) -> Result<Lookup, DirectoryError> {
    let err = |detail: String| DirectoryError::File {
        path: path.to_path_buf(),
        detail,
    };
    let bytes = crate::fsutil::read_input(path).map_err(|e| err(e.to_string()))?;
    let text = String::from_utf8(bytes).map_err(|e| err(e.to_string()))?;
    let file: DirectoryFile = serde_json::from_str(&text).map_err(|e| err(e.to_string()))?;
    Ok(Lookup {
        servers: file
            .servers
            .into_iter()
            .filter(|e| e.holder == holder)
            .map(|e| ServerEntry {
                fqdn: e.fqdn,
                mail: e.mail,
                structure_id: e.structure_id,
                structure_name: e.structure_name,
                departement: e.departement,
            })
            .collect(),
        size_limit_hit: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_backend_filters_by_holder() {
        let d = tempfile::tempdir().expect("tmp");
        let p = d.path().join("dir.json");
        std::fs::write(
            &p,
            r#"{"servers":[
              {"holder":"1","fqdn":"b.example.fr","mail":"b@example.fr","structure_id":"10","structure_name":"S","departement":"Sarthe (72)"},
              {"holder":"2","fqdn":"x.example.fr"},
              {"holder":"1","fqdn":"a.example.fr"}]}"#,
        )
        .expect("write");
        let got = lookup(&p, "1").expect("lookup");
        let names: Vec<_> = got.servers.iter().map(|s| s.fqdn.as_str()).collect();
        assert_eq!(names, vec!["b.example.fr", "a.example.fr"]);
        assert_eq!(got.servers[0].departement.as_deref(), Some("Sarthe (72)"));
        std::fs::write(&p, r#"{"servers":[{"holder":"1","fqdm":"x"}]}"#).expect("write");
        assert!(matches!(lookup(&p, "1"), Err(DirectoryError::File { .. })));
    }
}
