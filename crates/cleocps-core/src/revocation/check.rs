//! One round of revocation checks: fresh cached answers first, then the
//! network (OCSP, then CRLs), each URL fetched at most once per round and a
//! server that failed not asked again, so many certificates behind one dead
//! responder cost one timeout.

use super::cache::Cache;
use super::{
    crl, ocsp, pointers, Fault, Mode, Revocation, RevocationConfig, Source, Status, Verified,
};
use crate::http::{self, Fetch, HttpError};
use crate::i18n::Lang;
use crate::ops::Certified;
use crate::pki;
use crate::request::Request;
use crate::workspace::{RequestFile, Workspace};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::time::{Duration, SystemTime};
use x509_cert::Certificate;

/// DESIGN §4c's bounds on one answer.
const MAX_OCSP_BYTES: usize = 1024 * 1024;
const MAX_CRL_BYTES: usize = 20 * 1024 * 1024;

pub struct Checker {
    cache: Cache,
    config: RevocationConfig,
    now: SystemTime,
    lang: Lang,
    /// What each URL gave this round (a CRL serves every certificate of its issuer).
    fetched: HashMap<String, Result<Vec<u8>, HttpError>>,
    /// CRLs verified this round, by SHA-256 of their bytes and issuer key.
    crls: HashMap<Vec<u8>, Result<crl::Crl, Fault>>,
    /// `host:port` of servers that did not answer this round.
    down: HashMap<String, String>,
    /// False for `doctor`: it asks the servers even when the cache is fresh.
    use_cache: bool,
}

impl Checker {
    pub fn new(ws: &Workspace, config: &RevocationConfig, now: SystemTime, lang: Lang) -> Checker {
        Checker {
            cache: Cache::new(ws.root()),
            config: config.clone(),
            now,
            lang,
            fetched: HashMap::new(),
            crls: HashMap::new(),
            down: HashMap::new(),
            use_cache: true,
        }
    }

    /// A checker that asks the servers whatever the cache holds (`doctor`).
    pub fn probing(mut self) -> Checker {
        self.use_cache = false;
        self
    }

    /// The status of `leaf`, issued by `issuer` (`None`: not found).
    pub fn check(&mut self, leaf: &Certificate, issuer: Option<&Certificate>) -> Revocation {
        if self.config.mode == Mode::Off {
            return Revocation::default();
        }
        let ocsp_urls = pointers::ocsp_urls(leaf);
        let crl_urls = pointers::crl_urls(leaf);
        // Nothing to ask: not checked, and no alarm that could never clear.
        if ocsp_urls.is_empty() && crl_urls.is_empty() {
            return Revocation {
                status: Status::Off,
                ..self.unknown(&[Fault::NoPointer])
            };
        }
        let Some(issuer) = issuer else {
            let name = leaf.tbs_certificate.issuer.to_string();
            return self.unknown(&[Fault::NoIssuer(name)]);
        };
        let serial = hex::encode_upper(leaf.tbs_certificate.serial_number.as_bytes());
        let issuer_key = hex::encode(
            issuer
                .tbs_certificate
                .subject_public_key_info
                .subject_public_key
                .raw_bytes(),
        );
        // One OCSP answer per issuer key and serial; one CRL per URL.
        let cert_key = format!("{issuer_key} {serial}");
        let sources: Vec<(Source, String, String)> = ocsp_urls
            .iter()
            .map(|u| (Source::Ocsp, u.clone(), cert_key.clone()))
            .chain(crl_urls.iter().map(|u| (Source::Crl, u.clone(), u.clone())))
            .collect();
        let asked = Asked {
            leaf,
            issuer,
            cert_key: &cert_key,
        };
        let answer = match self.cached(&asked, &sources) {
            Some(known) => Ok(known),
            None => self.ask(&asked, &sources),
        };
        let faults = match answer {
            Ok(known) => {
                self.cache.known(&cert_key);
                return known;
            }
            Err(faults) => faults,
        };
        let since = self.cache.unknown_since(&cert_key, self.now);
        let mut r = self.unknown(&faults);
        let limit = Duration::from_secs(u64::from(self.config.max_unknown_days) * 86_400);
        r.overdue = self.now.duration_since(since).is_ok_and(|d| d > limit);
        r.unknown_since = Some(pki::rfc3339(since));
        r
    }

