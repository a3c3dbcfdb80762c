//! The configuration screen's jobs: "Tester" (a section's `doctor` checks,
//! which reach servers and may wait for their timeout) and saving (through
//! `config set`'s own door: validated, atomic, 0600).

use crate::i18n::{t, tf, Lang};
use crate::tui::action::{Done, Shown};
use crate::tui::config_screen::{Outcome, Part, Tested};
use crate::tui::job::{Cx, Failure, Work};
use crate::tui::job_kind::JobKind;
use cleocps_core::card::Check;
use cleocps_core::config::{self, Config, ConfigError};
use cleocps_core::doctor;
use std::path::{Path, PathBuf};

/// The configuration screen's "Tester": the section's `doctor` checks on
/// the file's configuration with the screen's changes (unsaved).
#[derive(Debug, Clone)]
pub struct TestConfig {
    pub path: Option<PathBuf>,
    pub pairs: Vec<(String, String)>,
    pub part: Part,
}

impl Work for TestConfig {
    fn kind(&self) -> JobKind {
        JobKind::TestConfig
    }

    fn run(self: Box<Self>, cx: &Cx<'_>) -> Result<Done, Failure> {
        Ok(test(cx.lang, self.path, self.pairs, self.part)?)
    }
}

/// The configuration screen's changes written into the file (validated as
/// a whole, atomically, mode 0600).
#[derive(Debug, Clone)]
pub struct SaveConfig {
    pub path: PathBuf,
    pub pairs: Vec<(String, String)>,
}

impl Work for SaveConfig {
    fn kind(&self) -> JobKind {
        JobKind::SaveConfig
    }

    fn run(self: Box<Self>, cx: &Cx<'_>) -> Result<Done, Failure> {
        Ok(save(cx.lang, self.path, self.pairs)?)
    }
}

fn as_refs(pairs: &[(String, String)]) -> Vec<(&str, &str)> {
    pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}

/// The file's configuration with the screen's changes, not written.
fn edited(path: Option<&Path>, pairs: &[(String, String)]) -> Result<Config, ConfigError> {
    let file = path.unwrap_or(Path::new("config.json"));
    let text = match path.map(std::fs::read_to_string) {
        Some(Ok(text)) => Some(text),
        Some(Err(e)) if e.kind() != std::io::ErrorKind::NotFound => {
            return Err(ConfigError::Unreadable {
                path: file.to_path_buf(),
                detail: e.to_string(),
            })
        }
        _ => None,
    };
    config::set_values(file, text.as_deref(), &as_refs(pairs)).map(|(c, _)| c)
}

fn test(
    lang: Lang,
    path: Option<PathBuf>,
    pairs: Vec<(String, String)>,
    part: Part,
) -> Result<Done, String> {
    let outcome = match (edited(path.as_deref(), &pairs), part.checks()) {
        (Err(e), _) => Outcome::Refused(e.localize(lang)),
        (Ok(_), None) => Outcome::Nothing,
        (Ok(c), Some(section)) => {
            let ra = c.registration.certificate.as_deref();
            let checks = doctor::section(&c, ra, section, lang);
            if checks.is_empty() {
                Outcome::Nothing
            } else {
                Outcome::Checks(checks.iter().map(|k| tested(lang, &c, k)).collect())
            }
        }
    };
    Ok(Done {
        shown: Some(Shown::ConfigTested { part, outcome }),
        ..Done::default()
    })
}

/// A check with the service it reached named as the user configured it.
fn tested(lang: Lang, c: &Config, check: &Check) -> Tested {
    use cleocps_core::mail::{imap, smtp};
    let service = match check.name.as_str() {
        "smtp" => c
            .smtp
            .as_ref()
            .map(|s| format!("SMTP {}:{}", s.host, smtp::port(s))),
        "imap" => c
            .imap
            .as_ref()
            .map(|s| format!("IMAP {}:{}", s.host, imap::port(s))),
        "ldap" => c.ldap.as_ref().map(|l| format!("LDAP {}", l.url)),
        "registration_certificate" => Some(t(lang, "tui.cfg.svc.registration").to_string()),
        "trust_anchors" => Some(t(lang, "tui.cfg.svc.trust").to_string()),
        "outbox" => Some(t(lang, "tui.cfg.svc.outbox").to_string()),
        "directory_file" => Some(t(lang, "tui.cfg.svc.directory_file").to_string()),
        "maildir" => Some("Maildir".to_string()),
        _ => None,
    };
    Tested {
        service: service.unwrap_or_else(|| check.name.clone()),
        ok: check.ok,
        detail: check.detail.clone(),
    }
}

fn save(lang: Lang, path: PathBuf, pairs: Vec<(String, String)>) -> Result<Done, String> {
    let config = config::set_in_file(&path, &as_refs(&pairs)).map_err(|e| e.localize(lang))?;
    Ok(Done {
        message: Some(tf(lang, "tui.cfg.saved", &[&path.display()])),
        shown: Some(Shown::ConfigSaved(Box::new(config))),
        ..Done::default()
    })
}
