//! The decision on one request (DESIGN §7): decrypt, verify the signature
//! and the card, refuse replays, read the CSR, refuse weak keys, ask the
//! directory, issue. Every step is logged, never a secret.
//!
//! `Err` means "no decision": `Error::Pki` when the file is not a request
//! for this server (not CMS, not decryptable), `Error::Directory` when the
//! directory could not answer (try again later), anything else a failure
//! of the server itself. A decision always has an answer, stored with it in
//! `seen/` when the content is authenticated.

use super::answer::{certs_only_p7c, rejection_body};
use super::csr_names::{asked, Asked, NameProblem};
use super::decision::{Decision, Issued, Processed, RejectCode, RequestMeta};
use super::directory::AdminDirectory;
use super::issue::{self, sha256_hex, CertKind, CertSpec};
use super::replay::SeenEntry;
use super::store::RaDir;
use super::verify;
use crate::i18n::{tf, Lang};
use base64::Engine;
use cleocps_core::card::holder_of;
use cleocps_core::error::{Error, Result};
use cleocps_core::pki::{self, der_limits};
use const_oid::db::rfc5280;
use der::asn1::Ia5String;
use der::Decode;
use std::fmt::Display;
use std::time::SystemTime;
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::ext::pkix::KeyUsages;
use x509_cert::request::CertReq;
use x509_cert::Certificate;

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

/// Decides on one request `.p7m` (DER EnvelopedData) at time `now`.
/// A rejection comes signed by the registration server (DESIGN §4a).
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
    if let Some(again) = same_mail_again(ra, &sha, meta) {
        return Ok(again);
    }
    let mut holder = None;
    let outcome = decide(ra, directory, &signed, &sha, now, &mut holder)?;
    let processed = match outcome {
        Ok(issued) => {
            let answer =
                certs_only_p7c(&[issued.certificate.clone(), ra.ca.clone(), ra.root.clone()])?;
            if !record(ra, &sha, &issued.holder, meta, "issued", &answer, now)? {
                return Ok(rejected(
                    reject(RejectCode::DemandeRejouee, "ra.reject.replay", &[]),
                    sha,
                    holder,
                ));
            }
            ra.keep_issued(&issued.certificate, &issued.summary.serial);
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
                resumed: false,
                signature: None,
            }
        }
        Err((r, recordable)) => {
            let holder_id = holder.clone();
            let processed = rejected(r, sha, holder);
            // Only decisions on authenticated content are remembered, so
            // garbage can't fill seen/ and a replay always stays a replay.
            if let (true, Some(h), Decision::Rejected { code, .. }) =
                (recordable, &holder_id, &processed.decision)
            {
                let sha = &processed.content_sha256;
                record(ra, sha, h, meta, code.as_str(), &processed.answer, now)?;
            }
            processed
        }
    };
    Ok(processed)
}

/// The decision stored for this content when it came in this very mail
/// (same Message-ID): the mail is being answered again after a crash or a
/// failed store, which is no replay. Nothing new is decided or issued.
fn same_mail_again(ra: &RaDir, sha: &str, meta: &RequestMeta) -> Option<Processed> {
    let seen = ra.seen().get(sha)?;
    if seen.message_id.is_none() || seen.message_id != meta.message_id {
        return None;
    }
    let again = Processed::resume(&seen, &[&ra.ca, &ra.root])?;
    log::info!(
        "ra: decision of {} on this mail already taken ({}): its stored answer again",
        seen.time,
        seen.decision
    );
    Some(again)
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
        resumed: false,
        signature: None,
    }
}

/// Records the decision and its answer together (one file, atomic).
fn record(
    ra: &RaDir,
    sha: &str,
    holder: &str,
    meta: &RequestMeta,
    decision: &str,
    answer: &[u8],
    now: SystemTime,
) -> Result<bool> {
    ra.seen().record(&SeenEntry {
        sha256: sha.to_string(),
        holder: holder.to_string(),
        time: cleocps_core::card::rfc3339(now),
        message_id: meta.message_id.clone(),
        decision: decision.to_string(),
        answer: Some(base64::engine::general_purpose::STANDARD.encode(answer)),
    })
}

/// A copy of each issued certificate in `DIR/issued/<serial>.crt` (records only).
/// A rejection, and whether to remember its content as seen.
type Refusal = (Reject, bool);
/// `Ok(Ok(issued))`, `Ok(Err(refusal))`, or `Err` (no decision).
type Outcome = std::result::Result<Issued, Refusal>;

