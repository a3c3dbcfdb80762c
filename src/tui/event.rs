//! The loop's one event type and its sources: a thread reading the
//! terminal, one waiting for signals, and the job threads.

use super::action::{JobId, JobOutcome};
use crossterm::event::{self, Event as Term, KeyEventKind};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

/// How long one look at the terminal lasts: the most a pause waits.
const POLL: Duration = Duration::from_millis(150);

#[derive(Debug)]
pub enum Event {
    Key(crossterm::event::KeyEvent),
    /// A bracketed paste, whole: never split into keys.
    Paste(String),
    Resize(u16, u16),
    Job(JobId, JobOutcome),
    /// SIGTERM or SIGHUP (the SSH session dropped): restore and leave.
    Signal(i32),
    /// The terminal can't be read any more.
    InputGone,
    /// A spinner period went by while jobs run (the loop's own timeout).
    Tick,
    /// Nothing happened for a long while (the loop's own timeout).
    Idle,
}

/// Keeps the input thread off the terminal while a child (the shell of
/// "Accéder aux fichiers") owns it: a read from the background would stop
/// cleocps (SIGTTIN) or fail (EIO) and end it, would take the child's keys,
/// and holds crossterm's reader, which ratatui needs to redraw after.
#[derive(Clone, Default)]
pub struct InputGate {
    paused: Arc<AtomicBool>,
    reading: Arc<Mutex<()>>,
}

/// While alive, the input thread does not touch the terminal.
pub struct InputPause<'a> {
    gate: &'a InputGate,
    _reading: MutexGuard<'a, ()>,
}

impl InputGate {
    /// Waits for the current look at the terminal to end (at most [`POLL`]).
    pub fn pause(&self) -> InputPause<'_> {
        self.paused.store(true, Ordering::SeqCst);
        let reading = self.reading.lock().unwrap_or_else(PoisonError::into_inner);
        InputPause {
            gate: self,
            _reading: reading,
        }
    }
}

impl Drop for InputPause<'_> {
    fn drop(&mut self) {
        self.gate.paused.store(false, Ordering::SeqCst);
    }
}

/// One event, or `None` when nothing came within [`POLL`] or input is paused.
fn next(gate: &InputGate) -> Option<Event> {
    if gate.paused.load(Ordering::SeqCst) {
        std::thread::sleep(POLL);
        return None;
    }
    let _reading = gate.reading.lock().unwrap_or_else(PoisonError::into_inner);
    if gate.paused.load(Ordering::SeqCst) {
        return None;
    }
    match event::poll(POLL) {
        Ok(false) => return None,
        Ok(true) => {}
        Err(_) => return Some(Event::InputGone),
    }
    match event::read() {
        Ok(Term::Key(k)) if k.kind != KeyEventKind::Release => Some(Event::Key(k)),
        Ok(Term::Resize(w, h)) => Some(Event::Resize(w, h)),
        Ok(Term::Paste(text)) => Some(Event::Paste(text)),
        Ok(_) => None,
        Err(_) => Some(Event::InputGone),
    }
}

/// Reads keys, pastes and resizes (looking at the terminal only: an idle
/// TUI sends nothing), except while `gate` is paused.
pub fn spawn_input(tx: Sender<Event>, gate: InputGate) {
    std::thread::spawn(move || loop {
        let Some(ev) = next(&gate) else { continue };
        let gone = matches!(ev, Event::InputGone);
        if tx.send(ev).is_err() || gone {
            return;
        }
    });
}

/// Turns SIGTERM and SIGHUP into events, so the loop restores the terminal.
pub fn spawn_signals(tx: Sender<Event>) -> std::io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP])?;
    std::thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            let _ = tx.send(Event::Signal(sig));
        }
    });
    Ok(())
}
