//! `cleocps check`: the monitoring-plugin verdict over `status` (§9a), and
//! its one-line nagios rendering. Levels and exit codes follow the
//! monitoring-plugin convention: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.

use super::status::{Certified, Status, Unreadable};
use crate::i18n::{tf, Lang};
use crate::revocation::Revocation;
use crate::sanitize;

/// One certificate's (or the whole check's) verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Level {
    Ok,
    Warning,
    Critical,
    Unknown,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Ok => "OK",
            Level::Warning => "WARNING",
            Level::Critical => "CRITICAL",
            Level::Unknown => "UNKNOWN",
        }
    }

    pub fn exit_code(self) -> i32 {
        match self {
            Level::Ok => 0,
            Level::Warning => 1,
            Level::Critical => 2,
            Level::Unknown => 3,
        }
    }

    /// Which level wins when several are met: a known problem (CRITICAL,
    /// WARNING) is never hidden by an unreadable entry (UNKNOWN), as
    /// monitoring plugins that check several things do.
    fn rank(self) -> u8 {
        match self {
            Level::Ok => 0,
            Level::Unknown => 1,
            Level::Warning => 2,
            Level::Critical => 3,
        }
    }
}

/// Days left at or below which a certificate is WARNING / CRITICAL. The
/// defaults are the platform's: it reminds 60 days ahead and cannot renew
/// an expired certificate, so the last fortnight is critical.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Thresholds {
    pub warn_days: i64,
    pub critical_days: i64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            warn_days: 60,
            critical_days: 15,
        }
    }
}

impl Thresholds {
    /// The level of a certificate with `days_left`; an expired one is always CRITICAL.
    pub fn level(&self, days_left: i64) -> Level {
        if days_left < 0 || days_left <= self.critical_days {
            Level::Critical
        } else if days_left <= self.warn_days {
            Level::Warning
        } else {
            Level::Ok
        }
    }
}

/// A certificate with its verdict.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Checked {
    #[serde(flatten)]
    pub certificate: Certified,
    pub level: Level,
}

/// The whole check, as the JSON format prints it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CheckReport {
    pub status: Level,
    pub exit_code: i32,
    #[serde(flatten)]
    pub thresholds: Thresholds,
    /// The nagios line's text after `CLEOCPS LEVEL - ` (without perfdata).
    pub summary: String,
    pub certificates: Vec<Checked>,
    pub problems: Vec<Unreadable>,
}

/// Judges every certificate of `status` against `th`.
pub fn check(status: Status, th: Thresholds, lang: Lang) -> CheckReport {
    let certificates: Vec<Checked> = status
        .certificates
        .into_iter()
        .map(|c| Checked {
            // A replaced certificate is no longer served: nothing to alarm on.
            level: if c.watched() {
                worst(th.level(c.days_left), revocation_level(&c.revocation))
            } else {
                Level::Ok
            },
            certificate: c,
        })
        .collect();
    let mut level = certificates
        .iter()
        .map(|c| c.level)
        .max_by_key(|l| l.rank())
        .unwrap_or(Level::Ok);
    if !status.problems.is_empty() && level == Level::Ok {
        level = Level::Unknown;
    }
    let summary = summary(&certificates, &status.problems, th, lang);
    CheckReport {
        status: level,
        exit_code: level.exit_code(),
        thresholds: th,
        summary,
        certificates,
        problems: status.problems,
    }
}

/// The worse of two levels.
fn worst(a: Level, b: Level) -> Level {
    if b.rank() > a.rank() {
        b
    } else {
        a
    }
}

/// Revoked is CRITICAL (a revocation is final); a status unknown for
/// longer than `revocation.max_unknown_days` is WARNING.
fn revocation_level(r: &Revocation) -> Level {
    if r.is_revoked() {
        Level::Critical
    } else if r.overdue {
        Level::Warning
    } else {
        Level::Ok
    }
}