    /// A fresh cached answer: used without the network.
    fn cached(
        &mut self,
        asked: &Asked<'_>,
        sources: &[(Source, String, String)],
    ) -> Option<Revocation> {
        if !self.use_cache {
            return None;
        }
        let kept = [Source::Ocsp, Source::Crl].into_iter().find_map(|source| {
            let (bytes, fetched) = self.cache.kept(final_kind(source), asked.cert_key)?;
            let v = self.final_revocation(asked, source, &bytes)?;
            Some(known(v, source, fetched))
        });
        if kept.is_some() {
            return kept;
        }
        sources.iter().find_map(|(source, _, key)| {
            let (bytes, fetched) = self.cache.answer(kind(*source), key, self.now)?;
            let v = self.read(asked, *source, &bytes).ok()?;
            v.next_update
                .is_some_and(|n| n > self.now)
                .then(|| known(v, *source, fetched))
        })
    }

    /// Each source in turn over the network; the first verified answer is
    /// kept in the cache. Otherwise, why each failed.
    fn ask(
        &mut self,
        asked: &Asked<'_>,
        sources: &[(Source, String, String)],
    ) -> Result<Revocation, Vec<Fault>> {
        let mut faults = Vec::new();
        for (source, url, key) in sources {
            let answer = self
                .fetch(*source, url, asked.leaf, asked.issuer)
                .and_then(|bytes| Ok((self.read(asked, *source, &bytes)?, bytes)));
            match answer {
                Ok((v, bytes)) => {
                    self.cache.store(kind(*source), key, &bytes);
                    if self.final_revocation(asked, *source, &bytes).is_some() {
                        self.cache
                            .store(final_kind(*source), asked.cert_key, &bytes);
                    }
                    return Ok(known(v, *source, self.now));
                }
                Err(f) => faults.push(f),
            }
        }
        Err(faults)
    }

    /// The verified answer in `bytes`, whatever its dates; a CRL is
    /// verified once per round (by content and issuer).
    fn verified(
        &mut self,
        asked: &Asked<'_>,
        source: Source,
        bytes: &[u8],
    ) -> Result<Verified, Fault> {
        if source == Source::Ocsp {
            return ocsp::read(bytes, asked.leaf, asked.issuer, self.now);
        }
        let key = Sha256::new()
            .chain_update(bytes)
            .chain_update(
                asked
                    .issuer
                    .tbs_certificate
                    .subject_public_key_info
                    .subject_public_key
                    .raw_bytes(),
            )
            .finalize()
            .to_vec();
        let crl = self
            .crls
            .entry(key)
            .or_insert_with(|| crl::verify(bytes, asked.issuer));
        crl.as_ref()
            .map(|c| c.about(asked.leaf))
            .map_err(Clone::clone)
    }

    /// The verified answer in `bytes`, in force now.
    fn read(&mut self, asked: &Asked<'_>, source: Source, bytes: &[u8]) -> Result<Verified, Fault> {
        let now = self.now;
        self.verified(asked, source, bytes)?.current(now)
    }

    /// A revocation once verified stays true: it is final, unless it is
    /// only a hold (certificateHold may be lifted).
    fn final_revocation(
        &mut self,
        asked: &Asked<'_>,
        source: Source,
        bytes: &[u8],
    ) -> Option<Verified> {
        self.verified(asked, source, bytes).ok().filter(|v| {
            matches!(&v.revoked, Some((_, reason)) if reason.as_deref() != Some("certificateHold"))
        })
    }

    fn unknown(&self, faults: &[Fault]) -> Revocation {
        let detail: Vec<String> = faults.iter().map(|f| f.localize(self.lang)).collect();
        Revocation {
            status: Status::Unknown,
            detail: Some(crate::sanitize::line(&detail.join("; ")).into_owned()),
            ..Revocation::default()
        }
    }

