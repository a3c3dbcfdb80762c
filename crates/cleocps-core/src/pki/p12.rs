//! PKCS#12 export (RFC 7292), assembled by hand: the `pkcs12` crate gives
//! the types, OIDs and KDF only. Layout as OpenSSL writes it: an encrypted
//! SafeContents with the certificates, then a plain one with the shrouded key.

use super::{PkiError, Result};
use crate::secret::Secret;
use cms::content_info::{CmsVersion, ContentInfo};
use cms::encrypted_data::EncryptedData;
use cms::enveloped_data::EncryptedContentInfo;
use const_oid::db::{rfc5911, rfc5912};
use const_oid::ObjectIdentifier;
use der::asn1::{Any, BmpString, OctetString, SetOfVec};
use der::Encode;
use hmac::{Hmac, Mac};
use pkcs12::cert_type::CertBag;
use pkcs12::digest_info::DigestInfo;
use pkcs12::kdf::{derive_key_utf8, Pkcs12KeyType};
use pkcs12::mac_data::MacData;
use pkcs12::pbe_params::{EncryptedPrivateKeyInfo, Pkcs12PbeParams};
use pkcs12::pfx::{Pfx, Version};
use pkcs12::safe_bag::SafeBag;
use pkcs8::EncodePrivateKey;
use rand_core::{OsRng, RngCore};
use sha1::{Digest, Sha1};
use sha2::Sha256;
use spki::AlgorithmIdentifierOwned;
use x509_cert::attr::{Attribute, Attributes};
use x509_cert::Certificate;

/// Which algorithms protect the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum P12Profile {
    /// PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC) bags, HMAC-SHA256 MAC: OpenSSL 3's default.
    Modern,
    /// pbeWithSHAAnd3-KeyTripleDES-CBC bags, HMAC-SHA1 MAC: for old Windows and Java.
    Legacy,
    /// As the IGC-Santé platform delivers it: the key bag in
    /// pbeWithSHAAnd3-KeyTripleDES-CBC, the certificates unencrypted, an
    /// HMAC-SHA1 MAC, 2 048 iterations.
    Platform,
}

impl P12Profile {
    /// Iterations of the PKCS#12 KDF for the 3DES bags and the SHA-1 MAC.
    fn sha1_iterations(self) -> i32 {
        if self == P12Profile::Platform {
            2048
        } else {
            LEGACY_ITERATIONS
        }
    }
}

/// Iterations for the modern profile (PBKDF2 and MAC). OpenSSL writes 2048;
/// we use far more because a `.p12` travels (mail, USB keys) and its password
/// is the only protection, while OpenSSL 3, Java 11.0.12+/8u301+ and Windows 10+
/// still open it in well under a second. The MAC gets the same count: a cheaper
/// MAC would be the shortcut for a password guesser.
const MODERN_ITERATIONS: u32 = 100_000;

/// Iterations for the legacy profile: 10 000 (5× OpenSSL's 2048) keeps old,
/// slow importers (Windows 7 wizard, Java 8) quick while raising the cost of guessing.
const LEGACY_ITERATIONS: i32 = 10_000;

/// PKCS#9 friendlyName (the alias Java and Windows show).
pub(super) const FRIENDLY_NAME: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.20");
/// PKCS#9 localKeyId (ties the key bag to its certificate bag).
const LOCAL_KEY_ID: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.21");

/// The `.p12` (DER) holding `key`, `leaf` and `chain` (leaf's issuer first),
/// protected by `password`. The key and leaf bags carry `friendly_name` and a
/// localKeyId (SHA-1 of the leaf DER).
pub fn build_p12(
    key: &rsa::RsaPrivateKey,
    leaf: &Certificate,
    chain: &[Certificate],
    friendly_name: &str,
    password: &Secret,
    profile: P12Profile,
) -> Result<Vec<u8>> {
    let pw = password.expose();
    let leaf_der = leaf.to_der().map_err(asn1)?;
    let local_key_id = Sha1::digest(&leaf_der).to_vec();
    let attrs = bag_attributes(friendly_name, &local_key_id)?;

    let mut cert_bags = vec![cert_bag(&leaf_der, Some(attrs.clone()))?];
    for cert in chain.iter().filter(|c| *c != leaf) {
        cert_bags.push(cert_bag(&cert.to_der().map_err(asn1)?, None)?);
    }
    let certs_info = if profile == P12Profile::Platform {
        data_info(cert_bags.to_der().map_err(asn1)?)?
    } else {
        encrypted_info(profile, pw, &cert_bags.to_der().map_err(asn1)?)?
    };
    let pkcs8 = key
        .to_pkcs8_der()
        .map_err(|e| PkiError::Crypto(e.to_string()))?;
    let (alg, encrypted) = encrypt(profile, pw, pkcs8.as_bytes())?;
    let shrouded = EncryptedPrivateKeyInfo {
        encryption_algorithm: alg,
        encrypted_data: OctetString::new(encrypted).map_err(asn1)?,
    };
    let key_bag = SafeBag {
        bag_id: pkcs12::PKCS_12_PKCS8_KEY_BAG_OID,
        bag_value: shrouded.to_der().map_err(asn1)?,
        bag_attributes: Some(attrs),
    };
    let key_info = data_info(vec![key_bag].to_der().map_err(asn1)?)?;

    pfx(vec![certs_info, key_info], profile, pw)
}

