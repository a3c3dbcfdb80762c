//! `request generate --card`, `card list|status|soft-init` and `doctor`
//! through the real binary, with a SoftHSM2 token shaped like a CPS card.

use crate::support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use support::ca::{new_csr, Issued, Key};
use support::process::{alive, wait_until, Reaped};
use support::softhsm::{card_generate, SoftHsm, LABEL, MODULE, PIN};
use support::*;

const KEY_PW: &str = "mot de passe clé";

/// `cleocps --workspace <ws> --lang en <args>` with the token's SoftHSM
/// config (and no PKCS#11 module set: the sandbox has none).
fn card_cmd(ws: &Path, hsm: &SoftHsm, args: &[&str]) -> Command {
    let mut c = cleocps(ws.parent().expect("parent"));
    c.arg("--workspace")
        .arg(ws)
        .args(["--lang", "en"])
        .args(args)
        .env("SOFTHSM2_CONF", &hsm.conf);
    c
}

/// Runs [`card_cmd`] to the end.
fn cleo_card(ws: &Path, hsm: &SoftHsm, args: &[&str]) -> Output {
    output(&mut card_cmd(ws, hsm, args))
}

/// A request with keys and a complete form, ready for Étape 2.
fn ready_request(t: &Path) -> (PathBuf, PathBuf) {
    let ws = t.join("ws");
    let kp = secret_file(t, "key.pw", KEY_PW);
    prepared_request(
        &ws,
        "srv",
        "ssl",
        &["--key-password-file", &kp.to_string_lossy()],
        &["--cn", "srv.clinique.example.fr", "--ou", "318751275100020"],
    );
    (ws, kp)
}

/// [`card_generate`] of `F/srv` through the SoftHSM module, named last.
fn generate_args<'a>(kp: &'a str, pin: &'a str, ra: &'a str) -> Vec<&'a str> {
    let mut args = card_generate("F/srv", kp, pin, ra);
    args.extend(["--pkcs11-module", MODULE]);
    args
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
    assert!(String::from_utf8_lossy(&st.stderr).contains("2 tries left"));
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
    let at = args
        .iter()
        .position(|a| *a == "--ra-cert")
        .expect("--ra-cert");
    args.drain(at..at + 2);
    fails(args, "registration server certificate");
    // No module at that path.
    let mut args = generate_args(&kp, &pin, &ra);
    *args.last_mut().expect("the module") = "/nonexistent/libcps3_pkcs11_lux.so";
    fails(args, "/nonexistent/libcps3_pkcs11_lux.so");
    // Not a PKCS#11 library.
    let mut args = generate_args(&kp, &pin, &ra);
    *args.last_mut().expect("the module") = "/lib/x86_64-linux-gnu/libc.so.6";
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

