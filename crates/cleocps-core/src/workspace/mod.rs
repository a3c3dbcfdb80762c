//! The workspace on disk (DESIGN §3): folders of requests, `request.json`,
//! the files of each request, and the lock that keeps two instances from
//! writing at once.

use crate::error::{Error, Result};
use crate::fsutil::{self, create_private_dir, write_atomic, PRIVATE_FILE};
use crate::request::{Request, RequestType};
use crate::trust::TrustConfig;
use crate::validate;
use std::fs;
use std::path::{Path, PathBuf};

mod listing;
mod lock;
pub use listing::Damaged;
pub use lock::WriteLock;

/// The files of a request, named after it (DESIGN §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestFile {
    Json,
    Key,
    Csr,
    P7m,
    Eml,
    Answer,
    Crt,
    Chain,
}

impl RequestFile {
    pub const ALL: [RequestFile; 8] = [
        RequestFile::Json,
        RequestFile::Key,
        RequestFile::Csr,
        RequestFile::P7m,
        RequestFile::Eml,
        RequestFile::Answer,
        RequestFile::Crt,
        RequestFile::Chain,
    ];

    pub fn file_name(self, request: &str) -> String {
        match self {
            RequestFile::Json => "request.json".into(),
            RequestFile::Key => format!("{request}.key"),
            RequestFile::Csr => format!("{request}.csr"),
            RequestFile::P7m => format!("{request}.p7m"),
            RequestFile::Eml => format!("{request}.eml"),
            RequestFile::Answer => "smime.p7c".into(),
            RequestFile::Crt => format!("{request}.crt"),
            RequestFile::Chain => format!("{request}.chain.pem"),
        }
    }
}

fn dossiers_in(root: &Path) -> PathBuf {
    root.join("dossiers")
}

/// The directory of request `folder/name` in the workspace at `root`, for a
/// front that only knows the root (the TUI's export dialogs start there).
pub fn request_dir_in(root: &Path, folder: &str, name: &str) -> PathBuf {
    dossiers_in(root).join(folder).join(name)
}

/// A workspace root. Reading needs nothing; writing takes [`Workspace::lock`].
#[derive(Debug, Clone)]
pub struct Workspace {
    root: PathBuf,
    /// What answers imported into it must chain to. It travels with the
    /// workspace so every import path (file, mail, wizard, either front)
    /// checks against the same anchors; the built-in default refuses more, never less.
    trust: TrustConfig,
}

impl Workspace {
    /// `--workspace`, else `$CLEOCPS_HOME`, else `$XDG_DATA_HOME/cleocps`.
    pub fn default_root(flag: Option<&Path>) -> Option<PathBuf> {
        if let Some(p) = flag {
            return Some(p.to_path_buf());
        }
        if let Some(home) = std::env::var_os("CLEOCPS_HOME").filter(|v| !v.is_empty()) {
            return Some(PathBuf::from(home));
        }
        directories::ProjectDirs::from("", "", "cleocps").map(|d| d.data_dir().to_path_buf())
    }

    /// Opens (creating when missing, mode 0700) the workspace at `root`,
    /// trusting the default anchor until [`Workspace::with_trust`] says more.
    pub fn open(root: &Path) -> Result<Workspace> {
        if root.exists() && !root.is_dir() {
            return Err(Error::NotADirectory(root.to_path_buf()));
        }
        let ws = Workspace {
            root: root.to_path_buf(),
            trust: TrustConfig::default(),
        };
        create_private_dir(&ws.dossiers()).map_err(|e| Error::io(root, e))?;
        Ok(ws)
    }

    /// The workspace at `root` as it is, created or not, creating nothing
    /// (`doctor` reports on a missing one).
    pub fn at(root: &Path) -> Workspace {
        Workspace {
            root: root.to_path_buf(),
            trust: TrustConfig::default(),
        }
    }

