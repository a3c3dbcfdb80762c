//! Every request type of DESIGN §2a, from `request create --type T` to
//! `certificate_imported`, with a certificate an openssl CA issued with
//! the usage's KU/EKU; a certificate made for another usage is refused
//! naming both. Then the platform's rules: INSi names, the renewal
//! reminder 60 days ahead, a renewal keeping type, subject and profile.

use crate::support;

use std::path::Path;
use support::*;

fn s(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

/// One type: its `--type`, the form's name option and value, the platform's
/// name, the extensions the platform's profile sets, and a contradicting set
/// with what it is made for.
struct Case {
    kind: &'static str,
    name_opt: &'static str,
    cn: &'static str,
    platform: &'static str,
    ext: &'static str,
    san: &'static str,
    wrong: &'static str,
    wrong_for: &'static str,
}

const CASES: [Case; 7] = [
    Case {
        kind: "ssl",
        name_opt: "--cn",
        cn: "srv.clinique-test.fr",
        platform: "SERV SSL_SERV",
        ext: "keyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth,clientAuth\n",
        san: "DNS:srv.clinique-test.fr",
        wrong: "extendedKeyUsage=clientAuth\n",
        wrong_for: "AUTH_CLI",
    },
    Case {
        kind: "smime",
        name_opt: "--email",
        cn: "messagerie@clinique-test.fr",
        platform: "SERV S/MIME",
        ext: "keyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=emailProtection\n",
        san: "email:messagerie@clinique-test.fr",
        wrong: "extendedKeyUsage=serverAuth\n",
        wrong_for: "SSL_SERV",
    },
    Case {
        kind: "serv-sign",
        name_opt: "--cn",
        cn: "sign.clinique-test.fr",
        platform: "SERV SIGN",
        ext: "keyUsage=critical,digitalSignature,nonRepudiation\n",
        san: "DNS:sign.clinique-test.fr",
        wrong: "keyUsage=critical,keyEncipherment\n",
        wrong_for: "CONF",
    },
    Case {
        kind: "serv-conf",
        name_opt: "--cn",
        cn: "conf.clinique-test.fr",
        platform: "SERV CONF",
        ext: "keyUsage=critical,keyEncipherment,dataEncipherment\n",
        san: "DNS:conf.clinique-test.fr",
        wrong: "keyUsage=critical,nonRepudiation\n",
        wrong_for: "SIGN",
    },
    Case {
        kind: "org-auth-cli",
        name_opt: "--cn",
        cn: "INSI-AUTO",
        platform: "ORG AUTH_CLI",
        ext: "keyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\n",
        san: "",
        wrong: "extendedKeyUsage=emailProtection\n",
        wrong_for: "S/MIME",
    },
    Case {
        kind: "org-sign",
        name_opt: "--cn",
        cn: "DMP SIGNATURE",
        platform: "ORG SIGN",
        ext: "keyUsage=critical,nonRepudiation\n",
        san: "",
        wrong: "keyUsage=critical,keyEncipherment\n",
        wrong_for: "CONF",
    },
    Case {
        kind: "org-conf",
        name_opt: "--cn",
        cn: "Archives chiffrees",
        platform: "ORG CONF",
        ext: "keyUsage=critical,keyEncipherment\n",
        san: "",
        wrong: "keyUsage=critical,digitalSignature\n",
        wrong_for: "SIGN",
    },
];

const FORM: [&str; 6] = [
    "--o",
    "HOPITAL DES 3. DAMES",
    "--ou",
    "11B0073160",
    "--st",
    "Paris (75)",
];

/// Imports `crt` into `path` as the platform's `.p7b` (with its chain);
/// the command's output.
fn import(ws: &Path, ca: &TestCa, path: &str, crt: &Path) -> std::process::Output {
    let p7b = ca.p7c(crt, &crt.with_extension("p7b"), false);
    cleo(
        ws,
        &[
            "response",
            "import",
            path,
            &s(&p7b),
            "--trust-anchor",
            &s(&ca.root),
        ],
    )
}

#[test]
fn every_type_goes_from_create_to_imported_and_refuses_another_usage() {
    let tmp = tempfile::tempdir().expect("tmp");
    let t = tmp.path();
    let ws = t.join("ws");
    let ca = TestCa::new(t);
    for c in &CASES {
        let form = [&[c.name_opt, c.cn][..], &FORM].concat();
        let path = prepared_request(&ws, c.kind, c.kind, &["--no-key-password"], &form);
        ok(&ws, &["request", "generate", &path, "--csr-only"]);
        let csr = ws.join(format!("dossiers/{path}/{}.csr", c.kind));
        let text = tool_ok(
            "openssl",
            &["req", "-in", &s(&csr), "-noout", "-text", "-verify"],
        );
        assert!(
            text.contains("C = FR, ST = Paris (75), O = HOPITAL DES 3. DAMES, OU = 11B0073160"),
            "{text}"
        );
        assert_eq!(
            text.contains("Subject Alternative Name"),
            !c.san.is_empty(),
            "{}: {text}",
            c.kind
        );

        let san = if c.san.is_empty() {
            String::new()
        } else {
            format!("subjectAltName={}\n", c.san)
        };
        let wrong = ca.issue_ext(
            &csr,
            &format!("{}-wrong", c.kind),
            &format!("{san}{}", c.wrong),
        );
        let err = String::from_utf8_lossy(&import(&ws, &ca, &path, &wrong).stderr).into_owned();
        for part in [c.wrong_for, c.platform] {
            assert!(
                err.contains(&format!(" {part} ")),
                "{}: {part} in {err}",
                c.kind
            );
        }
        let show = |ws: &Path| -> serde_json::Value {
            serde_json::from_str(&ok(ws, &["--json", "request", "show", &path])).expect("json")
        };
        assert_eq!(
            show(&ws)["state"],
            "request_generated",
            "{}: refused",
            c.kind
        );

        let good = ca.issue_ext(&csr, c.kind, &format!("{san}{}", c.ext));
        let out = import(&ws, &ca, &path, &good);
        assert!(
            out.status.success(),
            "{}: {}",
            c.kind,
            String::from_utf8_lossy(&out.stderr)
        );
        let v = show(&ws);
        assert_eq!(v["state"], "certificate_imported");
        assert_eq!(v["type"], c.kind);
    }
    // Every type in status, check and the Prometheus labels.
    let status: serde_json::Value =
        serde_json::from_str(&ok(&ws, &["--json", "status"])).expect("json");
    let mut kinds: Vec<&str> = status["certificates"]
        .as_array()
        .expect("list")
        .iter()
        .map(|c| c["type"].as_str().expect("type"))
        .collect();
    kinds.sort();
    let mut expected: Vec<&str> = CASES.iter().map(|c| c.kind).collect();
    expected.sort();
    assert_eq!(kinds, expected);
    let text = ok(&ws, &["status"]);
    assert!(
        text.contains("F/org-auth-cli\tORG AUTH_CLI\tINSI-AUTO\t"),
        "{text}"
    );
    // 30 days left: WARNING (exit 1), the metrics written all the same.
    let metrics = cleo(&ws, &["check", "--format", "prometheus"]);
    assert_eq!(metrics.status.code(), Some(1));
    let metrics = String::from_utf8_lossy(&metrics.stdout);
    assert!(
        metrics.contains("cn=\"INSI-AUTO\",type=\"org-auth-cli\""),
        "{metrics}"
    );
    let json: serde_json::Value =
        serde_json::from_slice(&cleo(&ws, &["check", "--format", "json"]).stdout).expect("json");
    assert!(json["certificates"]
        .as_array()
        .expect("list")
        .iter()
        .any(|c| c["type"] == "org-conf"));
}

#[test]
fn insi_lookalikes_are_warned_before_the_csr_and_the_card_road_is_for_ssl_and_smime() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    let path = prepared_request(&ws, "insi", "org-auth-cli", &["--no-key-password"], &FORM);
    for near in ["INSI_AUTO", "insi-auto", "INSI AUTO"] {
        let out = cleo(&ws, &["request", "edit", &path, "--cn", near]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{err}");
        assert!(
            err.contains("\"INSI-AUTO\" or \"INSI-MANU\""),
            "{near}: {err}"
        );
    }
    let out = cleo(&ws, &["request", "generate", &path, "--csr-only"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("looks like an INSi name"), "{err}");
    // The exact names pass without a word; an ORG name has no SAN.
    let exact = prepared_request(&ws, "exact", "org-auth-cli", &["--no-key-password"], &FORM);
    let out = cleo(&ws, &["request", "edit", &exact, "--cn", "INSI-MANU"]);
    assert!(out.status.success() && out.stderr.is_empty(), "{out:?}");
    let err = refused(&ws, &["request", "edit", &exact, "--san", "x.example.fr"]);
    assert!(err.contains("SAN"), "{err}");
    let err = refused(&ws, &["request", "edit", &exact, "--cn", "Hôpital"]);
    assert!(err.contains("service name"), "{err}");
    // The card and the registration server issue SSL and S/MIME only.
    let err = refused(&ws, &["request", "generate", &exact, "--card"]);
    assert!(
        err.contains("ORG AUTH_CLI") && err.contains("platform"),
        "{err}"
    );
}

#[test]
fn the_platforms_renewal_rule_warns_60_days_ahead_and_renewal_keeps_the_request() {
    let tmp = tempfile::tempdir().expect("tmp");
    let t = tmp.path();
    let ws = t.join("ws");
    let ca = TestCa::new(t);
    let path = certified_request(&ws, t, &ca, "srv", 45);
    // No option: the platform's thresholds (60 / 15 days).
    let out = cleo(&ws, &["check"]);
    let line = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{line}");
    assert!(
        line.starts_with("CLEOCPS WARNING - F/srv expires in"),
        "{line}"
    );
    assert!(line.contains(";@~:60;@~:15;;"), "{line}");
    let text = ok(&ws, &["status"]);
    assert!(
        text.contains("days, renew on the platform before 20"),
        "{text}"
    );
    let french = output(
        cleocps(t)
            .arg("--workspace")
            .arg(&ws)
            .args(["--lang", "fr", "status"]),
    );
    let french = String::from_utf8_lossy(&french.stdout);
    assert!(
        french.contains("à renouveler sur la plateforme avant le 20"),
        "{french}"
    );

    // A renewal keeps the type, the subject and the deploy profile.
    let (tmpl, csr) = support::ca::new_csr(
        t,
        "dmp",
        "/C=FR/ST=Paris (75)/O=HOPITAL/OU=11B0073160/CN=DMP SIGNATURE",
        support::ca::Key::Rsa,
    );
    let crt = ca.issue_ext(&csr, "dmp", "keyUsage=critical,nonRepudiation\n");
    ok(
        &ws,
        &[
            "request",
            "adopt",
            "F/dmp",
            "--key",
            &s(&tmpl),
            "--cert",
            &s(&crt),
            "--chain",
            &s(&ca.inter),
            "--no-key-password",
            "--trust-anchor",
            &s(&ca.root),
        ],
    );
    let target = t.join("etc/dmp.crt");
    std::fs::create_dir_all(target.parent().expect("dir")).expect("dir");
    ok(&ws, &["deploy", "F/dmp", "--cert", &s(&target), "--save"]);
    ok(&ws, &["request", "renew", "F/dmp", "--name", "dmp-2029"]);
    let show = |p: &str| -> serde_json::Value {
        serde_json::from_str(&ok(&ws, &["--json", "request", "show", p])).expect("json")
    };
    let (old, new) = (show("F/dmp"), show("F/dmp-2029"));
    assert_eq!(new["type"], "org-sign");
    assert_eq!(new["subject"], old["subject"]);
    assert_eq!(new["subject"]["cn"], "DMP SIGNATURE");
    assert_eq!(new["deploy"], old["deploy"]);
    assert!(new["deploy"]["cert"].is_string(), "{new}");
    let _ = path;
}

#[test]
fn deploy_refuses_a_certificate_made_for_another_use() {
    let tmp = tempfile::tempdir().expect("tmp");
    let t = tmp.path();
    let ws = t.join("ws");
    let ca = TestCa::new(t);
    let path = certified_request(&ws, t, &ca, "srv", 30);
    // The request says S/MIME (a hand-edited file): the SSL certificate must not go out.
    let json = ws.join("dossiers/F/srv/request.json");
    let text = std::fs::read_to_string(&json).expect("read");
    std::fs::write(
        &json,
        text.replace("\"type\": \"ssl\"", "\"type\": \"smime\"")
            .replace("\"type\":\"ssl\"", "\"type\":\"smime\""),
    )
    .expect("write");
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&ok(&ws, &["--json", "request", "show", &path]))
            .expect("json")["type"],
        "smime"
    );
    std::fs::create_dir(t.join("etc")).expect("target dir");
    let target = t.join("etc/srv.crt");
    let err = refused(&ws, &["deploy", &path, "--cert", &s(&target)]);
    for part in ["SSL_SERV", "SERV S/MIME", "emailProtection"] {
        assert!(err.contains(part), "{part} in {err}");
    }
    assert!(!target.exists());
}