/// A holder certificate of `ca` valid only in 2020, and its key.
fn expired_holder(dir: &Path, ca: &Issued) -> (PathBuf, PathBuf) {
    let (key, csr) = new_csr(dir, "old", "/CN=810009999999+SN=ANCIEN+GN=PAUL", Key::Rsa);
    let crt = ca.sign_between(
        &csr,
        dir,
        "old",
        "20200101000000Z",
        "20210101000000Z",
        "keyUsage=critical,nonRepudiation,digitalSignature\n",
    );
    (crt, key)
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
    soft_card(&ws, &soft, &hsm.pki.sig.crt, &hsm.pki.sig.key, &good);
    // `request generate --card` with the soft token `token`.
    let gen_with = |token: &Path, pin: &Path, extra: &[&str]| {
        let (token, pin) = (token.to_string_lossy(), pin.to_string_lossy());
        let args = [
            "request",
            "generate",
            "F/srv",
            "--card",
            "--key-password-file",
            &kp,
            "--pin-file",
            &pin,
            "--soft-token",
            &token,
            "--ra-cert",
            &ra,
        ];
        cleo_card(&ws, &hsm, &[&args[..], extra].concat())
    };
    let gen = |pin: &Path, extra: &[&str]| gen_with(&soft, pin, extra);
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
    soft_card(&ws, &old, &crt, &key, &good);
    let o = gen_with(&old, &good, &[]);
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

/// Whether process `pid` has `path` open.
fn has_open(pid: u32, path: &Path) -> bool {
    let fds = std::fs::read_dir(format!("/proc/{pid}/fd"))
        .unwrap_or_else(|e| panic!("/proc/{pid}/fd: {e}"));
    // An fd closed while the directory is read is not `path` any more.
    fds.flatten()
        .any(|fd| std::fs::read_link(fd.path()).is_ok_and(|target| target == path))
}

#[test]
fn pin_never_in_process_arguments() {
    // The PIN travels only in a file or on the terminal. Look at a running
    // cleocps that holds it: the workspace lock the test holds keeps it
    // waiting (it takes the lock to write the signed request, after the PIN
    // is read and the card has signed) while its command line and
    // environment are read; it is waiting once it holds `.lock` open.
    let hsm = SoftHsm::card();
    let t = hsm.dir.path();
    let (ws, kp) = ready_request(t);
    let pin = secret_file(t, "pin", PIN);
    let ra = hsm.pki.ra.crt.to_string_lossy().into_owned();
    let ws_handle = cleocps_core::workspace::Workspace::open(&ws).expect("ws");
    let lock = ws_handle.lock().expect("lock");
    let mut child = Reaped::spawn(
        card_cmd(
            &ws,
            &hsm,
            &generate_args(&kp.to_string_lossy(), &pin.to_string_lossy(), &ra),
        )
        .env("CLEOCPS_LOCK_WAIT_MS", "60000")
        .stdout(Stdio::null())
        .stderr(Stdio::piped()),
    );
    let pid = child.id();
    let mut exited = |what: &str| {
        if let Some(status) = child.0.try_wait().expect("try_wait") {
            panic!("cleocps ended ({status}) before {what}");
        }
    };
    let lock_file = ws.join(".lock");
    wait_until(30, "cleocps to wait for the workspace lock", || {
        exited("waiting for the lock");
        has_open(pid, &lock_file).then_some(())
    });
    let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).expect("cmdline");
    let environ = std::fs::read(format!("/proc/{pid}/environ")).expect("environ");
    // Still the same process, running (a finished one shows nothing).
    assert!(alive(pid), "cleocps ended before its arguments were read");
    let cmdline = String::from_utf8_lossy(&cmdline).into_owned();
    let environ = String::from_utf8_lossy(&environ).into_owned();
    let args: Vec<&str> = cmdline.split('\0').collect();
    assert!(args.contains(&"generate"), "not the request: {args:?}");
    let vars: Vec<&str> = environ.split('\0').collect();
    assert!(
        vars.iter().any(|v| v.starts_with("SOFTHSM2_CONF=")),
        "not its environment: {vars:?}"
    );
    for word in args.iter().chain(&vars) {
        assert!(
            *word != PIN && !word.ends_with(&format!("={PIN}")),
            "the PIN in {word:?}"
        );
        assert!(!word.contains(KEY_PW), "the key password in {word:?}");
    }
    drop(lock);
    let status = child.0.wait().expect("wait");
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.0.stderr.take().expect("stderr"), &mut err)
        .expect("stderr");
    // It went on with the PIN it had read: the request is signed.
    assert!(status.success(), "{err}");
    assert!(ws.join("dossiers/F/srv/srv.p7m").is_file());
}

/// A name the directory doesn't list for the card's
/// holder is warned about before the PIN (it would come back
/// ADMIN_INCONNU); the request is still made, the registration server decides.
#[test]
fn a_name_the_directory_does_not_list_is_warned_before_the_pin() {
    let hsm = SoftHsm::card();
    let t = hsm.dir.path();
    let (ws, kp) = ready_request(t);
    let pin = secret_file(t, "pin", PIN);
    let ra = hsm.pki.ra.crt.to_string_lossy().into_owned();
    let annuaire = t.join("annuaire.json");
    let listed = |fqdn: &str| {
        let json = serde_json::json!({"servers": [
            {"holder": "810001234567", "fqdn": fqdn},
        ]});
        std::fs::write(&annuaire, json.to_string()).expect("annuaire");
    };
    let config = t.join("config.json");
    std::fs::write(
        &config,
        serde_json::json!({"directory_file": annuaire}).to_string(),
    )
    .expect("config");
    let run = || {
        let mut args = vec!["--config", config.to_str().expect("utf8")];
        let kp = kp.to_string_lossy();
        let pin = pin.to_string_lossy();
        args.extend(generate_args(&kp, &pin, &ra));
        cleo_card(&ws, &hsm, &args)
    };
    listed("autre.clinique.example.fr");
    let out = run();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("\"srv.clinique.example.fr\" is not listed"),
        "{err}"
    );
    assert!(err.contains("ADMIN_INCONNU"), "{err}");
    // Listed: nothing said.
    std::fs::remove_file(ws.join("dossiers/F/srv/srv.p7m")).expect("p7m");
    let json = ws.join("dossiers/F/srv/request.json");
    let text = std::fs::read_to_string(&json).expect("json");
    std::fs::write(&json, text.replace("request_generated", "keys_generated")).expect("json");
    listed("srv.clinique.example.fr");
    let out = run();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{err}");
    assert!(!err.contains("not listed"), "{err}");
}
