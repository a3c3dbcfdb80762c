//! The mail a server loop (`ra serve`) has not handled yet (DESIGN §7):
//! each round reads only what came since its [`Cursor`] — IMAP UIDs past
//! the last one handled under the same UIDVALIDITY, Maildir files whose
//! names it has not handled. A changed UIDVALIDITY (or another mailbox)
//! means one full re-scan; the loop's own records keep a mail from being
//! answered twice.

use super::error::MailError;
use super::imap::{classify, open_with_socket, password, Session};
use super::{maildir, RawMail};
use crate::config::{Config, ImapConfig};
use crate::secret::Secret;
use std::collections::BTreeSet;

/// Where a loop got to in its mailbox.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Cursor {
    /// The mailbox it is about (`imap://user@host:port/INBOX`, `maildir:/path`).
    pub source: String,
    /// IMAP: the mailbox's UIDVALIDITY when `last_uid` was handled.
    #[serde(default)]
    pub uidvalidity: Option<u32>,
    /// IMAP: every mail up to this UID is handled.
    #[serde(default)]
    pub last_uid: Option<u32>,
    /// Maildir: the names (without flags) of the files handled.
    #[serde(default)]
    pub names: BTreeSet<String>,
}

/// Hands `each` the mail not handled by `cursor` (all of it when the
/// cursor is about another mailbox or UIDVALIDITY), oldest first, each
/// whole when at most `max` bytes, else its header only, one at a time
/// (nothing holds the mailbox); with the cursor to update as mails are
/// handled ([`Cursor::handled`]), returned at the end. An error of `each`
/// stops the reading.
pub fn fetch_unread(
    config: &Config,
    max: u64,
    cursor: &Cursor,
    each: &mut dyn FnMut(&mut Cursor, RawMail) -> crate::Result<()>,
) -> crate::Result<Cursor> {
    if let Some(c) = &config.imap {
        imap_unread(c, &password(c)?, max, cursor, each)
    } else if let Some(dir) = &config.maildir {
        let source = format!("maildir:{}", dir.display());
        let none = BTreeSet::new();
        let known = if cursor.source == source {
            &cursor.names
        } else {
            &none
        };
        // Names of files gone from the Maildir are forgotten: the set stays
        // the size of the mailbox.
        let present = maildir::names(dir)?;
        let mut next = Cursor {
            source,
            names: present.into_iter().filter(|n| known.contains(n)).collect(),
            ..Cursor::default()
        };
        maildir::each_bounded_except(dir, max, &|n| known.contains(n), &mut |m| {
            each(&mut next, m)
        })?;
        Ok(next)
    } else {
        Err(MailError::NoReceiver.into())
    }
}

impl Cursor {
    /// `mail` is handled. IMAP: the cursor moves to its UID, so call this
    /// in UID order and stop at the first mail to read again.
    pub fn handled(&mut self, mail: &RawMail) {
        if let Some(uid) = mail
            .origin
            .strip_prefix("UID ")
            .and_then(|u| u.parse().ok())
        {
            self.last_uid = Some(self.last_uid.map_or(uid, |l: u32| l.max(uid)));
        } else {
            self.names
                .insert(maildir::base_name(&mail.origin).to_string());
        }
    }

    /// True for an IMAP cursor (which moves in UID order only).
    pub fn ordered(&self) -> bool {
        self.uidvalidity.is_some()
    }
}

fn imap_unread(
    c: &ImapConfig,
    password: &Secret,
    max: u64,
    cursor: &Cursor,
    each: &mut dyn FnMut(&mut Cursor, RawMail) -> crate::Result<()>,
) -> crate::Result<Cursor> {
    let (mut session, mailbox, _) = open_with_socket(c, password)?;
    let source = format!(
        "imap://{}@{}:{}/{}",
        c.user,
        c.host,
        super::imap::port(c),
        super::imap::mailbox_name(c)
    );
    let same = cursor.source == source && cursor.uidvalidity == mailbox.uid_validity;
    let after = if same { cursor.last_uid } else { None };
    if !same && cursor.uidvalidity.is_some() {
        log::warn!("imap: {source}: UIDVALIDITY or mailbox changed: reading it all once");
    }
    let mut next = Cursor {
        source,
        uidvalidity: mailbox.uid_validity,
        last_uid: after,
        names: BTreeSet::new(),
    };
    let r = if mailbox.exists > 0 {
        bounded(c, password, &mut session, max, after, &mut |m| {
            each(&mut next, m)
        })
    } else {
        Ok(())
    };
    let _ = session.logout();
    r.map(|()| next)
}

