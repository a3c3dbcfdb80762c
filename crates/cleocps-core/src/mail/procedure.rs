//! The mail operations of the procedure, shared by the CLI and the TUI:
//! send the request, fetch the answer (import it or record the rejection).
//! Network work happens without the workspace lock; the state is checked
//! again under the lock before writing. A failure changes nothing.

use super::compose;
use super::error::MailError;
use super::wanted::{UidMark, Wanted};
use crate::answer_mail::{self, AnswerKind, Incoming, Match};
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

/// The answers among the mailbox's candidates for `wanted`: other mail is
/// neither downloaded nor parsed, and no step holds the mailbox (DESIGN §5).
/// Also where an IMAP mailbox stood, for a later look at what came since.
pub fn read_mailbox(config: &Config, wanted: &Wanted) -> Result<(Vec<Incoming>, Option<UidMark>)> {
    let max = config.max_message_bytes();
    let mut out = Vec::new();
    let mut mark = None;
    let mut keep = |raw: &[u8]| out.extend(answer_mail::parse(raw));
    if let Some(c) = &config.imap {
        if !wanted.is_empty() {
            mark = super::imap_search::candidates(c, wanted, max, &mut keep)?;
        }
    } else if let Some(dir) = &config.maildir {
        if !wanted.is_empty() {
            super::maildir::candidates(dir, wanted, max, &mut keep)?;
        }
    } else {
        return Err(MailError::NoReceiver.into());
    }
    Ok((out, mark))
}

/// What to look for on behalf of `requests` (those open to answers only).
pub fn wanted_for<'r>(ws: &Workspace, requests: impl IntoIterator<Item = &'r Request>) -> Wanted {
    let open = requests.into_iter().filter(|r| open_to_answers(r));
    Wanted::new(open, |r| csr_spki(ws, r).is_some())
}

/// The request's public key (from its CSR), to recognise its certificate.
fn csr_spki(ws: &Workspace, req: &Request) -> Option<Vec<u8>> {
    let pem = procedure::csr_pem(ws, req).ok()?;
    let der = crate::pki::csr_from_pem(&pem).ok()?;
    crate::pki::csr_public_key_der(&der).ok()
}

/// A request that can still take an answer: `sent`, or `rejected` (only a
/// certificate for its key, which supersedes the rejection: DESIGN §2).
fn open_to_answers(req: &Request) -> bool {
    matches!(req.state, State::Sent | State::Rejected)
}

/// For each request open to answers, every mail that belongs to it: a mail
/// goes to the request it matches best (DESIGN §5 order); answers already used
/// are skipped. Strongest match first, then the latest first.
pub fn assign<'m>(
    ws: &Workspace,
    mails: &'m [Incoming],
) -> Result<Vec<(Request, Vec<&'m Incoming>)>> {
    let all: Vec<Request> = ws.tree()?.into_iter().flat_map(|(_, r)| r).collect();
    let used: Vec<String> = all
        .iter()
        .filter_map(|r| r.answer_message_id.as_deref().map(answer_mail::bare_id))
        .collect();
    let spkis: Vec<Option<Vec<u8>>> = all
        .iter()
        .map(|r| open_to_answers(r).then(|| csr_spki(ws, r)).flatten())
        .collect();
    let mut found: Vec<Vec<(Match, usize)>> = vec![Vec::new(); all.len()];
    for (mi, mail) in mails.iter().enumerate() {
        if mail.message_id.as_ref().is_some_and(|id| used.contains(id)) {
            continue;
        }
        let owner = all
            .iter()
            .enumerate()
            .filter_map(|(ri, r)| {
                answer_mail::matches(mail, r, spkis[ri].as_deref()).map(|m| (m, ri))
            })
            .min_by_key(|(m, _)| *m);
        let Some((m, ri)) = owner else { continue };
        if open_to_answers(&all[ri]) {
            found[ri].push((m, mi));
        }
    }
    Ok(all
        .into_iter()
        .zip(found)
        .filter(|(_, f)| !f.is_empty())
        .map(|(r, mut f)| {
            f.sort_by_key(|&(m, mi)| (m, std::cmp::Reverse(mi)));
            (r, f.into_iter().map(|(_, mi)| &mails[mi]).collect())
        })
        .collect())
}

/// Étape 3: looks for the request's answer in the mailbox and imports it or
/// records the rejection. No answer: [`Error::NothingYet`] (exit 3).
/// A `rejected` request only takes a certificate for its key.
/// The key password is not needed (the certificate is matched against the CSR).
pub fn fetch_response(ws: &Workspace, config: &Config, path: &str) -> Result<FetchOutcome> {
    fetch_response_since(ws, config, path, &mut None)
}

