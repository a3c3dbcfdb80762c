//! The one keymap table. Routing, the footer and the help screen all read
//! it, so the help can never disagree with the keys.

use super::action::{Action, Step};
use super::app::{App, Layer};
use crate::i18n::{t, Lang};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_input::InputRequest;

type K = (KeyCode, KeyModifiers);
const N: KeyModifiers = KeyModifiers::NONE;
const S: KeyModifiers = KeyModifiers::SHIFT;
const C: KeyModifiers = KeyModifiers::CONTROL;

const fn ch(c: char) -> K {
    (KeyCode::Char(c), N)
}

pub struct Binding {
    pub keys: &'static [K],
    pub action: Action,
    /// Text id of what it does.
    pub hint: &'static str,
    pub layers: &'static [Layer],
    /// Only in this step's tab (main layer).
    pub step: Option<Step>,
    /// Shown in the footer (all are in the help).
    pub footer: bool,
}

const MAIN: &[Layer] = &[Layer::Main];
/// The dialogs but the yes/no questions, where Échap is "non".
const ALL_BUT_QUESTIONS: &[Layer] = &[
    Layer::Text,
    Layer::Path,
    Layer::Choice,
    Layer::Message,
    Layer::Csr,
    Layer::Files,
    Layer::Help,
    Layer::Wait,
    Layer::Palette,
];
const LISTS: &[Layer] = &[Layer::Choice, Layer::Csr, Layer::Files, Layer::Help];
const FIELDS: &[Layer] = &[
    Layer::Form,
    Layer::Text,
    Layer::Path,
    Layer::WizardText,
    Layer::Palette,
    Layer::Config,
];
const WIZ: &[Layer] = &[Layer::Wizard];
const WIZ_ALL: &[Layer] = &[Layer::Wizard, Layer::WizardText];
const CFG: &[Layer] = &[Layer::Config];

macro_rules! b {
    ($keys:expr, $action:expr, $hint:expr, $layers:expr, $step:expr, $footer:expr) => {
        Binding {
            keys: $keys,
            action: $action,
            hint: $hint,
            layers: $layers,
            step: $step,
            footer: $footer,
        }
    };
}

