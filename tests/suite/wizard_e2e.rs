//! CleoWizard end to end with real components: a SoftHSM2 token shaped like
//! a CPS card, slapd, dovecot + SMTP, and `cleocps ra serve` running as a
//! separate process answering by mail.

use crate::support;

use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};
use std::time::{Duration, Instant};
use support::ca::Issued;
use support::process::Reaped;
use support::services::{Stack, ALL, DOMAIN, HOLDER, INSCRIPTION};
use support::softhsm::{SoftHsm, LABEL, MODULE, PIN};
use support::tmux::Tmux;
use support::*;

/// Everything a wizard run needs; `ra serve` is stopped first.
struct World {
    _ra: Reaped,
    stack: Stack,
    hsm: SoftHsm,
    ra_dir: PathBuf,
    client_config: PathBuf,
    pin: PathBuf,
    ws: PathBuf,
}

/// `cleocps <args>` (no workspace) in the sandbox `dir`, asserting success.
fn run_ok(dir: &Path, args: &[&str]) -> String {
    run_text(cleocps(dir).args(args))
}

/// A card for `holder` issued by the registration server's card CA, in SoftHSM.
fn card_token(ra_dir: &Path, holder: &str) -> SoftHsm {
    let hsm = SoftHsm::empty();
    let t = hsm.dir.path();
    let (crt, key) = (t.join("holder.crt"), t.join("holder.key"));
    run_ok(
        t,
        &[
            "ra",
            "card",
            &ra_dir.to_string_lossy(),
            "--holder-id",
            holder,
            "--surname",
            "DURAND",
            "--given-name",
            "ALICE",
            "--out-cert",
            &crt.to_string_lossy(),
            "--out-key",
            &key.to_string_lossy(),
        ],
    );
    hsm.init_token(LABEL, PIN);
    hsm.import(
        "CPS_PRIV_SIG",
        "01",
        &Issued { key, crt },
        "Certificat de Signature CPS",
    );
    hsm
}

fn world(holder: &str) -> World {
    let stack = Stack::start(ALL);
    let base = stack.dir.clone();
    let ra_dir = base.join("ra");
    let init = run_ok(
        &base,
        &[
            "--json",
            "ra",
            "init",
            &ra_dir.to_string_lossy(),
            "--ca-bits",
            "2048",
        ],
    );
    let init: serde_json::Value = serde_json::from_str(&init).expect("ra init --json");
    let hsm = card_token(&ra_dir, holder);
    // The registration server: its own mailbox and SMTP account, the same directory.
    let ra_pw = stack.password_file("ra.pass", INSCRIPTION.1);
    let mut ra_cfg = stack.config();
    ra_cfg["mail_from"] = format!("{}@{DOMAIN}", INSCRIPTION.0).into();
    ra_cfg["smtp"]["user"] = INSCRIPTION.0.into();
    ra_cfg["smtp"]["password_file"] = ra_pw.to_string_lossy().into_owned().into();
    ra_cfg["imap"]["user"] = INSCRIPTION.0.into();
    ra_cfg["imap"]["password_file"] = ra_pw.to_string_lossy().into_owned().into();
    ra_cfg.as_object_mut().expect("obj").remove("registration");
    // The server has its own view of the directory (so the client's LDAP can go down).
    ra_cfg.as_object_mut().expect("obj").remove("ldap");
    let entry = |fqdn: &str, mail: &str, holder: &str| serde_json::json!({"holder": holder, "fqdn": fqdn, "mail": mail});
    let admins = base.join("ra-directory.json");
    std::fs::write(
        &admins,
        serde_json::json!({"servers": [
            entry("a.clinique.test.local", "srv-a@test.local", HOLDER),
            entry("b.clinique.test.local", "srv-b@test.local", HOLDER),
            entry("x.hopital.test.local", "srv-x@test.local", "8999999999"),
        ]})
        .to_string(),
    )
    .expect("w");
    ra_cfg["directory_file"] = p(&admins).into();
    let ra_config = base.join("ra.json");
    std::fs::write(
        &ra_config,
        serde_json::to_vec_pretty(&ra_cfg).expect("json"),
    )
    .expect("w");
    let ra = Reaped::spawn(
        cleocps(&base)
            .args([
                "--config",
                &ra_config.to_string_lossy(),
                "ra",
                "serve",
                &ra_dir.to_string_lossy(),
                "--interval",
                "1",
            ])
            .env("CLEOCPS_LOG_FILE", base.join("ra.log"))
            .stdout(Stdio::null())
            .stderr(Stdio::from(
                std::fs::File::create(base.join("ra.err")).expect("f"),
            )),
    );
    let mut cfg = stack.config();
    cfg["registration"]["certificate"] = ra_dir
        .join("inscription.crt")
        .to_string_lossy()
        .into_owned()
        .into();
    cfg["card"] = serde_json::json!({"pkcs11_module": MODULE});
    // The anchor `ra init` says its clients need: trust is checked, not bypassed.
    cfg["trust"] = init["client_config"]["trust"].clone();
    assert!(cfg["trust"]["anchors"][1]
        .as_str()
        .is_some_and(|a| a.ends_with("root.crt")));
    let client_config = base.join("cleocps.json");
    std::fs::write(
        &client_config,
        serde_json::to_vec_pretty(&cfg).expect("json"),
    )
    .expect("w");
    let pin = secret_file(&base, "pin", PIN);
    let ws = base.join("ws");
    World {
        _ra: ra,
        stack,
        hsm,
        ra_dir,
        client_config,
        pin,
        ws,
    }
}

