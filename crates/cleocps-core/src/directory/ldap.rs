//! LDAP lookup with ldap3's sync API (it runs its own runtime: never call
//! this from async code). URL `ldap://` or `ldaps://`, optional StartTLS,
//! anonymous or simple bind, timeout, size limit.

use super::{filter, DirectoryError, Lookup, ServerEntry};
use crate::config::LdapConfig;
use crate::mail::error::scrub;
use crate::mail::tls::TlsProblem;
use crate::mail::tls_verify::Seen;
use crate::secret::Secret;
use ldap3::{LdapConn, LdapConnSettings, LdapError, Scope, SearchEntry, SearchOptions};
use std::collections::HashMap;
use std::time::{Duration, Instant};

const DEFAULT_TIMEOUT_S: u64 = 10;
const DEFAULT_SIZE_LIMIT: i32 = 100;
/// LDAP result codes (RFC 4511 appendix A).
const RC_SIZE_LIMIT: u32 = 4;
const RC_INVALID_CREDENTIALS: u32 = 49;
const RC_INAPPROPRIATE_AUTH: u32 = 48;

pub fn lookup(c: &LdapConfig, holder: &str) -> crate::Result<Lookup> {
    let password = password(c)?;
    Ok(search(c, holder, password.as_ref())?)
}

/// The directory's password file, read when a bind DN is set.
fn password(c: &LdapConfig) -> crate::Result<Option<Secret>> {
    match (&c.bind_dn, &c.password_file) {
        (Some(_), Some(f)) => Ok(Some(Secret::from_file(f)?)),
        (Some(_), None) => Err(DirectoryError::NoPassword.into()),
        _ => Ok(None),
    }
}

/// `doctor`: connects, binds as configured and reads the search base itself.
pub fn probe(c: &LdapConfig) -> crate::Result<()> {
    let pw = password(c)?;
    let (mut conn, timeout) = connect(c, pw.as_ref())?;
    let res = conn
        .with_timeout(timeout)
        .search(&c.base, Scope::Base, "(objectClass=*)", vec!["1.1"])
        .map_err(|e| classify(c, e, pw.as_ref(), &Seen::default()))?;
    let _ = conn.unbind();
    match res.1.rc {
        0 => Ok(()),
        rc => Err(DirectoryError::Search(format!("{}: {} (rc {rc})", c.base, res.1.text)).into()),
    }
}

/// Connects (TLS as configured) and binds; plain binds off loopback refused.
fn connect(c: &LdapConfig, pw: Option<&Secret>) -> Result<(LdapConn, Duration), DirectoryError> {
    if !(c.url.starts_with("ldap://") || c.url.starts_with("ldaps://")) {
        return Err(DirectoryError::BadUrl(c.url.clone()));
    }
    if plaintext_bind_refused(c, pw.is_some()) {
        return Err(DirectoryError::PlaintextBind(c.url.clone()));
    }
    let timeout = Duration::from_secs(c.timeout_s.unwrap_or(DEFAULT_TIMEOUT_S));
    let trust = crate::mail::tls::TlsTrust {
        section: "ldap",
        ca_file: c.ca_file.as_deref(),
        fingerprint: c.tls_fingerprint.as_deref(),
    };
    let (config, seen) = crate::mail::tls::client_config(&trust)
        .map_err(|e| DirectoryError::TlsSettings(e.localize(crate::i18n::current())))?;
    let settings = LdapConnSettings::new()
        .set_conn_timeout(timeout)
        .set_starttls(c.starttls)
        .set_config(config);
    let fail = |e: LdapError| classify(c, e, pw, &seen);
    let mut conn = LdapConn::with_settings(settings, &c.url).map_err(fail)?;
    if let (Some(dn), Some(pw)) = (&c.bind_dn, pw) {
        let res = conn
            .with_timeout(timeout)
            .simple_bind(dn, pw.expose())
            .map_err(fail)?;
        if res.rc == RC_INVALID_CREDENTIALS || res.rc == RC_INAPPROPRIATE_AUTH {
            return Err(DirectoryError::AuthFailed(dn.clone()));
        }
        res.success().map_err(fail)?;
    }
    Ok((conn, timeout))
}

