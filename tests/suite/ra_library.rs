//! `cleocps_ra::process` as the mail loop will call it: `.p7m` bytes and the
//! mail's metadata in, decision and answer out; a directory failure is no
//! decision (nothing remembered), and the server's settings are honoured.

use cleocps_core::directory::DirectoryError;
use cleocps_core::error::Error;
use cleocps_core::pki::{self, CsrSpec, KeySize, SanEntry};
use cleocps_ra::{
    self as ra, AdminDirectory, Decision, InitOptions, RaDir, RejectCode, RequestMeta,
};
use rsa::pkcs1v15::SigningKey;
use rsa::signature::{SignatureEncoding, Signer};
use sha2::Sha256;
use std::time::SystemTime;

const HOLDER: &str = "810001234567";

struct Fixed(Result<bool, DirectoryError>);

impl AdminDirectory for Fixed {
    fn administers(&self, _holder: &str, _name: &str) -> Result<bool, DirectoryError> {
        self.0.clone()
    }
}

fn server(dir: &std::path::Path) -> RaDir {
    let opts = InitOptions {
        ca_bits: KeySize::B2048,
        ..InitOptions::default()
    };
    ra::init(dir, &opts, SystemTime::now()).expect("init")
}

/// A request as the client makes it, signed by a card of `server`'s card CA.
fn p7m(server: &RaDir, bits: KeySize, spec: &CsrSpec) -> Vec<u8> {
    let holder = ra::CardHolderSpec {
        holder_id: HOLDER.into(),
        surname: "DUPONT".into(),
        given_name: "JEAN".into(),
        days: 30,
    };
    let (card_cert, card_key) =
        ra::make_card_holder(server, &holder, SystemTime::now()).expect("card");
    let key = pki::generate_key(bits).expect("key");
    let csr = pki::build_csr(&key, spec).expect("csr");
    let signer = SigningKey::<Sha256>::new(card_key);
    let signed = pki::cms::signed_data(&csr, &card_cert, SystemTime::now(), &mut |data| {
        Ok(signer.sign(data).to_vec())
    })
    .expect("signed");
    pki::cms::enveloped_data(&signed, &server.server).expect("enveloped")
}

fn smime_spec() -> CsrSpec {
    CsrSpec {
        c: Some("FR".into()),
        o: Some("Clinique".into()),
        cn: "messagerie@clinique.example.fr".into(),
        san: vec![SanEntry::Email("messagerie@clinique.example.fr".into())],
        ..CsrSpec::default()
    }
}

#[test]
fn directory_failure_decides_nothing_then_the_same_request_is_issued() {
    let t = tempfile::tempdir().expect("tmp");
    let server = server(&t.path().join("ra"));
    let request = p7m(&server, KeySize::B2048, &smime_spec());
    let meta = RequestMeta {
        message_id: Some("<abc@clinique.example.fr>".into()),
        ..RequestMeta::default()
    };
    let down = Fixed(Err(DirectoryError::ConnectionRefused(
        "ldap://127.0.0.1:1".into(),
    )));
    // A directory error, for the mail loop to try again later.
    assert!(matches!(
        ra::process(&server, &down, &request, &meta, SystemTime::now()),
        Err(Error::Directory(DirectoryError::ConnectionRefused(_)))
    ));
    assert_eq!(
        std::fs::read_dir(t.path().join("ra/seen"))
            .expect("seen")
            .count(),
        0
    );

    let up = Fixed(Ok(true));
    let done = ra::process(&server, &up, &request, &meta, SystemTime::now()).expect("process");
    let Decision::Issued(issued) = &done.decision else {
        panic!("issued expected: {:?}", done.decision);
    };
    assert_eq!(issued.holder, HOLDER);
    assert_eq!(
        issued.names,
        vec!["messagerie@clinique.example.fr".to_string()]
    );
    let certs = pki::parse_certificates(&done.answer).expect("p7c");
    assert_eq!(certs.len(), 3);
    let seen = std::fs::read_dir(t.path().join("ra/seen"))
        .expect("seen")
        .next()
        .expect("one entry")
        .expect("entry");
    let record = std::fs::read_to_string(seen.path()).expect("record");
    assert!(record.contains("<abc@clinique.example.fr>"), "{record}");
    // The answer of a replay (another mail) is a rejection body, whatever
    // the directory says.
    let other = RequestMeta {
        message_id: Some("<def@clinique.example.fr>".into()),
        ..RequestMeta::default()
    };
    let again = ra::process(&server, &up, &request, &other, SystemTime::now()).expect("again");
    assert!(matches!(
        again.decision,
        Decision::Rejected {
            code: RejectCode::DemandeRejouee,
            ..
        }
    ));
    assert!(String::from_utf8_lossy(&again.answer).starts_with("REJET: DEMANDE_REJOUEE\n"));
    // Signed by the registration server over the very text (DESIGN §4a).
    let signed = again.signature.as_deref().expect("a signed rejection");
    let (text, signer) = pki::cms::verify_signed(signed).expect("signature verifies");
    assert_eq!(text, again.answer);
    assert_eq!(signer, server.server);
    assert!(done.signature.is_none(), "a certificate needs no signature");
}

