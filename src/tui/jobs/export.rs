//! Étape 3's exports: PEM files, or a PKCS#12 for an installer. A file
//! already there is never overwritten without a yes (the job comes back to
//! be run again with `force`).

use super::request_changed;
use crate::tui::action::{Done, Shown};
use crate::tui::job::{Cx, Failure, Job, Work};
use crate::tui::job_kind::JobKind;
use cleocps_core::error::Error;
use cleocps_core::procedure::{self as core, Notice};
use cleocps_core::secret::Secret;
use cleocps_core::workspace::Workspace;
use std::path::PathBuf;

#[derive(Debug, Clone)]
pub struct ExportPem {
    pub path: String,
    pub dir: PathBuf,
    /// The files' base name (the request's when `None`).
    pub name: Option<String>,
    pub key_password: Option<Secret>,
    /// Write the key without a password (`notice.clear_key`).
    pub clear: bool,
    /// Overwrite: only after the user said yes to the overwrite question.
    pub force: bool,
}

impl Work for ExportPem {
    fn kind(&self) -> JobKind {
        JobKind::ExportPem
    }

    fn request(&self) -> Option<&str> {
        Some(&self.path)
    }

    fn key_password(&mut self) -> Option<&mut Option<Secret>> {
        Some(&mut self.key_password)
    }

    fn run(self: Box<Self>, cx: &Cx<'_>) -> Result<Done, Failure> {
        let key = self.key_password.as_ref();
        let out = (self.dir.as_path(), self.name.as_deref());
        match core::export_pem(cx.ws, &self.path, out, key, self.clear, self.force) {
            Err(Error::FileExists(file)) => Ok(exists(
                file,
                Job::new(ExportPem {
                    force: true,
                    ..*self
                }),
            )),
            Err(e) => Err(e.into()),
            Ok((files, notices)) => {
                let notice = notices.first().copied();
                Ok(report(cx.ws, self.path, files, notice)?)
            }
        }
    }
}

#[derive(Debug, Clone)]
pub struct ExportP12 {
    pub path: String,
    pub file: PathBuf,
    pub p12_password: Secret,
    pub key_password: Option<Secret>,
    pub legacy: bool,
    pub force: bool,
}

impl Work for ExportP12 {
    fn kind(&self) -> JobKind {
        JobKind::ExportP12
    }

    fn request(&self) -> Option<&str> {
        Some(&self.path)
    }

    fn key_password(&mut self) -> Option<&mut Option<Secret>> {
        Some(&mut self.key_password)
    }

    fn run(self: Box<Self>, cx: &Cx<'_>) -> Result<Done, Failure> {
        let key = self.key_password.as_ref();
        let (p12, legacy) = (&self.p12_password, self.legacy);
        match core::export_p12(cx.ws, &self.path, &self.file, p12, key, legacy, self.force) {
            Err(Error::FileExists(file)) => Ok(exists(
                file,
                Job::new(ExportP12 {
                    force: true,
                    ..*self
                }),
            )),
            Err(e) => Err(e.into()),
            Ok(written) => Ok(report(cx.ws, self.path, vec![written], None)?),
        }
    }
}

/// An export refused because a file is there: the user is asked, and a
/// yes runs `retry` (the same export with `force`).
fn exists(file: PathBuf, retry: Job) -> Done {
    Done {
        shown: Some(Shown::Exists {
            file,
            retry: Box::new(retry),
        }),
        ..Done::default()
    }
}

/// The exported files, shown by `update`; the request's tree line again.
fn report(
    ws: &Workspace,
    path: String,
    files: Vec<PathBuf>,
    notice: Option<Notice>,
) -> cleocps_core::Result<Done> {
    let mut done = request_changed(ws, path, String::new())?;
    done.message = None;
    done.shown = Some(Shown::Exported { files, notice });
    Ok(done)
}