fn search(c: &LdapConfig, holder: &str, pw: Option<&Secret>) -> Result<Lookup, DirectoryError> {
    // The handshake is over once connected: later failures are the directory's.
    let (mut conn, timeout) = connect(c, pw)?;
    let a = &c.attributes;
    let limit = c.size_limit.unwrap_or(DEFAULT_SIZE_LIMIT);
    let filter = filter::build(c.filter.as_deref(), holder);
    let attrs = vec![a.fqdn.as_str(), a.mail.as_str()];
    let servers_in = (c.base.as_str(), Scope::Subtree, filter.as_str());
    let (entries, size_limit_hit) = capped_search(&mut conn, c, servers_in, attrs, limit, timeout)?;
    let mut parents: HashMap<String, Option<SearchEntry>> = HashMap::new();
    let mut servers = Vec::new();
    for e in entries.into_iter().map(SearchEntry::construct) {
        let parent_dn = parent(&e.dn);
        if !parents.contains_key(&parent_dn) {
            let attrs = vec![
                a.structure_id.as_str(),
                a.structure_name.as_str(),
                a.departement.as_str(),
            ];
            let itself = (parent_dn.as_str(), Scope::Base, "(objectClass=*)");
            let (p, _) = capped_search(&mut conn, c, itself, attrs, 1, timeout)?;
            let entry = p.into_iter().next().map(SearchEntry::construct);
            parents.insert(parent_dn.clone(), entry);
        }
        let structure = parents.get(&parent_dn).and_then(|p| p.as_ref());
        let first = |entry: Option<&SearchEntry>, attr: &str| {
            entry.and_then(|e| first_value(&e.attrs, attr))
        };
        let Some(fqdn) = first(Some(&e), &a.fqdn) else {
            continue;
        };
        servers.push(ServerEntry {
            fqdn: fqdn.to_lowercase(),
            mail: first(Some(&e), &a.mail),
            structure_id: first(structure, &a.structure_id),
            structure_name: first(structure, &a.structure_name),
            departement: first(structure, &a.departement).or_else(|| l_rdn(&e.dn)),
        });
    }
    let _ = conn.unbind();
    Ok(Lookup {
        servers,
        size_limit_hit,
    })
}

/// At most `limit` servers, whatever the directory sends: one that ignores
/// the size limit (a million entries) is cut there, and the whole search
/// has one deadline, so a directory dripping a byte at a time can't hold it.
fn capped_search(
    conn: &mut LdapConn,
    c: &LdapConfig,
    (base, scope, filter): (&str, Scope, &str),
    attrs: Vec<&str>,
    limit: i32,
    timeout: Duration,
) -> Result<(Vec<ldap3::ResultEntry>, Option<i32>), DirectoryError> {
    let fail = |e: LdapError| classify(c, e, None, &Seen::default());
    let deadline = Instant::now() + timeout;
    let cap = usize::try_from(limit).unwrap_or(0);
    let mut stream = conn
        .with_timeout(timeout)
        .with_search_options(SearchOptions::new().sizelimit(limit))
        .streaming_search(base, scope, filter, attrs)
        .map_err(fail)?;
    let mut entries = Vec::new();
    while let Some(entry) = stream.next().map_err(fail)? {
        entries.push(entry);
        let over = entries.len() > cap;
        if over || Instant::now() > deadline {
            let id = stream.last_id();
            drop(stream);
            // The rest of its answer is discarded as it comes.
            let _ = conn.abandon(id);
            // Past the size limit it asked for, a directory is not one to
            // believe (nor to wait for: it answers in order).
            return Err(if over {
                DirectoryError::IgnoresSizeLimit {
                    url: c.url.clone(),
                    limit,
                }
            } else {
                DirectoryError::Timeout(c.url.clone())
            });
        }
    }
    let result = stream.result();
    match result.rc {
        0 => Ok((entries, None)),
        RC_SIZE_LIMIT => Ok((entries, Some(limit))),
        _ => Err(DirectoryError::Search(format!(
            "{} (rc {})",
            crate::sanitize::text(&result.text),
            result.rc
        ))),
    }
}

/// Attribute names are case-insensitive in LDAP.
fn first_value(attrs: &HashMap<String, Vec<String>>, name: &str) -> Option<String> {
    attrs
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .and_then(|(_, v)| v.first().cloned())
}

/// The DN splitter: RDNs separated by unescaped commas.
fn rdns(dn: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut escaped = false;
    for ch in dn.chars() {
        if escaped {
            cur.push(ch);
            escaped = false;
        } else if ch == '\\' {
            cur.push(ch);
            escaped = true;
        } else if ch == ',' {
            out.push(cur.trim().to_string());
            cur.clear();
        } else {
            cur.push(ch);
        }
    }
    out.push(cur.trim().to_string());
    out
}

fn parent(dn: &str) -> String {
    rdns(dn)[1..].join(",")
}

