//! Étape 3's deploy job: the core's `deploy` with the saved profile (the
//! same call as `cleocps deploy FOLDER/NAME`); `update` makes its outcome
//! a dialog.

use super::tree_after;
use crate::tui::action::{Done, Shown};
use crate::tui::job::{Cx, Failure, Work};
use crate::tui::job_kind::JobKind;
use cleocps_core::deploy::{self, DeployError, DeployProfile};
use cleocps_core::error::Error;
use cleocps_core::secret::Secret;
use cleocps_core::workspace::Workspace;

/// Étape 3: the saved deploy profile, run as `cleocps deploy` runs it.
#[derive(Debug, Clone)]
pub struct Deploy {
    pub path: String,
    pub key_password: Option<Secret>,
    /// The deploy form's profile, saved once it has run (`deploy --save`);
    /// `None`: the saved one.
    pub profile: Option<DeployProfile>,
}

impl Work for Deploy {
    fn kind(&self) -> JobKind {
        JobKind::Deploy
    }

    fn request(&self) -> Option<&str> {
        Some(&self.path)
    }

    fn key_password(&mut self) -> Option<&mut Option<Secret>> {
        Some(&mut self.key_password)
    }

    fn run(self: Box<Self>, cx: &Cx<'_>) -> Result<Done, Failure> {
        Ok(run(cx.ws, self.path, self.profile, self.key_password)?)
    }
}

/// The core's deploy with the saved profile. A failed check or reload is
/// undone (the journal changed: the tree is read again) and comes back as
/// what happened, for the result dialog; other refusals are failures.
fn run(
    ws: &Workspace,
    path: String,
    profile: Option<DeployProfile>,
    key_password: Option<Secret>,
) -> cleocps_core::Result<Done> {
    let save = profile.is_some();
    let given = profile.as_ref();
    let outcome = match deploy::deploy(ws, &path, given, save, key_password.as_ref()) {
        Ok(report) => Ok(Box::new(report)),
        Err(Error::Deploy(
            e @ (DeployError::CheckFailed(_) | DeployError::ReloadFailed { .. }),
        )) => Err(e),
        Err(e) => return Err(e),
    };
    Ok(Done {
        tree: Some(tree_after(ws, &path)?),
        select: Some(path.clone()),
        message: None,
        shown: Some(Shown::Deployed { path, outcome }),
    })
}
