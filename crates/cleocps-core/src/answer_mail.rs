//! Incoming mail: is it an answer of the registration server (DESIGN §5),
//! and to which request does it belong. Below both `procedure`, which
//! imports an answer saved from a mail client, and `mail`, which fetches them.

use crate::request::Request;
use der::Encode;
use mail_parser::{MessageParser, MimeHeaders};

/// What an answer carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerKind {
    /// `smime.p7c` (certs-only), as received.
    Certificates(Vec<u8>),
    /// A text body whose first line is `REJET: <CODE>`.
    Rejection {
        code: String,
        reason: String,
        /// DER of the certificate whose S/MIME signature over the text
        /// verified (the text is then the signed one); `None`: unsigned.
        /// Whether it is the registration server's is for the caller to say.
        signer: Option<Vec<u8>>,
    },
}

/// An answer mail, reduced to what matching and import need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incoming {
    /// Without angle brackets; `None` when the mail has none.
    pub message_id: Option<String>,
    /// In-Reply-To then References, without angle brackets.
    pub refs: Vec<String>,
    pub subject: String,
    /// The `From:` address, lower case.
    pub from: Option<String>,
    pub kind: AnswerKind,
}

/// Why a mail was tied to a request, strongest first (DESIGN §5 order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Match {
    Reply,
    Subject,
    PublicKey,
}

/// `<id>` → `id`.
pub fn bare_id(id: &str) -> String {
    id.trim()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .to_string()
}

/// Parses a raw mail; `None` when it is not an answer (left untouched).
pub fn parse(raw: &[u8]) -> Option<Incoming> {
    let msg = MessageParser::default().parse(raw)?;
    let mut refs = Vec::new();
    for v in [msg.in_reply_to(), msg.references()] {
        if let Some(t) = v.as_text() {
            refs.push(bare_id(t));
        } else if let Some(list) = v.as_text_list() {
            refs.extend(list.iter().map(|t| bare_id(t)));
        }
    }
    let kind = certificates(&msg)
        .or_else(|| signed_rejection(&msg))
        .or_else(|| detached_rejection(&msg))
        .or_else(|| msg.body_text(0).and_then(|b| rejection(&b, None)))?;
    Some(Incoming {
        message_id: msg.message_id().map(bare_id),
        refs,
        subject: msg.subject().unwrap_or_default().to_string(),
        from: msg
            .from()
            .and_then(|a| a.first())
            .and_then(|a| a.address())
            .map(|a| a.trim().to_ascii_lowercase()),
        kind,
    })
}

/// The certificates (`smime.p7c`) of a whole mail saved as a file
/// (`.eml`), as mail clients save an answer (DESIGN §4); `None` when `raw`
/// is not a mail holding certificates.
pub fn saved_certificates(raw: &[u8]) -> Option<Vec<u8>> {
    // Some clients keep the mbox separator line ("From - date") on top.
    let raw = match raw.strip_prefix(b"From ") {
        Some(rest) => &rest[rest.iter().position(|b| *b == b'\n')? + 1..],
        None => raw,
    };
    match parse(raw)?.kind {
        AnswerKind::Certificates(bytes) => Some(bytes),
        AnswerKind::Rejection { .. } => None,
    }
}

/// An `application/pkcs7-mime` (or the older `x-pkcs7-mime`) part of this
/// `smime-type` (DESIGN §5).
fn is_smime(part: &mail_parser::MessagePart, smime_type: &str) -> bool {
    part.content_type().is_some_and(|ct| {
        ct.ctype().eq_ignore_ascii_case("application")
            && ct.subtype().is_some_and(|s| {
                s.eq_ignore_ascii_case("pkcs7-mime") || s.eq_ignore_ascii_case("x-pkcs7-mime")
            })
            && ct
                .attribute("smime-type")
                .is_some_and(|s| s.eq_ignore_ascii_case(smime_type))
    })
}

