//! The operations of the manual procedure, shared by the CLI and the TUI.
//!
//! Each one loads the request, asks the life cycle whether the action is
//! allowed, does the slow work (RSA, parsing) without holding the workspace
//! lock, then takes the lock, checks the state again and writes: files
//! first, `request.json` last, each atomically. A failed action changes nothing.

mod card;

pub use card::{generate_card_request, load_ra_certificate, CardRequestReport};

use crate::config::SubjectDefaults;
use crate::error::{Error, Result};
use crate::fsutil::{create_private_dir, parent_of, write_atomic, PRIVATE_FILE};
use crate::i18n;
use crate::pki::{self, CertSummary, KeySize};
use crate::request::{Action, Generation, Request, RequestType, State};
use crate::secret::Secret;
use crate::validate::{self, StructureId};
use crate::workspace::{split_request_path, RequestFile, Workspace};
use std::path::{Path, PathBuf};

/// Mode of exported certificates (public material).
const PUBLIC_FILE: u32 = 0o644;

/// Now, as written in `request.json` (RFC 3339, UTC, seconds).
pub fn now() -> String {
    let t = time::OffsetDateTime::now_utc();
    t.replace_nanosecond(0)
        .unwrap_or(t)
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// A warning to show; the action went ahead. The string is a text id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Notice(pub &'static str);

impl Notice {
    pub fn localize(&self, lang: i18n::Lang) -> String {
        i18n::t(lang, self.0).to_string()
    }
}

pub fn create_folder(ws: &Workspace, name: Option<&str>) -> Result<String> {
    let _lock = ws.lock()?;
    ws.create_folder(name)
}

pub fn rename_folder(ws: &Workspace, old: &str, new: &str) -> Result<()> {
    let _lock = ws.lock()?;
    ws.rename_folder(old, new)
}

pub fn delete_folder(ws: &Workspace, name: &str, force: bool) -> Result<()> {
    let _lock = ws.lock()?;
    ws.delete_folder(name, force)
}

pub fn create_request(
    ws: &Workspace,
    folder: &str,
    name: Option<&str>,
    kind: RequestType,
) -> Result<Request> {
    create_request_with(ws, folder, name, kind, &SubjectDefaults::default())
}

/// Creates a request whose form starts from the configuration's `subject_defaults`.
pub fn create_request_with(
    ws: &Workspace,
    folder: &str,
    name: Option<&str>,
    kind: RequestType,
    defaults: &SubjectDefaults,
) -> Result<Request> {
    let _lock = ws.lock()?;
    let mut req = ws.create_request(folder, name, kind, &now())?;
    let s = &mut req.subject;
    for (slot, v) in [
        (&mut s.o, &defaults.o),
        (&mut s.ou, &defaults.ou),
        (&mut s.st, &defaults.st),
        (&mut s.l, &defaults.l),
        (&mut s.c, &defaults.c),
    ] {
        if let Some(v) = v.as_ref().filter(|v| !v.trim().is_empty()) {
            *slot = Some(v.trim().to_string());
        }
    }
    if defaults != &SubjectDefaults::default() {
        ws.save(&req)?;
    }
    Ok(req)
}

/// Deletes a request. One holding an issued certificate needs `force`.
pub fn delete_request(ws: &Workspace, path: &str, force: bool) -> Result<()> {
    let _lock = ws.lock()?;
    let req = ws.find(path)?;
    if !(force && req.state == State::CertificateImported) {
        req.state.check(Action::Delete)?;
    }
    ws.delete_request(&req)
}

/// Changes to the form; `None` leaves a field as it is, `Some("")` clears it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FormEdit {
    pub cn: Option<String>,
    pub email: Option<String>,
    pub san: Option<Vec<String>>,
    pub o: Option<String>,
    pub ou: Option<String>,
    pub st: Option<String>,
    pub l: Option<String>,
    pub c: Option<String>,
    pub allow_wildcard: bool,
}

/// A problem with one field of the form, for inline display.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    pub field: &'static str,
    pub problem_id: &'static str,
    /// A warning lets the form be applied.
    pub warning: bool,
}

