//! The decision on one request (DESIGN §7): decrypt, verify the signature
//! and the card, refuse replays, read the CSR, refuse weak keys, ask the
//! directory, issue. Every step is logged, never a secret.
//!
//! `Err` means "no decision" (not for us, unreadable, directory down): the
//! mail loop logs it and answers nothing; a decision always has an answer.

use super::answer::{certs_only_p7c, rejection_body};
use super::csr_names::{asked, NameProblem};
use super::directory::AdminDirectory;
use super::issue::{self, sha256_hex, CertKind, CertSpec};
use super::replay::SeenEntry;
use super::store::{RaDir, FILES};
use super::verify;
use crate::i18n::{tf, Lang};
use cleocps_core::card::holder_of;
use cleocps_core::error::{Error, Result};
use cleocps_core::fsutil::write_atomic;
use cleocps_core::pki::{self, CertSummary};
use const_oid::db::rfc5280;
use der::asn1::Ia5String;
use der::Decode;
use std::fmt::Display;
use std::time::SystemTime;
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::ext::pkix::KeyUsages;
use x509_cert::request::CertReq;
use x509_cert::Certificate;

/// What is known of the mail that carried the request (all optional: `ra
/// process` has none). Only logged and kept with the replay record.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct RequestMeta {
    pub message_id: Option<String>,
    pub from: Option<String>,
    pub subject: Option<String>,
}

/// The rejection codes of DESIGN §5 (**contract**).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum RejectCode {
    /// The holder does not administer a requested server name or mailbox.
    AdminInconnu,
    /// The request is not signed, or its signature does not verify.
    SignatureInvalide,
    /// The signer's certificate is not a valid card signature certificate from the card CA.
    CertificatCarteInvalide,
    /// This signed content was already handled.
    DemandeRejouee,
    /// The PKCS#10 is unreadable, not self-signed, or names nothing usable.
    CsrInvalide,
    /// The key is under 2048 bits (1024 only when the server allows legacy keys).
    CleTropCourte,
}

impl RejectCode {
    pub fn as_str(self) -> &'static str {
        match self {
            RejectCode::AdminInconnu => "ADMIN_INCONNU",
            RejectCode::SignatureInvalide => "SIGNATURE_INVALIDE",
            RejectCode::CertificatCarteInvalide => "CERTIFICAT_CARTE_INVALIDE",
            RejectCode::DemandeRejouee => "DEMANDE_REJOUEE",
            RejectCode::CsrInvalide => "CSR_INVALIDE",
            RejectCode::CleTropCourte => "CLE_TROP_COURTE",
        }
    }
}

impl Display for RejectCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A certificate issued.
#[derive(Debug, Clone)]
pub struct Issued {
    pub holder: String,
    pub kind: CertKind,
    /// The names certified (FQDN and extra DNS names, or the mailbox).
    pub names: Vec<String>,
    pub certificate: Certificate,
    pub summary: CertSummary,
}

#[derive(Debug, Clone)]
pub enum Decision {
    Issued(Box<Issued>),
    Rejected { code: RejectCode, reason_fr: String },
}

/// The decision and the answer to send: the DER `smime.p7c` when issued,
/// the [`rejection_body`] text when rejected.
#[derive(Debug, Clone)]
pub struct Processed {
    pub decision: Decision,
    pub answer: Vec<u8>,
    /// SHA-256 of the decrypted SignedData (the replay key), when decrypted.
    pub content_sha256: String,
    /// The card holder, once the card certificate was read.
    pub holder: Option<String>,
    /// A rejection's S/MIME signature: DER SignedData over `answer`, by the
    /// registration server (DESIGN §4a). `None` for a certificate.
    pub signature: Option<Vec<u8>>,
}

/// A rejection (French for the answer, English for the log).
struct Reject {
    code: RejectCode,
    id: &'static str,
    args: Vec<String>,
}

fn reject(code: RejectCode, id: &'static str, args: &[&str]) -> Reject {
    Reject {
        code,
        id,
        args: args.iter().map(|s| s.to_string()).collect(),
    }
}

impl Reject {
    fn text(&self, lang: Lang) -> String {
        let args: Vec<&dyn Display> = self.args.iter().map(|a| a as &dyn Display).collect();
        tf(lang, self.id, &args)
    }
}

/// Decides on one request `.p7m` (DER EnvelopedData) at time `now`; a
/// rejection comes signed by the registration server.
pub fn process(
    ra: &RaDir,
    directory: &dyn AdminDirectory,
    p7m: &[u8],
    meta: &RequestMeta,
    now: SystemTime,
) -> Result<Processed> {
    let mut processed = decide_and_answer(ra, directory, p7m, meta, now)?;
    if let Decision::Rejected { .. } = processed.decision {
        processed.signature = Some(ra.sign_text(&processed.answer, now)?);
    }
    Ok(processed)
}

