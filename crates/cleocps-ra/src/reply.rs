//! The answer mail (DESIGN §5): `In-Reply-To` the request, `smime.p7c`
//! attached when issued, else the `REJET: <CODE>` text.

use super::decision::{Decision, Processed};
use cleocps_core::error::{Error, Result};
use cleocps_core::mail::MailError;
use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::Message;

/// The answer from `from` to `to` for `processed`. `in_reply_to` is the
/// request's Message-ID (without `<>`) when it is fit for a header.
pub(crate) fn answer_mail(
    from: &Mailbox,
    to: &Mailbox,
    in_reply_to: Option<&str>,
    subject: Option<&str>,
    processed: &Processed,
) -> Result<Message> {
    let compose = |e: String| Error::from(MailError::Compose(e));
    let id = format!("<{}@{}>", uuid::Uuid::new_v4(), from.email.domain());
    let subject = match subject {
        Some(s) if !s.is_empty() => format!("Re: {s}"),
        _ => "Re: Demande de certificat serveur".to_string(),
    };
    let mut builder = Message::builder()
        .from(from.clone())
        .to(to.clone())
        .subject(subject)
        .message_id(Some(id));
    if let Some(request) = in_reply_to {
        builder = builder
            .in_reply_to(format!("<{request}>"))
            .references(format!("<{request}>"));
    }
    let msg = match &processed.decision {
        Decision::Issued(_) => {
            let ctype = ContentType::parse("application/pkcs7-mime; smime-type=certs-only")
                .map_err(|e| compose(e.to_string()))?;
            builder.multipart(
                MultiPart::mixed()
                    .singlepart(SinglePart::plain(
                        "Votre certificat serveur est en pièce jointe (smime.p7c).\n".to_string(),
                    ))
                    .singlepart(
                        Attachment::new("smime.p7c".into()).body(processed.answer.clone(), ctype),
                    ),
            )
        }
        // The text for people, its S/MIME signature for cleocps (DESIGN §4a).
        Decision::Rejected { .. } => match &processed.signature {
            Some(signed) => {
                let ctype = ContentType::parse("application/pkcs7-mime; smime-type=signed-data")
                    .map_err(|e| compose(e.to_string()))?;
                builder.multipart(
                    MultiPart::mixed()
                        .singlepart(SinglePart::plain(
                            String::from_utf8_lossy(&processed.answer).into_owned(),
                        ))
                        .singlepart(
                            Attachment::new("rejet.p7m".into()).body(signed.clone(), ctype),
                        ),
                )
            }
            None => builder.body(String::from_utf8_lossy(&processed.answer).into_owned()),
        },
    };
    msg.map_err(|e| compose(e.to_string()))
}

/// What was decided, for records and logs.
pub(crate) fn outcome(processed: &Processed) -> String {
    match &processed.decision {
        Decision::Issued(i) => format!("issued {} for {}", i.summary.serial, i.names.join(", ")),
        Decision::Rejected { code, .. } => format!("rejected:{code}"),
    }
}
