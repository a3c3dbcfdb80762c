//! `request generate --card`, `card list|status|soft-init` and `doctor`
//! through the real binary, with a SoftHSM2 token shaped like a CPS card.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use support::softhsm::{self, SoftHsm, LABEL, MODULE, PIN};
use support::*;

const KEY_PW: &str = "mot de passe clé";

/// Runs cleocps with the token's SoftHSM config and no PKCS#11 module set.
fn cleo_card(ws: &Path, hsm: &SoftHsm, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cleocps"))
        .arg("--workspace")
        .arg(ws)
        .args(["--lang", "en"])
        .args(args)
        .env("SOFTHSM2_CONF", &hsm.conf)
        .env_remove("CLEOCPS_PKCS11_MODULE")
        .env_remove("P11_KIT_SERVER_ADDRESS")
        .env_remove("CLEOCPS_CONFIG")
        .env("XDG_CONFIG_HOME", "/nonexistent-cleocps-test")
        .env("CLEOCPS_LOG_FILE", log_of(ws))
        .stdin(Stdio::null())
        .output()
        .expect("run")
}

/// A request with keys and a complete form, ready for Étape 2.
fn ready_request(t: &Path) -> (PathBuf, PathBuf) {
    let ws = t.join("ws");
    let kp = secret_file(t, "key.pw", KEY_PW);
    ok(&ws, &["folder", "create", "F"]);
    ok(&ws, &["request", "create", "F/srv", "--type", "ssl"]);
    ok(
        &ws,
        &[
            "keys",
            "generate",
            "F/srv",
            "--key-password-file",
            &kp.to_string_lossy(),
        ],
    );
    ok(
        &ws,
        &[
            "request",
            "edit",
            "F/srv",
            "--cn",
            "srv.clinique.example.fr",
            "--ou",
            "318751275100020",
        ],
    );
    (ws, kp)
}

fn generate_args<'a>(kp: &'a str, pin: &'a str, ra: &'a str) -> Vec<&'a str> {
    vec![
        "request",
        "generate",
        "F/srv",
        "--card",
        "--key-password-file",
        kp,
        "--pin-file",
        pin,
        "--pkcs11-module",
        MODULE,
        "--ra-cert",
        ra,
    ]
}

#[test]
fn card_request_decrypts_and_verifies_to_the_csr_signed_by_the_sig_key() {
    let hsm = SoftHsm::card();
    let t = hsm.dir.path();
    let (ws, kp) = ready_request(t);
    let pin = secret_file(t, "pin", PIN);
    let ra = hsm.pki.ra.crt.to_string_lossy().into_owned();
    let out = cleo_card(
        &ws,
        &hsm,
        &generate_args(&kp.to_string_lossy(), &pin.to_string_lossy(), &ra),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let dir = ws.join("dossiers/F/srv");
    let p7m = dir.join("srv.p7m");
    let (content, signer) = open_p7m(
        &p7m,
        &hsm.pki.ra.crt,
        &hsm.pki.ra.key,
        &hsm.pki.card_ca.crt,
        t,
    );
    // The CSR, byte for byte.
    let csr_der = t.join("csr.der");
    tool_ok(
        "openssl",
        &[
            "req",
            "-in",
            &dir.join("srv.csr").to_string_lossy(),
            "-outform",
            "DER",
            "-out",
            &csr_der.to_string_lossy(),
        ],
    );
    assert_eq!(content, std::fs::read(&csr_der).expect("csr"));
    // Signed by CPS_PRIV_SIG's certificate, not the authentication one.
    assert_eq!(fingerprint(&signer), fingerprint(&hsm.pki.sig.crt));
    assert_ne!(fingerprint(&signer), fingerprint(&hsm.pki.aut.crt));
    // The .eml is the same message as an S/MIME entity.
    let eml = std::fs::read_to_string(dir.join("srv.eml")).expect("eml");
    assert!(eml.contains("application/pkcs7-mime; smime-type=enveloped-data"));
    tool_ok(
        "openssl",
        &[
            "cms",
            "-decrypt",
            "-in",
            &dir.join("srv.eml").to_string_lossy(),
            "-recip",
            &ra,
            "-inkey",
            &hsm.pki.ra.key.to_string_lossy(),
            "-out",
            "/dev/null",
        ],
    );
    let shown: serde_json::Value =
        serde_json::from_str(&ok(&ws, &["--json", "request", "show", "F/srv"])).expect("json");
    assert_eq!(shown["state"], "request_generated");
    assert_eq!(shown["generation"], "card");

    // Neither the PIN nor the key password is anywhere in the workspace or the log.
    let log = std::fs::read_to_string(log_of(&ws)).expect("log written");
    assert!(log.contains("request_generate"), "{log}");
    assert!(
        !log.contains(KEY_PW) && !log.contains(&format!(" {PIN}")),
        "{log}"
    );
    for (path, bytes) in snapshot(&ws) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains(KEY_PW), "key password in {}", path.display());
        assert!(
            !text.contains(&format!("\"{PIN}\"")) && !text.contains(&format!(" {PIN} ")),
            "PIN in {}",
            path.display()
        );
    }
}