/// Checks the fields an edit sets, without touching anything.
pub fn check_form(kind: RequestType, edit: &FormEdit) -> Vec<FieldProblem> {
    let mut out = Vec::new();
    let mut push = |field, problem: validate::Problem, warning| {
        out.push(FieldProblem {
            field,
            problem_id: problem.id,
            warning,
        })
    };
    let set = |v: &Option<String>| v.as_deref().filter(|s| !s.is_empty()).map(str::to_string);
    match kind {
        RequestType::Ssl => {
            if let Some(cn) = set(&edit.cn) {
                if let Err(p) = validate::fqdn(&cn, edit.allow_wildcard) {
                    push("field.cn", p, false);
                }
            }
            if set(&edit.email).is_some() {
                push("field.email", problem("val.email.ssl"), false);
            }
            for name in edit.san.iter().flatten().filter(|s| !s.is_empty()) {
                if let Err(p) = validate::fqdn(name, edit.allow_wildcard) {
                    push("field.san", p, false);
                }
            }
        }
        RequestType::Smime => {
            for (field, v) in [("field.email", &edit.email), ("field.email", &edit.cn)] {
                if let Some(mail) = set(v) {
                    if let Err(p) = validate::email(&mail) {
                        push(field, p, false);
                    }
                }
            }
            if edit.san.iter().flatten().any(|s| !s.is_empty()) {
                push("field.san", problem("val.san.smime"), false);
            }
        }
    }
    if let Some(ou) = set(&edit.ou) {
        match validate::structure_id(&ou) {
            Ok(StructureId::Valid) => {}
            Ok(StructureId::Unusual(p)) => push("field.ou", p, true),
            Err(p) => push("field.ou", p, false),
        }
    }
    if let Some(c) = set(&edit.c) {
        if let Err(p) = validate::country(&c) {
            push("field.c", p, false);
        }
    }
    for (field, v) in [
        ("field.o", &edit.o),
        ("field.st", &edit.st),
        ("field.l", &edit.l),
    ] {
        if let Some(text) = v.as_deref().filter(|s| !s.is_empty()) {
            if let Err(p) = validate::text_field(text) {
                push(field, p, false);
            }
        }
    }
    out
}

fn problem(id: &'static str) -> validate::Problem {
    validate::Problem { id }
}

/// Applies an edit to the form ("Appliquer modifications").
pub fn edit_form(ws: &Workspace, path: &str, edit: &FormEdit) -> Result<(Request, Vec<Notice>)> {
    let _lock = ws.lock()?;
    let mut req = ws.find(path)?;
    req.state.check(Action::EditForm)?;
    let problems = check_form(req.kind, edit);
    if let Some(p) = problems.iter().find(|p| !p.warning) {
        return Err(Error::Invalid {
            field: p.field,
            problem: problem(p.problem_id),
        });
    }
    let notices = problems.iter().map(|p| Notice(p.problem_id)).collect();
    let apply = |slot: &mut Option<String>, v: &Option<String>| {
        if let Some(v) = v {
            let v = v.trim();
            *slot = (!v.is_empty()).then(|| v.to_string());
        }
    };
    let s = &mut req.subject;
    match req.kind {
        RequestType::Ssl => {
            let cn = edit
                .cn
                .as_ref()
                .map(|c| c.trim().trim_end_matches('.').to_lowercase());
            apply(&mut s.cn, &cn);
        }
        RequestType::Smime => {
            apply(&mut s.cn, &edit.cn);
            apply(&mut s.cn, &edit.email);
        }
    }
    apply(&mut s.o, &edit.o);
    apply(&mut s.ou, &edit.ou);
    apply(&mut s.st, &edit.st);
    apply(&mut s.l, &edit.l);
    if let Some(c) = &edit.c {
        s.c = (!c.trim().is_empty()).then(|| c.trim().to_string());
    }
    if let Some(san) = &edit.san {
        let mut names: Vec<String> = Vec::new();
        for n in san
            .iter()
            .map(|n| n.trim().trim_end_matches('.').to_lowercase())
        {
            if !n.is_empty() && !names.contains(&n) {
                names.push(n);
            }
        }
        req.san = names;
    }
    req.allow_wildcard |= edit.allow_wildcard;
    req.log(Action::EditForm, "ok", &now());
    ws.save(&req)?;
    Ok((req, notices))
}

/// Étape 1 choices.
#[derive(Debug, Clone)]
pub struct KeyOptions {
    pub size: KeySize,
    /// `None` = "sans mot de passe" (a clear PKCS#8 key).
    pub password: Option<Secret>,
    /// Generate again in `keys_generated` (the TUI asked, the CLI got `--replace`).
    pub replace: bool,
}

