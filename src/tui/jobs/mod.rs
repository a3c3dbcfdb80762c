//! Runs jobs on worker threads and reports back over the loop's channel.
//! The only folder of the TUI that calls the core procedures that touch the
//! disk, the card or the network: this file (the one-call jobs), `card`
//! (probe and signature), `mail` (send, fetch, directory), `wizard` (the
//! CleoWizard's jobs) and `config` (the configuration screen's test and save).

mod card;
mod config;
mod deploy;
mod files;
mod mail;
mod wizard;

use crate::i18n::{t, tf, Lang};
use crate::tui::action::{CertView, Done, Job, JobId, JobOutcome, Shown};
use crate::tui::app::TreeRead;
use crate::tui::event::Event;
use crate::tui::form;
use crate::tui::TuiContext;
use cleocps_core::error::Error;
use cleocps_core::ops;
use cleocps_core::pki::{CertSummary, PkiError};
use cleocps_core::procedure::{self as core, KeyOptions};
use cleocps_core::workspace::{split_request_path, Workspace};
use std::sync::mpsc::Sender;
use std::sync::Arc;

/// Starts `job` on its own thread; its outcome comes back as `Event::Job`.
pub fn spawn(
    ws: &Workspace,
    ctx: &Arc<TuiContext>,
    lang: Lang,
    id: JobId,
    job: Job,
    tx: Sender<Event>,
) {
    let ws = ws.clone();
    let ctx = Arc::clone(ctx);
    std::thread::spawn(move || {
        let progress_tx = tx.clone();
        let progress = move |next_check: u64, left: u64| {
            let _ = progress_tx.send(Event::Job(id, JobOutcome::Progress { next_check, left }));
        };
        let outcome = match run(&ws, &ctx, lang, job, &progress) {
            Ok(done) => JobOutcome::Done(Box::new(done)),
            Err(text) => JobOutcome::Failed(text),
        };
        // The loop may be gone (quit): nothing to tell then.
        let _ = tx.send(Event::Job(id, outcome));
    });
}

