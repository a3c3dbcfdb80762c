//! `update` for what a job did that is worth a dialog: the files an export
//! wrote, the card's signature, an import's warnings. The job brings the
//! facts; the words are chosen here.

use super::set_info;
use crate::i18n::{t, tf};
use crate::tui::app::App;
use crate::tui::modal::{MessageModal, Modal};
use cleocps_core::procedure::{CardRequestReport, Notice};
use std::path::PathBuf;

fn report(app: &mut App, text: String) {
    app.modal = Some(Modal::Message(MessageModal {
        title: "tui.title.report",
        text,
        error: false,
    }));
}

/// The folder once, then the names: what an admin looks for.
pub(super) fn exported(app: &mut App, files: &[PathBuf], notice: Option<Notice>) {
    let lang = app.lang;
    let dir = files.first().and_then(|f| f.parent());
    let mut text = match dir {
        Some(d) if files.iter().all(|f| f.parent() == Some(d)) => {
            tf(lang, "tui.done.export_in", &[&d.display()])
        }
        _ => t(lang, "tui.done.export").to_string(),
    };
    for f in files {
        let name = match dir {
            Some(d) => f.strip_prefix(d).unwrap_or(f),
            None => f,
        };
        text.push_str(&format!("\n• {}", name.display()));
    }
    if let Some(n) = notice {
        text.push_str(&format!("\n\n⚠ {}", n.localize(lang)));
    }
    if let Some(last) = files.last() {
        set_info(
            app,
            format!("{} {}", t(lang, "tui.done.export"), last.display()),
        );
    }
    report(app, text);
}

pub(super) fn signed(app: &mut App, r: &CardRequestReport) {
    let lang = app.lang;
    let (p7m, eml) = (r.p7m.display(), r.eml.display());
    let text = tf(
        lang,
        "tui.done.card",
        &[&r.token_label, &r.holder.id, &p7m, &eml],
    );
    set_info(app, tf(lang, "tui.done.card_short", &[&p7m]));
    report(app, text);
}

pub(super) fn import_warnings(app: &mut App, warnings: &[String]) {
    let mut text = t(app.lang, "tui.import.warnings").to_string();
    for w in warnings {
        text.push_str("\n• ");
        text.push_str(w);
    }
    report(app, text);
}
