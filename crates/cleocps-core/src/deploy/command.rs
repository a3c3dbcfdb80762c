//! The check and reload commands: `sh -c` in their own process group,
//! killed with it after the timeout or on an interruption; their output
//! (stdout and stderr on one pipe) read as it comes and bounded, and not
//! waited for once the shell has exited (a daemon a reload starts keeps the
//! pipe open). No secret is ever in their argv or environment: cleocps
//! reads secrets from files and never exports them.

use super::interrupt::Interrupt;
use crate::error::{Error, Result};
use std::io::{ErrorKind, PipeReader, Read};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Most of a command's output kept in memory while it runs (its end).
const READ_LIMIT: usize = 64 * 1024;
/// Most of a command's output kept for the journal and the fronts (its end, where errors are).
const KEEP: usize = 4000;
/// How often a running command is looked at.
const TICK: Duration = Duration::from_millis(10);

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CommandRun {
    pub command: String,
    pub success: bool,
    pub exit_code: Option<i32>,
    /// Killed at this timeout, in seconds (then `success` is false).
    pub timed_out_after: Option<u64>,
    /// stdout then stderr, cut to the last few thousand characters.
    pub output: String,
}

/// How a command ended.
pub(super) enum Ended {
    Ran(CommandRun),
    /// A signal reached cleocps while it ran: its process group was killed.
    Interrupted(i32),
}

pub(super) fn run(
    command: &str,
    timeout: Duration,
    interrupt: Option<&Interrupt>,
) -> Result<Ended> {
    let sh = |e| Error::io("sh", e);
    let (mut reader, mut child) = {
        let (reader, writer) = std::io::pipe().map_err(sh)?;
        // The command (and the write ends it holds) is dropped here: only
        // the child's descendants keep the pipe open.
        let child = Command::new("sh")
            .args(["-c", command])
            .stdin(Stdio::null())
            .stdout(writer.try_clone().map_err(sh)?)
            .stderr(writer)
            .process_group(0)
            .spawn()
            .map_err(sh)?;
        (reader, child)
    };
    rustix::fs::fcntl_setfl(&reader, rustix::fs::OFlags::NONBLOCK).map_err(|e| sh(e.into()))?;
    let mut output = Vec::new();
    let start = Instant::now();
    let status = loop {
        drain(&mut reader, &mut output);
        if let Some(status) = child.try_wait().map_err(sh)? {
            break Some(status);
        }
        if let Some(signal) = interrupt.and_then(Interrupt::caught) {
            kill_group(&mut child);
            return Ok(Ended::Interrupted(signal));
        }
        if start.elapsed() >= timeout {
            kill_group(&mut child);
            break None;
        }
        std::thread::sleep(TICK);
    };
    drain(&mut reader, &mut output);
    // A signal that came while it ran (the command may have sent it) counts as during it.
    if let Some(signal) = interrupt.and_then(Interrupt::caught) {
        return Ok(Ended::Interrupted(signal));
    }
    let text = String::from_utf8_lossy(&output);
    let cut = text.char_indices().rev().nth(KEEP).map_or(0, |(i, _)| i);
    Ok(Ended::Ran(CommandRun {
        command: command.to_string(),
        success: status.is_some_and(|s| s.success()),
        exit_code: status.and_then(|s| s.code()),
        timed_out_after: status.is_none().then_some(timeout.as_secs()),
        output: text[cut..].trim_end().to_string(),
    }))
}

/// Reads what the pipe holds now (a bounded amount, so a command that
/// writes without end is still timed), keeping the last [`READ_LIMIT`] bytes.
fn drain(reader: &mut PipeReader, output: &mut Vec<u8>) {
    let mut buf = [0u8; 8192];
    for _ in 0..64 {
        match reader.read(&mut buf) {
            Ok(0) => return,
            Ok(n) => {
                output.extend_from_slice(&buf[..n]);
                if output.len() > 2 * READ_LIMIT {
                    output.drain(..output.len() - READ_LIMIT);
                }
            }
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(_) => return,
        }
    }
}

/// Kills the command and everything it started (its process group).
fn kill_group(child: &mut Child) {
    if let Some(pid) = rustix::process::Pid::from_raw(child.id() as i32) {
        let _ = rustix::process::kill_process_group(pid, rustix::process::Signal::KILL);
    }
    let _ = child.wait();
}