#[test]
fn wrong_pin_is_tried_once_then_status_warns() {
    let hsm = SoftHsm::card();
    let t = hsm.dir.path();
    let (ws, kp) = ready_request(t);
    let bad = secret_file(t, "badpin", "9999");
    let ra = hsm.pki.ra.crt.to_string_lossy().into_owned();
    let before = snapshot(&ws);
    let out = cleo_card(
        &ws,
        &hsm,
        &generate_args(&kp.to_string_lossy(), &bad.to_string_lossy(), &ra),
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("wrong PIN"), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert_eq!(snapshot(&ws), before, "state unchanged, nothing written");
    let st = cleo_card(
        &ws,
        &hsm,
        &["--json", "card", "status", "--pkcs11-module", MODULE],
    );
    assert!(st.status.success());
    let v: serde_json::Value = serde_json::from_slice(&st.stdout).expect("json");
    assert_eq!(v["token"]["pin"]["count_low"], true);
    assert!(String::from_utf8_lossy(&st.stderr).contains("few tries left"));
    // Stable JSON shape of card status and card list.
    assert_eq!(v["token"]["label"], LABEL);
    assert_eq!(v["holder"]["id"], "810001234567");
    for key in ["subject", "issuer", "not_after", "expired"] {
        assert!(v.get(key).is_some(), "card status --json lacks {key}");
    }
    let list = cleo_card(
        &ws,
        &hsm,
        &["--json", "card", "list", "--pkcs11-module", MODULE],
    );
    let v: serde_json::Value = serde_json::from_slice(&list.stdout).expect("json");
    let slots = v["slots"].as_array().expect("slots");
    assert!(slots.iter().any(|s| s["token"]["label"] == LABEL), "{v}");
}

#[test]
fn card_problems_are_specific_and_write_nothing() {
    let hsm = SoftHsm::card();
    let t = hsm.dir.path();
    let (ws, kp) = ready_request(t);
    let pin = secret_file(t, "pin", PIN);
    let (kp, pin) = (
        kp.to_string_lossy().into_owned(),
        pin.to_string_lossy().into_owned(),
    );
    let ra = hsm.pki.ra.crt.to_string_lossy().into_owned();
    let before = snapshot(&ws);
    let fails = |args: Vec<&str>, expect: &str| {
        let out = cleo_card(&ws, &hsm, &args);
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(
            err.contains(expect),
            "{args:?}: expected {expect:?} in {err}"
        );
        assert_eq!(snapshot(&ws), before);
    };
    // Missing registration certificate.
    let mut args = generate_args(&kp, &pin, &ra);
    args.truncate(args.len() - 2);
    fails(args, "registration server certificate");
    // No module at that path.
    let mut args = generate_args(&kp, &pin, &ra);
    args[9] = "/nonexistent/libcps3_pkcs11_lux.so";
    fails(args, "/nonexistent/libcps3_pkcs11_lux.so");
    // Not a PKCS#11 library.
    let mut args = generate_args(&kp, &pin, &ra);
    args[9] = "/lib/x86_64-linux-gnu/libc.so.6";
    fails(args, "PKCS#11");
    // Token without a signature key.
    let empty = SoftHsm::empty();
    let other = cleo_card(&ws, &empty, &generate_args(&kp, &pin, &ra));
    assert_eq!(other.status.code(), Some(1));
    assert_eq!(snapshot(&ws), before);

    // doctor names the fixes.
    let out = cleo_card(
        &ws,
        &hsm,
        &["doctor", "--pkcs11-module", MODULE, "--ra-cert", &ra],
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(text.lines().count() >= 5, "{text}");
    let out = cleo_card(
        &ws,
        &hsm,
        &["doctor", "--pkcs11-module", "/nonexistent/x.so"],
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1));
    assert!(text.contains("FAIL") && text.contains('→'), "{text}");
}

/// Issues, with `openssl ca`, a holder certificate valid only in 2020.
fn expired_holder(dir: &Path, ca: &softhsm::Issued) -> (PathBuf, PathBuf) {
    let p = |n: &str| dir.join(n).to_string_lossy().into_owned();
    tool_ok(
        "openssl",
        &[
            "req",
            "-new",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-multivalue-rdn",
            "-subj",
            "/CN=810009999999+SN=ANCIEN+GN=PAUL",
            "-keyout",
            &p("old.key"),
            "-out",
            &p("old.csr"),
        ],
    );
    std::fs::write(dir.join("index.txt"), "").expect("w");
    std::fs::write(dir.join("serial"), "01\n").expect("w");
    std::fs::write(
        dir.join("ca.cnf"),
        format!("[ca]\ndefault_ca=d\n[d]\ndatabase={}\nnew_certs_dir={}\nserial={}\ndefault_md=sha256\npolicy=p\nunique_subject=no\n[p]\ncommonName=supplied\n", p("index.txt"), dir.display(), p("serial")),
    )
    .expect("w");
    std::fs::write(
        dir.join("old.ext"),
        "keyUsage=critical,nonRepudiation,digitalSignature\n",
    )
    .expect("w");
    tool_ok(
        "openssl",
        &[
            "ca",
            "-batch",
            "-config",
            &p("ca.cnf"),
            "-cert",
            &ca.crt.to_string_lossy(),
            "-keyfile",
            &ca.key.to_string_lossy(),
            "-in",
            &p("old.csr"),
            "-out",
            &p("old.crt"),
            "-startdate",
            "20200101000000Z",
            "-enddate",
            "20210101000000Z",
            "-extfile",
            &p("old.ext"),
            "-notext",
            "-preserveDN",
            "-multivalue-rdn",
        ],
    );
    (dir.join("old.crt"), dir.join("old.key"))
}

#[test]
fn soft_token_pin_sequence_and_expired_card() {
    let hsm = SoftHsm::empty();
    let t = hsm.dir.path();
    let (ws, kp) = ready_request(t);
    let (kp, ra) = (
        kp.to_string_lossy().into_owned(),
        hsm.pki.ra.crt.to_string_lossy().into_owned(),
    );
    let good = secret_file(t, "good", "4321");
    let bad = secret_file(t, "bad", "0000");
    let soft = t.join("carte.json");
    let soft_s = soft.to_string_lossy().into_owned();
    ok(
        &ws,
        &[
            "card",
            "soft-init",
            &soft_s,
            "--holder-cert",
            &hsm.pki.sig.crt.to_string_lossy(),
            "--holder-key",
            &hsm.pki.sig.key.to_string_lossy(),
            "--pin-file",
            &good.to_string_lossy(),
        ],
    );
    let gen = |pin: &Path, extra: &[&str]| {
        let mut a = vec![
            "request",
            "generate",
            "F/srv",
            "--card",
            "--key-password-file",
            &kp,
            "--pin-file",
        ];
        let pin = pin.to_string_lossy().into_owned();
        let mut v: Vec<String> = a.drain(..).map(String::from).collect();
        v.push(pin);
        v.extend(
            ["--soft-token", &soft_s, "--ra-cert", &ra]
                .iter()
                .map(|s| s.to_string()),
        );
        v.extend(extra.iter().map(|s| s.to_string()));
        let refs: Vec<&str> = v.iter().map(String::as_str).collect();
        cleo_card(&ws, &hsm, &refs)
    };
    let err = |o: &Output| String::from_utf8_lossy(&o.stderr).into_owned();
    let o = gen(&bad, &[]);
    assert!(err(&o).contains("wrong PIN"), "{}", err(&o));
    let o = gen(&bad, &[]);
    assert!(err(&o).contains("wrong PIN"), "{}", err(&o));
    // One try left: a script is refused without trying.
    let o = gen(&good, &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("--allow-last-pin-try"), "{}", err(&o));
    let st = ok(&ws, &["--json", "card", "status", "--soft-token", &soft_s]);
    assert!(st.contains("\"final_try\":true"), "{st}");
    // The last try, allowed explicitly, and wrong: the card is blocked.
    let o = gen(&bad, &["--allow-last-pin-try"]);
    assert!(err(&o).contains("wrong PIN"), "{}", err(&o));
    let o = gen(&good, &["--allow-last-pin-try"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("PUK"), "{}", err(&o));
    assert!(ok(&ws, &["--json", "request", "show", "F/srv"]).contains("keys_generated"));

    // An expired card certificate is refused before any PIN try.
    let (crt, key) = expired_holder(t, &hsm.pki.card_ca);
    let old = t.join("old.json");
    ok(
        &ws,
        &[
            "card",
            "soft-init",
            &old.to_string_lossy(),
            "--holder-cert",
            &crt.to_string_lossy(),
            "--holder-key",
            &key.to_string_lossy(),
            "--pin-file",
            &good.to_string_lossy(),
        ],
    );
    let o = cleo_card(
        &ws,
        &hsm,
        &[
            "request",
            "generate",
            "F/srv",
            "--card",
            "--key-password-file",
            &kp,
            "--pin-file",
            &good.to_string_lossy(),
            "--soft-token",
            &old.to_string_lossy(),
            "--ra-cert",
            &ra,
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("expired"), "{}", err(&o));
    let st = ok(
        &ws,
        &[
            "--json",
            "card",
            "status",
            "--soft-token",
            &old.to_string_lossy(),
        ],
    );
    assert!(st.contains("\"count_low\":false"), "no try was spent: {st}");
}

#[test]
fn pin_never_in_process_arguments() {
    // The PIN travels only in a file or on the terminal: check the running
    // process's command line while it waits for the lock we hold.
    let hsm = SoftHsm::card();
    let t = hsm.dir.path();
    let (ws, kp) = ready_request(t);
    let pin = secret_file(t, "pin", PIN);
    let ra = hsm.pki.ra.crt.to_string_lossy().into_owned();
    let ws_handle = cleocps_core::workspace::Workspace::open(&ws).expect("ws");
    let lock = ws_handle.lock().expect("lock");
    let child = Command::new(env!("CARGO_BIN_EXE_cleocps"))
        .arg("--workspace")
        .arg(&ws)
        .args(generate_args(
            &kp.to_string_lossy(),
            &pin.to_string_lossy(),
            &ra,
        ))
        .env("SOFTHSM2_CONF", &hsm.conf)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    std::thread::sleep(std::time::Duration::from_millis(800));
    let cmdline = std::fs::read(format!("/proc/{}/cmdline", child.id())).unwrap_or_default();
    let environ = std::fs::read(format!("/proc/{}/environ", child.id())).unwrap_or_default();
    drop(lock);
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success());
    assert!(!cmdline.is_empty(), "the process was gone too early");
    let cmdline = String::from_utf8_lossy(&cmdline).replace('\0', " ");
    assert!(!cmdline.split(' ').any(|a| a == PIN), "{cmdline}");
    assert!(!cmdline.contains(KEY_PW));
    assert!(!String::from_utf8_lossy(&environ).contains(KEY_PW));
}