/// The PFX (DER) of these safe contents, under a MAC of `profile`.
pub(super) fn pfx(contents: Vec<ContentInfo>, profile: P12Profile, pw: &str) -> Result<Vec<u8>> {
    let auth_safe = contents.to_der().map_err(asn1)?;
    let mac_data = mac(profile, pw, &auth_safe)?;
    Pfx {
        version: Version::V3,
        auth_safe: data_info(auth_safe)?,
        mac_data: Some(mac_data),
    }
    .to_der()
    .map_err(asn1)
}

/// The certificates' SafeContents, encrypted as `profile` says.
pub(super) fn encrypted_info(profile: P12Profile, pw: &str, bags: &[u8]) -> Result<ContentInfo> {
    let (alg, encrypted) = encrypt(profile, pw, bags)?;
    Ok(ContentInfo {
        content_type: rfc5911::ID_ENCRYPTED_DATA,
        content: Any::encode_from(&EncryptedData {
            version: CmsVersion::V0,
            enc_content_info: EncryptedContentInfo {
                content_type: rfc5911::ID_DATA,
                content_enc_alg: alg,
                encrypted_content: Some(OctetString::new(encrypted).map_err(asn1)?),
            },
            unprotected_attrs: None,
        })
        .map_err(asn1)?,
    })
}

pub(super) fn asn1(e: der::Error) -> PkiError {
    PkiError::Crypto(e.to_string())
}

fn random<const N: usize>() -> [u8; N] {
    let mut b = [0u8; N];
    OsRng.fill_bytes(&mut b);
    b
}

/// ContentInfo(id-data) wrapping `content` in an OCTET STRING.
fn data_info(content: Vec<u8>) -> Result<ContentInfo> {
    Ok(ContentInfo {
        content_type: rfc5911::ID_DATA,
        content: Any::encode_from(&OctetString::new(content).map_err(asn1)?).map_err(asn1)?,
    })
}

pub(super) fn cert_bag(cert_der: &[u8], attributes: Option<Attributes>) -> Result<SafeBag> {
    let bag = CertBag {
        cert_id: pkcs12::PKCS_12_X509_CERT_OID,
        cert_value: OctetString::new(cert_der).map_err(asn1)?,
    };
    Ok(SafeBag {
        bag_id: pkcs12::PKCS_12_CERT_BAG_OID,
        bag_value: bag.to_der().map_err(asn1)?,
        bag_attributes: attributes,
    })
}

fn bag_attributes(friendly_name: &str, local_key_id: &[u8]) -> Result<Attributes> {
    let one = |value: Any| -> Result<SetOfVec<Any>> {
        let mut set = SetOfVec::new();
        set.insert(value).map_err(asn1)?;
        Ok(set)
    };
    let name = BmpString::from_utf8(friendly_name).map_err(asn1)?;
    let mut attrs = SetOfVec::new();
    attrs
        .insert(Attribute {
            oid: FRIENDLY_NAME,
            values: one(Any::encode_from(&name).map_err(asn1)?)?,
        })
        .map_err(asn1)?;
    attrs
        .insert(Attribute {
            oid: LOCAL_KEY_ID,
            values: one(
                Any::encode_from(&OctetString::new(local_key_id).map_err(asn1)?).map_err(asn1)?,
            )?,
        })
        .map_err(asn1)?;
    Ok(attrs)
}

