//! A new request that starts where the admin left off: the structure's
//! fields (O, OU, ST, L, C) of the folder's last request, else the subject
//! defaults of the configuration, and the request's name as its FQDN (or
//! mailbox) when it is one — so a second server of the same structure is
//! not typed again.

use super::now;
use crate::config::SubjectDefaults;
use crate::error::Result;
use crate::request::{Request, RequestType, SanKind, Subject};
use crate::validate;
use crate::workspace::Workspace;

/// Creates the request `FOLDER/NAME` of `kind`, its form pre-filled.
pub fn create_request_prefilled(
    ws: &Workspace,
    folder: &str,
    name: Option<&str>,
    kind: RequestType,
    defaults: &SubjectDefaults,
) -> Result<Request> {
    let _lock = ws.lock()?;
    let last = ws
        .requests(folder)?
        .into_iter()
        .max_by(|a, b| a.created.cmp(&b.created));
    let mut req = ws.create_request(folder, name, kind, &now())?;
    prefill(&mut req, last.as_ref().map(|r| &r.subject), defaults);
    ws.save(&req)?;
    Ok(req)
}

/// Fills the empty fields of `req`: from `last`, else from `defaults`; the
/// CN from the request's name when it looks like what the type names.
pub fn prefill(req: &mut Request, last: Option<&Subject>, defaults: &SubjectDefaults) {
    let given = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    };
    let s = &mut req.subject;
    for (slot, prev, default) in [
        (&mut s.o, last.and_then(|l| given(&l.o)), &defaults.o),
        (&mut s.ou, last.and_then(|l| given(&l.ou)), &defaults.ou),
        (&mut s.st, last.and_then(|l| given(&l.st)), &defaults.st),
        (&mut s.l, last.and_then(|l| given(&l.l)), &defaults.l),
        (&mut s.c, last.and_then(|l| given(&l.c)), &defaults.c),
    ] {
        if let Some(v) = prev.or_else(|| given(default)) {
            *slot = Some(v);
        }
    }
    if s.cn.is_none() {
        let name = req.name.trim();
        s.cn = match req.kind.san_kind() {
            SanKind::Dns if name.contains('.') && validate::fqdn(name, false).is_ok() => {
                Some(name.to_ascii_lowercase())
            }
            SanKind::Email if validate::email(name).is_ok() => Some(name.to_string()),
            _ => None,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn subject(o: &str, ou: &str) -> Subject {
        Subject {
            o: Some(o.into()),
            ou: Some(ou.into()),
            st: Some("Sarthe (72)".into()),
            l: Some("Le Mans".into()),
            c: Some("FR".into()),
            cn: Some("old.clinique-test.fr".into()),
        }
    }

    #[test]
    fn the_folders_last_request_then_the_defaults_then_the_name() {
        let defaults = SubjectDefaults {
            o: Some("Défaut".into()),
            l: Some("Paris".into()),
            ..SubjectDefaults::default()
        };
        let mut req = Request::new("F", "srv.clinique-test.fr", RequestType::Ssl, "t");
        let mut last = subject("Clinique du Test", "1720012345");
        last.l = None;
        prefill(&mut req, Some(&last), &defaults);
        let s = &req.subject;
        assert_eq!(s.o.as_deref(), Some("Clinique du Test"));
        assert_eq!(s.ou.as_deref(), Some("1720012345"));
        assert_eq!(s.st.as_deref(), Some("Sarthe (72)"));
        assert_eq!(
            s.l.as_deref(),
            Some("Paris"),
            "the default where the last has none"
        );
        assert_eq!(s.cn.as_deref(), Some("srv.clinique-test.fr"));

        // No last request: the defaults; a name that is no FQDN stays out.
        let mut req = Request::new("F", "Demande 2", RequestType::Ssl, "t");
        prefill(&mut req, None, &defaults);
        assert_eq!(req.subject.o.as_deref(), Some("Défaut"));
        assert_eq!(req.subject.cn, None);
        // An ORG request is not named after a host.
        let mut req = Request::new("F", "insi.example.fr", RequestType::OrgAuthCli, "t");
        prefill(&mut req, None, &defaults);
        assert_eq!(req.subject.cn, None);
    }
}
