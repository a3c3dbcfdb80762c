//! One mail of the server's mailbox: who it is (its key and Message-ID),
//! whom an answer would go to, and the request it carries, or why it
//! can't be answered. Bounded: a mail over `max_message_bytes` was read
//! header only, and a mail of too many parts or attachments is not looked into.

use cleocps_core::mail::RawMail;
use lettre::message::Mailbox;
use mail_parser::{Message, MessageParser, MimeHeaders};
use sha2::{Digest, Sha256};

/// The most MIME parts of a request mail (it has two).
pub(crate) const MAX_PARTS: usize = 32;
/// The most attachments of a request mail (it has one).
pub(crate) const MAX_ATTACHMENTS: usize = 8;

/// A mail as the loop sees it.
pub(crate) struct Incoming<'a> {
    /// The name of its records: SHA-256 of the mail as stored (of its
    /// header when it was too big to read), so a mail is handled once.
    pub key: String,
    /// Its Message-ID, else `sha256:<key>`.
    pub message_id: String,
    /// The address an answer would go to, as the mail writes it (Reply-To, else From).
    pub from: Option<String>,
    pub subject: Option<String>,
    /// True when `message_id` is the mail's own and fit for `In-Reply-To`.
    pub answerable_id: bool,
    msg: Option<Message<'a>>,
}

/// What a request mail offers: the `.p7m` and whom to answer.
pub(crate) struct Request<'a> {
    pub p7m: &'a [u8],
    pub to: Mailbox,
}

/// Control characters out, at most `max` characters: mail text shown in
/// records, logs and terminals.
pub(crate) fn clean(text: &str, max: usize) -> String {
    let mut out: String = text
        .trim()
        .chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .take(max)
        .collect();
    if text.trim().chars().count() > max {
        out.push('…');
    }
    out
}

pub(crate) fn read(raw: &RawMail) -> Incoming<'_> {
    let key = hex::encode(Sha256::digest(&raw.bytes));
    let msg = MessageParser::default().parse(&raw.bytes);
    let own_id = msg.as_ref().and_then(|m| m.message_id()).map(str::trim);
    let answerable_id = own_id.is_some_and(|id| {
        !id.is_empty()
            && id.len() <= 250
            && id
                .bytes()
                .all(|b| b.is_ascii_graphic() && b != b'<' && b != b'>')
    });
    let message_id = match own_id {
        Some(id) if !id.is_empty() => clean(id, 250),
        _ => format!("sha256:{key}"),
    };
    let (from, subject) = match &msg {
        Some(m) => (
            answer_header(m).map(|(_, v)| clean(&v, 200)),
            m.subject().map(|s| clean(s, 200)),
        ),
        None => (None, None),
    };
    Incoming {
        key,
        message_id,
        from,
        subject,
        answerable_id,
        msg,
    }
}

/// The header an answer goes to, and its value as written: Reply-To when
/// the mail has one (valid or not), else From.
fn answer_header(m: &Message<'_>) -> Option<(&'static str, String)> {
    let named = |name: &'static str| {
        m.header_raw(name)
            .map(|v| (name, v.trim().to_string()))
            .filter(|(_, v)| !v.is_empty())
    };
    named("Reply-To").or_else(|| named("From"))
}

impl Incoming<'_> {
    /// The request this mail carries, or why it can't be answered (final:
    /// the mail is recorded and skipped).
    pub(crate) fn request(&self, raw: &RawMail, max: u64) -> Result<Request<'_>, String> {
        let Some(msg) = &self.msg else {
            return Err("not a readable mail".into());
        };
        if !raw.whole {
            return Err(format!(
                "{} bytes, over max_message_bytes ({max}): not read",
                raw.size
            ));
        }
        let to = reply_address(msg)?;
        if msg.parts.len() > MAX_PARTS {
            return Err(format!(
                "{} MIME parts (at most {MAX_PARTS}): not a request mail",
                msg.parts.len()
            ));
        }
        let attachments = msg.attachment_count();
        if attachments > MAX_ATTACHMENTS {
            return Err(format!(
                "{attachments} attachments (at most {MAX_ATTACHMENTS}): not a request mail"
            ));
        }
        let p7m = msg
            .attachments()
            .find(|a| is_request(a))
            .ok_or("no request attached (.p7m)")?;
        Ok(Request {
            p7m: p7m.contents(),
            to,
        })
    }
}

/// The answer's recipient, checked before anything is decided: a request
/// whose answer can't be addressed is left undecided (it could be sent again
/// properly), and the fault is the mail's.
fn reply_address(msg: &Message<'_>) -> Result<Mailbox, String> {
    let (header, written) =
        answer_header(msg).ok_or("no sender address (From, Reply-To) to answer")?;
    let parsed = match header {
        "Reply-To" => msg.reply_to(),
        _ => msg.from(),
    };
    let address = parsed
        .and_then(|a| a.first())
        .and_then(|a| a.address())
        .map(str::trim);
    address
        .and_then(|a| a.parse::<lettre::Address>().ok())
        .map(|a| Mailbox::new(None, a))
        .ok_or_else(|| {
            format!(
                "the mail's {header} address \"{}\" is not valid: no answer can be sent",
                clean(&written, 100)
            )
        })
}

/// An attachment named `*.p7m` or typed `application/(x-)pkcs7-mime`
/// (enveloped-data, or no smime-type).
fn is_request(a: &mail_parser::MessagePart<'_>) -> bool {
    let named = a
        .attachment_name()
        .is_some_and(|n| n.to_ascii_lowercase().ends_with(".p7m"));
    let typed = a.content_type().is_some_and(|ct| {
        ct.ctype().eq_ignore_ascii_case("application")
            && ct.subtype().is_some_and(|s| {
                s.eq_ignore_ascii_case("pkcs7-mime") || s.eq_ignore_ascii_case("x-pkcs7-mime")
            })
            && ct
                .attribute("smime-type")
                .is_none_or(|t| t.eq_ignore_ascii_case("enveloped-data"))
    });
    named || typed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(text: &str) -> RawMail {
        RawMail {
            origin: "1".into(),
            size: text.len() as u64,
            bytes: text.as_bytes().to_vec(),
            whole: true,
        }
    }

    #[test]
    fn a_bad_reply_to_is_the_mails_fault_even_with_a_good_from() {
        let mail = raw(
            "From: a@b.fr\r\nReply-To: <<nobody\r\nMessage-ID: <x@y>\r\nSubject: s\x1b[2J\r\n\r\nhi",
        );
        let inc = read(&mail);
        assert_eq!(inc.message_id, "x@y");
        assert!(inc.answerable_id);
        assert_eq!(inc.subject.as_deref(), Some("s?[2J"));
        let why = inc.request(&mail, 1000).err().expect("refused");
        assert!(
            why.contains("Reply-To") && why.contains("<<nobody"),
            "{why}"
        );
        let mail = raw("From: a@b.fr\r\n\r\nhi");
        let inc = read(&mail);
        assert!(inc.message_id.starts_with("sha256:"));
        assert!(!inc.answerable_id);
        let why = inc.request(&mail, 1000).err().expect("refused");
        assert!(why.contains("no request attached"), "{why}");
    }

    #[test]
    fn long_text_is_cut() {
        assert_eq!(clean("abcdef", 3), "abc…");
        assert_eq!(clean(" ab\n", 3), "ab");
    }
}
