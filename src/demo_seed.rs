//! The demo's example requests, made once with the sandbox: one of each
//! road — a card-and-mail request ready for the card's signature, and
//! platform certificates issued by the rehearsal server acting as the
//! platform — one of which the rehearsal server revoked (`ra revoke`), so
//! the tree shows "révoqué" as soon as the interface has checked.

use cleocps_core::config::Config;
use cleocps_core::error::Result;
use cleocps_core::pki::{self, KeySize};
use cleocps_core::procedure::{self as core, FormEdit, KeyOptions};
use cleocps_core::request::RequestType;
use cleocps_core::workspace::Workspace;
use cleocps_ra::{self as ra, Pointers, RaDir};
use std::path::Path;
use std::time::SystemTime;

/// The folder of the examples.
pub const FOLDER: &str = "Clinique de Démonstration";
/// The platform certificate the rehearsal server revoked.
pub const REVOKED: &str = "ancien-web";

/// Makes the examples in `workspace`; the certificates point at the
/// revocation server's address `base` (`http://127.0.0.1:PORT`).
pub fn seed(workspace: &Path, config: &Config, ra_dir: &Path, base: &str) -> Result<()> {
    let ws = Workspace::open(workspace)?.with_trust(config.trust.clone());
    let mut server = RaDir::open(ra_dir)?;
    server.settings.pointers = Pointers {
        crl: vec![format!("{base}/crl/ca.crl")],
        ocsp: Some(format!("{base}/ocsp")),
        ca_issuers: None,
    };
    let folder = core::create_folder(&ws, Some(FOLDER))?;
    let defaults = &config.subject_defaults;
    // The card road: keys made, form filled; next, the card signs it.
    let mail = core::create_request(
        &ws,
        &folder,
        Some("messagerie"),
        RequestType::Smime,
        defaults,
    )?;
    let edit = FormEdit {
        email: Some("messagerie@clinique-demo.fr".into()),
        ..FormEdit::default()
    };
    core::edit_form(&ws, &mail.path(), &edit)?;
    keys(&ws, &mail.path())?;
    // The platform road: an INSi certificate in service, and an old web
    // server's certificate revoked for a key compromise.
    certified(
        &ws,
        &server,
        &folder,
        "insi",
        RequestType::OrgAuthCli,
        "INSI-AUTO",
    )?;
    let serial = certified(
        &ws,
        &server,
        &folder,
        REVOKED,
        RequestType::Ssl,
        "ancien-web.clinique-demo.fr",
    )?;
    ra::revocation::revoke(&server, &serial, "keyCompromise", SystemTime::now())?;
    Ok(())
}

fn keys(ws: &Workspace, path: &str) -> Result<()> {
    let opts = KeyOptions {
        size: KeySize::B2048,
        password: None,
        replace: false,
    };
    core::generate_keys(ws, path, &opts).map(|_| ())
}

/// A request of `kind` named `cn`, its CSR issued by the rehearsal server
/// as the platform and imported; returns the certificate's serial.
fn certified(
    ws: &Workspace,
    server: &RaDir,
    folder: &str,
    name: &str,
    kind: RequestType,
    cn: &str,
) -> Result<String> {
    let req = core::create_request(ws, folder, Some(name), kind, &Default::default())?;
    let path = req.path();
    let edit = FormEdit {
        cn: Some(cn.into()),
        o: Some("Clinique de Démonstration".into()),
        ou: Some("318751275100020".into()),
        st: Some("Sarthe (72)".into()),
        c: Some("FR".into()),
        ..FormEdit::default()
    };
    core::edit_form(ws, &path, &edit)?;
    keys(ws, &path)?;
    core::generate_csr(ws, &path, None)?;
    let csr = pki::csr_from_pem(&core::csr_pem(ws, &ws.find(&path)?)?)?;
    let cert = ra::issue_for_csr(server, &csr, kind, SystemTime::now())?;
    let mut pem = pki::cert_pem(&cert)?;
    for c in ra::chain(server) {
        pem.push_str(&pki::cert_pem(&c)?);
    }
    core::import_response(ws, &path, pem.as_bytes())?;
    Ok(pki::summarize(&cert).serial)
}
