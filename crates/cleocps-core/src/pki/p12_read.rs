//! Reading a PKCS#12 file (RFC 7292) made elsewhere, to adopt its key and
//! certificates (DESIGN §9a): OpenSSL 3's default (PBES2 AES-256-CBC, HMAC-SHA256
//! MAC), `-legacy` and old Windows exports (3DES key bag, RC2-40 certificates,
//! SHA-1 MAC), and Java's keytool. The MAC is checked first: a wrong password
//! is told as such, not as a damaged file.

use super::{PkiError, Result};
use crate::secret::Secret;
use cms::encrypted_data::EncryptedData;
use const_oid::db::{rfc5911, rfc5912};
use const_oid::ObjectIdentifier;
use der::asn1::OctetString;
use der::{Decode, Encode};
use hmac::{Hmac, Mac};
use pkcs12::cert_type::CertBag;
use pkcs12::kdf::{derive_key_utf8, Pkcs12KeyType};
use pkcs12::pbe_params::{EncryptedPrivateKeyInfo, Pkcs12PbeParams};
use pkcs12::pfx::Pfx;
use pkcs12::safe_bag::{SafeBag, SafeContents};
use pkcs8::DecodePrivateKey;
use rsa::RsaPrivateKey;
use sha1::Sha1;
use sha2::{Sha256, Sha384, Sha512};
use spki::AlgorithmIdentifierOwned;
use x509_cert::Certificate;
use zeroize::Zeroizing;

/// 128-bit RC2 and 40-bit RC2 password-based encryption (RFC 7292 appendix C).
const PBE_SHA_RC2_128: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.12.1.5");
const PBE_SHA_RC2_40: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.12.1.6");
const PBES2: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.5.13");
const KEY_BAG: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.12.10.1.1");
const SHROUDED_KEY_BAG: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.12.10.1.2");
const CERT_BAG: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.12.10.1.3");
const X509_CERTIFICATE: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.22.1");
/// A KDF count above this is refused: a hostile file could ask for hours of work.
const MAX_ITERATIONS: i32 = 10_000_000;

/// What a PKCS#12 file holds: its one private key and its certificates.
pub struct P12Contents {
    pub key: RsaPrivateKey,
    pub certs: Vec<Certificate>,
}

/// Opens a `.p12`/`.pfx` with its password.
pub fn read_p12(der: &[u8], password: &Secret) -> Result<P12Contents> {
    let pw = password.expose();
    let pfx = Pfx::from_der(der).map_err(|e| bad(&e))?;
    if pfx.auth_safe.content_type != rfc5911::ID_DATA {
        return Err(PkiError::P12Unsupported("public-key integrity mode".into()));
    }
    let auth_safe = octets(&pfx.auth_safe.content)?;
    let mac = pfx
        .mac_data
        .ok_or(PkiError::P12Unsupported("no MAC".into()))?;
    check_mac(&mac, pw, &auth_safe)?;

    let infos = Vec::<cms::content_info::ContentInfo>::from_der(&auth_safe).map_err(|e| bad(&e))?;
    let mut keys = Vec::new();
    let mut certs = Vec::new();
    for info in infos {
        let contents = match info.content_type {
            rfc5911::ID_DATA => Zeroizing::new(octets(&info.content)?),
            rfc5911::ID_ENCRYPTED_DATA => {
                let enc: EncryptedData = info.content.decode_as().map_err(|e| bad(&e))?;
                let data = enc
                    .enc_content_info
                    .encrypted_content
                    .ok_or(bad(&"empty"))?;
                decrypt(&enc.enc_content_info.content_enc_alg, pw, data.as_bytes())?
            }
            other => return Err(PkiError::P12Unsupported(other.to_string())),
        };
        let bags = SafeContents::from_der(&contents).map_err(|e| bad(&e))?;
        for bag in bags {
            read_bag(&bag, pw, &mut keys, &mut certs)?;
        }
    }
    let mut keys = keys.into_iter();
    match (keys.next(), keys.next()) {
        (Some(key), None) => Ok(P12Contents { key, certs }),
        (None, _) => Err(PkiError::P12NoKey),
        (Some(_), Some(_)) => Err(PkiError::P12Unsupported("several keys".into())),
    }
}

