//! Étape 3's exports: PEM files, or a PKCS#12 for an installer. A file
//! already there is never overwritten without a yes (the job comes back to
//! be run again with `force`).

use super::request_changed;
use crate::i18n::{t, tf, Lang};
use crate::tui::action::{Done, Shown};
use crate::tui::job::{Cx, Failure, Job, Work};
use crate::tui::job_kind::JobKind;
use cleocps_core::error::Error;
use cleocps_core::procedure as core;
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
                let notice = notices.first().map(|n| n.localize(cx.lang));
                Ok(report(cx.ws, cx.lang, self.path, files, notice.as_deref())?)
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
            Ok(written) => Ok(report(cx.ws, cx.lang, self.path, vec![written], None)?),
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

fn report(
    ws: &Workspace,
    lang: Lang,
    path: String,
    files: Vec<PathBuf>,
    notice: Option<&str>,
) -> cleocps_core::Result<Done> {
    // The folder once, then the names: what an admin looks for.
    let dir = files.first().and_then(|f| f.parent());
    let mut text = match dir {
        Some(d) if files.iter().all(|f| f.parent() == Some(d)) => {
            tf(lang, "tui.done.export_in", &[&d.display()])
        }
        _ => t(lang, "tui.done.export").to_string(),
    };
    for f in &files {
        let name = match dir {
            Some(d) => f.strip_prefix(d).unwrap_or(f),
            None => f,
        };
        text.push_str(&format!("\n• {}", name.display()));
    }
    if let Some(n) = notice {
        text.push_str(&format!("\n\n⚠ {n}"));
    }
    let mut done = request_changed(ws, path, text.clone())?;
    done.message = files
        .last()
        .map(|f| format!("{} {}", t(lang, "tui.done.export"), f.display()));
    done.shown = Some(Shown::Report {
        title: "tui.title.report",
        text,
    });
    Ok(done)
}