    /// Opens the workspace at `root` for a command that only reads: a
    /// missing one is said ([`Error::NoWorkspace`]), never created.
    pub fn open_existing(root: &Path) -> Result<Workspace> {
        match fs::metadata(root) {
            Ok(m) if m.is_dir() => Ok(Workspace::at(root)),
            Ok(_) => Err(Error::NotADirectory(root.to_path_buf())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                Err(Error::NoWorkspace(root.to_path_buf()))
            }
            Err(e) => Err(Error::io(root, e)),
        }
    }

    /// Whether `path` (its directory resolved) lies inside this workspace,
    /// where only cleocps writes.
    pub fn holds(&self, path: &Path) -> bool {
        let (Ok(root), Ok(path)) = (self.root.canonicalize(), fsutil::resolve_dir(path)) else {
            return false;
        };
        path.starts_with(root)
    }

    /// The same workspace, importing answers against `trust` (the
    /// configuration's `trust`, plus `--trust-anchor` files).
    pub fn with_trust(mut self, trust: TrustConfig) -> Workspace {
        self.trust = trust;
        self
    }

    /// What imported answers must chain to.
    pub fn trust(&self) -> &TrustConfig {
        &self.trust
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    fn dossiers(&self) -> PathBuf {
        dossiers_in(&self.root)
    }

    pub fn folder_dir(&self, folder: &str) -> PathBuf {
        self.dossiers().join(folder)
    }

    pub fn request_dir(&self, folder: &str, name: &str) -> PathBuf {
        self.folder_dir(folder).join(name)
    }

    pub fn file(&self, req: &Request, which: RequestFile) -> PathBuf {
        self.request_dir(&req.folder, &req.name)
            .join(which.file_name(&req.name))
    }

    /// Folder names, in natural order ("Dossier 2" before "Dossier 10").
    /// The folders whose names are valid (a stray directory is listed by
    /// [`Workspace::damaged`] instead).
    pub fn folders(&self) -> Result<Vec<String>> {
        let mut names = list_dirs(&self.dossiers())?;
        names.retain(|n| validate::name(n).is_ok());
        Ok(names)
    }

    /// Creates a folder; without a name, the next "Dossier N".
    pub fn create_folder(&self, name: Option<&str>) -> Result<String> {
        let name = match name {
            Some(n) => n.to_string(),
            None => self.next_default("Dossier", &self.folders()?),
        };
        check_name("field.folder", &name)?;
        let dir = self.folder_dir(&name);
        if dir.exists() {
            return Err(Error::FolderExists(name));
        }
        create_private_dir(&dir).map_err(|e| Error::io(&dir, e))?;
        fsutil::fsync_dir(&self.dossiers()).map_err(|e| Error::io(&dir, e))?;
        Ok(name)
    }

    pub fn rename_folder(&self, old: &str, new: &str) -> Result<()> {
        check_name("field.folder", new)?;
        let from = self.existing_folder(old)?;
        let to = self.folder_dir(new);
        if to.exists() {
            return Err(Error::FolderExists(new.to_string()));
        }
        fs::rename(&from, &to).map_err(|e| Error::io(&from, e))?;
        fsutil::fsync_dir(&self.dossiers()).map_err(|e| Error::io(&to, e))?;
        // request.json repeats its folder: keep it in step.
        for mut req in self.requests(new)? {
            req.folder = new.to_string();
            self.save(&req)?;
        }
        Ok(())
    }

    /// Deletes a folder; one holding requests only with `force`.
    pub fn delete_folder(&self, name: &str, force: bool) -> Result<()> {
        let dir = self.existing_folder(name)?;
        if !force && !list_dirs(&dir)?.is_empty() {
            return Err(Error::FolderNotEmpty(name.to_string()));
        }
        // Their wizard passwords go with them (the requests are read first).
        let doomed = self.requests(name).unwrap_or_default();
        fs::remove_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        fsutil::fsync_dir(&self.dossiers()).map_err(|e| Error::io(&dir, e))?;
        doomed
            .iter()
            .try_for_each(|r| self.forget_pending_secrets(r))
    }

    fn existing_folder(&self, name: &str) -> Result<PathBuf> {
        let dir = self.folder_dir(name);
        if validate::name(name).is_err() || !dir.is_dir() {
            return Err(Error::FolderNotFound(name.to_string()));
        }
        Ok(dir)
    }

    /// The readable requests of a folder, in natural order of their names.
    /// A damaged entry is left out (see [`Workspace::damaged`]), never an error.
    pub fn requests(&self, folder: &str) -> Result<Vec<Request>> {
        self.existing_folder(folder)?;
        Ok(self.scan_folder(folder)?.0)
    }

    /// Every folder with its readable requests.
    pub fn tree(&self) -> Result<Vec<(String, Vec<Request>)>> {
        self.folders()?
            .into_iter()
            .map(|f| {
                let reqs = self.scan_folder(&f)?.0;
                Ok((f, reqs))
            })
            .collect()
    }

    /// Reads `request.json`. The directory names are the truth for folder and name.
    pub fn load(&self, folder: &str, name: &str) -> Result<Request> {
        let full = format!("{folder}/{name}");
        if validate::name(folder).is_err() || validate::name(name).is_err() {
            return Err(Error::RequestNotFound(full));
        }
        let path = self.request_dir(folder, name).join("request.json");
        let text = match fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(Error::RequestNotFound(full))
            }
            Err(e) => return Err(Error::io(&path, e)),
        };
        let mut req = Request::from_json(&text).map_err(|detail| Error::Corrupt {
            path: path.clone(),
            detail,
        })?;
        req.folder = folder.to_string();
        req.name = name.to_string();
        Ok(req)
    }

    /// Finds a request given as "FOLDER/NAME".
    pub fn find(&self, path: &str) -> Result<Request> {
        let (folder, name) = split_request_path(path)?;
        self.load(folder, name)
    }

    /// Writes `request.json` atomically.
    pub fn save(&self, req: &Request) -> Result<()> {
        let path = self.file(req, RequestFile::Json);
        let mut json = serde_json::to_vec_pretty(req).map_err(|e| Error::Corrupt {
            path: path.clone(),
            detail: e.to_string(),
        })?;
        json.push(b'\n');
        write_atomic(&path, &json, PRIVATE_FILE).map_err(|e| Error::io(&path, e))?;
        // Writers hold the lock, so any temp file left here is from a killed writer.
        fsutil::remove_stale_temps(fsutil::parent_of(&path));
        Ok(())
    }

    /// Writes one of the request's files atomically (mode 0600).
    pub fn write_file(&self, req: &Request, which: RequestFile, data: &[u8]) -> Result<PathBuf> {
        let path = self.file(req, which);
        write_atomic(&path, data, PRIVATE_FILE).map_err(|e| Error::io(&path, e))?;
        Ok(path)
    }

    pub fn read_file(&self, req: &Request, which: RequestFile) -> Result<Vec<u8>> {
        let path = self.file(req, which);
        fs::read(&path).map_err(|e| Error::io(&path, e))
    }

    /// Creates a request (state `new`); without a name, the next "Demande N".
    pub fn create_request(
        &self,
        folder: &str,
        name: Option<&str>,
        kind: RequestType,
        now: &str,
    ) -> Result<Request> {
        let folder_dir = self.existing_folder(folder)?;
        let name = match name {
            Some(n) => n.to_string(),
            None => self.next_default("Demande", &list_dirs(&folder_dir)?),
        };
        check_name("field.request", &name)?;
        let dir = self.request_dir(folder, &name);
        if dir.exists() {
            return Err(Error::RequestExists(format!("{folder}/{name}")));
        }
        let req = Request::new(folder, &name, kind, now);
        // Build it in a hidden directory, then rename: never a request without its json.
        let tmp = folder_dir.join(format!(".new-{}", req.id));
        create_private_dir(&tmp).map_err(|e| Error::io(&tmp, e))?;
        let json_path = tmp.join("request.json");
        let json = serde_json::to_vec_pretty(&req).map_err(|e| Error::Corrupt {
            path: json_path.clone(),
            detail: e.to_string(),
        })?;
        write_atomic(&json_path, &json, PRIVATE_FILE).map_err(|e| Error::io(&json_path, e))?;
        fs::rename(&tmp, &dir).map_err(|e| Error::io(&dir, e))?;
        fsutil::fsync_dir(&folder_dir).map_err(|e| Error::io(&dir, e))?;
        Ok(req)
    }

    pub fn delete_request(&self, req: &Request) -> Result<()> {
        let dir = self.request_dir(&req.folder, &req.name);
        fs::remove_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        fsutil::fsync_dir(&self.folder_dir(&req.folder)).map_err(|e| Error::io(&dir, e))?;
        self.forget_pending_secrets(req)
    }

    /// Where CleoWizard keeps a run's random passwords until its results are
    /// written: `<root>/wizard/.pending/<request id>`.
    pub fn pending_secrets_path(&self, req: &Request) -> PathBuf {
        self.root.join("wizard").join(".pending").join(&req.id)
    }

    /// Removes a run's passwords as soon as they can no longer serve: the
    /// request was finalised or deleted. A rejected one keeps them (a
    /// certificate may supersede the rejection; its key needs its
    /// password). None is fine.
    pub fn forget_pending_secrets(&self, req: &Request) -> Result<()> {
        let path = self.pending_secrets_path(req);
        match fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(Error::io(&path, e)),
            _ => Ok(()),
        }
    }

    /// The first "<base> N" not taken.
    fn next_default(&self, base: &str, taken: &[String]) -> String {
        (1..)
            .map(|n| format!("{base} {n}"))
            .find(|n| !taken.contains(n))
            .unwrap_or_else(|| base.to_string())
    }
}

