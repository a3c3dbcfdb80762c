//! Étape 3's jobs around the answer: import it (a file, or pasted text),
//! record a rejection read elsewhere, show the certificate and the files.

use super::{cert_view, files, request_changed};
use crate::i18n::{t, tf, Lang};
use crate::tui::action::{Done, Shown};
use crate::tui::job::{Cx, Failure, Work};
use crate::tui::job_kind::JobKind;
use cleocps_core::error::Error;
use cleocps_core::procedure as core;
use cleocps_core::workspace::Workspace;
use std::path::PathBuf;

#[derive(Debug, Clone)]
pub struct ImportResponse {
    pub path: String,
    pub file: PathBuf,
}

impl Work for ImportResponse {
    fn kind(&self) -> JobKind {
        JobKind::ImportResponse
    }

    fn request(&self) -> Option<&str> {
        Some(&self.path)
    }

    fn run(self: Box<Self>, cx: &Cx<'_>) -> Result<Done, Failure> {
        let limit = cx.ctx.config.max_message_bytes();
        let bytes = cleocps_core::fsutil::read_bounded(&self.file, limit)
            .map_err(|e| Error::read(&self.file, e))?;
        Ok(import(cx.ws, cx.lang, self.path, &bytes)?)
    }
}

/// The answer pasted into "Coller la réponse" (PEM or base64): the same
/// import and trust checks as a file.
#[derive(Debug, Clone)]
pub struct ImportPasted {
    pub path: String,
    pub text: String,
}

impl Work for ImportPasted {
    fn kind(&self) -> JobKind {
        JobKind::ImportResponse
    }

    fn request(&self) -> Option<&str> {
        Some(&self.path)
    }

    fn run(self: Box<Self>, cx: &Cx<'_>) -> Result<Done, Failure> {
        Ok(import(cx.ws, cx.lang, self.path, self.text.as_bytes())?)
    }
}

/// Étape 3's import, of a file or of pasted text: the certificate shown,
/// or the warnings in a report.
fn import(ws: &Workspace, lang: Lang, path: String, bytes: &[u8]) -> cleocps_core::Result<Done> {
    let (req, report) = core::import_response(ws, &path, bytes)?;
    imported(ws, lang, path, &req, &report)
}

/// A certificate imported (an answer, or the platform's `.p12`): the
/// certificate shown, or the warnings in a report.
pub(super) fn imported(
    ws: &Workspace,
    lang: Lang,
    path: String,
    req: &cleocps_core::request::Request,
    report: &core::ImportReport,
) -> cleocps_core::Result<Done> {
    let mut done = request_changed(ws, req.path(), t(lang, "tui.done.import").to_string())?;
    done.shown = Some(if report.warnings.is_empty() {
        Shown::Certificate {
            path,
            cert: cert_view(ws, req, &report.leaf, &report.chain),
        }
    } else {
        Shown::ImportWarnings(report.warnings.clone())
    });
    Ok(done)
}

#[derive(Debug, Clone)]
pub struct RecordRejection {
    pub path: String,
    pub code: String,
    pub reason: String,
}

impl Work for RecordRejection {
    fn kind(&self) -> JobKind {
        JobKind::RecordRejection
    }

    fn request(&self) -> Option<&str> {
        Some(&self.path)
    }

    fn run(self: Box<Self>, cx: &Cx<'_>) -> Result<Done, Failure> {
        let req = core::reject_by_hand(cx.ws, &self.path, &self.code, &self.reason)?;
        let text = tf(cx.lang, "tui.done.reject", &[&self.code]);
        Ok(request_changed(cx.ws, req.path(), text)?)
    }
}

/// The certificate as Étape 3 shows it (none yet: nothing shown).
#[derive(Debug, Clone)]
pub struct Certificate {
    pub path: String,
}

impl Work for Certificate {
    fn kind(&self) -> JobKind {
        JobKind::Certificate
    }

    fn run(self: Box<Self>, cx: &Cx<'_>) -> Result<Done, Failure> {
        let req = cx.ws.find(&self.path)?;
        let shown = core::certificate_chain(cx.ws, &req)?.map(|(c, chain)| Shown::Certificate {
            cert: cert_view(cx.ws, &req, &c, &chain),
            path: self.path,
        });
        Ok(Done {
            shown,
            ..Done::default()
        })
    }
}

/// "Accéder aux fichiers" of a request.
#[derive(Debug, Clone)]
pub struct Files {
    pub path: String,
}

impl Work for Files {
    fn kind(&self) -> JobKind {
        JobKind::Files
    }

    fn run(self: Box<Self>, cx: &Cx<'_>) -> Result<Done, Failure> {
        let req = cx.ws.find(&self.path)?;
        let dir = cx.ws.request_dir(&req.folder, &req.name);
        Ok(Done {
            shown: Some(Shown::Files {
                dir,
                files: files::of_request(cx.ws, &req),
            }),
            ..Done::default()
        })
    }
}
