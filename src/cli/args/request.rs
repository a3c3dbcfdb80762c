//! Arguments of the request's life cycle: `request`, `keys`, `response`,
//! `export` (DESIGN §2).

use super::*;
#[derive(Debug, Subcommand)]
pub enum RequestCmd {
    /// Create a request: FOLDER/NAME (or FOLDER for the default name "Demande N")
    Create {
        path: String,
        /// The request type, as the platform's offer and usage
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
    Adopt(crate::cli::adopt::AdoptArgs),
}

/// The request's type (DESIGN §2a): the platform's offer and usage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TypeArg {
    /// SERV SSL_SERV: a TLS server (FQDN)
    Ssl,
    /// SERV S/MIME: a server's mailbox
    Smime,
    /// SERV SIGN: a server that signs (FQDN)
    ServSign,
    /// SERV CONF: a server that deciphers (FQDN)
    ServConf,
    /// ORG AUTH_CLI: a service authenticating as a client (INSi: INSI-AUTO or INSI-MANU, DMP)
    OrgAuthCli,
    /// ORG SIGN: a service that signs documents
    OrgSign,
    /// ORG CONF: a service that deciphers
    OrgConf,
}

impl From<TypeArg> for cleocps_core::request::RequestType {
    fn from(arg: TypeArg) -> Self {
        use cleocps_core::request::RequestType as T;
        match arg {
            TypeArg::Ssl => T::Ssl,
            TypeArg::Smime => T::Smime,
            TypeArg::ServSign => T::ServSign,
            TypeArg::ServConf => T::ServConf,
            TypeArg::OrgAuthCli => T::OrgAuthCli,
            TypeArg::OrgSign => T::OrgSign,
            TypeArg::OrgConf => T::OrgConf,
        }
    }
}

#[derive(Debug, Args)]
pub struct EditArgs {
    pub path: String,
    /// Server FQDN (SSL, SERV SIGN/CONF), or the service name (ORG types: INSI-AUTO, INSI-MANU…)
    #[arg(long, value_name = "CN")]
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
    Password(crate::cli::ops::args::KeyPasswordArgs),
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
    /// Take the platform's .p12 when it made the key: the request then holds that key and its certificate
    ImportP12 {
        path: String,
        /// The .p12 withdrawn from the platform
        #[arg(long, value_name = "FILE")]
        p12: PathBuf,
        /// File whose first line is the PKCS#12 password
        #[arg(long, value_name = "F")]
        p12_password_file: Option<PathBuf>,
        /// File whose first line is the password the key is kept under in the workspace
        #[arg(long, value_name = "F", conflicts_with = "no_key_password")]
        key_password_file: Option<PathBuf>,
        /// Keep the key without a password (not recommended)
        #[arg(long)]
        no_key_password: bool,
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
        /// Base name of the files (default: the request's name), e.g. the FQDN
        #[arg(long, value_name = "NAME")]
        name: Option<String>,
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