/// Étape 1: generates the RSA key pair and writes `<request>.key`.
pub fn generate_keys(
    ws: &Workspace,
    path: &str,
    opts: &KeyOptions,
) -> Result<(Request, Vec<Notice>)> {
    let action = |state: State| {
        if state == State::KeysGenerated && opts.replace {
            Action::ReplaceKeys
        } else {
            Action::GenerateKeys
        }
    };
    let req = ws.find(path)?;
    req.state.check(action(req.state))?;
    let mut notices = Vec::new();
    if opts.size == KeySize::Legacy1024 {
        notices.push(Notice("notice.legacy_1024"));
    }
    if opts.password.is_none() {
        notices.push(Notice("notice.clear_key"));
    }
    // The slow part, without the lock.
    let key = pki::generate_key(opts.size)?;
    let pem = pki::encode_key_pem(&key, opts.password.as_ref())?;
    let _lock = ws.lock()?;
    let mut req = ws.find(path)?;
    let action = action(req.state);
    req.state.check(action)?;
    ws.write_file(&req, RequestFile::Key, pem.as_bytes())?;
    req.key_bits = Some(opts.size.bits() as u32);
    req.key_encrypted = Some(opts.password.is_some());
    let outcome = format!(
        "RSA {} {}",
        opts.size.bits(),
        if opts.password.is_some() {
            "encrypted"
        } else {
            "clear"
        }
    );
    req.transition(action, State::KeysGenerated, &outcome, &now());
    ws.save(&req)?;
    Ok((req, notices))
}

/// The CSR's subject and names from the form; an error names a missing field.
pub fn csr_spec(req: &Request) -> Result<pki::CsrSpec> {
    let missing = match req.kind {
        RequestType::Ssl => "field.cn",
        RequestType::Smime => "field.email",
    };
    let cn = req
        .subject
        .cn
        .clone()
        .ok_or(Error::FormIncomplete(missing))?;
    let san = match req.kind {
        RequestType::Ssl => std::iter::once(&cn)
            .chain(req.san.iter())
            .map(|n| pki::SanEntry::Dns(n.clone()))
            .collect(),
        RequestType::Smime => vec![pki::SanEntry::Email(cn.clone())],
    };
    let s = &req.subject;
    Ok(pki::CsrSpec {
        c: s.c.clone(),
        st: s.st.clone(),
        l: s.l.clone(),
        o: s.o.clone(),
        ou: s.ou.clone(),
        cn,
        san,
    })
}

/// Reads the request's private key, asking for the password only if it is encrypted.
pub fn load_key(
    ws: &Workspace,
    req: &Request,
    password: Option<&Secret>,
) -> Result<rsa::RsaPrivateKey> {
    let pem = zeroize::Zeroizing::new(
        String::from_utf8(ws.read_file(req, RequestFile::Key)?)
            .map_err(|_| Error::Pki(pki::PkiError::BadKeyFile("not UTF-8".into())))?,
    );
    Ok(pki::decode_key_pem(&pem, password)?)
}

/// Whether the request's key file is encrypted (so a password must be asked).
pub fn key_is_encrypted(ws: &Workspace, req: &Request) -> bool {
    ws.read_file(req, RequestFile::Key)
        .map(|b| pki::is_encrypted_key_pem(&String::from_utf8_lossy(&b)))
        .unwrap_or(false)
}

/// Étape 2, portal path: writes the PKCS#10 `<request>.csr` (no card).
pub fn generate_csr(ws: &Workspace, path: &str, key_password: Option<&Secret>) -> Result<Request> {
    let req = ws.find(path)?;
    req.state.check(Action::GenerateRequest)?;
    let spec = csr_spec(&req)?;
    let key = load_key(ws, &req, key_password)?;
    let der = pki::build_csr(&key, &spec)?;
    let _lock = ws.lock()?;
    let mut req = ws.find(path)?;
    req.state.check(Action::GenerateRequest)?;
    ws.write_file(&req, RequestFile::Csr, pki::csr_pem(&der).as_bytes())?;
    req.generation = Some(Generation::CsrOnly);
    req.transition(
        Action::GenerateRequest,
        State::RequestGenerated,
        "csr-only",
        &now(),
    );
    ws.save(&req)?;
    Ok(req)
}

