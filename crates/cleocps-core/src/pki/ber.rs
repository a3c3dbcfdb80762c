//! BER → DER for answers in the wild (DESIGN §4): Java and Windows CA
//! software write `.p7c` files with indefinite lengths (and sometimes
//! constructed OCTET STRINGs), which the der crate refuses. The value is
//! re-encoded with definite, minimal lengths; the contents of primitive
//! values, certificates' signed bytes included, are copied unchanged.
//! Bounded: nesting as in [`der_limits::MAX_DEPTH`], input size below
//! [`MAX_BYTES`], and work linear in the size times the depth.

use super::der_limits::MAX_DEPTH;

/// The largest input read: an answer is a few kilobytes; this is the
/// default largest mail (`max_message_bytes`).
pub const MAX_BYTES: usize = 10_000_000;

/// Why a value can't be normalised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BerError {
    /// The input ends inside a value: a truncated file.
    Truncated,
    /// Not BER, or beyond the bounds; the reason, in English (technical).
    Invalid(&'static str),
}

/// The first value of `input` in DER; what follows it (a newline, padding)
/// is ignored, as for DER files.
pub fn to_der(input: &[u8]) -> Result<Vec<u8>, BerError> {
    if input.len() > MAX_BYTES {
        return Err(BerError::Invalid("larger than an answer can be"));
    }
    let mut out = Vec::with_capacity(input.len());
    value(input, 0, &mut out)?;
    Ok(out)
}

/// Reads one value at the start of `input`, appends its DER to `out`;
/// returns how many bytes of `input` it took.
fn value(input: &[u8], depth: usize, out: &mut Vec<u8>) -> Result<usize, BerError> {
    if depth > MAX_DEPTH {
        return Err(BerError::Invalid("nested too deep"));
    }
    let id_len = identifier_len(input)?;
    let (length, len_len) = length(&input[id_len..])?;
    let start = id_len + len_len;
    let identifier = &input[..id_len];
    let constructed = identifier[0] & 0x20 != 0;
    let Some(length) = length else {
        if !constructed {
            return Err(BerError::Invalid("indefinite length on a primitive value"));
        }
        let (content, used) = children(&input[start..], None, depth)?;
        emit(identifier, content, out)?;
        return Ok(start + used);
    };
    let end = start
        .checked_add(length)
        .filter(|e| *e <= input.len())
        .ok_or(BerError::Truncated)?;
    if constructed {
        let (content, _) = children(&input[start..end], Some(length), depth)?;
        emit(identifier, content, out)?;
    } else {
        emit(identifier, input[start..end].to_vec(), out)?;
    }
    Ok(end)
}

/// The DER of the children of a constructed value; with `definite`, they
/// fill `input`; without, they end at an end-of-contents (`00 00`).
/// Returns the content and the bytes taken (end-of-contents included).
fn children(
    input: &[u8],
    definite: Option<usize>,
    depth: usize,
) -> Result<(Vec<u8>, usize), BerError> {
    let mut content = Vec::new();
    let mut at = 0;
    loop {
        let rest = &input[at..];
        match (definite, rest) {
            (Some(_), []) => return Ok((content, at)),
            (None, []) | (None, [0]) => return Err(BerError::Truncated),
            (None, [0, 0, ..]) => return Ok((content, at + 2)),
            (Some(_), [0, 0, ..]) => {
                return Err(BerError::Invalid("end-of-contents in a definite length"))
            }
            _ => at += value(rest, depth + 1, &mut content)?,
        }
    }
}

/// Appends identifier, minimal length and content; a constructed OCTET
/// STRING (BER's chunked form) becomes one primitive OCTET STRING.
fn emit(identifier: &[u8], content: Vec<u8>, out: &mut Vec<u8>) -> Result<(), BerError> {
    if identifier == [0x24] {
        let mut joined = Vec::with_capacity(content.len());
        let mut rest = &content[..];
        while !rest.is_empty() {
            // The chunks, already DER (nested chunked ones flattened).
            if rest[0] != 0x04 {
                return Err(BerError::Invalid("a chunk that is not an OCTET STRING"));
            }
            let (len, len_len) = length(&rest[1..])?;
            let len = len.ok_or(BerError::Invalid("chunk of indefinite length"))?;
            let (start, end) = (1 + len_len, 1 + len_len + len);
            joined.extend_from_slice(rest.get(start..end).ok_or(BerError::Truncated)?);
            rest = &rest[end..];
        }
        return emit(&[0x04], joined, out);
    }
    out.extend_from_slice(identifier);
    let n = content.len();
    match n {
        0..=0x7F => out.push(n as u8),
        _ => {
            let bytes = n.to_be_bytes();
            let skip = bytes.iter().take_while(|b| **b == 0).count();
            out.push(0x80 | (bytes.len() - skip) as u8);
            out.extend_from_slice(&bytes[skip..]);
        }
    }
    out.extend_from_slice(&content);
    Ok(())
}

/// The length of the identifier octets at the start of `input`.
fn identifier_len(input: &[u8]) -> Result<usize, BerError> {
    let first = *input.first().ok_or(BerError::Truncated)?;
    if first & 0x1F != 0x1F {
        return Ok(1);
    }
    // High tag number: base-128 digits, the last without the top bit.
    let digits = input[1..].iter().take_while(|b| *b & 0x80 != 0).count() + 1;
    if digits > 4 {
        return Err(BerError::Invalid("tag number too large"));
    }
    if input.len() < 1 + digits {
        return Err(BerError::Truncated);
    }
    Ok(1 + digits)
}

/// The length at the start of `input` (`None`: indefinite) and how many
/// bytes encode it. Long forms may have leading zeros in BER.
fn length(input: &[u8]) -> Result<(Option<usize>, usize), BerError> {
    let first = *input.first().ok_or(BerError::Truncated)?;
    match first {
        0x80 => Ok((None, 1)),
        b if b < 0x80 => Ok((Some(usize::from(b)), 1)),
        0xFF => Err(BerError::Invalid("reserved length octet")),
        b => {
            let n = usize::from(b & 0x7F);
            let digits = input.get(1..1 + n).ok_or(BerError::Truncated)?;
            let significant = digits.iter().skip_while(|d| **d == 0).count();
            if significant > 4 {
                return Err(BerError::Invalid("length too large"));
            }
            let len = digits
                .iter()
                .fold(0usize, |acc, d| (acc << 8) | usize::from(*d));
            Ok((Some(len), 1 + n))
        }
    }
}

#[cfg(test)]
#[path = "ber_tests.rs"]
mod tests;
