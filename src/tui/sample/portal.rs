//! The portal route and a large terminal: the example's journals, chain
//! and files, and the screens that show them.

use crate::tui::action::{FileEntry, Step};
use crate::tui::app::App;
use cleocps_core::request::JournalEntry;
use std::path::{Path, PathBuf};

/// Where the example's requests live.
pub const DOSSIERS: &str = "/home/admin/.local/share/cleocps/dossiers";

fn entry(time: &str, action: &str, outcome: &str) -> JournalEntry {
    JournalEntry {
        time: time.into(),
        action: action.into(),
        outcome: outcome.into(),
    }
}

/// `srv-web` went the portal's way, then was installed; `portail` waits
/// for its certificate.
pub fn journals(app: &mut App) {
    let made = [
        entry(
            "2026-02-27T08:40:12Z",
            "keys_generate",
            "RSA 2048 encrypted",
        ),
        entry("2026-02-27T08:41:03Z", "form_edit", "ok"),
        entry("2026-02-27T08:42:30Z", "request_generate", "csr-only"),
    ];
    for folder in &mut app.tree {
        for r in &mut folder.requests {
            match r.path().as_str() {
                "Clinique du Test/srv-web" => {
                    r.journal = made.to_vec();
                    r.journal.extend([
                        entry(
                            "2026-03-02T09:15:00Z",
                            "response_import",
                            "serial 4A1F09C2D37B until 2029-03-01T09:14:59Z",
                        ),
                        entry(
                            "2026-03-02T09:18:44Z",
                            "export_p12",
                            "srv-web.clinique-test.fr.p12",
                        ),
                        entry(
                            "2026-03-04T10:02:11Z",
                            "deploy",
                            "serial 4A1F09C2D37B to /etc/nginx/tls: deployed",
                        ),
                    ]);
                }
                "Clinique du Test/portail" => r.journal = made.to_vec(),
                _ => {}
            }
        }
    }
}

/// The chain of `srv-web`, the leaf's issuer first, up to the anchor.
pub fn chain() -> Vec<String> {
    vec![
        "TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS".into(),
        "TEST AC RACINE IGC-SANTE ELEMENTAIRE".into(),
    ]
}

/// The files of a request directory, named after the request.
pub fn files(dir: &Path, name: &str) -> Vec<FileEntry> {
    let mut out: Vec<FileEntry> = [
        ("request.json", 2214, 0o100_600),
        ("smime.p7c", 4127, 0o100_644),
        (".chain.pem", 3840, 0o100_644),
        (".crt", 2106, 0o100_644),
        (".csr", 1082, 0o100_644),
        (".key", 1874, 0o100_600),
    ]
    .iter()
    .map(|(n, size, mode)| FileEntry {
        path: dir.join(if n.starts_with('.') {
            format!("{name}{n}")
        } else {
            (*n).to_string()
        }),
        size: *size,
        mode: *mode,
    })
    .collect();
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

/// The directory of the example's `srv-web`.
pub fn srv_web_dir() -> PathBuf {
    Path::new(DOSSIERS).join("Clinique du Test/srv-web")
}

pub fn screens(lang: crate::i18n::Lang) -> Vec<(&'static str, App)> {
    // Étape 2 of a request made for the portal: the route, step by step.
    let step2 = super::at(lang, "Clinique du Test/portail", Step::Request);
    // Étape 3 on a 120×40 terminal: values whole, chain, journal, files.
    let mut large = super::at(lang, "Clinique du Test/srv-web", Step::Final);
    large.size = (120, 40);
    vec![("45-portal-step2", step2), ("46-step3-large", large)]
}