/// Every binding, in help order. The first matching binding wins.
/// (One line per binding: kept as a table on purpose.)
#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    // Main: the tree.
    b!(&[(KeyCode::Up, N), ch('k')], Action::Up, "tui.key.up", MAIN, None, false),
    b!(&[(KeyCode::Down, N), ch('j')], Action::Down, "tui.key.down", MAIN, None, false),
    b!(&[(KeyCode::Left, N), ch('h')], Action::Left, "tui.key.collapse", MAIN, None, false),
    b!(&[(KeyCode::Right, N), ch('l')], Action::Right, "tui.key.expand", MAIN, None, false),
    b!(&[(KeyCode::Home, N)], Action::Home, "tui.key.home", MAIN, None, false),
    b!(&[(KeyCode::End, N)], Action::End, "tui.key.end", MAIN, None, false),
    b!(&[(KeyCode::Tab, N)], Action::NextStep, "tui.key.next_step", MAIN, None, true),
    b!(&[(KeyCode::BackTab, S), (KeyCode::BackTab, N)], Action::PrevStep, "tui.key.prev_step", MAIN, None, false),
    b!(&[ch('1')], Action::GoStep(Step::Init), "tui.key.step1", MAIN, None, false),
    b!(&[ch('2')], Action::GoStep(Step::Request), "tui.key.step2", MAIN, None, false),
    b!(&[ch('3')], Action::GoStep(Step::Final), "tui.key.step3", MAIN, None, false),
    b!(&[(KeyCode::Enter, N)], Action::Activate, "tui.key.activate", MAIN, None, true),
    // Main: step actions.
    b!(&[ch('g')], Action::GenerateKeys, "tui.btn.keys", MAIN, Some(Step::Init), true),
    b!(&[ch('e')], Action::EditForm, "tui.btn.edit", MAIN, Some(Step::Request), true),
    b!(&[ch('r')], Action::GenerateRequest, "tui.btn.request", MAIN, Some(Step::Request), true),
    b!(&[ch('s')], Action::Send, "tui.btn.send", MAIN, Some(Step::Request), true),
    b!(&[ch('v')], Action::ShowCsr, "tui.btn.show_csr", MAIN, Some(Step::Request), false),
    b!(&[ch('m')], Action::Fetch, "tui.btn.fetch", MAIN, Some(Step::Final), true),
    b!(&[ch('M')], Action::FetchWait, "tui.btn.fetch_wait", MAIN, Some(Step::Final), false),
    b!(&[(KeyCode::Esc, N)], Action::Cancel, "tui.key.stop_wait", MAIN, None, false),
    b!(&[ch('i')], Action::ImportResponse, "tui.btn.import", MAIN, Some(Step::Final), true),
    b!(&[ch('v')], Action::PasteAnswer, "tui.btn.paste", MAIN, Some(Step::Final), true),
    b!(&[ch('I')], Action::ImportPlatformP12, "tui.btn.import_p12", MAIN, Some(Step::Final), false),
    b!(&[ch('x')], Action::ExportPem, "tui.btn.export_pem", MAIN, Some(Step::Final), false),
    b!(&[ch('p')], Action::ExportP12, "tui.btn.export_p12", MAIN, Some(Step::Final), false),
    b!(&[ch('f')], Action::Files, "tui.btn.files", MAIN, Some(Step::Final), false),
    b!(&[ch('n')], Action::Renew, "tui.btn.renew", MAIN, Some(Step::Final), false),
    b!(&[ch('D')], Action::Deploy, "tui.btn.deploy", MAIN, Some(Step::Final), true),
    b!(&[ch('J')], Action::RecordRejection, "tui.btn.reject", MAIN, Some(Step::Final), false),
    b!(&[ch('?'), (KeyCode::F(1), N)], Action::Help, "tui.key.help", MAIN, None, true),
    b!(&[ch('q'), (KeyCode::Char('c'), C)], Action::Quit, "tui.key.quit", MAIN, None, true),
    b!(&[ch('c')], Action::NewFolder, "tui.key.new_folder", MAIN, None, true),
    b!(&[ch('a')], Action::NewRequest, "tui.key.new_request", MAIN, None, true),
    b!(&[ch('w')], Action::Wizard, "tui.key.wizard", MAIN, None, true),
    b!(&[(KeyCode::F(2), N), ch('R')], Action::RenameFolder, "tui.key.rename", MAIN, None, false),
    b!(&[(KeyCode::F(10), N), ch(':')], Action::Palette, "tui.key.palette", MAIN, None, true),
    b!(&[(KeyCode::Delete, N), ch('d')], Action::Delete, "tui.key.delete", MAIN, None, false),
    b!(&[ch('C')], Action::Config, "tui.key.config", MAIN, None, false),
    b!(&[ch('V')], Action::CheckRevocation, "tui.key.revocation", MAIN, None, false),
    // The form.
    b!(&[(KeyCode::Enter, N), (KeyCode::Char('s'), C)], Action::Submit, "tui.key.apply", &[Layer::Form], None, true),
    // Before "next field": at 80 columns the footer has room for F3.
    b!(&[(KeyCode::F(3), N), (KeyCode::Char('d'), C)], Action::Lookup, "tui.key.lookup", &[Layer::Form], None, true),
    b!(&[(KeyCode::Tab, N), (KeyCode::Down, N)], Action::NextField, "tui.key.next_field", &[Layer::Form, Layer::Text], None, true),
    b!(&[(KeyCode::BackTab, S), (KeyCode::BackTab, N), (KeyCode::Up, N)], Action::PrevField, "tui.key.prev_field", &[Layer::Form, Layer::Text], None, false),
    b!(&[(KeyCode::Esc, N)], Action::Cancel, "tui.key.cancel_form", &[Layer::Form], None, true),
    b!(&[(KeyCode::F(2), N)], Action::OfferedName, "tui.key.offered_name", &[Layer::Form], None, false),
    // The palette from a form or the wizard (`:` stays a character there).
    b!(&[(KeyCode::F(10), N)], Action::Palette, "tui.key.palette", &[Layer::Form, Layer::Wizard, Layer::WizardText], None, false),
    // The CleoWizard screen.
    b!(&[(KeyCode::Up, N), ch('k')], Action::Up, "tui.key.up", WIZ, None, false),
    b!(&[(KeyCode::Down, N), ch('j')], Action::Down, "tui.key.down", WIZ, None, false),
    b!(&[(KeyCode::Enter, N)], Action::Submit, "tui.key.continue", WIZ_ALL, None, true),
    b!(&[ch('f')], Action::Files, "tui.wiz.key.files", WIZ, None, false),
    b!(&[ch('n')], Action::Renew, "tui.wiz.key.renew", WIZ, None, false),
    b!(&[ch('y')], Action::Copy, "tui.key.copy", WIZ, None, false),
    b!(&[ch('v')], Action::ShowCsr, "tui.wpf.show", WIZ, None, false),
    b!(&[ch('D')], Action::Deploy, "tui.wpf.key.deploy", WIZ, None, false),
    b!(&[(KeyCode::Esc, N)], Action::Cancel, "tui.key.leave_wizard", WIZ_ALL, None, true),
    b!(&[ch('q'), (KeyCode::Char('c'), C)], Action::Quit, "tui.key.quit", WIZ, None, true),
    // The configuration screen (typing edits the focused field).
    b!(&[(KeyCode::F(2), N), (KeyCode::Char('s'), C)], Action::SaveConfig, "tui.key.save", CFG, None, true),
    b!(&[(KeyCode::F(5), N), (KeyCode::Char('t'), C)], Action::TestSection, "tui.key.test", CFG, None, true),
    b!(&[(KeyCode::Tab, N), (KeyCode::Down, N)], Action::NextField, "tui.key.next_field", CFG, None, true),
    b!(&[(KeyCode::BackTab, S), (KeyCode::BackTab, N), (KeyCode::Up, N)], Action::PrevField, "tui.key.prev_field", CFG, None, false),
    b!(&[(KeyCode::PageDown, N)], Action::NextStep, "tui.key.next_section", CFG, None, false),
    b!(&[(KeyCode::PageUp, N)], Action::PrevStep, "tui.key.prev_section", CFG, None, false),
    b!(&[(KeyCode::Enter, N)], Action::Submit, "tui.key.cfg_enter", CFG, None, false),
    b!(&[(KeyCode::Esc, N)], Action::Cancel, "tui.key.close", CFG, None, true),
    // Dialogs.
    b!(&[(KeyCode::Up, N)], Action::Up, "tui.key.up", &[Layer::Palette], None, false),
    b!(&[(KeyCode::Down, N)], Action::Down, "tui.key.down", &[Layer::Palette], None, false),
    b!(&[(KeyCode::Enter, N)], Action::Submit, "tui.key.run", &[Layer::Palette], None, true),
    b!(&[(KeyCode::Tab, N)], Action::Complete, "tui.key.complete", &[Layer::Path], None, true),
    b!(&[(KeyCode::Up, N), ch('k')], Action::Up, "tui.key.up", LISTS, None, false),
    b!(&[(KeyCode::Down, N), ch('j')], Action::Down, "tui.key.down", LISTS, None, false),
    b!(&[(KeyCode::PageUp, N)], Action::PageUp, "tui.key.page_up", LISTS, None, false),
    b!(&[(KeyCode::PageDown, N)], Action::PageDown, "tui.key.page_down", LISTS, None, false),
    b!(&[(KeyCode::Home, N)], Action::Home, "tui.key.home", LISTS, None, false),
    b!(&[(KeyCode::End, N)], Action::End, "tui.key.end", LISTS, None, false),
    b!(&[ch('y')], Action::Copy, "tui.key.copy", &[Layer::Csr], None, true),
    b!(&[ch('s')], Action::Shell, "tui.key.shell", &[Layer::Files], None, true),
    b!(&[ch('o'), ch('y')], Action::Submit, "tui.key.yes", &[Layer::Confirm], None, true),
    b!(&[(KeyCode::Enter, N)], Action::Submit, "tui.key.ok", &[Layer::Text, Layer::Path, Layer::Choice, Layer::Message], None, true),
    b!(&[(KeyCode::Enter, N)], Action::Submit, "tui.key.import", &[Layer::Paste], None, true),
    b!(&[(KeyCode::Esc, N)], Action::Cancel, "tui.key.cancel", &[Layer::Paste], None, true),
    // A question: Échap says no, as the dialog says ("n/Échap non").
    b!(&[ch('n'), (KeyCode::Esc, N), ch('q'), (KeyCode::Enter, N)], Action::Cancel, "tui.key.no", &[Layer::Confirm], None, true),
    b!(&[(KeyCode::Esc, N)], Action::Cancel, "tui.key.close", ALL_BUT_QUESTIONS, None, true),
    b!(&[ch('q'), (KeyCode::Enter, N)], Action::Cancel, "tui.key.close", &[Layer::Csr, Layer::Files, Layer::Help], None, false),
];

