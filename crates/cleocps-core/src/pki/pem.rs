//! Lenient PEM reading and plain PEM writing, shared by the CSR and answer code.
//! Lenient because answers come from portals and mail clients: text before,
//! between and after blocks, CRLF, "Bag Attributes" lines are all tolerated.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;

/// One `-----BEGIN label-----` … `-----END label-----` block.
pub(crate) struct Block {
    pub label: String,
    /// The decoded body; `None` when the base64 is damaged or the END line is missing.
    pub der: Option<Vec<u8>>,
}

/// `label` block with 64-column base64 and LF endings.
pub(crate) fn encode(label: &str, der: &[u8]) -> String {
    let b64 = STANDARD.encode(der);
    let mut out = format!("-----BEGIN {label}-----\n");
    for chunk in b64.as_bytes().chunks(64) {
        // base64 output is ASCII, so each chunk is valid UTF-8.
        out.push_str(&String::from_utf8_lossy(chunk));
        out.push('\n');
    }
    out.push_str(&format!("-----END {label}-----\n"));
    out
}

/// Every PEM block of `text`, in order.
pub(crate) fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    // CR alone ends lines too: what a terminal paste carries.
    let mut lines = text.split(['\r', '\n']).map(str::trim);
    while let Some(line) = lines.next() {
        let Some(label) = line
            .strip_prefix("-----BEGIN ")
            .and_then(|l| l.strip_suffix("-----"))
        else {
            continue;
        };
        let end = format!("-----END {label}-----");
        let mut body = String::new();
        let mut closed = false;
        for l in lines.by_ref() {
            if l == end {
                closed = true;
                break;
            }
            // RFC 1421 headers ("Proc-Type: …") carry no base64.
            if !l.contains(':') {
                body.push_str(l);
            }
        }
        let der = if closed {
            STANDARD.decode(body.as_bytes()).ok()
        } else {
            None
        };
        out.push(Block {
            label: label.to_string(),
            der,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_damage() {
        let data: Vec<u8> = (0u8..=200).collect();
        let text = format!("junk\r\n{}more junk\n", encode("THING", &data));
        let b = blocks(&text);
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].label, "THING");
        assert_eq!(b[0].der.as_deref(), Some(&data[..]));
        let cr = text.replace('\n', "\r");
        assert_eq!(blocks(&cr)[0].der.as_deref(), Some(&data[..]));
        let cut = &text[..text.len() / 2];
        assert!(blocks(cut)[0].der.is_none());
    }
}
