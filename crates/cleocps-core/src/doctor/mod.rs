//! `doctor` (DESIGN §9a): every link cleocps depends on, checked in turn,
//! each failing check with its fix — the card path, the registration
//! certificate, the trust anchors, SMTP, IMAP, the directory and the
//! workspace. Services not configured are not checked (their absence shows
//! at the step that needs them, with its own message).

mod local;
mod revocation;

use crate::card::{self, CardOptions, Check};
use crate::config::Config;
use crate::i18n::{current, t, tf, Lang};
use crate::workspace::Workspace;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::SystemTime;
use x509_cert::ext::pkix::KeyUsage;
use x509_cert::Certificate;

/// What `doctor` looks at.
pub struct DoctorScope<'a> {
    pub config: &'a Config,
    pub card: &'a CardOptions,
    /// `--ra-cert`, else `registration.certificate`.
    pub ra_certificate: Option<&'a Path>,
    pub workspace: &'a Workspace,
}

/// Every check, in the order a request needs them.
pub fn doctor(scope: &DoctorScope<'_>) -> Vec<Check> {
    let mut out = card::doctor(scope.card);
    for which in Section::ALL {
        out.extend(section(
            scope.config,
            scope.ra_certificate,
            which,
            current(),
        ));
    }
    out.push(workspace(scope.workspace));
    out.push(revocation::revocation(scope.config, scope.workspace));
    out
}

/// A part of the configuration checked alone (the configuration screen's
/// "Tester" runs the same checks as `doctor`, one section at a time), in
/// `lang`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    /// The registration server's certificate.
    Registration,
    Trust,
    /// SMTP, sendmail or the outbox.
    Sending,
    /// IMAP or the Maildir.
    Receiving,
    /// LDAP or the directory file.
    Directory,
}

impl Section {
    /// In `doctor`'s order.
    pub const ALL: [Section; 5] = [
        Section::Registration,
        Section::Trust,
        Section::Sending,
        Section::Receiving,
        Section::Directory,
    ];
}

/// The checks of one section; a way that is not configured has none
/// (its absence shows at the step that needs it, with its own message).
pub fn section(
    config: &Config,
    ra_certificate: Option<&Path>,
    which: Section,
    lang: Lang,
) -> Vec<Check> {
    let c = config;
    let mut out = Vec::new();
    match which {
        Section::Registration => out.push(registration(ra_certificate, lang)),
        Section::Trust => out.push(trust_anchors(c, lang)),
        Section::Sending => {
            if let Some(smtp) = &c.smtp {
                let probe = crate::mail::smtp::probe(smtp);
                out.push(service("smtp", probe, "doctor.fix.smtp", lang));
            }
            out.extend(c.sendmail.as_deref().map(|p| local::sendmail(p, lang)));
            out.extend(c.outbox.as_deref().map(|p| local::outbox(p, lang)));
        }
        Section::Receiving => {
            if let Some(imap) = &c.imap {
                let probe = crate::mail::imap::probe(imap);
                out.push(service("imap", probe, "doctor.fix.imap", lang));
            }
            out.extend(c.maildir.as_deref().map(|p| local::maildir(p, lang)));
        }
        Section::Directory => {
            if let Some(ldap) = &c.ldap {
                let probe = crate::directory::ldap::probe(ldap);
                out.push(service("ldap", probe, "doctor.fix.ldap", lang));
            }
            out.extend(
                c.directory_file
                    .as_deref()
                    .map(|p| local::directory_file(p, lang)),
            );
        }
    }
    out
}

pub(super) fn check(name: &str, ok: bool, detail: String, fix: Option<String>) -> Check {
    Check {
        name: name.to_string(),
        ok,
        detail,
        fix: if ok { None } else { fix },
    }
}

fn service(name: &'static str, probe: crate::Result<()>, fix: &'static str, lang: Lang) -> Check {
    match probe {
        Ok(()) => check(name, true, t(lang, "doctor.service_ok").to_string(), None),
        // A refused certificate has one precise fix (a pin or the CA file),
        // not the section's list of settings to look at.
        Err(e) => match tls_problem(&e, lang) {
            Some((problem, server)) => check(
                name,
                false,
                problem.describe(lang, &server),
                problem
                    .fix(lang, name)
                    .or_else(|| Some(t(lang, fix).to_string())),
            ),
            None => check(
                name,
                false,
                e.localize(lang),
                Some(t(lang, fix).to_string()),
            ),
        },
    }
}

