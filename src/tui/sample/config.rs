//! The configuration screen's example states: "Tester" on the receiving
//! section against a server that refuses the connection, and the first run.

use crate::i18n::Lang;
use crate::tui::app::App;
use crate::tui::config_screen::{ConfigScreen, Outcome, Part, Tested};
use cleocps_core::config::Config;
use cleocps_core::mail::{MailError, Service};
use std::path::PathBuf;

const JSON: &str = r#"{
  "registration": {"address": "inscription@igc-sante.example.fr",
                   "certificate": "/etc/cleocps/inscription.crt"},
  "mail_from": "admin@clinique-test.fr",
  "smtp": {"host": "smtp.clinique-test.fr", "port": 587, "user": "admin",
           "password_file": "/etc/cleocps/smtp.pass"},
  "imap": {"host": "127.0.0.1", "port": 1993, "security": "tls", "user": "admin",
           "password_file": "/etc/cleocps/imap.pass", "mailbox": "INBOX"},
  "subject_defaults": {"o": "Clinique du Test", "ou": "1720012345", "st": "Sarthe (72)",
                       "l": "Le Mans", "c": "FR"}
}"#;

pub fn screens(lang: Lang) -> Vec<(&'static str, App)> {
    let path = PathBuf::from("/home/admin/.config/cleocps/config.json");
    let config = Config::parse(&path, JSON).unwrap_or_default();
    let mut out = Vec::new();

    let mut app = super::example(lang);
    let mut s = ConfigScreen::open(&config, Some(path.clone()));
    s.focus_key("imap.mailbox");
    s.next();
    s.next();
    let refused = MailError::ConnectionRefused {
        service: Service::Imap,
        host: "127.0.0.1".into(),
        port: 1993,
    };
    s.results.insert(
        Part::Receiving,
        Outcome::Checks(vec![Tested {
            service: "IMAP 127.0.0.1:1993".into(),
            ok: false,
            detail: refused.localize(lang),
        }]),
    );
    app.config = config;
    app.config_path = Some(path.clone());
    app.config_screen = Some(s);
    out.push(("44-config", app));

    // The first run: no file yet, the registration server asked first.
    let mut first = App::new(lang, PathBuf::from("/srv/cleocps"));
    let mut s = ConfigScreen::open(&Config::default(), Some(path));
    s.first_run = true;
    first.config_screen = Some(s);
    out.push(("47-config-first-run", first));
    out
}
