//! Importing the CA's answer (DESIGN §4): read certificates from whatever
//! file the CA or portal gave, find ours by its public key, check its path
//! up to a trust anchor (§4a).
use super::path::{build_path, TrustStore};
use super::summary::*;
use super::summary::{common_names, rfc3339, san_names};
use super::usage::{check_usage, Usage};
use super::{PkiError, Result};
use crate::i18n::{tf, Lang};
use const_oid::db::rfc5280;
use der::Decode;
use spki::SubjectPublicKeyInfoOwned;
use std::time::SystemTime;
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::Certificate;

/// The imported answer: our certificate and its chain.
#[derive(Debug, Clone)]
pub struct Answer {
    /// The certificate whose public key is ours.
    pub leaf: Certificate,
    /// The leaf's issuer first, up to the trust anchor (included).
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
    /// The answer lacked this issuer's certificate; it was fetched from this URL (AIA).
    IssuerFetched { subject: String, url: String },
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
            AnswerWarning::IssuerFetched { subject, url } => {
                tf(lang, "pki.warn_issuer_fetched", &[subject, url])
            }
        }
    }
}

/// What the answer must hold: a certificate for our key, for the form's
/// names, usable for the request's type.
#[derive(Debug, Clone, Copy)]
pub struct Expected<'a> {
    /// Our public key (SubjectPublicKeyInfo, DER), from the CSR.
    pub spki: &'a [u8],
    /// The form's FQDN and extra names, or its e-mail; empty: "don't compare".
    pub names: &'a [String],
    pub usage: Usage,
    /// The platform's name of the request's type, for a refusal.
    pub request: &'static str,
    /// The certificate should carry a subjectAltName (a server's; an ORG
    /// certificate names a service and has none).
    pub san: bool,
}

/// Finds our certificate (the one with our public key), checks its path up to
/// a trust anchor of `store` (DESIGN §4a) and lists what is odd.
pub fn select_answer(
    certs: Vec<Certificate>,
    expected: &Expected<'_>,
    store: &TrustStore,
    now: SystemTime,
) -> Result<Answer> {
    let ours = SubjectPublicKeyInfoOwned::from_der(expected.spki)
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
    check_usage(&leaf, expected.usage, expected.request)?;
    let candidates: Vec<Certificate> = pool.iter().chain(&store.intermediates).cloned().collect();
    let chain = build_path(&leaf, &candidates, &store.anchors, now)?;

    let leftovers: Vec<Certificate> = pool.into_iter().filter(|c| !chain.contains(c)).collect();
    let mut warnings = leaf_warnings(&leaf, expected);
    if !leftovers.is_empty() {
        warnings.push(AnswerWarning::Leftovers(leftovers.len()));
    }
    Ok(Answer {
        leaf,
        chain,
        leftovers,
        warnings,
    })
}

