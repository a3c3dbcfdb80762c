//! Arguments of the services cleocps talks to: the rehearsal registration
//! server (`ra`), the card, the trust anchors and the directory.

use super::*;
#[derive(Debug, Subcommand)]
pub enum RaCmd {
    /// Create a registration server: test CAs, its certificate, a card CA
    Init {
        dir: PathBuf,
        /// Trust this card CA (PEM/DER) instead of making one
        #[arg(long, value_name = "CERT")]
        card_ca: Option<PathBuf>,
        /// Size of the root and issuing CA keys: 2048, 3072 (default) or 4096
        #[arg(long, value_name = "BITS")]
        ca_bits: Option<u32>,
        /// Replace an existing server (directory.json and seen/ are kept)
        #[arg(long)]
        force: bool,
    },
    /// Make a test card holder (certificate + key) from the server's card CA
    Card {
        dir: PathBuf,
        #[arg(long, value_name = "ID")]
        holder_id: String,
        #[arg(long, value_name = "S")]
        surname: String,
        #[arg(long, value_name = "G")]
        given_name: String,
        #[arg(long, value_name = "C")]
        out_cert: PathBuf,
        /// Written without password, mode 0600
        #[arg(long, value_name = "K")]
        out_key: PathBuf,
        /// Validity of the card certificate in days
        #[arg(long, default_value_t = 1095)]
        days: u32,
        /// Overwrite existing files
        #[arg(long)]
        force: bool,
    },
    /// Handle one request: .p7m in, smime.p7c (or a REJET text) out
    Process {
        dir: PathBuf,
        request: PathBuf,
        #[arg(long, value_name = "ANSWER")]
        out: PathBuf,
        /// JSON directory (default: directory_file of the configuration, else DIR's)
        #[arg(long, value_name = "FILE")]
        directory: Option<PathBuf>,
    },
    /// Act as the IGC-Santé platform: issue any request type, for a CSR
    /// (certificate and chain) or for a key it makes (the platform's .p12)
    Issue(crate::cli::ra_issue::IssueArgs),
    /// Answer request mails: read the mailbox (imap/maildir) and answer
    /// (smtp/sendmail/outbox) as the configuration says
    Serve {
        dir: PathBuf,
        /// Seconds between two looks at the mailbox
        #[arg(long, value_name = "SECONDS", default_value_t = 5)]
        interval: u64,
        /// One look, then stop
        #[arg(long)]
        once: bool,
    },
    /// Revoke a certificate this server issued (its CRL and OCSP answers say so)
    Revoke {
        dir: PathBuf,
        /// Serial number in hexadecimal, as `cleocps status` shows it
        serial: String,
        #[arg(long, value_name = "R", default_value = "unspecified", value_parser = reasons())]
        reason: String,
    },
    /// Publish the CRL over HTTP and answer OCSP on 127.0.0.1; certificates
    /// issued from then on point at this address
    RevocationServe {
        dir: PathBuf,
        /// Loopback address and port (port 0: any free one, printed)
        #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8089")]
        listen: std::net::SocketAddr,
    },
}

/// The RFC 5280 reason names `ra revoke` takes.
fn reasons() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(
        cleocps_core::revocation::REASONS
            .iter()
            .map(|(name, _)| *name),
    )
}

/// How to reach the card.
#[derive(Debug, Clone, Default, Args)]
pub struct CardArgs {
    /// PKCS#11 module (default: $CLEOCPS_PKCS11_MODULE, config, CPS defaults, p11-kit)
    #[arg(long, value_name = "PATH")]
    pub pkcs11_module: Option<PathBuf>,
    /// Token label, when several cards are present
    #[arg(long, value_name = "LABEL")]
    pub token_label: Option<String>,
    /// Rehearsal soft token file instead of a card
    #[arg(long, value_name = "FILE")]
    pub soft_token: Option<PathBuf>,
}

/// Extra trust anchors for one command (DESIGN §4a): `response import`,
/// `response fetch` and `request adopt`.
#[derive(Debug, Clone, Default, Args)]
pub struct TrustArgs {
    /// Also trust this CA certificate (PEM) as an anchor; repeatable (adds to trust.anchors)
    #[arg(long = "trust-anchor", value_name = "FILE")]
    pub anchors: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum CardCmd {
    /// Modules found, slots, tokens, labels, PIN flags
    List {
        #[command(flatten)]
        card: CardArgs,
    },
    /// The selected token, its holder and certificate validity
    Status {
        #[command(flatten)]
        card: CardArgs,
    },
    /// On the workstation: export the card for a server reached over SSH
    Share {
        #[command(flatten)]
        card: CardArgs,
        /// Open the SSH session to USER@HOST with the card forwarded, and stop when it ends
        #[arg(long, value_name = "USER@HOST")]
        ssh: Option<String>,
        /// Extra ssh option (-o), repeatable, e.g. Port=2222
        #[arg(long = "ssh-option", value_name = "OPT")]
        ssh_options: Vec<String>,
        /// Socket path on the server (default: ~USER/.cleocps/card.sock)
        #[arg(long, value_name = "PATH")]
        remote_socket: Option<PathBuf>,
        /// Command to run on the server instead of a shell (after --)
        #[arg(last = true)]
        command: Vec<String>,
    },
    /// Create a rehearsal soft token from a holder certificate and key
    SoftInit {
        file: PathBuf,
        #[arg(long, value_name = "C")]
        holder_cert: PathBuf,
        /// Holder key, PKCS#8 PEM without password
        #[arg(long, value_name = "K")]
        holder_key: PathBuf,
        #[arg(long, value_name = "F")]
        pin_file: Option<PathBuf>,
        /// Replace an existing soft token file
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum DirectoryCmd {
    /// List the servers a holder administers (FQDN, e-mail, structure, département)
    Lookup {
        /// Card holder identifier (default: the holder of the card)
        #[arg(long, value_name = "ID")]
        holder: Option<String>,
        #[command(flatten)]
        card: CardArgs,
    },
}
