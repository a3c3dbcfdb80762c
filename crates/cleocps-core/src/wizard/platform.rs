//! The platform road's work: the request, its key and its CSR made in the
//! folder `CleoWizard`; then the certificate the platform issued imported
//! and the wizard's files written.

use super::{finalise, pending_secrets, prepare, FinalFiles, Start};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::i18n::t;
use crate::procedure;
use crate::request::{Generation, Request, RequestType, State};
use crate::workspace::Workspace;

/// The road a run takes (DESIGN §2a).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Route {
    /// The card and a registration server by mail (SSL and S/MIME only).
    #[default]
    Card,
    /// The IGC-Santé platform: a CSR out, the certificate back.
    Platform,
}

impl Route {
    /// The road of a request under way: its CSR says the platform; a type
    /// the card does not issue can only be the platform's.
    pub fn of(req: &Request) -> Route {
        match req.generation {
            Some(Generation::CsrOnly) => Route::Platform,
            Some(Generation::Card) => Route::Card,
            None if !req.kind.card_route() => Route::Platform,
            None => Route::Card,
        }
    }
}

/// A run stopped under way: its request, state, road and type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paused {
    pub path: String,
    pub state: State,
    pub route: Route,
    pub kind: RequestType,
}

/// Makes the request, its key (with the run's random password) and its
/// CSR, or what is left of a resumed run. Returns the request's path and
/// the CSR (PEM).
pub fn make_csr(ws: &Workspace, config: &Config, start: &Start) -> Result<(String, String)> {
    let path = match start {
        Start::New {
            target,
            key_password,
        } => prepare(ws, config, target, *key_password)?.0.path(),
        Start::Resume { path } => path.clone(),
    };
    let req = ws.find(&path)?;
    if req.state == State::KeysGenerated {
        let secrets = pending_secrets(ws, &req)?.ok_or_else(nothing_to_resume)?;
        procedure::generate_csr(ws, &path, secrets.key.as_ref())?;
    }
    let csr = procedure::csr_pem(ws, &ws.find(&path)?)?;
    Ok((path, csr))
}

/// The certificate the platform issued, as the user gives it back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Given {
    /// Pasted (or read by the front, e.g. from standard input).
    Text(Vec<u8>),
    /// A file to read: PEM, DER, `.p7b`/`.p7c`.
    File(std::path::PathBuf),
}

/// Imports the certificate the platform issued, then writes the wizard's
/// files (only the files, when it is already imported).
pub fn import(ws: &Workspace, path: &str, given: &Given) -> Result<(Request, FinalFiles)> {
    let req = ws.find(path)?;
    let secrets = pending_secrets(ws, &req)?.ok_or_else(nothing_to_resume)?;
    let req = match (req.state, given) {
        (State::CertificateImported, _) => req,
        (_, Given::Text(bytes)) => procedure::import_response(ws, path, bytes)?.0,
        (_, Given::File(file)) => {
            let bytes = std::fs::read(file).map_err(|e| Error::io(file, e))?;
            procedure::import_response(ws, path, &bytes)?.0
        }
    };
    let files = finalise(ws, &req, &secrets)?;
    Ok((req, files))
}

fn nothing_to_resume() -> Error {
    Error::Wizard(t(crate::i18n::current(), "wizard.nothing_to_resume").to_string())
}

/// The platform's steps for `kind`, in its own words: *Demander* → offer →
/// structure → *Demander un nouveau produit* → usage → provide the request.
pub fn platform_steps(kind: RequestType, lang: crate::i18n::Lang) -> Vec<String> {
    use crate::i18n::tf;
    let (offer, usage) = kind
        .platform_name()
        .split_once(' ')
        .unwrap_or((kind.platform_name(), ""));
    vec![
        t(lang, "wizard.pf.step_demander").to_string(),
        tf(lang, "wizard.pf.step_offer", &[&offer]),
        t(lang, "wizard.pf.step_structure").to_string(),
        t(lang, "wizard.pf.step_new").to_string(),
        tf(lang, "wizard.pf.step_usage", &[&usage]),
        t(lang, "wizard.pf.step_provide").to_string(),
    ]
}
