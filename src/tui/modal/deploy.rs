//! Étape 3's deploy: the saved profile shown before it runs (yes runs it),
//! and the result dialog with the check and reload output.

use cleocps_core::deploy::DeployProfile;

/// "Déployer" asked: the saved profile, shown as it will run.
#[derive(Debug, Clone)]
pub struct DeployModal {
    pub path: String,
    pub profile: DeployProfile,
    /// The key is stored encrypted and goes out clear: its password is
    /// asked (next dialog) before the job starts, never inside it.
    pub needs_key_password: bool,
}

/// What a deploy did (or why it was undone), with the commands' output:
/// already sanitised lines, scrolled with ↑/↓.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputModal {
    /// Text id of the title.
    pub title: &'static str,
    pub lines: Vec<String>,
    /// Drawn as an error (the previous files were put back).
    pub error: bool,
    pub scroll: usize,
}
