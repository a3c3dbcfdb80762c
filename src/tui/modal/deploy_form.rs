//! Étape 3's first deploy: the form of a deploy profile (DESIGN §4b) —
//! where each file goes, owner and modes, check and reload commands — as
//! `cleocps deploy … --save` takes them. Empty fields are left out.

use cleocps_core::deploy::DeployProfile;
use std::path::PathBuf;
use tui_input::Input;

/// The form's fields in screen order: their labels' text ids.
pub const DEPLOY_FIELDS: [&str; 9] = [
    "tui.dform.fullchain",
    "tui.dform.cert",
    "tui.dform.key",
    "tui.dform.chain",
    "tui.dform.owner",
    "tui.dform.mode",
    "tui.dform.key_mode",
    "tui.dform.check",
    "tui.dform.reload",
];

#[derive(Debug, Clone)]
pub struct DeployFormModal {
    pub path: String,
    /// One input per [`DEPLOY_FIELDS`] entry.
    pub inputs: Vec<Input>,
    pub focus: usize,
    /// Why the profile is refused, in the user's language.
    pub error: Option<String>,
    /// The request's key is stored under a password: writing it clear
    /// needs that password (asked next, never in the form).
    pub key_encrypted: bool,
}

impl DeployFormModal {
    pub fn new(path: String, key_encrypted: bool) -> DeployFormModal {
        DeployFormModal {
            path,
            inputs: vec![Input::default(); DEPLOY_FIELDS.len()],
            focus: 0,
            error: None,
            key_encrypted,
        }
    }

    fn value(&self, id: &str) -> Option<String> {
        let i = DEPLOY_FIELDS.iter().position(|f| *f == id)?;
        let v = self.inputs.get(i)?.value().trim().to_string();
        (!v.is_empty()).then_some(v)
    }

    /// The profile as typed (not yet checked).
    pub fn profile(&self) -> DeployProfile {
        let path = |id| self.value(id).map(PathBuf::from);
        DeployProfile {
            fullchain: path("tui.dform.fullchain"),
            cert: path("tui.dform.cert"),
            key: path("tui.dform.key"),
            chain: path("tui.dform.chain"),
            owner: self.value("tui.dform.owner"),
            mode: self.value("tui.dform.mode"),
            key_mode: self.value("tui.dform.key_mode"),
            check: self.value("tui.dform.check"),
            reload: self.value("tui.dform.reload"),
            ..DeployProfile::default()
        }
    }
}