fn read_bag(
    bag: &SafeBag,
    pw: &str,
    keys: &mut Vec<RsaPrivateKey>,
    certs: &mut Vec<Certificate>,
) -> Result<()> {
    // The pkcs12 crate keeps the bag's `[0] EXPLICIT` wrapper.
    let value = der::asn1::AnyRef::from_der(&bag.bag_value).map_err(|e| bad(&e))?;
    let explicit_0 = der::Tag::ContextSpecific {
        constructed: true,
        number: der::TagNumber::N0,
    };
    if der::Tagged::tag(&value) != explicit_0 {
        return Err(bad(&"bag value without its [0] tag"));
    }
    let value = value.value();
    match bag.bag_id {
        KEY_BAG => keys.push(rsa_key(value)?),
        SHROUDED_KEY_BAG => {
            let info = EncryptedPrivateKeyInfo::from_der(value).map_err(|e| bad(&e))?;
            let plain = decrypt(
                &info.encryption_algorithm,
                pw,
                info.encrypted_data.as_bytes(),
            )?;
            keys.push(rsa_key(&plain)?);
        }
        CERT_BAG => {
            let cert_bag = CertBag::from_der(value).map_err(|e| bad(&e))?;
            if cert_bag.cert_id == X509_CERTIFICATE {
                let cert =
                    Certificate::from_der(cert_bag.cert_value.as_bytes()).map_err(|e| bad(&e))?;
                if !certs.contains(&cert) {
                    certs.push(cert);
                }
            }
        }
        // CRL and secret bags: nothing to adopt.
        _ => {}
    }
    Ok(())
}

fn rsa_key(pkcs8_der: &[u8]) -> Result<RsaPrivateKey> {
    RsaPrivateKey::from_pkcs8_der(pkcs8_der).map_err(|_| PkiError::NotRsaKey)
}

/// The content of a `data` ContentInfo: an OCTET STRING.
fn octets(content: &der::Any) -> Result<Vec<u8>> {
    Ok(content
        .decode_as::<OctetString>()
        .map_err(|e| bad(&e))?
        .into_bytes())
}

fn bad(e: &dyn std::fmt::Display) -> PkiError {
    PkiError::BadP12(e.to_string())
}

fn iterations(n: i32) -> Result<i32> {
    if (1..=MAX_ITERATIONS).contains(&n) {
        Ok(n)
    } else {
        Err(PkiError::P12Unsupported(format!("{n} iterations")))
    }
}

/// HMAC over the AuthenticatedSafe with the PKCS#12 KDF key (RFC 7292 B).
fn check_mac(mac: &pkcs12::mac_data::MacData, pw: &str, auth_safe: &[u8]) -> Result<()> {
    let salt = mac.mac_salt.as_bytes();
    let n = iterations(mac.iterations)?;
    let expected = mac.mac.digest.as_bytes();
    macro_rules! verify {
        ($d:ty, $len:expr) => {{
            let key = Zeroizing::new(
                derive_key_utf8::<$d>(pw, salt, Pkcs12KeyType::Mac, n, $len)
                    .map_err(|e| bad(&e))?,
            );
            let mut h = Hmac::<$d>::new_from_slice(&key).map_err(|e| bad(&e))?;
            h.update(auth_safe);
            h.verify_slice(expected).is_ok()
        }};
    }
    let ok = match mac.mac.algorithm.oid {
        rfc5912::ID_SHA_1 => verify!(Sha1, 20),
        rfc5912::ID_SHA_256 => verify!(Sha256, 32),
        rfc5912::ID_SHA_384 => verify!(Sha384, 48),
        rfc5912::ID_SHA_512 => verify!(Sha512, 64),
        other => return Err(PkiError::P12Unsupported(format!("MAC {other}"))),
    };
    if ok {
        Ok(())
    } else {
        Err(PkiError::P12WrongPassword)
    }
}

