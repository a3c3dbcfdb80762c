//! `config set KEY VALUE` and the configuration screen: one dotted key of
//! DESIGN §9 changed in the file's JSON, the result validated as a whole
//! (as `config check` does), then written atomically, mode 0600.

use super::{Config, ConfigError};
use serde_json::Value;
use std::path::Path;

/// The file's mode: it names password files and the registration address.
pub const CONFIG_MODE: u32 = 0o600;

/// `text` (the file's current content, `None` when absent) with each
/// `(key, value)` set, checked. A value is read as JSON when it is a list or
/// an object, a number or a boolean for the keys that take one
/// ([`TYPED_KEYS`]), `null` (the key is removed: its default applies), else
/// as text (an OU of digits stays text); a list key given plain text takes
/// it comma-separated (`trust.anchors a.pem,b.pem`).
pub fn set_values(
    path: &Path,
    text: Option<&str>,
    pairs: &[(&str, &str)],
) -> Result<(Config, String), ConfigError> {
    let invalid = |detail: String| ConfigError::Invalid {
        path: path.to_path_buf(),
        detail,
    };
    let mut root: Value = match text {
        Some(t) if !t.trim().is_empty() => {
            serde_json::from_str(t).map_err(|e| invalid(e.to_string()))?
        }
        _ => Value::Object(Default::default()),
    };
    for (key, value) in pairs {
        check_range(key, value)?;
        set_one(&mut root, key, value).map_err(invalid)?;
    }
    let out = serde_json::to_string_pretty(&root).map_err(|e| invalid(e.to_string()))?;
    let config = Config::parse(path, &out)?;
    Ok((config, out + "\n"))
}

/// Reads `path` (absent: empty), sets the pairs, writes it back 0600.
pub fn set_in_file(path: &Path, pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
    let text = Config::read_file(path)?;
    let (config, out) = set_values(path, text.as_deref(), pairs)?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| ConfigError::Unreadable {
            path: dir.to_path_buf(),
            detail: e.to_string(),
        })?;
    }
    crate::fsutil::write_atomic(path, out.as_bytes(), CONFIG_MODE).map_err(|e| {
        ConfigError::Unreadable {
            path: path.to_path_buf(),
            detail: e.to_string(),
        }
    })?;
    Ok(config)
}

/// The value at a dotted key, as JSON (`null` when unset).
pub fn get_value(config: &Config, key: &str) -> Option<Value> {
    let mut v = serde_json::to_value(config).ok()?;
    for part in key.split('.') {
        v = v.get(part)?.clone();
    }
    Some(v)
}

fn set_one(root: &mut Value, key: &str, value: &str) -> Result<(), String> {
    let parts: Vec<&str> = key.split('.').collect();
    if parts.iter().any(|p| p.is_empty()) {
        return Err(format!("unknown field `{key}`"));
    }
    let mut at = &mut *root;
    for part in &parts[..parts.len() - 1] {
        let obj = at
            .as_object_mut()
            .ok_or_else(|| format!("`{key}`: not a section"))?;
        let slot = obj
            .entry(part.to_string())
            .or_insert_with(|| Value::Object(Default::default()));
        if slot.is_null() {
            *slot = Value::Object(Default::default());
        }
        at = slot;
    }
    let last = parts[parts.len() - 1];
    let obj = at
        .as_object_mut()
        .ok_or_else(|| format!("`{key}`: not a section"))?;
    match read_value(key, value) {
        // Removed rather than null: a list or a section that can't be null
        // (`trust.anchors`) falls back to its default.
        Value::Null => {
            obj.remove(last);
            prune(root, &parts[..parts.len() - 1]);
        }
        v => {
            obj.insert(last.to_string(), v);
        }
    }
    Ok(())
}

