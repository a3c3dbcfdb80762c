//! The mail operations of the procedure, shared by the CLI and the TUI:
//! send the request, fetch the answer (import it or record the rejection).
//! Network work happens without the workspace lock; the state is checked
//! again under the lock before writing. A failure changes nothing.

use super::compose;
use super::error::MailError;
use super::incoming::{self, AnswerKind, Incoming, Match};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::i18n::{self, tf};
use crate::procedure::{self, now, ImportReport};
use crate::request::{Action, Request, State};
use crate::workspace::{RequestFile, Workspace};

/// Étape 2: mails the `.p7m` to the registration server; state `sent`, Message-ID stored.
pub fn send_request(ws: &Workspace, config: &Config, path: &str) -> Result<Request> {
    let req = ws.find(path)?;
    req.check(Action::SendRequest)?;
    let p7m_path = ws.file(&req, RequestFile::P7m);
    if !p7m_path.is_file() {
        return Err(MailError::NoP7m(req.path()).into());
    }
    let way = super::send::way(config)?;
    let from = compose::mailbox("mail_from", config.mail_from.as_deref())?;
    let to = compose::mailbox(
        "registration.address",
        config.registration.address.as_deref(),
    )?;
    let message_id = compose::new_message_id(&from);
    let p7m = ws.read_file(&req, RequestFile::P7m)?;
    let msg = compose::request_mail(&req, from, to.clone(), &message_id, p7m)?;
    super::send::send(config, &msg)?;
    log::info!("request {} sent by {way} as {message_id}", req.path());
    let _lock = ws.lock()?;
    let mut req = ws.find(path)?;
    req.check(Action::SendRequest)?;
    req.message_id = Some(message_id.clone());
    req.transition(
        Action::SendRequest,
        State::Sent,
        &format!("{way} to {} {message_id}", to.email),
        &now(),
    );
    ws.save(&req)?;
    Ok(req)
}

/// What a fetch did.
#[derive(Debug, Clone)]
pub enum FetchOutcome {
    Imported {
        request: Box<Request>,
        report: Box<ImportReport>,
    },
    Rejected {
        request: Box<Request>,
    },
}

/// The answers in the configured mailbox (other mail is skipped).
pub fn read_mailbox(config: &Config) -> Result<Vec<Incoming>> {
    let raw = if let Some(c) = &config.imap {
        super::imap::fetch_all(c)?
    } else if let Some(dir) = &config.maildir {
        super::maildir::fetch_all(dir)?
    } else {
        return Err(MailError::NoReceiver.into());
    };
    Ok(raw.iter().filter_map(|m| incoming::parse(m)).collect())
}

/// The request's public key (from its CSR), to recognise its certificate.
fn csr_spki(ws: &Workspace, req: &Request) -> Option<Vec<u8>> {
    let pem = procedure::csr_pem(ws, req).ok()?;
    let der = crate::pki::csr_from_pem(&pem).ok()?;
    crate::pki::csr_public_key_der(&der).ok()
}

/// For each `sent` request, the answer that belongs to it: every mail goes to
/// the request it matches best (DESIGN §5 order); answers already used are skipped;
/// among several, the strongest match, then the latest.
pub fn assign(ws: &Workspace, mails: &[Incoming]) -> Result<Vec<(Request, Incoming)>> {
    let all: Vec<Request> = ws.tree()?.into_iter().flat_map(|(_, r)| r).collect();
    let used: Vec<String> = all
        .iter()
        .filter_map(|r| r.answer_message_id.as_deref().map(incoming::bare_id))
        .collect();
    let spkis: Vec<Option<Vec<u8>>> = all
        .iter()
        .map(|r| (r.state == State::Sent).then(|| csr_spki(ws, r)).flatten())
        .collect();
    let mut best: Vec<Option<(Match, usize)>> = vec![None; all.len()];
    for (mi, mail) in mails.iter().enumerate() {
        if mail.message_id.as_ref().is_some_and(|id| used.contains(id)) {
            continue;
        }
        let owner = all
            .iter()
            .enumerate()
            .filter_map(|(ri, r)| incoming::matches(mail, r, spkis[ri].as_deref()).map(|m| (m, ri)))
            .min_by_key(|(m, _)| *m);
        let Some((m, ri)) = owner else { continue };
        if all[ri].state != State::Sent {
            continue;
        }
        match best[ri] {
            Some((bm, _)) if bm < m => {}
            _ => best[ri] = Some((m, mi)),
        }
    }
    Ok(all
        .into_iter()
        .zip(best)
        .filter_map(|(r, b)| b.map(|(_, mi)| (r, mails[mi].clone())))
        .collect())
}

/// Étape 3: looks for the request's answer in the mailbox and imports it or
/// records the rejection. No answer: [`Error::NothingYet`] (exit 3).
/// The key password is not needed (the certificate is matched against the CSR).
pub fn fetch_response(ws: &Workspace, config: &Config, path: &str) -> Result<FetchOutcome> {
    let req = ws.find(path)?;
    req.check(Action::FetchResponse)?;
    let mails = read_mailbox(config)?;
    let found = assign(ws, &mails)?
        .into_iter()
        .find(|(r, _)| r.id == req.id);
    match found {
        Some((_, mail)) => apply(ws, &req.path(), &mail),
        None => Err(Error::NothingYet(tf(
            i18n::current(),
            "mail.nothing_yet",
            &[&req.path()],
        ))),
    }
}

/// Every `sent` request with an answer in the mailbox; none: [`Error::NothingYet`].
pub fn fetch_all(ws: &Workspace, config: &Config) -> Result<Vec<(String, Result<FetchOutcome>)>> {
    let mails = read_mailbox(config)?;
    let found = assign(ws, &mails)?;
    if found.is_empty() {
        return Err(Error::NothingYet(
            i18n::t(i18n::current(), "mail.nothing_at_all").to_string(),
        ));
    }
    Ok(found
        .into_iter()
        .map(|(r, mail)| {
            let path = r.path();
            let outcome = apply(ws, &path, &mail);
            (path, outcome)
        })
        .collect())
}

/// Imports the certificate or records the rejection; remembers the answer's Message-ID.
fn apply(ws: &Workspace, path: &str, mail: &Incoming) -> Result<FetchOutcome> {
    let answer_id = mail.message_id.clone().unwrap_or_default();
    match &mail.kind {
        AnswerKind::Certificates(bytes) => {
            let (_, report) = procedure::import_response(ws, path, bytes)?;
            let _lock = ws.lock()?;
            let mut req = ws.find(path)?;
            req.answer_message_id = Some(answer_id.clone());
            req.log(
                Action::FetchResponse,
                &format!("answer <{answer_id}>"),
                &now(),
            );
            ws.save(&req)?;
            Ok(FetchOutcome::Imported {
                request: Box::new(req),
                report: Box::new(report),
            })
        }
        AnswerKind::Rejection { code, reason } => {
            let _lock = ws.lock()?;
            let mut req = ws.find(path)?;
            req.check(Action::RecordRejection)?;
            req.rejection_code = Some(code.clone());
            req.rejection_reason = Some(reason.clone());
            req.answer_message_id = Some(answer_id.clone());
            req.transition(
                Action::RecordRejection,
                State::Rejected,
                &format!("REJET: {code} (answer <{answer_id}>)"),
                &now(),
            );
            ws.save(&req)?;
            // A rejected request never goes on: its wizard passwords can go.
            ws.forget_pending_secrets(&req)?;
            Ok(FetchOutcome::Rejected {
                request: Box::new(req),
            })
        }
    }
}
