use super::*;
use crate::pki::test_support::{make_pki, p7c, test_key};
use crate::pki::{parse_certificates, PkiError};

/// One DER value of `der` (definite lengths): (identifier, content, rest).
fn split(der: &[u8]) -> (u8, &[u8], &[u8]) {
    let (len, at) = match der[1] {
        b if b < 0x80 => (usize::from(b), 2),
        b => {
            let n = usize::from(b & 0x7F);
            let len = der[2..2 + n]
                .iter()
                .fold(0, |a, d| (a << 8) | usize::from(*d));
            (len, 2 + n)
        }
    };
    (der[0], &der[at..at + len], &der[at + len..])
}

/// `der` with the constructed values of its first `levels` levels given
/// indefinite lengths, as Java's and Windows' CA software write them;
/// deeper values (the certificates) kept as they are.
fn indefinite(mut der: &[u8], levels: usize) -> Vec<u8> {
    let mut out = Vec::new();
    while !der.is_empty() {
        let (tag, content, rest) = split(der);
        if tag & 0x20 != 0 && levels > 0 {
            out.extend([tag, 0x80]);
            out.extend(indefinite(content, levels - 1));
            out.extend([0, 0]);
        } else {
            out.extend_from_slice(&der[..der.len() - rest.len()]);
        }
        der = rest;
    }
    out
}

fn answer() -> (tempfile::TempDir, Vec<u8>) {
    let dir = tempfile::tempdir().expect("tmp");
    let pki = make_pki(dir.path(), &test_key(), "srv.example.fr");
    let (der, _) = p7c(dir.path(), &[pki.leaf.as_path(), pki.inter.as_path()]);
    (dir, der)
}

#[test]
fn der_is_left_as_it_is_and_ber_becomes_that_der() {
    let (_dir, der) = answer();
    assert_eq!(to_der(&der), Ok(der.clone()));
    // ContentInfo, [0], SignedData, its fields and the certificates' SET.
    let ber = indefinite(&der, 4);
    assert!(ber.len() > der.len() && ber[1] == 0x80, "really BER");
    assert_eq!(to_der(&ber), Ok(der.clone()));
    let mut trailing = ber.clone();
    trailing.extend(b"\r\n");
    assert_eq!(to_der(&trailing), Ok(der.clone()));
    // Through the answer parser: the same certificates as the DER file.
    assert_eq!(
        parse_certificates(&ber).expect("BER"),
        parse_certificates(&der).expect("DER")
    );
    // Pasted as bare base64, in lines as a portal or terminal shows it.
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD.encode(&ber);
    let lines: Vec<&str> = b64
        .as_bytes()
        .chunks(76)
        .map(|c| std::str::from_utf8(c).expect("ascii"))
        .collect();
    let pasted = format!("\n  {}\r\n", lines.join("\r\n"));
    assert_eq!(
        parse_certificates(pasted.as_bytes()).expect("pasted"),
        parse_certificates(&der).expect("DER")
    );
}

#[test]
fn long_lengths_and_chunked_octet_strings() {
    // Non-minimal long form.
    assert_eq!(
        to_der(&[0x30, 0x82, 0x00, 0x03, 0x02, 0x01, 0x05]),
        Ok(vec![0x30, 0x03, 0x02, 0x01, 0x05])
    );
    // A chunked OCTET STRING, one chunk itself chunked, inside a SEQUENCE.
    let ber = [
        0x30, 0x80, 0x24, 0x80, 0x04, 0x02, 1, 2, 0x24, 0x03, 0x04, 0x01, 3, 0, 0, 0, 0,
    ];
    assert_eq!(to_der(&ber), Ok(vec![0x30, 0x05, 0x04, 0x03, 1, 2, 3]));
    // A content of 300 bytes gets a two-byte long form.
    let mut big = vec![0x04, 0x84, 0, 0, 0x01, 0x2C];
    big.extend([7u8; 300]);
    let der = to_der(&big).expect("big");
    assert_eq!(&der[..4], &[0x04, 0x82, 0x01, 0x2C]);
    // A high tag number is kept whole.
    assert_eq!(
        to_der(&[0xBF, 0x81, 0x01, 0x80, 0x05, 0x00, 0, 0]),
        Ok(vec![0xBF, 0x81, 0x01, 0x02, 0x05, 0x00])
    );
}

#[test]
fn damage_and_bounds_are_errors_not_panics() {
    let (_dir, der) = answer();
    let ber = indefinite(&der, 4);
    for cut in 0..ber.len() - 1 {
        assert_eq!(to_der(&ber[..cut]), Err(BerError::Truncated), "cut {cut}");
    }
    // A cut BER answer reads as truncated, for the user too.
    assert_eq!(
        parse_certificates(&ber[..ber.len() / 2]).err(),
        Some(PkiError::Truncated)
    );
    assert!(matches!(
        to_der(&[0x04, 0x80, 1, 0, 0]),
        Err(BerError::Invalid(_))
    ));
    assert!(matches!(
        to_der(&[0x30, 0x04, 0x00, 0x00, 0x05, 0x00]),
        Err(BerError::Invalid(_))
    ));
    assert!(matches!(
        to_der(&[0x24, 0x03, 0x02, 0x01, 0x01]),
        Err(BerError::Invalid(_))
    ));
    assert!(matches!(
        to_der(&[0x30, 0x85, 1, 0, 0, 0, 0]),
        Err(BerError::Invalid(_))
    ));
    // Nesting: MAX_DEPTH levels below the top pass, one more does not.
    let nested = |n: usize| {
        let mut v = [0x30, 0x80].repeat(n + 1);
        v.extend([0, 0].repeat(n + 1));
        v
    };
    assert!(to_der(&nested(MAX_DEPTH)).is_ok());
    assert_eq!(
        to_der(&nested(MAX_DEPTH + 1)),
        Err(BerError::Invalid("nested too deep"))
    );
    let huge = vec![0u8; MAX_BYTES + 1];
    assert!(matches!(to_der(&huge), Err(BerError::Invalid(_))));
    // Pseudo-random bytes: any outcome but a panic.
    let mut x = 0x2545_F491u32;
    for _ in 0..2000 {
        let bytes: Vec<u8> = (0..64)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                (x >> 8) as u8
            })
            .collect();
        let _ = to_der(&bytes);
    }
}