/// [`fetch_response`] for a wait's looks: with a `mark` from an earlier
/// look, only IMAP mail come since is read; `mark` moves on after a look.
pub fn fetch_response_since(
    ws: &Workspace,
    config: &Config,
    path: &str,
    mark: &mut Option<UidMark>,
) -> Result<FetchOutcome> {
    let req = ws.find(path)?;
    let refusal = req.check(Action::FetchResponse);
    if req.state != State::Rejected {
        refusal?;
    }
    // Only this request's answers matter: a mail that answers it better
    // than any other request is one that matches it.
    let mut wanted = wanted_for(ws, [&req]);
    wanted.from_uid = *mark;
    let (mails, now) = read_mailbox(config, &wanted)?;
    *mark = now.or(*mark);
    let found = assign(ws, &mails)?
        .into_iter()
        .find(|(r, _)| r.id == req.id)
        .and_then(|(r, answers)| settle(ws, config, &r, &answers));
    match (found, refusal) {
        (Some(outcome), _) => outcome,
        (None, Err(refusal)) => Err(refusal.into()),
        (None, Ok(())) => Err(Error::NothingYet(tf(
            i18n::current(),
            "mail.nothing_yet",
            &[&req.path()],
        ))),
    }
}

/// Every request with an answer in the mailbox; none: [`Error::NothingYet`].
pub fn fetch_all(ws: &Workspace, config: &Config) -> Result<Vec<(String, Result<FetchOutcome>)>> {
    let all: Vec<Request> = ws.tree()?.into_iter().flat_map(|(_, r)| r).collect();
    // One search for every pending request.
    let (mails, _) = read_mailbox(config, &wanted_for(ws, &all))?;
    let found: Vec<_> = assign(ws, &mails)?
        .into_iter()
        .filter_map(|(r, answers)| Some((r.path(), settle(ws, config, &r, &answers)?)))
        .collect();
    if found.is_empty() {
        return Err(Error::NothingYet(
            i18n::t(i18n::current(), "mail.nothing_at_all").to_string(),
        ));
    }
    Ok(found)
}

/// Decides on the request's answers (DESIGN §4a): a certificate for its key
/// wins whatever the order; otherwise the first rejection that counts. Mails
/// that don't count are logged and left. `None`: nothing to do.
fn settle(
    ws: &Workspace,
    config: &Config,
    req: &Request,
    answers: &[&Incoming],
) -> Option<Result<FetchOutcome>> {
    let path = req.path();
    let mut failed = None;
    for mail in answers {
        let AnswerKind::Certificates(bytes) = &mail.kind else {
            continue;
        };
        match import(ws, &path, mail, bytes) {
            Ok(outcome) => return Some(Ok(outcome)),
            Err(e) => {
                log::warn!(
                    "{path}: answer <{}> ignored: {}",
                    mail.message_id.as_deref().unwrap_or("-"),
                    e.localize(i18n::Lang::En)
                );
                failed.get_or_insert(e);
            }
        }
    }
    if req.state != State::Sent {
        return None;
    }
    for mail in answers {
        let AnswerKind::Rejection {
            code,
            reason,
            signer,
        } = &mail.kind
        else {
            continue;
        };
        match super::trust::rejection_counts(config, req, mail, signer.as_deref()) {
            Ok(verified) => return Some(reject(ws, &path, mail, code, reason, verified)),
            Err(why) => log::warn!(
                "{path}: rejection <{}> from {} ignored: {why}",
                mail.message_id.as_deref().unwrap_or("-"),
                mail.from.as_deref().unwrap_or("-")
            ),
        }
    }
    failed.map(Err)
}

/// Imports the certificate; remembers the answer's Message-ID.
fn import(ws: &Workspace, path: &str, mail: &Incoming, bytes: &[u8]) -> Result<FetchOutcome> {
    let answer_id = mail.message_id.clone().unwrap_or_default();
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

/// Records a rejection that counts, saying whether its signature was verified.
fn reject(
    ws: &Workspace,
    path: &str,
    mail: &Incoming,
    code: &str,
    reason: &str,
    verified: bool,
) -> Result<FetchOutcome> {
    let answer_id = mail.message_id.clone().unwrap_or_default();
    let source = format!(
        "answer <{answer_id}>, {}",
        if verified {
            "signature verified"
        } else {
            "unverified: not signed by the registration server"
        }
    );
    let req = procedure::record_rejection(ws, path, code, reason, &source, Some(&answer_id))?;
    Ok(FetchOutcome::Rejected {
        request: Box::new(req),
    })
}