fn matches(key: &KeyEvent, k: &K) -> bool {
    // Shift is part of the character for letters; compare it only for other keys.
    let mods = key.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
    let want = k.1 & (KeyModifiers::CONTROL | KeyModifiers::ALT);
    match (key.code, k.0) {
        (KeyCode::Char(a), KeyCode::Char(b)) => a == b && mods == want,
        (a, b) => a == b && (key.modifiers == k.1 || (mods == want && k.1 != S)),
    }
}

fn applies(b: &Binding, layer: Layer, step: Step) -> bool {
    b.layers.contains(&layer) && b.step.is_none_or(|s| s == step)
}

/// The action for a key in the app's current layer. On the tree, a step's
/// key works from any tab: `update` moves to its step (or says why not).
pub fn action_for(app: &App, key: KeyEvent) -> Option<Action> {
    let layer = app.layer();
    let pressed = |b: &&Binding| b.keys.iter().any(|k| matches(&key, k));
    let found = BINDINGS
        .iter()
        .filter(|b| applies(b, layer, app.step))
        .find(pressed)
        .or_else(|| {
            BINDINGS
                .iter()
                .filter(|b| layer == Layer::Main && b.layers == MAIN && b.step.is_some())
                .find(pressed)
        })
        .map(|b| b.action.clone());
    if found.is_some() {
        return found;
    }
    if FIELDS.contains(&layer) {
        return edit_request(key).map(Action::Edit);
    }
    None
}