/// Decrypts a bag or a SafeContents: PBES2, or the PKCS#12 PBEs with SHA-1
/// (3DES, RC2-128, RC2-40) that older tools write.
fn decrypt(alg: &AlgorithmIdentifierOwned, pw: &str, data: &[u8]) -> Result<Zeroizing<Vec<u8>>> {
    use cbc::cipher::{block_padding::Pkcs7, BlockDecryptMut, InnerIvInit, KeyIvInit};
    let wrong = |_| PkiError::P12WrongPassword;
    if alg.oid == PBES2 {
        let der = alg.to_der().map_err(|e| bad(&e))?;
        let scheme = pkcs5::EncryptionScheme::from_der(&der).map_err(|e| bad(&e))?;
        if let Some(params) = scheme.pbes2() {
            if let pkcs5::pbes2::Kdf::Pbkdf2(p) = &params.kdf {
                iterations(i32::try_from(p.iteration_count).unwrap_or(i32::MAX))?;
            }
        }
        // PBES2 takes the password as UTF-8 bytes, as OpenSSL and Java write it.
        // (Symmetric: no RSA key here, so nothing to blind.)
        return pkcs5::EncryptionScheme::decrypt(&scheme, pw, data)
            .map(Zeroizing::new)
            .map_err(|_| PkiError::P12WrongPassword);
    }
    let params: Pkcs12PbeParams = alg
        .parameters
        .as_ref()
        .ok_or(bad(&"no PBE parameters"))?
        .decode_as()
        .map_err(|e| bad(&e))?;
    let salt = params.salt.as_bytes();
    let n = iterations(params.iterations)?;
    let derive = |kind, len| {
        derive_key_utf8::<Sha1>(pw, salt, kind, n, len)
            .map(Zeroizing::new)
            .map_err(|e| bad(&e))
    };
    let iv = derive(Pkcs12KeyType::Iv, 8)?;
    let plain = match alg.oid {
        pkcs12::PKCS_12_PBE_WITH_SHAAND3_KEY_TRIPLE_DES_CBC => {
            let key = derive(Pkcs12KeyType::EncryptionKey, 24)?;
            cbc::Decryptor::<des::TdesEde3>::new_from_slices(&key, &iv)
                .map_err(|e| bad(&e))?
                .decrypt_padded_vec_mut::<Pkcs7>(data)
                .map_err(wrong)?
        }
        PBE_SHA_RC2_128 | PBE_SHA_RC2_40 => {
            let bits = if alg.oid == PBE_SHA_RC2_40 { 40 } else { 128 };
            let key = derive(Pkcs12KeyType::EncryptionKey, bits / 8)?;
            let cipher = rc2::Rc2::new_with_eff_key_len(&key, bits);
            cbc::Decryptor::<rc2::Rc2>::inner_iv_slice_init(cipher, &iv)
                .map_err(|e| bad(&e))?
                .decrypt_padded_vec_mut::<Pkcs7>(data)
                .map_err(wrong)?
        }
        other => return Err(PkiError::P12Unsupported(other.to_string())),
    };
    Ok(Zeroizing::new(plain))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pki::test_support::{cert, make_pki, read, run, test_key};
    use crate::pki::{build_p12, encode_key_pem, P12Profile};
    use std::process::Command;

    const PW: &str = "pw p12 é";

    #[test]
    fn our_own_p12_reads_back_in_both_profiles_and_a_wrong_password_is_told() {
        let dir = tempfile::tempdir().expect("tmp");
        let key = test_key();
        let leaf = cert(&make_pki(dir.path(), &key, "srv.example.fr").leaf);
        for profile in [P12Profile::Modern, P12Profile::Legacy, P12Profile::Platform] {
            let der = build_p12(&key, &leaf, &[], "srv", &Secret::new(PW), profile).expect("p12");
            let read = read_p12(&der, &Secret::new(PW)).expect("read");
            assert!(read.key == key);
            assert_eq!(read.certs, vec![leaf.clone()]);
            let wrong = read_p12(&der, &Secret::new("nope")).err();
            assert_eq!(wrong, Some(PkiError::P12WrongPassword));
        }
    }

    /// OpenSSL 3's default, `-legacy` (3DES key, RC2-40 certificates, SHA-1
    /// MAC: what old Windows exports look like) and keytool's.
    #[test]
    fn openssl_and_keytool_files_open() {
        let dir = tempfile::tempdir().expect("tmp");
        let d = dir.path();
        let key = test_key();
        let pki = make_pki(d, &key, "srv.example.fr");
        let key_pem = d.join("k.pem");
        std::fs::write(
            &key_pem,
            encode_key_pem(&key, None).expect("pem").as_bytes(),
        )
        .expect("write");
        let pass = "pass:pw-p12";
        for (name, extra) in [("default", None), ("legacy", Some("-legacy"))] {
            let out = d.join(format!("{name}.p12"));
            let mut cmd = Command::new("openssl");
            cmd.args(["pkcs12", "-export", "-passout", pass, "-inkey"])
                .arg(&key_pem)
                .arg("-in")
                .arg(&pki.leaf)
                .arg("-certfile")
                .arg(&pki.inter)
                .arg("-out")
                .arg(&out)
                .args(extra);
            run(&mut cmd);
            let read = read_p12(&read(&out), &Secret::new("pw-p12")).expect(name);
            assert!(read.key == key, "{name}");
            assert_eq!(read.certs.len(), 2, "{name}");
        }
        // keytool re-encodes the OpenSSL file with its own algorithms.
        let java = d.join("java.p12");
        run(Command::new("keytool")
            .args(["-importkeystore", "-noprompt", "-srcstoretype", "PKCS12"])
            .arg("-srckeystore")
            .arg(d.join("default.p12"))
            .args(["-srcstorepass", "pw-p12", "-deststoretype", "PKCS12"])
            .arg("-destkeystore")
            .arg(&java)
            .args(["-deststorepass", "pw-java"]));
        let read = read_p12(&read(&java), &Secret::new("pw-java")).expect("keytool");
        assert!(read.key == key);
        assert!(!read.certs.is_empty());
    }

    #[test]
    fn garbage_is_a_damaged_file_not_a_panic() {
        let pw = Secret::new("x");
        for input in [&b""[..], b"\x30\x03\x02\x01\x03", b"not a p12 at all"] {
            assert!(matches!(read_p12(input, &pw), Err(PkiError::BadP12(_))));
        }
    }
}
