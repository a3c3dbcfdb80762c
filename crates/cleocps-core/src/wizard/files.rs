//! The wizard's files: pending passwords while a run is under way, then
//! `wizard/Requete_Wizard.{key,crt,p12}` and `password.txt`, earlier results
//! moved to `wizard/historique/<timestamp>/`. Nothing is ever overwritten.

use crate::error::{Error, Result};
use crate::fsutil::{create_private_dir, fsync_dir, write_atomic, PRIVATE_FILE};
use crate::procedure;
use crate::request::{Request, State};
use crate::secret::Secret;
use crate::workspace::Workspace;
use std::path::{Path, PathBuf};

/// Base name of the results, as in the original.
pub const BASE: &str = "Requete_Wizard";

/// The run's random passwords. `key` is `None` when the user chose no key password.
#[derive(Debug, Clone)]
pub struct PendingSecrets {
    pub key: Option<Secret>,
    pub p12: Secret,
}

impl PendingSecrets {
    /// `password.txt`'s text: `key=<password>` (empty when none) and `p12=<password>`.
    fn text(&self) -> zeroize::Zeroizing<String> {
        zeroize::Zeroizing::new(format!(
            "key={}\np12={}\n",
            self.key.as_ref().map(Secret::expose).unwrap_or(""),
            self.p12.expose()
        ))
    }

    fn parse(text: &str) -> Option<PendingSecrets> {
        let mut key = None;
        let mut p12 = None;
        for line in text.lines() {
            if let Some(v) = line.strip_prefix("key=") {
                key = Some((!v.is_empty()).then(|| Secret::new(v)));
            } else if let Some(v) = line.strip_prefix("p12=") {
                p12 = Some(Secret::new(v));
            }
        }
        Some(PendingSecrets {
            key: key?,
            p12: p12.filter(|p| !p.is_empty())?,
        })
    }
}

/// `<root>/wizard`.
pub fn wizard_dir(ws: &Workspace) -> PathBuf {
    ws.root().join("wizard")
}

/// Keeps the run's passwords (0600) before the key is made with them, so a
/// crash or a resumed run never loses them.
pub fn save_pending(ws: &Workspace, req: &Request, secrets: &PendingSecrets) -> Result<()> {
    let path = ws.pending_secrets_path(req);
    let dir = crate::fsutil::parent_of(&path).to_path_buf();
    create_private_dir(&dir).map_err(|e| Error::io(&dir, e))?;
    write_atomic(&path, secrets.text().as_bytes(), PRIVATE_FILE).map_err(|e| Error::io(&path, e))
}

/// The passwords of a run under way.
pub fn pending_secrets(ws: &Workspace, req: &Request) -> Result<Option<PendingSecrets>> {
    let path = ws.pending_secrets_path(req);
    match std::fs::read_to_string(&path) {
        Ok(text) => Ok(PendingSecrets::parse(&zeroize::Zeroizing::new(text))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::io(&path, e)),
    }
}

/// Where a run's results went.
#[derive(Debug, Clone, serde::Serialize)]
pub struct FinalFiles {
    pub p12: PathBuf,
    pub crt: PathBuf,
    pub key: PathBuf,
    pub password: PathBuf,
    /// Where the previous results were moved, if any.
    pub previous: Option<PathBuf>,
}

fn rename(from: &Path, to: &Path) -> Result<()> {
    std::fs::rename(from, to).map_err(|e| Error::io(from, e))
}

/// The result files of a run directly in `dir`.
fn result_names() -> Vec<String> {
    let mut v: Vec<String> = ["p12", "crt", "key", "chain.pem", "fullchain.pem"]
        .iter()
        .map(|ext| format!("{BASE}.{ext}"))
        .collect();
    v.push("password.txt".into());
    v
}

/// Exports the certified request as the wizard's results: staged in a
/// private directory, then the earlier results moved to `historique/`, then
/// the new ones moved in. A crash leaves either set whole, never a mix lost.
pub fn finalise(ws: &Workspace, req: &Request, secrets: &PendingSecrets) -> Result<FinalFiles> {
    req.check(crate::request::Action::ExportP12)?;
    let dir = wizard_dir(ws);
    let stage = dir.join(format!(".staging-{}", req.id));
    if stage.exists() {
        std::fs::remove_dir_all(&stage).map_err(|e| Error::io(&stage, e))?;
    }
    create_private_dir(&stage).map_err(|e| Error::io(&stage, e))?;
    let path = req.path();
    let clear = secrets.key.is_none();
    let (written, _) =
        procedure::export_pem(ws, &path, (&stage, None), secrets.key.as_ref(), clear, true)?;
    for file in &written {
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().replacen(&req.name, BASE, 1))
            .unwrap_or_default();
        rename(file, &stage.join(name))?;
    }
    procedure::export_p12(
        ws,
        &path,
        &stage.join(format!("{BASE}.p12")),
        &secrets.p12,
        secrets.key.as_ref(),
        false,
        true,
    )?;
    let password = stage.join("password.txt");
    write_atomic(&password, secrets.text().as_bytes(), PRIVATE_FILE)
        .map_err(|e| Error::io(&password, e))?;

    // Earlier results → historique/<timestamp>/.
    let earlier: Vec<String> = result_names()
        .into_iter()
        .filter(|n| dir.join(n).exists())
        .collect();
    let previous = if earlier.is_empty() {
        None
    } else {
        let stamp = procedure::now().replace(':', "-");
        let mut hist = dir.join("historique").join(&stamp);
        let mut n = 1;
        while hist.exists() {
            n += 1;
            hist = dir.join("historique").join(format!("{stamp}-{n}"));
        }
        create_private_dir(&hist).map_err(|e| Error::io(&hist, e))?;
        for name in &earlier {
            rename(&dir.join(name), &hist.join(name))?;
        }
        fsync_dir(&hist).map_err(|e| Error::io(&hist, e))?;
        Some(hist)
    };
    for name in result_names() {
        let from = stage.join(&name);
        if from.exists() {
            rename(&from, &dir.join(&name))?;
        }
    }
    fsync_dir(&dir).map_err(|e| Error::io(&dir, e))?;
    let _ = std::fs::remove_dir_all(&stage);
    ws.forget_pending_secrets(req)?;
    debug_assert!(req.state == State::CertificateImported);
    Ok(FinalFiles {
        p12: dir.join(format!("{BASE}.p12")),
        crt: dir.join(format!("{BASE}.crt")),
        key: dir.join(format!("{BASE}.key")),
        password: dir.join("password.txt"),
        previous,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_text_round_trip() {
        let s = PendingSecrets {
            key: None,
            p12: Secret::new("abc"),
        };
        assert_eq!(&*s.text(), "key=\np12=abc\n");
        let back = PendingSecrets::parse(&s.text()).expect("parse");
        assert!(back.key.is_none());
        assert_eq!(back.p12.expose(), "abc");
        let s = PendingSecrets::parse("key=k1\np12=p1\n").expect("parse");
        assert_eq!(s.key.map(|k| k.expose().to_string()), Some("k1".into()));
        assert!(PendingSecrets::parse("key=\np12=\n").is_none());
    }
}