/// The step whose tab holds `action`'s button, if it has one.
pub fn step_of(action: &Action) -> Option<Step> {
    let d = std::mem::discriminant(action);
    BINDINGS
        .iter()
        .find(|b| b.step.is_some() && std::mem::discriminant(&b.action) == d)
        .and_then(|b| b.step)
}

/// Editing keys of a text field.
fn edit_request(key: KeyEvent) -> Option<InputRequest> {
    use InputRequest as R;
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    Some(match key.code {
        KeyCode::Char('u') if ctrl => R::DeleteLine,
        KeyCode::Char('w') if ctrl => R::DeletePrevWord,
        KeyCode::Char('a') if ctrl => R::GoToStart,
        KeyCode::Char('e') if ctrl => R::GoToEnd,
        KeyCode::Char(c) if !ctrl => R::InsertChar(c),
        KeyCode::Backspace => R::DeletePrevChar,
        KeyCode::Delete => R::DeleteNextChar,
        KeyCode::Left => R::GoToPrevChar,
        KeyCode::Right => R::GoToNextChar,
        KeyCode::Home => R::GoToStart,
        KeyCode::End => R::GoToEnd,
        _ => return None,
    })
}

/// How a key is written in the footer and help.
pub fn key_name(lang: Lang, k: &K) -> String {
    let base = match k.0 {
        KeyCode::Up => "↑".to_string(),
        KeyCode::Down => "↓".to_string(),
        KeyCode::Left => "←".to_string(),
        KeyCode::Right => "→".to_string(),
        KeyCode::Enter => t(lang, "tui.kn.enter").to_string(),
        KeyCode::Esc => t(lang, "tui.kn.esc").to_string(),
        KeyCode::Tab => "Tab".to_string(),
        KeyCode::BackTab => "⇧Tab".to_string(),
        KeyCode::Home => t(lang, "tui.kn.home").to_string(),
        KeyCode::End => t(lang, "tui.kn.end").to_string(),
        KeyCode::Delete => t(lang, "tui.kn.delete").to_string(),
        KeyCode::PageUp => t(lang, "tui.kn.page_up").to_string(),
        KeyCode::PageDown => t(lang, "tui.kn.page_down").to_string(),
        KeyCode::F(n) => format!("F{n}"),
        KeyCode::Char(c) => c.to_string(),
        _ => "?".to_string(),
    };
    if k.1.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{base}")
    } else {
        base
    }
}

