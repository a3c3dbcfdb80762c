//! `request adopt` (DESIGN §9a): key and certificate obtained elsewhere, from
//! PKCS#12 files made by `openssl pkcs12 -export` (default and `-legacy`, as
//! old Windows exports are) and by keytool, or from key + certificate +
//! chain files. Refusals leave the workspace as it was.

use crate::support;

use std::path::PathBuf;
use support::ca::{new_csr, Key};
use support::*;

struct Setup {
    _tmp: tempfile::TempDir,
    t: PathBuf,
    ws: PathBuf,
    ca: TestCa,
    key: PathBuf,
    leaf: PathBuf,
    kp: String,
}

fn setup() -> Setup {
    let tmp = tempfile::tempdir().expect("tmp");
    let t = tmp.path().to_path_buf();
    let ws = t.join("ws");
    let ca = TestCa::new(&t);
    // ASCII: `openssl req -subj` without -utf8 would garble accents.
    let subject = "/C=FR/O=Hopital du Mans/OU=10012345/CN=web.example.fr";
    let (key, csr) = new_csr(&t, "web", subject, Key::Rsa);
    let leaf = ca.issue(&csr, "web", "serverAuth");
    let kp = secret_file(&t, "kp", "pw-ws")
        .to_string_lossy()
        .into_owned();
    Setup {
        _tmp: tmp,
        t,
        ws,
        ca,
        key,
        leaf,
        kp,
    }
}

impl Setup {
    fn p12(&self, name: &str, extra: &[&str]) -> PathBuf {
        let out = self.t.join(format!("{name}.p12"));
        let (k, c, i) = (s(&self.key), s(&self.leaf), s(&self.ca.inter));
        let args = [
            "pkcs12",
            "-export",
            "-passout",
            "pass:pw-p12",
            "-inkey",
            k,
            "-in",
            c,
        ];
        let more = ["-certfile", i, "-out", s(&out)];
        tool_ok("openssl", &[&args[..], &more, extra].concat());
        out
    }

    fn adopt(&self, path: &str, source: &[&str]) -> std::process::Output {
        let anchor = s(&self.ca.root);
        let args = ["request", "adopt", path, "--key-password-file", &self.kp];
        cleo(
            &self.ws,
            &[&args[..], source, &["--trust-anchor", anchor]].concat(),
        )
    }

    fn list(&self) -> String {
        ok(&self.ws, &["--json", "request", "list"])
    }
}

fn assert_adopted(st: &Setup, path: &str) {
    let shown = ok(&st.ws, &["--json", "request", "show", path]);
    let v: serde_json::Value = serde_json::from_str(&shown).expect("json");
    assert_eq!(v["state"], "certificate_imported", "{shown}");
    assert_eq!(v["subject"]["cn"], "web.example.fr", "{shown}");
    assert_eq!(v["key_encrypted"], true, "{shown}");
    let name = path.split('/').nth(1).expect("name");
    let dir = st.ws.join("dossiers").join(path);
    // The key opens with the workspace password and matches the certificate.
    let key_mod = tool_ok(
        "openssl",
        &[
            "rsa",
            "-noout",
            "-modulus",
            "-passin",
            "pass:pw-ws",
            "-in",
            s(&dir.join(format!("{name}.key"))),
        ],
    );
    let crt_mod = tool_ok(
        "openssl",
        &[
            "x509",
            "-noout",
            "-modulus",
            "-in",
            s(&dir.join(format!("{name}.crt"))),
        ],
    );
    assert_eq!(key_mod, crt_mod);
    tool_ok(
        "openssl",
        &[
            "verify",
            "-CAfile",
            s(&st.ca.root),
            "-untrusted",
            s(&dir.join(format!("{name}.chain.pem"))),
            s(&dir.join(format!("{name}.crt"))),
        ],
    );
}

