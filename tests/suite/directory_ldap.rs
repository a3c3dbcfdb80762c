//! `directory lookup` against a real slapd (test schema) and the JSON file.

use crate::support;

use serde_json::json;
use support::mail::*;
use support::services::*;

const LDAP_ONLY: Want = Want {
    ldap: true,
    mail: false,
};

fn lookup(ws: &std::path::Path, cfg: &str, holder: &str) -> serde_json::Value {
    let out = cleo_cfg(
        ws,
        cfg,
        &["directory", "lookup", "--holder", holder, "--json"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).expect("json")
}

fn fqdns(v: &serde_json::Value) -> Vec<String> {
    v["servers"]
        .as_array()
        .expect("servers")
        .iter()
        .map(|s| s["fqdn"].as_str().unwrap_or_default().to_string())
        .collect()
}

fn expected() -> serde_json::Value {
    json!([
        {"fqdn": "a.clinique.test.local", "mail": "srv-a@test.local", "structure_id": "1720000000001",
         "structure_name": "Clinique du Test", "departement": "Sarthe (72)"},
        {"fqdn": "b.clinique.test.local", "mail": "srv-b@test.local", "structure_id": "1720000000001",
         "structure_name": "Clinique du Test", "departement": "Sarthe (72)"},
        // No `l` on this structure: the département comes from the DN.
        {"fqdn": "c.hopital.test.local", "mail": "srv-c@test.local", "structure_id": "1440000000002",
         "structure_name": "Hôpital du Test", "departement": "Loire-Atlantique (44)"},
    ])
}

#[test]
fn ldap_plain_starttls_ldaps_anonymous_and_bound() {
    let stack = Stack::start(LDAP_ONLY);
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    let pw = stack.password_file("ldap.pass", LDAP_ADMIN_PW);
    let base = json!({"url": stack.ldap_url(), "base": LDAP_BASE, "timeout_s": 5});
    let variants = [
        json!({}),
        json!({"starttls": true, "ca_file": stack.ca}),
        json!({"url": stack.ldaps_url(), "ca_file": stack.ca}),
        json!({"bind_dn": LDAP_ADMIN_DN, "password_file": pw}),
        json!({"url": stack.ldaps_url(), "ca_file": stack.ca, "bind_dn": LDAP_ADMIN_DN, "password_file": pw}),
    ];
    for (i, v) in variants.iter().enumerate() {
        let mut ldap = base.clone();
        for (k, val) in v.as_object().expect("obj") {
            ldap[k] = val.clone();
        }
        let cfg = write_config(tmp.path(), &format!("c{i}.json"), &json!({"ldap": ldap}));
        let got = lookup(&ws, &cfg, HOLDER);
        // Sorted, the duplicate entry listed once.
        assert_eq!(got["servers"], expected(), "variant {v}");
        assert_eq!(got["size_limit_hit"], serde_json::Value::Null);
    }
    // Text output: one line per server.
    let cfg = write_config(tmp.path(), "t.json", &json!({"ldap": base}));
    let out = cleo_cfg(&ws, &cfg, &["directory", "lookup", "--holder", HOLDER]);
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 3, "{text}");
    assert!(text.starts_with("a.clinique.test.local\tsrv-a@test.local\t1720000000001"));
}

#[test]
fn ldap_size_limit_injection_and_failures() {
    let mut stack = Stack::start(LDAP_ONLY);
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    let ldap = json!({"url": stack.ldap_url(), "base": LDAP_BASE, "timeout_s": 5, "size_limit": 3});
    let cfg = write_config(tmp.path(), "c.json", &json!({"ldap": ldap}));

    let out = cleo_cfg(
        &ws,
        &cfg,
        &["directory", "lookup", "--holder", HOLDER_MANY, "--json"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["size_limit_hit"], 3);
    assert_eq!(fqdns(&v).len(), 3);
    assert!(
        stderr(&out).contains("stopped at 3 results"),
        "{}",
        stderr(&out)
    );

    // Filter characters in the holder id are escaped: no injection, no match.
    for evil in ["*)(testAdminCardHolderId=*", "*", "8042410007)(|(cn=*"] {
        let v = lookup(&ws, &cfg, evil);
        assert_eq!(fqdns(&v), Vec::<String>::new(), "{evil}");
    }

    let wrong = stack.password_file("wrong.pass", "not it 5");
    let mut bad = ldap.clone();
    bad["bind_dn"] = LDAP_ADMIN_DN.into();
    bad["password_file"] = json!(wrong);
    let cfg_bad = write_config(tmp.path(), "bad.json", &json!({"ldap": bad}));
    let out = cleo_cfg(&ws, &cfg_bad, &["directory", "lookup", "--holder", HOLDER]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("refused the bind of \"cn=admin,c=fr\""),
        "{err}"
    );
    assert!(!err.contains("not it 5"));

    let mut untrusted = ldap.clone();
    untrusted["url"] = stack.ldaps_url().into();
    let cfg_u = write_config(tmp.path(), "u.json", &json!({"ldap": untrusted}));
    let out = cleo_cfg(&ws, &cfg_u, &["directory", "lookup", "--holder", HOLDER]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("presents a TLS certificate that is refused"),
        "{err}"
    );
    // The test services' certificate is CA-issued: the fix is the authority's file.
    assert!(
        err.contains("cleocps test CA") && err.contains("ldap.ca_file"),
        "{err}"
    );

    let out = cleo_cfg(&ws, &cfg, &["directory", "lookup"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("give --holder"));

    stack.stop("slapd");
    let out = cleo_cfg(&ws, &cfg, &["directory", "lookup", "--holder", HOLDER]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("refused the connection"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn ldap_timeout_when_the_server_never_answers() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    // Accepts and keeps the connections open, never answering.
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for s in listener.incoming() {
            held.push(s);
        }
    });
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    let cfg = write_config(
        tmp.path(),
        "c.json",
        &json!({"ldap": {"url": format!("ldap://127.0.0.1:{port}"), "base": LDAP_BASE, "timeout_s": 1}}),
    );
    let t0 = std::time::Instant::now();
    let out = cleo_cfg(&ws, &cfg, &["directory", "lookup", "--holder", HOLDER]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("does not answer (timeout)"),
        "{}",
        stderr(&out)
    );
    assert!(t0.elapsed().as_secs() < 5);
}

#[test]
fn json_directory_file() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    let file = tmp.path().join("annuaire.json");
    std::fs::write(
        &file,
        json!({"servers": [
            {"holder": HOLDER, "fqdn": "b.example.fr", "mail": "b@example.fr"},
            {"holder": HOLDER, "fqdn": "a.example.fr"},
            {"holder": HOLDER, "fqdn": "a.example.fr"},
            {"holder": "other", "fqdn": "z.example.fr"}]})
        .to_string(),
    )
    .expect("file");
    let cfg = write_config(tmp.path(), "c.json", &json!({"directory_file": file}));
    assert_eq!(
        fqdns(&lookup(&ws, &cfg, HOLDER)),
        vec!["a.example.fr", "b.example.fr"]
    );
}
