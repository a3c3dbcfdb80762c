//! Mail for the `ra serve` tests: request mails (good and hostile) put in a
//! Maildir, the server's configuration, and its answers read back.

use super::ca::cms_encrypt;
use super::ra::Server;
use super::{cleocps, output, s};
use cms::content_info::{CmsVersion, ContentInfo};
use cms::enveloped_data::{
    EncryptedContentInfo, EnvelopedData, KeyTransRecipientInfo, RecipientIdentifier, RecipientInfo,
    RecipientInfos,
};
use der::asn1::{OctetString, SetOfVec};
use der::{Any, Decode, DerOrd, Encode};
use lettre::message::header::ContentType;
use lettre::message::{Attachment, MultiPart, SinglePart};
use mail_parser::{MessageParser, MimeHeaders};
use std::path::{Path, PathBuf};
use std::process::Output;

/// The registration server's address; the requests come from the admin.
pub const RA_ADDR: &str = "inscription@ra.test";
pub const ADMIN_ADDR: &str = "admin@clinique.test";

/// Deterministic pseudo-random bytes.
pub fn noise(len: usize, seed: u32) -> Vec<u8> {
    let mut x = seed.wrapping_mul(2654435761) | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            (x >> 11) as u8
        })
        .collect()
}

/// A request mail as the client sends it: a text part and `name` attached
/// as `application/pkcs7-mime; smime-type=enveloped-data`.
pub fn request_mail(message_id: &str, from: &str, name: &str, p7m: &[u8]) -> Vec<u8> {
    lettre::Message::builder()
        .from(from.parse().expect("from"))
        .to(RA_ADDR.parse().expect("to"))
        .subject(format!("Demande de certificat serveur {message_id}"))
        .message_id(Some(format!("<{message_id}@clinique.test>")))
        .multipart(
            MultiPart::mixed()
                .singlepart(SinglePart::plain("Demande ci-jointe.\n".to_string()))
                .singlepart(
                    Attachment::new(name.into()).body(
                        p7m.to_vec(),
                        ContentType::parse("application/pkcs7-mime; smime-type=enveloped-data")
                            .expect("ctype"),
                    ),
                ),
        )
        .expect("mail")
        .formatted()
}

/// The same mail with a raw header line added on top (what lettre refuses to write).
pub fn with_header(raw: &[u8], line: &str) -> Vec<u8> {
    [format!("{line}\r\n").as_bytes(), raw].concat()
}

/// `<t>/mail/ra` (the server's Maildir) and `<t>/mail/admin/new` (its outbox).
pub struct Boxes {
    pub maildir: PathBuf,
    pub outbox: PathBuf,
}

impl Boxes {
    pub fn new(t: &Path) -> Boxes {
        let maildir = t.join("mail/ra");
        for sub in ["new", "cur", "tmp"] {
            std::fs::create_dir_all(maildir.join(sub)).expect("maildir");
        }
        let outbox = t.join("mail/admin/new");
        std::fs::create_dir_all(&outbox).expect("outbox");
        Boxes { maildir, outbox }
    }

    /// Drops a mail in `new/` (file names sort in delivery order).
    pub fn put(&self, name: &str, raw: &[u8]) {
        std::fs::write(self.maildir.join("new").join(name), raw).expect("mail");
    }

    /// The server's configuration: Maildir in, outbox out, plus `extra` keys.
    pub fn config(&self, t: &Path, extra: serde_json::Value) -> PathBuf {
        let mut c = serde_json::json!({
            "mail_from": RA_ADDR,
            "maildir": s(&self.maildir),
            "outbox": s(&self.outbox),
        });
        if let (Some(c), Some(e)) = (c.as_object_mut(), extra.as_object()) {
            c.extend(e.clone());
        }
        let p = t.join("ra-config.json");
        std::fs::write(&p, serde_json::to_vec_pretty(&c).expect("json")).expect("config");
        p
    }

    /// The answers written so far, parsed.
    pub fn answers(&self) -> Vec<Answer> {
        let mut files: Vec<_> = std::fs::read_dir(&self.outbox)
            .expect("outbox")
            .flatten()
            .map(|e| e.path())
            .collect();
        files.sort();
        files
            .iter()
            .map(|p| Answer::parse(&std::fs::read(p).expect("answer")))
            .collect()
    }
}

/// An answer mail of the server.
#[derive(Debug)]
pub struct Answer {
    pub to: String,
    pub in_reply_to: String,
    pub body: String,
    pub p7c: Option<Vec<u8>>,
}

impl Answer {
    pub fn parse(raw: &[u8]) -> Answer {
        let m = MessageParser::default().parse(raw).expect("answer parses");
        let to = m
            .to()
            .and_then(|a| a.first())
            .and_then(|a| a.address())
            .unwrap_or_default()
            .to_string();
        let in_reply_to = m.in_reply_to().as_text().unwrap_or_default().to_string();
        let p7c = m
            .attachments()
            .find(|a| a.attachment_name() == Some("smime.p7c"))
            .map(|a| a.contents().to_vec());
        Answer {
            to,
            in_reply_to,
            body: m.body_text(0).unwrap_or_default().into_owned(),
            p7c,
        }
    }