/// Hands `each` the mails past UID `after` (all when `None`), oldest first:
/// whole when at most `max` bytes, else only their header (never
/// downloaded whole); a few at a time.
fn bounded(
    c: &ImapConfig,
    password: &Secret,
    session: &mut Session,
    max: u64,
    after: Option<u32>,
    each: &mut dyn FnMut(RawMail) -> crate::Result<()>,
) -> crate::Result<()> {
    let fail = |e: imap::Error| classify(c, e, password);
    let mut sizes = Vec::new();
    let fetches = match after {
        // `n:*` answers the last mail even when its UID is below n.
        Some(last) => session.uid_fetch(format!("{}:*", u64::from(last) + 1), "(UID RFC822.SIZE)"),
        None => session.fetch("1:*", "(UID RFC822.SIZE)"),
    }
    .map_err(fail)?;
    for f in fetches.iter() {
        if let (Some(uid), Some(size)) = (f.uid, f.size) {
            if after.is_none_or(|last| uid > last) {
                sizes.push((uid, u64::from(size)));
            }
        }
    }
    drop(fetches);
    sizes.sort_unstable();
    // A few UIDs per command: short command lines, bounded answers (the
    // connection refuses more than one answer may hold), and only these
    // mails in memory.
    for chunk in batches(&sizes, max) {
        let mut mails = Vec::with_capacity(chunk.len());
        for whole in [true, false] {
            let uids: Vec<String> = chunk
                .iter()
                .filter(|(_, size)| (*size <= max) == whole)
                .map(|(uid, _)| uid.to_string())
                .collect();
            if uids.is_empty() {
                continue;
            }
            let query = if whole {
                "BODY.PEEK[]"
            } else {
                "BODY.PEEK[HEADER]"
            };
            let fetches = session.uid_fetch(uids.join(","), query).map_err(fail)?;
            for f in fetches.iter() {
                let (Some(uid), Some(bytes)) = (f.uid, if whole { f.body() } else { f.header() })
                else {
                    continue;
                };
                let size = chunk.iter().find(|(u, _)| *u == uid).map_or(0, |(_, s)| *s);
                let mail = RawMail {
                    origin: format!("UID {uid}"),
                    size,
                    bytes: bytes.to_vec(),
                    whole,
                };
                mails.push((uid, mail));
            }
        }
        mails.sort_by_key(|(uid, _)| *uid);
        for (_, mail) in mails {
            each(mail)?;
        }
    }
    Ok(())
}

/// Consecutive runs of at most 20 mails whose whole downloads (those up to
/// `max`) add up to at most `BATCH_BYTES`.
fn batches(sizes: &[(u32, u64)], max: u64) -> Vec<&[(u32, u64)]> {
    let mut out = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (i, (_, size)) in sizes.iter().enumerate() {
        let size = if *size <= max { *size } else { 0 };
        if i > start && (i - start == 20 || bytes + size > super::imap_bounded::BATCH_BYTES) {
            out.push(&sizes[start..i]);
            (start, bytes) = (i, 0);
        }
        bytes += size;
    }
    if start < sizes.len() {
        out.push(&sizes[start..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_keep_whole_downloads_under_the_answer_budget() {
        let mb = 1024 * 1024;
        let max = 10 * mb;
        // 30 small mails: two runs (at most 20 a command).
        let small: Vec<(u32, u64)> = (1..=30).map(|u| (u, 1000)).collect();
        let lens: Vec<usize> = batches(&small, max).iter().map(|b| b.len()).collect();
        assert_eq!(lens, [20, 10]);
        // Eight 9 MB mails: three a command stay under 32 MB.
        let big: Vec<(u32, u64)> = (1..=8).map(|u| (u, 9 * mb)).collect();
        let lens: Vec<usize> = batches(&big, max).iter().map(|b| b.len()).collect();
        assert_eq!(lens, [3, 3, 2]);
        // Mails over max are fetched as headers only: they cost nothing here.
        let huge: Vec<(u32, u64)> = (1..=5).map(|u| (u, 500 * mb)).collect();
        assert_eq!(batches(&huge, max).len(), 1);
        assert!(batches(&[], max).is_empty());
    }

    #[test]
    fn a_maildir_cursor_skips_handled_names_and_forgets_gone_ones() {
        let d = tempfile::tempdir().expect("tmp");
        for s in ["new", "cur"] {
            std::fs::create_dir(d.path().join(s)).expect("mkdir");
        }
        std::fs::write(d.path().join("new/1.a"), b"Subject: a\n\nA").expect("w");
        std::fs::write(d.path().join("cur/2.b:2,S"), b"Subject: b\n\nB").expect("w");
        let config = Config {
            maildir: Some(d.path().to_path_buf()),
            ..Config::default()
        };
        let read = |cursor: &Cursor| {
            let mut mails = Vec::new();
            let next = fetch_unread(&config, 1000, cursor, &mut |c, m| {
                c.handled(&m);
                mails.push(m);
                Ok(())
            })
            .expect("read");
            (mails, next)
        };
        let (mails, cursor) = read(&Cursor::default());
        assert_eq!(mails.len(), 2);
        assert!(!cursor.ordered());
        assert_eq!(cursor.names.iter().collect::<Vec<_>>(), ["1.a", "2.b"]);
        // Moved to cur/ with a flag, still handled; a new one is read.
        std::fs::rename(d.path().join("new/1.a"), d.path().join("cur/1.a:2,S")).expect("mv");
        std::fs::remove_file(d.path().join("cur/2.b:2,S")).expect("rm");
        std::fs::write(d.path().join("new/3.c"), b"Subject: c\n\nC").expect("w");
        let (mails, next) = read(&cursor);
        assert_eq!(mails.len(), 1);
        assert_eq!(mails[0].origin, "3.c");
        assert_eq!(next.names.iter().collect::<Vec<_>>(), ["1.a", "3.c"]);
    }
}
