//! Operations (DESIGN §9a): `status` and the monitoring `check`, on a
//! workspace holding real certificates issued by openssl for 5 and 90 days
//! (beyond the platform's 60 days of reminders).

use crate::support;

use std::path::{Path, PathBuf};
use support::*;

/// A workspace `ws` with `F/soon` (5 days left) and `F/later` (90 days),
/// both imported against the test CA's root.
fn two_certificates(tmp: &Path) -> PathBuf {
    let ws = tmp.join("ws");
    let ca = TestCa::new(tmp);
    for (name, days) in [("later", 90), ("soon", 5)] {
        certified(&ws, tmp, &ca, name, days);
    }
    ws
}

fn certified(ws: &Path, tmp: &Path, ca: &TestCa, name: &str, days: u32) -> String {
    certified_request(ws, tmp, ca, name, days)
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn check_levels_follow_the_thresholds() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = two_certificates(tmp.path());
    for (args, code, word) in [
        (&["--critical-days", "7"][..], 2, "CLEOCPS CRITICAL - "),
        (
            &["--critical-days", "3", "--warn-days", "30"],
            1,
            "CLEOCPS WARNING - ",
        ),
        (
            &["--warn-days", "3", "--critical-days", "1"],
            0,
            "CLEOCPS OK - ",
        ),
    ] {
        let out = cleo(&ws, &[&["check"], args].concat());
        let line = stdout(&out);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {line}");
        assert!(line.starts_with(word), "{args:?}: {line}");
        assert_eq!(line.lines().count(), 1, "one line: {line}");
        // Perfdata: days left of each certificate, with the thresholds.
        assert!(
            line.contains(" | 'F/soon'=4;") || line.contains(" | 'F/soon'=5;"),
            "{line}"
        );
        assert!(line.contains("'F/later'="), "{line}");
    }
    let critical = stdout(&cleo(&ws, &["check"]));
    assert!(critical.contains("F/soon expires in"), "{critical}");
    assert!(
        !critical.contains("F/later expires"),
        "only the alarm: {critical}"
    );
    let french = output(
        cleocps(tmp.path())
            .arg("--workspace")
            .arg(&ws)
            .args(["--lang", "fr", "check"]),
    );
    assert!(
        stdout(&french).contains("F/soon expire dans"),
        "{}",
        stdout(&french)
    );
}

