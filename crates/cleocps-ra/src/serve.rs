//! `ra serve`: the registration server's mail loop (DESIGN §5, §7). Each
//! round first sends the answers still queued, then reads the mailbox (IMAP
//! or Maildir, never deleting) and decides on each mail not yet handled.
//!
//! No mail stops a round: a mail that can't be answered (unreadable, too
//! big, an address no answer can go to, not a request for this server) is
//! recorded with why in `DIR/handled/` and skipped. A transient failure
//! waits for a later round without holding the others: a directory that
//! can't answer leaves the mail undecided (`retry`); an answer that can't
//! be sent stays queued in `DIR/pending/` (`queued`), and after a first
//! sending failure the round queues the rest without trying. The decision
//! and its answer are stored (in `seen/`, then `pending/`) before sending,
//! so a crash or a failed send never turns a certificate into a replay.
//! Only a failure of the server itself (its files, its configuration, its
//! mailbox) ends a round early.

use super::decision::RequestMeta;
use super::directory::{AdminDirectory, ConfiguredDirectory};
use super::inbox::{self, Incoming};
use super::records::{now, Handled, Pending, Record, Records, Status};
use super::{process, reply, RaDir};
use crate::i18n::Lang;
use base64::Engine;
use cleocps_core::config::Config;
use cleocps_core::directory::DirectoryError;
use cleocps_core::error::{Error, Result};
use cleocps_core::mail::{MailError, RawMail};
use lettre::message::Mailbox;
use std::cell::RefCell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, SystemTime};

/// The directory for this server and configuration: the configured one
/// (LDAP or JSON file), else the server's own `directory.json`.
pub fn directory_for(ra: &RaDir, config: &Config) -> ConfiguredDirectory {
    if config.ldap.is_some() || config.directory_file.is_some() {
        ConfiguredDirectory(config.clone())
    } else {
        ConfiguredDirectory::file(&ra.path(&ra.settings.directory_file))
    }
}

/// One look at the mailbox: queued answers first, then each new mail.
/// Returns what was done this round, in that order.
pub fn serve_once(ra: &RaDir, config: &Config) -> Result<Vec<Handled>> {
    // The answers' sender and sending way are the configuration's: checked
    // once, and any fault is named as the configuration's.
    let from = cleocps_core::mail::compose::mailbox("mail_from", config.mail_from.as_deref())?;
    cleocps_core::mail::send::way(config)?;
    let mut round = Round {
        ra,
        config,
        from,
        directory: Breaker::new(directory_for(ra, config)),
        records: Records::new(&ra.dir),
        send_down: None,
    };
    let mut done = round.send_queued()?;
    let max = config.max_message_bytes();
    // Only mail come since the last round is read (DESIGN §7).
    let stored = round.records.cursor();
    let mut again = false;
    let cursor = cleocps_core::mail::fetch_unread(config, max, &stored, &mut |cursor, raw| {
        let h = round.mail(&raw, max)?;
        // A mail to decide later is read again: an IMAP cursor stops before it.
        let retry = h.as_ref().is_some_and(|h| h.status == Status::Retry);
        again |= retry && cursor.ordered();
        if !retry && !again {
            cursor.handled(&raw);
        }
        done.extend(h);
        Ok(())
    })?;
    if cursor != stored {
        round.records.save_cursor(&cursor)?;
    }
    Ok(done)
}

