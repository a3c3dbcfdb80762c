//! `doctor`'s revocation line: whether the OCSP responders and CRLs of the
//! certificates it knows answer now (the cache is not enough: it asks).

use super::check;
use crate::card::Check;
use crate::config::Config;
use crate::i18n::{current, t, tf};
use crate::revocation::{self, Checker, Mode, Source, Status};
use crate::workspace::Workspace;
use std::time::SystemTime;

pub(super) fn revocation(config: &Config, ws: &Workspace) -> Check {
    let lang = current();
    let name = "revocation";
    if config.revocation.mode == Mode::Off {
        return check(
            name,
            true,
            t(lang, "doctor.revocation_off").to_string(),
            None,
        );
    }
    let now = SystemTime::now();
    let Ok(mut status) = crate::ops::status(ws, now) else {
        return check(
            name,
            true,
            t(lang, "doctor.revocation_none").to_string(),
            None,
        );
    };
    let checker = Checker::new(ws, &config.revocation, now, lang).probing();
    revocation::annotate_with(ws, &mut status.certificates, checker, lang);
    let checked: Vec<_> = status
        .certificates
        .iter()
        .filter(|c| c.revocation.status != Status::Off)
        .collect();
    if checked.is_empty() {
        return check(
            name,
            true,
            t(lang, "doctor.revocation_none").to_string(),
            None,
        );
    }
    let by = |s: Source| {
        checked
            .iter()
            .filter(|c| c.revocation.source == Some(s))
            .count()
    };
    let unknown: Vec<String> = checked
        .iter()
        .filter(|c| c.revocation.status == Status::Unknown)
        .map(|c| {
            format!(
                "{}: {}",
                c.path(),
                c.revocation.detail.as_deref().unwrap_or("-")
            )
        })
        .collect();
    let revoked: Vec<String> = checked
        .iter()
        .filter(|c| c.revocation.is_revoked())
        .map(|c| format!("{} {}", c.path(), c.revocation.describe(lang)))
        .collect();
    let mut detail = tf(
        lang,
        "doctor.revocation_answered",
        &[
            &(checked.len() - unknown.len()),
            &checked.len(),
            &by(Source::Ocsp),
            &by(Source::Crl),
        ],
    );
    for line in unknown.iter().chain(&revoked) {
        detail.push_str("; ");
        detail.push_str(&crate::sanitize::line(line));
    }
    let fix = tf(lang, "doctor.fix.revocation", &[]);
    check(
        name,
        unknown.is_empty() && revoked.is_empty(),
        detail,
        Some(fix),
    )
}
