//! `export pem --name` (DESIGN §4: the base name defaults to the request's
//! and can be chosen, e.g. the FQDN), and no export, even forced, ever
//! writes over the request's own files.

use crate::support;

use std::process::Command;
use support::ca::TestCa;
use support::*;

#[test]
fn pem_files_take_the_given_name_and_openssl_reads_them() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    let ca = TestCa::new(tmp.path());
    let path = certified_request(&ws, tmp.path(), &ca, "web", 30);
    let out = tmp.path().join("out");
    let printed = ok(
        &ws,
        &[
            "export",
            "pem",
            &path,
            "--out",
            &out.to_string_lossy(),
            "--name",
            "web.example.fr",
        ],
    );
    for ext in ["key", "crt", "chain.pem", "fullchain.pem"] {
        let file = out.join(format!("web.example.fr.{ext}"));
        assert!(
            file.exists(),
            "{} missing; printed {printed}",
            file.display()
        );
    }
    let crt = out.join("web.example.fr.crt");
    let o = Command::new("openssl")
        .args(["x509", "-noout", "-subject", "-in"])
        .arg(&crt)
        .output()
        .expect("openssl");
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stdout).contains("web.example.fr"));
    let key = out.join("web.example.fr.key");
    let o = Command::new("openssl")
        .args(["pkey", "-noout", "-in"])
        .arg(&key)
        .output()
        .expect("openssl");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    // A name that is not a file name is refused, nothing written.
    let line = refused(
        &ws,
        &["export", "pem", &path, "--out", "/tmp", "--name", "../x"],
    );
    assert!(line.contains("name"), "{line}");
}

#[test]
fn no_export_even_forced_writes_over_the_request_s_own_files() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    let ca = TestCa::new(tmp.path());
    let path = certified_request(&ws, tmp.path(), &ca, "web", 30);
    let own = ws.join(format!("dossiers/{path}"));
    let key = own.join("web.key");
    let before = std::fs::read(&key).expect("key");
    let own_dir = own.to_string_lossy().into_owned();
    let line = refused(&ws, &["export", "pem", &path, "--out", &own_dir, "--force"]);
    assert!(line.contains("own files"), "{line}");
    let p12_over_key = key.to_string_lossy().into_owned();
    let pw = tmp.path().join("p12pw");
    std::fs::write(&pw, "p12-password\n").expect("pw");
    let line = refused(
        &ws,
        &[
            "export",
            "p12",
            &path,
            "--out",
            &p12_over_key,
            "--p12-password-file",
            &pw.to_string_lossy(),
            "--force",
        ],
    );
    assert!(line.contains("own files"), "{line}");
    assert_eq!(
        std::fs::read(&key).expect("key"),
        before,
        "the key is intact"
    );
    // Beside them under another name is fine: the TUI's default.
    ok(
        &ws,
        &[
            "export",
            "pem",
            &path,
            "--out",
            &own_dir,
            "--name",
            "web.example.fr",
        ],
    );
    assert!(own.join("web.example.fr.key").exists());
}
