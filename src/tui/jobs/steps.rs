//! The jobs of Étapes 1 and 2 that are one call of the core: the keys, the
//! form, the CSR (made or shown), and the renewal that starts a new round.

use super::{changed, request_changed};
use crate::i18n::{t, tf, Lang};
use crate::tui::action::{Done, FormValues, Shown};
use crate::tui::form;
use crate::tui::job::{Cx, Failure, Work};
use crate::tui::job_kind::JobKind;
use cleocps_core::pki::KeySize;
use cleocps_core::procedure::{self as core, KeyOptions, Notice};
use cleocps_core::secret::Secret;
use cleocps_core::workspace::RequestFile;

/// The done message followed by the core's notices.
fn with_notices(lang: Lang, id: &'static str, notices: Vec<Notice>) -> String {
    let mut msg = t(lang, id).to_string();
    for n in notices {
        msg.push(' ');
        msg.push_str(&n.localize(lang));
    }
    msg
}

#[derive(Debug, Clone)]
pub struct GenerateKeys {
    pub path: String,
    pub size: KeySize,
    pub password: Option<Secret>,
    pub replace: bool,
}

impl Work for GenerateKeys {
    fn kind(&self) -> JobKind {
        JobKind::GenerateKeys
    }

    fn request(&self) -> Option<&str> {
        Some(&self.path)
    }

    fn run(self: Box<Self>, cx: &Cx<'_>) -> Result<Done, Failure> {
        let opts = KeyOptions {
            size: self.size,
            password: self.password,
            replace: self.replace,
        };
        let (req, notices) = core::generate_keys(cx.ws, &self.path, &opts)?;
        // A form filled already (from the folder, the name) goes on to the request.
        let done_id = if core::form_complete(&req).is_ok() {
            "tui.done.keys_form_ready"
        } else {
            "tui.done.keys"
        };
        let msg = with_notices(cx.lang, done_id, notices);
        Ok(request_changed(cx.ws, req.path(), msg)?)
    }
}

#[derive(Debug, Clone)]
pub struct EditForm {
    pub path: String,
    pub values: FormValues,
}

impl Work for EditForm {
    fn kind(&self) -> JobKind {
        JobKind::EditForm
    }

    fn request(&self) -> Option<&str> {
        Some(&self.path)
    }

    fn run(self: Box<Self>, cx: &Cx<'_>) -> Result<Done, Failure> {
        let req = cx.ws.find(&self.path)?;
        let edit = form::to_edit(req.kind, &self.values, req.allow_wildcard);
        let (req, notices) = core::edit_form(cx.ws, &self.path, &edit)?;
        let msg = with_notices(cx.lang, "tui.done.form", notices);
        Ok(request_changed(cx.ws, req.path(), msg)?)
    }
}

/// The CSR only (the portal route), then shown.
#[derive(Debug, Clone)]
pub struct GenerateCsr {
    pub path: String,
    pub key_password: Option<Secret>,
}

impl Work for GenerateCsr {
    fn kind(&self) -> JobKind {
        JobKind::GenerateCsr
    }

    fn request(&self) -> Option<&str> {
        Some(&self.path)
    }

    fn key_password(&mut self) -> Option<&mut Option<Secret>> {
        Some(&mut self.key_password)
    }

    fn run(self: Box<Self>, cx: &Cx<'_>) -> Result<Done, Failure> {
        let req = core::generate_csr(cx.ws, &self.path, self.key_password.as_ref())?;
        let file = cx.ws.file(&req, RequestFile::Csr);
        let pem = core::csr_pem(cx.ws, &req)?;
        let text = tf(cx.lang, "tui.done.csr", &[&file.display()]);
        let mut done = request_changed(cx.ws, req.path(), text)?;
        done.shown = Some(Shown::Csr {
            path: self.path,
            pem,
        });
        Ok(done)
    }
}

#[derive(Debug, Clone)]
pub struct ShowCsr {
    pub path: String,
}

impl Work for ShowCsr {
    fn kind(&self) -> JobKind {
        JobKind::ShowCsr
    }

    fn run(self: Box<Self>, cx: &Cx<'_>) -> Result<Done, Failure> {
        let req = cx.ws.find(&self.path)?;
        let pem = core::csr_pem(cx.ws, &req)?;
        Ok(Done {
            shown: Some(Shown::Csr {
                path: self.path,
                pem,
            }),
            ..Done::default()
        })
    }
}

#[derive(Debug, Clone)]
pub struct Renew {
    pub path: String,
}

impl Work for Renew {
    fn kind(&self) -> JobKind {
        JobKind::Renew
    }

    fn request(&self) -> Option<&str> {
        Some(&self.path)
    }

    fn run(self: Box<Self>, cx: &Cx<'_>) -> Result<Done, Failure> {
        let req = core::renew(cx.ws, &self.path, None)?;
        let text = tf(cx.lang, "tui.done.renew", &[&req.path()]);
        Ok(changed(cx.ws, req.path(), text)?)
    }
}
