//! Arguments of the operations commands (DESIGN §9a): `status`, `check`.

use clap::{Args, ValueEnum};
use std::path::PathBuf;

/// `cleocps check`: thresholds, format, where to write.
#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    /// WARNING when a certificate has this many days left or fewer
    #[arg(long, value_name = "DAYS", default_value_t = 30)]
    pub warn_days: u32,
    /// CRITICAL when a certificate has this many days left or fewer (or has expired)
    #[arg(long, value_name = "DAYS", default_value_t = 7)]
    pub critical_days: u32,
    /// Output: one nagios line with perfdata, JSON, or Prometheus text format
    #[arg(long, value_enum, default_value_t = CheckFormat::Nagios)]
    pub format: CheckFormat,
    /// Write the output to FILE atomically (e.g. node_exporter's textfile directory) instead of stdout
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Nagios,
    Json,
    Prometheus,
}

/// `cleocps keys password FOLDER/NAME`: change, add or remove the key's password.
#[derive(Debug, Clone, Args)]
pub struct KeyPasswordArgs {
    /// FOLDER/NAME
    pub path: String,
    /// File whose first line is the key's current password (asked on a terminal when the key has one)
    #[arg(long, value_name = "OLD")]
    pub key_password_file: Option<PathBuf>,
    /// File whose first line is the new password (asked twice on a terminal otherwise)
    #[arg(long, value_name = "NEW", conflicts_with = "no_key_password")]
    pub new_key_password_file: Option<PathBuf>,
    /// Remove the password: the key is written clear (not recommended)
    #[arg(long)]
    pub no_key_password: bool,
}
