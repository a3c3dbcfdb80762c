//! The portal route explained on screen, and a
//! layout that uses the space (names first in "Accéder aux fichiers",
//! long values wrapped, more details on a large terminal).

use crate::support;

use cleocps::i18n::Lang;
use cleocps::tui::action::{FileEntry, Step};
use cleocps::tui::modal::{CsrModal, FilesModal, Modal};
use cleocps::tui::{sample, tree, App};
use std::path::PathBuf;

fn at(lang: Lang, path: &str, step: Step) -> App {
    let mut app = sample::example(lang);
    assert!(tree::select(&mut app, path), "{path}");
    app.step = step;
    app
}

const DIR: &str = "/home/admin/.local/share/cleocps/dossiers/Dossier 2/Demande 1";

fn files(names: &[(&str, u64, u32)]) -> FilesModal {
    let dir = PathBuf::from(DIR);
    FilesModal {
        files: names
            .iter()
            .map(|(n, size, mode)| FileEntry {
                path: dir.join(n),
                size: *size,
                mode: *mode,
            })
            .collect(),
        dir,
    }
}

/// Stumble 2: at 80 columns the file names are visible, the folder once.
#[test]
fn the_files_dialog_shows_names_then_size_and_mode() {
    for (lang, size) in [(Lang::Fr, "1,8 Ko"), (Lang::En, "1.8 KB")] {
        let mut app = at(lang, "Dossier 2/Demande 1", Step::Init);
        app.modal = Some(Modal::Files(files(&[
            ("Demande 1.crt", 2106, 0o100_644),
            ("Demande 1.csr", 1082, 0o100_644),
            ("Demande 1.key", 1874, 0o100_600),
            ("Demande 1.p12", 3301, 0o100_600),
            ("request.json", 612, 0o100_644),
        ])));
        let screen = support::tui::render(&app, 80, 24);
        for name in [
            "Demande 1.crt",
            "Demande 1.key",
            "Demande 1.p12",
            "request.json",
        ] {
            assert!(screen.contains(name), "{name}\n{screen}");
        }
        assert_eq!(screen.matches("dossiers/Dossier 2").count(), 1, "{screen}");
        let row = screen
            .lines()
            .find(|l| l.contains("Demande 1.key"))
            .expect("key row");
        let name = row.find("Demande 1.key").expect("name");
        let s = row.find(size).unwrap_or_else(|| panic!("{size}\n{screen}"));
        let mode = row.find("-rw-------").expect("mode");
        assert!(name < s && s < mode, "{row}");
        assert!(!screen.contains('…'), "{screen}");
    }
}

#[test]
fn a_very_long_file_name_is_cut_in_the_middle() {
    let long = format!("{}-{}.p12", "a".repeat(40), "b".repeat(40));
    let mut app = at(Lang::Fr, "Dossier 2/Demande 1", Step::Init);
    app.modal = Some(Modal::Files(files(&[(&long, 10, 0o100_600)])));
    let screen = support::tui::render(&app, 80, 24);
    let row = screen.lines().find(|l| l.contains("aaaa")).expect("row");
    assert!(row.contains("…") && row.contains("bb.p12"), "{row}");
    assert!(row.contains("10 o"), "{row}");
}

/// The value column of the rows starting at the row labelled `label`:
/// its first row, then the continuation rows (blank label), joined.
fn value_of(screen: &str, label: &str, label_w: usize) -> String {
    let rows: Vec<Vec<char>> = screen.lines().map(|l| l.chars().collect()).collect();
    let marker: Vec<char> = format!("│{label}").chars().collect();
    let (start, col) = rows
        .iter()
        .enumerate()
        .find_map(|(i, r)| {
            r.windows(marker.len())
                .position(|w| w == marker.as_slice())
                .map(|c| (i, c + 1))
        })
        .unwrap_or_else(|| panic!("{label}\n{screen}"));
    let mut out = String::new();
    for (i, row) in rows[start..].iter().enumerate() {
        let cells: String = row.iter().skip(col).collect();
        let head: String = cells.chars().take(label_w).collect();
        let value: String = cells.chars().skip(label_w).collect();
        if i > 0 && !head.trim().is_empty() {
            break;
        }
        let value = value.trim_end_matches(['│', ' ']);
        if value.is_empty() {
            break;
        }
        out.push_str(value);
    }
    out
}