fn certificates(msg: &mail_parser::Message) -> Option<AnswerKind> {
    msg.attachments()
        .chain(std::iter::once(msg.root_part()))
        .find(|part| {
            let certs_only = is_smime(part, "certs-only");
            let named = part
                .attachment_name()
                .is_some_and(|n| n.to_ascii_lowercase().ends_with(".p7c"));
            (certs_only || named) && !part.contents().is_empty()
        })
        .map(|part| AnswerKind::Certificates(part.contents().to_vec()))
}

/// An S/MIME signed-data part (opaque signing) whose signature verifies and
/// whose text is a rejection. A signature that does not verify is logged and
/// the mail read as unsigned.
fn signed_rejection(msg: &mail_parser::Message) -> Option<AnswerKind> {
    let part = msg
        .attachments()
        .chain(std::iter::once(msg.root_part()))
        .find(|part| is_smime(part, "signed-data") && !part.contents().is_empty())?;
    let (content, signer) = match crate::pki::cms::verify_signed(part.contents()) {
        Ok(v) => v,
        Err(e) => {
            log::warn!(
                "answer {:?}: S/MIME signature not verified ({}); read as unsigned",
                msg.message_id().unwrap_or_default(),
                e.localize(crate::i18n::Lang::En)
            );
            return None;
        }
    };
    let signer = signer.to_der().ok()?;
    let text = String::from_utf8_lossy(&content).into_owned();
    // The signed content is the text, or a MIME entity holding it.
    rejection(&text, Some(signer.clone())).or_else(|| {
        let inner = MessageParser::default().parse(content.as_slice())?;
        rejection(&inner.body_text(0)?, Some(signer))
    })
}

/// A `multipart/signed` mail (detached signing, what most mail clients and
/// servers send): its first part signed by the `pkcs7-signature` part. The
/// signature covers the first part's bytes as sent, headers included, with
/// CRLF line ends (RFC 8551 §3.1.1); a signature that does not verify is
/// logged and the mail read as unsigned.
fn detached_rejection(msg: &mail_parser::Message) -> Option<AnswerKind> {
    let raw = msg.raw_message();
    let (signed, signature) = msg.parts.iter().find_map(|part| {
        let ct = part.content_type()?;
        let is_signed = ct.ctype().eq_ignore_ascii_case("multipart")
            && ct
                .subtype()
                .is_some_and(|s| s.eq_ignore_ascii_case("signed"));
        let mail_parser::PartType::Multipart(ids) = &part.body else {
            return None;
        };
        let [first, second] = ids.as_slice() else {
            return None;
        };
        is_signed.then(|| (msg.part(*first), msg.part(*second)))
    })?;
    let (signed, signature) = (signed?, signature?);
    let entity = raw.get(signed.offset_header as usize..signed.offset_end as usize)?;
    let verified = signed_forms(entity)
        .into_iter()
        .find_map(|content| crate::pki::cms::verify_detached(signature.contents(), &content).ok());
    let Some(signer) = verified else {
        log::warn!(
            "answer {:?}: detached S/MIME signature not verified; read as unsigned",
            msg.message_id().unwrap_or_default()
        );
        return None;
    };
    let signer = signer.to_der().ok()?;
    let inner = MessageParser::default().parse(entity)?;
    rejection(&inner.body_text(0)?, Some(signer))
}

/// The signed entity as a signer may have hashed it: as sent, with CRLF
/// line ends, each with and without the line end before the boundary.
fn signed_forms(entity: &[u8]) -> Vec<Vec<u8>> {
    let crlf = {
        let mut out = Vec::with_capacity(entity.len() + entity.len() / 40);
        for (i, b) in entity.iter().enumerate() {
            if *b == b'\n' && (i == 0 || entity[i - 1] != b'\r') {
                out.push(b'\r');
            }
            out.push(*b);
        }
        out
    };
    let mut forms = Vec::new();
    for form in [entity.to_vec(), crlf] {
        let trimmed = form
            .strip_suffix(b"\r\n")
            .or_else(|| form.strip_suffix(b"\n"))
            .map(<[u8]>::to_vec);
        forms.push(form);
        forms.extend(trimmed);
    }
    forms
}