/// Encrypts a bag's content; returns the algorithm identifier and ciphertext.
fn encrypt(
    profile: P12Profile,
    pw: &str,
    data: &[u8],
) -> Result<(AlgorithmIdentifierOwned, Vec<u8>)> {
    let crypto = |e: &dyn std::fmt::Display| PkiError::Crypto(e.to_string());
    match profile {
        P12Profile::Modern => {
            let salt: [u8; 16] = random();
            let iv: [u8; 16] = random();
            let params =
                pkcs5::pbes2::Parameters::pbkdf2_sha256_aes256cbc(MODERN_ITERATIONS, &salt, &iv)
                    .map_err(|e| crypto(&e))?;
            let scheme = pkcs5::EncryptionScheme::from(params);
            // PBES2 takes the password as UTF-8 bytes, as OpenSSL and Java do.
            let ciphertext = scheme.encrypt(pw, data).map_err(|e| crypto(&e))?;
            let alg = der::Decode::from_der(&scheme.to_der().map_err(asn1)?).map_err(asn1)?;
            Ok((alg, ciphertext))
        }
        P12Profile::Legacy | P12Profile::Platform => {
            use cbc::cipher::{block_padding::Pkcs7, BlockEncryptMut, KeyIvInit};
            let salt: [u8; 8] = random();
            let iterations = profile.sha1_iterations();
            let derive = |kind, len| {
                derive_key_utf8::<Sha1>(pw, &salt, kind, iterations, len)
                    .map_err(asn1)
                    .map(zeroize::Zeroizing::new)
            };
            let key = derive(Pkcs12KeyType::EncryptionKey, 24)?;
            let iv = derive(Pkcs12KeyType::Iv, 8)?;
            let ciphertext = cbc::Encryptor::<des::TdesEde3>::new_from_slices(&key, &iv)
                .map_err(|e| crypto(&e))?
                .encrypt_padded_vec_mut::<Pkcs7>(data);
            let params = Pkcs12PbeParams {
                salt: OctetString::new(salt.to_vec()).map_err(asn1)?,
                iterations,
            };
            let alg = AlgorithmIdentifierOwned {
                oid: pkcs12::PKCS_12_PBE_WITH_SHAAND3_KEY_TRIPLE_DES_CBC,
                parameters: Some(Any::encode_from(&params).map_err(asn1)?),
            };
            Ok((alg, ciphertext))
        }
    }
}