/// Drops the sections along `path` that a removal left empty, deepest first.
fn prune(root: &mut Value, path: &[&str]) {
    for depth in (1..=path.len()).rev() {
        let (parent, name) = (&path[..depth - 1], path[depth - 1]);
        let mut at = &mut *root;
        for part in parent {
            match at.get_mut(*part) {
                Some(next) => at = next,
                None => return,
            }
        }
        let Some(obj) = at.as_object_mut() else {
            return;
        };
        if !obj
            .get(name)
            .is_some_and(|v| v.as_object().is_some_and(|o| o.is_empty()))
        {
            return;
        }
        obj.remove(name);
    }
}

/// JSON when it reads as a list, an object, `null`, or a number or boolean
/// for a key that takes one; a list for list keys; else text.
fn read_value(key: &str, value: &str) -> Value {
    if let Ok(v) = serde_json::from_str::<Value>(value) {
        let scalar = v.is_number() || v.is_boolean();
        if !v.is_string() && (!scalar || TYPED_KEYS.contains(&key)) {
            return v;
        }
    }
    if LIST_KEYS.contains(&key) {
        return Value::Array(
            value
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| Value::String(s.to_string()))
                .collect(),
        );
    }
    Value::String(value.to_string())
}

/// A port outside 1–65535 or a timeout under a second, refused naming the
/// key (the file's own check says the same of a file edited by hand).
fn check_range(key: &str, value: &str) -> Result<(), ConfigError> {
    let lang = crate::i18n::current();
    let id = if key.ends_with(".port") {
        (value.parse::<u16>().ok().filter(|p| *p >= 1).is_none()).then_some("config.bad_port")
    } else if key.ends_with(".timeout_s") {
        (value.parse::<u64>().ok().filter(|t| *t >= 1).is_none()).then_some("config.bad_timeout")
    } else {
        None
    };
    match id {
        Some(id) if value != "null" => Err(ConfigError::BadValue {
            key: TYPED_KEYS
                .iter()
                .find(|k| **k == key)
                .copied()
                .unwrap_or("port"),
            detail: crate::i18n::tf(lang, id, &[&value]),
        }),
        _ => Ok(()),
    }
}

/// The keys whose value is a list.
const LIST_KEYS: &[&str] = &["trust.anchors"];

/// The keys whose value is a number or a boolean (a test keeps the list
/// whole); any other key given digits takes them as text.
pub const TYPED_KEYS: &[&str] = &[
    "key_bits",
    "max_message_bytes",
    "smtp.port",
    "smtp.timeout_s",
    "smtp.allow_plaintext",
    "imap.port",
    "imap.timeout_s",
    "imap.allow_plaintext",
    "ldap.starttls",
    "ldap.timeout_s",
    "ldap.size_limit",
    "ldap.allow_plaintext",
    "ra.validity_days",
    "ra.allow_legacy_1024",
    "revocation.max_unknown_days",
    "revocation.ldap",
];

#[cfg(test)]
mod set_tests {
    use super::*;