    /// The answer's bytes at `url`: fetched once per round, never from a
    /// server that already failed this round.
    fn fetch(
        &mut self,
        source: Source,
        url: &str,
        leaf: &Certificate,
        issuer: &Certificate,
    ) -> Result<Vec<u8>, Fault> {
        if url.starts_with("ldap://") || url.starts_with("ldaps://") {
            if !self.config.ldap || source != Source::Crl {
                return Err(Fault::LdapSkipped(url.to_string()));
            }
            return super::ldap::fetch(url, MAX_CRL_BYTES)
                .map_err(|why| Fault::Fetch(url.to_string(), why));
        }
        let lang = self.lang;
        let server = http::parse(url)
            .map(|(h, p, _)| format!("{h}:{p}"))
            .map_err(|e| Fault::Fetch(url.to_string(), e.localize(lang)))?;
        if let Some(why) = self.down.get(&server) {
            return Err(Fault::Fetch(url.to_string(), why.clone()));
        }
        let got = match source {
            Source::Crl => match self.fetched.get(url) {
                Some(r) => r.clone(),
                None => {
                    let r = http::fetch(url, &Fetch::get(MAX_CRL_BYTES));
                    self.fetched.insert(url.to_string(), r.clone());
                    r
                }
            },
            Source::Ocsp => {
                let body = ocsp::request(leaf, issuer)?;
                http::fetch(
                    url,
                    &Fetch {
                        post: Some(("application/ocsp-request", &body)),
                        accept: "application/ocsp-response",
                        max_bytes: MAX_OCSP_BYTES,
                    },
                )
            }
        };
        got.map_err(|e| {
            let why = e.localize(lang);
            self.down.insert(server, why.clone());
            Fault::Fetch(url.to_string(), why)
        })
    }
}

/// The certificate asked about, and its issuer, who must have signed the answer.
struct Asked<'a> {
    leaf: &'a Certificate,
    issuer: &'a Certificate,
    /// Issuer key and serial: names the certificate in the cache.
    cert_key: &'a str,
}

/// Where a final revocation is kept, per certificate, without ageing out.
fn final_kind(source: Source) -> &'static str {
    match source {
        Source::Ocsp => "revoked-ocsp",
        Source::Crl => "revoked-crl",
    }
}

fn kind(source: Source) -> &'static str {
    match source {
        Source::Ocsp => "ocsp",
        Source::Crl => "crl",
    }
}

fn known(v: Verified, source: Source, fetched: SystemTime) -> Revocation {
    let (status, revoked_at, reason) = match v.revoked {
        Some((at, reason)) => (Status::Revoked, Some(pki::rfc3339(at)), reason),
        None => (Status::Good, None, None),
    };
    Revocation {
        status,
        source: Some(source),
        checked_at: Some(pki::rfc3339(fetched)),
        revoked_at,
        reason,
        ..Revocation::default()
    }
}

/// The certificate of `req` and its issuer: from the request's chain, else
/// from the trust anchors and known intermediates.
fn leaf_and_issuer(
    ws: &Workspace,
    req: &Request,
) -> crate::Result<(Certificate, Option<Certificate>)> {
    let leaf = pki::parse_certificates(&ws.read_file(req, RequestFile::Crt)?)?
        .into_iter()
        .next()
        .ok_or(pki::PkiError::NoCertificate)?;
    let mut candidates: Vec<Certificate> = ws
        .read_file(req, RequestFile::Chain)
        .ok()
        .and_then(|b| pki::parse_certificates(&b).ok())
        .unwrap_or_default();
    if let Ok(store) = ws.trust().load() {
        candidates.extend(store.intermediates);
        candidates.extend(store.anchors);
    }
    let issuer = candidates.into_iter().find(|c| pki::issued_by(&leaf, c));
    Ok((leaf, issuer))
}

/// The revocation status of one request's certificate (the interface calls
/// it from a job: it may wait on the network).
pub fn check_request(
    ws: &Workspace,
    req: &Request,
    config: &RevocationConfig,
    now: SystemTime,
    lang: Lang,
) -> crate::Result<Revocation> {
    let (leaf, issuer) = leaf_and_issuer(ws, req)?;
    Ok(Checker::new(ws, config, now, lang).check(&leaf, issuer.as_ref()))
}

/// Fills `revocation` of every watched, unexpired certificate of `certs`
/// (the others stay "off": a replaced or expired certificate is not served).
pub fn annotate(
    ws: &Workspace,
    certs: &mut [Certified],
    config: &RevocationConfig,
    now: SystemTime,
    lang: Lang,
) {
    annotate_with(ws, certs, Checker::new(ws, config, now, lang), lang)
}

/// [`annotate`] with a given checker (`doctor`'s probes the servers).
pub fn annotate_with(ws: &Workspace, certs: &mut [Certified], mut checker: Checker, lang: Lang) {
    for c in certs.iter_mut().filter(|c| c.watched() && !c.expired()) {
        c.revocation = match ws
            .load(&c.folder, &c.name)
            .and_then(|req| leaf_and_issuer(ws, &req))
        {
            Ok((leaf, issuer)) => checker.check(&leaf, issuer.as_ref()),
            Err(e) => checker.unknown(&[Fault::Unreadable(e.localize(lang))]),
        };
    }
}
