//! `deploy` (DESIGN §4b): installs the certificate where a service reads it
//! — certbot's deploy hook, certmonger's post-save command — but safely:
//! every target is written beside its final path first, the key is checked
//! against the certificate, the previous files are kept, all targets are
//! swapped in by rename, then `check` runs (e.g. `nginx -t`); if it fails
//! the previous files come back and nothing is reloaded; otherwise `reload`
//! runs, and if that fails the previous files come back and reload runs again.

mod command;
mod error;
mod files;
mod profile;

pub use crate::request::{DeployProfile, TargetKind};
pub use command::CommandRun;
pub use error::DeployError;

use crate::error::{Error, Result};
use crate::pki;
use crate::procedure::{self, now};
use crate::request::{Action, Request};
use crate::secret::Secret;
use crate::workspace::{RequestFile, Workspace};
use files::Staged;
use std::path::PathBuf;

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
    let (leaf, chain) = procedure::certified(ws, &req)?;
    // A certificate made for another use must not reach a service (DESIGN §2a).
    pki::check_usage(&leaf, req.kind.usage(), req.kind.platform_name())?;
    let summary = pki::summarize(&leaf);
    if pki::not_after(&leaf) < std::time::SystemTime::now() {
        return Err(DeployError::Expired(summary.not_after).into());
    }
    let key_pem = key_to_write(ws, &req, &profile, key_password)?;
    check_key(ws, &req, &leaf, key_password)?;
    let leaf_pem = pki::cert_pem(&leaf)?;
    let intermediates: Vec<_> = chain
        .iter()
        .filter(|c| c.tbs_certificate.subject != c.tbs_certificate.issuer)
        .cloned()
        .collect();
    let owner = profile.owner_ids()?;
    // Every target checked before any is written.
    let (mode, key_mode) = (profile.mode()?, profile.key_mode()?);
    let real: Vec<PathBuf> = targets
        .iter()
        .map(|(_, t)| files::resolve(t, profile.follow_symlinks))
        .collect::<std::result::Result<_, _>>()?;
    let mut staged = Staged::default();
    for ((kind, _), real) in targets.iter().zip(real) {
        let (data, mode) = match kind {
            TargetKind::Cert => (leaf_pem.clone().into_bytes(), mode),
            TargetKind::Chain => (pki::certs_pem(&chain)?.into_bytes(), mode),
            TargetKind::Fullchain => (
                format!("{leaf_pem}{}", pki::certs_pem(&intermediates)?).into_bytes(),
                mode,
            ),
            TargetKind::Key => (
                key_pem
                    .as_ref()
                    .map(|k| k.as_bytes().to_vec())
                    .unwrap_or_default(),
                key_mode,
            ),
        };
        // The clear key's bytes are wiped once written.
        let data = zeroize::Zeroizing::new(data);
        staged.stage(*kind, real, &data, mode, owner)?;
    }
    let targets_text = staged.paths().join(",");
    let journal = |outcome: &str| -> Result<()> {
        let _lock = ws.lock()?;
        let mut req = ws.find(path)?;
        req.log(
            Action::Deploy,
            &format!("serial {} to {targets_text}: {outcome}", summary.serial),
            &now(),
        );
        if save && outcome == DEPLOYED {
            req.deploy = Some(profile.clone());
        }
        ws.save(&req)
    };
    let installed = staged.swap()?;
    let check = match &profile.check {
        Some(cmd) => {
            let run = command::run(cmd)?;
            if !run.success {
                staged.restore(&installed)?;
                journal("check failed, previous files restored, nothing reloaded")?;
                return Err(DeployError::CheckFailed(Box::new(run)).into());
            }
            Some(run)
        }
        None => None,
    };
    let reload = match &profile.reload {
        Some(cmd) => {
            let run = command::run(cmd)?;
            if !run.success {
                staged.restore(&installed)?;
                let again = command::run(cmd)?;
                journal("reload failed, previous files restored and reloaded")?;
                return Err(DeployError::ReloadFailed {
                    first: Box::new(run),
                    again: Box::new(again),
                }
                .into());
            }
            Some(run)
        }
        None => None,
    };
    staged.finish();
    journal(DEPLOYED)?;
    Ok(DeployReport {
        serial: summary.serial,
        not_after: summary.not_after,
        targets: installed,
        check,
        reload,
        saved: save,
    })
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