/// Splits "FOLDER/NAME".
pub fn split_request_path(path: &str) -> Result<(&str, &str)> {
    match path.split_once('/') {
        Some((f, n)) if !f.is_empty() && !n.is_empty() && !n.contains('/') => Ok((f, n)),
        _ => Err(Error::BadRequestPath(path.to_string())),
    }
}

fn check_name(field: &'static str, name: &str) -> Result<()> {
    validate::name(name).map_err(|problem| Error::Invalid { field, problem })
}

/// Visible sub-directories, naturally sorted; stale temp entries are skipped.
pub(crate) fn list_dirs(dir: &Path) -> Result<Vec<String>> {
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io(dir, e)),
    };
    let mut names: Vec<String> = entries
        .flatten()
        .filter(|e| e.file_type().map(|t| t.is_dir()).unwrap_or(false))
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| !n.starts_with('.'))
        .collect();
    names.sort_by(|a, b| natural_cmp(a, b));
    Ok(names)
}

/// Compares names with their digit runs as numbers.
pub fn natural_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    fn chunks(s: &str) -> Vec<(bool, String)> {
        let mut out: Vec<(bool, String)> = Vec::new();
        for c in s.chars() {
            let digit = c.is_ascii_digit();
            match out.last_mut() {
                Some((d, chunk)) if *d == digit => chunk.push(c),
                _ => out.push((digit, c.to_string())),
            }
        }
        out
    }
    let (ca, cb) = (chunks(a), chunks(b));
    for (x, y) in ca.iter().zip(cb.iter()) {
        let ord = match (x, y) {
            ((true, nx), (true, ny)) => {
                let tx = nx.trim_start_matches('0');
                let ty = ny.trim_start_matches('0');
                tx.len().cmp(&ty.len()).then_with(|| tx.cmp(ty))
            }
            ((_, sx), (_, sy)) => sx.to_lowercase().cmp(&sy.to_lowercase()),
        };
        if ord != std::cmp::Ordering::Equal {
            return ord;
        }
    }
    ca.len().cmp(&cb.len()).then_with(|| a.cmp(b))
}

#[cfg(test)]
mod tests;
