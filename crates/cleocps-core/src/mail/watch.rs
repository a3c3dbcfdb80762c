//! Noticing new mail while waiting for an answer (DESIGN §5): IMAP `IDLE`
//! where the server offers it, the modification times of a Maildir's `new/`
//! and `cur/`, else nothing (the wait polls). A watch that fails turns into
//! polling: the wait goes on.

use super::imap::{open_with_socket, password, Session};
use crate::config::{Config, ImapConfig};
use std::net::{Shutdown, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant, SystemTime};

/// IDLE is ended and issued again this often (RFC 2177: before 29 minutes).
const REISSUE: Duration = Duration::from_secs(25 * 60);
/// How often a Maildir's times, and the stop flag, are looked at.
const STEP: Duration = Duration::from_millis(50);

/// How new mail is noticed.
pub enum Watch {
    /// The server announces it (IDLE, on its own connection and thread).
    Idle(IdleWatch),
    /// A Maildir's `new/` or `cur/` changes.
    Maildir(DirWatch),
    /// Nothing says: look again at the interval.
    Poll,
}

impl Watch {
    /// The best watch the configured mailbox allows; [`Watch::Poll`] when
    /// it offers none or can't be reached now (the looks will say why).
    pub fn open(config: &Config) -> Watch {
        if let Some(c) = &config.imap {
            match IdleWatch::start(c) {
                Ok(Some(w)) => Watch::Idle(w),
                Ok(None) => {
                    log::info!("imap: the server offers no IDLE: polling");
                    Watch::Poll
                }
                Err(e) => {
                    log::warn!("imap: no IDLE watch ({e}): polling");
                    Watch::Poll
                }
            }
        } else if let Some(dir) = &config.maildir {
            Watch::Maildir(DirWatch::new(dir))
        } else {
            Watch::Poll
        }
    }

    /// True when nothing announces new mail.
    pub fn polls(&self) -> bool {
        matches!(self, Watch::Poll)
    }

    /// Waits at most `d` (less if `stop` is set); true when new mail may be there.
    pub fn wait(&mut self, d: Duration, stop: &AtomicBool) -> bool {
        let end = Instant::now() + d;
        let mut news = false;
        while !news && Instant::now() < end && !stop.load(Ordering::Relaxed) {
            let step = STEP.min(end.saturating_duration_since(Instant::now()));
            news = match self {
                Watch::Idle(w) => match w.news(step) {
                    Ok(n) => n,
                    Err(why) => {
                        log::warn!("imap: IDLE ended ({why}): polling");
                        *self = Watch::Poll;
                        return true;
                    }
                },
                Watch::Maildir(w) => {
                    std::thread::sleep(step);
                    w.changed()
                }
                Watch::Poll => {
                    std::thread::sleep(step);
                    false
                }
            };
        }
        news
    }
}

/// An IMAP connection in IDLE on its own thread; dropping it cuts the
/// connection, which ends the thread.
pub struct IdleWatch {
    news: Receiver<Result<(), String>>,
    socket: TcpStream,
}

impl IdleWatch {
    /// `None` when the server does not offer IDLE.
    fn start(c: &ImapConfig) -> crate::Result<Option<IdleWatch>> {
        let password = password(c)?;
        let (mut session, _, socket) = open_with_socket(c, &password)?;
        let offered = session
            .capabilities()
            .map(|caps| caps.has_str("IDLE"))
            .unwrap_or(false);
        if !offered {
            let _ = session.logout();
            return Ok(None);
        }
        let (tx, news) = channel();
        let spawned = std::thread::Builder::new()
            .name("imap-idle".into())
            .spawn(move || idle(session, tx));
        if spawned.is_err() {
            return Ok(None);
        }
        Ok(Some(IdleWatch { news, socket }))
    }

    /// Waits at most `d`: `Ok(true)` when the server announced a change.
    fn news(&self, d: Duration) -> Result<bool, String> {
        match self.news.recv_timeout(d) {
            Ok(Ok(())) => {
                // Several announcements make one look.
                while let Ok(Ok(())) = self.news.try_recv() {}
                Ok(true)
            }
            Ok(Err(why)) => Err(why),
            Err(RecvTimeoutError::Timeout) => Ok(false),
            Err(RecvTimeoutError::Disconnected) => Err("the IDLE connection ended".into()),
        }
    }
}

impl Drop for IdleWatch {
    fn drop(&mut self) {
        let _ = self.socket.shutdown(Shutdown::Both);
    }
}

/// The IDLE thread: one message per announcement, until the connection ends.
fn idle(mut session: Session, tx: Sender<Result<(), String>>) {
    use imap::extensions::idle::{stop_on_any, WaitOutcome};
    loop {
        let mut handle = session.idle();
        handle.timeout(REISSUE).keepalive(true);
        let sent = match handle.wait_while(stop_on_any) {
            Ok(WaitOutcome::MailboxChanged) => tx.send(Ok(())),
            Ok(WaitOutcome::TimedOut) => Ok(()),
            Err(e) => {
                let _ = tx.send(Err(e.to_string()));
                return;
            }
        };
        if sent.is_err() {
            return; // nobody waits any more
        }
    }
}

/// A Maildir watched by the modification times of `new/` and `cur/` (a
/// delivery adds a file to one of them): two `stat`s a look.
pub struct DirWatch {
    dirs: [PathBuf; 2],
    seen: [Option<SystemTime>; 2],
}

impl DirWatch {
    fn new(dir: &Path) -> DirWatch {
        let dirs = [dir.join("new"), dir.join("cur")];
        let seen = [mtime(&dirs[0]), mtime(&dirs[1])];
        DirWatch { dirs, seen }
    }

    /// True when either directory changed since the last call.
    fn changed(&mut self) -> bool {
        let now = [mtime(&self.dirs[0]), mtime(&self.dirs[1])];
        let changed = now != self.seen;
        self.seen = now;
        changed
    }
}

fn mtime(p: &Path) -> Option<SystemTime> {
    std::fs::metadata(p).and_then(|m| m.modified()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_delivery_to_new_is_noticed_once() {
        let d = tempfile::tempdir().expect("tmp");
        for s in ["new", "cur"] {
            std::fs::create_dir(d.path().join(s)).expect("mkdir");
        }
        let mut w = DirWatch::new(d.path());
        assert!(!w.changed());
        // A time surely different from the creation's (coarse clocks).
        let f = std::fs::File::open(d.path().join("new")).expect("dir");
        std::fs::write(d.path().join("new/1.x"), b"m").expect("write");
        f.set_modified(SystemTime::UNIX_EPOCH).expect("touch");
        assert!(w.changed());
        assert!(!w.changed());
    }
}
