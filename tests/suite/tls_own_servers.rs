//! The organisation's own servers (DESIGN §9): SMTP, IMAP and LDAPS
//! presenting one self-signed certificate made by `openssl req -x509`
//! (CA:TRUE), trusted by giving that very certificate as `ca_file`, or by
//! its SHA-256 alone (`tls_fingerprint`); refusals name the presented
//! certificate and the one fix, in the user's language, with no debug text.

use crate::support;

use serde_json::{json, Value};
use std::path::Path;
use support::mail::{cleo_cfg, write_config};
use support::services::{Stack, ALL, HOLDER};

/// `doctor --json` in `lang`: the smtp, imap and ldap checks.
fn doctor(ws: &Path, dir: &Path, config: &Value, lang: &str) -> Vec<Value> {
    let cfg = write_config(dir, "c.json", config);
    let out = support::process::output(
        support::cleocps(dir)
            .arg("--workspace")
            .arg(ws)
            .args(["--lang", lang, "--config", &cfg, "--json", "doctor"]),
    );
    let checks: Vec<Value> = serde_json::from_slice(&out.stdout).expect("doctor --json");
    checks
        .into_iter()
        .filter(|c| ["smtp", "imap", "ldap"].contains(&c["name"].as_str().unwrap_or_default()))
        .collect()
}

/// The services' configuration with `tls` merged into smtp, imap and ldap.
fn config(stack: &Stack, tls: &Value) -> Value {
    let mut c = stack.config();
    c["ldap"]["url"] = json!(stack.ldaps_url());
    for section in ["smtp", "imap", "ldap"] {
        let obj = c[section].as_object_mut().expect("section");
        obj.remove("ca_file");
        for (k, v) in tls.as_object().expect("tls") {
            obj.insert(k.clone(), v.clone());
        }
    }
    c
}

/// `SHA256:…` of the services' certificate, as openssl prints it.
fn openssl_fingerprint(cert: &Path) -> String {
    let out = support::process::tool_ok(
        "openssl",
        &[
            "x509",
            "-in",
            &cert.to_string_lossy(),
            "-noout",
            "-fingerprint",
            "-sha256",
        ],
    );
    let hex = out
        .trim()
        .rsplit('=')
        .next()
        .expect("fingerprint")
        .to_string();
    format!("SHA256:{hex}")
}

#[test]
fn a_self_signed_ca_true_server_is_trusted_by_its_own_file_or_its_pin() {
    let stack = Stack::start_self_signed(ALL);
    let tmp = tempfile::tempdir().expect("tmp");
    let (t, ws) = (tmp.path(), tmp.path().join("ws"));
    let text = support::process::tool_ok(
        "openssl",
        &[
            "x509",
            "-in",
            &stack.ca.to_string_lossy(),
            "-noout",
            "-text",
        ],
    );
    assert!(text.contains("CA:TRUE"), "the field's certificate: {text}");

    // The certificate itself as ca_file: every service connects.
    for c in doctor(&ws, t, &config(&stack, &json!({"ca_file": stack.ca})), "en") {
        assert_eq!(c["ok"], true, "{c}");
    }
    // Its fingerprint alone, colons and all, as openssl prints it.
    let pin = openssl_fingerprint(&stack.ca);
    assert!(pin.contains(':'));
    let checks = doctor(
        &ws,
        t,
        &config(&stack, &json!({"tls_fingerprint": pin})),
        "en",
    );
    assert_eq!(checks.len(), 3);
    for c in checks {
        assert_eq!(c["ok"], true, "{c}");
    }
    // The directory lookup itself, through the pin.
    let cfg = write_config(
        t,
        "lookup.json",
        &config(&stack, &json!({"tls_fingerprint": pin})),
    );
    let out = cleo_cfg(
        &ws,
        &cfg,
        &["directory", "lookup", "--holder", HOLDER, "--json"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let found: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!(
        !found["servers"].as_array().expect("servers").is_empty(),
        "{found}"
    );
}

#[test]
fn refusals_name_the_presented_certificate_and_the_one_fix() {
    let stack = Stack::start_self_signed(ALL);
    let tmp = tempfile::tempdir().expect("tmp");
    let (t, ws) = (tmp.path(), tmp.path().join("ws"));
    let presented = openssl_fingerprint(&stack.ca)
        .replace(':', "")
        .replace("SHA256", "SHA256:");

    // Nothing set: refused as self-signed; the fix is the pin, ready to paste.
    for (lang, pin_word) in [
        ("en", "pin its certificate"),
        ("fr", "épinglez ce certificat"),
    ] {
        let checks = doctor(&ws, t, &config(&stack, &json!({})), lang);
        assert_eq!(checks.len(), 3);
        for c in checks {
            let (name, detail, fix) = (&c["name"], c["detail"].to_string(), c["fix"].to_string());
            assert_eq!(c["ok"], false, "{c}");
            assert!(detail.contains("CN=localhost"), "{detail}");
            assert!(detail.contains(&presented), "{detail}");
            assert!(fix.contains(pin_word), "{fix}");
            let key = format!(
                "config set {}.tls_fingerprint {presented}",
                name.as_str().unwrap_or_default()
            );
            assert!(fix.contains(&key), "{fix}");
            for debug in [
                "OtherError",
                "CaUsedAsEndEntity",
                "Some(",
                "invalid peer certificate",
            ] {
                assert!(!detail.contains(debug) && !fix.contains(debug), "{c}");
            }
        }
    }

    // A wrong pin: refused, naming the SHA-256 the server presents.
    let wrong = format!("SHA256:{}", "AB".repeat(32));
    for c in doctor(
        &ws,
        t,
        &config(&stack, &json!({"tls_fingerprint": wrong})),
        "en",
    ) {
        assert_eq!(c["ok"], false, "{c}");
        assert!(
            c["detail"]
                .to_string()
                .contains("not the pinned certificate"),
            "{c}"
        );
        assert!(c["fix"].to_string().contains(&presented), "{c}");
    }

    // A malformed pin is a configuration error naming the key.
    let cfg = write_config(
        t,
        "bad.json",
        &config(&stack, &json!({"tls_fingerprint": "SHA256:12"})),
    );
    let out = cleo_cfg(&ws, &cfg, &["config", "check"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("smtp.tls_fingerprint"));
}

#[test]
fn config_set_takes_a_fingerprint_and_refuses_a_malformed_one() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (t, ws) = (tmp.path(), tmp.path().join("ws"));
    let cfg = t.join("config.json");
    std::fs::write(&cfg, r#"{"smtp": {"host": "mail.example.fr"}}"#).expect("config");
    let pin = format!("SHA256:{}", ["0A"; 32].join(":"));
    let cfg_s = cfg.to_string_lossy();
    let out = support::cleo(
        &ws,
        &[
            "--config",
            &cfg_s,
            "config",
            "set",
            "smtp.tls_fingerprint",
            &pin,
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let saved: Value = serde_json::from_slice(&std::fs::read(&cfg).expect("read")).expect("json");
    assert_eq!(saved["smtp"]["tls_fingerprint"], json!(pin));
    let out = support::cleo(
        &ws,
        &[
            "--config",
            &cfg_s,
            "config",
            "set",
            "smtp.tls_fingerprint",
            "SHA256:zz",
        ],
    );
    assert!(!out.status.success());
}
