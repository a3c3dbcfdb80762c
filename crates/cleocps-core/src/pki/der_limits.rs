//! Limits on untrusted DER, checked before it is decoded. The der crate sorts
//! every SET OF it decodes by insertion, quadratic in its element count, and
//! recurses into nested values: a mail of a few megabytes holding a SET of
//! ten thousand elements (CMS recipients, certificates) costs minutes of CPU,
//! and a value nested thousands deep the stack. Nothing we read needs more
//! than a handful of elements per SET, nor deep nesting.

/// The most elements of a universal SET: CMS recipients, digest
/// algorithms, signer infos, the attribute values of a name.
pub const MAX_SET_ELEMENTS: usize = 16;
/// The most elements of a constructed context-specific value (an IMPLICIT
/// SET OF such as the certificates or the signed attributes of a
/// SignedData, or an IMPLICIT SEQUENCE).
pub const MAX_TAGGED_ELEMENTS: usize = 64;
/// The deepest nesting of constructed values.
pub const MAX_DEPTH: usize = 32;

/// `Ok` when `der` is within the limits (it may still not decode); else
/// why not, in words naming the count.
pub fn check(der: &[u8]) -> Result<(), String> {
    walk(der, 0).map(|_| ())
}

/// Walks the values of `rest` (one level); returns how many there are.
fn walk(mut rest: &[u8], depth: usize) -> Result<usize, String> {
    if depth > MAX_DEPTH {
        return Err(format!("DER nested deeper than {MAX_DEPTH} levels"));
    }
    let mut count = 0;
    while !rest.is_empty() {
        let (tag, content, after) = tlv(rest)?;
        count += 1;
        if tag & 0x20 != 0 {
            let n = walk(content, depth + 1)?;
            if tag == 0x31 && n > MAX_SET_ELEMENTS {
                return Err(format!(
                    "a SET of {n} elements (at most {MAX_SET_ELEMENTS}): too many CMS recipients or attributes"
                ));
            }
            if tag & 0xC0 == 0x80 && n > MAX_TAGGED_ELEMENTS {
                return Err(format!(
                    "a tagged set of {n} elements (at most {MAX_TAGGED_ELEMENTS}): too many certificates or attributes"
                ));
            }
        }
        rest = after;
    }
    Ok(count)
}

/// The first tag-length-value of `der`: its first tag byte, its content
/// and what follows it. Definite lengths only (DER).
fn tlv(der: &[u8]) -> Result<(u8, &[u8], &[u8]), String> {
    let short = || "DER value cut short".to_string();
    let (&tag, mut rest) = der.split_first().ok_or_else(short)?;
    if tag & 0x1F == 0x1F {
        // High tag number: base-128 digits, the last without the top bit.
        let digits = rest.iter().take_while(|b| *b & 0x80 != 0).count() + 1;
        if digits > 4 {
            return Err("DER tag number too large".into());
        }
        rest = rest.get(digits..).ok_or_else(short)?;
    }
    let (&first, mut rest) = rest.split_first().ok_or_else(short)?;
    let len = match first {
        0x80 => return Err("indefinite length (BER, not DER)".into()),
        b if b < 0x80 => usize::from(b),
        b => {
            let n = usize::from(b & 0x7F);
            if n > 4 {
                return Err("DER length too large".into());
            }
            let digits = rest.get(..n).ok_or_else(short)?;
            rest = &rest[n..];
            digits
                .iter()
                .fold(0usize, |acc, d| (acc << 8) | usize::from(*d))
        }
    };
    if len > rest.len() {
        return Err(short());
    }
    let (content, after) = rest.split_at(len);
    Ok((tag, content, after))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A DER length.
    fn len(n: usize) -> Vec<u8> {
        match n {
            0..=0x7F => vec![n as u8],
            0x80..=0xFF => vec![0x81, n as u8],
            _ => vec![0x82, (n >> 8) as u8, n as u8],
        }
    }

    fn value(tag: u8, content: &[u8]) -> Vec<u8> {
        [vec![tag], len(content.len()), content.to_vec()].concat()
    }

    fn set_of(tag: u8, n: usize) -> Vec<u8> {
        let items: Vec<u8> = (0..n).flat_map(|i| value(0x02, &[i as u8])).collect();
        value(tag, &items)
    }

    #[test]
    fn sets_are_bounded_sequences_are_not() {
        assert_eq!(check(&set_of(0x31, 16)), Ok(()));
        let err = check(&value(0x30, &set_of(0x31, 17))).expect_err("17");
        assert!(err.contains("17 elements"), "{err}");
        assert_eq!(check(&set_of(0x30, 5000)), Ok(()));
        assert_eq!(check(&set_of(0xA0, 64)), Ok(()));
        assert!(check(&set_of(0xA0, 65)).is_err());
    }

    #[test]
    fn depth_lengths_and_garbage() {
        let mut deep = value(0x05, &[]);
        for _ in 0..=MAX_DEPTH {
            deep = value(0x30, &deep);
        }
        assert!(check(&deep).expect_err("deep").contains("deeper"));
        assert!(check(&[0x30, 0x80, 0, 0]).is_err(), "indefinite");
        assert!(check(&[0x30, 0x05, 1]).is_err(), "cut short");
        assert!(check(&[0x30, 0x85, 1, 1, 1, 1, 1]).is_err(), "huge length");
        assert_eq!(check(&[]), Ok(()));
        // A high tag number is skipped over correctly.
        assert_eq!(
            check(&value(0x1F, &[])[..1]),
            Err("DER value cut short".into())
        );
        assert_eq!(check(&[0x9F, 0x81, 0x01, 0x00]), Ok(()));
    }
}
