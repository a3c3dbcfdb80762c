//! The parts of a message an answer is read from (DESIGN §5): from the
//! server's `BODYSTRUCTURE`, which leaves to download, and the message
//! rebuilt from its header and those leaves only, for `answer_mail::parse`.

use super::wanted::Candidate;
use imap_proto::types::{BodyContentCommon, BodyStructure};

/// One leaf of the structure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leaf {
    /// Its section number (`[1, 2]` is `1.2`).
    pub path: Vec<u32>,
    /// `type/subtype`, lower case.
    pub mime: String,
    /// `smime-type`, lower case, when given.
    pub smime_type: Option<String>,
    /// Its file names (Content-Type `name`, Content-Disposition `filename`), lower case.
    pub names: Vec<String>,
    pub octets: u64,
}

impl Leaf {
    /// May hold certificates or a signed rejection: a pkcs7 part, or a file
    /// named `.p7c`/`.p7m`, or a name encoded so it can't be told here.
    pub fn may_be_pkcs7(&self) -> bool {
        self.mime.contains("pkcs7")
            || self.names.iter().any(|n| {
                n.ends_with(".p7c") || n.ends_with(".p7m") || n.contains("=?") || n.contains('\'')
            })
    }

    fn is_text(&self) -> bool {
        self.mime.starts_with("text/")
    }
}

/// What to download of a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Plan {
    /// A single-part message: all of it.
    Whole,
    /// These leaves of a multipart message.
    Leaves(Vec<Leaf>),
    /// Nothing there can be an answer.
    Nothing,
}

impl Plan {
    /// The bytes to download for this plan (`size`: the whole message's).
    pub fn bytes(&self, size: u64) -> u64 {
        match self {
            Plan::Whole => size,
            Plan::Leaves(l) => l.iter().map(|l| l.octets).sum(),
            Plan::Nothing => 0,
        }
    }
}

/// The leaves to read: the pkcs7 ones, and for a mail that names a request
/// the text ones too (a rejection's text). A mail only the key could tie
/// needs a certificate part, else it is not read at all.
pub fn plan(bs: &BodyStructure<'_>, why: Candidate) -> Plan {
    let BodyStructure::Multipart { .. } = bs else {
        let leaf = &leaves(bs, Vec::new())[..];
        return match (why, leaf) {
            (Candidate::Named, _) => Plan::Whole,
            (Candidate::MayCarryKey, [l]) if l.may_be_pkcs7() => Plan::Whole,
            _ => Plan::Nothing,
        };
    };
    let all = leaves(bs, Vec::new());
    if why == Candidate::MayCarryKey && !all.iter().any(Leaf::may_be_pkcs7) {
        return Plan::Nothing;
    }
    let keep: Vec<Leaf> = all
        .into_iter()
        .filter(|l| l.may_be_pkcs7() || (why == Candidate::Named && l.is_text()))
        .collect();
    if keep.is_empty() {
        Plan::Nothing
    } else {
        Plan::Leaves(keep)
    }
}

/// Every leaf under `bs` (numbered from `path`), in order.
pub fn leaves(bs: &BodyStructure<'_>, path: Vec<u32>) -> Vec<Leaf> {
    let (common, octets) = match bs {
        BodyStructure::Multipart { bodies, .. } => {
            return bodies
                .iter()
                .zip(1u32..)
                .flat_map(|(b, i)| {
                    let mut p = path.clone();
                    p.push(i);
                    leaves(b, p)
                })
                .collect();
        }
        BodyStructure::Basic { common, other, .. }
        | BodyStructure::Text { common, other, .. }
        | BodyStructure::Message { common, other, .. } => (common, other.octets),
    };
    // A single-part message's only part is section 1.
    let path = if path.is_empty() { vec![1] } else { path };
    vec![leaf(common, path, u64::from(octets))]
}

fn leaf(common: &BodyContentCommon<'_>, path: Vec<u32>, octets: u64) -> Leaf {
    let ty = &common.ty;
    let param = |params: &imap_proto::types::BodyParams<'_>, key: &str| -> Vec<String> {
        params
            .iter()
            .flatten()
            .filter(|(k, _)| {
                let k = k.to_ascii_lowercase();
                k == key || k.starts_with(&format!("{key}*"))
            })
            .map(|(_, v)| v.to_ascii_lowercase())
            .collect()
    };
    let mut names = param(&ty.params, "name");
    if let Some(d) = &common.disposition {
        names.extend(param(&d.params, "filename"));
    }
    Leaf {
        path,
        mime: format!("{}/{}", ty.ty, ty.subtype).to_ascii_lowercase(),
        smime_type: param(&ty.params, "smime-type").into_iter().next(),
        names,
        octets,
    }
}

