//! The candidate answers over IMAP (DESIGN §5: cost follows the answers):
//! one `UID SEARCH` for every request (the mail arrived since the earliest
//! request left, then among it what names one or may carry a key), then
//! `BODYSTRUCTURE` and the header of each hit, then only the parts an answer is read from (`BODY.PEEK[n]`),
//! a few messages at a time. Nothing holds the mailbox: each candidate is
//! handed on and dropped before the next is downloaded.

use super::error::MailError;
use super::imap::{classify, open_with_socket, password, Session};
use super::parts::{self, Plan};
use super::wanted::{Candidate, UidMark, Wanted};
use crate::config::ImapConfig;
use crate::secret::Secret;
use imap_proto::types::{MessageSection, SectionPath};

/// Messages whose structure is asked in one command.
const STRUCTURE_CHUNK: usize = 100;
/// Messages searched in one command (its line stays a few kilobytes).
const SEARCH_CHUNK: usize = 500;
/// The header fields matching and `answer_mail::parse` read (§4a, §5). Named
/// rather than the whole header: a server answers these from its cache,
/// the whole header from the message file (dovecot: 30 ms for 20 mails in a
/// 20 000-mail Maildir, under 1 ms for these).
const HEADER_FIELDS: &str = "FROM TO CC SUBJECT DATE MESSAGE-ID IN-REPLY-TO REFERENCES \
                             MIME-VERSION CONTENT-TYPE CONTENT-TRANSFER-ENCODING";

/// Hands each candidate of `wanted` to `keep`, rebuilt from its needed
/// parts; a candidate over `max` bytes is skipped with a warning. Returns
/// where the mailbox stood (for a later look at what came since).
pub fn candidates(
    c: &ImapConfig,
    wanted: &Wanted,
    max: u64,
    keep: &mut dyn FnMut(&[u8]),
) -> crate::Result<Option<UidMark>> {
    let Some((since, which)) = wanted.imap_search() else {
        return Ok(None);
    };
    let password = password(c)?;
    let (mut session, mailbox, _) = open_with_socket(c, &password)?;
    let within = session
        .capabilities()
        .is_ok_and(|caps| caps.has_str("WITHIN"));
    let when = match wanted.imap_younger(time::OffsetDateTime::now_utc()) {
        Some(younger) if within => younger,
        _ => since,
    };
    let mark = mailbox
        .uid_validity
        .zip(mailbox.uid_next)
        .map(|(uidvalidity, uidnext)| UidMark {
            uidvalidity,
            uidnext,
        });
    // Mail from this UID on only, when the UIDs still mean the same.
    let from = wanted
        .from_uid
        .filter(|m| Some(m.uidvalidity) == mailbox.uid_validity)
        .map(|m| m.uidnext);
    let r = if mailbox.exists > 0 {
        Look {
            c,
            password: &password,
            session: &mut session,
        }
        .run(from, &when, &which, wanted, max, keep)
    } else {
        Ok(())
    };
    let _ = session.logout();
    r?;
    Ok(mark)
}

struct Look<'a> {
    c: &'a ImapConfig,
    password: &'a Secret,
    session: &'a mut Session,
}

/// What the structure of one hit said.
struct Hit {
    uid: u32,
    header: Vec<u8>,
    plan: Plan,
}

