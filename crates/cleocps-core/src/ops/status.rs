//! `cleocps status`: every request holding a certificate, soonest expiry first.

use crate::deploy;
use crate::error::Result;
use crate::pki;
use crate::request::{Request, RequestType, State};
use crate::workspace::{RequestFile, Workspace};
use std::collections::HashMap;
use std::time::{SystemTime, UNIX_EPOCH};

const DAY: i64 = 86_400;

/// A certified request as `status` and `check` show it (**contract**, §9a).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Certified {
    pub folder: String,
    pub name: String,
    pub id: String,
    #[serde(rename = "type")]
    pub kind: RequestType,
    /// The certificate's common name (FQDN or e-mail), as it says, unsanitised.
    pub cn: String,
    /// Serial number, uppercase hex.
    pub serial: String,
    pub not_before: String,
    pub not_after: String,
    /// `not_after` in seconds since the epoch (Prometheus, sorting).
    pub not_after_unix: i64,
    /// Whole days left; negative once expired (-1 = expired less than a day ago).
    pub days_left: i64,
    /// Where `deploy --save` installed the certificate (empty until then).
    pub deployed: Vec<String>,
    /// "FOLDER/NAME" of the renewal now in service in its place (see
    /// [`replaced_by`]): listed still, but no longer watched.
    pub replaced_by: Option<String>,
    /// Revoked or not (DESIGN §4c); "off" until [`crate::revocation::annotate`] fills it.
    pub revocation: crate::revocation::Revocation,
}

impl Certified {
    /// "FOLDER/NAME".
    pub fn path(&self) -> String {
        format!("{}/{}", self.folder, self.name)
    }

    /// Still in service (not replaced by its renewal): the one to watch.
    pub fn watched(&self) -> bool {
        self.replaced_by.is_none()
    }

    pub fn expired(&self) -> bool {
        self.days_left < 0
    }

    /// Whether the platform's renewal is due: still valid, in service, and
    /// within the days the platform reminds ahead (it renews only a valid
    /// certificate).
    pub fn renewal_due(&self) -> bool {
        self.watched()
            && !self.expired()
            && self.days_left <= super::Thresholds::default().warn_days
    }

    /// `not_after`'s date alone (YYYY-MM-DD), for one-line reports.
    pub fn expiry_date(&self) -> &str {
        self.not_after.get(..10).unwrap_or(&self.not_after)
    }
}

/// An entry that should hold a certificate but can't be read (a damaged
/// `request.json`, a missing or broken `.crt`): reported, never fatal.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Unreadable {
    /// "FOLDER/NAME" (or "FOLDER" for a stray folder).
    pub path: String,
    /// What is wrong, in the user's language.
    pub problem: String,
}

/// What `status` lists.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Status {
    /// Soonest expiry first.
    pub certificates: Vec<Certified>,
    pub problems: Vec<Unreadable>,
}

/// Whole days from `now` to `t` (seconds since the epoch), rounded down.
pub(super) fn days_between(now: SystemTime, t: i64) -> i64 {
    (t - unix(now)).div_euclid(DAY)
}

fn unix(t: SystemTime) -> i64 {
    match t.duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_secs() as i64,
        Err(e) => -(e.duration().as_secs() as i64),
    }
}

/// Every certified request of `ws` as seen at `now`. Reading only: no lock,
/// so a monitoring check never waits on a running instance.
pub fn status(ws: &Workspace, now: SystemTime) -> Result<Status> {
    let (mut certificates, mut problems) = certificates(ws, &ws.tree()?, now);
    problems.extend(ws.damaged()?.into_iter().map(|d| Unreadable {
        path: d.path(),
        problem: d.problem,
    }));
    certificates.sort_by_key(|c| (c.not_after_unix, c.path()));
    Ok(Status {
        certificates,
        problems,
    })
}

/// The certificates of the certified requests of `tree` (as
/// [`Workspace::tree`] read it), with their renewal links resolved; the
/// TUI calls it on the tree it has just read.
pub fn certificates(
    ws: &Workspace,
    tree: &[(String, Vec<Request>)],
    now: SystemTime,
) -> (Vec<Certified>, Vec<Unreadable>) {
    let by_id: HashMap<&str, &Request> = tree
        .iter()
        .flat_map(|(_, requests)| requests)
        .map(|r| (r.id.as_str(), r))
        .collect();
    let (mut certs, mut problems) = (Vec::new(), Vec::new());
    // The tree, not the map: a request copied by hand (same id) is listed too.
    for req in tree
        .iter()
        .flat_map(|(_, requests)| requests)
        .filter(|r| r.state == State::CertificateImported)
    {
        match certified(ws, req, now) {
            Ok(mut c) => {
                c.replaced_by = replaced_by(req, &by_id);
                certs.push(c)
            }
            Err(e) => problems.push(Unreadable {
                path: req.path(),
                problem: e.localize(crate::i18n::current()),
            }),
        }
    }
    (certs, problems)
}

/// The renewal that took `old`'s place: it holds its certificate and, when
/// cleocps installed `old` (a deploy went through, or a profile is saved),
/// it was deployed too — until then the server still serves `old`, which
/// must stay watched (DESIGN §9a: "after the new certificate is deployed").
/// A certificate cleocps never installed (S/MIME, installed by hand) is
/// replaced as soon as its renewal is imported: there is nothing else to wait for.
pub fn replaced_by(old: &Request, by_id: &HashMap<&str, &Request>) -> Option<String> {
    let new = by_id.get(old.renewed_by.as_deref()?)?;
    let installed_by_us = old.deploy.is_some() || deploy::was_deployed(old);
    let in_service =
        new.state == State::CertificateImported && (!installed_by_us || deploy::was_deployed(new));
    in_service.then(|| new.path())
}

/// The certificate of one certified request, as `status` lists it.
/// `replaced_by` is left to the caller, which sees the whole workspace.
fn certified(ws: &Workspace, req: &Request, now: SystemTime) -> Result<Certified> {
    let leaf = pki::parse_certificates(&ws.read_file(req, RequestFile::Crt)?)?
        .into_iter()
        .next()
        .ok_or(pki::PkiError::NoCertificate)?;
    let summary = pki::summarize(&leaf);
    let not_after_unix = unix(pki::not_after(&leaf));
    Ok(Certified {
        folder: req.folder.clone(),
        name: req.name.clone(),
        id: req.id.clone(),
        kind: req.kind,
        cn: pki::common_name(&leaf).unwrap_or_default(),
        serial: summary.serial,
        not_before: summary.not_before,
        not_after: summary.not_after,
        not_after_unix,
        days_left: days_between(now, not_after_unix),
        // The saved profile's targets, once a deploy of this request went
        // through: a renewal inherits the profile before it is installed.
        deployed: req
            .deploy
            .iter()
            .filter(|_| deploy::was_deployed(req))
            .flat_map(|p| p.targets())
            .map(|(_, path)| path.display().to_string())
            .collect(),
        replaced_by: None,
        revocation: Default::default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn days_left_are_whole_days_rounded_down() {
        let now = UNIX_EPOCH + Duration::from_secs(1_000 * DAY as u64);
        let at = |secs: i64| unix(now) + secs;
        assert_eq!(days_between(now, at(5 * DAY)), 5);
        assert_eq!(days_between(now, at(5 * DAY - 1)), 4);
        assert_eq!(days_between(now, at(0)), 0);
        // Expired a second ago: already below zero.
        assert_eq!(days_between(now, at(-1)), -1);
        assert_eq!(days_between(now, at(-DAY - 1)), -2);
    }
}
