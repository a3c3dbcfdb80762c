//! What a result dialog says is laid out line by line.

use crate::support;

use cleocps::i18n::Lang;
use cleocps::tui::modal::{MessageModal, Modal};
use cleocps::tui::sample;

#[test]
fn the_done_dialog_lists_paths_one_per_line() {
    let mut app = sample::example(Lang::Fr);
    app.modal = Some(Modal::Message(MessageModal {
        title: "tui.title.report",
        text: "Fichiers écrits :\n• /srv/a/Demande 1.eml\n• /srv/a/srv.key\n\n⚠ Envoyez-la".into(),
        error: false,
    }));
    let screen = support::tui::render(&app, 80, 24);
    let rows: Vec<&str> = screen.lines().collect();
    let row = |s: &str| rows.iter().position(|r| r.contains(s));
    let eml = row("Demande 1.eml").expect("eml shown");
    let key = row("srv.key").expect("key shown");
    let send = row("Envoyez-la").expect("advice shown");
    assert!(eml < key && key < send, "{screen}");
    assert!(!rows[eml].contains("srv.key"), "{screen}");
}

/// A pre-filled field says Ctrl-U empties it.
#[test]
fn a_prefilled_input_hints_ctrl_u() {
    use cleocps::tui::modal::Ask;
    let mut app = sample::example(Lang::Fr);
    app.modal = Some(Modal::input(Ask::FolderName, "Dossier 3"));
    let screen = support::tui::render(&app, 80, 24);
    assert!(screen.contains("Ctrl-U vider"), "{screen}");
    app.modal = Some(Modal::input(Ask::FolderName, ""));
    let screen = support::tui::render(&app, 80, 24);
    assert!(!screen.contains("Ctrl-U"), "{screen}");
}

/// The cursor sits after the dots of a password field.
#[test]
fn password_fields_show_the_cursor() {
    use cleocps::tui::modal::{Hidden, Then};
    let mut app = sample::example(Lang::Fr);
    app.modal = Some(Modal::secret(Hidden::KeyPassword {
        then: Then::Csr {
            path: "Dossier 2/Demande 1".into(),
        },
    }));
    let screen = support::tui::render(&app, 80, 24);
    let (x, y) = support::tui::cursor(&app, 80, 24);
    // In the dialog, after the field's label, not in the corner.
    assert!(y > 0 && x > 20 && x < 70, "({x},{y})\n{screen}");
}

/// The help scrolls by pages, stops at its end, and
/// says when more follows.
#[test]
fn help_pages_with_pageup_pagedown_and_says_more_follows() {
    use cleocps::tui::modal::{HelpModal, Modal};
    use cleocps::tui::{update, Action};
    let mut app = support::tui::at(
        "Clinique du Test/srv-web",
        cleocps::tui::action::Step::Final,
    );
    app.lang = cleocps::i18n::Lang::Fr;
    app.size = (80, 24);
    update(&mut app, Action::Help);
    let first = support::tui::render(&app, 80, 24);
    assert!(first.contains("↓ suite : Pg suiv"), "{first}");
    update(&mut app, Action::PageDown);
    let scroll = |app: &cleocps::tui::App| match &app.modal {
        Some(Modal::Help(HelpModal { scroll })) => *scroll,
        other => panic!("{other:?}"),
    };
    assert!(scroll(&app) >= 15, "a page, not a line: {}", scroll(&app));
    for _ in 0..50 {
        update(&mut app, Action::PageDown);
    }
    let end = scroll(&app);
    update(&mut app, Action::Down);
    assert_eq!(scroll(&app), end, "stops at the end");
    let last = support::tui::render(&app, 80, 24);
    assert!(!last.contains("↓ suite"), "{last}");
    // One PageUp is one page back, whatever was pressed past the end.
    update(&mut app, Action::PageUp);
    assert!(scroll(&app) < end);
    update(&mut app, Action::Home);
    assert_eq!(scroll(&app), 0);
}

/// A disabled button's reason wraps under itself, not at the pane's edge.
#[test]
fn a_wrapped_reason_keeps_its_indent() {
    let mut app = support::tui::at(
        "Clinique du Test/portail",
        cleocps::tui::action::Step::Request,
    );
    app.lang = Lang::Fr;
    let screen = support::tui::render(&app, 80, 24);
    let pane: Vec<&str> = screen
        .lines()
        .filter_map(|l| l.split("││").nth(1))
        .collect();
    let mut seen = 0;
    for pair in pane.windows(2) {
        let (reason, next) = (pair[0], pair[1]);
        let next = next.trim_end_matches('│');
        // The last row may say that more follows, instead of the rest.
        let more = next.starts_with('↓');
        if reason.contains('↳') && !next.trim().is_empty() && !next.starts_with('[') && !more {
            assert!(
                next.starts_with("      "),
                "{next:?} after {reason:?}:\n{screen}"
            );
            seen += 1;
        }
    }
    assert!(seen > 0, "no wrapped reason on this screen:\n{screen}");
}
