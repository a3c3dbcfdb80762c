//! Drawing: a pure function of `&App`.
//!
//! ```text
//! ┌ Dossiers ─────────────────┐┌ 1 Initialisation │ 2 Demande │ 3 Finalisation ┐
//! │▾ Dossier 1                ││Étape 1 : Initialisation                        │
//! │  Demande 1      SSL clés  ││Dossier 1 / Demande 1 · SSL · clés générées     │
//! │  …                        ││…step body and its buttons…                     │
//! └───────────────────────────┘└────────────────────────────────────────────────┘
//!  status line (message or running job)
//!  footer: the keys of the current context, from the keymap
//! ```

mod card_wait;
mod cert;
mod choice;
mod config;
mod confirm;
mod csr;
mod deploy;
pub use deploy::{output_rows, output_width};
mod deploy_form;
mod details;
mod dialog;
mod files;
mod footer;
mod help;
mod input;
mod message;
mod modals;
mod palette;
mod pane;
mod paste;
mod pin;
mod portal;
mod revocation;
mod secret;
mod servers;
mod step1;
mod step2;
mod step3;
mod tree;
mod wizard;
mod wizard_platform;
mod wizard_steps;
mod wrap;

use super::app::App;
use super::theme::Theme;
use crate::i18n::t;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use ratatui::Frame;

pub const MIN_W: u16 = 80;
pub const MIN_H: u16 = 24;

pub fn draw(f: &mut Frame, app: &App) {
    draw_screen(f, app);
    scrub(f.buffer_mut());
}

/// External text (mail, LDAP, certificates, file names) is drawn as data:
/// whatever could drive the terminal (ESC, other controls, bidi overrides)
/// is taken out of the frame's cells before they reach it — one place for
/// every view.
fn scrub(buf: &mut ratatui::buffer::Buffer) {
    for cell in buf.content.iter_mut() {
        if cell.symbol().chars().any(cleocps_core::sanitize::is_unsafe) {
            let clean = cleocps_core::sanitize::line(cell.symbol()).into_owned();
            cell.set_symbol(if clean.is_empty() { " " } else { &clean });
        }
    }
}

fn draw_screen(f: &mut Frame, app: &App) {
    let area = f.area();
    let theme = Theme { color: app.color };
    if area.width < MIN_W || area.height < MIN_H {
        let msg = crate::i18n::tf(
            app.lang,
            "tui.too_small",
            &[&area.width, &area.height, &MIN_W, &MIN_H],
        );
        f.render_widget(
            Paragraph::new(Line::styled(msg, theme.error()))
                .wrap(ratatui::widgets::Wrap { trim: true }),
            area,
        );
        return;
    }
    let [main, status, keys] = Layout::vertical([
        Constraint::Min(3),
        Constraint::Length(footer::status_rows(app, area.width)),
        Constraint::Length(1),
    ])
    .areas(area);
    let tree_w = (area.width * 3 / 10).clamp(30, 44);
    let [left, right] =
        Layout::horizontal([Constraint::Length(tree_w), Constraint::Min(20)]).areas(main);
    match (&app.config_screen, &app.wizard) {
        (Some(s), _) => config::draw(f, app, theme, s, main),
        (None, Some(w)) => wizard::draw(f, app, theme, w, main),
        (None, None) => {
            tree::draw(f, app, theme, left);
            pane::draw(f, app, theme, right);
        }
    }
    footer::status(f, app, theme, status);
    footer::keys(f, app, theme, keys);
    modals::draw(f, app, theme, area);
}

/// Cuts `s` to `width` display columns, with "…" when cut.
pub fn fit(s: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    use unicode_width::UnicodeWidthStr;
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// Pads `s` with spaces to `width` display columns (cutting if longer).
pub fn pad(s: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    let s = fit(s, width);
    let w = s.width();
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

/// A rectangle of `w`×`h` centred in `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// The title of a text id, padded with spaces for a block border.
pub fn block_title(app: &App, id: &'static str) -> String {
    format!(" {} ", t(app.lang, id))
}

/// A rendered buffer as plain text, one line per row, trailing spaces cut
/// (snapshots and `.txt` screenshots).
pub fn to_text(buf: &ratatui::buffer::Buffer) -> String {
    let mut s = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            line.push_str(sym);
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
        }
        s.push_str(line.trim_end());
        s.push('\n');
    }
    s
}

#[cfg(test)]
mod scrub_tests {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;

    #[test]
    fn no_control_character_reaches_the_terminal() {
        // ratatui's text widgets already drop controls; a cell written
        // directly (any widget may) is caught here.
        let mut buf = Buffer::empty(Rect::new(0, 0, 4, 1));
        buf[(0, 0)].set_symbol("\u{1b}");
        buf[(1, 0)].set_symbol("a\u{9b}");
        buf[(2, 0)].set_symbol("\u{202e}");
        buf[(3, 0)].set_symbol("é");
        super::scrub(&mut buf);
        let shown: Vec<&str> = buf.content.iter().map(|c| c.symbol()).collect();
        assert_eq!(shown, [" ", "a", " ", "é"]);
    }
}