/// Polls every `interval` until `stop` is set; a failed round is logged and
/// the next one tries again.
pub fn serve(ra: &RaDir, config: &Config, interval: Duration, stop: &AtomicBool) {
    log::info!("ra: serving {}", ra.dir.display());
    while !stop.load(Ordering::Relaxed) {
        if let Err(e) = serve_once(ra, config) {
            log::warn!("ra: round failed: {}", e.localize(Lang::En));
        }
        let until = std::time::Instant::now() + interval;
        while std::time::Instant::now() < until && !stop.load(Ordering::Relaxed) {
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

fn logged(h: Handled) -> Handled {
    log::info!(
        "ra: {} ({}) from {:?}: {:?}: {}",
        h.message_id,
        h.origin,
        h.from,
        h.status,
        h.outcome
    );
    h
}

/// The directory of one round: after a first failure, every other lookup
/// fails at once with it (no timeout per mail); the next round tries again.
struct Breaker<D> {
    inner: D,
    down: RefCell<Option<DirectoryError>>,
}

impl<D> Breaker<D> {
    fn new(inner: D) -> Breaker<D> {
        Breaker {
            inner,
            down: RefCell::new(None),
        }
    }
}

impl<D: AdminDirectory> AdminDirectory for Breaker<D> {
    fn administers(
        &self,
        holder_id: &str,
        name: &str,
    ) -> std::result::Result<bool, DirectoryError> {
        if let Some(e) = self.down.borrow().clone() {
            return Err(e);
        }
        self.inner
            .administers(holder_id, name)
            .inspect_err(|e| *self.down.borrow_mut() = Some(e.clone()))
    }
}

struct Round<'a> {
    ra: &'a RaDir,
    config: &'a Config,
    from: Mailbox,
    directory: Breaker<ConfiguredDirectory>,
    records: Records,
    /// Why sending failed this round: the other answers wait for the next.
    send_down: Option<String>,
}

impl Round<'_> {
    /// Sends the answers queued by earlier rounds.
    fn send_queued(&mut self) -> Result<Vec<Handled>> {
        let mut done = Vec::new();
        for (key, pending) in self.records.pending() {
            if self.records.is_handled(&key) {
                self.records.drop_pending(&key)?;
                continue;
            }
            done.push(logged(self.send(&key, pending)?));
        }
        Ok(done)
    }

    /// One mail of the mailbox; `None` when it was handled before.
    fn mail(&mut self, raw: &RawMail, max: u64) -> Result<Option<Handled>> {
        let inc = inbox::read(raw);
        if self.records.known(&inc.key) {
            return Ok(None);
        }
        // A bug tripped by one mail must not stop every round on that mail.
        let h = match catch_unwind(AssertUnwindSafe(|| self.decide(&inc, raw, max))) {
            Ok(h) => h?,
            Err(_) => {
                log::error!("ra: {} ({}): internal error", inc.message_id, raw.origin);
                let why = "internal error while reading this mail (see the log)".to_string();
                self.skip(&inc, raw, why)?
            }
        };
        Ok(Some(logged(h)))
    }

    fn decide(&mut self, inc: &Incoming<'_>, raw: &RawMail, max: u64) -> Result<Handled> {
        let request = match inc.request(raw, max) {
            Ok(r) => r,
            Err(why) => return self.skip(inc, raw, why),
        };
        let meta = RequestMeta {
            message_id: Some(inc.message_id.clone()),
            from: inc.from.clone(),
            subject: inc.subject.clone(),
        };
        let now = SystemTime::now();
        let processed = match process(self.ra, &self.directory, request.p7m, &meta, now) {
            Ok(p) => p,
            Err(Error::Directory(e)) => {
                let why = format!("directory unavailable: {}", e.localize(Lang::En));
                return Ok(self.handled(inc, raw, Status::Retry, why));
            }
            Err(Error::Pki(e)) => {
                let why = format!("not a request for this server: {}", e.localize(Lang::En));
                return self.skip(inc, raw, why);
            }
            // The server's own failure (its files): the round stops.
            Err(e) => return Err(e),
        };
        let outcome = reply::outcome(&processed);
        let id = inc.answerable_id.then_some(inc.message_id.as_str());
        let mail = match reply::answer_mail(
            &self.from,
            &request.to,
            id,
            inc.subject.as_deref(),
            &processed,
        ) {
            Ok(m) => m,
            Err(e) => {
                let why = format!("{outcome}, but no answer: {}", e.localize(Lang::En));
                return self.skip(inc, raw, why);
            }
        };
        let envelope = mail.envelope();
        let pending = Pending {
            message_id: inc.message_id.clone(),
            origin: raw.origin.clone(),
            from: inc.from.clone(),
            subject: inc.subject.clone(),
            outcome,
            mail: base64::engine::general_purpose::STANDARD.encode(mail.formatted()),
            envelope_from: envelope.from().map(|a| a.to_string()).unwrap_or_default(),
            envelope_to: envelope.to().iter().map(|a| a.to_string()).collect(),
            decided: cleocps_core::card::rfc3339(now),
            attempts: 0,
            last_error: None,
        };
        // Stored before it is sent: a send that fails is tried again as is.
        self.records.queue(&inc.key, &pending)?;
        self.send(&inc.key, pending)
    }

    /// Sends a queued answer, unless sending already failed this round.
    fn send(&mut self, key: &str, mut pending: Pending) -> Result<Handled> {
        if let Some(why) = &self.send_down {
            let outcome = format!("{}; answer queued: {why}", pending.outcome);
            return Ok(pending.record(Status::Queued, outcome).handled());
        }
        let Err(e) = transmit(self.config, &pending) else {
            let record = pending.record(Status::Answered, pending.outcome.clone());
            self.records.finish(key, &record)?;
            return Ok(record.handled());
        };
        let why = e.localize(Lang::En);
        if let Error::Mail(MailError::RecipientRefused { address, detail }) = &e {
            if detail.starts_with("permanent") {
                let outcome = format!(
                    "{}; the mail server refuses the answer to {address}: {detail}",
                    pending.outcome
                );
                let record = pending.record(Status::Skipped, outcome);
                self.records.finish(key, &record)?;
                return Ok(record.handled());
            }
        } else {
            self.send_down = Some(why.clone());
        }
        pending.attempts += 1;
        pending.last_error = Some(why.clone());
        self.records.queue(key, &pending)?;
        let outcome = format!("{}; answer queued: {why}", pending.outcome);
        Ok(pending.record(Status::Queued, outcome).handled())
    }

    /// Records a mail that gets no answer, with why.
    fn skip(&self, inc: &Incoming<'_>, raw: &RawMail, why: String) -> Result<Handled> {
        let record = Record {
            message_id: inc.message_id.clone(),
            origin: raw.origin.clone(),
            from: inc.from.clone(),
            subject: inc.subject.clone(),
            status: Status::Skipped,
            outcome: why,
            time: now(),
        };
        self.records.finish(&inc.key, &record)?;
        Ok(record.handled())
    }

    fn handled(&self, inc: &Incoming<'_>, raw: &RawMail, status: Status, why: String) -> Handled {
        Handled {
            message_id: inc.message_id.clone(),
            origin: raw.origin.clone(),
            from: inc.from.clone(),
            status,
            outcome: why,
        }
    }
}

/// Sends a stored answer mail as it was composed.
fn transmit(config: &Config, p: &Pending) -> Result<()> {
    let compose = |e: String| Error::from(MailError::Compose(e));
    let raw = base64::engine::general_purpose::STANDARD
        .decode(&p.mail)
        .map_err(|e| compose(e.to_string()))?;
    let from = p
        .envelope_from
        .parse()
        .map_err(|e: lettre::address::AddressError| compose(e.to_string()))?;
    let to = p
        .envelope_to
        .iter()
        .map(|a| a.parse())
        .collect::<std::result::Result<Vec<lettre::Address>, _>>()
        .map_err(|e| compose(e.to_string()))?;
    let envelope =
        lettre::address::Envelope::new(Some(from), to).map_err(|e| compose(e.to_string()))?;
    cleocps_core::mail::send::send_raw(config, &envelope, &raw)
}
