//! Listing the workspace when some of it is damaged (DESIGN §3): a stray
//! directory, an unreadable or hand-broken `request.json`, a file of another
//! version. Such an entry never blocks the others: it is listed apart, with
//! its problem, and left untouched.

use super::{list_dirs, Workspace};
use crate::error::Result;
use crate::request::Request;
use crate::validate;

/// An entry of `dossiers/` that is not a readable request.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Damaged {
    pub folder: String,
    /// Empty when the folder itself is the damaged entry.
    pub name: String,
    /// What is wrong, in the user's language.
    pub problem: String,
}

impl Damaged {
    /// "FOLDER/NAME", or "FOLDER" for a folder.
    pub fn path(&self) -> String {
        if self.name.is_empty() {
            self.folder.clone()
        } else {
            format!("{}/{}", self.folder, self.name)
        }
    }
}

impl Workspace {
    /// A folder's readable requests, and its damaged entries.
    pub(super) fn scan_folder(&self, folder: &str) -> Result<(Vec<Request>, Vec<Damaged>)> {
        let mut good = Vec::new();
        let mut bad = Vec::new();
        for name in list_dirs(&self.folder_dir(folder))? {
            match self.load(folder, &name) {
                Ok(req) => good.push(req),
                Err(e) => {
                    log::warn!(
                        "damaged entry {folder}/{name}: {}",
                        e.localize(crate::i18n::Lang::En)
                    );
                    bad.push(Damaged {
                        folder: folder.to_string(),
                        name,
                        problem: e.localize(crate::i18n::current()),
                    });
                }
            }
        }
        Ok((good, bad))
    }

    /// Every damaged entry of the workspace: stray folders and requests that
    /// can't be read. Listed, shown, never touched.
    pub fn damaged(&self) -> Result<Vec<Damaged>> {
        let mut out = Vec::new();
        for folder in list_dirs(&self.dossiers())? {
            if let Err(p) = validate::name(&folder) {
                out.push(Damaged {
                    folder,
                    name: String::new(),
                    problem: crate::i18n::t(crate::i18n::current(), p.id).to_string(),
                });
                continue;
            }
            out.extend(self.scan_folder(&folder)?.1);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::RequestType;

    #[test]
    fn a_damaged_entry_never_blocks_the_others() {
        let tmp = tempfile::tempdir().expect("tmp");
        let ws = Workspace::open(tmp.path()).expect("ws");
        ws.create_folder(Some("D")).expect("folder");
        ws.create_request("D", Some("bon"), RequestType::Ssl, "t")
            .expect("request");
        let d = tmp.path().join("dossiers/D");
        std::fs::create_dir(d.join("x+y")).expect("stray");
        std::fs::create_dir(d.join("cassé")).expect("broken");
        std::fs::write(d.join("cassé/request.json"), "{ pas du json").expect("write");
        std::fs::create_dir(tmp.path().join("dossiers/a+b")).expect("stray folder");
        let tree = ws.tree().expect("tree");
        assert_eq!(tree.len(), 1);
        assert_eq!(tree[0].1.len(), 1);
        assert_eq!(tree[0].1[0].name, "bon");
        let damaged: Vec<String> = ws
            .damaged()
            .expect("damaged")
            .iter()
            .map(Damaged::path)
            .collect();
        assert_eq!(damaged, ["a+b", "D/cassé", "D/x+y"]);
        // Nothing was touched.
        assert!(d.join("x+y").is_dir());
        assert!(d.join("cassé/request.json").is_file());
    }
}
