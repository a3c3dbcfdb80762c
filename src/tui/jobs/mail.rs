//! The mail and directory jobs of the manual procedure: send the `.p7m`
//! (Étape 2), look in the mailbox once (Étape 3: "no answer yet" is a calm
//! message, not an error), and the holder's servers for the form.

use super::{cert_view, request_changed};
use crate::i18n::{t, tf, Lang};
use crate::tui::action::{Done, Shown};
use crate::tui::job::{Cx, Failure, Work};
use crate::tui::job_kind::JobKind;
use crate::tui::TuiContext;
use cleocps_core::card;
use cleocps_core::error::Error;
use cleocps_core::mail::{self, FetchOutcome};
use cleocps_core::procedure::holder_text;
use cleocps_core::workspace::Workspace;
use std::sync::atomic::AtomicBool;

/// Étape 2: mail the `.p7m`.
#[derive(Debug, Clone)]
pub struct SendMail {
    pub path: String,
}

impl Work for SendMail {
    fn kind(&self) -> JobKind {
        JobKind::SendMail
    }

    fn request(&self) -> Option<&str> {
        Some(&self.path)
    }

    fn run(self: Box<Self>, cx: &Cx<'_>) -> Result<Done, Failure> {
        Ok(send(cx.ws, cx.ctx, cx.lang, self.path)?)
    }
}

/// Étape 3: one look in the mailbox for this request's answer.
#[derive(Debug, Clone)]
pub struct FetchReply {
    pub path: String,
}

impl Work for FetchReply {
    fn kind(&self) -> JobKind {
        JobKind::FetchReply
    }

    fn request(&self) -> Option<&str> {
        Some(&self.path)
    }

    fn run(self: Box<Self>, cx: &Cx<'_>) -> Result<Done, Failure> {
        Ok(fetch(cx.ws, cx.ctx, cx.lang, self.path, None)?)
    }
}

/// Étape 3: [`FetchReply`] until the answer comes or it is cancelled.
#[derive(Debug, Clone)]
pub struct FetchWait {
    pub path: String,
}

impl Work for FetchWait {
    fn kind(&self) -> JobKind {
        JobKind::FetchWait
    }

    fn request(&self) -> Option<&str> {
        Some(&self.path)
    }

    fn run(self: Box<Self>, cx: &Cx<'_>) -> Result<Done, Failure> {
        let wait = Some((cx.stop, cx.progress));
        Ok(fetch(cx.ws, cx.ctx, cx.lang, self.path.clone(), wait)?)
    }
}

/// Card → holder → directory, to fill the form of `path`.
#[derive(Debug, Clone)]
pub struct Lookup {
    pub path: String,
}

impl Work for Lookup {
    fn kind(&self) -> JobKind {
        JobKind::Lookup
    }

    fn run(self: Box<Self>, cx: &Cx<'_>) -> Result<Done, Failure> {
        Ok(lookup(cx.ctx, cx.lang, self.path)?)
    }
}

fn send(ws: &Workspace, ctx: &TuiContext, lang: Lang, path: String) -> Result<Done, String> {
    let req = mail::send_request(ws, &ctx.config, &path)
        .map_err(|e| tf(lang, "tui.send.failed", &[&e.localize(lang)]))?;
    // The mail's reference stays in Étape 2's pane, not in the status line.
    let sent = t(lang, "tui.done.sent").to_string();
    request_changed(ws, req.path(), sent).map_err(|e| e.localize(lang))
}

/// A waiting fetch: its stop flag and where its countdown goes.
type Waiting<'a> = (&'a AtomicBool, &'a dyn Fn(u64, u64));

/// One look in the mailbox, or (`wait`) looks until the answer comes or
/// the stop flag is set, reporting the countdown.
fn fetch(
    ws: &Workspace,
    ctx: &TuiContext,
    lang: Lang,
    path: String,
    wait: Option<Waiting>,
) -> Result<Done, String> {
    let say = |e: Error| e.localize(lang);
    let outcome = match wait {
        None => mail::fetch_response(ws, &ctx.config, &path),
        Some((stop, progress)) => mail::AnswerWait::new(cleocps_core::wizard::WAIT).and_then(|w| {
            mail::fetch_wait(ws, &ctx.config, &path, w, stop, &mut |tk| {
                progress(tk.next_check.as_secs(), tk.left.as_secs())
            })
        }),
    };
    match outcome {
        Ok(FetchOutcome::Imported { request, report }) => {
            let mut done =
                request_changed(ws, request.path(), t(lang, "tui.done.import").to_string())
                    .map_err(say)?;
            done.shown = Some(Shown::Certificate {
                path,
                cert: cert_view(ws, &request, &report.leaf, &report.chain),
            });
            Ok(done)
        }
        Ok(FetchOutcome::Rejected { request }) => {
            let code = request.rejection_code.clone().unwrap_or_default();
            request_changed(ws, request.path(), tf(lang, "tui.done.rejected", &[&code]))
                .map_err(say)
        }
        // Not an error: the answer just isn't there yet.
        Err(Error::NothingYet(_)) => Ok(Done {
            message: Some(t(lang, "tui.fetch.nothing").to_string()),
            ..Done::default()
        }),
        Err(e) => Err(tf(lang, "tui.fetch.failed", &[&e.localize(lang)])),
    }
}

/// Card → holder → directory.
fn lookup(ctx: &TuiContext, lang: Lang, path: String) -> Result<Done, String> {
    let token = card::open(&ctx.card).map_err(|e| e.localize(lang))?;
    let holder = cleocps_core::wizard::holder(token.as_ref()).map_err(|e| e.localize(lang))?;
    drop(token);
    let found = cleocps_core::directory::lookup(&ctx.config, &holder.id)
        .map_err(|e| tf(lang, "tui.dir.unreachable", &[&e.localize(lang)]))?;
    Ok(Done {
        shown: Some(Shown::Servers {
            path,
            holder: holder_text(&holder),
            servers: found.servers,
        }),
        ..Done::default()
    })
}