fn decide_and_answer(
    ra: &RaDir,
    directory: &dyn AdminDirectory,
    p7m: &[u8],
    meta: &RequestMeta,
    now: SystemTime,
) -> Result<Processed> {
    let mid = meta.message_id.as_deref().unwrap_or("-");
    log::info!(
        "ra: request received ({} bytes, message-id {mid})",
        p7m.len()
    );
    let signed = pki::cms::open_enveloped(p7m, &ra.server_key).map_err(|e| {
        log::warn!(
            "ra: cannot decrypt ({}), message-id {mid}",
            e.localize(Lang::En)
        );
        Error::Pki(e)
    })?;
    let sha = sha256_hex(&signed);
    log::info!("ra: decrypted, signed content sha256 {sha}");
    let mut holder = None;
    let outcome = decide(ra, directory, &signed, &sha, now, &mut holder)?;
    let processed = match outcome {
        Ok(issued) => {
            let answer =
                certs_only_p7c(&[issued.certificate.clone(), ra.ca.clone(), ra.root.clone()])?;
            if !record(ra, &sha, &issued.holder, meta, "issued", now)? {
                return Ok(rejected(
                    reject(RejectCode::DemandeRejouee, "ra.reject.replay", &[]),
                    sha,
                    holder,
                ));
            }
            keep_issued(ra, &issued);
            log::info!(
                "ra: ISSUED {:?} certificate serial {} for holder {} names {}",
                issued.kind,
                issued.summary.serial,
                issued.holder,
                issued.names.join(",")
            );
            Processed {
                decision: Decision::Issued(Box::new(issued)),
                answer,
                content_sha256: sha,
                holder,
                signature: None,
            }
        }
        Err((r, recordable)) => {
            // Only decisions on authenticated content are remembered, so
            // garbage can't fill seen/ and a replay always stays a replay.
            if recordable {
                if let Some(h) = &holder {
                    record(ra, &sha, h, meta, r.code.as_str(), now)?;
                }
            }
            rejected(r, sha, holder)
        }
    };
    Ok(processed)
}

fn rejected(r: Reject, sha: String, holder: Option<String>) -> Processed {
    let reason_fr = r.text(Lang::Fr);
    log::info!("ra: REJECTED {}: {}", r.code, r.text(Lang::En));
    Processed {
        answer: rejection_body(r.code.as_str(), &reason_fr).into_bytes(),
        decision: Decision::Rejected {
            code: r.code,
            reason_fr,
        },
        content_sha256: sha,
        holder,
        signature: None,
    }
}

fn record(
    ra: &RaDir,
    sha: &str,
    holder: &str,
    meta: &RequestMeta,
    decision: &str,
    now: SystemTime,
) -> Result<bool> {
    ra.seen().record(&SeenEntry {
        sha256: sha.to_string(),
        holder: holder.to_string(),
        time: cleocps_core::card::rfc3339(now),
        message_id: meta.message_id.clone(),
        decision: decision.to_string(),
    })
}

/// A copy of each issued certificate in `DIR/issued/<serial>.crt` (records only).
fn keep_issued(ra: &RaDir, issued: &Issued) {
    let path = ra
        .dir
        .join(FILES.issued)
        .join(format!("{}.crt", issued.summary.serial));
    let written = pki::cert_pem(&issued.certificate)
        .map_err(|e| e.to_string())
        .and_then(|pem| write_atomic(&path, pem.as_bytes(), 0o644).map_err(|e| e.to_string()));
    if let Err(e) = written {
        log::warn!("ra: could not keep a copy in {}: {e}", path.display());
    }
}

/// `Ok(Ok(issued))`, `Ok(Err((rejection, remember it)))`, or `Err` (no decision).
type Outcome = std::result::Result<Issued, (Reject, bool)>;

