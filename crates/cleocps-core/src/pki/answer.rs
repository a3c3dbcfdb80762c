//! Importing the CA's answer (DESIGN §4): read certificates from whatever
//! file the CA or portal gave, find ours by its public key, order and check the chain.
use super::summary::*;
use super::summary::{rfc3339, san_names};
use super::verify::verifies;
use super::{PkiError, Result};
use crate::i18n::{tf, Lang};
use const_oid::db::{rfc4519, rfc5280};
use der::Decode;
use spki::SubjectPublicKeyInfoOwned;
use std::time::SystemTime;
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::name::Name;
use x509_cert::Certificate;

/// The imported answer: our certificate and its chain.
#[derive(Debug, Clone)]
pub struct Answer {
    /// The certificate whose public key is ours.
    pub leaf: Certificate,
    /// The leaf's issuer first, up to the root (or as far as the file goes).
    pub chain: Vec<Certificate>,
    /// Certificates of the file that are not part of the chain.
    pub leftovers: Vec<Certificate>,
    /// Oddities worth telling the user; the import still succeeds.
    pub warnings: Vec<AnswerWarning>,
}

/// Something odd about an answer that does not prevent its import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerWarning {
    /// The leaf has no subjectAltName.
    NoSan,
    /// The leaf has no keyUsage.
    NoKeyUsage,
    /// The leaf has no extendedKeyUsage.
    NoExtendedKeyUsage,
    /// The leaf's names (SAN, or CN without SAN) are not those of the request.
    NamesDiffer {
        expected: Vec<String>,
        found: Vec<String>,
    },
    /// This many certificates of the file are not in the chain.
    Leftovers(usize),
    /// The chain stops before a self-signed root.
    ChainIncomplete,
}

impl AnswerWarning {
    /// The warning in `lang`.
    pub fn localize(&self, lang: Lang) -> String {
        match self {
            AnswerWarning::NoSan => tf(lang, "pki.warn_no_san", &[]),
            AnswerWarning::NoKeyUsage => tf(lang, "pki.warn_no_key_usage", &[]),
            AnswerWarning::NoExtendedKeyUsage => tf(lang, "pki.warn_no_eku", &[]),
            AnswerWarning::NamesDiffer { expected, found } => tf(
                lang,
                "pki.warn_names_differ",
                &[&found.join(", "), &expected.join(", ")],
            ),
            AnswerWarning::Leftovers(n) => tf(lang, "pki.warn_leftovers", &[n]),
            AnswerWarning::ChainIncomplete => tf(lang, "pki.warn_chain_incomplete", &[]),
        }
    }
}

/// Finds our certificate (the one with `our_spki_der`), orders and verifies
/// its chain, and lists what is odd. `expected_names` are the form's FQDN and
/// extra names, or its e-mail; empty means "don't compare".
pub fn select_answer(
    certs: Vec<Certificate>,
    our_spki_der: &[u8],
    expected_names: &[String],
    now: SystemTime,
) -> Result<Answer> {
    let ours = SubjectPublicKeyInfoOwned::from_der(our_spki_der)
        .map_err(|e| PkiError::Crypto(e.to_string()))?;
    let (mut mine, mut pool): (Vec<Certificate>, Vec<Certificate>) = certs
        .into_iter()
        .partition(|c| same_key(&c.tbs_certificate.subject_public_key_info, &ours));
    if mine.is_empty() {
        return Err(PkiError::CertificateForAnotherKey);
    }
    // Several certificates for our key (a re-issue): take the valid one that lasts longest.
    mine.sort_by_key(|c| (is_valid_at(c, now), not_after(c)));
    let leaf = mine.pop().ok_or(PkiError::CertificateForAnotherKey)?;
    pool.extend(mine);

    let validity = &leaf.tbs_certificate.validity;
    if now < validity.not_before.to_system_time() {
        return Err(PkiError::LeafNotYetValid {
            not_before: rfc3339(validity.not_before.to_system_time()),
        });
    }
    if now > not_after(&leaf) {
        return Err(PkiError::LeafExpired {
            not_after: rfc3339(not_after(&leaf)),
        });
    }

    let mut warnings = Vec::new();
    let mut chain: Vec<Certificate> = Vec::new();
    let mut current = leaf.clone();
    loop {
        let tbs = &current.tbs_certificate;
        if same_name(&tbs.subject, &tbs.issuer) && verifies(&current, &tbs.subject_public_key_info)?
        {
            break; // self-signed: the root
        }
        let mut issuer_at = None;
        let mut candidates = 0;
        for (i, c) in pool.iter().enumerate() {
            if same_name(&c.tbs_certificate.subject, &tbs.issuer) {
                candidates += 1;
                if verifies(&current, &c.tbs_certificate.subject_public_key_info)? {
                    issuer_at = Some(i);
                    break;
                }
            }
        }
        match issuer_at {
            Some(i) => {
                let issuer = pool.remove(i);
                chain.push(issuer.clone());
                current = issuer;
            }
            None if candidates == 0 && !same_name(&tbs.subject, &tbs.issuer) => {
                warnings.push(AnswerWarning::ChainIncomplete);
                break;
            }
            None => {
                return Err(PkiError::BadSignature {
                    subject: tbs.subject.to_string(),
                })
            }
        }
    }

    warnings.extend(leaf_warnings(&leaf, expected_names));
    if !pool.is_empty() {
        warnings.push(AnswerWarning::Leftovers(pool.len()));
    }
    Ok(Answer {
        leaf,
        chain,
        leftovers: pool,
        warnings,
    })
}

