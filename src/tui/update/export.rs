//! `update` for Étape 3's exports: where the dialogs start and what they
//! offer, and a wrong key password asked again with everything else kept
//! (the path, the PKCS#12 password and profile are not typed twice).

use crate::tui::action::Job;
use crate::tui::jobs as work;
use crate::tui::modal::{Ask, Hidden, Modal, SecretModal};
use crate::tui::App;
use cleocps_core::procedure::offered_name;
use cleocps_core::request::Request;
use cleocps_core::secret::Secret;
use cleocps_core::workspace::request_dir_in;
use std::path::{Path, PathBuf};

/// Where an export dialog starts: the last export's directory, else the
/// request's own.
fn start_dir(app: &App, req: &Request) -> PathBuf {
    app.export_dir
        .clone()
        .unwrap_or_else(|| request_dir_in(&app.root, &req.folder, &req.name))
}

/// "Exporter en PEM": `DIR/FQDN`, the files named after the server.
pub(super) fn open_pem(app: &mut App, req: &Request) {
    let out = start_dir(app, req).join(offered_name(req));
    let out = out.display().to_string();
    app.modal = Some(Modal::input(Ask::ExportFiles { path: req.path() }, &out));
}

/// "Exporter en PKCS#12": `DIR/FQDN.p12`.
pub(super) fn open_p12(app: &mut App, req: &Request) {
    let file = start_dir(app, req).join(format!("{}.p12", offered_name(req)));
    let file = file.display().to_string();
    app.modal = Some(Modal::input(Ask::P12File { path: req.path() }, &file));
}

/// The next export starts where this one went.
pub(super) fn remember_dir(app: &mut App, typed: &Path) {
    if let Some(dir) = typed.parent().filter(|d| !d.as_os_str().is_empty()) {
        app.export_dir = Some(dir.to_path_buf());
    }
}

/// The PEM export of `out` = `DIR/NAME` (a bare directory, typed with its
/// trailing `/`, keeps the request's name).
pub(super) fn pem_job(path: String, out: &Path, key_password: Option<Secret>, clear: bool) -> Job {
    let typed_dir = out.as_os_str().to_string_lossy().ends_with('/');
    let (dir, name) = match (typed_dir, out.file_name()) {
        (false, Some(name)) => (
            out.parent().unwrap_or(Path::new("")).to_path_buf(),
            Some(name.to_string_lossy().into_owned()),
        ),
        _ => (out.to_path_buf(), None),
    };
    Job::new(work::ExportPem {
        path,
        dir,
        name,
        key_password,
        clear,
        force: false,
    })
}

/// The key password was wrong: ask it again over the same job (path, file,
/// PKCS#12 password and profile kept), saying why.
pub(super) fn wrong_key_password(app: &mut App, retry: Job) {
    if let Some(status) = &mut app.status {
        status.error = true;
    }
    let error = app.status.as_ref().map(|s| s.text.clone());
    app.modal = Some(Modal::Secret(SecretModal {
        error,
        ..SecretModal::new(Hidden::KeyPasswordAgain {
            retry: Box::new(retry),
        })
    }));
}
