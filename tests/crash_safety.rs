//! A crash during any write leaves the old file or the new one: processes
//! are killed (SIGKILL) at varied moments during key generations and exports,
//! then every request.json must parse and every key must open.

mod support;

use std::process::Stdio;
use std::time::Duration;
use support::*;

#[test]
fn sigkill_during_writes_never_leaves_a_half_file() {
    let tmp = tempfile::tempdir().expect("tmp");
    let t = tmp.path();
    let ws = t.join("ws");
    let kp = secret_file(t, "k", "pw-crash");
    let pp = secret_file(t, "p", "pw-p12");
    let kp = kp.to_str().expect("utf8").to_string();
    let keys = ["--key-password-file", kp.as_str()];
    prepared_request(&ws, "keys", "ssl", &keys, &[]);

    // A certified request to export from.
    prepared_request(&ws, "cert", "ssl", &keys, &["--cn", "srv.example.fr"]);
    ok(
        &ws,
        &[
            "request",
            "generate",
            "F/cert",
            "--csr-only",
            "--key-password-file",
            &kp,
        ],
    );
    let ca = TestCa::new(t);
    let leaf = ca.issue(&ws.join("dossiers/F/cert/cert.csr"), "leaf", "serverAuth");
    let p7c = ca.p7c(&leaf, &t.join("a.p7c"), false);
    ok(
        &ws,
        &[
            "response",
            "import",
            "F/cert",
            &p7c.to_string_lossy(),
            "--trust-anchor",
            &ca.root.to_string_lossy(),
        ],
    );
    let out = t.join("out");
    let p12 = out.join("c.p12");
    let export = [
        "export",
        "p12",
        "F/cert",
        "--out",
        &p12.to_string_lossy(),
        "--p12-password-file",
        &pp.to_string_lossy(),
        "--key-password-file",
        &kp,
        "--force",
    ]
    .map(String::from);
    // A first PKCS#12, so that every kill below has an old file to keep.
    ok(&ws, &export.each_ref().map(String::as_str));

    let spawn = |args: &[&str]| {
        cleocps(t)
            .arg("--workspace")
            .arg(&ws)
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn")
    };
    let mut killed = 0;
    for i in 0..24u64 {
        let bits = if i % 3 == 0 { "4096" } else { "2048" };
        let mut child = if i % 2 == 0 {
            spawn(&[
                "keys",
                "generate",
                "F/keys",
                "--bits",
                bits,
                "--replace",
                "--key-password-file",
                &kp,
            ])
        } else {
            spawn(&export.each_ref().map(String::as_str))
        };
        // Spread the kills over the command's life: start-up, work, writes.
        std::thread::sleep(Duration::from_millis(20 + (i * 37) % 400));
        if child.try_wait().expect("wait").is_none() {
            killed += 1;
        }
        // An error here: it had already exited, nothing to kill.
        let _ = child.kill();
        child.wait().expect("wait");

        for name in ["keys", "cert"] {
            let dir = ws.join("dossiers/F").join(name);
            let json = std::fs::read_to_string(dir.join("request.json")).expect("json");
            let req: serde_json::Value = serde_json::from_str(&json).expect("request.json parses");
            assert_eq!(req["key_encrypted"], true);
            tool_ok(
                "openssl",
                &[
                    "pkey",
                    "-in",
                    &dir.join(format!("{name}.key")).to_string_lossy(),
                    "-passin",
                    "pass:pw-crash",
                    "-noout",
                ],
            );
        }
        // The old PKCS#12 or the new one, never none or half of one.
        tool_ok(
            "openssl",
            &[
                "pkcs12",
                "-in",
                &p12.to_string_lossy(),
                "-passin",
                "pass:pw-p12",
                "-nokeys",
            ],
        );
    }
    assert!(killed >= 8, "only {killed} processes were killed mid-way");
    // The workspace still works afterwards.
    ok(
        &ws,
        &[
            "keys",
            "generate",
            "F/keys",
            "--replace",
            "--key-password-file",
            &kp,
        ],
    );
    let shown = ok(&ws, &["--json", "request", "show", "F/keys"]);
    assert!(shown.contains("keys_generated"));
}