fn decide(
    ra: &RaDir,
    directory: &dyn AdminDirectory,
    signed: &[u8],
    sha: &str,
    now: SystemTime,
    holder_out: &mut Option<String>,
) -> Result<Outcome> {
    use RejectCode::*;
    let (csr_der, signer) = match pki::cms::verify_signed(signed) {
        Ok(v) => v,
        Err(e) => {
            log::info!("ra: signature check failed: {}", e.localize(Lang::En));
            return Ok(Err((
                reject(SignatureInvalide, "ra.reject.signature", &[]),
                false,
            )));
        }
    };
    log::info!("ra: CMS signature verified");

    let card_subject = signer.tbs_certificate.subject.to_string();
    if !ra
        .card_cas
        .iter()
        .any(|ca| verify::signed_by(&signer, ca) && verify::valid_at(ca, now))
    {
        let r = reject(
            CertificatCarteInvalide,
            "ra.reject.card_ca",
            &[&card_subject],
        );
        return Ok(Err((r, false)));
    }
    if !verify::valid_at(&signer, now) {
        let until = pki::summarize(&signer).not_after;
        let r = reject(
            CertificatCarteInvalide,
            "ra.reject.card_validity",
            &[&until],
        );
        return Ok(Err((r, false)));
    }
    if !verify::has_non_repudiation(&signer) {
        let r = reject(CertificatCarteInvalide, "ra.reject.card_usage", &[]);
        return Ok(Err((r, false)));
    }
    let holder = holder_of(&signer).id;
    if holder.trim().is_empty() {
        let r = reject(CertificatCarteInvalide, "ra.reject.card_no_holder", &[]);
        return Ok(Err((r, false)));
    }
    log::info!("ra: card certificate valid, holder {holder}");
    *holder_out = Some(holder.clone());

    if let Some(seen) = ra.seen().get(sha) {
        log::info!(
            "ra: replay of content first seen {} ({})",
            seen.time,
            seen.decision
        );
        return Ok(Err((
            reject(DemandeRejouee, "ra.reject.replay", &[]),
            false,
        )));
    }

    let Ok(req) = CertReq::from_der(&csr_der) else {
        return Ok(Err((
            reject(CsrInvalide, "ra.reject.csr_unreadable", &[]),
            true,
        )));
    };
    if !verify::csr_self_signed(&req) {
        return Ok(Err((
            reject(CsrInvalide, "ra.reject.csr_signature", &[]),
            true,
        )));
    }
    let Some(key) = verify::rsa_key(&req.info.public_key) else {
        return Ok(Err((
            reject(CsrInvalide, "ra.reject.csr_not_rsa", &[]),
            true,
        )));
    };
    let bits = verify::key_bits(&key);
    let legacy_ok = ra.settings.allow_legacy_1024 && bits >= 1024;
    if bits < 2048 && !legacy_ok {
        let r = reject(CleTropCourte, "ra.reject.short_key", &[&bits.to_string()]);
        return Ok(Err((r, true)));
    }
    log::info!("ra: CSR self-signature verified, RSA {bits} bits");

    let asked = match asked(&req) {
        Ok(a) => a,
        Err(p) => {
            let r = match p {
                NameProblem::NoCommonName => reject(CsrInvalide, "ra.reject.csr_no_cn", &[]),
                NameProblem::Mixed => reject(CsrInvalide, "ra.reject.csr_mixed", &[]),
                NameProblem::TooMany => reject(CsrInvalide, "ra.reject.csr_too_many", &[]),
                NameProblem::Bad(n) => reject(CsrInvalide, "ra.reject.csr_bad_name", &[&n]),
            };
            return Ok(Err((r, true)));
        }
    };
    log::info!("ra: {:?} request for {}", asked.kind, asked.names.join(","));

    for name in &asked.names {
        let ok = directory.administers(&holder, name).map_err(|e| {
            log::warn!("ra: directory lookup failed: {e}");
            Error::Io {
                path: ra.path(&ra.settings.directory_file),
                detail: e,
            }
        })?;
        if !ok {
            let r = reject(AdminInconnu, "ra.reject.admin", &[&holder, name]);
            return Ok(Err((r, true)));
        }
    }
    log::info!("ra: directory: holder {holder} administers every name");

    let certificate = issue_leaf(ra, &req, &asked, now)?;
    Ok(Ok(Issued {
        holder,
        kind: asked.kind,
        names: asked.names,
        summary: pki::summarize(&certificate),
        certificate,
    }))
}

/// The leaf with the SSL or S/MIME profile, signed by the issuing CA.
fn issue_leaf(
    ra: &RaDir,
    req: &CertReq,
    asked: &super::csr_names::Asked,
    now: SystemTime,
) -> Result<Certificate> {
    let ia5 = |n: &str| Ia5String::new(n).map_err(super::crypto);
    let (eku, san) = match asked.kind {
        CertKind::Ssl => (
            vec![rfc5280::ID_KP_SERVER_AUTH, rfc5280::ID_KP_CLIENT_AUTH],
            asked
                .names
                .iter()
                .map(|n| ia5(n).map(GeneralName::DnsName))
                .collect::<Result<Vec<_>>>()?,
        ),
        CertKind::Smime => (
            vec![rfc5280::ID_KP_EMAIL_PROTECTION],
            asked
                .names
                .iter()
                .map(|n| ia5(n).map(GeneralName::Rfc822Name))
                .collect::<Result<Vec<_>>>()?,
        ),
    };
    issue::sign(
        CertSpec {
            subject: asked.subject.clone(),
            spki: req.info.public_key.clone(),
            days: ra.settings.validity_days,
            extensions: vec![
                issue::basic_constraints(false, None)?,
                issue::key_usage(&[KeyUsages::DigitalSignature, KeyUsages::KeyEncipherment])?,
                issue::extended_key_usage(&eku)?,
                issue::subject_alt_name(san)?,
            ],
        },
        Some(&ra.ca),
        &ra.ca_key,
        now,
    )
}