#[test]
fn legacy_keys_only_when_allowed_and_mixed_names_refused() {
    let t = tempfile::tempdir().expect("tmp");
    let mut server = server(&t.path().join("ra"));
    let yes = Fixed(Ok(true));
    let meta = RequestMeta::default();
    let ssl = CsrSpec {
        cn: "srv.clinique.example.fr".into(),
        san: vec![SanEntry::Dns("srv.clinique.example.fr".into())],
        ..CsrSpec::default()
    };
    let old = p7m(&server, KeySize::Legacy1024, &ssl);
    server.settings.allow_legacy_1024 = true;
    let done = ra::process(&server, &yes, &old, &meta, SystemTime::now()).expect("process");
    assert!(
        matches!(done.decision, Decision::Issued(_)),
        "{:?}",
        done.decision
    );

    let mut mixed = smime_spec();
    mixed
        .san
        .push(SanEntry::Dns("srv.clinique.example.fr".into()));
    let request = p7m(&server, KeySize::B2048, &mixed);
    let done = ra::process(&server, &yes, &request, &meta, SystemTime::now()).expect("process");
    assert!(matches!(
        done.decision,
        Decision::Rejected {
            code: RejectCode::CsrInvalide,
            ..
        }
    ));
}

#[test]
fn the_same_mail_again_gets_its_stored_answer_another_mail_is_a_replay() {
    let t = tempfile::tempdir().expect("tmp");
    let server = server(&t.path().join("ra"));
    let request = p7m(&server, KeySize::B2048, &smime_spec());
    let meta = |id: &str| RequestMeta {
        message_id: Some(id.into()),
        ..RequestMeta::default()
    };
    let yes = Fixed(Ok(true));
    let first =
        ra::process(&server, &yes, &request, &meta("m1@x"), SystemTime::now()).expect("first");
    let Decision::Issued(issued) = &first.decision else {
        panic!("issued expected: {:?}", first.decision);
    };
    assert!(!first.resumed);
    // The same mail read again (a crash or a failed store after the decision):
    // the stored answer, nothing issued anew, whatever the directory says now.
    let down = Fixed(Err(DirectoryError::ConnectionRefused("ldap://x".into())));
    let again =
        ra::process(&server, &down, &request, &meta("m1@x"), SystemTime::now()).expect("again");
    assert!(again.resumed);
    assert_eq!(again.answer, first.answer);
    let Decision::Issued(same) = &again.decision else {
        panic!("issued expected: {:?}", again.decision);
    };
    assert_eq!(same.summary.serial, issued.summary.serial);
    assert_eq!(same.names, issued.names);
    assert_eq!(
        std::fs::read_dir(t.path().join("ra/issued"))
            .expect("issued")
            .count(),
        1
    );
    // Another mail with the same signed content is a replay.
    let replay =
        ra::process(&server, &yes, &request, &meta("m2@x"), SystemTime::now()).expect("replay");
    assert!(matches!(
        replay.decision,
        Decision::Rejected {
            code: RejectCode::DemandeRejouee,
            ..
        }
    ));
}
