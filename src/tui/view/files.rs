//! "Accéder aux fichiers": the folder once on top, then one row per file,
//! its name first, then its size and mode.
//!
//! ```text
//! ┌ Fichiers de la demande ────────────────────────────────────────────────┐
//! │/home/admin/.local/share/cleocps/dossiers/Clinique du Test/srv-web      │
//! │                                                                        │
//! │Fichier                                             Taille  Droits      │
//! │srv-web.crt                                         2,1 Ko  -rw-r--r--  │
//! │srv-web.key                                         1,8 Ko  -rw-------  │
//! │                                                                        │
//! │s ouvrir un shell ici   Échap fermer                                    │
//! └────────────────────────────────────────────────────────────────────────┘
//! ```

use super::dialog;
use super::modals::hint;
use super::wrap::{chunks, fit_middle};
use crate::i18n::{t, tf, Lang};
use crate::tui::action::FileEntry;
use crate::tui::app::App;
use crate::tui::modal::FilesModal;
use crate::tui::theme::Theme;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// Columns of the size ("1023 Ko") and the mode ("-rw-------").
const SIZE_W: usize = 8;
const MODE_W: usize = 10;

pub fn draw(f: &mut Frame, app: &App, theme: Theme, area: Rect, m: &FilesModal) {
    let lang = app.lang;
    let FilesModal { dir, files } = m;
    let w = area.width.saturating_sub(4);
    let width = usize::from(w.saturating_sub(2));
    let dir_rows = chunks(&dir.display().to_string(), width);
    let h = (files.len() + dir_rows.len() + 7).min(usize::from(area.height.saturating_sub(2)));
    let inner = dialog::frame(
        f,
        theme,
        area,
        w,
        h as u16,
        t(lang, "tui.title.files"),
        false,
    );
    let mut lines: Vec<Line> = dir_rows
        .into_iter()
        .map(|r| Line::styled(r, theme.title()))
        .collect();
    lines.push(Line::default());
    lines.push(header(lang, theme, width));
    lines.extend(files.iter().map(|e| row(lang, theme, e, width)));
    lines.push(Line::default());
    lines.push(hint(
        app,
        theme,
        &[
            ("tui.kn.s", "tui.key.shell"),
            ("tui.kn.esc", "tui.key.close"),
        ],
    ));
    f.render_widget(Paragraph::new(lines), inner);
}

fn header(lang: Lang, theme: Theme, width: usize) -> Line<'static> {
    let name_w = width.saturating_sub(SIZE_W + MODE_W + 5);
    Line::styled(
        format!(
            "{}  {:>SIZE_W$}  {}",
            super::pad(t(lang, "tui.files.name"), name_w),
            t(lang, "tui.files.size"),
            t(lang, "tui.files.mode")
        ),
        theme.label(),
    )
}

/// One file: its name (cut in the middle only when very long), size, mode.
pub fn row(lang: Lang, theme: Theme, e: &FileEntry, width: usize) -> Line<'static> {
    let name_w = width.saturating_sub(SIZE_W + MODE_W + 5);
    let name = e.path.file_name().map_or_else(
        || e.path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    Line::from(vec![
        Span::raw(super::pad(&fit_middle(&name, name_w), name_w)),
        Span::raw("  "),
        Span::styled(format!("{:>SIZE_W$}", size(lang, e.size)), theme.label()),
        Span::raw("  "),
        Span::styled(mode(e.mode), theme.label()),
    ])
}

/// A size for people: "612 o", "1,8 Ko", "2,4 Mo" (English "1.8 KB").
pub fn size(lang: Lang, bytes: u64) -> String {
    let (id, value) = match bytes {
        b if b < 1024 => return tf(lang, "tui.size.b", &[&b]),
        b if b < 1024 * 1024 => ("tui.size.kb", b as f64 / 1024.0),
        b => ("tui.size.mb", b as f64 / (1024.0 * 1024.0)),
    };
    let mut n = format!("{value:.1}");
    if lang == Lang::Fr {
        n = n.replace('.', ",");
    }
    tf(lang, id, &[&n])
}

/// The mode as `ls -l` writes it: `-rw-------`, `drwxr-xr-x`.
pub fn mode(mode: u32) -> String {
    if mode == 0 {
        return "?".into();
    }
    let kind = match mode & 0o170_000 {
        0o040_000 => 'd',
        0o120_000 => 'l',
        0o100_000 => '-',
        _ => '?',
    };
    let mut out = String::from(kind);
    for shift in [6, 3, 0] {
        let bits = (mode >> shift) & 7;
        out.push(if bits & 4 != 0 { 'r' } else { '-' });
        out.push(if bits & 2 != 0 { 'w' } else { '-' });
        out.push(if bits & 1 != 0 { 'x' } else { '-' });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_modes_for_people() {
        assert_eq!(size(Lang::Fr, 612), "612 o");
        assert_eq!(size(Lang::Fr, 1874), "1,8 Ko");
        assert_eq!(size(Lang::En, 1874), "1.8 KB");
        assert_eq!(size(Lang::En, 3 * 1024 * 1024), "3.0 MB");
        assert_eq!(mode(0o100_600), "-rw-------");
        assert_eq!(mode(0o040_755), "drwxr-xr-x");
        assert_eq!(mode(0), "?");
    }
}
