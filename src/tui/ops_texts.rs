//! The TUI's texts of operations (issue 14): days left in the tree, Étape
//! 3's certificate and renewal links, the deploy dialogs. See `i18n`.

use crate::i18n::Text;
use cleocps_core::text;

pub static OPS_TEXTS: &[Text] = &[
    // The tree's tag of a certified request (8 columns at most).
    text!("tui.tag.days", "{} j", "{} d"),
    text!("tui.tag.expired", "expiré", "expired"),
    text!("tui.tag.replaced", "remplacé", "replaced"),
];
