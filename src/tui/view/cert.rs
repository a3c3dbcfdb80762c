//! Étape 3's certificate: its values wrapped under their labels when the
//! pane has the rows, cut (`…`) only when it has not, so the buttons below
//! always stay on screen.

use super::wrap::{Cut, Labelled};
use crate::i18n::{t, tf};
use crate::tui::action::CertView;
use crate::tui::app::App;
use crate::tui::theme::Theme;
use ratatui::text::Line;

pub const LABEL_W: usize = 11;

/// The rows of the certificate, given `spare` rows beyond one per value:
/// the Subject first, then the SHA-256, the names and the issuer get their
/// whole value when their extra rows fit.
pub fn rows(
    app: &App,
    theme: Theme,
    c: &CertView,
    width: usize,
    spare: usize,
) -> Vec<Line<'static>> {
    let lang = app.lang;
    let names: Vec<&str> = c
        .san
        .iter()
        .map(|n| n.split_once(':').map_or(n.as_str(), |(_, v)| v))
        .collect();
    let names = names.join(", ");
    let validity = tf(lang, "tui.cert.from_to", &[&c.not_before, &c.not_after]);
    let values: [(&'static str, &str, Cut); 6] = [
        ("tui.cert.subject", &c.subject, Cut::End),
        ("tui.cert.issuer", &c.issuer, Cut::End),
        ("tui.cert.validity", &validity, Cut::End),
        ("tui.cert.names", &names, Cut::End),
        // Two serials of one CA may differ only at their end.
        ("tui.cert.serial", &c.serial, Cut::Start),
        // A fingerprint is compared by its ends: cut in its middle.
        ("tui.cert.sha256", &c.fingerprint, Cut::Middle),
    ];
    let fields: Vec<Labelled> = values
        .iter()
        .map(|(id, value, cut)| Labelled {
            label: t(lang, id),
            label_w: LABEL_W,
            label_style: theme.label(),
            value,
            style: ratatui::style::Style::default(),
            cut: *cut,
        })
        .collect();
    // Subject, SHA-256, names, issuer: in that order they get their rows.
    let mut rows = [1usize; 6];
    let mut left = spare;
    for i in [0, 5, 3, 1, 2, 4] {
        let extra = fields[i].rows_needed(width).saturating_sub(1);
        if extra <= left {
            rows[i] += extra;
            left -= extra;
        }
    }
    fields
        .iter()
        .zip(rows)
        .flat_map(|(f, n)| f.lines(width, n))
        .collect()
}
