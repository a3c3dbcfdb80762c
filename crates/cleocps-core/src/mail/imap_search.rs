//! The candidate answers over IMAP (DESIGN §5: cost follows the answers):
//! one `UID SEARCH` for every request, then `BODYSTRUCTURE` and the header
//! of each hit, then only the parts an answer is read from (`BODY.PEEK[n]`),
//! a few messages at a time. Nothing holds the mailbox: each candidate is
//! handed on and dropped before the next is downloaded.

use super::error::MailError;
use super::imap::{classify, open, password, Session};
use super::parts::{self, Plan};
use super::wanted::{Candidate, Wanted};
use crate::config::ImapConfig;
use crate::secret::Secret;
use imap_proto::types::{MessageSection, SectionPath};

/// Messages whose structure is asked in one command.
const STRUCTURE_CHUNK: usize = 100;

/// Hands each candidate of `wanted` to `keep`, rebuilt from its needed
/// parts; a candidate over `max` bytes is skipped with a warning.
pub fn candidates(
    c: &ImapConfig,
    wanted: &Wanted,
    max: u64,
    keep: &mut dyn FnMut(&[u8]),
) -> crate::Result<()> {
    let Some(query) = wanted.imap_search() else {
        return Ok(());
    };
    let password = password(c)?;
    let (mut session, exists) = open(c, &password)?;
    if exists > 0 {
        let r = Look {
            c,
            password: &password,
            session: &mut session,
        }
        .run(&query, wanted, max, keep);
        let _ = session.logout();
        r?;
    } else {
        let _ = session.logout();
    }
    Ok(())
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

    fn run(
        &mut self,
        query: &str,
        wanted: &Wanted,
        max: u64,
        keep: &mut dyn FnMut(&[u8]),
    ) -> Result<(), MailError> {
        let mut uids: Vec<u32> = self
            .session
            .uid_search(query)
            .map_err(|e| self.fail(e))?
            .into_iter()
            .collect();
        uids.sort_unstable();
        log::debug!("imap: {} candidate(s) for {query}", uids.len());
        for chunk in uids.chunks(STRUCTURE_CHUNK) {
            for hit in self.structures(chunk, wanted, max)? {
                if let Some(raw) = self.download(&hit)? {
                    keep(&raw);
                }
            }
        }
        Ok(())
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
                "(UID RFC822.SIZE INTERNALDATE BODYSTRUCTURE BODY.PEEK[HEADER])",
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

    /// The hit's needed bytes, as a message `incoming::parse` reads.
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