#[test]
fn check_json_and_status_list_soonest_first() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = two_certificates(tmp.path());
    let out = cleo(&ws, &["check", "--format", "json", "--critical-days", "3"]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["status"], "WARNING");
    assert_eq!(v["exit_code"], 1);
    assert_eq!(v["critical_days"], 3);
    assert_eq!(v["certificates"][0]["name"], "soon");
    assert_eq!(v["certificates"][0]["level"], "WARNING");
    assert_eq!(v["certificates"][1]["level"], "OK");
    // The global --json means the same.
    let global = cleo(&ws, &["--json", "check", "--critical-days", "3"]);
    assert_eq!(global.status.code(), Some(1));
    assert!(stdout(&global).starts_with('{'));

    let status: serde_json::Value =
        serde_json::from_str(&ok(&ws, &["--json", "status"])).expect("json");
    let certs = status["certificates"].as_array().expect("list");
    assert_eq!(certs.len(), 2);
    assert_eq!(certs[0]["name"], "soon");
    assert_eq!(certs[0]["cn"], "soon.example.fr");
    assert_eq!(certs[0]["type"], "ssl");
    let days = certs[0]["days_left"].as_i64().expect("days");
    assert!((4..=5).contains(&days), "{days}");
    assert!(certs[1]["days_left"].as_i64().expect("days") >= 89);
    // The serial is the one openssl sees.
    let crt = ws.join("dossiers/F/soon/soon.crt");
    let serial = tool_ok(
        "openssl",
        &["x509", "-in", &crt.to_string_lossy(), "-noout", "-serial"],
    );
    assert_eq!(
        // The same integer: openssl keeps a leading zero byte's nibble.
        serial
            .trim()
            .trim_start_matches("serial=")
            .trim_start_matches('0'),
        certs[0]["serial"]
            .as_str()
            .expect("serial")
            .trim_start_matches('0')
    );
    let text = ok(&ws, &["status"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(
        lines[0].starts_with("F/soon\tSSL\tsoon.example.fr\t"),
        "{text}"
    );
    // Within the platform's 60 days of reminders, the date to renew by.
    assert!(
        lines[0].contains(" days, renew on the platform before 20"),
        "{text}"
    );
    assert!(lines[1].contains(" days\t"), "{text}");
    assert!(lines[1].starts_with("F/later\t"), "{text}");
}

#[test]
fn prometheus_output_parses_and_is_written_atomically() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = two_certificates(tmp.path());
    let textfile = tmp.path().join("cleocps.prom");
    let out = cleo(
        &ws,
        &[
            "check",
            "--format",
            "prometheus",
            "--output",
            &textfile.to_string_lossy(),
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(2),
        "the level still sets the exit code"
    );
    assert!(out.stdout.is_empty(), "the metrics went to the file");
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&textfile)
        .expect("file")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o644, "readable by node_exporter");
    // No temp file left beside it for the collector to trip on.
    let names: Vec<_> = std::fs::read_dir(tmp.path())
        .expect("dir")
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert!(
        !names.iter().any(|n| n.to_string_lossy().contains(".tmp-")),
        "{names:?}"
    );
    // The reference parser of the format (python3-prometheus-client).
    let parsed = tool_ok(
        "/usr/bin/python3",
        &[
            "-c",
            "import sys\n\
             from prometheus_client.parser import text_string_to_metric_families as p\n\
             for f in p(open(sys.argv[1]).read()):\n\
             \x20   for s in f.samples:\n\
             \x20       l = s.labels\n\
             \x20       print(f.type, s.name, l.get('folder'), l.get('request'), l.get('cn'), l.get('type'), int(s.value))\n",
            &textfile.to_string_lossy(),
        ],
    );
    let soon_days = parsed
        .lines()
        .find(|l| l.starts_with("gauge cleocps_certificate_days_left F soon soon.example.fr ssl "))
        .unwrap_or_else(|| panic!("{parsed}"));
    let days: i64 = soon_days
        .rsplit(' ')
        .next()
        .and_then(|d| d.parse().ok())
        .expect("days");
    assert!((4..=5).contains(&days), "{parsed}");
    let not_after = parsed
        .lines()
        .find(|l| {
            l.starts_with(
                "gauge cleocps_certificate_not_after_seconds F later later.example.fr ssl ",
            )
        })
        .unwrap_or_else(|| panic!("{parsed}"));
    let secs: i64 = not_after
        .rsplit(' ')
        .next()
        .and_then(|d| d.parse().ok())
        .expect("secs");
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_secs() as i64;
    assert!((secs - now - 90 * 86_400).abs() < 3_600, "{secs} vs {now}");
    assert!(
        parsed.contains("gauge cleocps_unreadable_entries None None None None 0"),
        "{parsed}"
    );
}

