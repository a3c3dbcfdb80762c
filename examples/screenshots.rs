//! Renders every main screen and dialog of the TUI from the fixed example
//! state (`cleocps::tui::sample`) through the real drawing code, into
//! `screenshots/`: `.txt`, `.svg` (DejaVu Sans Mono, the buffer's colours)
//! and `.png` via `rsvg-convert` when it is installed.
//!
//! Run: `cargo run --example screenshots` (same bytes on every run).

use cleocps::i18n::Lang;
use cleocps::tui::{sample, view};
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use ratatui::Terminal;
use std::fmt::Write as _;
use std::path::Path;

const W: u16 = 80;
const H: u16 = 24;
const CW: f32 = 8.4; // DejaVu Sans Mono advance at 14px
const CH: f32 = 17.0;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = Path::new("screenshots");
    std::fs::create_dir_all(out)?;
    let png = std::process::Command::new("rsvg-convert")
        .arg("--version")
        .output()
        .is_ok();
    for (lang, suffix) in [(Lang::Fr, "fr"), (Lang::En, "en")] {
        for (name, app) in sample::screens(lang) {
            // 80×24 unless the example says otherwise (a large terminal).
            let (w, h) = if app.size == (0, 0) { (W, H) } else { app.size };
            let buf = render(&app, w, h)?;
            let base = out.join(format!("{name}.{suffix}"));
            std::fs::write(
                base.with_extension(format!("{suffix}.txt")),
                view::to_text(&buf),
            )?;
            let svg_path = base.with_extension(format!("{suffix}.svg"));
            std::fs::write(&svg_path, svg(&buf))?;
            if png {
                let status = std::process::Command::new("rsvg-convert")
                    .arg(&svg_path)
                    .arg("-o")
                    .arg(base.with_extension(format!("{suffix}.png")))
                    .status()?;
                if !status.success() {
                    return Err(format!("rsvg-convert failed on {}", svg_path.display()).into());
                }
            }
            println!("{}", base.display());
        }
    }
    Ok(())
}

fn render(app: &cleocps::tui::App, w: u16, h: u16) -> Result<Buffer, Box<dyn std::error::Error>> {
    let mut term = Terminal::new(TestBackend::new(w, h))?;
    term.draw(|f| view::draw(f, app))?;
    Ok(term.backend().buffer().clone())
}

fn rgb(c: Color, fg: bool) -> &'static str {
    match c {
        Color::Reset => {
            if fg {
                "#d0d0d0"
            } else {
                "#1c1c1c"
            }
        }
        Color::Black => "#000000",
        Color::Red => "#e05252",
        Color::Green => "#5fba5f",
        Color::Yellow => "#e0c050",
        Color::Blue => "#5a8fe0",
        Color::Magenta => "#c070c0",
        Color::Cyan => "#4fc1d0",
        Color::Gray => "#b0b0b0",
        Color::DarkGray => "#6a6a6a",
        Color::White => "#ffffff",
        _ => "#d0d0d0",
    }
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// One `<rect>` per background cell that is not the default, one `<text>` per cell.
pub fn svg(buf: &Buffer) -> String {
    let (w, h) = (buf.area.width, buf.area.height);
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{:.0}\" height=\"{:.0}\" font-family=\"DejaVu Sans Mono\" font-size=\"14\">\n<rect width=\"100%\" height=\"100%\" fill=\"#1c1c1c\"/>\n",
        f32::from(w) * CW,
        f32::from(h) * CH
    );
    for y in 0..h {
        for x in 0..w {
            let cell = &buf[(x, y)];
            let rev = cell.modifier.contains(Modifier::REVERSED);
            let (mut fg, mut bg) = (rgb(cell.fg, true), rgb(cell.bg, false));
            if rev {
                std::mem::swap(&mut fg, &mut bg);
                if cell.fg == Color::Reset {
                    bg = "#d0d0d0";
                }
                if cell.bg == Color::Reset {
                    fg = "#1c1c1c";
                }
            }
            if bg != "#1c1c1c" {
                let _ = writeln!(
                    s,
                    "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{bg}\"/>",
                    f32::from(x) * CW,
                    f32::from(y) * CH,
                    CW + 0.2,
                    CH
                );
            }
            let sym = cell.symbol();
            if sym.trim().is_empty() {
                continue;
            }
            let weight = if cell.modifier.contains(Modifier::BOLD) {
                " font-weight=\"bold\""
            } else {
                ""
            };
            let opacity = if cell.modifier.contains(Modifier::DIM) {
                " fill-opacity=\"0.6\""
            } else {
                ""
            };
            let _ = writeln!(
                s,
                "<text x=\"{:.1}\" y=\"{:.1}\" fill=\"{fg}\"{weight}{opacity}>{}</text>",
                f32::from(x) * CW,
                f32::from(y) * CH + 13.0,
                esc(sym)
            );
        }
    }
    s.push_str("</svg>\n");
    s
}