/// `1.2`.
pub fn section(path: &[u32]) -> String {
    path.iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(".")
}

/// A message made of `header` (its own Content-Type dropped) and the given
/// parts, each its MIME header then its body as the server sent them
/// (still transfer-encoded), in a `multipart/mixed`.
pub fn rebuild(header: &[u8], parts: &[(&[u8], &[u8])]) -> Vec<u8> {
    let boundary = format!("cleocps-{}", uuid::Uuid::new_v4().simple());
    let mut out = Vec::with_capacity(
        header.len()
            + parts
                .iter()
                .map(|(h, b)| h.len() + b.len() + 64)
                .sum::<usize>(),
    );
    out.extend(without_fields(
        header,
        &["content-type", "content-transfer-encoding"],
    ));
    out.extend(format!("Content-Type: multipart/mixed; boundary=\"{boundary}\"\r\n\r\n").bytes());
    for (mime, body) in parts {
        out.extend(format!("--{boundary}\r\n").bytes());
        out.extend_from_slice(mime);
        if !mime.ends_with(b"\n\n") && !mime.ends_with(b"\r\n\r\n") {
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(body);
        out.extend_from_slice(b"\r\n");
    }
    out.extend(format!("--{boundary}--\r\n").bytes());
    out
}

/// `header` without the named fields (continuation lines included) and
/// without its final blank line.
fn without_fields(header: &[u8], names: &[&str]) -> Vec<u8> {
    let mut out = Vec::with_capacity(header.len());
    let mut dropping = false;
    for line in header.split_inclusive(|&b| b == b'\n') {
        if line == b"\r\n" || line == b"\n" {
            break;
        }
        let continued = line.first().is_some_and(|b| *b == b' ' || *b == b'\t');
        if !continued {
            let name = line.iter().position(|&b| b == b':').map(|i| {
                String::from_utf8_lossy(&line[..i])
                    .trim()
                    .to_ascii_lowercase()
            });
            dropping = name.is_some_and(|n| names.contains(&n.as_str()));
        }
        if !dropping {
            out.extend_from_slice(line);
        }
    }
    if !out.ends_with(b"\n") && !out.is_empty() {
        out.extend_from_slice(b"\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer_mail;

    /// Splits a test message into its header and its parts (MIME header, body).
    fn split(raw: &str, boundary: &str) -> (String, Vec<(String, String)>) {
        let (header, body) = raw.split_once("\r\n\r\n").expect("header");
        let parts = body
            .split(&format!("--{boundary}"))
            .filter(|p| p.starts_with("\r\n"))
            .map(|p| {
                let (h, b) = p[2..].split_once("\r\n\r\n").expect("part");
                (
                    format!("{h}\r\n\r\n"),
                    b.trim_end_matches("\r\n").to_string(),
                )
            })
            .collect();
        (format!("{header}\r\n\r\n"), parts)
    }

    #[test]
    fn rebuilt_from_chosen_parts_reads_as_the_whole() {
        let raw = "From: ra@x\r\nMessage-ID: <m@x>\r\nIn-Reply-To: <r@x>\r\nSubject: Re\r\n\
                   Content-Type: multipart/mixed;\r\n boundary=\"B\"\r\nMIME-Version: 1.0\r\n\r\n\
                   --B\r\nContent-Type: text/plain\r\n\r\nREJET: CSR_INVALIDE\r\nMauvaise demande.\r\n\
                   --B\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\nAAAA\r\n\
                   --B--\r\n";
        let (header, parts) = split(raw, "B");
        assert_eq!(parts.len(), 2);
        let chosen = [(parts[0].0.as_bytes(), parts[0].1.as_bytes())];
        let rebuilt = rebuild(header.as_bytes(), &chosen);
        let text = String::from_utf8_lossy(&rebuilt);
        assert!(!text.contains("boundary=\"B\""), "{text}");
        assert_eq!(
            answer_mail::parse(&rebuilt),
            answer_mail::parse(raw.as_bytes())
        );
        assert!(answer_mail::parse(&rebuilt).is_some());
    }

    #[test]
    fn fields_are_dropped_with_their_continuations() {
        let h = b"A: 1\r\nContent-Type: multipart/mixed;\r\n\tboundary=x\r\nB: 2\r\n\r\n";
        assert_eq!(without_fields(h, &["content-type"]), b"A: 1\r\nB: 2\r\n");
        assert_eq!(section(&[1, 2]), "1.2");
    }
}
