//! Which mails are worth reading (DESIGN §5: cost follows the answers, not
//! the mailbox). Built from the requests open to answers; among the mail
//! arrived since the earliest request left (a day of margin for time
//! zones: no answer comes before its request), it accepts a superset of
//! what `answer_mail::matches` can tie to them, so reading only candidates
//! never changes which answer a request gets:
//! - a reply: In-Reply-To/References carry a stored Message-ID;
//! - the request id in the subject;
//! - the public-key fallback: a mail that may carry a certificate
//!   (multipart, or a pkcs7 body).

use crate::answer_mail::bare_id;
use crate::request::Request;
use mail_parser::{HeaderValue, MessageParser, MimeHeaders};
use time::{Date, Duration, OffsetDateTime};

/// Why a mail is a candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Candidate {
    /// It replies to a request mail or names a request: a certificate or a rejection.
    Named,
    /// Only its certificate's key could tie it to a request: read only if it has one.
    MayCarryKey,
}

/// What the mailbox is asked for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Wanted {
    /// The requests' mail Message-IDs, without angle brackets.
    pub message_ids: Vec<String>,
    /// The requests' ids (looked for in the subject).
    pub request_ids: Vec<String>,
    /// No answer arrived before this day: the day before the earliest
    /// request mail left. `None`: no request.
    pub since: Option<Date>,
    /// Some request can be matched by its certificate's key (the fallback).
    pub by_key: bool,
    /// IMAP: only mail from this UID on (a wait's later looks: what came
    /// since the previous look), when the UIDVALIDITY is still the same.
    pub from_uid: Option<UidMark>,
}

/// A point in an IMAP mailbox: its UIDVALIDITY and the next UID then.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UidMark {
    pub uidvalidity: u32,
    pub uidnext: u32,
}

impl Wanted {
    /// For `requests` (those open to answers); `with_key` says whether a
    /// request has a public key to match a certificate against.
    pub fn new<'r>(
        requests: impl IntoIterator<Item = &'r Request>,
        with_key: impl Fn(&Request) -> bool,
    ) -> Wanted {
        let mut w = Wanted::default();
        for r in requests {
            if let Some(id) = r.message_id.as_deref().map(bare_id) {
                if !id.is_empty() {
                    w.message_ids.push(id);
                }
            }
            w.request_ids.push(r.id.clone());
            w.by_key |= with_key(r);
            let day = sent_day(r);
            w.since = Some(w.since.map_or(day, |d| d.min(day)));
        }
        w
    }

    /// Nothing can match: no need to look at the mailbox at all.
    pub fn is_empty(&self) -> bool {
        self.request_ids.is_empty()
    }

    /// Whether a mail with this header (and delivered on `arrived`) may be an
    /// answer: it replies to a request mail, names a request in its subject,
    /// or may carry a certificate and arrived since the earliest send date.
    pub fn header_matches(&self, header: &[u8], arrived: Option<Date>) -> bool {
        self.candidate(header, arrived).is_some()
    }

    /// As [`Wanted::header_matches`], saying why.
    pub fn candidate(&self, header: &[u8], arrived: Option<Date>) -> Option<Candidate> {
        // Unknown arrival: read it rather than miss an answer.
        if let (Some(since), Some(day)) = (self.since, arrived) {
            if day < since {
                return None;
            }
        }
        let msg = MessageParser::default().parse_headers(header)?;
        if self.strong(&msg) {
            Some(Candidate::Named)
        } else if self.fallback(&msg) {
            Some(Candidate::MayCarryKey)
        } else {
            None
        }
    }

    /// A reply to a request mail, or a request id in the subject.
    fn strong(&self, msg: &mail_parser::Message) -> bool {
        let mut refs = Vec::new();
        for v in [msg.in_reply_to(), msg.references()] {
            match v {
                HeaderValue::Text(t) => refs.push(bare_id(t)),
                HeaderValue::TextList(list) => refs.extend(list.iter().map(|t| bare_id(t))),
                _ => {}
            }
        }
        let subject = msg.subject().unwrap_or_default();
        self.message_ids.iter().any(|id| refs.contains(id))
            || self
                .request_ids
                .iter()
                .any(|id| subject.contains(id.as_str()))
    }

    /// May carry a certificate (multipart, or a pkcs7 body).
    fn fallback(&self, msg: &mail_parser::Message) -> bool {
        self.by_key
            && msg.content_type().is_some_and(|ct| {
                ct.ctype().eq_ignore_ascii_case("multipart")
                    || ct
                        .subtype()
                        .is_some_and(|s| s.to_ascii_lowercase().contains("pkcs7"))
            })
    }

    /// The IMAP `SEARCH` keys (RFC 3501 §6.4.4) of the mail that arrived
    /// in time: the date (`SINCE`, and the UID range of [`Wanted::from_uid`]),
    /// then, among those, what names a request or may carry a key.
    /// `None` when nothing can match.
    pub fn imap_search(&self) -> Option<(String, String)> {
        let since = self.since?;
        let mut keys = Vec::new();
        for id in &self.message_ids {
            // Our own Message-IDs are ASCII; another one can't be quoted,
            // its reply is still found by the subject or the key.
            if let Some(q) = quoted(id) {
                keys.push(format!("HEADER In-Reply-To {q}"));
                keys.push(format!("HEADER References {q}"));
            }
        }
        for id in &self.request_ids {
            if let Some(q) = quoted(id) {
                keys.push(format!("SUBJECT {q}"));
            }
        }
        if self.by_key {
            keys.push("OR HEADER Content-Type \"multipart\" HEADER Content-Type \"pkcs7\"".into());
        }
        let last = keys.pop()?;
        // OR takes two keys: OR a OR b c …
        let which = keys
            .iter()
            .rev()
            .fold(last, |acc, k| format!("OR {k} {acc}"));
        Some((format!("SINCE {}", imap_date(since)), which))
    }
}

