//! The terminal side: setup and restore (also on panic and signals), the
//! event loop, and the effects that touch the terminal (OSC 52, shell).

use super::action::{Action, Effect, JobId, JobOutcome};
use super::app::App;
use super::event::{spawn_input, spawn_signals, Event, InputGate};
use super::{jobs, keymap, tree, update, view, TuiContext};
use crate::i18n::Lang;
use cleocps_core::workspace::Workspace;
use ratatui::DefaultTerminal;
use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError, Sender};
use std::sync::Arc;
use std::time::Duration;

/// Spinner period while a job runs; no ticks at all when idle.
const TICK: Duration = Duration::from_millis(120);
/// How long an idle interface waits before reading the tree again: the
/// days left of a TUI left open overnight stay true. Nothing reaches the
/// terminal unless a cell changed.
const REFRESH: Duration = Duration::from_secs(3600);

/// The file remembering the last selected request.
const LAST: &str = ".tui-last";

/// The state of the first frame: the tree read, folders expanded, the
/// last selected request (or the first one) selected.
pub fn load(ws: &Workspace, lang: Lang) -> std::io::Result<App> {
    let mut app = App::new(lang, ws.root().to_path_buf());
    app.color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    if let Ok(cwd) = std::env::current_dir() {
        app.cwd = cwd;
    }
    let fresh = jobs::tree(ws).map_err(|e| std::io::Error::other(e.localize(lang)))?;
    app.apply_tree(fresh);
    let last = std::fs::read_to_string(ws.root().join(LAST)).unwrap_or_default();
    if !tree::select(&mut app, last.trim()) {
        if let Some(first) = tree::first_request(&app) {
            tree::select(&mut app, &first);
        }
    }
    // Damaged entries are not in the tree: say which, and that they are left alone.
    let damaged = ws.damaged().unwrap_or_default();
    if !damaged.is_empty() {
        let list = damaged
            .iter()
            .map(|d| format!("{} ({})", d.path(), d.problem))
            .collect::<Vec<_>>()
            .join(" ; ");
        app.status = Some(super::app::Status {
            text: crate::i18n::tf(lang, "tui.damaged", &[&list]),
            error: true,
        });
    }
    Ok(app)
}

pub fn run(ws: Workspace, lang: Lang, ctx: TuiContext) -> std::io::Result<i32> {
    crate::i18n::set_current(lang);
    let mut app = load(&ws, lang)?;
    app.default_key = default_key(ctx.config.key_bits);
    app.config = ctx.config.clone();
    app.config_path = ctx.config_path.clone();
    let ctx = Arc::new(ctx);
    // ratatui::init installs a panic hook that restores the terminal first;
    // ours, around it, also ends bracketed paste.
    let mut terminal = ratatui::try_init()?;
    paste_mode_hook();
    paste_mode(true);
    let result = event_loop(&mut terminal, &ws, &ctx, &mut app);
    paste_mode(false);
    ratatui::restore();
    if let Some(r) = tree::selected_request(&app) {
        let _ = cleocps_core::fsutil::write_atomic(
            &ws.root().join(LAST),
            r.path().as_bytes(),
            cleocps_core::fsutil::PRIVATE_FILE,
        );
    }
    result
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    ws: &Workspace,
    ctx: &Arc<TuiContext>,
    app: &mut App,
) -> std::io::Result<i32> {
    let (tx, rx) = channel();
    let gate = InputGate::default();
    spawn_input(tx.clone(), gate.clone());
    spawn_signals(tx.clone())?;
    let mut runner = Runner {
        ws: ws.clone(),
        ctx: Arc::clone(ctx),
        stops: HashMap::new(),
        tx,
        gate,
    };
    let size = terminal.size()?;
    update(app, Action::Resize(size.width, size.height));
    let first = first_effect(app, &runner.ctx);
    let mut effect = super::update::opened(app, first);
    loop {
        if let Some(code) = runner.apply(terminal, app, effect.take())? {
            return Ok(code);
        }
        terminal.draw(|f| view::draw(f, app))?;
        effect = match runner.action(app, next_event(&rx, app.busy())) {
            Ok(Some(action)) => update(app, action),
            Ok(None) => None,
            Err(code) => return Ok(code),
        };
    }
}

/// What the first frame asks: the wizard, the configuration on a first run,
/// or the selected request's certificate.
fn first_effect(app: &mut App, ctx: &TuiContext) -> Option<Effect> {
    if ctx.open_wizard {
        update(app, Action::Wizard)
    } else if ctx.open_config {
        // The first run: which road, then only that road's settings.
        super::update::road::ask(app);
        None
    } else {
        super::update::after_move(app)
    }
}

/// The next event: a spinner tick while jobs run, an idle hour otherwise.
fn next_event(rx: &Receiver<Event>, busy: bool) -> Event {
    match rx.recv_timeout(if busy { TICK } else { REFRESH }) {
        Ok(ev) => ev,
        Err(RecvTimeoutError::Timeout) if busy => Event::Tick,
        Err(RecvTimeoutError::Timeout) => Event::Idle,
        Err(RecvTimeoutError::Disconnected) => Event::InputGone,
    }
}

