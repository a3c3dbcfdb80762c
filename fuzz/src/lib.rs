//! The fuzz targets' bodies, one function per target. Each takes any bytes
//! and must return without panicking; errors are the expected outcome.
//! `fuzz_targets/*.rs` call them under libFuzzer (nightly), and
//! `tests/suite/fuzz_replay.rs` replays `fuzz/corpus/` and `fuzz/regressions/`
//! through them on stable, so every crash found stays fixed.

use cleocps_core::answer_mail;
use cleocps_core::config::Config;
use cleocps_core::mail::trust;
use cleocps_core::pki::answer::{select_answer, Expected};
use cleocps_core::pki::{self, TrustStore, Usage};
use cleocps_core::request::{Action, Request, RequestType};
use cleocps_core::trust::TrustConfig;
use cleocps_ra::{ConfiguredDirectory, InitOptions, RaDir, RequestMeta};
use der::Encode;
use std::path::Path;
use std::sync::OnceLock;
use std::time::{Duration, SystemTime};

/// A real IGC-Santé test leaf: its key plays "our key", so an input holding
/// it goes through path building and the usage checks.
const LEAF_PEM: &[u8] = include_bytes!("../fixtures/serv-ssl-leaf.pem");

struct AnswerSetup {
    spki: Vec<u8>,
    store: TrustStore,
    now: SystemTime,
}

fn answer_setup() -> &'static AnswerSetup {
    static SETUP: OnceLock<AnswerSetup> = OnceLock::new();
    SETUP.get_or_init(|| {
        let leaf = pki::cert_from_pem_or_der(LEAF_PEM).expect("fixture leaf");
        let tbs = &leaf.tbs_certificate;
        let trust = TrustConfig {
            anchors: vec!["igc-sante".into(), "igc-sante-test".into()],
            intermediates: None,
        };
        AnswerSetup {
            spki: tbs.subject_public_key_info.to_der().expect("spki"),
            store: trust.load().expect("built-in anchors"),
            now: tbs.validity.not_before.to_system_time() + Duration::from_secs(86_400),
        }
    })
}

/// The answer file parser (`.p7c`/`.p7b` in DER, BER or PEM, bare base64,
/// PEM bundles, DER) and the answer's checks.
pub fn answer(data: &[u8]) {
    let setup = answer_setup();
    let _ = pki::cert_from_pem_or_der(data);
    let Ok(certs) = pki::parse_certificates(data) else {
        return;
    };
    for cert in &certs {
        let _ = pki::summarize(cert);
    }
    let names = ["serveur.example.fr".to_string()];
    for usage in [
        Usage::ServerAuth,
        Usage::EmailProtection,
        Usage::ClientAuth,
        Usage::Signature,
        Usage::Encipherment,
    ] {
        let expected = Expected {
            spki: &setup.spki,
            names: &names,
            usage,
            request: usage.platform_name(),
            san: true,
        };
        let _ = select_answer(certs.clone(), &expected, &setup.store, setup.now);
    }
}

fn sample_request() -> Request {
    let mut req = Request::new("D", "R", RequestType::Ssl, "2026-01-01T00:00:00Z");
    req.id = "CPS-0123456789".into();
    req.message_id = Some("<req.1@cleocps>".into());
    req
}

/// The incoming-mail parser, the matcher and the rejection rules (DESIGN §4a, §5).
pub fn mail(data: &[u8]) {
    let Some(inc) = answer_mail::parse(data) else {
        return;
    };
    let req = sample_request();
    let spki = &answer_setup().spki;
    let _ = answer_mail::matches(&inc, &req, Some(spki));
    let _ = answer_mail::claimed_elsewhere(&inc, &req, std::slice::from_ref(&req));
    let mut config = Config::default();
    config.registration.address = Some("inscription@example.fr".into());
    let signer = match &inc.kind {
        answer_mail::AnswerKind::Rejection { signer, .. } => signer.clone(),
        answer_mail::AnswerKind::Certificates(bytes) => {
            let _ = pki::parse_certificates(bytes);
            None
        }
    };
    let _ = trust::rejection_counts(&config, &req, &inc, signer.as_deref());
}

struct RaSetup {
    ra: RaDir,
    directory: ConfiguredDirectory,
}

/// A registration server kept between runs in the temp directory: making
/// its four keys takes minutes under the fuzzing sanitizers.
fn ra_setup() -> &'static RaSetup {
    static SETUP: OnceLock<RaSetup> = OnceLock::new();
    SETUP.get_or_init(|| {
        let dir = std::env::temp_dir().join("cleocps-fuzz-ra");
        let ra = RaDir::open(&dir).unwrap_or_else(|_| {
            let opts = InitOptions {
                ca_bits: pki::KeySize::B2048,
                force: true,
                ..InitOptions::default()
            };
            cleocps_ra::init(&dir, &opts, SystemTime::now()).expect("ra init")
        });
        let file = dir.join("fuzz-directory.json");
        std::fs::write(&file, br#"{"servers":[]}"#).expect("directory file");
        let directory = ConfiguredDirectory::file(&file);
        RaSetup { ra, directory }
    })
}

/// Builds what the targets need before the first input (not timed).
pub fn init() {
    answer_setup();
    ra_setup();
}

/// The rehearsal server's opening of a request: the first byte chooses
/// between the raw `.p7m` (decryption) and the rest enveloped to the server
/// (so the signed content inside is what gets fuzzed).
pub fn ra_cms(data: &[u8]) {
    let Some((&choice, rest)) = data.split_first() else {
        return;
    };
    let setup = ra_setup();
    let p7m = if choice & 1 == 0 {
        rest.to_vec()
    } else {
        match pki::cms::enveloped_data(rest, &setup.ra.server) {
            Ok(p7m) => p7m,
            Err(_) => return,
        }
    };
    let meta = RequestMeta {
        message_id: Some("<fuzz@cleocps>".into()),
        from: Some("admin@example.fr".into()),
        subject: Some("fuzz".into()),
    };
    let _ = cleocps_ra::process(&setup.ra, &setup.directory, &p7m, &meta, SystemTime::now());
}

/// The configuration loader and its checks.
pub fn config(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(config) = Config::parse(Path::new("fuzz.json"), text) {
        let _ = config.check();
        let _ = config.lang();
        let _ = config.max_message_bytes();
        let _ = config.trust.load();
    }
}

/// The `request.json` loader, and what is computed from a loaded request.
pub fn request_json(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(req) = Request::from_json(text) {
        let _ = req.names();
        let _ = req.path();
        for action in Action::ALL {
            let _ = req.check(action);
        }
        let _ = serde_json::to_string(&req);
    }
}
