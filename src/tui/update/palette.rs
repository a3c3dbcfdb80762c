//! The command palette's keys: typing filters, ↑↓ choose, Entrée runs the
//! action as its own key would on the main screen.

use crate::tui::action::{Action, Effect};
use crate::tui::modal::{Modal, PaletteModal};
use crate::tui::App;

pub(super) fn open(app: &mut App) {
    app.modal = Some(Modal::Palette(PaletteModal::default()));
}

pub(super) fn action(app: &mut App, mut m: PaletteModal, action: Action) -> Option<Effect> {
    let count = m.entries(app.lang).len();
    match action {
        Action::Edit(req) => {
            m.query.handle(req);
            m.sel = 0;
        }
        Action::Up => m.sel = m.sel.saturating_sub(1),
        Action::Down => m.sel = (m.sel + 1).min(count.saturating_sub(1)),
        Action::Submit => {
            // Nothing left after the filter: the palette stays open.
            if let Some(entry) = m.selected(app.lang) {
                return super::main_action(app, entry.action);
            }
        }
        _ => {}
    }
    app.modal = Some(Modal::Palette(m));
    None
}
