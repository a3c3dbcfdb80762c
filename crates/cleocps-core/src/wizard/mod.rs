//! CleoWizard, the automatic procedure: the server from the directory (or
//! typed, in the degraded mode), random passwords, the card, the mail, the
//! wait, and the files `wizard/Requete_Wizard.{key,crt,p12}` + `password.txt`.
//!
//! The wizard's requests are ordinary requests in the folder `CleoWizard`,
//! so a run that stops while waiting is resumed from here or from the tree.
//! The run's order is [`machine`] ([`Run`]: its steps, the answers and what
//! comes next), which both fronts feed and render; its slow work is
//! [`flow`]: three steps run between the answers, none of which asks
//! anything.

mod files;
mod flow;
mod machine;
mod machine_platform;
mod platform;
mod steps;

pub use files::{finalise, pending_secrets, FinalFiles, PendingSecrets};
pub use flow::{finish, needs_card, probe, send, to_resume, Finished, Probed, Signer, Start, WAIT};
pub use machine::{name_problem, Answer, Found, NameProblem, Next, Run, Step};
pub use platform::{import, make_csr, platform_steps, Given, Paused, Route};

use crate::card::{Holder, Token};
use crate::config::Config;
use crate::directory::{Lookup, ServerEntry};
use crate::error::{Error, Result};
use crate::procedure::{self, FormEdit, KeyOptions};
use crate::request::{Request, RequestType, State};
use crate::secret::Secret;
use crate::workspace::Workspace;

/// The folder of the wizard's requests.
pub const FOLDER: &str = "CleoWizard";

/// The server the certificate is for, and where it came from.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Target {
    pub kind: RequestType,
    /// FQDN (SSL) or e-mail address (S/MIME): the certificate's name.
    pub name: String,
    /// The directory entry, when the directory listed it.
    pub entry: Option<ServerEntry>,
}

/// What the directory allows the front to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// One server: take it.
    One(Target),
    /// Several: the user picks (or, non-interactive, it fails listing them).
    Several(Vec<ServerEntry>),
    /// Nothing usable from the directory: the user types the name (degraded mode).
    Type { reason: Option<String> },
}

/// The name of an entry for this kind of request.
fn entry_name(kind: RequestType, e: &ServerEntry) -> Option<String> {
    match kind {
        RequestType::Ssl => Some(e.fqdn.clone()).filter(|f| !f.is_empty()),
        RequestType::Smime => e.mail.clone().filter(|m| !m.is_empty()),
        // The card road's directory lists SSL and S/MIME servers only.
        _ => None,
    }
}

/// Decides from the lookup (or its failure) and what the user already gave.
/// A given name the directory does not list is kept: the registration
/// server decides (the front warns).
pub fn choose(
    kind: RequestType,
    given: Option<&str>,
    lookup: &std::result::Result<Lookup, String>,
) -> Choice {
    let entries: Vec<ServerEntry> = match lookup {
        Ok(l) => l
            .servers
            .iter()
            .filter(|e| entry_name(kind, e).is_some())
            .cloned()
            .collect(),
        Err(_) => Vec::new(),
    };
    if let Some(name) = given {
        let name = name.trim().trim_end_matches('.').to_lowercase();
        let entry = entries
            .iter()
            .find(|e| entry_name(kind, e).is_some_and(|n| n.eq_ignore_ascii_case(&name)))
            .cloned();
        return Choice::One(Target { kind, name, entry });
    }
    match (lookup, entries.len()) {
        (Err(e), _) => Choice::Type {
            reason: Some(e.clone()),
        },
        (Ok(_), 0) => Choice::Type { reason: None },
        (Ok(_), 1) => {
            let e = entries[0].clone();
            Choice::One(Target {
                kind,
                name: entry_name(kind, &e).unwrap_or_default(),
                entry: Some(e),
            })
        }
        (Ok(_), _) => Choice::Several(entries),
    }
}

/// The name request `path` is for, when the directory answers and does not
/// list it among the holder's servers: the registration server would answer
/// ADMIN_INCONNU, so both fronts warn before the PIN.
/// `None` when it is listed, or when no directory answers (nothing known).
pub fn unlisted(ws: &Workspace, path: &str, config: &Config, holder: &str) -> Option<String> {
    let req = ws.find(path).ok()?;
    let name = req.subject.cn.clone().filter(|n| !n.trim().is_empty())?;
    let found = crate::directory::lookup(config, holder).ok()?;
    match choose(req.kind, Some(&name), &Ok(found)) {
        Choice::One(Target { entry: None, .. }) => Some(name),
        _ => None,
    }
}

/// The target for the entry the user picked.
pub fn target_of(kind: RequestType, e: &ServerEntry) -> Target {
    Target {
        kind,
        name: entry_name(kind, e).unwrap_or_default(),
        entry: Some(e.clone()),
    }
}

/// A strong random password (22 characters, ~128 bits) without look-alikes.
pub fn random_password() -> Secret {
    use rand_core::{OsRng, RngCore};
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    let mut out = String::with_capacity(22);
    while out.len() < 22 {
        let b = (OsRng.next_u32() & 0xff) as usize;
        // Rejection sampling keeps every character equally likely.
        if b < ALPHABET.len() * (256 / ALPHABET.len()) {
            out.push(ALPHABET[b % ALPHABET.len()] as char);
        }
    }
    Secret::new(out)
}

