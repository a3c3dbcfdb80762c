//! Pick one of a few options (request type, key size, protection, PKCS#12
//! profile, card or CSR, how the key is exported).

use cleocps_core::pki::KeySize;
use cleocps_core::request::RequestType;
use cleocps_core::secret::Secret;
use std::path::PathBuf;

/// What is chosen, and what the flow gathered before.
#[derive(Debug, Clone)]
pub enum Choose {
    RequestType {
        folder: String,
    },
    KeySize {
        path: String,
        replace: bool,
    },
    KeyProtect {
        path: String,
        size: KeySize,
        replace: bool,
    },
    P12Profile {
        path: String,
        file: PathBuf,
        key_password: Option<Secret>,
        p12_password: Secret,
    },
    /// "Générer la demande": with the CPS card (default, where a
    /// registration server is configured and the type goes that way) or
    /// CSR only (the platform's road, the only one offered otherwise).
    RequestMode {
        path: String,
        card: bool,
    },
    /// The first run: which road the certificates come by.
    Road,
    /// The platform's key kept here under a password, or clear.
    PlatformKeyProtect {
        path: String,
        file: PathBuf,
        p12_password: Secret,
    },
    /// The exported key: under the key password, or clear.
    PemKey {
        path: String,
        /// `DIR/NAME`, as typed.
        out: PathBuf,
    },
}

impl Choose {
    /// Title and option text ids.
    pub fn texts(&self) -> (&'static str, &'static [&'static str]) {
        match self {
            Choose::RequestType { .. } => ("tui.choose.type", &TYPE_TEXTS),
            Choose::KeySize { .. } => (
                "tui.choose.key_size",
                &["tui.size.2048", "tui.size.3072", "tui.size.4096"],
            ),
            Choose::KeyProtect { .. } => {
                ("tui.choose.protect", &["tui.protect.yes", "tui.protect.no"])
            }
            Choose::P12Profile { .. } => (
                "tui.choose.p12_profile",
                &["tui.p12.modern", "tui.p12.legacy"],
            ),
            Choose::RequestMode { card: true, .. } => {
                ("tui.choose.mode", &["tui.mode.card", "tui.mode.csr"])
            }
            Choose::RequestMode { card: false, .. } => ("tui.choose.mode", &["tui.mode.csr"]),
            Choose::Road => ("tui.road.title", &["tui.road.platform", "tui.road.card"]),
            Choose::PlatformKeyProtect { .. } => {
                ("tui.choose.protect", &["tui.protect.yes", "tui.protect.no"])
            }
            Choose::PemKey { .. } => (
                "tui.choose.pem_key",
                &["tui.pem.protected", "tui.pem.clear"],
            ),
        }
    }

    /// A warning under the options when option `sel` is chosen: the clear
    /// key's only under "sans mot de passe".
    pub fn note_id(&self, sel: usize) -> Option<&'static str> {
        match self {
            Choose::PemKey { .. } if sel == 1 => Some("notice.clear_key"),
            _ => None,
        }
    }
}

/// The key sizes offered, in the order of their options.
pub const KEY_SIZES: [KeySize; 3] = [KeySize::B2048, KeySize::B3072, KeySize::B4096];
/// The request types offered, in the order of their options: every type
/// the platform issues.
pub const REQUEST_TYPES: [RequestType; 7] = RequestType::ALL;
/// Their options, by the platform's names.
const TYPE_TEXTS: [&str; 7] = [
    "tui.ptype.ssl",
    "tui.ptype.smime",
    "tui.ptype.serv_sign",
    "tui.ptype.serv_conf",
    "tui.ptype.org_auth_cli",
    "tui.ptype.org_sign",
    "tui.ptype.org_conf",
];

#[derive(Debug, Clone)]
pub struct ChoiceModal {
    pub what: Choose,
    /// The option under the cursor.
    pub sel: usize,
}

impl ChoiceModal {
    /// How many options there are.
    pub fn count(&self) -> usize {
        self.what.texts().1.len()
    }
}
