//! The jobs, each a type with its data and its [`Work`] impl, and the
//! worker threads that run them and report back over the loop's channel.
//! The only folder of the TUI that calls the core procedures that touch the
//! disk, the card or the network, one file per family: `tree_ops` (folders
//! and requests), `steps` (keys, form, CSR, renewal), `answer` (Étape 3's
//! import, rejection, certificate, files), `export`, `card` (probe and
//! signature), `deploy`, `mail` (send, fetch, directory), `revocation`,
//! `wizard` (the
//! CleoWizard's jobs) and `config` (the configuration screen's test and save).

mod answer;
mod card;
mod config;
mod deploy;
mod export;
mod files;
mod mail;
mod platform;
mod revocation;
mod steps;
mod tree_ops;
mod wizard;

pub use answer::{Certificate, Files, ImportPasted, ImportResponse, RecordRejection};
pub use card::{ProbeCard, Sign};
pub use config::{SaveConfig, TestConfig};
pub use deploy::Deploy;
pub use export::{ExportP12, ExportPem};
pub use files::{Complete, ListDir};
pub use mail::{FetchReply, FetchWait, Lookup, SendMail};
pub use platform::ImportPlatformP12;
pub use revocation::CheckRevocation;
pub use steps::{EditForm, GenerateCsr, GenerateKeys, Renew, ShowCsr};
pub use tree_ops::{
    CreateFolder, CreateRequest, DeleteFolder, DeleteRequest, Reload, RenameFolder,
};

use crate::i18n::Lang;
use crate::tui::action::{CertView, Done, Job, JobId, JobOutcome};
use crate::tui::app::TreeRead;
use crate::tui::event::Event;
use crate::tui::job::Cx;
use crate::tui::TuiContext;
use cleocps_core::ops;
use cleocps_core::pki::CertSummary;
use cleocps_core::request::Request;
use cleocps_core::workspace::Workspace;
use std::sync::atomic::AtomicBool;
use std::sync::mpsc::Sender;
use std::sync::Arc;

/// Starts `job` on its own thread; its outcome comes back as `Event::Job`.
/// Returns its stop flag, which only the loop sets (on [`Effect::Cancel`]).
///
/// [`Effect::Cancel`]: crate::tui::action::Effect::Cancel
pub fn spawn(
    ws: &Workspace,
    ctx: &Arc<TuiContext>,
    lang: Lang,
    id: JobId,
    job: Job,
    tx: Sender<Event>,
) -> Arc<AtomicBool> {
    let ws = ws.clone();
    let ctx = Arc::clone(ctx);
    let stop = Arc::new(AtomicBool::new(false));
    let stop_job = Arc::clone(&stop);
    std::thread::spawn(move || {
        let progress_tx = tx.clone();
        let progress = move |next_check: u64, left: u64| {
            let _ = progress_tx.send(Event::Job(id, JobOutcome::Progress { next_check, left }));
        };
        let cx = Cx {
            ws: &ws,
            ctx: &ctx,
            lang,
            progress: &progress,
            stop: &stop_job,
        };
        let outcome = match job.run(&cx) {
            Ok(done) => JobOutcome::Done(Box::new(done)),
            Err(failure) => JobOutcome::Failed(failure),
        };
        // The loop may be gone (quit): nothing to tell then.
        let _ = tx.send(Event::Job(id, outcome));
    });
    stop
}

/// The whole tree, read again after a change, with each certificate's days
/// left as `status` counts them (an unreadable one simply has none).
pub fn tree(ws: &Workspace) -> cleocps_core::Result<TreeRead> {
    let folders = ws.tree()?;
    let (certs, _) = ops::certificates(ws, &folders, std::time::SystemTime::now());
    Ok(TreeRead {
        certified: certs.into_iter().map(|c| (c.path(), c)).collect(),
        folders,
        certified_only: None,
    })
}

/// The tree after a job changed the request `path`: every request (cheap),
/// but the certificates only of those whose row may have changed — that
/// request, its renewal and the request it renews (which is "replaced" once
/// its renewal is in service). The others' days left stay as read.
pub fn tree_after(ws: &Workspace, path: &str) -> cleocps_core::Result<TreeRead> {
    let folders = ws.tree()?;
    let all = || folders.iter().flat_map(|(_, requests)| requests);
    let Some(req) = all().find(|r| r.path() == path) else {
        return tree(ws);
    };
    let related: Vec<Request> = all()
        .filter(|r| {
            r.id == req.id
                || req.renewed_by.as_deref() == Some(r.id.as_str())
                || r.renewed_by.as_deref() == Some(req.id.as_str())
        })
        .cloned()
        .collect();
    let only = related.iter().map(Request::path).collect();
    let (certs, _) = ops::certificates(
        ws,
        &[(String::new(), related)],
        std::time::SystemTime::now(),
    );
    Ok(TreeRead {
        certified: certs.into_iter().map(|c| (c.path(), c)).collect(),
        folders,
        certified_only: Some(only),
    })
}

/// A job changed the request `path`: it is selected, `message` said.
pub(super) fn request_changed(
    ws: &Workspace,
    path: String,
    message: String,
) -> cleocps_core::Result<Done> {
    Ok(Done {
        tree: Some(tree_after(ws, &path)?),
        select: Some(path),
        message: Some(message),
        shown: None,
    })
}

/// The certificate as Étape 3 shows it: the leaf, the common names of its
/// chain up to the anchor, and the request's files (read now).
pub fn cert_view(
    ws: &Workspace,
    req: &cleocps_core::request::Request,
    c: &CertSummary,
    chain: &[CertSummary],
) -> CertView {
    CertView {
        subject: c.subject.clone(),
        issuer: c.issuer.clone(),
        serial: c.serial.clone(),
        not_before: c.not_before.chars().take(10).collect(),
        not_after: c.not_after.chars().take(10).collect(),
        san: c.san.clone(),
        fingerprint: c.sha256_fingerprint.clone(),
        chain: chain.iter().map(|c| common_name(&c.subject)).collect(),
        files: files::of_request(ws, req),
    }
}

/// The CN of an RFC 4514 name, or the whole name when it has none.
fn common_name(subject: &str) -> String {
    subject
        .split(',')
        .find_map(|rdn| rdn.trim().strip_prefix("CN="))
        .unwrap_or(subject)
        .to_string()
}

pub(super) fn changed(
    ws: &Workspace,
    select: String,
    message: String,
) -> cleocps_core::Result<Done> {
    Ok(Done {
        tree: Some(tree(ws)?),
        select: Some(select),
        message: Some(message),
        shown: None,
    })
}