/// The value of the first `l=` RDN, unescaped (`\,` → `,`; hex pairs kept as is).
fn l_rdn(dn: &str) -> Option<String> {
    rdns(dn).into_iter().find_map(|r| {
        let (k, v) = r.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("l")
            .then(|| unescape_dn_value(v.trim()))
    })
}

fn unescape_dn_value(v: &str) -> String {
    let bytes = v.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\\' && i + 1 < bytes.len() {
            let hex = v
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            match hex {
                Some(b) => {
                    out.push(b);
                    i += 3;
                }
                None => {
                    out.push(bytes[i + 1]);
                    i += 2;
                }
            }
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A simple bind (a password) over plain `ldap://` without StartTLS to a
/// host other than loopback, and the section does not allow it (DESIGN §9).
fn plaintext_bind_refused(c: &LdapConfig, binds: bool) -> bool {
    let Some(rest) = c.url.strip_prefix("ldap://") else {
        return false;
    };
    let authority = rest.split('/').next().unwrap_or_default();
    let host = match authority.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or_default(),
        None => authority.split(':').next().unwrap_or_default(),
    };
    binds
        && c.bind_dn.is_some()
        && !c.starttls
        && !c.allow_plaintext
        && !crate::mail::tls::is_loopback(host)
}

fn classify(c: &LdapConfig, e: LdapError, pw: Option<&Secret>, seen: &Seen) -> DirectoryError {
    let url = c.url.clone();
    if let Some(problem) = TlsProblem::after(seen, &e) {
        return DirectoryError::Tls { url, problem };
    }
    match e {
        LdapError::Timeout { .. } => DirectoryError::Timeout(url),
        LdapError::Io { source } => match source.kind() {
            std::io::ErrorKind::ConnectionRefused => DirectoryError::ConnectionRefused(url),
            std::io::ErrorKind::TimedOut => DirectoryError::Timeout(url),
            _ => DirectoryError::Other {
                url,
                detail: scrub(&source.to_string(), pw),
            },
        },
        LdapError::UrlParsing { .. } | LdapError::UnknownScheme(_) => DirectoryError::BadUrl(url),
        LdapError::LdapResult { result } if result.rc == RC_INVALID_CREDENTIALS => {
            DirectoryError::AuthFailed(c.bind_dn.clone().unwrap_or_default())
        }
        other => DirectoryError::Other {
            url,
            detail: scrub(&other.to_string(), pw),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_never_crosses_the_network_in_clear() {
        let at = |url: &str, starttls: bool, allow: bool| LdapConfig {
            url: url.into(),
            starttls,
            allow_plaintext: allow,
            bind_dn: Some("cn=admin".into()),
            password_file: None,
            ca_file: None,
            tls_fingerprint: None,
            base: "o=test".into(),
            filter: None,
            attributes: Default::default(),
            timeout_s: None,
            size_limit: None,
        };
        assert!(plaintext_bind_refused(
            &at("ldap://annuaire.example.fr", false, false),
            true
        ));
        assert!(plaintext_bind_refused(
            &at("ldap://10.0.0.1:389/", false, false),
            true
        ));
        assert!(!plaintext_bind_refused(
            &at("ldap://127.0.0.1:389", false, false),
            true
        ));
        assert!(!plaintext_bind_refused(
            &at("ldap://[::1]:389", false, false),
            true
        ));
        assert!(!plaintext_bind_refused(
            &at("ldap://annuaire.example.fr", true, false),
            true
        ));
        assert!(!plaintext_bind_refused(
            &at("ldaps://annuaire.example.fr", false, false),
            true
        ));
        assert!(!plaintext_bind_refused(
            &at("ldap://annuaire.example.fr", false, true),
            true
        ));
        // Anonymous: nothing secret to send.
        assert!(!plaintext_bind_refused(
            &at("ldap://annuaire.example.fr", false, false),
            false
        ));
    }

    #[test]
    fn dn_helpers() {
        let dn = "cn=srv1,ou=310000000,l=Sarthe (72),o=annuaire-test,c=fr";
        assert_eq!(
            parent(dn),
            "ou=310000000,l=Sarthe (72),o=annuaire-test,c=fr"
        );
        assert_eq!(l_rdn(dn).as_deref(), Some("Sarthe (72)"));
        assert_eq!(
            l_rdn("cn=a,l=Val d\\2Cx\\, y,o=t").as_deref(),
            Some("Val d,x, y")
        );
        assert_eq!(l_rdn("cn=a,o=t"), None);
    }
}
