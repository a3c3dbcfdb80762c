//! Étape 3 when the platform made the key: its `.p12` (an ORG AUTH_CLI
//! certificate, `CN=INSI-AUTO`, EKU clientAuth, made the platform's way:
//! key bag 3DES, certificates unencrypted, SHA-1 MAC, 2 048 iterations)
//! taken into an existing request, which then holds that key under the
//! password chosen; a wrong password, an untrusted CA or a contradicting
//! usage leave the request as it was.

use crate::support;

use cleocps_core::procedure::import_platform_p12;
use cleocps_core::request::{RequestType, State};
use cleocps_core::secret::Secret;
use cleocps_core::trust::TrustConfig;
use cleocps_core::workspace::Workspace;
use std::path::{Path, PathBuf};
use support::ca::{new_csr, Key};
use support::*;

const SUBJECT: &str = "/C=FR/ST=Paris (75)/O=HOPITAL DES 3. DAMES/OU=11B0073160/CN=INSI-AUTO";

/// A key and a certificate `ca` issued with `ext`, as the platform's `.p12`.
fn platform_p12(t: &Path, ca: &TestCa, name: &str, ext: &str) -> PathBuf {
    let (key, csr) = new_csr(t, name, SUBJECT, Key::Rsa);
    let crt = ca.issue_ext(&csr, name, ext);
    let out = t.join(format!("{name}.p12"));
    tool_ok(
        "openssl",
        &[
            "pkcs12",
            "-export",
            "-legacy",
            "-macalg",
            "sha1",
            "-iter",
            "2048",
            "-passout",
            "pass:pw-p12",
            "-inkey",
            s(&key),
            "-in",
            s(&crt),
            "-certfile",
            s(&ca.inter),
            "-name",
            "INSI-AUTO",
            "-out",
            s(&out),
        ],
    );
    out
}

const AUTH_CLI: &str =
    "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\n";
const SERVER: &str =
    "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n";

fn workspace(t: &Path, ca: &TestCa) -> Workspace {
    let ws = Workspace::open(&t.join("ws")).expect("ws");
    ws.create_folder(Some("ORG")).expect("folder");
    ws.create_request(
        "ORG",
        Some("insi"),
        RequestType::OrgAuthCli,
        "2026-03-02T09:15:00Z",
    )
    .expect("request");
    ws.with_trust(TrustConfig {
        anchors: vec![ca.root.to_string_lossy().into_owned()],
        intermediates: None,
    })
}

#[test]
fn the_platforms_p12_gives_the_request_its_key_and_certificate() {
    let tmp = tempfile::tempdir().expect("tmp");
    let t = tmp.path();
    let ca = TestCa::new(t);
    let ws = workspace(t, &ca);
    let p12 = std::fs::read(platform_p12(t, &ca, "insi", AUTH_CLI)).expect("p12");

    // A wrong password: refused, nothing written.
    let before = snapshot(&t.join("ws"));
    let wrong = import_platform_p12(&ws, "ORG/insi", &p12, &Secret::new("nope"), None);
    assert!(wrong.is_err());
    assert_eq!(snapshot(&t.join("ws")), before);

    let keep = Secret::new("pw-ws");
    let (req, report) =
        import_platform_p12(&ws, "ORG/insi", &p12, &Secret::new("pw-p12"), Some(&keep))
            .expect("imported");
    assert_eq!(req.state, State::CertificateImported);
    assert_eq!(req.subject.cn.as_deref(), Some("INSI-AUTO"));
    assert_eq!(req.key_encrypted, Some(true));
    assert!(!report.leaf.serial.is_empty());
    let dir = t.join("ws/dossiers/ORG/insi");
    // The key is encrypted under the password chosen, 0600, and matches the certificate.
    let key = dir.join("insi.key");
    assert!(std::fs::read_to_string(&key)
        .expect("key")
        .contains("ENCRYPTED PRIVATE KEY"));
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&key).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let key_mod = tool_ok(
        "openssl",
        &[
            "rsa",
            "-in",
            s(&key),
            "-passin",
            "pass:pw-ws",
            "-noout",
            "-modulus",
        ],
    );
    let crt_mod = tool_ok(
        "openssl",
        &[
            "x509",
            "-in",
            s(&dir.join("insi.crt")),
            "-noout",
            "-modulus",
        ],
    );
    assert_eq!(key_mod, crt_mod);
    let show: serde_json::Value = serde_json::from_str(&ok(
        &t.join("ws"),
        &["--json", "request", "show", "ORG/insi"],
    ))
    .expect("json");
    assert_eq!(
        show["journal"]
            .as_array()
            .expect("journal")
            .last()
            .expect("entry")["action"],
        "response_import"
    );

    // Once certified, another `.p12` is refused.
    let again = import_platform_p12(&ws, "ORG/insi", &p12, &Secret::new("pw-p12"), None);
    assert!(again.is_err());
}