impl Wanted {
    /// The date key as `YOUNGER` seconds (RFC 5032 WITHIN), which servers
    /// answer from their index, where `SINCE` makes dovecot look at every
    /// message's date (measured: 20 ms against 150 ms at 20 000 messages).
    pub fn imap_younger(&self, now: OffsetDateTime) -> Option<String> {
        let start = self.since?.midnight().assume_utc();
        let secs = (now - start).whole_seconds().max(1);
        Some(format!("YOUNGER {secs}"))
    }
}

/// The day the request mail left (its journal), else its creation; one day
/// earlier, as the server's day may be in another time zone.
fn sent_day(r: &Request) -> Date {
    let parse =
        |s: &str| OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339).ok();
    let sent = r
        .journal
        .iter()
        .rev()
        .find(|e| e.action == "request_send")
        .and_then(|e| parse(&e.time))
        .or_else(|| parse(&r.created));
    match sent {
        Some(t) => (t - Duration::days(1)).date(),
        // An unreadable date: every mail is a candidate rather than none.
        None => Date::MIN,
    }
}

/// `1-Jan-2026`, the date of an IMAP `SINCE`.
pub fn imap_date(d: Date) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month = MONTHS[usize::from(u8::from(d.month())) - 1];
    format!("{}-{month}-{}", d.day(), d.year().max(1))
}

/// An IMAP quoted string, for printable ASCII only.
fn quoted(s: &str) -> Option<String> {
    if s.is_empty() || !s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return None;
    }
    Some(format!(
        "\"{}\"",
        s.replace('\\', "\\\\").replace('"', "\\\"")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::{JournalEntry, RequestType};

    fn req(mid: Option<&str>, sent: &str) -> Request {
        let mut r = Request::new("f", "r", RequestType::Ssl, "2026-01-01T00:00:00Z");
        r.message_id = mid.map(str::to_string);
        r.journal.push(JournalEntry {
            time: sent.into(),
            action: "request_send".into(),
            outcome: String::new(),
        });
        r
    }

    #[test]
    fn one_search_for_every_request() {
        let a = req(Some("<a@x>"), "2026-03-10T08:00:00Z");
        let b = req(Some("<b\"q@x>"), "2026-02-01T23:00:00+00:00");
        let w = Wanted::new([&a, &b], |_| true);
        assert_eq!(w.since, Some(time::macros::date!(2026 - 01 - 31)));
        let (when, q) = w.imap_search().expect("query");
        assert_eq!(when, "SINCE 31-Jan-2026");
        // Seven keys joined by six ORs, and the OR of the key fallback.
        assert_eq!(q.matches("OR ").count(), 7, "{q}");
        assert!(q.contains("HEADER In-Reply-To \"a@x\""), "{q}");
        assert!(q.contains("HEADER References \"b\\\"q@x\""), "{q}");
        assert!(q.contains(&format!("SUBJECT \"{}\"", a.id)), "{q}");
        assert!(
            q.ends_with("OR HEADER Content-Type \"multipart\" HEADER Content-Type \"pkcs7\""),
            "{q}"
        );
        let no_key = Wanted::new([&a], |_| false);
        assert!(!no_key.by_key);
        assert!(!no_key.imap_search().expect("q").1.contains("Content-Type"));
        let now = time::macros::datetime!(2026-02-01 00:00 UTC);
        assert_eq!(w.imap_younger(now).as_deref(), Some("YOUNGER 86400"));
        assert_eq!(Wanted::default().imap_younger(now), None);
        assert_eq!(Wanted::default().imap_search(), None);
        assert!(Wanted::default().is_empty());
    }

    #[test]
    fn headers_decide_like_the_matching_rules() {
        let a = req(Some("<a@x>"), "2026-03-10T08:00:00Z");
        let w = Wanted::new([&a], |_| true);
        let day = |d: u8| Date::from_calendar_date(2026, time::Month::March, d).ok();
        let reply = b"In-Reply-To: <a@x>\r\nSubject: Re\r\n\r\n";
        assert!(w.header_matches(reply, day(9)));
        let refs = b"References: <z@y>\r\n <a@x>\r\nSubject: Re\r\n\r\n";
        assert!(w.header_matches(refs, day(9)));
        let subject = format!("Subject: =?utf-8?q?R=C3=A9ponse?= {}\r\n\r\n", a.id);
        assert!(w.header_matches(subject.as_bytes(), day(9)));
        let other = b"In-Reply-To: <b@x>\r\nSubject: Bonjour\r\n\r\n";
        assert!(!w.header_matches(other, day(20)));
        // Nothing arrived before the request left is an answer.
        assert!(!w.header_matches(reply, day(8)));
        let multipart = b"Subject: x\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n";
        assert!(w.header_matches(multipart, day(9)));
        assert!(w.header_matches(multipart, None));
        assert!(!w.header_matches(multipart, day(8)));
        let p7 = b"Content-Type: application/x-pkcs7-mime; smime-type=certs-only\r\n\r\n";
        assert!(w.header_matches(p7, day(10)));
        let text = b"Subject: x\r\nContent-Type: text/plain\r\n\r\n";
        assert!(!w.header_matches(text, day(10)));
        let no_key = Wanted::new([&a], |_| false);
        assert!(!no_key.header_matches(multipart, day(10)));
    }
}