fn leaf_warnings(leaf: &Certificate, expected_names: &[String]) -> Vec<AnswerWarning> {
    let mut warnings = Vec::new();
    let has = |oid| {
        leaf.tbs_certificate
            .extensions
            .iter()
            .flatten()
            .any(|e| e.extn_id == oid)
    };
    if !has(rfc5280::ID_CE_SUBJECT_ALT_NAME) {
        warnings.push(AnswerWarning::NoSan);
    }
    if !has(rfc5280::ID_CE_KEY_USAGE) {
        warnings.push(AnswerWarning::NoKeyUsage);
    }
    if !has(rfc5280::ID_CE_EXT_KEY_USAGE) {
        warnings.push(AnswerWarning::NoExtendedKeyUsage);
    }
    let expected = normalized(expected_names.iter().map(String::as_str));
    if !expected.is_empty() {
        let san: Vec<String> = san_names(leaf)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|n| match n {
                GeneralName::DnsName(d) => Some(d.as_str().to_string()),
                GeneralName::Rfc822Name(e) => Some(e.as_str().to_string()),
                _ => None,
            })
            .collect();
        // Without SAN, the CN is what clients look at.
        let found = if san.is_empty() {
            normalized(
                common_names(&leaf.tbs_certificate.subject)
                    .iter()
                    .map(String::as_str),
            )
        } else {
            normalized(san.iter().map(String::as_str))
        };
        if found != expected {
            warnings.push(AnswerWarning::NamesDiffer { expected, found });
        }
    }
    warnings
}

/// Lowercase, trimmed, sorted, without duplicates or blanks.
fn normalized<'a>(names: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut v: Vec<String> = names
        .map(|n| n.trim().to_ascii_lowercase())
        .filter(|n| !n.is_empty())
        .collect();
    v.sort();
    v.dedup();
    v
}

fn common_names(name: &Name) -> Vec<String> {
    name.0
        .iter()
        .flat_map(|rdn| rdn.0.iter())
        .filter(|atv| atv.oid == rfc4519::CN)
        .filter_map(|atv| {
            let any = atv.value.clone();
            any.decode_as::<String>()
                .ok()
                .or_else(|| std::str::from_utf8(any.value()).ok().map(str::to_string))
        })
        .collect()
}

fn is_valid_at(cert: &Certificate, now: SystemTime) -> bool {
    let v = &cert.tbs_certificate.validity;
    v.not_before.to_system_time() <= now && now <= v.not_after.to_system_time()
}

fn same_key(a: &SubjectPublicKeyInfoOwned, b: &SubjectPublicKeyInfoOwned) -> bool {
    a.algorithm.oid == b.algorithm.oid && a.subject_public_key == b.subject_public_key
}