/// Creates the request in `CleoWizard`, fills the form, writes the pending
/// passwords, generates the key. Returns the request's "FOLDER/NAME".
pub fn prepare(
    ws: &Workspace,
    config: &Config,
    target: &Target,
    key_password: bool,
) -> Result<(Request, PendingSecrets)> {
    if !ws.folders()?.iter().any(|f| f == FOLDER) {
        procedure::create_folder(ws, Some(FOLDER))?;
    }
    let req = procedure::create_request(ws, FOLDER, None, target.kind, &config.subject_defaults)?;
    let path = req.path();
    let entry = target.entry.clone().unwrap_or_default();
    let mut edit = FormEdit {
        o: entry.structure_name.clone(),
        ou: entry.structure_id.clone(),
        st: entry.departement.clone(),
        ..FormEdit::default()
    };
    match target.kind {
        RequestType::Ssl => edit.cn = Some(target.name.clone()),
        RequestType::Smime => edit.email = Some(target.name.clone()),
        _ => edit.cn = Some(target.name.clone()),
    }
    // A directory value the form refuses (odd OU) must not stop the wizard.
    if procedure::edit_form(ws, &path, &edit).is_err() {
        let edit = FormEdit {
            cn: edit.cn.clone(),
            email: edit.email.clone(),
            ..FormEdit::default()
        };
        procedure::edit_form(ws, &path, &edit)?;
    }
    let secrets = PendingSecrets {
        key: key_password.then(random_password),
        p12: random_password(),
    };
    files::save_pending(ws, &req, &secrets)?;
    let opts = KeyOptions {
        size: procedure::configured_key_size(config),
        password: secrets.key.clone(),
        replace: false,
    };
    let (req, _) = procedure::generate_keys(ws, &path, &opts)?;
    Ok((req, secrets))
}

/// The wizard's latest request still waiting for its answer (or imported but
/// not yet finalised), with its pending passwords: a run to resume.
pub fn resumable(ws: &Workspace) -> Result<Option<(Request, PendingSecrets)>> {
    if !ws.folders()?.iter().any(|f| f == FOLDER) {
        return Ok(None);
    }
    let mut reqs = ws.requests(FOLDER)?;
    reqs.sort_by(|a, b| a.created.cmp(&b.created));
    for req in reqs.into_iter().rev() {
        if matches!(
            req.state,
            State::KeysGenerated
                | State::RequestGenerated
                | State::Sent
                | State::CertificateImported
        ) {
            if let Some(secrets) = pending_secrets(ws, &req)? {
                return Ok(Some((req, secrets)));
            }
        }
    }
    Ok(None)
}

/// The card holder read from the token, for the directory lookup.
pub fn holder(token: &dyn Token) -> Result<Holder> {
    Ok(crate::card::holder_of(
        &token.signature_certificate().map_err(Error::Card)?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(fqdn: &str, mail: Option<&str>) -> ServerEntry {
        ServerEntry {
            fqdn: fqdn.into(),
            mail: mail.map(str::to_string),
            ..ServerEntry::default()
        }
    }

    #[test]
    fn choices() {
        let one = Ok(Lookup {
            servers: vec![entry("a.example.fr", Some("m@example.fr"))],
            size_limit_hit: None,
        });
        assert!(
            matches!(choose(RequestType::Ssl, None, &one), Choice::One(t) if t.name == "a.example.fr")
        );
        assert!(
            matches!(choose(RequestType::Smime, None, &one), Choice::One(t) if t.name == "m@example.fr")
        );
        let two = Ok(Lookup {
            servers: vec![entry("a.example.fr", None), entry("b.example.fr", None)],
            size_limit_hit: None,
        });
        assert!(matches!(choose(RequestType::Ssl, None, &two), Choice::Several(v) if v.len() == 2));
        assert!(matches!(
            choose(RequestType::Smime, None, &two),
            Choice::Type { reason: None }
        ));
        let given = choose(RequestType::Ssl, Some("B.example.fr."), &two);
        assert!(matches!(given, Choice::One(t) if t.entry.is_some() && t.name == "b.example.fr"));
        let unlisted = choose(RequestType::Ssl, Some("c.example.fr"), &two);
        assert!(matches!(unlisted, Choice::One(t) if t.entry.is_none()));
        let down: std::result::Result<Lookup, String> = Err("LDAP down".into());
        assert!(matches!(
            choose(RequestType::Ssl, None, &down),
            Choice::Type { reason: Some(_) }
        ));
        assert!(matches!(
            choose(RequestType::Ssl, Some("x.example.fr"), &down),
            Choice::One(_)
        ));
    }

    #[test]
    fn random_passwords_are_long_and_differ() {
        let a = random_password();
        let b = random_password();
        assert_eq!(a.expose().len(), 22);
        assert_ne!(a, b);
        assert!(a.expose().chars().all(|c| c.is_ascii_alphanumeric()));
    }
}
