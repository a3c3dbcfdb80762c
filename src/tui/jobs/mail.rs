//! The mail and directory jobs of the manual procedure: send the `.p7m`
//! (Étape 2), look in the mailbox once (Étape 3: "no answer yet" is a calm
//! message, not an error), and the holder's servers for the form.

use super::{cert_view, changed};
use crate::i18n::{t, tf, Lang};
use crate::tui::action::{Done, Shown};
use crate::tui::TuiContext;
use cleocps_core::card;
use cleocps_core::error::Error;
use cleocps_core::mail::{self, FetchOutcome};
use cleocps_core::procedure::holder_text;
use cleocps_core::workspace::Workspace;
use std::sync::atomic::AtomicBool;

pub fn send(ws: &Workspace, ctx: &TuiContext, lang: Lang, path: String) -> Result<Done, String> {
    let req = mail::send_request(ws, &ctx.config, &path)
        .map_err(|e| tf(lang, "tui.send.failed", &[&e.localize(lang)]))?;
    // The mail's reference stays in Étape 2's pane, not in the status line.
    let sent = t(lang, "tui.done.sent").to_string();
    changed(ws, req.path(), sent).map_err(|e| e.localize(lang))
}

/// A waiting fetch: its stop flag and where its countdown goes.
pub type Waiting<'a> = (&'a AtomicBool, &'a dyn Fn(u64, u64));

/// One look in the mailbox, or (`wait`) looks until the answer comes or
/// the stop flag is set, reporting the countdown.
pub fn fetch(
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
                changed(ws, request.path(), t(lang, "tui.done.import").to_string()).map_err(say)?;
            done.shown = Some(Shown::Certificate {
                path,
                cert: cert_view(ws, &request, &report.leaf, &report.chain),
            });
            Ok(done)
        }
        Ok(FetchOutcome::Rejected { request }) => {
            let code = request.rejection_code.clone().unwrap_or_default();
            changed(ws, request.path(), tf(lang, "tui.done.rejected", &[&code])).map_err(say)
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
pub fn lookup(ctx: &TuiContext, lang: Lang, path: String) -> Result<Done, String> {
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