#[test]
fn an_untrusted_ca_or_a_contradicting_usage_is_refused() {
    let tmp = tempfile::tempdir().expect("tmp");
    let t = tmp.path();
    let ca = TestCa::new(t);
    let ws = workspace(t, &ca);
    let server = std::fs::read(platform_p12(t, &ca, "server", SERVER)).expect("p12");
    let err = import_platform_p12(&ws, "ORG/insi", &server, &Secret::new("pw-p12"), None)
        .expect_err("serverAuth for ORG AUTH_CLI");
    let text = err.to_string();
    assert!(text.contains("clientAuth"), "{text}");

    std::fs::create_dir(t.join("other")).expect("dir");
    let other = TestCa::new(&t.join("other"));
    let p12 = std::fs::read(platform_p12(t, &other, "elsewhere", AUTH_CLI)).expect("p12");
    assert!(import_platform_p12(&ws, "ORG/insi", &p12, &Secret::new("pw-p12"), None).is_err());
    let req = ws.find("ORG/insi").expect("request");
    assert_eq!(req.state, State::New);
}

/// In the interface: Étape 3's `I` asks the `.p12`, its password, whether
/// to keep the key under a password (typed twice), then the job takes it.
#[test]
fn the_interface_asks_the_file_its_password_then_the_key_password() {
    use cleocps::i18n::Lang;
    use cleocps::tui::action::Step;
    use cleocps::tui::job::{Cx, Work};
    use cleocps::tui::jobs as work;
    use cleocps::tui::{term, tree, update, Action, TuiContext};
    use std::sync::atomic::AtomicBool;
    use support::tui::{job, typed};

    let tmp = tempfile::tempdir().expect("tmp");
    let t = tmp.path();
    let ca = TestCa::new(t);
    let ws = workspace(t, &ca);
    let p12 = platform_p12(t, &ca, "insi", AUTH_CLI);
    let mut app = term::load(&ws, Lang::Fr).expect("load");
    assert!(tree::select(&mut app, "ORG/insi"));
    app.step = Step::Final;
    let screen = support::tui::render(&app, 80, 24);
    assert!(
        screen.contains("la plateforme a fait la clé : I importe"),
        "{screen}"
    );

    update(&mut app, Action::ImportPlatformP12);
    update(&mut app, Action::Edit(tui_input::InputRequest::DeleteLine));
    typed(&mut app, s(&p12));
    update(&mut app, Action::Submit);
    assert!(support::tui::render(&app, 80, 24).contains("Mot de passe du .p12"));
    typed(&mut app, "pw-p12");
    update(&mut app, Action::Submit);
    assert!(support::tui::render(&app, 80, 24).contains("Protéger la clé"));
    update(&mut app, Action::Submit);
    typed(&mut app, "pw-ws");
    update(&mut app, Action::Submit);
    typed(&mut app, "pw-ws");
    let import: work::ImportPlatformP12 =
        job(update(&mut app, Action::Submit)).expect("the import job");
    assert_eq!(import.p12_password.expose(), "pw-p12");
    assert_eq!(
        import.key_password.as_ref().map(|k| k.expose()),
        Some("pw-ws")
    );

    let stop = AtomicBool::new(false);
    let ctx = TuiContext::default();
    let cx = Cx {
        ws: &ws,
        ctx: &ctx,
        lang: Lang::Fr,
        progress: &|_, _| {},
        stop: &stop,
    };
    let done = Box::new(import).run(&cx).expect("imported");
    assert!(done
        .message
        .as_deref()
        .is_some_and(|m| m.contains("clé et son certificat")));
    assert_eq!(
        ws.find("ORG/insi").expect("req").state,
        State::CertificateImported
    );
}

/// `response import-p12`: the same, from the command line, in French.
#[test]
fn response_import_p12_on_the_command_line() {
    let tmp = tempfile::tempdir().expect("tmp");
    let t = tmp.path();
    let ca = TestCa::new(t);
    let _ = workspace(t, &ca);
    let ws = t.join("ws");
    let p12 = platform_p12(t, &ca, "insi", AUTH_CLI);
    let pp = secret_file(t, "pp", "pw-p12");
    let args = [
        "response",
        "import-p12",
        "ORG/insi",
        "--p12",
        s(&p12),
        "--p12-password-file",
        s(&pp),
        "--no-key-password",
        "--trust-anchor",
        s(&ca.root),
    ];
    ok(&ws, &args);
    let key = ws.join("dossiers/ORG/insi/insi.key");
    assert!(std::fs::read_to_string(&key)
        .expect("key")
        .contains("BEGIN PRIVATE KEY"));
    // Once certified, a second one is refused, in French.
    let out = cleo(&ws, &[&["--lang", "fr"], &args[..]].concat());
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.is_empty() && !err.contains("refused"), "{err}");
}