impl World {
    fn wizard(&self, extra: &[&str]) -> Output {
        self.wizard_with(&self.hsm, extra)
    }

    fn wizard_with(&self, hsm: &SoftHsm, extra: &[&str]) -> Output {
        output(
            cleocps(&self.stack.dir)
                .args([
                    "--lang",
                    "en",
                    "--config",
                    &self.client_config.to_string_lossy(),
                ])
                .arg("--workspace")
                .arg(&self.ws)
                .args([
                    "wizard",
                    "--non-interactive",
                    "--pin-file",
                    &self.pin.to_string_lossy(),
                    "--wait",
                    "30",
                    "--interval",
                    "1",
                ])
                .args(extra)
                .env("SOFTHSM2_CONF", &hsm.conf)
                .env("CLEOCPS_POLL_INTERVAL_S", "1")
                .env("CLEOCPS_LOG_FILE", self.stack.dir.join("client.log")),
        )
    }

    fn wizard_dir(&self) -> PathBuf {
        self.ws.join("wizard")
    }

    fn passwords(&self) -> (String, String) {
        let text =
            std::fs::read_to_string(self.wizard_dir().join("password.txt")).expect("password.txt");
        let get = |k: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(k))
                .unwrap_or_default()
                .to_string()
        };
        (get("key="), get("p12="))
    }
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn p(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

/// The wizard's certificate serves TLS that verifies for `fqdn`.
fn tls_handshake_for(w: &World, fqdn: &str) {
    let dir = w.wizard_dir();
    let (key_pw, _) = w.passwords();
    tls_handshake(
        &dir.join("Requete_Wizard.crt"),
        &dir.join("Requete_Wizard.key"),
        Some(&key_pw),
        &w.ra_dir.join("ca-chain.pem"),
        &w.ra_dir.join("root.crt"),
        fqdn,
    );
}

#[test]
fn wizard_ssl_then_smime_with_real_services() {
    let w = world(HOLDER);
    // The holder administers several servers: non-interactive needs --fqdn.
    let o = w.wizard(&["--type", "ssl"]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert!(err(&o).contains("--fqdn"), "{}", err(&o));
    assert!(
        !w.ws.join("dossiers/CleoWizard").exists(),
        "nothing created before the choice"
    );

    let t0 = Instant::now();
    let o = w.wizard(&["--type", "ssl", "--fqdn", "a.clinique.test.local"]);
    let took = t0.elapsed();
    assert!(
        o.status.success(),
        "{}\nra: {}",
        err(&o),
        std::fs::read_to_string(w.stack.dir.join("ra.err")).unwrap_or_default()
    );
    eprintln!("wizard (ssl, 2048-bit key, SMTP+IMAP+LDAP, ra serve polling every 1 s): {took:?}");
    let dir = w.wizard_dir();
    for f in [
        "Requete_Wizard.p12",
        "Requete_Wizard.crt",
        "Requete_Wizard.key",
        "password.txt",
    ] {
        assert!(dir.join(f).is_file(), "{f} missing");
    }
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(dir.join("password.txt"))
        .expect("m")
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o600);
    assert!(err(&o).contains("store them elsewhere"), "{}", err(&o));
    tool_ok(
        "openssl",
        &[
            "verify",
            "-CAfile",
            &p(&w.ra_dir.join("root.crt")),
            "-untrusted",
            &p(&w.ra_dir.join("ca-chain.pem")),
            &p(&dir.join("Requete_Wizard.crt")),
        ],
    );
    tls_handshake_for(&w, "a.clinique.test.local");
    let (key_pw, p12_pw) = w.passwords();
    assert!(key_pw.len() >= 16 && p12_pw.len() >= 16 && key_pw != p12_pw);
    tool_ok(
        "openssl",
        &[
            "pkcs12",
            "-in",
            &p(&dir.join("Requete_Wizard.p12")),
            "-passin",
            &format!("pass:{p12_pw}"),
            "-nokeys",
        ],
    );
    let list = tool_ok(
        "keytool",
        &[
            "-list",
            "-storetype",
            "PKCS12",
            "-keystore",
            &p(&dir.join("Requete_Wizard.p12")),
            "-storepass",
            &p12_pw,
        ],
    );
    assert!(list.contains("PrivateKeyEntry"), "{list}");
    // The wizard's request is an ordinary request, visible from the tree.
    let shown = ok(
        &w.ws,
        &["--json", "request", "show", "CleoWizard/Demande 1"],
    );
    assert!(shown.contains("certificate_imported"), "{shown}");

    // A second run (S/MIME) moves the first results to historique/, whole.
    let first: Vec<(String, Vec<u8>)> = [
        "Requete_Wizard.p12",
        "Requete_Wizard.crt",
        "Requete_Wizard.key",
        "password.txt",
    ]
    .iter()
    .map(|f| (f.to_string(), std::fs::read(dir.join(f)).expect("r")))
    .collect();
    let o = w.wizard(&["--type", "smime", "--email", "srv-a@test.local"]);
    assert!(o.status.success(), "{}", err(&o));
    let hist: Vec<PathBuf> = std::fs::read_dir(dir.join("historique"))
        .expect("historique")
        .flatten()
        .map(|e| e.path())
        .collect();
    assert_eq!(hist.len(), 1);
    for (name, bytes) in &first {
        assert_eq!(
            &std::fs::read(hist[0].join(name)).expect("moved"),
            bytes,
            "{name} lost"
        );
    }
    // The S/MIME certificate signs and verifies a message.
    let (key_pw, _) = w.passwords();
    let msg = w.stack.dir.join("msg.txt");
    std::fs::write(&msg, "Bonjour\n").expect("w");
    let signed = w.stack.dir.join("msg.p7s");
    tool_ok(
        "openssl",
        &[
            "smime",
            "-sign",
            "-in",
            &p(&msg),
            "-signer",
            &p(&dir.join("Requete_Wizard.crt")),
            "-inkey",
            &p(&dir.join("Requete_Wizard.key")),
            "-passin",
            &format!("pass:{key_pw}"),
            "-certfile",
            &p(&w.ra_dir.join("ca-chain.pem")),
            "-out",
            &p(&signed),
        ],
    );
    tool_ok(
        "openssl",
        &[
            "smime",
            "-verify",
            "-in",
            &p(&signed),
            "-CAfile",
            &p(&w.ra_dir.join("root.crt")),
            "-out",
            "/dev/null",
        ],
    );

    // The same .p7m mailed again (a new mail): DEMANDE_REJOUEE.
    let sent = support::mail::mailbox(&w.stack, INSCRIPTION);
    let original = sent
        .iter()
        .find(|m| String::from_utf8_lossy(m).contains("Demande de certificat serveur"))
        .expect("request mail");
    let text = String::from_utf8_lossy(original).into_owned();
    let replay: String = text
        .lines()
        .map(|l| {
            if l.to_ascii_lowercase().starts_with("message-id:") {
                "Message-ID: <replay-1@test.local>".to_string()
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\r\n");
    support::mail::deliver(&w.stack, INSCRIPTION.0, replay.as_bytes());
    let start = Instant::now();
    loop {
        let answers = support::mail::mailbox(&w.stack, support::services::ADMIN);
        if answers
            .iter()
            .any(|m| String::from_utf8_lossy(m).contains("REJET: DEMANDE_REJOUEE"))
        {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "no DEMANDE_REJOUEE answer"
        );
        std::thread::sleep(Duration::from_millis(300));
    }
}

#[test]
fn wizard_rejections_are_shown_and_final() {
    let w = world(HOLDER);
    // A server of another holder: sent anyway after a warning; ADMIN_INCONNU.
    let o = w.wizard(&["--type", "ssl", "--fqdn", "x.hopital.test.local"]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert!(err(&o).contains("not listed"), "{}", err(&o));
    assert!(err(&o).contains("ADMIN_INCONNU"), "{}", err(&o));
    let shown = ok(
        &w.ws,
        &["--json", "request", "show", "CleoWizard/Demande 1"],
    );
    assert!(
        shown.contains("\"rejected\"") && shown.contains("ADMIN_INCONNU"),
        "{shown}"
    );
    // The rehearsal server signs its rejections; the client checked it
    // against registration.certificate (DESIGN §4a).
    assert!(shown.contains("signature verified"), "{shown}");
    // A rejected request is never resent.
    assert_eq!(
        cleo(&w.ws, &["request", "send", "CleoWizard/Demande 1"])
            .status
            .code(),
        Some(1)
    );
    assert!(!w.wizard_dir().join("Requete_Wizard.crt").exists());
    // Its random passwords stay, private: its key is sealed under one, and
    // a certificate may still supersede the rejection (wizard_supersede).
    let pending = w.wizard_dir().join(".pending");
    let kept: Vec<_> = std::fs::read_dir(&pending)
        .expect("kept")
        .flatten()
        .collect();
    assert_eq!(kept.len(), 1, "{}", pending.display());
    let mode =
        std::os::unix::fs::PermissionsExt::mode(&kept[0].metadata().expect("meta").permissions())
            & 0o777;
    assert_eq!(mode, 0o600);

    // A card whose certificate is not from the card CA: CERTIFICAT_CARTE_INVALIDE.
    let foreign = SoftHsm::card();
    let o = w.wizard_with(
        &foreign,
        &["--type", "ssl", "--fqdn", "a.clinique.test.local"],
    );
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert!(err(&o).contains("CERTIFICAT_CARTE_INVALIDE"), "{}", err(&o));
}

#[test]
fn wizard_degraded_mode_when_ldap_is_down() {
    let mut w = world(HOLDER);
    w.stack.stop("slapd");
    // Without a name and without the directory, a script must say which flag.
    let o = w.wizard(&["--type", "ssl"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err(&o).contains("degraded") && err(&o).contains("--fqdn"),
        "{}",
        err(&o)
    );
    // Interactively, the wizard asks for the FQDN and succeeds (tmux, a real terminal).
    let script = format!(
        "'{}' --lang en --config '{}' --workspace '{}' wizard --type ssl --pin-file '{}' --wait 30 --interval 1; echo WIZARD-EXIT=$?; sleep 30",
        p(&bin()), p(&w.client_config), p(&w.ws), p(&w.pin)
    );
    let env = [
        format!("SOFTHSM2_CONF={}", p(&w.hsm.conf)),
        "CLEOCPS_POLL_INTERVAL_S=1".to_string(),
    ];
    let t = Tmux::sized("wizard", (100, 30), &w.stack.dir, &env, &script);
    let text = t.wait("server's full name (FQDN)", 40);
    assert!(text.contains("degraded procedure"), "{text}");
    t.text("a.clinique.test.local");
    t.keys(&["Enter"]);
    let text = t.wait("WIZARD-EXIT=", 40);
    assert!(text.contains("WIZARD-EXIT=0"), "{text}");
    assert!(w.wizard_dir().join("Requete_Wizard.p12").is_file());
}

/// A run stopped by a wrong PIN (request and keys made, nothing signed) is
/// taken up by `--resume`: the card read again, the PIN given anew, the
/// request signed and sent, the answer waited for and the files written.
#[test]
fn wizard_resume_after_a_wrong_pin_signs_sends_and_finishes() {
    let w = world(HOLDER);
    std::fs::write(&w.pin, "0000\n").expect("a wrong PIN");
    let o = w.wizard(&["--type", "ssl", "--fqdn", "a.clinique.test.local"]);
    assert!(!o.status.success(), "{}", err(&o));
    assert!(err(&o).contains("wrong PIN"), "{}", err(&o));
    assert!(!w.wizard_dir().join("Requete_Wizard.p12").exists());
    std::fs::write(&w.pin, format!("{PIN}\n")).expect("the PIN");
    let o = w.wizard(&["--resume"]);
    assert!(
        o.status.success(),
        "{}\nra: {}",
        err(&o),
        std::fs::read_to_string(w.stack.dir.join("ra.err")).unwrap_or_default()
    );
    let said = err(&o);
    assert!(said.contains("resuming CleoWizard/"), "{said}");
    assert!(said.contains("sent to the registration server"), "{said}");
    tool_ok(
        "openssl",
        &[
            "verify",
            "-CAfile",
            &p(&w.ra_dir.join("root.crt")),
            "-untrusted",
            &p(&w.ra_dir.join("ca-chain.pem")),
            &p(&w.wizard_dir().join("Requete_Wizard.crt")),
        ],
    );
    // Nothing left to resume.
    let o = w.wizard(&["--resume"]);
    assert!(!o.status.success());
    assert!(err(&o).contains("no CleoWizard run waiting"), "{}", err(&o));
}
