//! The operations of the manual procedure, shared by the CLI and the TUI.
//!
//! Each one loads the request, asks the life cycle whether the action is
//! allowed, does the slow work (RSA, parsing) without holding the workspace
//! lock, then takes the lock, checks the state again and writes: files
//! first, `request.json` last, each atomically. A failed action changes nothing.

mod adopt;
mod card;
mod card_setup;
mod export;
mod form;
mod key_password;
mod platform_p12;
mod prefill;
mod reject;

pub use adopt::{adopt, AdoptSource};
pub use card::{check_card_route, generate_card_request, load_ra_certificate, CardRequestReport};
pub use card_setup::{holder_text, prepare_card, CardReady, CardSetup, CardWait, PinStep};
pub use export::{certified, export_p12, export_pem, offered_name};
pub use form::{check_form, edit_form, form_complete, FieldProblem, FormEdit};
pub use key_password::{change_key_password, KeyPasswordChange};
pub use platform_p12::import_platform_p12;
pub use prefill::{create_request_prefilled, prefill};
pub use reject::{clean_reason, record_rejection, reject_by_hand, valid_code};

use crate::config::SubjectDefaults;
use crate::error::{Error, Result};
use crate::i18n;
use crate::pki::{self, CertSummary, KeySize};
use crate::request::{Action, Generation, Request, RequestType, SanKind, State};
use crate::secret::Secret;
use crate::trust;
use crate::workspace::{split_request_path, RequestFile, Workspace};
use std::path::PathBuf;

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

/// Creates a request whose form starts from the configuration's `subject_defaults`.
pub fn create_request(
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
        req.check(Action::Delete)?;
    }
    ws.delete_request(&req)
}

/// The key size asked for (a flag, else `key_bits` of the configuration),
/// 2048 bits when neither says; 1024 only with `legacy` (`--legacy-1024`).
pub fn key_size(bits: Option<u32>, legacy: bool) -> Result<KeySize> {
    match (bits, legacy) {
        (None | Some(1024), true) => Ok(KeySize::Legacy1024),
        (Some(1024), false) => Err(Error::LegacyNeedsFlag),
        (None, false) => Ok(KeySize::B2048),
        (Some(b), _) => match KeySize::from_bits(b as usize) {
            Some(s) if s != KeySize::Legacy1024 => Ok(s),
            _ => Err(Error::BadKeySize(b)),
        },
    }
}

/// The key size of the configuration (`key_bits`, validated when loaded), for
/// the fronts' default choice and the wizard.
pub fn configured_key_size(config: &crate::config::Config) -> KeySize {
    key_size(config.key_bits, false).unwrap_or(KeySize::B2048)
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
    req.check(action(req.state))?;
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
    req.check(action)?;
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
    form_complete(req)?;
    let cn = req.subject.cn.clone().unwrap_or_default();
    let san = match req.kind.san_kind() {
        SanKind::Dns => std::iter::once(&cn)
            .chain(req.san.iter())
            .map(|n| pki::SanEntry::Dns(n.clone()))
            .collect(),
        SanKind::Email => vec![pki::SanEntry::Email(cn.clone())],
        SanKind::None => Vec::new(),
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
        // The types of the card road keep the request they always had.
        usage: (!req.kind.card_route()).then(|| req.kind.usage()),
    })
}

/// Warnings about the request's subject to show before its CSR is made
/// (a CN that looks like an INSi name without being one).
pub fn subject_notices(req: &Request) -> Vec<Notice> {
    crate::request::subject::subject_warnings(req.kind, req.subject.cn.as_deref())
        .into_iter()
        .map(Notice)
        .collect()
}

/// Reads the request's private key, asking for the password only if it is encrypted.
pub fn load_key(
    ws: &Workspace,
    req: &Request,
    password: Option<&Secret>,
) -> Result<rsa::RsaPrivateKey> {
    decode_key(&ws.read_file(req, RequestFile::Key)?, password)
}

/// The private key of a key file's bytes.
fn decode_key(bytes: &[u8], password: Option<&Secret>) -> Result<rsa::RsaPrivateKey> {
    let pem = zeroize::Zeroizing::new(
        String::from_utf8(bytes.to_vec())
            .map_err(|_| Error::Pki(pki::PkiError::BadKeyFile("not UTF-8".into())))?,
    );
    Ok(pki::decode_key_pem(&pem, password)?)
}

/// How many times a step that read the key outside the lock starts again
/// when the key changed before it could write (another command replaced it).
const KEY_READ_ATTEMPTS: usize = 5;

/// Whether the request's key file is encrypted (so a password must be asked).
pub fn key_is_encrypted(ws: &Workspace, req: &Request) -> bool {
    ws.read_file(req, RequestFile::Key)
        .map(|b| pki::is_encrypted_key_pem(&String::from_utf8_lossy(&b)))
        .unwrap_or(false)
}

