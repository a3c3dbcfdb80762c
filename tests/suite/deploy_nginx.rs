//! `cleocps deploy` (DESIGN §4b) against a real nginx: the new certificate
//! served after a deploy; a failed check or reload leaves the previous
//! files in place and nginx serving them; a renewal deployed with the
//! stored profile alone; owner, group and modes checked with `stat`.

use crate::support;

use std::path::Path;
use support::nginx::{serial_of, Nginx};
use support::*;

fn read(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// Files of `dir` whose names hold `.cleocps-new` or `.cleocps-restore`: a deploy's leftovers.
fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".cleocps-new") || n.contains(".cleocps-restore"))
        .collect()
}

#[test]
fn deploy_check_reload_rollback_and_renewal_with_nginx() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    let ca = TestCa::new(tmp.path());
    let first = certified_request(&ws, tmp.path(), &ca, "web", 30);
    // nginx starts on a self-signed certificate: the one being replaced.
    let (nginx, old) = Nginx::on_self_signed(tmp.path());
    let (fullchain, key) = nginx.files();

    let said = nginx.deploy_saved(&ws, &first);
    assert!(said.contains("deployed"), "{said}");
    let first_serial = serial_of(&ws.join("dossiers/F/web/web.crt"));
    nginx.wait_serving(&first_serial);
    // The key went out clear, 0600; the previous files are kept beside.
    let key_text = String::from_utf8(read(&key)).expect("pem");
    assert!(key_text.starts_with("-----BEGIN PRIVATE KEY-----"));
    assert_eq!(tool_ok("stat", &["-c", "%a", s(&key)]).trim(), "600");
    assert_eq!(tool_ok("stat", &["-c", "%a", s(&fullchain)]).trim(), "644");
    assert_eq!(
        read(&nginx.tls().join(".key.pem.cleocps-previous")),
        read(&old.key)
    );
    let status: serde_json::Value =
        serde_json::from_str(&ok(&ws, &["--json", "status"])).expect("json");
    assert_eq!(status["certificates"][0]["deployed"][0], s(&fullchain));

    // The renewal inherits the profile, gets its own certificate…
    ok(&ws, &["request", "renew", &first, "--name", "web2"]);
    ok(&ws, &["keys", "generate", "F/web2", "--no-key-password"]);
    certify(&ws, tmp.path(), &ca, "F/web2", 30);
    let before = (read(&fullchain), read(&key));

    // …a check that fails: previous files back, nothing reloaded, exit 1.
    let out = cleo(
        &ws,
        &[
            "deploy",
            "F/web2",
            "--fullchain",
            s(&fullchain),
            "--key",
            s(&key),
            "--check",
            "echo 'config test failed' >&2; exit 1",
        ],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("config test failed") && err.contains("previous files are back"),
        "{err}"
    );
    assert_eq!((read(&fullchain), read(&key)), before);
    assert!(
        leftovers(&nginx.tls()).is_empty(),
        "{:?}",
        leftovers(&nginx.tls())
    );
    assert_eq!(nginx.served_serial(), first_serial);

    // …a reload that fails: previous files back and reloaded again.
    let mark = tmp.path().join("reloaded-once");
    let flaky = format!(
        "if [ -e '{m}' ]; then {r}; else touch '{m}'; echo 'reload refused' >&2; exit 1; fi",
        m = mark.display(),
        r = nginx.reload_cmd()
    );
    let out = cleo(
        &ws,
        &[
            "deploy",
            "F/web2",
            "--fullchain",
            s(&fullchain),
            "--key",
            s(&key),
            "--check",
            &nginx.check_cmd(),
            "--reload",
            &flaky,
        ],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("reloaded with them"), "{err}");
    assert!(mark.exists());
    assert_eq!((read(&fullchain), read(&key)), before);
    assert_eq!(nginx.served_serial(), first_serial);
    let journal = std::fs::read_to_string(ws.join("dossiers/F/web2/request.json")).expect("json");
    assert!(
        journal.contains("check failed, previous files restored"),
        "{journal}"
    );
    assert!(journal.contains("reload failed, previous files restored and reloaded"));

    // The stored profile alone deploys the renewal.
    ok(&ws, &["deploy", "F/web2"]);
    nginx.wait_serving(&serial_of(&ws.join("dossiers/F/web2/web2.crt")));
    assert!(leftovers(&nginx.tls()).is_empty());
}

