//! The check and reload commands: `sh -c`, output captured for the journal
//! and the fronts. No secret is ever in their argv or environment: cleocps
//! reads secrets from files and never exports them.

use crate::error::{Error, Result};
use std::process::{Command, Stdio};

/// Most of a command's output kept (its end, where errors are).
const KEEP: usize = 4000;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CommandRun {
    pub command: String,
    pub success: bool,
    pub exit_code: Option<i32>,
    /// stdout then stderr, cut to the last few thousand characters.
    pub output: String,
}

pub(super) fn run(command: &str) -> Result<CommandRun> {
    let out = Command::new("sh")
        .args(["-c", command])
        .stdin(Stdio::null())
        .output()
        .map_err(|e| Error::io("sh", e))?;
    let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&out.stderr));
    let cut = text.char_indices().rev().nth(KEEP).map_or(0, |(i, _)| i);
    Ok(CommandRun {
        command: command.to_string(),
        success: out.status.success(),
        exit_code: out.status.code(),
        output: text[cut..].trim_end().to_string(),
    })
}
