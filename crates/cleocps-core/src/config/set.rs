//! `config set KEY VALUE` and the configuration screen: one dotted key of
//! DESIGN §9 changed in the file's JSON, the result validated as a whole
//! (as `config check` does), then written atomically, mode 0600.

use super::{Config, ConfigError};
use serde_json::Value;
use std::path::Path;

/// The file's mode: it names password files and the registration address.
pub const CONFIG_MODE: u32 = 0o600;

/// `text` (the file's current content, `None` when absent) with each
/// `(key, value)` set, checked. A value is read as JSON when it is a number,
/// a boolean, `null`, a list or an object, else as text; a list key given
/// plain text takes it comma-separated (`trust.anchors a.pem,b.pem`).
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
        set_one(&mut root, key, value).map_err(invalid)?;
    }
    let out = serde_json::to_string_pretty(&root).map_err(|e| invalid(e.to_string()))?;
    let config = Config::parse(path, &out)?;
    Ok((config, out + "\n"))
}

/// Reads `path` (absent: empty), sets the pairs, writes it back 0600.
pub fn set_in_file(path: &Path, pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => Some(t),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            return Err(ConfigError::Unreadable {
                path: path.to_path_buf(),
                detail: e.to_string(),
            })
        }
    };
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
    let mut at = root;
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
    obj.insert(last.to_string(), read_value(key, value));
    Ok(())
}

/// JSON when it reads as a non-text JSON value; a list for list keys.
fn read_value(key: &str, value: &str) -> Value {
    if let Ok(v) = serde_json::from_str::<Value>(value) {
        if !v.is_string() {
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

/// The keys whose value is a list.
const LIST_KEYS: &[&str] = &["trust.anchors"];

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
}