/// Names match when their DER does, or (for CAs that re-encode strings
/// differently) their text does without case; the signature check decides anyway.
fn same_name(a: &Name, b: &Name) -> bool {
    a == b || a.to_string().eq_ignore_ascii_case(&b.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pki::certs::*;
    use crate::pki::public_key_der;
    use crate::pki::test_support::{make_pki, run, test_key, TestPki};
    use der::Encode;
    use std::path::Path;
    use std::process::Command;
    use std::time::Duration;

    fn read(p: &Path) -> Vec<u8> {
        std::fs::read(p).expect("read")
    }

    fn cert(p: &Path) -> Certificate {
        cert_from_pem_or_der(&read(p)).expect("cert")
    }

    /// `.p7c` of `files` made by openssl, DER and PEM.
    fn p7c(dir: &Path, files: &[&Path]) -> (Vec<u8>, Vec<u8>) {
        let mut out = Vec::new();
        for form in ["DER", "PEM"] {
            let path = dir.join(format!("answer.{form}"));
            let mut cmd = Command::new("openssl");
            cmd.args(["crl2pkcs7", "-nocrl", "-outform", form, "-out"])
                .arg(&path);
            for f in files {
                cmd.arg("-certfile").arg(f);
            }
            run(&mut cmd);
            out.push(read(&path));
        }
        let pem = out.pop().expect("pem");
        (out.pop().expect("der"), pem)
    }

    fn setup() -> (tempfile::TempDir, TestPki, Vec<u8>) {
        let dir = tempfile::tempdir().expect("tmp");
        let key = test_key();
        let pki = make_pki(dir.path(), &key, "srv.example.fr");
        let spki = public_key_der(&key.to_public_key()).expect("spki");
        (dir, pki, spki)
    }

    fn names(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn chain_ordered_from_shuffled_p7c_with_duplicates_and_leftovers() {
        let (dir, pki, spki) = setup();
        let files = [
            pki.root.as_path(),
            pki.stranger.as_path(),
            pki.leaf.as_path(),
            pki.root.as_path(),
            pki.inter.as_path(),
        ];
        let (der, pem) = p7c(dir.path(), &files);
        assert!(pem.starts_with(b"-----BEGIN PKCS7-----"));
        for bytes in [der, pem] {
            let certs = parse_certificates(&bytes).expect("parse");
            assert_eq!(certs.len(), 4, "duplicate removed");
            let answer =
                select_answer(certs, &spki, &names(&["SRV.example.fr"]), SystemTime::now())
                    .expect("answer");
            assert_eq!(answer.leaf, cert(&pki.leaf));
            assert_eq!(answer.chain, vec![cert(&pki.inter), cert(&pki.root)]);
            assert_eq!(answer.leftovers, vec![cert(&pki.stranger)]);
            assert_eq!(answer.warnings, vec![AnswerWarning::Leftovers(1)]);
        }
    }

    #[test]
    fn pem_bundle_der_cert_and_warnings() {
        let (_dir, pki, spki) = setup();
        // A PEM bundle, inter before leaf, with text around (as `openssl x509 -text` leaves).
        let bundle = [b"some text\n".to_vec(), read(&pki.inter), read(&pki.leaf)].concat();
        let certs = parse_certificates(&bundle).expect("bundle");
        let answer = select_answer(
            certs,
            &spki,
            &names(&["other.example.fr"]),
            SystemTime::now(),
        )
        .expect("answer");
        assert_eq!(answer.chain, vec![cert(&pki.inter)]);
        assert_eq!(
            answer.warnings,
            vec![
                AnswerWarning::ChainIncomplete,
                AnswerWarning::NamesDiffer {
                    expected: names(&["other.example.fr"]),
                    found: names(&["srv.example.fr"]),
                }
            ]
        );
        // A single DER certificate.
        let der = cert(&pki.leaf).to_der().expect("der");
        let certs = parse_certificates(&der).expect("der");
        assert_eq!(certs, vec![cert(&pki.leaf)]);
        let answer = select_answer(certs, &spki, &[], SystemTime::now()).expect("answer");
        assert_eq!(answer.warnings, vec![AnswerWarning::ChainIncomplete]);
        for w in &answer.warnings {
            assert!(!w.localize(Lang::En).is_empty());
        }
    }

    #[test]
    fn another_key_expiry_and_tampering_are_refused() {
        let (dir, pki, spki) = setup();
        let all = vec![cert(&pki.leaf), cert(&pki.inter), cert(&pki.root)];
        let other = public_key_der(&test_key().to_public_key()).expect("spki");
        assert_eq!(
            select_answer(all.clone(), &other, &[], SystemTime::now()).err(),
            Some(PkiError::CertificateForAnotherKey)
        );
        let later = SystemTime::now() + Duration::from_secs(40 * 86400);
        assert!(matches!(
            select_answer(all.clone(), &spki, &[], later),
            Err(PkiError::LeafExpired { .. })
        ));
        let earlier = SystemTime::now() - Duration::from_secs(86400);
        assert!(matches!(
            select_answer(all.clone(), &spki, &[], earlier),
            Err(PkiError::LeafNotYetValid { .. })
        ));
        // Flip a bit of the intermediate's signature.
        let mut inter_der = cert(&pki.inter).to_der().expect("der");
        let last = inter_der.len() - 1;
        inter_der[last] ^= 1;
        let tampered = vec![
            cert(&pki.leaf),
            Certificate::from_der(&inter_der).expect("der"),
            cert(&pki.root),
        ];
        match select_answer(tampered, &spki, &[], SystemTime::now()) {
            Err(PkiError::BadSignature { subject }) => {
                assert!(subject.contains("Test Intermediate"), "{subject}")
            }
            other => panic!("{other:?}"),
        }
        // And the leaf's: no issuer verifies it.
        let mut leaf_der = cert(&pki.leaf).to_der().expect("der");
        let last = leaf_der.len() - 1;
        leaf_der[last] ^= 1;
        let tampered = vec![
            Certificate::from_der(&leaf_der).expect("der"),
            cert(&pki.inter),
        ];
        assert!(matches!(
            select_answer(tampered, &spki, &[], SystemTime::now()),
            Err(PkiError::BadSignature { .. })
        ));
        drop(dir);
    }

    #[test]
    fn damaged_files_get_distinct_errors() {
        let (dir, pki, _) = setup();
        let (der, pem) = p7c(dir.path(), &[pki.leaf.as_path(), pki.inter.as_path()]);
        assert_eq!(parse_certificates(b"").err(), Some(PkiError::EmptyAnswer));
        assert_eq!(
            parse_certificates(b" \n").err(),
            Some(PkiError::EmptyAnswer)
        );
        assert_eq!(
            parse_certificates(&der[..der.len() / 2]).err(),
            Some(PkiError::Truncated)
        );
        assert_eq!(
            parse_certificates(&pem[..pem.len() / 2]).err(),
            Some(PkiError::Truncated)
        );
        let random: Vec<u8> = (0..500u32).map(|i| (i * 7919 % 251) as u8).collect();
        assert_eq!(
            parse_certificates(&random).err(),
            Some(PkiError::NotCertificates)
        );
        assert_eq!(
            parse_certificates(b"hello, this is a mail").err(),
            Some(PkiError::NotCertificates)
        );
        // BER: the outer SEQUENCE with an indefinite length.
        assert_eq!(
            parse_certificates(&[0x30, 0x80, 0x06, 0x09, 0, 0, 0, 0]).err(),
            Some(PkiError::BerNotSupported)
        );
        // A certs-only PKCS#7 with no certificate (a rejection).
        let empty = dir.path().join("empty.p7c");
        run(Command::new("openssl")
            .args(["crl2pkcs7", "-nocrl", "-outform", "DER", "-out"])
            .arg(&empty));
        assert_eq!(
            parse_certificates(&read(&empty)).err(),
            Some(PkiError::NoCertificate)
        );
    }

    #[test]
    fn summary_and_pem_round_trip() {
        let (_dir, pki, _) = setup();
        let leaf = cert(&pki.leaf);
        let s = summarize(&leaf);
        assert!(s.subject.contains("CN=srv.example.fr"), "{}", s.subject);
        assert!(s.issuer.contains("CN=Test Intermediate"), "{}", s.issuer);
        assert_eq!(s.san, names(&["DNS:srv.example.fr"]));
        assert!(s.not_after.ends_with('Z'), "{}", s.not_after);
        let openssl_fp = run(Command::new("openssl")
            .args(["x509", "-noout", "-fingerprint", "-sha256", "-in"])
            .arg(&pki.leaf));
        assert!(openssl_fp.contains(&s.sha256_fingerprint), "{openssl_fp}");
        let serial = run(Command::new("openssl")
            .args(["x509", "-noout", "-serial", "-in"])
            .arg(&pki.leaf));
        assert_eq!(serial.trim(), format!("serial={}", s.serial));
        let pem = certs_pem(&[leaf.clone(), cert(&pki.inter)]).expect("pem");
        assert_eq!(
            parse_certificates(pem.as_bytes()).expect("parse"),
            vec![leaf.clone(), cert(&pki.inter)]
        );
        assert!(not_after(&leaf) > SystemTime::now());
    }

    /// The real IGC-Santé test certificates, when the reference files are present.
    #[test]
    fn igc_sante_reference_certificates() {
        let dir = Path::new("/work/shared/reference/igc-sante-test");
        if !dir.exists() {
            return;
        }
        let leaf = cert(&dir.join("serv-ssl-leaf.pem"));
        let inter = cert(&dir.join("ac-elementaire-organisations-test.pem"));
        let root = cert(&dir.join("ac-racine-elementaire-test.pem"));
        let spki = leaf
            .tbs_certificate
            .subject_public_key_info
            .to_der()
            .expect("spki");
        let when =
            leaf.tbs_certificate.validity.not_before.to_system_time() + Duration::from_secs(86400);
        let answer = select_answer(
            vec![root.clone(), leaf.clone(), inter.clone()],
            &spki,
            &[],
            when,
        )
        .expect("IGC-Santé chain");
        assert_eq!(answer.chain, vec![inter, root]);
        assert!(answer.warnings.is_empty(), "{:?}", answer.warnings);
        let s = summarize(&leaf);
        assert!(s.san.iter().filter(|n| n.starts_with("DNS:")).count() >= 2);
    }
}
