//! The command palette (F10 or `:`): every action with the
//! original CleoCPS wording and its key, filtered as one types, reachable
//! from the tree, the form and the CleoWizard screen.

use crate::support;

use cleocps::i18n::Lang;
use cleocps::tui::action::Step;
use cleocps::tui::app::Layer;
use cleocps::tui::modal::{Ask, InputModal, Modal};
use cleocps::tui::{keymap, tree, update, Action, App};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use support::tui::{french, typed};

fn key(c: KeyCode) -> KeyEvent {
    KeyEvent::new(c, KeyModifiers::NONE)
}

/// The labels the open palette lists, with their keys.
fn listed(app: &App) -> Vec<(String, String)> {
    match &app.modal {
        Some(Modal::Palette(m)) => m
            .entries(app.lang)
            .into_iter()
            .map(|e| (e.key, e.label.to_string()))
            .collect(),
        other => panic!("palette expected, got {other:?}"),
    }
}

#[test]
fn f10_and_colon_open_the_palette_with_the_original_words() {
    let mut app = french();
    for k in [KeyCode::F(10), KeyCode::Char(':')] {
        let action = keymap::action_for(&app, key(k)).expect("bound");
        update(&mut app, action);
        assert_eq!(app.layer(), Layer::Palette);
        let all = listed(&app);
        for (k, label) in [
            ("w", "Obtenir un certificat serveur (CleoWizard)"),
            ("c", "Créer un dossier"),
            ("a", "Créer une demande de certificat"),
            ("g", "Générer les clés"),
            ("f", "Accéder aux fichiers"),
            ("q", "Quitter"),
        ] {
            assert!(
                all.contains(&(k.to_string(), label.to_string())),
                "{label} ({k}) in {all:?}"
            );
        }
        assert!(!all.iter().any(|(_, l)| l.contains("cleocps ")), "{all:?}");
        update(&mut app, Action::Cancel);
        assert_eq!(app.layer(), Layer::Main, "Échap closes");
    }
}

#[test]
fn typing_filters_and_enter_runs() {
    let mut app = french();
    update(&mut app, Action::Palette);
    typed(&mut app, "creer un doss");
    let left = listed(&app);
    assert_eq!(
        left.first().map(|(_, l)| l.as_str()),
        Some("Créer un dossier"),
        "{left:?}"
    );
    assert!(left.len() < 3, "filtered: {left:?}");
    update(&mut app, Action::Submit);
    assert!(
        matches!(
            &app.modal,
            Some(Modal::Input(InputModal {
                what: Ask::FolderName,
                ..
            }))
        ),
        "{:?}",
        app.modal
    );
}

#[test]
fn the_selection_moves_and_a_step_action_brings_its_tab() {
    let mut app = french();
    assert!(tree::select(&mut app, "Dossier 2/Demande 1"));
    app.step = Step::Final;
    update(&mut app, Action::Palette);
    typed(&mut app, "clés");
    update(&mut app, Action::Down);
    update(&mut app, Action::Up);
    update(&mut app, Action::Submit);
    assert_eq!(app.step, Step::Init, "Générer les clés is on Étape 1");
    assert!(app.modal.is_some(), "the key size is asked");
}

#[test]
fn reachable_from_the_form_and_the_wizard() {
    let mut app = french();
    assert!(tree::select(&mut app, "Dossier 2/Demande 1"));
    update(&mut app, Action::EditForm);
    assert_eq!(app.layer(), Layer::Form);
    let action = keymap::action_for(&app, key(KeyCode::F(10))).expect("F10 in the form");
    update(&mut app, action);
    assert_eq!(app.layer(), Layer::Palette);
    // `:` stays a character in a field.
    update(&mut app, Action::Cancel);
    assert!(matches!(
        keymap::action_for(&app, key(KeyCode::Char(':'))),
        Some(Action::Edit(_))
    ));
    let mut app = french();
    update(&mut app, Action::Wizard);
    if app.layer() == Layer::Wizard {
        let action = keymap::action_for(&app, key(KeyCode::F(10))).expect("F10 in the wizard");
        update(&mut app, action);
        assert_eq!(app.layer(), Layer::Palette);
    }
}

#[test]
fn the_welcome_screen_offers_the_home_page_entries() {
    let app = App::new(Lang::Fr, std::path::PathBuf::from("/tmp/x"));
    let screen = support::tui::render(&app, 80, 24);
    assert!(
        screen.contains("Obtenir un certificat serveur (CleoWizard)"),
        "{screen}"
    );
    assert!(screen.contains("Créer un dossier"), "{screen}");
    assert!(screen.contains("F10"), "{screen}");
}