/// What the line says of an alarming certificate: its revocation, else its
/// expiry and an unknown revocation status, as each applies.
fn alarm(c: &Certified, th: Thresholds, lang: Lang) -> String {
    let r = &c.revocation;
    if r.is_revoked() {
        let reason =
            crate::revocation::reason_label(lang, r.reason.as_deref().unwrap_or("unspecified"));
        return tf(
            lang,
            "revocation.check_revoked",
            &[&c.path(), &r.revoked_on(), &reason, &c.serial],
        );
    }
    let mut parts = Vec::new();
    if th.level(c.days_left) != Level::Ok {
        parts.push(one(c, lang));
    }
    if r.overdue {
        let since = r.unknown_since.as_deref().unwrap_or("?");
        parts.push(tf(
            lang,
            "revocation.check_unknown",
            &[
                &c.path(),
                &since.get(..10).unwrap_or(since),
                &r.detail.as_deref().unwrap_or("-"),
            ],
        ));
    }
    parts.join("; ")
}

/// What the line says: every certificate that needs attention, or the next
/// expiry when none does; then the unreadable entries.
fn summary(certs: &[Checked], problems: &[Unreadable], th: Thresholds, lang: Lang) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut alarming: Vec<&Checked> = certs.iter().filter(|c| c.level != Level::Ok).collect();
    alarming.sort_by_key(|c| std::cmp::Reverse(c.level.rank()));
    for c in &alarming {
        parts.push(alarm(&c.certificate, th, lang));
    }
    let watched: Vec<&Checked> = certs.iter().filter(|c| c.certificate.watched()).collect();
    if alarming.is_empty() {
        match watched.first() {
            Some(next) => parts.push(tf(
                lang,
                "ops.check_ok",
                &[&watched.len(), &one(&next.certificate, lang)],
            )),
            None if problems.is_empty() => parts.push(tf(lang, "ops.check_none", &[])),
            None => {}
        }
    }
    for p in problems {
        parts.push(tf(lang, "ops.check_unreadable", &[&p.path, &p.problem]));
    }
    sanitize::line(&parts.join("; ")).into_owned()
}

/// "F/a expires in 5 days (2026-12-04)" or "F/a expired on 2026-12-04".
fn one(c: &Certified, lang: Lang) -> String {
    if c.expired() {
        tf(lang, "ops.expired_on", &[&c.path(), &c.expiry_date()])
    } else {
        tf(
            lang,
            "ops.expires_in",
            &[&c.path(), &c.days_left, &c.expiry_date()],
        )
    }
}

impl CheckReport {
    /// `CLEOCPS LEVEL - summary | 'F/a'=5;@~:30;@~:7;;` — one line; the
    /// thresholds are ranges that alarm at or below the number of days.
    pub fn nagios(&self) -> String {
        let perf: Vec<String> = self
            .certificates
            .iter()
            // Perfdata thresholds would flag a replaced certificate in graphs.
            .filter(|c| c.certificate.watched())
            .map(|c| {
                format!(
                    "'{}'={};@~:{};@~:{};;",
                    c.certificate.path().replace('\'', "''"),
                    c.certificate.days_left,
                    self.thresholds.warn_days,
                    self.thresholds.critical_days
                )
            })
            .collect();
        let mut line = format!("CLEOCPS {} - {}", self.status.as_str(), self.summary);
        if !perf.is_empty() {
            line.push_str(" | ");
            line.push_str(&sanitize::line(&perf.join(" ")));
        }
        line
    }

    /// The nagios line when the workspace itself can't be read.
    pub fn unknown(problem: &str) -> String {
        format!("CLEOCPS UNKNOWN - {}", sanitize::line(problem))
    }
}

#[cfg(test)]
mod tests {
    use super::Status as Status_;
    use super::*;
    use crate::request::RequestType;

    fn cert(name: &str, days_left: i64) -> Certified {
        Certified {
            folder: "F".into(),
            name: name.into(),
            id: "id".into(),
            kind: RequestType::Ssl,
            cn: "srv.example.fr".into(),
            serial: "01".into(),
            not_before: "2026-01-01T00:00:00Z".into(),
            not_after: "2026-12-04T00:00:00Z".into(),
            not_after_unix: 0,
            days_left,
            deployed: vec![],
            replaced_by: None,
            revocation: Default::default(),
        }
    }

