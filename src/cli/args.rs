//! The command line (**contract**, DESIGN §2 and issue texts). Parsing only.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "cleocps",
    version = env!("CLEOCPS_VERSION"),
    about = "Obtain health-PKI server certificates (SSL, S/MIME) from a terminal",
    long_about = "Obtain health-PKI server certificates (SSL, S/MIME) from a terminal.\n\
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

#[derive(Debug, Subcommand)]
pub enum RequestCmd {
    /// Create a request: FOLDER/NAME (or FOLDER for the default name "Demande N")
    Create {
        path: String,
        #[arg(long = "type", value_enum)]
        kind: TypeArg,
    },
    /// List requests
    List,
    /// Show a request (state, form, journal, certificate)
    Show { path: String },
    /// Delete a request
    Delete {
        path: String,
        /// Also a request holding an issued certificate
        #[arg(long)]
        force: bool,
    },
    /// Étape 2: edit the form (only before the request is generated)
    Edit(EditArgs),
    /// Étape 2: generate the request
    Generate(GenerateArgs),
    /// Étape 2: mail the signed request (.p7m) to the registration server
    Send { path: String },
    /// A new request pre-filled from this one (renewal, or start over after a rejection)
    Renew {
        path: String,
        /// Name of the new request (default "Demande N")
        #[arg(long)]
        name: Option<String>,
    },
    /// Take in a key and certificate obtained elsewhere (Windows CleoCPS, the IGC-Santé portal)
    Adopt(super::adopt::AdoptArgs),
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum TypeArg {
    Ssl,
    Smime,
}

#[derive(Debug, Args)]
pub struct EditArgs {
    pub path: String,
    /// Server FQDN (SSL)
    #[arg(long, value_name = "FQDN")]
    pub cn: Option<String>,
    /// Server e-mail address (S/MIME)
    #[arg(long, value_name = "ADDR")]
    pub email: Option<String>,
    /// Extra DNS name (SSL), repeatable; replaces the list
    #[arg(long, value_name = "DNS")]
    pub san: Vec<String>,
    /// Remove every extra DNS name
    #[arg(long, conflicts_with = "san")]
    pub clear_san: bool,
    /// Organisation (raison sociale)
    #[arg(long)]
    pub o: Option<String>,
    /// Structure identifier (type digit + number)
    #[arg(long)]
    pub ou: Option<String>,
    /// Département, e.g. "Sarthe (72)"
    #[arg(long)]
    pub st: Option<String>,
    /// City
    #[arg(long)]
    pub l: Option<String>,
    /// Country (default FR)
    #[arg(long)]
    pub c: Option<String>,
    /// Accept a leading "*." in names
    #[arg(long)]
    pub allow_wildcard: bool,
}

#[derive(Debug, Args)]
pub struct GenerateArgs {
    pub path: String,
    /// A PKCS#10 CSR only, for a web portal (no card)
    #[arg(long, conflicts_with = "card")]
    pub csr_only: bool,
    /// Signed and encrypted with the CPS card (.p7m for the registration server)
    #[arg(long = "card")]
    pub card: bool,
    /// File whose first line is the key password
    #[arg(long, value_name = "F")]
    pub key_password_file: Option<PathBuf>,
    #[command(flatten)]
    pub card_args: CardArgs,
    #[command(flatten)]
    pub pin: PinArgs,
    /// Registration server certificate (default: registration.certificate)
    #[arg(long, value_name = "FILE")]
    pub ra_cert: Option<PathBuf>,
}

/// The card PIN ("code porteur").
#[derive(Debug, Clone, Default, Args)]
pub struct PinArgs {
    /// File whose first line is the PIN (scripts); otherwise asked on the terminal
    #[arg(long, value_name = "F")]
    pub pin_file: Option<PathBuf>,
    /// Allow a non-interactive run to use the card's last PIN try
    #[arg(long)]
    pub allow_last_pin_try: bool,
}

#[derive(Debug, Subcommand)]
pub enum KeysCmd {
    /// Generate the RSA key pair
    Generate {
        path: String,
        /// Key size: 2048 (default), 3072 or 4096
        #[arg(long)]
        bits: Option<u32>,
        /// 1024-bit key for legacy systems (IGC-Santé requires 2048)
        #[arg(long)]
        legacy_1024: bool,
        /// File whose first line is the new key password
        #[arg(long, value_name = "F", conflicts_with = "no_key_password")]
        key_password_file: Option<PathBuf>,
        /// Write the key without a password (not recommended)
        #[arg(long)]
        no_key_password: bool,
        /// Replace keys already generated
        #[arg(long)]
        replace: bool,
    },
    /// Change, add or remove the key's password (the key itself stays)
    Password(super::ops::args::KeyPasswordArgs),
}

#[derive(Debug, Subcommand)]
pub enum ResponseCmd {
    /// Import the answer: smime.p7c or .p7b (DER, BER or PEM), PEM bundle,
    /// certificate, their base64 text, or a saved mail (.eml) holding them
    Import {
        path: String,
        /// The answer's file; `-`: read it from standard input (paste, then Ctrl-D)
        file: PathBuf,
        /// Accepted for symmetry; the answer is matched by public key, no password needed
        #[arg(long, value_name = "F")]
        key_password_file: Option<PathBuf>,
        #[command(flatten)]
        trust: TrustArgs,
    },
    /// Record a rejection read outside cleocps (portal, phone, another mailbox)
    Reject {
        /// FOLDER/NAME, in request_generated or sent
        path: String,
        /// The rejection code, e.g. ADMIN_INCONNU (A-Z, digits, _; at most 40)
        #[arg(long)]
        code: String,
        /// The explanation given with it
        #[arg(long)]
        reason: Option<String>,
    },
    /// Look for the answer in the mailbox; import it or record the rejection
    Fetch {
        /// FOLDER/NAME (or --all)
        #[arg(required_unless_present = "all", conflicts_with = "all")]
        path: Option<String>,
        /// Every sent request
        #[arg(long)]
        all: bool,
        /// Check again until an answer comes, at most SECONDS (Ctrl-C stops)
        #[arg(long, value_name = "SECONDS", conflicts_with = "all")]
        wait: Option<u64>,
        /// Not needed (the answer is matched with the CSR); accepted for scripts
        #[arg(long, value_name = "F")]
        key_password_file: Option<PathBuf>,
        #[command(flatten)]
        trust: TrustArgs,
    },
}

#[derive(Debug, Subcommand)]
pub enum ExportCmd {
    /// <name>.key, .crt, .chain.pem, .fullchain.pem into a directory
    Pem {
        path: String,
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        #[arg(long, value_name = "F")]
        key_password_file: Option<PathBuf>,
        /// Write the exported key without a password
        #[arg(long)]
        no_key_password: bool,
        /// Overwrite existing files
        #[arg(long)]
        force: bool,
    },
    /// A PKCS#12 (.p12) under its own password
    P12 {
        path: String,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        #[arg(long, value_name = "F")]
        p12_password_file: Option<PathBuf>,
        #[arg(long, value_name = "F")]
        key_password_file: Option<PathBuf>,
        /// 3DES and SHA-1 MAC, for old Windows and Java
        #[arg(long)]
        legacy: bool,
        /// Overwrite an existing file
        #[arg(long)]
        force: bool,
    },
}
