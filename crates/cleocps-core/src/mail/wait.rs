//! Waiting for the answer (`response fetch --wait`, the interface's
//! automatic wait, CleoWizard): one loop and one interval setting for every
//! front. It looks when IMAP IDLE or the Maildir announce new mail; without
//! them, every `CLEOCPS_POLL_INTERVAL_S` (seconds, 1–3600), else [`DEFAULT_INTERVAL`].

use super::procedure::{fetch_response_since, FetchOutcome};
use super::watch::Watch;
use crate::config::Config;
use crate::error::{Error, Result};
use crate::workspace::Workspace;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// Between two looks at the mailbox, unless `CLEOCPS_POLL_INTERVAL_S` says otherwise.
pub const DEFAULT_INTERVAL: Duration = Duration::from_secs(5);
/// The longest wait or interval accepted: thirty days.
pub const MAX_WAIT: Duration = Duration::from_secs(30 * 24 * 3600);
const MAX_INTERVAL_S: u64 = 3600;

/// How long to wait for an answer, and how often to look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnswerWait {
    pub total: Duration,
    pub interval: Duration,
}

impl AnswerWait {
    /// A wait of `total` at the configured interval. A total past
    /// [`MAX_WAIT`] or a bad `CLEOCPS_POLL_INTERVAL_S` is a usage error.
    pub fn new(total: Duration) -> Result<AnswerWait> {
        Self::with_interval(total, poll_interval()?)
    }

    /// A wait of `total`, looking every `interval` (`--interval`).
    pub fn with_interval(total: Duration, interval: Duration) -> Result<AnswerWait> {
        if total > MAX_WAIT {
            return Err(Error::Usage("the wait is too long (at most 30 days)"));
        }
        if interval.is_zero() || interval > Duration::from_secs(MAX_INTERVAL_S) {
            return Err(Error::Usage(
                "the interval between two looks must be 1 to 3600 seconds",
            ));
        }
        Ok(AnswerWait { total, interval })
    }
}

/// The interval setting: `CLEOCPS_POLL_INTERVAL_S`, else [`DEFAULT_INTERVAL`].
pub fn poll_interval() -> Result<Duration> {
    match std::env::var("CLEOCPS_POLL_INTERVAL_S") {
        Err(_) => Ok(DEFAULT_INTERVAL),
        Ok(v) => match v.trim().parse::<u64>() {
            Ok(s) if (1..=MAX_INTERVAL_S).contains(&s) => Ok(Duration::from_secs(s)),
            _ => Err(Error::Usage(
                "CLEOCPS_POLL_INTERVAL_S must be a number of seconds from 1 to 3600",
            )),
        },
    }
}

/// What a waiting fetch reports between checks.
#[derive(Debug, Clone, Copy)]
pub struct Tick {
    /// Until the next check.
    pub next_check: Duration,
    /// Until the wait ends.
    pub left: Duration,
}

/// [`fetch_response`] again whenever new mail may have come, until an
/// answer comes, `wait.total` runs out, or `stop` is set (Ctrl-C, Esc);
/// `tick` is called about once a second. New mail is announced by IMAP IDLE
/// or noticed in the Maildir (see [`Watch`]); when nothing announces it, the
/// mailbox is looked at every `wait.interval`. No answer: [`Error::NothingYet`].
pub fn fetch_wait(
    ws: &Workspace,
    config: &Config,
    path: &str,
    wait: AnswerWait,
    stop: &AtomicBool,
    tick: &mut dyn FnMut(Tick),
) -> Result<FetchOutcome> {
    let start = Instant::now();
    // Checked: `total` is bounded, so this never overflows.
    let end = start.checked_add(wait.total).unwrap_or(start);
    // Watching starts before the first look: no mail falls in between.
    let mut watch = Watch::open(config);
    // After the first look, only what came since is read.
    let mut mark = None;
    loop {
        let err = match fetch_response_since(ws, config, path, &mut mark) {
            Err(e @ Error::NothingYet(_)) => e,
            other => return other,
        };
        let now_ = Instant::now();
        if now_ >= end {
            return Err(err);
        }
        let next = if watch.polls() {
            now_.checked_add(wait.interval).unwrap_or(end).min(end)
        } else {
            end
        };
        loop {
            let t = Instant::now();
            if stop.load(Ordering::Relaxed) {
                return Err(err);
            }
            if t >= next {
                break;
            }
            tick(Tick {
                next_check: next.saturating_duration_since(t),
                left: end.saturating_duration_since(t),
            });
            let slice = Duration::from_secs(1).min(next.saturating_duration_since(t));
            if watch.wait(slice, stop) {
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_are_bounded() {
        let day = Duration::from_secs(86400);
        let ok = AnswerWait::with_interval(day, Duration::from_secs(5)).expect("a day is fine");
        assert_eq!(ok.total, day);
        for (total, interval) in [
            (Duration::from_secs(u64::MAX), Duration::from_secs(5)),
            (day, Duration::ZERO),
            (day, Duration::from_secs(u64::MAX)),
        ] {
            let e = AnswerWait::with_interval(total, interval).expect_err("refused");
            assert_eq!(e.exit_code(), 2);
        }
    }
}