    fn run(days: &[i64], problems: usize, warn: i64, crit: i64) -> CheckReport {
        let status = Status {
            certificates: days
                .iter()
                .enumerate()
                .map(|(i, d)| cert(&format!("r{i}"), *d))
                .collect(),
            problems: (0..problems)
                .map(|i| Unreadable {
                    path: format!("F/bad{i}"),
                    problem: "broken".into(),
                })
                .collect(),
        };
        check(
            status,
            Thresholds {
                warn_days: warn,
                critical_days: crit,
            },
            Lang::En,
        )
    }

    #[test]
    fn the_worst_certificate_sets_the_level() {
        assert_eq!(run(&[5, 60], 0, 30, 7).status, Level::Critical);
        assert_eq!(run(&[5, 60], 0, 30, 3).status, Level::Warning);
        assert_eq!(run(&[5, 60], 0, 3, 1).status, Level::Ok);
        // At the threshold counts; an expired certificate is always critical.
        assert_eq!(run(&[30], 0, 30, 7).status, Level::Warning);
        assert_eq!(run(&[-1], 0, 0, -5).status, Level::Critical);
        assert_eq!(run(&[], 0, 30, 7).status, Level::Ok);
    }

    #[test]
    fn an_unreadable_entry_is_unknown_but_never_hides_a_problem() {
        assert_eq!(run(&[60], 1, 30, 7).status, Level::Unknown);
        assert_eq!(run(&[5], 1, 30, 7).status, Level::Critical);
        assert_eq!(run(&[], 1, 30, 7).exit_code, 3);
    }

    #[test]
    fn nagios_line_has_the_alarms_and_perfdata() {
        let line = run(&[60, 5], 0, 30, 7).nagios();
        assert_eq!(
            line,
            "CLEOCPS CRITICAL - F/r1 expires in 5 days (2026-12-04) | \
             'F/r0'=60;@~:30;@~:7;; 'F/r1'=5;@~:30;@~:7;;"
        );
        let ok = run(&[60], 0, 30, 7).nagios();
        assert!(
            ok.starts_with("CLEOCPS OK - 1 certificate(s); next: F/r0 expires in 60 days"),
            "{ok}"
        );
        assert_eq!(
            run(&[], 0, 30, 7).nagios(),
            "CLEOCPS OK - no certificate to watch"
        );
    }

    #[test]
    fn a_revocation_is_critical_and_a_long_unknown_warns() {
        use crate::revocation::{Revocation, Status};
        let mut revoked = cert("r", 400);
        revoked.revocation = Revocation {
            status: Status::Revoked,
            revoked_at: Some("2026-12-01T10:00:00Z".into()),
            reason: Some("keyCompromise".into()),
            ..Revocation::default()
        };
        let mut late = cert("u", 400);
        late.revocation = Revocation {
            status: Status::Unknown,
            unknown_since: Some("2026-11-20T00:00:00Z".into()),
            detail: Some("down".into()),
            overdue: true,
            ..Revocation::default()
        };
        let mut fresh = cert("f", 400);
        fresh.revocation.status = Status::Unknown;
        let status = |certs: Vec<Certified>| Status_ {
            certificates: certs,
            problems: vec![],
        };
        let th = Thresholds::default();
        let r = check(status(vec![revoked.clone(), late.clone()]), th, Lang::En);
        assert_eq!(r.status, Level::Critical);
        assert!(
            r.summary.starts_with(
                "F/r REVOKED on 2026-12-01 (reason: keyCompromise, serial 01); \
                 F/u: revocation status unknown since 2026-11-20 (down)"
            ),
            "{}",
            r.summary
        );
        assert_eq!(
            check(status(vec![late]), th, Lang::En).status,
            Level::Warning
        );
        assert_eq!(check(status(vec![fresh]), th, Lang::En).status, Level::Ok);
        // A replaced certificate is not served: its revocation is no alarm.
        revoked.replaced_by = Some("F/new".into());
        assert_eq!(check(status(vec![revoked]), th, Lang::En).status, Level::Ok);
    }
}
