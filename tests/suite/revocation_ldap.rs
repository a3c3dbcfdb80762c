//! A CRL published only in the directory (`ldap://` distribution point, as
//! IGC-Santé's delta CRLs are): skipped unless `revocation.ldap` is true,
//! then read from slapd and checked like any CRL.

use crate::support;

use std::process::Command;
use support::openssl_ca::{certified, OpensslCa};
use support::services::{Stack, Want, LDAP_ADMIN_DN, LDAP_ADMIN_PW, LDAP_SUFFIX};
use support::*;

fn revocation(ws: &std::path::Path, config: &std::path::Path) -> (i32, String, serde_json::Value) {
    let run = |args: &[&str]| {
        output(
            cleocps(ws.parent().expect("parent"))
                .arg("--workspace")
                .arg(ws)
                .arg("--config")
                .arg(config)
                .args(["--lang", "en"])
                .args(args),
        )
    };
    let check = run(&["check"]);
    let status = run(&["--json", "status"]);
    let v: serde_json::Value = serde_json::from_slice(&status.stdout).expect("json");
    (
        check.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&check.stdout).into_owned(),
        v["certificates"][0]["revocation"].clone(),
    )
}

#[test]
fn an_ldap_crl_is_read_only_when_allowed() {
    let stack = Stack::start(Want {
        ldap: true,
        mail: false,
    });
    let tmp = tempfile::tempdir().expect("tmp");
    let ca = OpensslCa::new(&tmp.path().join("ca"), "/C=FR/O=TEST/CN=TEST AC LDAP");
    let dn = format!("cn=TEST AC LDAP,{LDAP_SUFFIX}");
    let url = format!(
        "ldap://127.0.0.1:{}/{}?certificateRevocationList;binary",
        stack.ldap_port,
        dn.replace(' ', "%20")
    );
    let ws = tmp.path().join("ws");
    let leaf = certified(&ws, &ca, "srv", None, Some(&url));
    ca.revoke(&leaf, "affiliationChanged");
    let crl = tmp.path().join("ca.crl");
    ca.crl(&crl);
    let ldif = tmp.path().join("crl.ldif");
    std::fs::write(
        &ldif,
        format!(
            "dn: {dn}\nobjectClass: cRLDistributionPoint\ncn: TEST AC LDAP\n\
             certificateRevocationList;binary:< file://{}\n",
            crl.display()
        ),
    )
    .expect("ldif");
    run(Command::new("ldapadd")
        .args(["-x", "-H", &format!("ldap://127.0.0.1:{}", stack.ldap_port)])
        .args(["-D", LDAP_ADMIN_DN, "-w", LDAP_ADMIN_PW, "-f"])
        .arg(&ldif));

    let off = tmp.path().join("off.json");
    std::fs::write(&off, "{}").expect("config");
    let (code, line, r) = revocation(&ws, &off);
    assert_eq!(code, 0, "{line}");
    assert_eq!(r["status"], "unknown", "{r}");
    assert!(
        r["detail"]
            .as_str()
            .is_some_and(|d| d.contains("set revocation.ldap to true")),
        "{r}"
    );

    let on = tmp.path().join("on.json");
    std::fs::write(&on, r#"{"revocation": {"ldap": true}}"#).expect("config");
    let (code, line, r) = revocation(&ws, &on);
    assert_eq!(code, 2, "{line}");
    assert!(line.contains("F/srv REVOKED on "), "{line}");
    assert_eq!(r["source"], "crl", "{r}");
    assert_eq!(r["reason"], "affiliationChanged", "{r}");
}
