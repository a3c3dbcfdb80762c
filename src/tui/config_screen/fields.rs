//! The configuration screen's fields: which key of DESIGN §9 each edits,
//! in which section, as what kind of value, and the value it starts with.

use cleocps_core::config::{get_value, Config};
use serde_json::Value;

/// A section of the screen, as the original's options dialog had tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    Registration,
    Sending,
    Receiving,
    Directory,
    Trust,
    Subject,
}

impl Part {
    pub const ALL: [Part; 6] = [
        Part::Registration,
        Part::Sending,
        Part::Receiving,
        Part::Directory,
        Part::Trust,
        Part::Subject,
    ];

    /// Short name, in the list of sections.
    pub fn name_id(self) -> &'static str {
        match self {
            Part::Registration => "tui.cfg.part.registration",
            Part::Sending => "tui.cfg.part.sending",
            Part::Receiving => "tui.cfg.part.receiving",
            Part::Directory => "tui.cfg.part.directory",
            Part::Trust => "tui.cfg.part.trust",
            Part::Subject => "tui.cfg.part.subject",
        }
    }

    /// Full title, heading the section.
    pub fn title_id(self) -> &'static str {
        match self {
            Part::Registration => "tui.cfg.title.registration",
            Part::Sending => "tui.cfg.title.sending",
            Part::Receiving => "tui.cfg.title.receiving",
            Part::Directory => "tui.cfg.title.directory",
            Part::Trust => "tui.cfg.title.trust",
            Part::Subject => "tui.cfg.title.subject",
        }
    }

    /// One line under the title: what the section wants.
    pub fn note_id(self) -> &'static str {
        match self {
            Part::Registration => "tui.cfg.note.registration",
            Part::Sending => "tui.cfg.note.sending",
            Part::Receiving => "tui.cfg.note.receiving",
            Part::Directory => "tui.cfg.note.directory",
            Part::Trust => "tui.cfg.note.trust",
            Part::Subject => "tui.cfg.note.subject",
        }
    }

    /// The `doctor` checks "Tester" runs; `None`: nothing to test.
    pub fn checks(self) -> Option<cleocps_core::doctor::Section> {
        use cleocps_core::doctor::Section;
        Some(match self {
            Part::Registration => Section::Registration,
            Part::Sending => Section::Sending,
            Part::Receiving => Section::Receiving,
            Part::Directory => Section::Directory,
            Part::Trust => Section::Trust,
            Part::Subject => return None,
        })
    }
}

/// How a field's text becomes the key's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    /// A port: digits, 1 to 65535.
    Port,
    /// A number of days, 1 to [`MAX_UNKNOWN_DAYS`](cleocps_core::revocation::MAX_UNKNOWN_DAYS).
    Days,
    /// One of a few values (value, text id of its words), chosen with ← →.
    Choice(&'static [(&'static str, &'static str)]),
}

/// The security values in the order ← → go through them.
pub const SECURITY: &[(&str, &str)] = &[
    ("starttls", "tui.cfg.sec.starttls"),
    ("tls", "tui.cfg.sec.tls"),
    ("plain", "tui.cfg.sec.plain"),
];

/// `revocation.mode`: checked, or off for a server without network.
pub const REVOCATION_MODES: &[(&str, &str)] = &[
    ("auto", "tui.cfg.revocation.auto"),
    ("off", "tui.cfg.revocation.off"),
];

/// A yes-or-no key.
pub const YES_NO: &[(&str, &str)] = &[("false", "tui.cfg.no"), ("true", "tui.cfg.yes")];

impl Kind {
    /// The values ← → go through, when it is a choice.
    pub fn choices(self) -> Option<&'static [(&'static str, &'static str)]> {
        match self {
            Kind::Choice(values) => Some(values),
            _ => None,
        }
    }
}

/// One field: its key, its label's text id, its section and kind.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    pub key: &'static str,
    pub label: &'static str,
    pub part: Part,
    pub kind: Kind,
}

const fn spec(key: &'static str, label: &'static str, part: Part, kind: Kind) -> Spec {
    Spec {
        key,
        label,
        part,
        kind,
    }
}

use Kind::{Days, Port, Text};

const SEC: Kind = Kind::Choice(SECURITY);
const MODE: Kind = Kind::Choice(REVOCATION_MODES);
const FLAG: Kind = Kind::Choice(YES_NO);
use Part::*;

