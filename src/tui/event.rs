//! The loop's one event type and its sources: a thread reading the
//! terminal, one waiting for signals, and the job threads.

use super::action::{JobId, JobOutcome};
use crossterm::event::{self, Event as Term, KeyEventKind};
use std::sync::mpsc::Sender;

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
}

/// Reads keys, pastes and resizes; blocks on the terminal, so an idle TUI does nothing.
pub fn spawn_input(tx: Sender<Event>) {
    std::thread::spawn(move || loop {
        let ev = match event::read() {
            Ok(Term::Key(k)) if k.kind != KeyEventKind::Release => Event::Key(k),
            Ok(Term::Resize(w, h)) => Event::Resize(w, h),
            Ok(Term::Paste(text)) => Event::Paste(text),
            Ok(_) => continue,
            Err(_) => Event::InputGone,
        };
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