    #[test]
    fn sets_dotted_keys_and_keeps_the_rest() {
        let p = Path::new("config.json");
        let (c, out) = set_values(
            p,
            Some(r#"{"language":"fr"}"#),
            &[
                ("registration.address", "ra@example.org"),
                ("smtp.host", "mail.example.org"),
                ("smtp.port", "587"),
                ("trust.anchors", "igc-sante,/etc/ca.pem"),
            ],
        )
        .expect("valid");
        assert_eq!(c.language.as_deref(), Some("fr"));
        assert_eq!(c.registration.address.as_deref(), Some("ra@example.org"));
        assert_eq!(c.smtp.as_ref().map(|s| s.port), Some(Some(587)));
        assert_eq!(c.trust.anchors, vec!["igc-sante", "/etc/ca.pem"]);
        assert!(out.ends_with('\n'));
    }

    #[test]
    fn refuses_unknown_keys_and_bad_values_naming_them() {
        let p = Path::new("config.json");
        let e = set_values(p, None, &[("smtp.hots", "x")]).expect_err("unknown");
        assert!(e.to_string().contains("hots"), "{e}");
        let e = set_values(p, None, &[("key_bits", "1000")]).expect_err("bad");
        assert!(e.to_string().contains("key_bits"), "{e}");
        let e = set_values(p, None, &[("smtp.host", "a"), ("outbox", "/tmp/o")]);
        assert!(e.is_err(), "two sending ways");
    }

    #[test]
    fn digits_stay_text_where_the_key_takes_text() {
        // A structure identifier (OU) is digits; a port is a number.
        let p = Path::new("config.json");
        let (c, _) = set_values(
            p,
            None,
            &[
                ("subject_defaults.ou", "1234567890"),
                ("smtp.host", "10"),
                ("smtp.port", "587"),
                ("smtp.user", "42"),
            ],
        )
        .expect("valid");
        assert_eq!(c.subject_defaults.ou.as_deref(), Some("1234567890"));
        let smtp = c.smtp.expect("smtp");
        assert_eq!((smtp.host.as_str(), smtp.port), ("10", Some(587)));
        assert_eq!(smtp.user.as_deref(), Some("42"));
    }

    #[test]
    fn null_removes_the_key_and_its_default_applies() {
        let p = Path::new("config.json");
        let text = r#"{"trust":{"anchors":["/etc/ca.pem"]},"smtp":{"host":"h","user":"u"},"mail_from":"a@b.fr"}"#;
        let (c, out) = set_values(
            p,
            Some(text),
            &[
                ("trust.anchors", "null"),
                ("smtp.user", "null"),
                ("mail_from", "null"),
            ],
        )
        .expect("valid");
        assert_eq!(c.trust, crate::trust::TrustConfig::default());
        assert_eq!(c.smtp.as_ref().map(|s| s.user.clone()), Some(None));
        assert_eq!(c.mail_from, None);
        assert!(
            !out.contains("mail_from") && !out.contains("trust"),
            "{out}"
        );
        let (c, _) = set_values(p, Some(text), &[("smtp", "null")]).expect("valid");
        assert_eq!(c.smtp, None);
    }

    /// Every key that takes a number or a boolean is in [`TYPED_KEYS`], and
    /// only those: a new one forgotten there would read "5" as text.
    #[test]
    fn typed_keys_are_the_numbers_and_booleans() {
        let full = r#"{"language":"fr","key_bits":2048,"card":{"pkcs11_module":"m","token_label":"t","soft_token":"s"},
          "registration":{"address":"a","certificate":"c"},"mail_from":"f",
          "smtp":{"host":"h","port":1,"security":"tls","user":"u","password_file":"p","ca_file":"c","timeout_s":1,"allow_plaintext":true},
          "imap":{"host":"h","port":1,"security":"tls","user":"u","password_file":"p","ca_file":"c","mailbox":"m","timeout_s":1,"allow_plaintext":true},
          "max_message_bytes":1,
          "ldap":{"url":"u","starttls":true,"bind_dn":"b","password_file":"p","ca_file":"c","base":"b","filter":"f",
                  "attributes":{"fqdn":"f","mail":"m","structure_id":"s","structure_name":"n","departement":"d"},
                  "timeout_s":1,"size_limit":1,"allow_plaintext":true},
          "trust":{"anchors":["a"],"intermediates":"i"},"ra":{"validity_days":1,"allow_legacy_1024":true},
          "subject_defaults":{"o":"o","ou":"u","st":"s","l":"l","c":"c"}}"#;
        let config = Config::parse(p(), full).expect("full");
        let value = serde_json::to_value(&config).expect("json");
        let mut typed = Vec::new();
        leaves(&value, String::new(), &mut typed);
        typed.sort();
        let mut want: Vec<String> = TYPED_KEYS.iter().map(|k| k.to_string()).collect();
        want.sort();
        assert_eq!(typed, want);
    }

    fn p() -> &'static Path {
        Path::new("config.json")
    }

    fn leaves(v: &Value, at: String, typed: &mut Vec<String>) {
        match v {
            Value::Object(map) => {
                for (k, v) in map {
                    let key = if at.is_empty() {
                        k.clone()
                    } else {
                        format!("{at}.{k}")
                    };
                    leaves(v, key, typed);
                }
            }
            Value::Number(_) | Value::Bool(_) => typed.push(at),
            _ => {}
        }
    }
}
