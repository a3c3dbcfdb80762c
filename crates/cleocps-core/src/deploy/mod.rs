//! `deploy` (DESIGN §4b): installs the certificate where a service reads it
//! — certbot's deploy hook, certmonger's post-save command — but safely:
//! every target is written beside its final path first, the key is checked
//! against the certificate, the previous files are kept, all targets are
//! swapped in by rename, then `check` runs (e.g. `nginx -t`); if it fails
//! the previous files come back and nothing is reloaded; otherwise `reload`
//! runs, and if that fails the previous files come back and reload runs again.
//! A signal during all this rolls back first, then ends the process.

mod command;
mod error;
mod files;
mod interrupt;
mod profile;
mod target;
mod transaction;

pub use crate::request::{DeployProfile, TargetKind};
pub use command::CommandRun;
pub use error::DeployError;
pub use profile::COMMAND_TIMEOUT;

use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::pki;
use crate::procedure::{self, now};
use crate::request::{Action, Request};
use crate::secret::Secret;
use crate::workspace::{RequestFile, Workspace};
use files::{Staged, TargetLocks};
use interrupt::Interrupt;
use std::cell::RefCell;
use std::path::{Path, PathBuf};
use target::Target;
use transaction::Transaction;
use zeroize::Zeroizing;

/// One file installed.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Installed {
    pub kind: TargetKind,
    pub path: PathBuf,
    /// Where the file it replaced was kept (none if there was none).
    pub previous: Option<PathBuf>,
}

/// The journal outcome of a deploy that went through (read back by [`was_deployed`]).
const DEPLOYED: &str = "deployed";

/// Whether a deploy of `req` ever went through (its journal says so): its
/// certificate is in service where the profile installs it.
pub fn was_deployed(req: &Request) -> bool {
    let suffix = format!(": {DEPLOYED}");
    req.journal
        .iter()
        .any(|e| e.action == Action::Deploy.as_str() && e.outcome.ends_with(&suffix))
}

/// What a successful deploy did.
#[derive(Debug, Clone, serde::Serialize)]
pub struct DeployReport {
    pub serial: String,
    pub not_after: String,
    pub targets: Vec<Installed>,
    pub check: Option<CommandRun>,
    pub reload: Option<CommandRun>,
    /// The profile was saved in `request.json`.
    pub saved: bool,
}

/// Deploys `path` with `profile` (the command line's, else the saved one).
/// `key_password` opens the stored key when a clear key is to be written or
/// when the key must be checked and there is no CSR to check it with.
///
/// One transaction: every target resolved and checked first, then the
/// request's lock and the targets' locks held to the end of any rollback;
/// the key and certificate read inside them; every attempt journaled.
pub fn deploy(
    ws: &Workspace,
    path: &str,
    profile: Option<&DeployProfile>,
    save: bool,
    key_password: Option<&Secret>,
) -> Result<DeployReport> {
    let req = ws.find(path)?;
    req.check(Action::Deploy)?;
    let profile = match profile {
        Some(p) => p.clone(),
        None => req.deploy.clone().ok_or(DeployError::NoProfile)?,
    };
    let targets = profile.targets();
    if targets.is_empty() {
        return Err(DeployError::NoTargets.into());
    }
    let targets_text = targets
        .iter()
        .map(|(_, t)| t.display().to_string())
        .collect::<Vec<_>>()
        .join(",");
    // A refusal is an attempt too: journaled, nothing written.
    let refused = |e: Error| -> Error {
        let said = format!(
            "to {targets_text}: refused, nothing written: {}",
            e.localize(Lang::En)
        );
        let _ = journal(ws, path, &said, None);
        e
    };
    let modes = (|| Ok((profile.mode()?, profile.key_mode()?)))().map_err(refused)?;
    let owner = profile.owner_ids().map_err(|e| refused(e.into()))?;
    let targets = target::resolve_all(&targets, profile.follow_symlinks, ws)
        .map_err(|e| refused(e.into()))?;
    let _request_lock = ws.lock_request(&req)?;
    let interrupt = Interrupt::catch().map_err(|e| Error::io("signal", e))?;
    let reals: Vec<&Path> = targets.iter().map(|t| t.real.as_path()).collect();
    let _target_locks = TargetLocks::take(&reals)?;
    let req = ws.find(path)?;
    req.check(Action::Deploy)?;
    let content = Content::read(ws, &req, &profile, key_password).map_err(refused)?;
    let tx = Transaction {
        profile: &profile,
        interrupt: &interrupt,
        timeout: profile.command_timeout(),
        not_restored: RefCell::new(None),
    };
    let (said, result) = match content.stage(&targets, modes, owner) {
        Ok(staged) => tx.run(staged),
        Err(e) => (
            format!("nothing replaced: {}", e.localize(Lang::En)),
            Err(e),
        ),
    };
    let result = match (result, tx.not_restored.take()) {
        (Err(_), Some(e)) => Err(e.into()),
        (result, _) => result,
    };
    let journaled = journal(
        ws,
        path,
        &format!("serial {} to {targets_text}: {said}", content.serial),
        (save && result.is_ok()).then_some(&profile),
    );
    let done = result?;
    journaled?;
    Ok(DeployReport {
        serial: content.serial,
        not_after: content.not_after,
        targets: done.targets,
        check: done.check,
        reload: done.reload,
        saved: save,
    })
}