/// The MAC over the AuthenticatedSafe, keyed with the PKCS#12 KDF (RFC 7292 B).
fn mac(profile: P12Profile, pw: &str, auth_safe: &[u8]) -> Result<MacData> {
    let salt: [u8; 16] = random();
    let crypto = |e: &dyn std::fmt::Display| PkiError::Crypto(e.to_string());
    let (oid, iterations, digest) = match profile {
        P12Profile::Modern => {
            let iterations = MODERN_ITERATIONS as i32;
            let key = zeroize::Zeroizing::new(
                derive_key_utf8::<Sha256>(pw, &salt, Pkcs12KeyType::Mac, iterations, 32)
                    .map_err(asn1)?,
            );
            let mut h = Hmac::<Sha256>::new_from_slice(&key).map_err(|e| crypto(&e))?;
            h.update(auth_safe);
            (
                rfc5912::ID_SHA_256,
                iterations,
                h.finalize().into_bytes().to_vec(),
            )
        }
        P12Profile::Legacy | P12Profile::Platform => {
            let iterations = profile.sha1_iterations();
            let key = zeroize::Zeroizing::new(
                derive_key_utf8::<Sha1>(pw, &salt, Pkcs12KeyType::Mac, iterations, 20)
                    .map_err(asn1)?,
            );
            let mut h = Hmac::<Sha1>::new_from_slice(&key).map_err(|e| crypto(&e))?;
            h.update(auth_safe);
            (
                rfc5912::ID_SHA_1,
                iterations,
                h.finalize().into_bytes().to_vec(),
            )
        }
    };
    Ok(MacData {
        mac: DigestInfo {
            algorithm: AlgorithmIdentifierOwned {
                oid,
                parameters: Some(Any::null()),
            },
            digest: OctetString::new(digest).map_err(asn1)?,
        },
        mac_salt: OctetString::new(salt.to_vec()).map_err(asn1)?,
        iterations,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pki::cert_from_pem_or_der;
    use crate::pki::test_support::{make_pki, run, test_key};
    use std::path::Path;
    use std::process::Command;

    fn cert(p: &Path) -> Certificate {
        cert_from_pem_or_der(&std::fs::read(p).expect("read")).expect("cert")
    }

    fn openssl_pkcs12(p12: &Path, pass: &str, extra: &[&str]) -> std::process::Output {
        Command::new("openssl")
            .args(["pkcs12", "-info", "-in"])
            .arg(p12)
            .args(["-passin", &format!("pass:{pass}")])
            .args(extra)
            .output()
            .expect("openssl must be installed")
    }

    fn check(profile: P12Profile) {
        let dir = tempfile::tempdir().expect("tmp");
        let d = dir.path();
        let key = test_key();
        let pki = make_pki(d, &key, "srv.example.fr");
        let leaf = cert(&pki.leaf);
        let chain = [cert(&pki.inter), cert(&pki.root)];
        // ASCII: keytool garbles non-ASCII -storepass arguments (even for OpenSSL-made files).
        let pass = "Mot de passe p12 !";
        let der = build_p12(
            &key,
            &leaf,
            &chain,
            "srv.example.fr",
            &Secret::new(pass),
            profile,
        )
        .expect("p12");
        let p12 = d.join("f.p12");
        std::fs::write(&p12, der).expect("write");

        // Certificates: all three, no -legacy needed; the MAC and bags open.
        let out = openssl_pkcs12(&p12, pass, &["-nokeys"]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let certs = String::from_utf8_lossy(&out.stdout);
        assert_eq!(
            certs.matches("-----BEGIN CERTIFICATE-----").count(),
            3,
            "{certs}"
        );
        assert!(certs.contains("friendlyName: srv.example.fr\n"), "{certs}");
        assert!(certs.contains("localKeyID:"), "{certs}");
        let info = String::from_utf8_lossy(&out.stderr);
        match profile {
            P12Profile::Modern => {
                assert!(info.contains("MAC: sha256"), "{info}");
                assert!(info.contains("PBES2, PBKDF2, AES-256-CBC"), "{info}");
            }
            P12Profile::Legacy => {
                assert!(info.contains("MAC: sha1"), "{info}");
                assert!(info.contains("pbeWithSHA1And3-KeyTripleDES-CBC"), "{info}");
            }
            P12Profile::Platform => {
                assert!(info.contains("MAC: sha1, Iteration 2048"), "{info}");
                assert!(info.contains("PKCS7 Data\nCertificate bag"), "{info}");
            }
        }

        // Key: decrypts, and matches the leaf.
        let out = openssl_pkcs12(&p12, pass, &["-nocerts", "-nodes"]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let key_pem = d.join("key.pem");
        std::fs::write(&key_pem, &out.stdout).expect("write");
        let key_mod = run(Command::new("openssl")
            .args(["rsa", "-noout", "-modulus", "-in"])
            .arg(&key_pem));
        let cert_mod = run(Command::new("openssl")
            .args(["x509", "-noout", "-modulus", "-in"])
            .arg(&pki.leaf));
        assert_eq!(key_mod, cert_mod);

        opens_with_accented_password(d, &key, &leaf, profile);

        // Wrong password: refused.
        assert!(!openssl_pkcs12(&p12, "wrong", &["-nokeys"]).status.success());

        opens_in_java(&p12, pass);
    }

    /// A non-ASCII password works with OpenSSL (BMPString for the KDF, UTF-8 for PBES2).
    fn opens_with_accented_password(
        d: &Path,
        key: &rsa::RsaPrivateKey,
        leaf: &Certificate,
        profile: P12Profile,
    ) {
        let accented = d.join("accented.p12");
        let der = build_p12(key, leaf, &[], "x", &Secret::new("pâté été"), profile).expect("p12");
        std::fs::write(&accented, der).expect("write");
        let out = openssl_pkcs12(&accented, "pâté été", &["-nodes"]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// Java: one PrivateKeyEntry with the chain of 3, and a wrong password refused.
    fn opens_in_java(p12: &Path, pass: &str) {
        let list = run(Command::new("keytool")
            .args(["-list", "-v", "-storetype", "PKCS12", "-keystore"])
            .arg(p12)
            .args(["-storepass", pass]));
        assert!(list.contains("Alias name: srv.example.fr\n"), "{list}");
        assert!(list.contains("PrivateKeyEntry"), "{list}");
        assert!(list.contains("Certificate chain length: 3"), "{list}");
        assert!(!Command::new("keytool")
            .args(["-list", "-storetype", "PKCS12", "-keystore"])
            .arg(p12)
            .args(["-storepass", "wrong"])
            .output()
            .expect("keytool must be installed")
            .status
            .success());
    }

    #[test]
    fn modern_p12_opens_in_openssl_and_java() {
        check(P12Profile::Modern);
    }

    #[test]
    fn legacy_p12_opens_in_openssl_and_java() {
        check(P12Profile::Legacy);
    }

    #[test]
    fn the_platforms_p12_opens_in_openssl_and_java() {
        check(P12Profile::Platform);
    }
}
