//! The rehearsal sandbox (`cleocps demo`): a registration server, a soft
//! token card with a printed test PIN, a JSON directory listing the holder's
//! servers, and mail through local directories, with the registration server
//! answering in-process. No card, no network, no service needed.
//!
//! ```text
//! <root>/workspace/          the demo's workspace, with one example request
//!                            of each road and a revoked certificate
//! <root>/ra/                 the rehearsal registration server
//! <root>/carte-demo.json     the soft token (PIN: DEMO_PIN)
//! <root>/directory.json      servers the demo holder administers
//! <root>/mail/ra/{new,cur}   the server's mailbox (the client's outbox is its new/)
//! <root>/mail/admin/{new,cur} the admin's mailbox (the server's outbox is its new/)
//! <root>/cleocps.json        the client configuration (also usable from the CLI)
//! <root>/ra.json             the server configuration
//! ```

use cleocps_core::config::Config;
use cleocps_core::error::{Error, Result};
use cleocps_core::fsutil::{create_private_dir, write_atomic, PRIVATE_FILE};
use cleocps_core::secret::Secret;
use cleocps_ra::{self as ra, CardHolderSpec, InitOptions, RaDir};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

/// The soft token's PIN, printed to the user: it is a rehearsal.
pub const DEMO_PIN: &str = "1234";
pub const HOLDER_ID: &str = "899700367917";

/// A ready sandbox.
#[derive(Debug, Clone)]
pub struct Sandbox {
    pub root: PathBuf,
    pub workspace: PathBuf,
    pub config_file: PathBuf,
    pub config: Config,
    pub ra_dir: PathBuf,
    pub ra_config: Config,
}

/// Where the sandbox lives by default.
pub fn default_root() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "cleocps").map(|d| d.data_dir().join("demo"))
}

fn write_json(path: &Path, value: &serde_json::Value) -> Result<()> {
    let text = serde_json::to_vec_pretty(value).map_err(|e| Error::Corrupt {
        path: path.to_path_buf(),
        detail: e.to_string(),
    })?;
    write_atomic(path, &text, PRIVATE_FILE).map_err(|e| Error::io(path, e))
}

fn load_config(path: &Path) -> Result<Config> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    Ok(Config::parse(path, &text)?)
}

/// The file that marks a directory as a sandbox made by `demo`: only such
/// a directory is ever reset (deleted) or written into by `demo`.
const SANDBOX_MARK: &str = ".cleocps-demo";

/// Whether `root` is ours: marked, or a sandbox of an earlier version (its
/// configuration, its server and its test card; it is marked now).
fn is_sandbox(root: &Path) -> bool {
    if root.join(SANDBOX_MARK).is_file() {
        return true;
    }
    let legacy = ["cleocps.json", "ra.json", "carte-demo.json"]
        .iter()
        .all(|f| root.join(f).is_file());
    legacy && mark(root).is_ok()
}

fn mark(root: &Path) -> Result<()> {
    let path = root.join(SANDBOX_MARK);
    write_atomic(&path, b"cleocps demo sandbox\n", PRIVATE_FILE).map_err(|e| Error::io(&path, e))
}

/// An empty directory, or none yet: `demo` may make its sandbox there.
fn is_free(root: &Path) -> bool {
    match std::fs::read_dir(root) {
        Ok(mut entries) => entries.next().is_none(),
        Err(e) => e.kind() == std::io::ErrorKind::NotFound,
    }
}

/// Opens the sandbox at `root`, creating it the first time (or with
/// `reset`). A directory `demo` did not make is never deleted nor written.
pub fn ensure(root: &Path, reset: bool) -> Result<Sandbox> {
    let marker = root.join("cleocps.json");
    let ours = is_sandbox(root);
    if !ours && !is_free(root) {
        return Err(Error::NotASandbox(root.to_path_buf()));
    }
    if reset && ours {
        std::fs::remove_dir_all(root).map_err(|e| Error::io(root, e))?;
    }
    if !marker.exists() {
        create(root)?;
    }
    let ra_dir = root.join("ra");
    trust_rehearsal_root(&marker, &ra_dir.join(ra::FILES.root_cert))?;
    Ok(Sandbox {
        root: root.to_path_buf(),
        workspace: root.join("workspace"),
        config: load_config(&marker)?,
        config_file: marker,
        ra_config: load_config(&root.join("ra.json"))?,
        ra_dir,
    })
}

/// The anchors of the sandbox's configuration: the production root as
/// everywhere, and the rehearsal server's root.
fn trusted(ra_root: &Path) -> Vec<String> {
    vec![
        cleocps_core::trust::DEFAULT_ANCHOR.to_string(),
        ra_root.display().to_string(),
    ]
}

/// A sandbox made before answers were checked lacks the rehearsal root in
/// `trust.anchors`: add it, so an old rehearsal keeps working.
fn trust_rehearsal_root(config: &Path, ra_root: &Path) -> Result<()> {
    let text = std::fs::read_to_string(config).map_err(|e| Error::io(config, e))?;
    let mut value: serde_json::Value = serde_json::from_str(&text).map_err(|e| Error::Corrupt {
        path: config.to_path_buf(),
        detail: e.to_string(),
    })?;
    // Not an object: loading the configuration will say what is wrong.
    let Some(map) = value.as_object_mut().filter(|m| !m.contains_key("trust")) else {
        return Ok(());
    };
    map.insert(
        "trust".into(),
        serde_json::json!({"anchors": trusted(ra_root)}),
    );
    write_json(config, &value)
}

