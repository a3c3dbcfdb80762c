//! Arguments of the operations commands (DESIGN §9a): `status`, `check`.

use clap::{Args, ValueEnum};
use cleocps_core::ops::Thresholds;
use std::path::PathBuf;

/// `cleocps check`: thresholds, format, where to write.
#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    /// WARNING when a certificate has this many days left or fewer (the platform reminds 60 days ahead)
    #[arg(long, value_name = "DAYS", default_value_t = Thresholds::default().warn_days as u32)]
    pub warn_days: u32,
    /// CRITICAL when a certificate has this many days left or fewer (or has expired: the platform cannot renew it)
    #[arg(long, value_name = "DAYS", default_value_t = Thresholds::default().critical_days as u32)]
    pub critical_days: u32,
    /// Output: one nagios line with perfdata, JSON, or Prometheus text format
    #[arg(long, value_enum, default_value_t = CheckFormat::Nagios)]
    pub format: CheckFormat,
    /// Write the output to FILE atomically (e.g. node_exporter's textfile directory) instead of stdout
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Ask the OCSP responder or CRL whether each certificate is revoked (default: revocation.mode)
    #[arg(long, value_enum, value_name = "MODE")]
    pub revocation: Option<RevocationArg>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RevocationArg {
    Auto,
    Off,
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

/// `cleocps deploy FOLDER/NAME` (DESIGN §4b): where the certificate goes and
/// how the service takes it. Without any target, the saved profile is used.
#[derive(Debug, Clone, Args)]
pub struct DeployArgs {
    /// FOLDER/NAME
    pub path: String,
    /// Install the certificate (PEM) here
    #[arg(long, value_name = "F")]
    pub cert: Option<PathBuf>,
    /// Install the key here (clear PKCS#8, mode 0600, unless --encrypted-key / --key-mode)
    #[arg(long, value_name = "F")]
    pub key: Option<PathBuf>,
    /// Install the CA chain (PEM) here
    #[arg(long, value_name = "F")]
    pub chain: Option<PathBuf>,
    /// Install certificate + intermediates (nginx's ssl_certificate) here
    #[arg(long, value_name = "F")]
    pub fullchain: Option<PathBuf>,
    /// Owner of the installed files: existing names, or numeric ids taken as given (needs root)
    #[arg(long, value_name = "USER:GROUP")]
    pub owner: Option<String>,
    /// Mode of the certificate files, octal (default 0644)
    #[arg(long, value_name = "MODE")]
    pub mode: Option<String>,
    /// Mode of the key, octal (default 0600; nothing for others)
    #[arg(long, value_name = "MODE")]
    pub key_mode: Option<String>,
    /// Install the key encrypted under its password
    #[arg(long)]
    pub encrypted_key: bool,
    /// Run after the swap (sh -c), e.g. "nginx -t"; on failure the previous files come back
    #[arg(long, value_name = "CMD")]
    pub check: Option<String>,
    /// Run after a good check (sh -c), e.g. "systemctl reload nginx"; on failure the previous files come back and it runs again
    #[arg(long, value_name = "CMD")]
    pub reload: Option<String>,
    /// Seconds --check and --reload may each run before they (and what they started) are killed (default 120)
    #[arg(long, value_name = "S", value_parser = clap::value_parser!(u64).range(1..))]
    pub command_timeout: Option<u64>,
    /// A target that is a symbolic link: replace the file it points to (never followed otherwise; only links of root or yours)
    #[arg(long)]
    pub follow_symlinks: bool,
    /// Keep this profile in request.json: `deploy FOLDER/NAME` alone reuses it, a renewal inherits it
    #[arg(long)]
    pub save: bool,
    /// File whose first line is the stored key's password (to write the key out)
    #[arg(long, value_name = "F")]
    pub key_password_file: Option<PathBuf>,
}