/// The decision on one signed request: the card, then replay, then the CSR,
/// then the directory, each refusing with the first fault it finds.
fn decide(
    ra: &RaDir,
    directory: &dyn AdminDirectory,
    signed: &[u8],
    sha: &str,
    now: SystemTime,
    holder_out: &mut Option<String>,
) -> Result<Outcome> {
    let (csr_der, holder) = match check_card(ra, signed, now) {
        Ok(found) => found,
        Err(refusal) => return Ok(Err(refusal)),
    };
    *holder_out = Some(holder.clone());
    if let Some(seen) = ra.seen().get(sha) {
        log::info!(
            "ra: replay of content first seen {} ({})",
            seen.time,
            seen.decision
        );
        let r = reject(RejectCode::DemandeRejouee, "ra.reject.replay", &[]);
        return Ok(Err((r, false)));
    }
    let (req, asked) = match check_csr(ra, &csr_der) {
        Ok(found) => found,
        Err(refusal) => return Ok(Err(refusal)),
    };
    if let Some(r) = check_directory(directory, &holder, &asked)? {
        return Ok(Err((r, true)));
    }
    let certificate = issue_leaf(ra, &req, &asked, now)?;
    Ok(Ok(Issued {
        holder,
        kind: asked.kind,
        names: asked.names,
        summary: pki::summarize(&certificate),
        certificate,
    }))
}

/// The CMS signature and the card that made it (issued by a card CA, valid
/// now, for non-repudiation, with a holder): the CSR's bytes and the holder.
fn check_card(
    ra: &RaDir,
    signed: &[u8],
    now: SystemTime,
) -> std::result::Result<(Vec<u8>, String), Refusal> {
    let (csr_der, signer) = pki::cms::verify_signed(signed).map_err(|e| {
        log::info!("ra: signature check failed: {}", e.localize(Lang::En));
        let r = reject(RejectCode::SignatureInvalide, "ra.reject.signature", &[]);
        (r, false)
    })?;
    log::info!("ra: CMS signature verified");
    let card = |id: &'static str, args: &[&str]| {
        (reject(RejectCode::CertificatCarteInvalide, id, args), false)
    };
    let card_subject = signer.tbs_certificate.subject.to_string();
    if !ra
        .card_cas
        .iter()
        .any(|ca| verify::signed_by(&signer, ca) && verify::valid_at(ca, now))
    {
        return Err(card("ra.reject.card_ca", &[&card_subject]));
    }
    if !verify::valid_at(&signer, now) {
        let until = pki::summarize(&signer).not_after;
        return Err(card("ra.reject.card_validity", &[&until]));
    }
    if !verify::has_non_repudiation(&signer) {
        return Err(card("ra.reject.card_usage", &[]));
    }
    let holder = holder_of(&signer).id;
    if holder.trim().is_empty() {
        return Err(card("ra.reject.card_no_holder", &[]));
    }
    log::info!("ra: card certificate valid, holder {holder}");
    Ok((csr_der, holder))
}

/// The CSR inside the signature: readable, self-signed, an RSA key long
/// enough, and names that make one request.
fn check_csr(ra: &RaDir, csr_der: &[u8]) -> std::result::Result<(CertReq, Asked), Refusal> {
    use RejectCode::CsrInvalide;
    let bad = |id: &'static str, args: &[&str]| (reject(CsrInvalide, id, args), true);
    // Signed by a card, but the CSR inside is still anyone's bytes.
    let req = der_limits::check(csr_der)
        .ok()
        .and_then(|()| CertReq::from_der(csr_der).ok())
        .ok_or_else(|| bad("ra.reject.csr_unreadable", &[]))?;
    if !verify::csr_self_signed(&req) {
        return Err(bad("ra.reject.csr_signature", &[]));
    }
    let key =
        verify::rsa_key(&req.info.public_key).ok_or_else(|| bad("ra.reject.csr_not_rsa", &[]))?;
    let bits = verify::key_bits(&key);
    let legacy_ok = ra.settings.allow_legacy_1024 && bits >= 1024;
    if bits < 2048 && !legacy_ok {
        let r = reject(
            RejectCode::CleTropCourte,
            "ra.reject.short_key",
            &[&bits.to_string()],
        );
        return Err((r, true));
    }
    log::info!("ra: CSR self-signature verified, RSA {bits} bits");
    let asked = asked(&req).map_err(|p| match p {
        NameProblem::NoCommonName => bad("ra.reject.csr_no_cn", &[]),
        NameProblem::Mixed => bad("ra.reject.csr_mixed", &[]),
        NameProblem::TooMany => bad("ra.reject.csr_too_many", &[]),
        NameProblem::Bad(n) => bad("ra.reject.csr_bad_name", &[&n]),
    })?;
    log::info!("ra: {:?} request for {}", asked.kind, asked.names.join(","));
    Ok((req, asked))
}

/// The holder must administer every name asked, per the directory. A
/// directory that cannot answer is no decision (`Err`), not a rejection.
fn check_directory(
    directory: &dyn AdminDirectory,
    holder: &str,
    asked: &Asked,
) -> Result<Option<Reject>> {
    for name in &asked.names {
        let ok = directory.administers(holder, name).map_err(|e| {
            log::warn!("ra: directory lookup failed: {}", e.localize(Lang::En));
            Error::Directory(e)
        })?;
        if !ok {
            let r = reject(RejectCode::AdminInconnu, "ra.reject.admin", &[holder, name]);
            return Ok(Some(r));
        }
    }
    log::info!("ra: directory: holder {holder} administers every name");
    Ok(None)
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
            ]
            .into_iter()
            // Where its revocation is published, once the server runs.
            .chain(super::revocation::pointers(ra)?)
            .collect(),
        },
        Some(&ra.ca),
        &ra.ca_key,
        now,
    )
}