/// The CSR (PEM) of a generated request.
pub fn csr_pem(ws: &Workspace, req: &Request) -> Result<String> {
    String::from_utf8(ws.read_file(req, RequestFile::Csr)?)
        .map_err(|_| Error::Pki(pki::PkiError::Crypto("CSR not UTF-8".into())))
}

/// What an import found.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ImportReport {
    pub leaf: CertSummary,
    pub chain: Vec<CertSummary>,
    /// Already in the user's language.
    pub warnings: Vec<String>,
}

/// Étape 3: imports the answer (`.p7c`, `.p7b`, PEM bundle, certificate).
/// The leaf is matched against the CSR's public key: no key password needed.
pub fn import_response(
    ws: &Workspace,
    path: &str,
    bytes: &[u8],
) -> Result<(Request, ImportReport)> {
    let req = ws.find(path)?;
    req.state.check(Action::ImportResponse)?;
    let csr = pki::csr_from_pem(&csr_pem(ws, &req)?)?;
    let spki = pki::csr_public_key_der(&csr)?;
    let certs = pki::parse_certificates(bytes)?;
    let answer = pki::select_answer(certs, &spki, &req.names(), std::time::SystemTime::now())?;
    let leaf_pem = pki::cert_pem(&answer.leaf)?;
    let chain_pem = pki::certs_pem(&answer.chain)?;
    let lang = i18n::current();
    let report = ImportReport {
        leaf: pki::summarize(&answer.leaf),
        chain: answer.chain.iter().map(pki::summarize).collect(),
        warnings: answer.warnings.iter().map(|w| w.localize(lang)).collect(),
    };
    let _lock = ws.lock()?;
    let mut req = ws.find(path)?;
    req.state.check(Action::ImportResponse)?;
    ws.write_file(&req, RequestFile::Answer, bytes)?;
    ws.write_file(&req, RequestFile::Chain, chain_pem.as_bytes())?;
    ws.write_file(&req, RequestFile::Crt, leaf_pem.as_bytes())?;
    let outcome = format!(
        "serial {} until {}",
        report.leaf.serial, report.leaf.not_after
    );
    req.transition(
        Action::ImportResponse,
        State::CertificateImported,
        &outcome,
        &now(),
    );
    ws.save(&req)?;
    Ok((req, report))
}

/// The issued certificate and its chain (issuer first), as imported.
fn certified(
    ws: &Workspace,
    req: &Request,
) -> Result<(x509_cert::Certificate, Vec<x509_cert::Certificate>)> {
    let leaf = pki::parse_certificates(&ws.read_file(req, RequestFile::Crt)?)?;
    let chain =
        pki::parse_certificates(&ws.read_file(req, RequestFile::Chain)?).unwrap_or_default();
    let leaf = leaf
        .into_iter()
        .next()
        .ok_or_else(|| Error::Pki(pki::PkiError::Crypto("empty certificate file".into())))?;
    Ok((leaf, chain))
}

/// Refuses to overwrite any of `paths` unless `force`; checked before writing anything.
fn check_free(paths: &[PathBuf], force: bool) -> Result<()> {
    match paths.iter().find(|p| p.exists()) {
        Some(p) if !force => Err(Error::FileExists(p.clone())),
        _ => Ok(()),
    }
}