/// The TLS problem behind a service's failure, and the server it names.
fn tls_problem(e: &crate::Error, lang: Lang) -> Option<(&crate::mail::tls::TlsProblem, String)> {
    match e {
        crate::Error::Mail(crate::mail::MailError::Tls {
            service,
            host,
            problem,
        }) => Some((
            problem,
            tf(lang, "mail.server_named", &[&service.as_str(), host]),
        )),
        crate::Error::Directory(crate::directory::DirectoryError::Tls { url, problem }) => {
            Some((problem, tf(lang, "dir.server_named", &[url])))
        }
        _ => None,
    }
}

/// Present, readable, valid now, an RSA key usable for encryption (the
/// request `.p7m` is encrypted to it).
fn registration(path: Option<&Path>, lang: Lang) -> Check {
    let name = "registration_certificate";
    let fix = Some(t(lang, "card.fix.ra").to_string());
    let Some(path) = path else {
        return check(name, false, t(lang, "card.doctor.no_ra").to_string(), fix);
    };
    let cert = match crate::fsutil::read_input(path)
        .map_err(|e| e.to_string())
        .and_then(|b| crate::pki::cert_from_pem_or_der(&b).map_err(|e| e.localize(lang)))
    {
        Ok(cert) => cert,
        Err(e) => return check(name, false, format!("{}: {e}", path.display()), fix),
    };
    let not_after = crate::pki::not_after(&cert);
    let detail = tf(
        lang,
        "card.doctor.ra",
        &[&path.display(), &card::rfc3339(not_after)],
    );
    if not_after < SystemTime::now() {
        let why = tf(lang, "doctor.ra_expired", &[&detail]);
        return check(name, false, why, fix);
    }
    if !encrypts(&cert) {
        let why = tf(lang, "doctor.ra_no_encryption", &[&detail]);
        return check(name, false, why, fix);
    }
    check(name, true, detail, None)
}

/// An RSA key whose key usage, when present, allows key encipherment.
fn encrypts(cert: &Certificate) -> bool {
    let spki = &cert.tbs_certificate.subject_public_key_info;
    let rsa = spki.algorithm.oid == const_oid::db::rfc5912::RSA_ENCRYPTION;
    let usage = match cert.tbs_certificate.get::<KeyUsage>() {
        Ok(Some((_, ku))) => ku.key_encipherment(),
        Ok(None) => true,
        Err(_) => false,
    };
    rsa && usage
}

fn trust_anchors(config: &Config, lang: Lang) -> Check {
    match config.trust.load() {
        Ok(store) => {
            let names: Vec<String> = store
                .anchors
                .iter()
                .map(|a| {
                    let until = card::rfc3339(crate::pki::not_after(a));
                    format!("{} ({until})", a.tbs_certificate.subject)
                })
                .collect();
            check("trust_anchors", true, names.join("; "), None)
        }
        Err(e) => check(
            "trust_anchors",
            false,
            e.localize(lang),
            Some(t(lang, "doctor.fix.trust").to_string()),
        ),
    }
}

/// The root is private (0700), the lock can be taken, no entry is damaged.
fn workspace(ws: &Workspace) -> Check {
    let lang = current();
    let root = ws.root();
    let name = "workspace";
    let Ok(meta) = std::fs::metadata(root) else {
        // Made at the first write.
        let detail = tf(lang, "doctor.ws_absent", &[&root.display()]);
        return check(name, true, detail, None);
    };
    let mode = meta.permissions().mode() & 0o777;
    if mode & 0o077 != 0 {
        let detail = tf(
            lang,
            "doctor.ws_open",
            &[&root.display(), &format!("{mode:o}")],
        );
        let fix = tf(lang, "doctor.fix.ws_mode", &[&root.display()]);
        return check(name, false, detail, Some(fix));
    }
    if let Err(e) = ws.lock() {
        return check(name, false, e.localize(lang), None);
    }
    match ws.damaged() {
        Ok(damaged) if damaged.is_empty() => check(name, true, root.display().to_string(), None),
        Ok(damaged) => {
            let list: Vec<String> = damaged
                .iter()
                .map(|d| format!("{}: {}", crate::sanitize::line(&d.path()), d.problem))
                .collect();
            let detail = tf(lang, "doctor.ws_damaged", &[&list.join("; ")]);
            let fix = t(lang, "doctor.fix.ws_damaged").to_string();
            check(name, false, detail, Some(fix))
        }
        Err(e) => check(name, false, e.localize(lang), None),
    }
}