/// The footer's hints for the current context: (key, what).
pub fn footer(app: &App) -> Vec<(String, &'static str)> {
    let layer = app.layer();
    BINDINGS
        .iter()
        .filter(|b| b.footer && applies(b, layer, app.step))
        // "next field" only where there is another field (not in the PIN prompt).
        .filter(|b| !matches!(b.action, Action::NextField) || app.several_fields())
        // A step's action the request refuses now is not offered (it stays,
        // dimmed with its reason, in the pane).
        .filter(|b| {
            b.step.is_none()
                || super::tree::selected_request(app)
                    .is_none_or(|r| super::steps::possible(r, &b.action))
        })
        .filter_map(|b| {
            b.keys
                .first()
                .map(|k| (footer_keys(app.lang, b, k), b.hint))
        })
        .collect()
}

/// A key's name in the key bar; Échap after it when it does the same
/// ("n/Échap non", as the question's dialog says).
fn footer_keys(lang: Lang, b: &Binding, first: &K) -> String {
    let esc = (KeyCode::Esc, N);
    let name = key_name(lang, first);
    if *first != esc && b.keys.contains(&esc) {
        format!("{name}/{}", key_name(lang, &esc))
    } else {
        name
    }
}

/// How many lines the help screen has (sections, their lines, a blank after
/// each), so `update` stops its scroll at the end.
pub fn help_len(lang: Lang) -> usize {
    help(lang).iter().map(|(_, lines)| lines.len() + 2).sum()
}

/// Help sections: a title id and its (keys, what) lines, straight from the table.
pub fn help(lang: Lang) -> Vec<(&'static str, Vec<(String, &'static str)>)> {
    type Pick = fn(&Binding) -> bool;
    let sections: [(&str, Pick); 7] = [
        ("tui.help.tree", |b| b.layers == MAIN && b.step.is_none()),
        ("tui.help.step1", |b| b.step == Some(Step::Init)),
        ("tui.help.step2", |b| b.step == Some(Step::Request)),
        ("tui.help.step3", |b| b.step == Some(Step::Final)),
        ("tui.help.dialogs", |b| {
            b.layers != MAIN && b.layers != CFG && !b.layers.iter().any(|l| WIZ_ALL.contains(l))
        }),
        ("tui.help.config", |b| b.layers == CFG),
        ("tui.help.wizard", |b| {
            b.layers.iter().any(|l| WIZ_ALL.contains(l))
        }),
    ];
    sections
        .iter()
        .map(|(title, pick)| {
            let mut seen: Vec<(String, &'static str)> = Vec::new();
            for b in BINDINGS.iter().filter(|b| pick(b)) {
                let mut keys: Vec<String> = Vec::new();
                for k in b.keys {
                    let name = key_name(lang, k);
                    if !keys.contains(&name) {
                        keys.push(name);
                    }
                }
                let keys = keys.join("/");
                if !seen.iter().any(|(_, h)| *h == b.hint) {
                    seen.push((keys, b.hint));
                }
            }
            (*title, seen)
        })
        .collect()
}