fn rejection(body: &str, signer: Option<Vec<u8>>) -> Option<AnswerKind> {
    let mut lines = body.lines().skip_while(|l| l.trim().is_empty());
    let first = lines.next()?.trim();
    let code = first.strip_prefix("REJET:")?.trim();
    let code = code.split_whitespace().next()?.to_string();
    let reason = lines.collect::<Vec<_>>().join("\n").trim().to_string();
    Some(AnswerKind::Rejection {
        code,
        reason,
        signer,
    })
}

/// How `inc` matches `req`, if at all. `csr_spki` is the request's public key.
pub fn matches(inc: &Incoming, req: &Request, csr_spki: Option<&[u8]>) -> Option<Match> {
    if let Some(id) = req.message_id.as_deref().map(bare_id) {
        if inc.refs.contains(&id) {
            return Some(Match::Reply);
        }
    }
    if inc.subject.contains(&req.id) {
        return Some(Match::Subject);
    }
    if let (AnswerKind::Certificates(bytes), Some(spki)) = (&inc.kind, csr_spki) {
        let certs = crate::pki::parse_certificates(bytes).unwrap_or_default();
        if certs.iter().any(|c| {
            c.tbs_certificate
                .subject_public_key_info
                .to_der()
                .is_ok_and(|d| d == spki)
        }) {
            return Some(Match::PublicKey);
        }
    }
    None
}

/// Whether the mail answers some *other* request by its In-Reply-To/References
/// or subject: then the public key of `req` must not claim it.
pub fn claimed_elsewhere(inc: &Incoming, req: &Request, others: &[Request]) -> bool {
    others
        .iter()
        .filter(|o| o.id != req.id)
        .any(|o| matches(inc, o, None).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::RequestType;

    fn mail(headers: &str, body: &str) -> Vec<u8> {
        format!("From: a@b\r\nTo: c@d\r\nMessage-ID: <ans1@ra>\r\n{headers}\r\n{body}").into_bytes()
    }

    #[test]
    fn rejection_with_reason() {
        let raw = mail(
            "In-Reply-To: <req1@x>\r\nSubject: Re: Demande\r\nContent-Type: text/plain; charset=utf-8\r\n",
            "REJET: ADMIN_INCONNU\r\nLe porteur n'est pas administrateur du serveur.\r\n",
        );
        let inc = parse(&raw).expect("answer");
        assert_eq!(inc.refs, vec!["req1@x".to_string()]);
        assert_eq!(inc.message_id.as_deref(), Some("ans1@ra"));
        assert_eq!(inc.from.as_deref(), Some("a@b"));
        assert_eq!(
            inc.kind,
            AnswerKind::Rejection {
                code: "ADMIN_INCONNU".into(),
                reason: "Le porteur n'est pas administrateur du serveur.".into(),
                signer: None,
            }
        );
        let mut req = Request::new("f", "r", RequestType::Ssl, "t");
        assert_eq!(matches(&inc, &req, None), None);
        req.message_id = Some("<req1@x>".into());
        assert_eq!(matches(&inc, &req, None), Some(Match::Reply));
    }

    #[test]
    fn unrelated_mail_is_not_an_answer() {
        let raw = mail("Subject: Bonjour\r\n", "Rien à voir.\r\n");
        assert_eq!(parse(&raw), None);
    }

    #[test]
    fn subject_with_request_id_matches() {
        let req = Request::new("f", "r", RequestType::Ssl, "t");
        let raw = mail(
            &format!("Subject: Re: Demande de certificat serveur {}\r\n", req.id),
            "REJET: CSR_INVALIDE\r\n",
        );
        let inc = parse(&raw).expect("answer");
        assert_eq!(matches(&inc, &req, None), Some(Match::Subject));
    }
}
