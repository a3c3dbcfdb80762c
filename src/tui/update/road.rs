//! The first run: which road the certificates come by. The platform's
//! needs no server of ours: a minimal configuration file (`{}`) is written
//! so the question is not asked again, and the tree is there. The card's
//! (a registration server by mail) opens the configuration screen on its
//! settings.

use super::start;
use crate::tui::action::Effect;
use crate::tui::jobs as work;
use crate::tui::modal::{Choose, Modal};
use crate::tui::App;

/// Asks the road; the platform's is the default.
pub fn ask(app: &mut App) {
    app.modal = Some(Modal::choice(Choose::Road, 0));
}

/// The road chosen: `0` the platform, `1` the card and a registration server.
pub(super) fn chosen(app: &mut App, sel: usize) -> Option<Effect> {
    if sel == 1 {
        super::config::open(app);
        if let Some(s) = app.config_screen.as_mut() {
            s.first_run = true;
        }
        return None;
    }
    let path = app.config_path.clone()?;
    start(
        app,
        work::SaveConfig {
            path,
            pairs: Vec::new(),
        },
    )
}