#[test]
fn p12_files_from_openssl_and_keytool_are_adopted() {
    let st = setup();
    let p12_pw = secret_file(&st.t, "pp", "pw-p12");
    let pp = s(&p12_pw);
    for (name, extra) in [("default", &[][..]), ("legacy", &["-legacy"][..])] {
        let p12 = st.p12(name, extra);
        let path = format!("Repris/{name}");
        let out = st.adopt(&path, &["--p12", s(&p12), "--p12-password-file", pp]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_adopted(&st, &path);
    }
    // keytool's own PKCS#12 (its algorithms, not OpenSSL's).
    let java = st.t.join("java.p12");
    tool_ok(
        "keytool",
        &[
            "-importkeystore",
            "-noprompt",
            "-srcstoretype",
            "PKCS12",
            "-srckeystore",
            s(&st.t.join("default.p12")),
            "-srcstorepass",
            "pw-p12",
            "-deststoretype",
            "PKCS12",
            "-destkeystore",
            s(&java),
            "-deststorepass",
            "pw-p12",
        ],
    );
    let out = st.adopt(
        "Repris/java",
        &["--p12", s(&java), "--p12-password-file", pp],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_adopted(&st, "Repris/java");

    // Renewal starts from the certificate's subject.
    ok(
        &st.ws,
        &["request", "renew", "Repris/java", "--name", "2027"],
    );
    let shown = ok(&st.ws, &["--json", "request", "show", "Repris/2027"]);
    let v: serde_json::Value = serde_json::from_str(&shown).expect("json");
    assert_eq!(v["state"], "new");
    assert_eq!(v["subject"]["cn"], "web.example.fr");
    assert_eq!(v["subject"]["o"], "Hopital du Mans");
    assert_eq!(v["subject"]["ou"], "10012345");
    // Old and new are linked both ways, by id; `show` names the other one.
    let old = ok(&st.ws, &["--json", "request", "show", "Repris/java"]);
    let old: serde_json::Value = serde_json::from_str(&old).expect("json");
    assert_eq!(old["renewed_by"], v["id"]);
    assert_eq!(v["renews"], old["id"]);
    let text = ok(&st.ws, &["request", "show", "Repris/java"]);
    assert!(text.contains("renewed by: Repris/2027"), "{text}");
    let fr = cleocps(&st.t)
        .arg("--workspace")
        .arg(&st.ws)
        .env("LANG", "fr_FR.UTF-8")
        .args(["request", "show", "Repris/2027"])
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&fr.stdout);
    assert!(text.contains("renouvelle : Repris/java"), "{text}");
}

#[test]
fn key_cert_and_chain_files_are_adopted() {
    let st = setup();
    let (k, c, i) = (s(&st.key), s(&st.leaf), s(&st.ca.inter));
    let out = st.adopt("Repris/files", &["--key", k, "--cert", c, "--chain", i]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_adopted(&st, "Repris/files");
    // Taken in once: the same name again is refused.
    let again = st.adopt("Repris/files", &["--key", k, "--cert", c, "--chain", i]);
    assert_eq!(again.status.code(), Some(1));
}

#[test]
fn refusals_leave_the_workspace_as_it_was() {
    let st = setup();
    ok(&st.ws, &["folder", "create", "Repris"]);
    let before = st.list();
    let (p12, wrong) = (
        st.p12("default", &[]),
        secret_file(&st.t, "wrong", "not-the-password"),
    );
    let other_key = new_csr(&st.t, "other", "/CN=other", Key::Rsa).0;
    let (p12, wrong, other_key) = (s(&p12), s(&wrong), s(&other_key));
    let (k, c, i) = (s(&st.key), s(&st.leaf), s(&st.ca.inter));
    let cases: [(&str, Vec<&str>, &str); 2] = [
        (
            "wrong password",
            vec!["--p12", &p12, "--p12-password-file", &wrong],
            "PKCS#12",
        ),
        (
            "key of another certificate",
            vec!["--key", &other_key, "--cert", &c, "--chain", &i],
            "key",
        ),
    ];
    for (what, source, says) in cases {
        let out = st.adopt("Repris/x", &source);
        assert_eq!(out.status.code(), Some(1), "{what}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says), "{what}: {err}");
        assert_eq!(st.list(), before, "{what}");
    }
    // Without --trust-anchor the throwaway CA is no anchor.
    let out = cleo(
        &st.ws,
        &[
            "request",
            "adopt",
            "Repris/x",
            "--key",
            k,
            "--cert",
            c,
            "--chain",
            i,
            "--key-password-file",
            &st.kp,
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("TEST AC RACINE"));
    assert_eq!(st.list(), before);
    assert!(!st.ws.join("dossiers/Repris/x").exists());
}
