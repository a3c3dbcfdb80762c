//! TUI benchmark (not a test): 1 000 requests in 50 folders on disk.
//! Prints the time to the first frame (read the workspace, build the
//! state, draw at 200×60) and the time to move the selection and redraw.
//!
//! Run: `cargo bench --bench tui`

use cleocps::i18n::Lang;
use cleocps::tui::{term, update, view, Action};
use cleocps_core::request::RequestType;
use cleocps_core::workspace::Workspace;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::time::{Duration, Instant};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let tmp = tempfile::tempdir()?;
    let ws = Workspace::open(&tmp.path().join("ws"))?;
    let t0 = Instant::now();
    for f in 0..50 {
        let folder = ws.create_folder(Some(&format!("Dossier {}", f + 1)))?;
        for r in 0..20 {
            let kind = if r % 3 == 0 {
                RequestType::Smime
            } else {
                RequestType::Ssl
            };
            ws.create_request(
                &folder,
                Some(&format!("Demande {}", r + 1)),
                kind,
                "2026-01-01T00:00:00Z",
            )?;
        }
    }
    println!(
        "setup: 1000 requests in 50 folders written in {:?}",
        t0.elapsed()
    );

    let mut firsts = Vec::new();
    for _ in 0..5 {
        let start = Instant::now();
        let app = term::load(&ws, Lang::Fr)?;
        let mut terminal = Terminal::new(TestBackend::new(200, 60))?;
        terminal.draw(|f| view::draw(f, &app))?;
        firsts.push(start.elapsed());
    }
    firsts.sort();
    println!(
        "time to first frame (load + draw 200x60): median {:?}, max {:?}",
        firsts[firsts.len() / 2],
        firsts[firsts.len() - 1]
    );

    let mut app = term::load(&ws, Lang::Fr)?;
    let mut terminal = Terminal::new(TestBackend::new(200, 60))?;
    let n = 1000;
    let mut times: Vec<Duration> = Vec::with_capacity(n);
    for i in 0..n {
        let start = Instant::now();
        update(&mut app, if i < n / 2 { Action::Down } else { Action::Up });
        terminal.draw(|f| view::draw(f, &app))?;
        times.push(start.elapsed());
    }
    times.sort();
    let total: Duration = times.iter().sum();
    println!(
        "move selection + frame at 200x60 over {n} moves: mean {:?}, median {:?}, p99 {:?}, max {:?}",
        total / n as u32,
        times[n / 2],
        times[n * 99 / 100],
        times[n - 1]
    );
    Ok(())
}
