//! What a decision is made of: the mail's metadata in, a decision and its
//! answer out, with the rejection codes of DESIGN §5.

use super::issue::CertKind;
use super::replay::SeenEntry;
use base64::Engine;
use cleocps_core::pki::{self, CertSummary};
use std::fmt::Display;
use x509_cert::Certificate;

/// What is known of the mail that carried the request (all optional: `ra
/// process` has none). Logged and kept with the replay record; the same
/// `message_id` again is the same mail, answered again (never a replay).
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
    pub const ALL: [RejectCode; 6] = [
        RejectCode::AdminInconnu,
        RejectCode::SignatureInvalide,
        RejectCode::CertificatCarteInvalide,
        RejectCode::DemandeRejouee,
        RejectCode::CsrInvalide,
        RejectCode::CleTropCourte,
    ];

    pub fn parse(code: &str) -> Option<RejectCode> {
        RejectCode::ALL.into_iter().find(|c| c.as_str() == code)
    }

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
    /// True when this is the decision taken earlier on the same mail,
    /// read back from `seen/` with its answer (a crash or a failed store
    /// came between the decision and the answer).
    pub resumed: bool,
    /// A rejection's S/MIME signature: DER SignedData over `answer`, by the
    /// registration server (DESIGN §4a). `None` for a certificate (and for
    /// a decision read back from `seen/`: sent unsigned, it counts unverified).
    pub signature: Option<Vec<u8>>,
}

impl Processed {
    /// The decision recorded in `entry` with its answer, as it was taken;
    /// `cas` are the server's CA certificates, beside the leaf in a `.p7c`.
    pub(crate) fn resume(entry: &SeenEntry, cas: &[&Certificate]) -> Option<Processed> {
        let answer = base64::engine::general_purpose::STANDARD
            .decode(entry.answer.as_deref()?)
            .ok()?;
        let decision = if entry.decision == "issued" {
            // A SET OF in DER order: the leaf is the one that is no CA of ours.
            let certificate = pki::parse_certificates(&answer)
                .ok()?
                .into_iter()
                .find(|c| !cas.contains(&c))?;
            let summary = pki::summarize(&certificate);
            let names = summary
                .san
                .iter()
                .filter_map(|n| n.split_once(':').map(|(_, v)| v.to_string()))
                .collect();
            let kind = if summary.san.iter().any(|n| n.starts_with("email:")) {
                CertKind::Smime
            } else {
                CertKind::Ssl
            };
            Decision::Issued(Box::new(Issued {
                holder: entry.holder.clone(),
                kind,
                names,
                certificate,
                summary,
            }))
        } else {
            let text = String::from_utf8_lossy(&answer);
            Decision::Rejected {
                code: RejectCode::parse(&entry.decision)?,
                reason_fr: text.lines().skip(2).collect::<Vec<_>>().join("\n"),
            }
        };
        Some(Processed {
            decision,
            answer,
            content_sha256: entry.sha256.clone(),
            holder: Some(entry.holder.clone()),
            resumed: true,
            signature: None,
        })
    }
}