    /// The `REJET: <CODE>` of a rejection, if it is one.
    pub fn rejection(&self) -> Option<String> {
        self.body
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("REJET: "))
            .map(str::to_string)
    }
}

/// `cleocps --config <config> --json ra serve <dir> --once`.
pub fn serve_once(server: &Server, config: &Path) -> Output {
    output(
        cleocps(&server.t)
            .args(["--lang", "en", "--json", "--config"])
            .arg(config)
            .args(["ra", "serve"])
            .arg(&server.dir)
            .arg("--once"),
    )
}

/// [`serve_once`], asserting success; returns the round's JSON entries.
pub fn round_ok(server: &Server, config: &Path) -> Vec<serde_json::Value> {
    let o = serve_once(server, config);
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(o.status.success(), "ra serve --once failed: {err}");
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "ra serve --once --json: {e}: {}",
            String::from_utf8_lossy(&o.stdout)
        )
    });
    json.as_array().expect("an array").clone()
}

/// The entry of the round about the mail `<id@clinique.test>`.
pub fn entry<'a>(round: &'a [serde_json::Value], id: &str) -> &'a serde_json::Value {
    let mid = format!("{id}@clinique.test");
    round
        .iter()
        .find(|e| e["message_id"] == mid.as_str())
        .unwrap_or_else(|| panic!("no entry for {mid} in {round:#?}"))
}

/// The record files of the server in `DIR/<sub>/`.
pub fn records(server: &Server, sub: &str) -> Vec<serde_json::Value> {
    let Ok(rd) = std::fs::read_dir(server.file(sub)) else {
        return Vec::new();
    };
    rd.flatten()
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| serde_json::from_slice(&std::fs::read(e.path()).expect("record")).expect("json"))
        .collect()
}

/// Random bytes in an EnvelopedData to the server (openssl): it decrypts,
/// but holds no signed request.
pub fn random_p7m_to(server: &Server) -> Vec<u8> {
    let plain = server.t.join("random.bin");
    std::fs::write(&plain, noise(3000, 7)).expect("plain");
    let out = server.t.join("random.p7m");
    cms_encrypt(&plain, &server.file("inscription.crt"), &out)
}

/// An EnvelopedData naming the server `count` times, each with a bogus
/// encrypted key: opening it naively costs `count` RSA decryptions.
pub fn many_recipients(server: &Server, count: usize) -> Vec<u8> {
    let pem = std::fs::read(server.file("inscription.crt")).expect("crt");
    let cert = cleocps_core::pki::cert_from_pem_or_der(&pem).expect("cert");
    let ias = cms::cert::IssuerAndSerialNumber {
        issuer: cert.tbs_certificate.issuer.clone(),
        serial_number: cert.tbs_certificate.serial_number.clone(),
    };
    let rsa_encryption = x509_cert::spki::AlgorithmIdentifierOwned {
        oid: der::oid::db::rfc5912::RSA_ENCRYPTION,
        parameters: Some(Any::null()),
    };
    let mut infos: Vec<RecipientInfo> = (0..count)
        .map(|i| {
            let mut key = noise(256, i as u32 + 1);
            key[..4].copy_from_slice(&(i as u32).to_be_bytes());
            RecipientInfo::Ktri(KeyTransRecipientInfo {
                version: CmsVersion::V0,
                rid: RecipientIdentifier::IssuerAndSerialNumber(ias.clone()),
                key_enc_alg: rsa_encryption.clone(),
                enc_key: OctetString::new(key).expect("key"),
            })
        })
        .collect();
    // In DER order first: SetOfVec sorts by insertion, quadratic otherwise.
    infos.sort_by(|a, b| a.der_cmp(b).expect("comparable"));
    let iv = OctetString::new(noise(16, 3)).expect("iv");
    let ed = EnvelopedData {
        version: CmsVersion::V0,
        originator_info: None,
        recip_infos: RecipientInfos(SetOfVec::from_iter(infos).expect("set")),
        encrypted_content: EncryptedContentInfo {
            content_type: der::oid::db::rfc5911::ID_DATA,
            content_enc_alg: x509_cert::spki::AlgorithmIdentifierOwned {
                oid: der::oid::db::rfc5911::ID_AES_256_CBC,
                parameters: Some(Any::from_der(&iv.to_der().expect("iv")).expect("any")),
            },
            encrypted_content: Some(OctetString::new(noise(1024, 5)).expect("content")),
        },
        unprotected_attrs: None,
    };
    ContentInfo {
        content_type: der::oid::db::rfc5911::ID_ENVELOPED_DATA,
        content: Any::from_der(&ed.to_der().expect("ed")).expect("any"),
    }
    .to_der()
    .expect("content info")
}
