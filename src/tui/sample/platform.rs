//! The platform road: an ORG AUTH_CLI request for INSi, its form with the
//! INSi names offered, and the screens of its route.

use super::{at, request};
use crate::i18n::Lang;
use crate::tui::action::Step;
use crate::tui::app::App;
use crate::tui::form::Form;
use crate::tui::modal::{Ask, Hidden, Modal};
use cleocps_core::request::{Generation, RequestType, State};

/// Where the example's INSi request lives.
pub const INSI: &str = "Dossier 2/insi";

/// The example with an ORG AUTH_CLI request for INSi in "Dossier 2",
/// selected, at `step`.
pub fn with_insi(lang: Lang, state: State, step: Step) -> App {
    let mut app = at(lang, "Dossier 2/Demande 1", step);
    let mut insi = request("Dossier 2", "insi", RequestType::OrgAuthCli, state);
    insi.subject.cn = Some("INSI-AUTO".into());
    if state == State::RequestGenerated {
        insi.generation = Some(Generation::CsrOnly);
    }
    if let Some(folder) = app.tree.iter_mut().find(|f| f.name == "Dossier 2") {
        folder.requests.push(insi);
    }
    crate::tui::tree::select(&mut app, INSI);
    app
}

pub fn screens(lang: Lang) -> Vec<(&'static str, App)> {
    let mut out = Vec::new();
    // The ORG form: a service name, INSi's names offered (F2), a
    // look-alike warned before the CSR.
    let mut form = with_insi(lang, State::KeysGenerated, Step::Request);
    if let Some(req) = crate::tui::tree::selected_request(&form) {
        let mut f = Form::open(req);
        if let Some(field) = f.fields.first_mut() {
            field.input = tui_input::Input::new("INSI_AUTO".into());
        }
        f.recheck();
        form.form = Some(f);
    }
    out.push(("60-org-form", form));
    // The first run: which road (the welcome page behind).
    let mut road = App::new(lang, std::path::PathBuf::from("/srv/cleocps"));
    crate::tui::update::road::ask(&mut road);
    out.push(("61-first-run-road", road));
    // Étape 2 of an ORG AUTH_CLI request: the platform's steps, its words.
    out.push((
        "62-platform-step2-org",
        with_insi(lang, State::RequestGenerated, Step::Request),
    ));
    // Étape 3: the platform made the key; its `.p12`, then its password.
    let mut file = with_insi(lang, State::New, Step::Final);
    file.modal = Some(Modal::input(
        Ask::PlatformP12 { path: INSI.into() },
        "/home/admin/Téléchargements/asip-p12-EL-TEST-ORG-AUTH_CLI-20260302-091500.p12",
    ));
    out.push(("63-platform-p12-file", file));
    let mut password = with_insi(lang, State::New, Step::Final);
    password.modal = Some(Modal::secret(Hidden::PlatformP12Password {
        path: INSI.into(),
        file: "/home/admin/Téléchargements/asip-p12-EL-TEST-ORG-AUTH_CLI-20260302-091500.p12"
            .into(),
    }));
    out.push(("64-platform-p12-password", password));
    out
}