/// Étape 2, portal path: writes the PKCS#10 `<request>.csr` (no card),
/// always from the key on disk when it is written: made without the lock,
/// then made again if the key was replaced meanwhile.
pub fn generate_csr(ws: &Workspace, path: &str, key_password: Option<&Secret>) -> Result<Request> {
    for _ in 0..KEY_READ_ATTEMPTS {
        let req = ws.find(path)?;
        req.check(Action::GenerateRequest)?;
        let spec = csr_spec(&req)?;
        let read = ws.read_file(&req, RequestFile::Key)?;
        let der = pki::build_csr(&decode_key(&read, key_password)?, &spec)?;
        let _lock = ws.lock()?;
        let mut req = ws.find(path)?;
        req.check(Action::GenerateRequest)?;
        if ws.read_file(&req, RequestFile::Key)? != read {
            continue;
        }
        ws.write_file(&req, RequestFile::Csr, pki::csr_pem(&der).as_bytes())?;
        req.generation = Some(Generation::CsrOnly);
        req.transition(
            Action::GenerateRequest,
            State::RequestGenerated,
            "csr-only",
            &now(),
        );
        ws.save(&req)?;
        return Ok(req);
    }
    Err(Error::KeyKeptChanging)
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

impl ImportReport {
    /// The report of a checked answer, its warnings in the user's language.
    pub(crate) fn of(answer: &pki::Answer) -> ImportReport {
        let lang = i18n::current();
        ImportReport {
            leaf: pki::summarize(&answer.leaf),
            chain: answer.chain.iter().map(pki::summarize).collect(),
            warnings: answer.warnings.iter().map(|w| w.localize(lang)).collect(),
        }
    }
}

/// Étape 3: imports the answer (`.p7c`, `.p7b`, PEM bundle, certificate,
/// in DER, BER, PEM or bare base64, or a saved mail holding them).
/// The leaf is matched against the CSR's public key: no key password needed.
/// Its path is checked up to an anchor of [`Workspace::trust`] (DESIGN §4a).
pub fn import_response(
    ws: &Workspace,
    path: &str,
    bytes: &[u8],
) -> Result<(Request, ImportReport)> {
    let from_mail = pki::parse_certificates(bytes)
        .is_err()
        .then(|| crate::answer_mail::saved_certificates(bytes))
        .flatten();
    let bytes = from_mail.as_deref().unwrap_or(bytes);
    let req = ws.find(path)?;
    req.check(Action::ImportResponse)?;
    let csr = pki::csr_from_pem(&csr_pem(ws, &req)?)?;
    let spki = pki::csr_public_key_der(&csr)?;
    let certs = pki::parse_certificates(bytes)?;
    let names = req.names();
    let expected = pki::Expected {
        spki: &spki,
        names: &names,
        usage: req.kind.usage(),
        request: req.kind.platform_name(),
        san: req.kind.san_kind() != SanKind::None,
    };
    let answer = trust::check_answer(certs, &expected, ws.trust(), std::time::SystemTime::now())?;
    let leaf_pem = pki::cert_pem(&answer.leaf)?;
    let chain_pem = pki::certs_pem(&answer.chain)?;
    let report = ImportReport::of(&answer);
    let _lock = ws.lock()?;
    let mut req = ws.find(path)?;
    req.check(Action::ImportResponse)?;
    ws.write_file(&req, RequestFile::Answer, bytes)?;
    ws.write_file(&req, RequestFile::Chain, chain_pem.as_bytes())?;
    ws.write_file(&req, RequestFile::Crt, leaf_pem.as_bytes())?;
    let mut outcome = format!(
        "serial {} until {}",
        report.leaf.serial, report.leaf.not_after
    );
    // DESIGN §2: a certificate for the request's key supersedes a rejection.
    if req.state == State::Rejected {
        let code = req.rejection_code.take().unwrap_or_default();
        outcome.push_str(&format!(", supersedes REJET: {code}"));
        req.rejection_reason = None;
    }
    req.transition(
        Action::ImportResponse,
        State::CertificateImported,
        &outcome,
        &now(),
    );
    ws.save(&req)?;
    Ok((req, report))
}

/// A new request pre-filled from this one: renewal of an issued
/// certificate, or "recommencer" after a rejection.
pub fn renew(ws: &Workspace, path: &str, new_name: Option<&str>) -> Result<Request> {
    let (folder, _) = split_request_path(path)?;
    let _lock = ws.lock()?;
    let mut old = ws.find(path)?;
    old.check(Action::Renew)?;
    let mut new = ws.create_request(folder, new_name, old.kind, &now())?;
    new.subject = old.subject.clone();
    new.san = old.san.clone();
    new.allow_wildcard = old.allow_wildcard;
    new.renews = Some(old.id.clone());
    // DESIGN §4b: a renewal is installed where its predecessor was.
    new.deploy = old.deploy.clone();
    new.log(Action::Renew, &format!("from {}", old.path()), &now());
    ws.save(&new)?;
    old.renewed_by = Some(new.id.clone());
    old.log(Action::Renew, &format!("to {}", new.path()), &now());
    ws.save(&old)?;
    Ok(new)
}

/// The request with this id, wherever it is (renewal links hold ids, which
/// survive a rename).
pub fn find_by_id(ws: &Workspace, id: &str) -> Option<Request> {
    ws.tree()
        .ok()?
        .into_iter()
        .flat_map(|(_, requests)| requests)
        .find(|r| r.id == id)
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
    Ok(certificate_chain(ws, req)?.map(|(leaf, _)| leaf))
}

/// The issued certificate's summary and its chain's, as the import checked
/// it: the leaf's issuer first, up to the trust anchor.
pub fn certificate_chain(
    ws: &Workspace,
    req: &Request,
) -> Result<Option<(CertSummary, Vec<CertSummary>)>> {
    if !ws.file(req, RequestFile::Crt).exists() {
        return Ok(None);
    }
    let (leaf, chain) = export::certified(ws, req)?;
    let chain = chain.iter().map(pki::summarize).collect();
    Ok(Some((pki::summarize(&leaf), chain)))
}
