//! A CRL from an `ldap://` distribution point (`revocation.ldap`): the
//! attribute the URL names (`certificateRevocationList;binary` by default)
//! of the entry it names, read anonymously within the fetch's time bound.
//! What comes back is checked like any CRL.

use crate::http::FETCH_TIMEOUT;
use ldap3::{LdapConn, LdapConnSettings, Scope, SearchEntry};

const DEFAULT_ATTRIBUTE: &str = "certificateRevocationList;binary";

/// `ldap://host[:port]/DN?attribute…` → (server URL, DN, attribute).
pub(super) fn parse(url: &str) -> Result<(String, String, String), String> {
    let rest = url
        .strip_prefix("ldap://")
        .ok_or_else(|| format!("{url}: only ldap:// is read"))?;
    let (host, query) = rest
        .split_once('/')
        .ok_or_else(|| format!("{url}: no DN"))?;
    let mut parts = query.splitn(3, '?');
    let dn = decode(parts.next().unwrap_or_default())?;
    let attribute = parts
        .next()
        .map(decode)
        .transpose()?
        .filter(|a| !a.is_empty())
        .unwrap_or_else(|| DEFAULT_ATTRIBUTE.to_string());
    if host.is_empty() || dn.is_empty() || host.contains('@') {
        return Err(format!("{url}: invalid LDAP URL"));
    }
    Ok((format!("ldap://{host}"), dn, attribute))
}

/// RFC 4516 percent-decoding.
fn decode(s: &str) -> Result<String, String> {
    let mut out = Vec::with_capacity(s.len());
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3).ok_or("bad %-escape")?;
            out.push(u8::from_str_radix(hex, 16).map_err(|_| "bad %-escape")?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| "bad %-escape".to_string())
}

/// The CRL's bytes at `url`, at most `max_bytes`.
pub(super) fn fetch(url: &str, max_bytes: usize) -> Result<Vec<u8>, String> {
    let (server, dn, attribute) = parse(url)?;
    let settings = LdapConnSettings::new().set_conn_timeout(FETCH_TIMEOUT);
    let mut conn = LdapConn::with_settings(settings, &server).map_err(|e| e.to_string())?;
    let (entries, _) = conn
        .with_timeout(FETCH_TIMEOUT)
        .search(
            &dn,
            Scope::Base,
            "(objectClass=*)",
            vec![attribute.as_str()],
        )
        .and_then(|r| r.success())
        .map_err(|e| e.to_string())?;
    let _ = conn.unbind();
    let entry = entries
        .into_iter()
        .next()
        .map(SearchEntry::construct)
        .ok_or_else(|| format!("{dn}: no such entry"))?;
    let wanted = attribute.split(';').next().unwrap_or_default();
    let value = entry
        .bin_attrs
        .into_iter()
        .find(|(name, _)| {
            name.split(';')
                .next()
                .is_some_and(|n| n.eq_ignore_ascii_case(wanted))
        })
        .and_then(|(_, values)| values.into_iter().next())
        .ok_or_else(|| format!("{dn}: no {attribute}"))?;
    if value.len() > max_bytes {
        return Err(format!("answer over {max_bytes} bytes"));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        assert_eq!(
            parse("ldap://annuaire-igc.esante.gouv.fr/cn=ACI-EL-ORG,ou=AC,o=ASIP-SANTE,c=FR?certificateRevocationList;binary"),
            Ok((
                "ldap://annuaire-igc.esante.gouv.fr".into(),
                "cn=ACI-EL-ORG,ou=AC,o=ASIP-SANTE,c=FR".into(),
                "certificateRevocationList;binary".into()
            ))
        );
        assert_eq!(
            parse("ldap://127.0.0.1:3890/cn=CA%20TEST,o=x"),
            Ok((
                "ldap://127.0.0.1:3890".into(),
                "cn=CA TEST,o=x".into(),
                DEFAULT_ATTRIBUTE.into()
            ))
        );
        for bad in ["ldap://host", "ldap:///o=x", "http://x/y", "ldap://h/o=%zz"] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }
}
