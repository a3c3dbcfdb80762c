//! Étape 3 when the platform made the key: its `.p12` read and taken into
//! the request (the core checks the password, the trust and the usage).

use super::answer::imported;
use crate::i18n::t;
use crate::tui::action::Done;
use crate::tui::job::{Cx, Failure, Work};
use crate::tui::job_kind::JobKind;
use cleocps_core::error::Error;
use cleocps_core::procedure as core;
use cleocps_core::secret::Secret;
use std::path::PathBuf;

#[derive(Debug, Clone)]
pub struct ImportPlatformP12 {
    pub path: String,
    pub file: PathBuf,
    pub p12_password: Secret,
    /// The password to keep the key under here (`None`: clear).
    pub key_password: Option<Secret>,
}

impl Work for ImportPlatformP12 {
    fn kind(&self) -> JobKind {
        JobKind::ImportResponse
    }

    fn request(&self) -> Option<&str> {
        Some(&self.path)
    }

    fn run(self: Box<Self>, cx: &Cx<'_>) -> Result<Done, Failure> {
        let der = std::fs::read(&self.file).map_err(|e| Error::io(&self.file, e))?;
        let (req, report) = core::import_platform_p12(
            cx.ws,
            &self.path,
            &der,
            &self.p12_password,
            self.key_password.as_ref(),
        )?;
        let mut done = imported(cx.ws, cx.lang, self.path, &req, &report)?;
        done.message = Some(t(cx.lang, "tui.p12in.done").to_string());
        Ok(done)
    }
}