/// What the loop owns besides the state: the workspace and context the
/// jobs use (both change when the configuration screen saves), the running
/// jobs' stop flags (only the loop sets them), the channel, the input gate.
struct Runner {
    ws: Workspace,
    ctx: Arc<TuiContext>,
    stops: HashMap<JobId, Arc<AtomicBool>>,
    tx: Sender<Event>,
    gate: InputGate,
}

impl Runner {
    /// The action an event is; `Err` is the exit code when it ends the loop.
    fn action(&mut self, app: &App, event: Event) -> Result<Option<Action>, i32> {
        Ok(Some(match event {
            Event::Key(k) => return Ok(keymap::action_for(app, k)),
            Event::Paste(text) => Action::Paste(text),
            Event::Resize(w, h) => Action::Resize(w, h),
            Event::Job(id, outcome) => {
                if !matches!(outcome, JobOutcome::Progress { .. }) {
                    self.stops.remove(&id);
                }
                Action::Job(id, outcome)
            }
            Event::Tick => Action::Tick,
            Event::Idle => Action::Refresh,
            // 128 + signal, as a shell reports it.
            Event::Signal(sig) => return Err(128 + sig),
            Event::InputGone => return Err(1),
        }))
    }

    /// Does what `update` asked; `Some` is the exit code when it quits.
    fn apply(
        &mut self,
        terminal: &mut DefaultTerminal,
        app: &mut App,
        effect: Option<Effect>,
    ) -> std::io::Result<Option<i32>> {
        match effect {
            None => {}
            Some(Effect::Quit) => {
                for stop in self.stops.values() {
                    stop.store(true, Ordering::Relaxed);
                }
                return Ok(Some(0));
            }
            Some(Effect::Job(id, job)) => {
                let tx = self.tx.clone();
                let stop = jobs::spawn(&self.ws, &self.ctx, app.lang, id, job, tx);
                self.stops.insert(id, stop);
            }
            Some(Effect::Cancel(id)) => {
                if let Some(stop) = self.stops.get(&id) {
                    stop.store(true, Ordering::Relaxed);
                }
            }
            Some(Effect::UseConfig(config)) => {
                self.ws = self.ws.clone().with_trust(config.trust.clone());
                self.ctx = Arc::new(TuiContext {
                    config: *config,
                    ..TuiContext::clone(&self.ctx)
                });
            }
            Some(Effect::Many(effects)) => {
                for effect in effects {
                    if let Some(code) = self.apply(terminal, app, Some(effect))? {
                        return Ok(Some(code));
                    }
                }
            }
            Some(Effect::Copy(text)) => osc52(&text)?,
            Some(Effect::Shell(dir)) => {
                // The input thread keeps off the terminal until it is ours again.
                let _paused = self.gate.pause();
                shell(&dir);
                terminal.clear()?;
                terminal.hide_cursor()?;
                // The window may have been resized meanwhile.
                let size = terminal.size()?;
                update(app, Action::Resize(size.width, size.height));
            }
        }
        Ok(None)
    }
}

/// The key-size chooser's starting option for `key_bits`: the size the core
/// would use (2048 when unset or odd).
pub fn default_key(bits: Option<u32>) -> usize {
    let size =
        cleocps_core::procedure::key_size(bits, false).unwrap_or(cleocps_core::pki::KeySize::B2048);
    super::modal::KEY_SIZES
        .iter()
        .position(|s| *s == size)
        .unwrap_or(0)
}

/// Copies to the clipboard of the machine the SSH client runs on.
fn osc52(text: &str) -> std::io::Result<()> {
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD.encode(text);
    let mut out = std::io::stdout();
    write!(out, "\x1b]52;c;{b64}\x07")?;
    out.flush()
}

/// Bracketed paste on or off: on, a paste comes whole as one event (a `q`
/// in a pasted certificate is no keystroke); off for anything run after.
fn paste_mode(on: bool) {
    use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
    let mut out = std::io::stdout();
    let _ = if on {
        crossterm::execute!(out, EnableBracketedPaste)
    } else {
        crossterm::execute!(out, DisableBracketedPaste)
    };
}

/// A panic ends bracketed paste too, then restores as ratatui's hook does.
fn paste_mode_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        paste_mode(false);
        previous(info);
    }));
}

/// Leaves the TUI for a shell in `dir`, then comes back.
fn shell(dir: &Path) {
    paste_mode(false);
    ratatui::restore();
    let sh = std::env::var_os("SHELL").unwrap_or_else(|| "/bin/sh".into());
    println!(
        "{}",
        crate::i18n::tf(crate::i18n::current(), "tui.shell_back", &[&dir.display()])
    );
    let _ = std::process::Command::new(sh).current_dir(dir).status();
    let _ = crossterm::terminal::enable_raw_mode();
    let _ = crossterm::execute!(std::io::stdout(), crossterm::terminal::EnterAlternateScreen);
    paste_mode(true);
}