fn create(root: &Path) -> Result<()> {
    log::info!("demo: creating the sandbox in {}", root.display());
    create_private_dir(root).map_err(|e| Error::io(root, e))?;
    mark(root)?;
    let now = SystemTime::now();
    let ra_dir = root.join("ra");
    let opts = InitOptions {
        ca_bits: cleocps_core::pki::KeySize::B2048,
        force: true,
        ..InitOptions::default()
    };
    let server = ra::init(&ra_dir, &opts, now)?;
    let spec = CardHolderSpec {
        holder_id: HOLDER_ID.into(),
        surname: "MARTIN".into(),
        given_name: "CLAIRE".into(),
        days: 1095,
    };
    let (cert, key) = ra::make_card_holder(&server, &spec, now)?;
    let card = root.join("carte-demo.json");
    cleocps_core::card::soft_init(
        &card,
        &cleocps_core::pki::cert_pem(&cert)?,
        &cleocps_core::pki::encode_key_pem(&key, None)?,
        &Secret::new(DEMO_PIN),
    )?;
    let directory = root.join("directory.json");
    let server_entry = |fqdn: &str, mail: &str| {
        serde_json::json!({"holder": HOLDER_ID, "fqdn": fqdn, "mail": mail,
            "structure_id": "318751275100020", "structure_name": "Clinique de Démonstration",
            "departement": "Sarthe (72)"})
    };
    write_json(
        &directory,
        &serde_json::json!({"servers": [
            server_entry("srv-web.clinique-demo.fr", "messagerie@clinique-demo.fr"),
        ]}),
    )?;
    let mail = root.join("mail");
    for dir in ["ra/new", "ra/cur", "admin/new", "admin/cur"] {
        let d = mail.join(dir);
        create_private_dir(&d).map_err(|e| Error::io(&d, e))?;
    }
    let p = |p: PathBuf| p.display().to_string();
    write_json(
        &root.join("cleocps.json"),
        &serde_json::json!({
            "card": {"soft_token": p(card)},
            // Answers are checked (DESIGN §4a), against the rehearsal root too.
            "trust": {"anchors": trusted(&server.path(&server.settings.root_certificate))},
            "registration": {"address": "inscription@serveur-inscription.demo",
                             "certificate": p(ra_dir.join("inscription.crt"))},
            "mail_from": "admin@clinique-demo.fr",
            "outbox": p(mail.join("ra/new")),
            "maildir": p(mail.join("admin")),
            "directory_file": p(directory.clone()),
            "subject_defaults": {"o": "Clinique de Démonstration", "ou": "318751275100020",
                                 "st": "Sarthe (72)", "l": "Le Mans", "c": "FR"}
        }),
    )?;
    write_json(
        &root.join("ra.json"),
        &serde_json::json!({
            "mail_from": "inscription@serveur-inscription.demo",
            "maildir": p(mail.join("ra")),
            "outbox": p(mail.join("admin/new")),
            "directory_file": p(directory),
        }),
    )?;
    // The address the revocation server will answer on, recorded now so
    // the examples' certificates point at it.
    let base = {
        let listener = ra::revocation_serve::bind_again(&server)?;
        let addr = listener
            .local_addr()
            .map_err(|e| Error::io("revocation server", e))?;
        format!("http://{addr}")
    };
    let config = load_config(&root.join("cleocps.json"))?;
    crate::demo_seed::seed(&root.join("workspace"), &config, &ra_dir, &base)?;
    Ok(())
}

/// The registration server answering in a background thread, and its
/// CRL and OCSP responder in another; both stop on drop.
pub struct RaThread {
    stop: Arc<AtomicBool>,
    handle: Option<std::thread::JoinHandle<()>>,
    revocation: Option<std::thread::JoinHandle<()>>,
}

impl RaThread {
    pub fn start(sandbox: &Sandbox) -> Result<RaThread> {
        let server = RaDir::open(&sandbox.ra_dir)?;
        let config = sandbox.ra_config.clone();
        let stop = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stop);
        let handle = std::thread::Builder::new()
            .name("ra".into())
            .spawn(move || ra::serve(&server, &config, Duration::from_millis(500), &flag))
            .map_err(|e| Error::io("thread", e))?;
        let revocation = revocation_thread(&sandbox.ra_dir, Arc::clone(&stop))?;
        Ok(RaThread {
            stop,
            handle: Some(handle),
            revocation: Some(revocation),
        })
    }
}

impl Drop for RaThread {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        for h in [self.handle.take(), self.revocation.take()]
            .into_iter()
            .flatten()
        {
            let _ = h.join();
        }
    }
}

/// The rehearsal CRL and OCSP responder on loopback, so the demo's
/// certificates point at it and `ra revoke` shows in `check` and the tree.
fn revocation_thread(ra_dir: &Path, stop: Arc<AtomicBool>) -> Result<std::thread::JoinHandle<()>> {
    let server = RaDir::open(ra_dir)?;
    let listener = ra::revocation_serve::bind_again(&server)?;
    std::thread::Builder::new()
        .name("ra-revocation".into())
        .spawn(move || {
            if let Err(e) = ra::revocation_serve::serve(&server, &listener, &stop) {
                log::warn!("demo: revocation server: {e}");
            }
        })
        .map_err(|e| Error::io("thread", e))
}