#[test]
fn owner_group_and_modes() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    let ca = TestCa::new(tmp.path());
    let path = certified_request(&ws, tmp.path(), &ca, "srv", 30);
    let dir = tmp.path().join("etc");
    std::fs::create_dir(&dir).expect("dir");
    let root = tool_ok("id", &["-u"]).trim() == "0";
    let mut args = vec![
        "deploy".to_string(),
        path.clone(),
        "--cert".into(),
        s(&dir.join("srv.crt")).into(),
        "--chain".into(),
        s(&dir.join("chain.pem")).into(),
        "--key".into(),
        s(&dir.join("srv.key")).into(),
        "--mode".into(),
        "0640".into(),
        "--key-mode".into(),
        "0400".into(),
    ];
    if root {
        args.extend(["--owner".into(), "nobody:nogroup".into()]);
    } else {
        println!("not root: owner and group are not changed in this run");
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    ok(&ws, &args);
    let stat = |f: &str| tool_ok("stat", &["-c", "%U:%G %a", s(&dir.join(f))]);
    let owner = if root { "nobody:nogroup" } else { "" };
    for (f, mode) in [("srv.crt", "640"), ("chain.pem", "640"), ("srv.key", "400")] {
        let got = stat(f);
        assert!(
            got.trim().ends_with(mode) && got.starts_with(owner),
            "{f}: {got}"
        );
    }
    // The files are what openssl expects: the key opens, the chain verifies the leaf.
    tool_ok(
        "openssl",
        &["pkey", "-in", s(&dir.join("srv.key")), "-noout"],
    );
    tool_ok(
        "openssl",
        &[
            "verify",
            "-CAfile",
            s(&dir.join("chain.pem")),
            s(&dir.join("srv.crt")),
        ],
    );
    let err = refused(
        &ws,
        &[
            "deploy",
            &path,
            "--cert",
            s(&dir.join("x.crt")),
            "--owner",
            "no-such-user-here",
        ],
    );
    assert!(err.contains("no-such-user-here"), "{err}");
}

#[test]
fn refusals_install_nothing() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    let ca = TestCa::new(tmp.path());
    let path = certified_request(&ws, tmp.path(), &ca, "srv", 30);
    let dir = tmp.path().join("etc");
    std::fs::create_dir(&dir).expect("dir");
    let target = dir.join("srv.crt");

    // No profile saved, none given.
    let err = refused(&ws, &["deploy", &path]);
    assert!(err.contains("--save"), "{err}");
    // A parent that isn't a directory.
    let err = refused(
        &ws,
        &["deploy", &path, "--cert", s(&dir.join("missing/srv.crt"))],
    );
    assert!(err.contains("does not exist"), "{err}");
    // A symbolic link: refused, unless --follow-symlinks (then its destination is replaced).
    let real = dir.join("real.crt");
    std::fs::write(&real, "old").expect("real");
    std::os::unix::fs::symlink(&real, &target).expect("link");
    let err = refused(&ws, &["deploy", &path, "--cert", s(&target)]);
    assert!(err.contains("--follow-symlinks"), "{err}");
    assert_eq!(read(&real), b"old");
    ok(
        &ws,
        &["deploy", &path, "--cert", s(&target), "--follow-symlinks"],
    );
    assert!(std::fs::symlink_metadata(&target)
        .expect("link")
        .file_type()
        .is_symlink());
    assert_eq!(read(&real), read(&ws.join("dossiers/F/srv/srv.crt")));
    // Not certified yet.
    ok(&ws, &["request", "create", "F/neuf", "--type", "ssl"]);
    refused(&ws, &["deploy", "F/neuf", "--cert", s(&dir.join("n.crt"))]);

    let before = snapshot(&dir);
    // One bad target among good ones: none is written.
    refused(
        &ws,
        &[
            "deploy",
            &path,
            "--cert",
            s(&dir.join("a.crt")),
            "--key",
            s(&dir.join("no/a.key")),
        ],
    );
    // A certificate that isn't for the request's key (another request's).
    let other = certified_request(&ws, tmp.path(), &ca, "autre", 30);
    let crt = ws.join("dossiers/F/srv/srv.crt");
    let good = read(&crt);
    std::fs::copy(ws.join(format!("dossiers/{other}/autre.crt")), &crt).expect("swap");
    let err = refused(&ws, &["deploy", &path, "--cert", s(&dir.join("a.crt"))]);
    assert!(err.contains("does not match"), "{err}");
    // An expired certificate (as if time had passed since its import).
    let expired = ca.issue_between(
        &ws.join("dossiers/F/srv/srv.csr"),
        "expired",
        "20240101000000Z",
        "20240201000000Z",
    );
    std::fs::copy(&expired, &crt).expect("expired");
    let err = refused(&ws, &["deploy", &path, "--cert", s(&dir.join("a.crt"))]);
    assert!(err.contains("expired"), "{err}");
    assert_eq!(snapshot(&dir), before, "nothing installed");
    std::fs::write(&crt, good).expect("restore");
}