/// Adds the deploy's journal line (and saves the profile when asked).
fn journal(ws: &Workspace, path: &str, outcome: &str, save: Option<&DeployProfile>) -> Result<()> {
    let _lock = ws.lock()?;
    let mut req = ws.find(path)?;
    req.log(Action::Deploy, outcome, &now());
    if let Some(profile) = save {
        req.deploy = Some(profile.clone());
    }
    ws.save(&req)
}

/// What the targets receive, read from the workspace under the locks.
struct Content {
    serial: String,
    not_after: String,
    leaf_pem: String,
    chain_pem: String,
    intermediates_pem: String,
    key_pem: Option<zeroize::Zeroizing<String>>,
}

impl Content {
    fn read(
        ws: &Workspace,
        req: &Request,
        profile: &DeployProfile,
        key_password: Option<&Secret>,
    ) -> Result<Content> {
        let (leaf, chain) = procedure::certified(ws, req)?;
        // A certificate made for another use must not reach a service (DESIGN §2a).
        pki::check_usage(&leaf, req.kind.usage(), req.kind.platform_name())?;
        let summary = pki::summarize(&leaf);
        if pki::not_after(&leaf) < std::time::SystemTime::now() {
            return Err(DeployError::Expired(summary.not_after).into());
        }
        let key_pem = key_to_write(ws, req, profile, key_password)?;
        check_key(ws, req, &leaf, key_password)?;
        // fullchain = leaf + intermediates (no self-signed root), as nginx wants.
        let intermediates: Vec<_> = chain
            .iter()
            .filter(|c| c.tbs_certificate.subject != c.tbs_certificate.issuer)
            .cloned()
            .collect();
        Ok(Content {
            serial: summary.serial,
            not_after: summary.not_after,
            leaf_pem: pki::cert_pem(&leaf)?,
            chain_pem: pki::certs_pem(&chain)?,
            intermediates_pem: pki::certs_pem(&intermediates)?,
            key_pem,
        })
    }

    /// Writes every target beside its final path.
    fn stage(
        &self,
        targets: &[Target],
        (mode, key_mode): (u32, u32),
        owner: (Option<u32>, Option<u32>),
    ) -> Result<Staged> {
        let mut staged = Staged::default();
        for t in targets {
            // The clear key's bytes are wiped once written.
            let (data, mode) = match t.kind {
                TargetKind::Cert => (Zeroizing::new(self.leaf_pem.clone()), mode),
                TargetKind::Chain => (Zeroizing::new(self.chain_pem.clone()), mode),
                TargetKind::Fullchain => (
                    Zeroizing::new(format!("{}{}", self.leaf_pem, self.intermediates_pem)),
                    mode,
                ),
                TargetKind::Key => (self.key_pem.clone().unwrap_or_default(), key_mode),
            };
            staged.stage(t.kind, t.real.clone(), data.as_bytes(), mode, owner)?;
        }
        Ok(staged)
    }
}

/// Whether deploying `req` with `profile` needs the key's password: to
/// write the key clear, or to check the certificate when there is no CSR.
pub fn needs_key_password(ws: &Workspace, req: &Request, profile: &DeployProfile) -> bool {
    procedure::key_is_encrypted(ws, req)
        && ((profile.key.is_some() && !profile.encrypted_key)
            || !ws.file(req, RequestFile::Csr).exists())
}

/// The key as it will be written: clear PKCS#8 unless `encrypted_key`
/// (then under the key's password: the stored file as it is, or
/// re-encrypted when the password is given). `None`: no key target.
fn key_to_write(
    ws: &Workspace,
    req: &Request,
    profile: &DeployProfile,
    password: Option<&Secret>,
) -> Result<Option<zeroize::Zeroizing<String>>> {
    if profile.key.is_none() {
        return Ok(None);
    }
    let encrypted = procedure::key_is_encrypted(ws, req);
    if profile.encrypted_key && password.is_none() {
        if !encrypted {
            return Err(DeployError::KeyNotEncrypted.into());
        }
        let stored = ws.read_file(req, RequestFile::Key)?;
        let text = String::from_utf8(stored)
            .map_err(|_| Error::Pki(pki::PkiError::BadKeyFile("not UTF-8".into())))?;
        return Ok(Some(zeroize::Zeroizing::new(text)));
    }
    let key = procedure::load_key(ws, req, password)?;
    let out = if profile.encrypted_key {
        password
    } else {
        None
    };
    Ok(Some(pki::encode_key_pem(&key, out)?))
}

/// Refuses a certificate that isn't for the request's key: checked against
/// the key itself when it can be opened, else against the CSR's public key.
fn check_key(
    ws: &Workspace,
    req: &Request,
    leaf: &x509_cert::Certificate,
    password: Option<&Secret>,
) -> Result<()> {
    let spki = if password.is_some() || !procedure::key_is_encrypted(ws, req) {
        let key = procedure::load_key(ws, req, password)?;
        pki::public_key_der(&key.to_public_key())?
    } else if ws.file(req, RequestFile::Csr).exists() {
        pki::csr_public_key_der(&pki::csr_from_pem(&procedure::csr_pem(ws, req)?)?)?
    } else {
        return Err(Error::SecretNeeded("field.key_password"));
    };
    if pki::certificate_has_key(leaf, &spki) {
        Ok(())
    } else {
        Err(DeployError::KeyMismatch.into())
    }
}
