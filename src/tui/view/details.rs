//! What a tall terminal shows under a step's buttons instead of empty rows:
//! the certificate's chain up to the anchor, the
//! request's journal (most recent last, as many entries as fit) and its
//! files with their sizes.
//!
//! ```text
//! Chaîne de confiance
//!   ↑ TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS
//!   ↑ TEST AC RACINE IGC-SANTE ELEMENTAIRE (ancre)
//!
//! Journal (le plus récent en dernier)
//!   2026-03-02 09:15  Clés générées · rsa 2048
//!
//! Fichiers de la demande
//!   srv-web.key                               1,8 Ko  -rw-------
//! ```

use super::fit;
use crate::i18n::{t, Lang};
use crate::tui::app::App;
use crate::tui::theme::Theme;
use cleocps_core::request::{journal, Action as Op, JournalEntry, Request, State};
use cleocps_core::sanitize;
use ratatui::text::Line;

/// The sections that fit in `spare` rows, each after a blank row.
pub fn more(
    app: &App,
    theme: Theme,
    req: &Request,
    width: usize,
    spare: usize,
) -> Vec<Line<'static>> {
    let lang = app.lang;
    let cert = (req.state == State::CertificateImported)
        .then(|| app.certs.get(&req.path()))
        .flatten();
    let chain = cert.map(|c| c.chain.as_slice()).unwrap_or_default();
    let files = cert.map(|c| c.files.as_slice()).unwrap_or_default();
    // Fixed sections first (whole or not at all), the journal takes the rest.
    let mut left = spare;
    let mut take = |items: usize| {
        let fits = items > 0 && items + 2 <= left;
        if fits {
            left -= items + 2;
        }
        fits
    };
    let with_chain = take(chain.len());
    let with_files = take(files.len());
    // The most recent entries whose wrapped rows fit, oldest first.
    let mut journal: Vec<Vec<Line<'static>>> = Vec::new();
    let mut rows = 0;
    for j in req.journal.iter().rev() {
        let entry = journal_lines(lang, j, width);
        if rows + entry.len() + 2 > left {
            break;
        }
        rows += entry.len();
        journal.push(entry);
    }
    journal.reverse();
    let mut out = Vec::new();
    let head = |out: &mut Vec<Line<'static>>, id: &'static str| {
        out.push(Line::default());
        out.push(Line::styled(t(lang, id).to_string(), theme.label()));
    };
    if with_chain {
        head(&mut out, "tui.more.chain");
        for (i, name) in chain.iter().enumerate() {
            let anchor = if i + 1 == chain.len() {
                format!(" {}", t(lang, "tui.more.anchor"))
            } else {
                String::new()
            };
            let name = sanitize::line(name);
            out.push(Line::raw(fit(&format!("  ↑ {name}{anchor}"), width)));
        }
    }
    if !journal.is_empty() {
        head(&mut out, "tui.more.journal");
        out.extend(journal.into_iter().flatten());
    }
    if with_files {
        head(&mut out, "tui.more.files");
        out.extend(files.iter().map(|e| {
            let mut line = super::files::row(lang, theme, e, width.saturating_sub(2));
            line.spans.insert(0, "  ".into());
            line
        }));
    }
    out
}

/// "  2026-03-02 09:15  Clés générées · rsa 2048", wrapped under the text
/// (an outcome cut would hide its end).
fn journal_lines(lang: Lang, j: &JournalEntry, width: usize) -> Vec<Line<'static>> {
    let when: String = j
        .time
        .chars()
        .take(16)
        .collect::<String>()
        .replace('T', " ");
    let what = Op::ALL
        .iter()
        .find(|a| a.as_str() == j.action)
        .map_or_else(|| j.action.clone(), |a| t(lang, action_id(*a)).to_string());
    // The outcome as the core says it in the user's language ("RSA 4096
    // chiffrée", not the English `request.json` keeps for scripts).
    let outcome = journal::outcome(lang, j);
    let outcome = sanitize::line(&outcome);
    let text = if outcome.is_empty() {
        format!("  {when}  {what}")
    } else {
        format!("  {when}  {what} · {outcome}")
    };
    super::portal::hanging(&text, width, 20)
}

fn action_id(a: Op) -> &'static str {
    match a {
        Op::GenerateKeys => "tui.jn.keys_generate",
        Op::ReplaceKeys => "tui.jn.keys_replace",
        Op::EditForm => "tui.jn.form_edit",
        Op::GenerateRequest => "tui.jn.request_generate",
        Op::SendRequest => "tui.jn.request_send",
        Op::FetchResponse => "tui.jn.response_fetch",
        Op::ImportResponse => "tui.jn.response_import",
        Op::RecordRejection => "tui.jn.rejection",
        Op::ExportPem => "tui.jn.export_pem",
        Op::ExportP12 => "tui.jn.export_p12",
        Op::Renew => "tui.jn.renew",
        Op::Delete => "tui.jn.delete",
        Op::Adopt => "tui.jn.adopt",
        Op::KeyPassword => "tui.jn.key_password",
        Op::Deploy => "tui.jn.deploy",
    }
}
