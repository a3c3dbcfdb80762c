//! `cleocps config set KEY VALUE`: dotted keys of DESIGN §9,
//! validated like `config check`, written atomically with mode 0600.

use crate::support;

use std::os::unix::fs::PermissionsExt;
use support::*;

fn cleocps_with(file: &std::path::Path, args: &[&str]) -> std::process::Output {
    let dir = file.parent().expect("dir");
    output(
        cleocps(dir)
            .arg("--config")
            .arg(file)
            .args(["--lang", "en"])
            .args(args),
    )
}

#[test]
fn set_then_check_accepts_and_the_file_is_0600() {
    let tmp = tempfile::tempdir().expect("tmp");
    let file = tmp.path().join("config.json");
    let out = cleocps_with(
        &file,
        &[
            "config",
            "set",
            "registration.address",
            "ra@example.org",
            "smtp.host",
            "mail.example.org",
            "trust.anchors",
            "igc-sante-test",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mode = std::fs::metadata(&file)
        .expect("written")
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o600);
    let out = cleocps_with(&file, &["config", "check"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("send: smtp"));
    let out = cleocps_with(&file, &["config", "get", "registration.address"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "\"ra@example.org\""
    );
}

#[test]
fn a_wrong_key_or_value_is_refused_and_the_file_kept() {
    let tmp = tempfile::tempdir().expect("tmp");
    let file = tmp.path().join("config.json");
    assert!(cleocps_with(&file, &["config", "set", "key_bits", "4096"])
        .status
        .success());
    let before = std::fs::read_to_string(&file).expect("written");
    let out = cleocps_with(&file, &["config", "set", "smtp.hots", "x"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("hots"));
    let out = cleocps_with(&file, &["config", "set", "key_bits", "1000"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("key_bits"));
    assert_eq!(std::fs::read_to_string(&file).expect("kept"), before);
}

#[test]
fn digits_stay_text_and_null_removes_a_key() {
    let tmp = tempfile::tempdir().expect("tmp");
    let file = tmp.path().join("config.json");
    let set = |args: &[&str]| {
        let out = cleocps_with(&file, &[&["config", "set"], args].concat());
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    // A structure identifier is digits; the port a number.
    set(&[
        "subject_defaults.ou",
        "1234567890",
        "smtp.host",
        "h",
        "smtp.port",
        "587",
    ]);
    let out = cleocps_with(&file, &["config", "get", "subject_defaults.ou"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "\"1234567890\""
    );
    let out = cleocps_with(&file, &["config", "get", "smtp.port"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "587");
    // null: the key goes, its default applies (the anchors' too).
    set(&["smtp", "null", "trust.anchors", "null"]);
    let text = std::fs::read_to_string(&file).expect("written");
    assert!(!text.contains("smtp") && !text.contains("trust"), "{text}");
    assert!(cleocps_with(&file, &["config", "check"]).status.success());
}