/// Stumble 2: at 120×40 Subject and SHA-256 are whole, and the rows below
/// the buttons show the chain, the journal and the files.
#[test]
fn step3_on_a_large_terminal_wraps_and_shows_more() {
    let app = at(Lang::Fr, "Clinique du Test/srv-web", Step::Final);
    let cert = app.certs["Clinique du Test/srv-web"].clone();
    let screen = support::tui::render(&app, 120, 40);
    let squash = |s: &str| s.replace(' ', "");
    assert_eq!(
        squash(&value_of(&screen, "Sujet", 11)),
        squash(&cert.subject),
        "{screen}"
    );
    assert_eq!(
        value_of(&screen, "SHA-256", 11),
        cert.fingerprint,
        "{screen}"
    );
    assert!(!cert.fingerprint.contains('…'));
    // The chain up to the anchor, the journal (most recent last), the files.
    for name in &cert.chain {
        assert!(screen.contains(name.as_str()), "{name}\n{screen}");
    }
    let req = tree::selected_request(&app).expect("request");
    let last = req.journal.last().expect("journal");
    let when = last.time[..16].replace('T', " ");
    assert!(screen.contains(&when), "{when}\n{screen}");
    // The buttons are still there.
    assert!(screen.contains("[m] Relever la boîte"), "{screen}");
    // Taller still: the request's files, with their sizes.
    let screen = support::tui::render(&app, 120, 50);
    let row = screen
        .lines()
        .find(|l| l.contains("│  srv-web.key "))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(
        row.contains("1,8 Ko") && row.contains("-rw-------"),
        "{row}"
    );
    assert!(screen.contains(&when), "{when}\n{screen}");
}

/// At 80×24 nothing important is lost: every button possible now stays
/// on screen, and a last row says that more (those not possible) follows.
#[test]
fn step3_at_80x24_keeps_every_button() {
    for lang in [Lang::Fr, Lang::En] {
        let app = at(lang, "Clinique du Test/srv-web", Step::Final);
        let screen = support::tui::render(&app, 80, 24);
        for key in ["[x]", "[p]", "[f]", "[n]", "[D]", "↓"] {
            assert!(screen.contains(key), "{key}\n{screen}");
        }
    }
}

/// Stumble 7: Étape 2 of a request for the portal explains the route,
/// without jargon.
#[test]
fn step2_of_a_portal_request_explains_the_route() {
    for (lang, portal, paste) in [
        (Lang::Fr, "plateforme IGC-Santé", "étape 3"),
        (Lang::En, "IGC-Santé platform", "Step 3"),
    ] {
        let app = at(lang, "Clinique du Test/portail", Step::Request);
        let screen = support::tui::render(&app, 80, 24);
        assert!(screen.contains(portal), "{screen}");
        assert!(screen.contains("CPS"), "{screen}");
        assert!(screen.contains(paste), "{screen}");
        assert!(screen.contains("1.") && screen.contains("4."), "{screen}");
        assert!(!screen.contains("OSC"), "{screen}");
        // The form is still shown on a large terminal, above the route.
        let large = support::tui::render(&app, 120, 40);
        assert!(large.contains("portail.clinique-test.fr"), "{large}");
        assert!(large.contains(portal), "{large}");
    }
}

/// Étape 3 of a request for the portal says to paste the certificate (v).
#[test]
fn step3_of_a_portal_request_says_paste_it_here() {
    let app = at(Lang::Fr, "Clinique du Test/portail", Step::Final);
    let screen = support::tui::render(&app, 80, 24);
    assert!(screen.contains("plateforme IGC-Santé"), "{screen}");
    assert!(screen.contains("[v] Coller la réponse"), "{screen}");
}

/// The CSR dialog of a portal request: the route in short, then the PEM
/// whole (to select with the mouse) at 80×24.
#[test]
fn the_csr_dialog_explains_and_shows_the_pem_whole() {
    for lang in [Lang::Fr, Lang::En] {
        let mut app = at(lang, "Clinique du Test/portail", Step::Final);
        let (_, screen_app) = sample::screens(lang)
            .into_iter()
            .find(|(n, _)| *n == "13-csr")
            .expect("13-csr");
        let Some(Modal::Csr(m)) = screen_app.modal else {
            panic!("csr")
        };
        let pem = m.pem.clone();
        app.modal = Some(Modal::Csr(CsrModal {
            path: "Clinique du Test/portail".into(),
            pem: pem.clone(),
            scroll: 0,
        }));
        let screen = support::tui::render(&app, 80, 24);
        for line in pem.lines() {
            assert!(screen.contains(line), "{line}\n{screen}");
        }
        assert!(screen.contains("IGC-Sant"), "{screen}");
        assert!(!screen.contains("OSC"), "{screen}");
    }
}