#[test]
fn an_unreadable_workspace_or_command_line_is_unknown() {
    let tmp = tempfile::tempdir().expect("tmp");
    let not_a_dir = tmp.path().join("file");
    std::fs::write(&not_a_dir, "x").expect("file");
    let out = cleo(&not_a_dir, &["check"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stdout(&out).starts_with("CLEOCPS UNKNOWN - "),
        "{}",
        stdout(&out)
    );
    let out = cleo(&tmp.path().join("ws"), &["check", "--warn-days", "many"]);
    assert_eq!(
        out.status.code(),
        Some(3),
        "a usage error is UNKNOWN, not CRITICAL"
    );
    assert!(
        stdout(&out).starts_with("CLEOCPS UNKNOWN - "),
        "{}",
        stdout(&out)
    );
    // Other commands keep the usual usage code.
    assert_eq!(
        cleo(&tmp.path().join("ws"), &["status", "--bogus"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn a_damaged_entry_is_reported_but_never_hides_an_alarm() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    let ca = TestCa::new(tmp.path());
    certified(&ws, tmp.path(), &ca, "later", 90);
    // A certified request whose certificate file was lost.
    let lost = certified(&ws, tmp.path(), &ca, "lost", 90);
    std::fs::remove_file(ws.join("dossiers/F/lost/lost.crt")).expect("rm");
    let out = cleo(&ws, &["check"]);
    assert_eq!(out.status.code(), Some(3), "{}", stdout(&out));
    assert!(
        stdout(&out).contains(&format!("{lost} unreadable")),
        "{}",
        stdout(&out)
    );
    // `status` lists the rest and says what is wrong on stderr.
    let out = cleo(&ws, &["status"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).starts_with("F/later\t"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("F/lost"));
    certified(&ws, tmp.path(), &ca, "soon", 5);
    assert_eq!(cleo(&ws, &["check"]).status.code(), Some(2));
}

/// The certificate that `check` judges for `name` in its JSON report.
fn judged<'a>(report: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    report["certificates"]
        .as_array()
        .expect("list")
        .iter()
        .find(|c| c["name"] == name)
        .unwrap_or_else(|| panic!("{name} listed: {report}"))
}

#[test]
fn a_renewal_in_service_replaces_its_predecessor() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    let ca = TestCa::new(tmp.path());
    let old = certified(&ws, tmp.path(), &ca, "old", 5);
    // Installed by cleocps: the renewal replaces it only once deployed too.
    let etc = tmp.path().join("etc");
    std::fs::create_dir(&etc).expect("dir");
    let cert = etc.join("srv.crt").to_string_lossy().into_owned();
    let key = etc.join("srv.key").to_string_lossy().into_owned();
    ok(
        &ws,
        &["deploy", &old, "--cert", &cert, "--key", &key, "--save"],
    );
    ok(&ws, &["request", "renew", &old, "--name", "new"]);
    ok(&ws, &["keys", "generate", "F/new", "--no-key-password"]);
    certify(&ws, tmp.path(), &ca, "F/new", 90);

    // Imported but not yet installed: the server still serves the old one.
    let out = cleo(&ws, &["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(judged(&report, "old")["level"], "CRITICAL");
    assert!(judged(&report, "old")["replaced_by"].is_null());
    // The inherited profile is not an installation: nothing deployed yet.
    assert_eq!(judged(&report, "new")["deployed"], serde_json::json!([]));
    assert_eq!(judged(&report, "old")["deployed"][0], cert.as_str());

    ok(&ws, &["deploy", "F/new"]);
    let out = cleo(&ws, &["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(report["status"], "OK");
    // Still listed, as replaced, with no alarm.
    assert_eq!(judged(&report, "old")["replaced_by"], "F/new");
    assert_eq!(judged(&report, "old")["level"], "OK");
    let line = stdout(&cleo(&ws, &["check"]));
    assert!(line.starts_with("CLEOCPS OK - "), "{line}");
    assert!(!line.contains("F/old expires"), "{line}");

    let status: serde_json::Value =
        serde_json::from_str(&ok(&ws, &["--json", "status"])).expect("json");
    let listed = status["certificates"].as_array().expect("list");
    assert_eq!(listed[0]["name"], "old");
    assert_eq!(listed[0]["replaced_by"], "F/new");
    assert!(listed[1]["replaced_by"].is_null());
    let text = ok(&ws, &["status"]);
    assert!(
        text.lines()
            .next()
            .expect("line")
            .contains("\treplaced by F/new\t"),
        "{text}"
    );
}

#[test]
fn a_renewal_of_a_certificate_never_deployed_replaces_it_once_imported() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    let ca = TestCa::new(tmp.path());
    let old = certified(&ws, tmp.path(), &ca, "old", 5);
    ok(&ws, &["request", "renew", &old, "--name", "new"]);
    // A renewal still under way replaces nothing.
    let out = cleo(&ws, &["check"]);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    ok(&ws, &["keys", "generate", "F/new", "--no-key-password"]);
    certify(&ws, tmp.path(), &ca, "F/new", 90);
    let out = cleo(&ws, &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let french = stdout(&output(
        cleocps(tmp.path())
            .arg("--workspace")
            .arg(&ws)
            .args(["--lang", "fr", "status"]),
    ));
    assert!(french.contains("\tremplacé par F/new\t"), "{french}");
}
