//! insta snapshots of every screen and dialog at 80×24 (or the size the
//! example sets), French and English,
//! from the fixed example state. Snapshots live in `src/tui/snapshots/`.

use super::sample;
use super::view;
use crate::i18n::Lang;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

fn render(app: &super::App, w: u16, h: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    term.draw(|f| view::draw(f, app)).expect("draw");
    view::to_text(term.backend().buffer())
}

#[test]
fn every_screen_fr_en() {
    for (lang, tag) in [(Lang::Fr, "fr"), (Lang::En, "en")] {
        for (name, app) in sample::screens(lang) {
            // 80×24 unless the example says otherwise (a large terminal).
            let (w, h) = app.size;
            insta::assert_snapshot!(format!("{name}.{tag}"), render(&app, w, h));
        }
    }
}

#[test]
fn too_small_says_so() {
    for (lang, tag) in [(Lang::Fr, "fr"), (Lang::En, "en")] {
        let app = sample::example(lang);
        let text = render(&app, 79, 24);
        insta::assert_snapshot!(format!("00-too-small.{tag}"), text);
    }
    let text = render(&sample::example(Lang::Fr), 79, 24);
    assert!(text.contains("Terminal trop petit"));
}

#[test]
fn tabs_short_at_80_full_when_wide() {
    let app = sample::example(Lang::Fr);
    let narrow = render(&app, 80, 24);
    assert!(narrow.contains("1 Initialisation │ 2 Demande │ 3 Finalisation"));
    assert!(narrow.contains("Étape 1 : Initialisation"));
    let wide = render(&app, 200, 60);
    assert!(wide.contains("Étape 2 : Demande de certificat │ Étape 3 : Finalisation du certificat"));
}

#[test]
fn no_color_has_no_colour() {
    let mut app = sample::example(Lang::En);
    app.color = false;
    let mut term = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    term.draw(|f| view::draw(f, &app)).expect("draw");
    let buf = term.backend().buffer();
    for cell in buf.content() {
        assert_eq!(cell.fg, ratatui::style::Color::Reset);
        assert_eq!(cell.bg, ratatui::style::Color::Reset);
    }
}

#[test]
fn secrets_never_drawn() {
    for (name, app) in sample::screens(Lang::Fr) {
        let text = render(&app, 80, 24);
        assert!(!text.contains("correct horse"), "{name} shows a password");
        assert!(!text.contains("1234 "), "{name} shows the PIN");
    }
}

/// French screens read as French to a CleoCPS user: no CLI command, no
/// English key name or system message, no jargon.
#[test]
fn french_screens_have_no_command_english_or_jargon() {
    for (name, app) in sample::screens(Lang::Fr) {
        let text = render(&app, 80, 24);
        for bad in [
            "(cleocps ",
            "Esc",
            "os error",
            "OSC 52",
            "Message-ID",
            " --",
        ] {
            assert!(!text.contains(bad), "{name} shows {bad:?}:\n{text}");
        }
        for tag in [" nouv.", " dem.", " env."] {
            assert!(!text.contains(tag), "{name} shows the tag {tag:?}:\n{text}");
        }
    }
}

/// A long message wraps on the status rows instead of being cut
/// mid-sentence.
#[test]
fn a_long_status_wraps_whole() {
    let mut app = sample::example(Lang::Fr);
    let text = crate::i18n::t(Lang::Fr, "tui.paste.ignored").to_string();
    app.status = Some(super::app::Status { text, error: false });
    let screen = render(&app, 80, 24);
    let flat: String = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("et collez-la."), "{screen}");
    assert!(
        screen.contains("Dossiers"),
        "the tree still shows:\n{screen}"
    );
}
