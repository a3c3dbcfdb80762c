//! SIGINT, SIGTERM and SIGHUP during a deploy are caught rather than
//! fatal, so the previous files come back before cleocps exits (with
//! 128 + the signal, as the shell would report it).

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::SigId;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// Notes the signals while it lives.
pub(super) struct Interrupt {
    caught: Arc<AtomicUsize>,
    ids: Vec<SigId>,
}

impl Interrupt {
    pub fn catch() -> std::io::Result<Interrupt> {
        let caught = Arc::new(AtomicUsize::new(0));
        let mut ids = Vec::new();
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            ids.push(signal_hook::flag::register_usize(
                signal,
                Arc::clone(&caught),
                signal as usize,
            )?);
        }
        Ok(Interrupt { caught, ids })
    }

    /// The signal received, if any.
    pub fn caught(&self) -> Option<i32> {
        match self.caught.load(Ordering::SeqCst) {
            0 => None,
            signal => i32::try_from(signal).ok(),
        }
    }
}

impl Drop for Interrupt {
    fn drop(&mut self) {
        for id in self.ids.drain(..) {
            signal_hook::low_level::unregister(id);
        }
    }
}

/// The signal's usual name, for the journal.
pub(super) fn name(signal: i32) -> &'static str {
    match signal {
        SIGINT => "SIGINT",
        SIGTERM => "SIGTERM",
        SIGHUP => "SIGHUP",
        _ => "a signal",
    }
}