impl Look<'_> {
    fn fail(&self, e: imap::Error) -> MailError {
        classify(self.c, e, self.password)
    }

    /// Two searches: the mail arrived in time (the date, a UID range: the
    /// server reads no message for them), then among it, a few hundred at
    /// a time, what names a request or may carry a key.
    fn run(
        &mut self,
        from: Option<u32>,
        when: &str,
        which: &str,
        wanted: &Wanted,
        max: u64,
        keep: &mut dyn FnMut(&[u8]),
    ) -> Result<(), MailError> {
        let first = match from {
            Some(uid) => format!("UID {uid}:* {when}"),
            None => when.to_string(),
        };
        let mut recent = self.search(&first)?;
        // `n:*` also names the last mail when its UID is below n.
        recent.retain(|u| from.is_none_or(|f| *u >= f));
        log::debug!("imap: {} mail(s) for {first}", recent.len());
        for chunk in recent.chunks(SEARCH_CHUNK) {
            let set = chunk
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(",");
            let hits = self.search(&format!("UID {set} {which}"))?;
            for some in hits.chunks(STRUCTURE_CHUNK) {
                for hit in self.structures(some, wanted, max)? {
                    if let Some(raw) = self.download(&hit)? {
                        keep(&raw);
                    }
                }
            }
        }
        Ok(())
    }

    /// `UID SEARCH`, sorted.
    fn search(&mut self, query: &str) -> Result<Vec<u32>, MailError> {
        let mut uids: Vec<u32> = self
            .session
            .uid_search(query)
            .map_err(|e| self.fail(e))?
            .into_iter()
            .collect();
        uids.sort_unstable();
        Ok(uids)
    }

    /// The hits of `uids` worth downloading, with what to download.
    fn structures(
        &mut self,
        uids: &[u32],
        wanted: &Wanted,
        max: u64,
    ) -> Result<Vec<Hit>, MailError> {
        let set = uids
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(",");
        let fetches = self
            .session
            .uid_fetch(
                set,
                format!(
                    "(UID RFC822.SIZE INTERNALDATE BODYSTRUCTURE BODY.PEEK[HEADER.FIELDS ({HEADER_FIELDS})])"
                ),
            )
            .map_err(|e| self.fail(e))?;
        let mut out = Vec::new();
        for f in fetches.iter() {
            let (Some(uid), Some(header), Some(bs)) = (f.uid, f.header(), f.bodystructure()) else {
                continue;
            };
            // The day in UTC: `Wanted::since` keeps a day of margin for time zones.
            let arrived = f
                .internal_date()
                .and_then(|d| time::OffsetDateTime::from_unix_timestamp(d.timestamp()).ok())
                .map(|t| t.date());
            // The server's search is by substring: the header decides.
            let Some(why) = wanted.candidate(header, arrived) else {
                continue;
            };
            let plan = parts::plan(bs, why);
            let size = u64::from(f.size.unwrap_or(0));
            if plan.bytes(size) > max {
                log::warn!(
                    "imap: UID {uid} skipped: {} bytes to read, over max_message_bytes ({max})",
                    plan.bytes(size)
                );
                continue;
            }
            if plan != Plan::Nothing {
                out.push(Hit {
                    uid,
                    header: header.to_vec(),
                    plan,
                });
            } else if why == Candidate::Named {
                log::debug!("imap: UID {uid} names a request but has no part to read");
            }
        }
        Ok(out)
    }

    /// The hit's needed bytes, as a message `answer_mail::parse` reads.
    fn download(&mut self, hit: &Hit) -> Result<Option<Vec<u8>>, MailError> {
        let uid = hit.uid.to_string();
        match &hit.plan {
            Plan::Nothing => Ok(None),
            Plan::Whole => {
                let f = self
                    .session
                    .uid_fetch(&uid, "BODY.PEEK[]")
                    .map_err(|e| self.fail(e))?;
                Ok(f.iter().find_map(|f| f.body().map(<[u8]>::to_vec)))
            }
            Plan::Leaves(leaves) => {
                let items: Vec<String> = leaves
                    .iter()
                    .map(|l| {
                        let s = parts::section(&l.path);
                        format!("BODY.PEEK[{s}.MIME] BODY.PEEK[{s}]")
                    })
                    .collect();
                let fetches = self
                    .session
                    .uid_fetch(&uid, format!("({})", items.join(" ")))
                    .map_err(|e| self.fail(e))?;
                let Some(f) = fetches.iter().next() else {
                    return Ok(None);
                };
                let got: Vec<(&[u8], &[u8])> = leaves
                    .iter()
                    .filter_map(|l| {
                        let mime = SectionPath::Part(l.path.clone(), Some(MessageSection::Mime));
                        let body = SectionPath::Part(l.path.clone(), None);
                        Some((f.section(&mime)?, f.section(&body)?))
                    })
                    .collect();
                Ok(Some(parts::rebuild(&hit.header, &got)))
            }
        }
    }
}