/// Every field, in screen order. Passwords are never here: only the paths
/// of the files that hold them (DESIGN §9).
#[rustfmt::skip]
pub static SPECS: &[Spec] = &[
    spec("registration.address", "tui.cfg.f.address", Registration, Text),
    spec("registration.certificate", "tui.cfg.f.certificate", Registration, Text),
    spec("mail_from", "tui.cfg.f.mail_from", Sending, Text),
    spec("smtp.host", "tui.cfg.f.smtp_host", Sending, Text),
    spec("smtp.port", "tui.cfg.f.port", Sending, Port),
    spec("smtp.security", "tui.cfg.f.security", Sending, SEC),
    spec("smtp.user", "tui.cfg.f.user", Sending, Text),
    spec("smtp.password_file", "tui.cfg.f.password_file", Sending, Text),
    spec("smtp.ca_file", "tui.cfg.f.ca_file", Sending, Text),
    spec("smtp.tls_fingerprint", "tui.cfg.f.tls_fingerprint", Sending, Text),
    spec("sendmail", "tui.cfg.f.sendmail", Sending, Text),
    spec("outbox", "tui.cfg.f.outbox", Sending, Text),
    spec("imap.host", "tui.cfg.f.imap_host", Receiving, Text),
    spec("imap.port", "tui.cfg.f.port", Receiving, Port),
    spec("imap.security", "tui.cfg.f.security", Receiving, SEC),
    spec("imap.user", "tui.cfg.f.user", Receiving, Text),
    spec("imap.password_file", "tui.cfg.f.password_file", Receiving, Text),
    spec("imap.ca_file", "tui.cfg.f.ca_file", Receiving, Text),
    spec("imap.tls_fingerprint", "tui.cfg.f.tls_fingerprint", Receiving, Text),
    spec("imap.mailbox", "tui.cfg.f.mailbox", Receiving, Text),
    spec("maildir", "tui.cfg.f.maildir", Receiving, Text),
    spec("ldap.url", "tui.cfg.f.ldap_url", Directory, Text),
    spec("ldap.base", "tui.cfg.f.ldap_base", Directory, Text),
    spec("ldap.bind_dn", "tui.cfg.f.bind_dn", Directory, Text),
    spec("ldap.password_file", "tui.cfg.f.password_file", Directory, Text),
    spec("ldap.ca_file", "tui.cfg.f.ca_file", Directory, Text),
    spec("ldap.tls_fingerprint", "tui.cfg.f.tls_fingerprint", Directory, Text),
    spec("directory_file", "tui.cfg.f.directory_file", Directory, Text),
    spec("trust.anchors", "tui.cfg.f.anchors", Trust, Text),
    spec("trust.intermediates", "tui.cfg.f.intermediates", Trust, Text),
    spec("revocation.mode", "tui.cfg.f.revocation_mode", Trust, MODE),
    spec("revocation.max_unknown_days", "tui.cfg.f.max_unknown_days", Trust, Days),
    spec("revocation.ldap", "tui.cfg.f.revocation_ldap", Trust, FLAG),
    spec("subject_defaults.o", "tui.cfg.f.o", Subject, Text),
    spec("subject_defaults.ou", "tui.cfg.f.ou", Subject, Text),
    spec("subject_defaults.l", "tui.cfg.f.l", Subject, Text),
    spec("subject_defaults.st", "tui.cfg.f.st", Subject, Text),
    spec("subject_defaults.c", "tui.cfg.f.c", Subject, Text),
];

/// The sections that exist as a whole or not at all (`smtp`, `imap`,
/// `ldap`), with the keys they can't go without.
pub const SERVERS: &[(&str, &[&str])] = &[
    ("smtp", &["smtp.host"]),
    ("imap", &["imap.host", "imap.user"]),
    ("ldap", &["ldap.url", "ldap.base"]),
];

/// The server section a key belongs to (`smtp.port` → `smtp`).
pub fn server_of(key: &str) -> Option<&'static str> {
    let head = key.split('.').next()?;
    SERVERS
        .iter()
        .map(|(s, _)| *s)
        .find(|s| *s == head && key.contains('.'))
}

/// The text a field starts with: the configuration's value (a list joined
/// with ", "), a choice's default (the section's security) when it has
/// none, else empty.
pub fn initial(config: &Config, spec: &Spec) -> String {
    match get_value(config, spec.key) {
        Some(Value::String(s)) => s,
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Bool(b)) => b.to_string(),
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|v| v.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        // What serde gives a section written without it.
        _ if spec.kind == SEC && spec.key.starts_with("imap") => "tls".to_string(),
        _ => match spec.kind.choices() {
            Some(values) => values
                .first()
                .map(|(v, _)| *v)
                .unwrap_or_default()
                .to_string(),
            None => String::new(),
        },
    }
}
