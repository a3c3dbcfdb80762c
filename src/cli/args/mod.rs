//! The command line (**contract**, DESIGN §2). Parsing only.

mod request;
mod services;

pub use request::*;
pub use services::*;

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "cleocps",
    version = env!("CLEOCPS_VERSION"),
    about = "Obtain the IGC-Santé software certificates of a structure (SERV SSL_SERV, S/MIME, SIGN, CONF; ORG AUTH_CLI, SIGN, CONF) from a terminal",
    long_about = "Obtain the IGC-Santé software certificates of a structure (SERV SSL_SERV, S/MIME, SIGN, CONF; ORG AUTH_CLI, SIGN, CONF) from a terminal.\n\
                  Without a command, opens the full-screen interface."
)]
pub struct Cli {
    /// Workspace directory (default: $CLEOCPS_HOME, else $XDG_DATA_HOME/cleocps)
    #[arg(long, global = true, value_name = "DIR")]
    pub workspace: Option<PathBuf>,
    /// Language of messages (default: from LANG)
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    /// Machine-readable output on stdout
    #[arg(long, global = true)]
    pub json: bool,
    /// Configuration file (default: $CLEOCPS_CONFIG, else $XDG_CONFIG_HOME/cleocps/config.json)
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    Fr,
    En,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Folders of requests
    #[command(subcommand)]
    Folder(FolderCmd),
    /// Certificate requests
    #[command(subcommand)]
    Request(RequestCmd),
    /// Étape 1: the RSA key pair
    #[command(subcommand)]
    Keys(KeysCmd),
    /// Étape 3: the registration server's answer
    #[command(subcommand)]
    Response(ResponseCmd),
    /// Étape 3: export the key and certificate
    #[command(subcommand)]
    Export(ExportCmd),
    /// Open the full-screen interface (the default)
    Tui {
        #[command(flatten)]
        card: CardArgs,
    },
    /// The configuration file
    #[command(subcommand)]
    Config(ConfigCmd),
    /// The directory (LDAP or JSON file): servers the card holder administers
    #[command(subcommand)]
    Directory(DirectoryCmd),
    /// The CPS card (PKCS#11) or the rehearsal soft token
    #[command(subcommand)]
    Card(CardCmd),
    /// Check what the card path needs, one line per check
    Doctor {
        #[command(flatten)]
        card: CardArgs,
        /// Registration server certificate (default: registration.certificate)
        #[arg(long, value_name = "FILE")]
        ra_cert: Option<PathBuf>,
    },
    /// Install the certificate where a service reads it, check, reload; roll back on failure
    Deploy(super::ops::args::DeployArgs),
    /// Every request holding a certificate: CN, serial, expiry, days left, soonest first
    Status,
    /// Monitoring: nagios line and exit code (0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN), JSON or Prometheus
    Check(super::ops::args::CheckArgs),
    /// Print the shell completion script (bash, zsh or fish)
    Completions {
        #[arg(value_enum)]
        shell: super::generate::ShellArg,
    },
    /// Print the man page, generated from this command line
    Manpage(super::generate::ManpageArgs),
    /// The IGC-Santé anchors and intermediates in use: list them, or export
    /// them for the system, curl or Java
    #[command(subcommand)]
    Trust(TrustCmd),
    /// The rehearsal registration server (tests, demos, training; not for production)
    #[command(subcommand)]
    Ra(RaCmd),
    /// CleoWizard: the whole procedure in one go
    Wizard(super::wizard::WizardArgs),
    /// Rehearsal: a sandbox with a test card, a registration server and local
    /// mail, then the interface on it — no card, no network needed
    Demo {
        /// Start again from a new sandbox
        #[arg(long)]
        reset: bool,
        /// Prepare the sandbox and print how to use it from the command line
        #[arg(long)]
        no_tui: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum TrustCmd {
    /// Every anchor and intermediate in use: subject, SHA-256, expiry, built-in or file
    Show,
    /// Write them as a PEM bundle, a .p7b, or a PKCS#12 truststore for Java
    Export {
        #[arg(long, value_enum)]
        format: TrustFormat,
        /// The file to write (not overwritten without --force)
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// The truststore's password (p12), first line of the file
        #[arg(long, value_name = "FILE")]
        password_file: Option<PathBuf>,
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum TrustFormat {
    Pem,
    P7b,
    P12,
}

#[derive(Debug, Subcommand)]
pub enum ConfigCmd {
    /// Validate the configuration and print what would be used
    Check,
    /// Set dotted keys (registration.address, smtp.host, trust.anchors…), validated, written 0600
    Set {
        /// KEY VALUE, repeated: keys set together are checked together
        #[arg(value_name = "KEY VALUE", num_args = 2.., required = true)]
        pairs: Vec<String>,
    },
    /// Print the value of a dotted key (JSON)
    Get { key: String },
}

#[derive(Debug, Subcommand)]
pub enum FolderCmd {
    /// Create a folder (default name "Dossier N")
    Create { name: Option<String> },
    /// List folders
    List,
    /// Rename a folder
    Rename { name: String, new: String },
    /// Delete a folder (with its requests only with --force)
    Delete {
        name: String,
        #[arg(long)]
        force: bool,
    },
}
