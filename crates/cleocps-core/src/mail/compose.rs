//! The request mail (DESIGN §5): To the registration address, a short text
//! part and the `.p7m` as `application/pkcs7-mime; smime-type=enveloped-data`.

use super::MailError;
use crate::i18n::{tf, Lang};
use crate::request::Request;
use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::Message;

/// The subject the registration server and our matching rely on (**contract**).
pub fn subject(req: &Request) -> String {
    format!("Demande de certificat serveur {}", req.id)
}

pub fn mailbox(key: &'static str, value: Option<&str>) -> Result<Mailbox, MailError> {
    let value = value.ok_or(MailError::Missing(key))?;
    value.parse().map_err(|_| MailError::BadAddress {
        key,
        value: value.to_string(),
    })
}

/// A fresh Message-ID in the sender's domain, angle brackets included.
pub fn new_message_id(from: &Mailbox) -> String {
    format!("<{}.cleocps@{}>", uuid::Uuid::new_v4(), from.email.domain())
}

/// Builds the request mail carrying `p7m` (DER).
pub fn request_mail(
    req: &Request,
    from: Mailbox,
    to: Mailbox,
    message_id: &str,
    p7m: Vec<u8>,
) -> Result<Message, MailError> {
    let ctype = ContentType::parse("application/pkcs7-mime; smime-type=enveloped-data")
        .map_err(|e| MailError::Compose(e.to_string()))?;
    // The registration server is French: the text part always is.
    let text = tf(Lang::Fr, "mail.body", &[&req.path(), &req.id]);
    Message::builder()
        .from(from)
        .to(to)
        .subject(subject(req))
        .message_id(Some(message_id.to_string()))
        .multipart(
            MultiPart::mixed()
                .singlepart(SinglePart::plain(text))
                .singlepart(Attachment::new(format!("{}.p7m", req.name)).body(p7m, ctype)),
        )
        .map_err(|e| MailError::Compose(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::RequestType;

    #[test]
    fn mail_has_subject_attachment_and_id() {
        let req = Request::new("Dossier 1", "Demande 1", RequestType::Ssl, "t");
        let from = mailbox("mail_from", Some("admin@clinique.example.fr")).expect("from");
        let to = mailbox("registration.address", Some("inscription@example.fr")).expect("to");
        let id = new_message_id(&from);
        let p7m: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
        let m = request_mail(&req, from, to, &id, p7m.clone()).expect("mail");
        let raw = m.formatted();
        let parsed = mail_parser::MessageParser::default()
            .parse(&raw)
            .expect("parse");
        assert_eq!(parsed.subject(), Some(subject(&req).as_str()));
        assert_eq!(parsed.message_id(), Some(id.trim_matches(['<', '>'])));
        let att = parsed.attachments().next().expect("attachment");
        use mail_parser::MimeHeaders;
        assert_eq!(att.attachment_name(), Some("Demande 1.p7m"));
        let ct = att.content_type().expect("ctype");
        assert_eq!(ct.attribute("smime-type"), Some("enveloped-data"));
        assert_eq!(att.contents(), &p7m[..]);
    }

    #[test]
    fn bad_addresses_name_the_key() {
        assert_eq!(
            mailbox("mail_from", None).err(),
            Some(MailError::Missing("mail_from"))
        );
        assert!(matches!(
            mailbox("mail_from", Some("not an address")),
            Err(MailError::BadAddress {
                key: "mail_from",
                ..
            })
        ));
    }
}