/// The whole tree, read again after a change, with each certificate's days
/// left as `status` counts them (an unreadable one simply has none).
pub fn tree(ws: &Workspace) -> cleocps_core::Result<TreeRead> {
    let folders = ws.tree()?;
    let (certs, _) = ops::certificates(ws, &folders, std::time::SystemTime::now());
    Ok(TreeRead {
        certified: certs.into_iter().map(|c| (c.path(), c)).collect(),
        folders,
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

/// One job, start to end; a failure comes back localized, saying what to
/// do. A new family of jobs (mail, directory) gets its own file and an arm
/// here, like `card`.
fn run(
    ws: &Workspace,
    ctx: &TuiContext,
    lang: Lang,
    job: Job,
    progress: &dyn Fn(u64, u64),
) -> Result<Done, String> {
    match job {
        Job::SendMail { path } => mail::send(ws, ctx, lang, path),
        Job::FetchReply { path } => mail::fetch(ws, ctx, lang, path, None),
        Job::FetchWait { path, stop } => mail::fetch(ws, ctx, lang, path, Some((&stop, progress))),
        Job::Lookup { path } => mail::lookup(ctx, lang, path),
        Job::ListDir { dir } => Ok(files::list_dir(dir)),
        Job::Wizard(w) => wizard::run(ws, ctx, lang, *w, progress),
        Job::TestConfig { path, pairs, part } => config::test(lang, path, pairs, part),
        Job::SaveConfig { path, pairs } => config::save(lang, path, pairs),
        Job::ProbeCard {
            path,
            key_password,
            stop,
            wrong_pin,
        } => card::probe(
            ws,
            ctx,
            lang,
            (path, key_password, wrong_pin),
            (&stop, progress),
        ),
        Job::Sign {
            path,
            key_password,
            pin,
        } => card::sign(ws, ctx, lang, path, key_password, pin),
        other => {
            // Kept to be asked again: a wrong key password costs no retyping
            // of the path or the PKCS#12 password (issue 13, stumble 4).
            let retry = other.takes_key_password().then(|| other.clone());
            match (run_core(ws, ctx, lang, other), retry) {
                (Err(e @ Error::Pki(PkiError::WrongKeyPassword)), Some(retry)) => Ok(Done {
                    message: Some(e.localize(lang)),
                    shown: Some(Shown::WrongKeyPassword {
                        retry: Box::new(retry),
                    }),
                    ..Done::default()
                }),
                (result, _) => result.map_err(|e| e.localize(lang)),
            }
        }
    }
}

/// The jobs that are one call of the core's procedures.
fn run_core(ws: &Workspace, ctx: &TuiContext, lang: Lang, job: Job) -> cleocps_core::Result<Done> {
    match job {
        Job::Reload => Ok(Done {
            tree: Some(tree(ws)?),
            ..Done::default()
        }),
        Job::CreateFolder { name } => {
            let name = core::create_folder(ws, name.as_deref())?;
            changed(ws, name.clone(), tf(lang, "tui.done.folder", &[&name]))
        }
        Job::RenameFolder { old, new } => {
            core::rename_folder(ws, &old, &new)?;
            changed(ws, new.clone(), tf(lang, "tui.done.renamed", &[&new]))
        }
        Job::DeleteFolder { name, force } => {
            core::delete_folder(ws, &name, force)?;
            let mut done = changed(ws, String::new(), tf(lang, "tui.done.deleted", &[&name]))?;
            done.select = None;
            Ok(done)
        }
        Job::CreateRequest { folder, name, kind } => {
            let defaults = &ctx.config.subject_defaults;
            let req = core::create_request(ws, &folder, name.as_deref(), kind, defaults)?;
            changed(ws, req.path(), tf(lang, "tui.done.request", &[&req.path()]))
        }
        Job::DeleteRequest { path, force } => {
            core::delete_request(ws, &path, force)?;
            let (folder, _) = split_request_path(&path)?;
            changed(
                ws,
                folder.to_string(),
                tf(lang, "tui.done.deleted", &[&path]),
            )
        }
        Job::GenerateKeys {
            path,
            size,
            password,
            replace,
        } => {
            let opts = KeyOptions {
                size,
                password,
                replace,
            };
            let (req, notices) = core::generate_keys(ws, &path, &opts)?;
            let mut msg = t(lang, "tui.done.keys").to_string();
            for n in notices {
                msg.push(' ');
                msg.push_str(&n.localize(lang));
            }
            changed(ws, req.path(), msg)
        }
        Job::EditForm { path, values } => {
            let req = ws.find(&path)?;
            let edit = form::to_edit(req.kind, &values, req.allow_wildcard);
            let (req, notices) = core::edit_form(ws, &path, &edit)?;
            let mut msg = t(lang, "tui.done.form").to_string();
            for n in notices {
                msg.push(' ');
                msg.push_str(&n.localize(lang));
            }
            changed(ws, req.path(), msg)
        }
        Job::GenerateCsr { path, key_password } => {
            let req = core::generate_csr(ws, &path, key_password.as_ref())?;
            let file = ws.file(&req, cleocps_core::workspace::RequestFile::Csr);
            let pem = core::csr_pem(ws, &req)?;
            let mut done = changed(ws, req.path(), tf(lang, "tui.done.csr", &[&file.display()]))?;
            done.shown = Some(Shown::Csr { path, pem });
            Ok(done)
        }
        Job::ShowCsr { path } => {
            let req = ws.find(&path)?;
            let pem = core::csr_pem(ws, &req)?;
            Ok(Done {
                shown: Some(Shown::Csr { path, pem }),
                ..Done::default()
            })
        }
        Job::Certificate { path } => {
            let req = ws.find(&path)?;
            let shown = core::certificate_chain(ws, &req)?.map(|(c, chain)| Shown::Certificate {
                cert: cert_view(ws, &req, &c, &chain),
                path,
            });
            Ok(Done {
                shown,
                ..Done::default()
            })
        }
        Job::RecordRejection { path, code, reason } => {
            let req = core::reject_by_hand(ws, &path, &code, &reason)?;
            changed(ws, req.path(), tf(lang, "tui.done.reject", &[&code]))
        }
        Job::ImportResponse { path, file } => {
            let limit = ctx.config.max_message_bytes();
            let bytes = cleocps_core::fsutil::read_bounded(&file, limit)
                .map_err(|e| Error::read(&file, e))?;
            import(ws, lang, path, &bytes)
        }
        // Pasted text goes through the same import and trust checks as a file.
        Job::ImportPasted { path, text } => import(ws, lang, path, text.as_bytes()),
        Job::ExportPem {
            ref path,
            ref dir,
            ref name,
            ref key_password,
            clear,
            force,
        } => {
            let key = key_password.as_ref();
            let out = (dir.as_path(), name.as_deref());
            match core::export_pem(ws, path, out, key, clear, force) {
                Err(Error::FileExists(file)) => Ok(exists(file, job)),
                Err(e) => Err(e),
                Ok((files, notices)) => {
                    let notice = notices.first().map(|n| n.localize(lang));
                    report(ws, lang, path.clone(), files, notice.as_deref())
                }
            }
        }
        Job::ExportP12 {
            ref path,
            ref file,
            ref p12_password,
            ref key_password,
            legacy,
            force,
        } => {
            let key = key_password.as_ref();
            match core::export_p12(ws, path, file, p12_password, key, legacy, force) {
                Err(Error::FileExists(file)) => Ok(exists(file, job)),
                Err(e) => Err(e),
                Ok(written) => report(ws, lang, path.clone(), vec![written], None),
            }
        }
        // Dispatched by `run`.
        Job::ProbeCard { .. }
        | Job::Sign { .. }
        | Job::SendMail { .. }
        | Job::FetchReply { .. }
        | Job::FetchWait { .. }
        | Job::Lookup { .. }
        | Job::ListDir { .. }
        | Job::Wizard(_)
        | Job::TestConfig { .. }
        | Job::SaveConfig { .. } => Ok(Done::default()),
        Job::Deploy { path, key_password } => deploy::run(ws, lang, path, key_password),
        Job::Renew { path } => {
            let req = core::renew(ws, &path, None)?;
            changed(ws, req.path(), tf(lang, "tui.done.renew", &[&req.path()]))
        }
        Job::Files { path } => {
            let req = ws.find(&path)?;
            let dir = ws.request_dir(&req.folder, &req.name);
            Ok(Done {
                shown: Some(Shown::Files {
                    dir,
                    files: files::of_request(ws, &req),
                }),
                ..Done::default()
            })
        }
    }
}

/// An export refused because a file is there: the user is asked, and a
/// yes runs the same job again with `force` (never decided in the job).
fn exists(file: std::path::PathBuf, mut job: Job) -> Done {
    if let Job::ExportPem { force, .. } | Job::ExportP12 { force, .. } = &mut job {
        *force = true;
    }
    Done {
        shown: Some(Shown::Exists {
            file,
            retry: Box::new(job),
        }),
        ..Done::default()
    }
}

fn report(
    ws: &Workspace,
    lang: Lang,
    path: String,
    files: Vec<std::path::PathBuf>,
    notice: Option<&str>,
) -> cleocps_core::Result<Done> {
    // The folder once, then the names: what an admin looks for (issue 13).
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
    let mut done = changed(ws, path, text.clone())?;
    done.message = files
        .last()
        .map(|f| format!("{} {}", t(lang, "tui.done.export"), f.display()));
    done.shown = Some(Shown::Report {
        title: "tui.title.report",
        text,
    });
    Ok(done)
}

/// Étape 3's import, of a file or of pasted text: the certificate shown,
/// or the warnings in a report.
fn import(ws: &Workspace, lang: Lang, path: String, bytes: &[u8]) -> cleocps_core::Result<Done> {
    let (req, report) = core::import_response(ws, &path, bytes)?;
    let mut done = changed(ws, req.path(), t(lang, "tui.done.import").to_string())?;
    done.shown = Some(if report.warnings.is_empty() {
        Shown::Certificate {
            path,
            cert: cert_view(ws, &req, &report.leaf, &report.chain),
        }
    } else {
        let mut text = t(lang, "tui.import.warnings").to_string();
        for w in &report.warnings {
            text.push_str("\n• ");
            text.push_str(w);
        }
        Shown::Report {
            title: "tui.title.report",
            text,
        }
    });
    Ok(done)
}
