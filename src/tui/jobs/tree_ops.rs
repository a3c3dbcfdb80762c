//! The tree's jobs: read it again, create, rename and delete folders and
//! requests.

use super::{changed, tree};
use crate::i18n::tf;
use crate::tui::action::Done;
use crate::tui::job::{Cx, Failure, Work};
use crate::tui::job_kind::JobKind;
use cleocps_core::procedure as core;
use cleocps_core::request::RequestType;
use cleocps_core::workspace::split_request_path;

/// The whole tree, read again.
#[derive(Debug, Clone)]
pub struct Reload;

impl Work for Reload {
    fn kind(&self) -> JobKind {
        JobKind::Reload
    }

    fn run(self: Box<Self>, cx: &Cx<'_>) -> Result<Done, Failure> {
        Ok(Done {
            tree: Some(tree(cx.ws)?),
            ..Done::default()
        })
    }
}

#[derive(Debug, Clone)]
pub struct CreateFolder {
    pub name: Option<String>,
}

impl Work for CreateFolder {
    fn kind(&self) -> JobKind {
        JobKind::CreateFolder
    }

    fn run(self: Box<Self>, cx: &Cx<'_>) -> Result<Done, Failure> {
        let name = core::create_folder(cx.ws, self.name.as_deref())?;
        let text = tf(cx.lang, "tui.done.folder", &[&name]);
        Ok(changed(cx.ws, name, text)?)
    }
}

#[derive(Debug, Clone)]
pub struct RenameFolder {
    pub old: String,
    pub new: String,
}

impl Work for RenameFolder {
    fn kind(&self) -> JobKind {
        JobKind::RenameFolder
    }

    fn run(self: Box<Self>, cx: &Cx<'_>) -> Result<Done, Failure> {
        core::rename_folder(cx.ws, &self.old, &self.new)?;
        let text = tf(cx.lang, "tui.done.renamed", &[&self.new]);
        Ok(changed(cx.ws, self.new, text)?)
    }
}

#[derive(Debug, Clone)]
pub struct DeleteFolder {
    pub name: String,
    pub force: bool,
}

impl Work for DeleteFolder {
    fn kind(&self) -> JobKind {
        JobKind::DeleteFolder
    }

    fn run(self: Box<Self>, cx: &Cx<'_>) -> Result<Done, Failure> {
        core::delete_folder(cx.ws, &self.name, self.force)?;
        let text = tf(cx.lang, "tui.done.deleted", &[&self.name]);
        let mut done = changed(cx.ws, String::new(), text)?;
        done.select = None;
        Ok(done)
    }
}

#[derive(Debug, Clone)]
pub struct CreateRequest {
    pub folder: String,
    pub name: Option<String>,
    pub kind: RequestType,
}

impl Work for CreateRequest {
    fn kind(&self) -> JobKind {
        JobKind::CreateRequest
    }

    fn run(self: Box<Self>, cx: &Cx<'_>) -> Result<Done, Failure> {
        let defaults = &cx.ctx.config.subject_defaults;
        // From the folder's last request and the defaults: a second server
        // of the structure is not typed again.
        let req = core::create_request_prefilled(
            cx.ws,
            &self.folder,
            self.name.as_deref(),
            self.kind,
            defaults,
        )?;
        let text = tf(cx.lang, "tui.done.request", &[&req.path()]);
        Ok(changed(cx.ws, req.path(), text)?)
    }
}

#[derive(Debug, Clone)]
pub struct DeleteRequest {
    pub path: String,
    pub force: bool,
}

impl Work for DeleteRequest {
    fn kind(&self) -> JobKind {
        JobKind::DeleteRequest
    }

    fn request(&self) -> Option<&str> {
        Some(&self.path)
    }

    fn run(self: Box<Self>, cx: &Cx<'_>) -> Result<Done, Failure> {
        core::delete_request(cx.ws, &self.path, self.force)?;
        let (folder, _) = split_request_path(&self.path)?;
        let text = tf(cx.lang, "tui.done.deleted", &[&self.path]);
        Ok(changed(cx.ws, folder.to_string(), text)?)
    }
}
