//! Masked inputs (key and PKCS#12 passwords). What is typed lives only
//! here (zeroized on drop) and leaves as a `Secret` for the next dialog of
//! the flow or for the job.

use cleocps_core::pki::KeySize;
use cleocps_core::secret::Secret;
use std::path::PathBuf;
use zeroize::Zeroizing;

/// What a key password is asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Then {
    /// Étape 3's deploy, which writes the key out clear: the saved
    /// profile, or the deploy form's (saved once it has run).
    Deploy {
        path: String,
        /// Boxed: a profile is large beside the other questions.
        profile: Option<Box<cleocps_core::deploy::DeployProfile>>,
    },
    Csr {
        path: String,
    },
    Pem {
        path: String,
        /// `DIR/NAME`, as typed.
        out: PathBuf,
        clear: bool,
    },
    P12 {
        path: String,
        file: PathBuf,
    },
    /// The card path: the key password first, then the card probe.
    Card {
        path: String,
    },
}

/// What the secret is for. `twice` ones have a second field that must match.
#[derive(Debug, Clone)]
pub enum Hidden {
    NewKeyPassword {
        path: String,
        size: KeySize,
        replace: bool,
    },
    KeyPassword {
        then: Then,
    },
    /// The key password was wrong: typed again, `retry` runs with it.
    KeyPasswordAgain {
        retry: Box<crate::tui::action::Job>,
    },
    P12Password {
        path: String,
        file: PathBuf,
        key_password: Option<Secret>,
    },
    /// The password of the platform's `.p12`, as the platform had it chosen.
    PlatformP12Password {
        path: String,
        file: PathBuf,
    },
    /// The password to keep the platform's key under here.
    PlatformKeyPassword {
        path: String,
        file: PathBuf,
        p12_password: Secret,
    },
}

impl Hidden {
    pub fn twice(&self) -> bool {
        !matches!(
            self,
            Hidden::KeyPassword { .. }
                | Hidden::KeyPasswordAgain { .. }
                | Hidden::PlatformP12Password { .. }
        )
    }

    pub fn title_id(&self) -> &'static str {
        match self {
            Hidden::NewKeyPassword { .. } => "tui.secret.new_key",
            Hidden::KeyPassword { .. } | Hidden::KeyPasswordAgain { .. } => "tui.secret.key",
            Hidden::P12Password { .. } => "tui.secret.p12",
            Hidden::PlatformP12Password { .. } => "tui.p12in.password",
            Hidden::PlatformKeyPassword { .. } => "tui.secret.new_key",
        }
    }

    pub fn advice_id(&self) -> &'static str {
        match self {
            Hidden::NewKeyPassword { .. } => "tui.secret.new_key.advice",
            Hidden::KeyPassword { .. } | Hidden::KeyPasswordAgain { .. } => "tui.secret.key.advice",
            Hidden::P12Password { .. } => "tui.secret.p12.advice",
            Hidden::PlatformP12Password { .. } => "tui.p12in.password.advice",
            Hidden::PlatformKeyPassword { .. } => "tui.secret.new_key.advice",
        }
    }
}

#[derive(Debug, Clone)]
pub struct SecretModal {
    pub what: Hidden,
    pub first: Zeroizing<String>,
    /// The confirmation, when `what` is asked twice.
    pub second: Zeroizing<String>,
    /// The cursor is on the second field.
    pub on_second: bool,
    /// Why Enter was refused (empty, or the two differ).
    pub error: Option<String>,
}

impl SecretModal {
    /// Empty fields, the cursor on the first.
    pub fn new(what: Hidden) -> SecretModal {
        SecretModal {
            what,
            first: Zeroizing::new(String::new()),
            second: Zeroizing::new(String::new()),
            on_second: false,
            error: None,
        }
    }

    /// The field under the cursor.
    pub fn focused_mut(&mut self) -> &mut Zeroizing<String> {
        if self.on_second {
            &mut self.second
        } else {
            &mut self.first
        }
    }
}