/// Exports `<name>.key`, `.crt`, `.chain.pem`, `.fullchain.pem` into `out_dir`.
/// The key is re-encrypted under the key password, or clear when `clear`.
pub fn export_pem(
    ws: &Workspace,
    path: &str,
    out_dir: &Path,
    key_password: Option<&Secret>,
    clear: bool,
    force: bool,
) -> Result<Vec<PathBuf>> {
    let req = ws.find(path)?;
    req.state.check(Action::ExportPem)?;
    let key = load_key(ws, &req, key_password)?;
    let (leaf, chain) = certified(ws, &req)?;
    let key_pem = pki::encode_key_pem(&key, if clear { None } else { key_password })?;
    // fullchain = leaf + intermediates (no self-signed root), as nginx wants.
    let intermediates: Vec<_> = chain
        .iter()
        .filter(|c| c.tbs_certificate.subject != c.tbs_certificate.issuer)
        .cloned()
        .collect();
    let leaf_pem = pki::cert_pem(&leaf)?;
    let files = [
        ("key", key_pem.as_bytes().to_vec(), PRIVATE_FILE),
        ("crt", leaf_pem.clone().into_bytes(), PUBLIC_FILE),
        (
            "chain.pem",
            pki::certs_pem(&chain)?.into_bytes(),
            PUBLIC_FILE,
        ),
        (
            "fullchain.pem",
            format!("{leaf_pem}{}", pki::certs_pem(&intermediates)?).into_bytes(),
            PUBLIC_FILE,
        ),
    ];
    let paths: Vec<PathBuf> = files
        .iter()
        .map(|(ext, _, _)| out_dir.join(format!("{}.{ext}", req.name)))
        .collect();
    check_free(&paths, force)?;
    create_private_dir(out_dir).map_err(|e| Error::io(out_dir, e))?;
    for ((_, data, mode), p) in files.iter().zip(&paths) {
        write_atomic(p, data, *mode).map_err(|e| Error::io(p, e))?;
    }
    journal(ws, path, Action::ExportPem, &out_dir.display().to_string())?;
    Ok(paths)
}

/// Exports a PKCS#12 under its own password (never the key's).
pub fn export_p12(
    ws: &Workspace,
    path: &str,
    out_file: &Path,
    p12_password: &Secret,
    key_password: Option<&Secret>,
    legacy: bool,
    force: bool,
) -> Result<PathBuf> {
    let req = ws.find(path)?;
    req.state.check(Action::ExportP12)?;
    if key_password.is_some_and(|k| k == p12_password) {
        return Err(Error::SamePassword);
    }
    let key = load_key(ws, &req, key_password)?;
    let (leaf, chain) = certified(ws, &req)?;
    let profile = if legacy {
        pki::P12Profile::Legacy
    } else {
        pki::P12Profile::Modern
    };
    let der = pki::build_p12(&key, &leaf, &chain, &req.name, p12_password, profile)?;
    check_free(&[out_file.to_path_buf()], force)?;
    let dir = parent_of(out_file);
    create_private_dir(dir).map_err(|e| Error::io(dir, e))?;
    write_atomic(out_file, &der, PRIVATE_FILE).map_err(|e| Error::io(out_file, e))?;
    let outcome = format!(
        "{} {}",
        if legacy { "legacy" } else { "modern" },
        out_file.display()
    );
    journal(ws, path, Action::ExportP12, &outcome)?;
    Ok(out_file.to_path_buf())
}

/// Adds a journal line (exports do not change the state).
fn journal(ws: &Workspace, path: &str, action: Action, outcome: &str) -> Result<()> {
    let _lock = ws.lock()?;
    let mut req = ws.find(path)?;
    req.log(action, outcome, &now());
    ws.save(&req)
}

/// A new request pre-filled from this one: renewal of an issued
/// certificate, or "recommencer" after a rejection.
pub fn renew(ws: &Workspace, path: &str, new_name: Option<&str>) -> Result<Request> {
    let (folder, _) = split_request_path(path)?;
    let _lock = ws.lock()?;
    let mut old = ws.find(path)?;
    old.state.check(Action::Renew)?;
    let mut new = ws.create_request(folder, new_name, old.kind, &now())?;
    new.subject = old.subject.clone();
    new.san = old.san.clone();
    new.allow_wildcard = old.allow_wildcard;
    new.log(Action::Renew, &format!("from {}", old.path()), &now());
    ws.save(&new)?;
    old.log(Action::Renew, &format!("to {}", new.path()), &now());
    ws.save(&old)?;
    Ok(new)
}

/// The request's files with their sizes ("Accéder aux fichiers").
pub fn files(ws: &Workspace, req: &Request) -> Vec<(PathBuf, u64)> {
    let dir = ws.request_dir(&req.folder, &req.name);
    let mut out: Vec<(PathBuf, u64)> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.flatten()
                .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
                .filter_map(|e| Some((e.path(), e.metadata().ok()?.len())))
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// The issued certificate's summary, once imported.
pub fn certificate(ws: &Workspace, req: &Request) -> Result<Option<CertSummary>> {
    if !ws.file(req, RequestFile::Crt).exists() {
        return Ok(None);
    }
    let (leaf, _) = certified(ws, req)?;
    Ok(Some(pki::summarize(&leaf)))
}