fn leaf_warnings(leaf: &Certificate, expected: &Expected<'_>) -> Vec<AnswerWarning> {
    let mut warnings = Vec::new();
    let has = |oid| {
        leaf.tbs_certificate
            .extensions
            .iter()
            .flatten()
            .any(|e| e.extn_id == oid)
    };
    if expected.san && !has(rfc5280::ID_CE_SUBJECT_ALT_NAME) {
        warnings.push(AnswerWarning::NoSan);
    }
    if !has(rfc5280::ID_CE_KEY_USAGE) {
        warnings.push(AnswerWarning::NoKeyUsage);
    }
    // SIGN and CONF are told by the key usage alone.
    let eku_usage = !matches!(expected.usage, Usage::Signature | Usage::Encipherment);
    if eku_usage && !has(rfc5280::ID_CE_EXT_KEY_USAGE) {
        warnings.push(AnswerWarning::NoExtendedKeyUsage);
    }
    let expected = normalized(expected.names.iter().map(String::as_str));
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

fn is_valid_at(cert: &Certificate, now: SystemTime) -> bool {
    let v = &cert.tbs_certificate.validity;
    v.not_before.to_system_time() <= now && now <= v.not_after.to_system_time()
}

fn same_key(a: &SubjectPublicKeyInfoOwned, b: &SubjectPublicKeyInfoOwned) -> bool {
    a.algorithm.oid == b.algorithm.oid && a.subject_public_key == b.subject_public_key
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pki::certs::*;
    use crate::pki::public_key_der;
    use crate::pki::test_support::{cert, make_pki, p7c, read, test_key, TestPki};
    use der::Encode;
    use std::time::Duration;

    fn setup() -> (tempfile::TempDir, TestPki, Vec<u8>, TrustStore) {
        let dir = tempfile::tempdir().expect("tmp");
        let key = test_key();
        let pki = make_pki(dir.path(), &key, "srv.example.fr");
        let spki = public_key_der(&key.to_public_key()).expect("spki");
        let store = TrustStore {
            anchors: vec![cert(&pki.root)],
            intermediates: vec![],
        };
        (dir, pki, spki, store)
    }

    fn expected<'a>(spki: &'a [u8], names: &'a [String]) -> Expected<'a> {
        Expected {
            spki,
            names,
            usage: Usage::ServerAuth,
            request: "SERV SSL_SERV",
            san: true,
        }
    }

    fn names(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn chain_ordered_from_shuffled_p7c_with_duplicates_and_leftovers() {
        let (dir, pki, spki, store) = setup();
        let files = [
            pki.root.as_path(),
            pki.stranger.as_path(),
            pki.leaf.as_path(),
            pki.root.as_path(),
            pki.inter.as_path(),
        ];
        let (der, pem) = p7c(dir.path(), &files);
        assert!(pem.starts_with(b"-----BEGIN PKCS7-----"));
        let wanted = names(&["SRV.example.fr"]);
        for bytes in [der, pem] {
            let certs = parse_certificates(&bytes).expect("parse");
            assert_eq!(certs.len(), 4, "duplicate removed");
            let answer = select_answer(certs, &expected(&spki, &wanted), &store, SystemTime::now())
                .expect("answer");
            assert_eq!(answer.leaf, cert(&pki.leaf));
            assert_eq!(answer.chain, vec![cert(&pki.inter), cert(&pki.root)]);
            assert_eq!(answer.leftovers, vec![cert(&pki.stranger)]);
            assert_eq!(answer.warnings, vec![AnswerWarning::Leftovers(1)]);
        }
    }

    #[test]
    fn pem_bundle_der_cert_and_warnings() {
        let (_dir, pki, spki, mut store) = setup();
        // A PEM bundle, inter before leaf, with text around (as `openssl x509 -text` leaves).
        let bundle = [b"some text\n".to_vec(), read(&pki.inter), read(&pki.leaf)].concat();
        let certs = parse_certificates(&bundle).expect("bundle");
        let other = names(&["other.example.fr"]);
        let answer = select_answer(certs, &expected(&spki, &other), &store, SystemTime::now())
            .expect("answer");
        assert_eq!(
            answer.chain,
            vec![cert(&pki.inter), cert(&pki.root)],
            "the anchor ends it"
        );
        assert_eq!(
            answer.warnings,
            vec![AnswerWarning::NamesDiffer {
                expected: names(&["other.example.fr"]),
                found: names(&["srv.example.fr"]),
            }]
        );
        // A single DER certificate: its issuer comes from the known intermediates.
        let der = cert(&pki.leaf).to_der().expect("der");
        let certs = parse_certificates(&der).expect("der");
        assert_eq!(certs, vec![cert(&pki.leaf)]);
        store.intermediates = vec![cert(&pki.stranger), cert(&pki.inter)];
        let answer =
            select_answer(certs, &expected(&spki, &[]), &store, SystemTime::now()).expect("answer");
        assert_eq!(answer.chain, vec![cert(&pki.inter), cert(&pki.root)]);
        assert_eq!(
            answer.leftovers,
            vec![],
            "known intermediates are no leftovers"
        );
        assert!(answer.warnings.is_empty(), "{:?}", answer.warnings);
        let fetched = AnswerWarning::IssuerFetched {
            subject: "CN=x".into(),
            url: "http://h/x.cer".into(),
        };
        assert!(fetched.localize(Lang::En).contains("http://h/x.cer"));
    }

    #[test]
    fn another_key_expiry_and_tampering_are_refused() {
        let (dir, pki, spki, store) = setup();
        let all = vec![cert(&pki.leaf), cert(&pki.inter), cert(&pki.root)];
        let other = public_key_der(&test_key().to_public_key()).expect("spki");
        let select = |certs: Vec<Certificate>, spki: &[u8], now| {
            select_answer(certs, &expected(spki, &[]), &store, now)
        };
        assert_eq!(
            select(all.clone(), &other, SystemTime::now()).err(),
            Some(PkiError::CertificateForAnotherKey)
        );
        let later = SystemTime::now() + Duration::from_secs(40 * 86400);
        assert!(matches!(
            select(all.clone(), &spki, later),
            Err(PkiError::LeafExpired { .. })
        ));
        let earlier = SystemTime::now() - Duration::from_secs(86400);
        assert!(matches!(
            select(all.clone(), &spki, earlier),
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
        match select(tampered, &spki, SystemTime::now()) {
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
            select(tampered, &spki, SystemTime::now()),
            Err(PkiError::BadSignature { .. })
        ));
        drop(dir);
    }
}
