//! `trust show` and `trust export` (DESIGN §4a): the IGC-Santé anchors and
//! built-in intermediates, handed to openssl/curl (PEM), as a `.p7b`, and
//! to Java as a PKCS#12 truststore that `keytool` lists as trusted entries.

use crate::support;

use std::path::{Path, PathBuf};
use support::mail::{cleo_cfg, stderr, stdout, write_config};
use support::process::{tool, tool_ok};
use support::*;

/// The production intermediate as published (shared reference copy when
/// present beside the repository, else the repository's built-in copy).
fn production_intermediate() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared =
        root.join("../shared/reference/igc-sante-prod/ac-igc-sante-elementaire-organisations.pem");
    if shared.exists() {
        shared
    } else {
        root.join("crates/cleocps-core/anchors/igc-sante-organisations.pem")
    }
}

#[test]
fn show_lists_the_anchors_and_built_in_intermediates() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (t, ws) = (tmp.path(), tmp.path().join("ws"));
    let cfg = write_config(
        t,
        "c.json",
        &serde_json::json!({"trust": {"anchors": ["igc-sante", "igc-sante-test"]}}),
    );
    let out = cleo_cfg(&ws, &cfg, &["--json", "trust", "show"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let names: Vec<&str> = list
        .as_array()
        .expect("list")
        .iter()
        .map(|e| e["name"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        names,
        [
            "igc-sante",
            "igc-sante-organisations",
            "igc-sante-test",
            "igc-sante-test-organisations"
        ]
    );
    assert_eq!(list[1]["role"], "intermediate");
    assert_eq!(list[1]["built_in"], true);
    assert!(list[1]["sha256"]
        .as_str()
        .unwrap_or("")
        .starts_with("D8:34:EE:5B:40:68"));
    let text = stdout(&cleo_cfg(&ws, &cfg, &["trust", "show"]));
    assert!(
        text.contains("AC IGC-SANTE ELEMENTAIRE ORGANISATIONS"),
        "{text}"
    );
    assert!(text.contains("valid until 2033-06-24"), "{text}");
    assert!(!ws.exists(), "a read-only command creates no workspace");
}

#[test]
fn pem_bundle_verifies_the_production_intermediate_and_p7b_holds_the_same() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (t, ws) = (tmp.path(), tmp.path().join("ws"));
    let bundle = t.join("out/igc-sante.pem");
    let out = cleo(
        &ws,
        &["trust", "export", "--format", "pem", "--out", s(&bundle)],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let v = tool(
        "openssl",
        &[
            "verify",
            "-CAfile",
            s(&bundle),
            s(&production_intermediate()),
        ],
    );
    assert!(v.status.success(), "{}", String::from_utf8_lossy(&v.stdout));
    // Not overwritten without --force.
    let again = cleo(
        &ws,
        &["trust", "export", "--format", "pem", "--out", s(&bundle)],
    );
    assert_eq!(again.status.code(), Some(1));
    let p7b = t.join("igc-sante.p7b");
    let out = cleo(
        &ws,
        &["trust", "export", "--format", "p7b", "--out", s(&p7b)],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let certs = tool_ok(
        "openssl",
        &[
            "pkcs7",
            "-inform",
            "DER",
            "-in",
            s(&p7b),
            "-print_certs",
            "-noout",
        ],
    );
    assert_eq!(certs.matches("subject=").count(), 2, "{certs}");
    assert!(certs.contains("AC RACINE IGC-SANTE ELEMENTAIRE"), "{certs}");
}

#[test]
fn p12_truststore_is_listed_by_keytool_as_trusted_entries() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (t, ws) = (tmp.path(), tmp.path().join("ws"));
    let pw = secret_file(t, "store.pass", "truststore pass 8");
    let store = t.join("igc-sante.p12");
    let cfg = write_config(
        t,
        "c.json",
        &serde_json::json!({"trust": {"anchors": ["igc-sante", "igc-sante-test"]}}),
    );
    let out = cleo_cfg(
        &ws,
        &cfg,
        &[
            "trust",
            "export",
            "--format",
            "p12",
            "--out",
            s(&store),
            "--password-file",
            s(&pw),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let list = tool_ok(
        "keytool",
        &[
            "-list",
            "-storetype",
            "PKCS12",
            "-keystore",
            s(&store),
            "-storepass",
            "truststore pass 8",
        ],
    );
    assert_eq!(list.matches("trustedCertEntry").count(), 4, "{list}");
    assert!(list.contains("igc-sante-organisations"), "{list}");
    // openssl reads it too, with the same password.
    let certs = tool_ok(
        "openssl",
        &[
            "pkcs12",
            "-in",
            s(&store),
            "-nokeys",
            "-passin",
            &format!("file:{}", s(&pw)),
        ],
    );
    assert_eq!(certs.matches("BEGIN CERTIFICATE").count(), 4);
    // Without a password file and no terminal: refused, nothing written.
    let none = t.join("none.p12");
    let out = cleo(
        &ws,
        &["trust", "export", "--format", "p12", "--out", s(&none)],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(!none.exists());
}
