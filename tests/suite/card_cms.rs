//! pki::cms against the openssl CLI, with a software key in place of the card.

use crate::support;

use cleocps_core::pki::cms::{
    enveloped_data, open_enveloped, signed_data, smime_entity, verify_signed,
};
use cleocps_core::pki::{decode_key_pem, PkiError};
use der::Encode;
use rsa::pkcs1v15::Pkcs1v15Sign;
use sha2::{Digest, Sha256};
use std::time::SystemTime;
use support::ca::{cms_encrypt, openssl};
use support::run;
use support::softhsm::Pki;

/// CSR-like bytes: binary, with zeros, CR and LF (-binary must keep them).
fn content() -> Vec<u8> {
    let mut v = b"0\x82\x02\x00CSR-LIKE\r\n\0".to_vec();
    v.extend((0..2000u32).map(|i| (i * 7 % 256) as u8));
    v
}

fn sign_with(key_pem: &str) -> impl FnMut(&[u8]) -> Result<Vec<u8>, String> {
    let key = decode_key_pem(key_pem, None).expect("key");
    move |data: &[u8]| {
        key.sign(Pkcs1v15Sign::new::<Sha256>(), &Sha256::digest(data))
            .map_err(|e| e.to_string())
    }
}

#[test]
fn signed_then_enveloped_opens_with_openssl_and_ourselves() {
    let dir = tempfile::tempdir().expect("tmp");
    let d = dir.path();
    let pki = Pki::new(d);
    let content = content();
    let mut sign = sign_with(&pki.sig.key_pem());
    let sd = signed_data(&content, &pki.sig.cert(), SystemTime::now(), &mut sign).expect("sd");
    std::fs::write(d.join("sd.der"), &sd).expect("w");

    // openssl verifies against the card CA, gives the content back byte for byte, names the signer.
    run(openssl()
        .args(["cms", "-verify", "-inform", "DER", "-binary", "-in"])
        .arg(d.join("sd.der"))
        .arg("-CAfile")
        .arg(&pki.card_ca.crt)
        .arg("-out")
        .arg(d.join("out.bin"))
        .arg("-signer")
        .arg(d.join("signer.pem")));
    assert_eq!(std::fs::read(d.join("out.bin")).expect("r"), content);
    let signer = std::fs::read_to_string(d.join("signer.pem")).expect("r");
    assert_eq!(signer.trim(), pki.sig.cert_pem().trim());

    // Its signed attributes: contentType, messageDigest, signingTime.
    let printed = String::from_utf8_lossy(&run(openssl()
        .args(["cms", "-cmsout", "-print", "-inform", "DER", "-in"])
        .arg(d.join("sd.der"))))
    .into_owned();
    for attr in ["contentType", "messageDigest", "signingTime", "sha256"] {
        assert!(printed.contains(attr), "{attr} missing in\n{printed}");
    }

    let env = enveloped_data(&sd, &pki.ra.cert()).expect("env");
    std::fs::write(d.join("req.p7m"), &env).expect("w");
    run(openssl()
        .args(["cms", "-decrypt", "-inform", "DER", "-binary", "-in"])
        .arg(d.join("req.p7m"))
        .arg("-recip")
        .arg(&pki.ra.crt)
        .arg("-inkey")
        .arg(&pki.ra.key)
        .arg("-out")
        .arg(d.join("dec.der")));
    assert_eq!(std::fs::read(d.join("dec.der")).expect("r"), sd);
    let printed = String::from_utf8_lossy(&run(openssl()
        .args(["cms", "-cmsout", "-print", "-inform", "DER", "-in"])
        .arg(d.join("req.p7m"))))
    .into_owned();
    assert!(printed.contains("aes-256-cbc"), "{printed}");

    // Our own opening side (the rehearsal registration server).
    let ra_key = decode_key_pem(&pki.ra.key_pem(), None).expect("ra key");
    assert_eq!(open_enveloped(&env, &ra_key).expect("open"), sd);
    let (got, cert) = verify_signed(&sd).expect("verify");
    assert_eq!(got, content);
    assert_eq!(
        cert.to_der().expect("der"),
        pki.sig.cert().to_der().expect("der")
    );

    // Not our key: refused; altered content: refused.
    let sig_key = decode_key_pem(&pki.sig.key_pem(), None).expect("k");
    assert_eq!(open_enveloped(&env, &sig_key), Err(PkiError::NotForThisKey));
    let mut bad = sd.clone();
    let pos = bad
        .windows(8)
        .position(|w| w == b"CSR-LIKE")
        .expect("content inside");
    bad[pos] ^= 1;
    assert_eq!(verify_signed(&bad), Err(PkiError::CmsBadSignature));

    // The MIME entity is read by openssl as S/MIME.
    let mail = format!("MIME-Version: 1.0\r\n{}", smime_entity(&env, "req.p7m"));
    std::fs::write(d.join("mail.eml"), mail).expect("w");
    run(openssl()
        .args(["cms", "-decrypt", "-binary", "-in"])
        .arg(d.join("mail.eml"))
        .arg("-recip")
        .arg(&pki.ra.crt)
        .arg("-inkey")
        .arg(&pki.ra.key)
        .arg("-out")
        .arg(d.join("dec2.der")));
    assert_eq!(std::fs::read(d.join("dec2.der")).expect("r"), sd);
}

#[test]
fn opens_what_openssl_makes() {
    let dir = tempfile::tempdir().expect("tmp");
    let d = dir.path();
    let pki = Pki::new(d);
    let content = content();
    std::fs::write(d.join("content.bin"), &content).expect("w");
    run(openssl()
        .args(["cms", "-sign", "-binary", "-nodetach", "-md", "sha256"])
        .args(["-outform", "DER", "-in"])
        .arg(d.join("content.bin"))
        .arg("-signer")
        .arg(&pki.sig.crt)
        .arg("-inkey")
        .arg(&pki.sig.key)
        .arg("-out")
        .arg(d.join("sd.der")));
    let sd = std::fs::read(d.join("sd.der")).expect("r");
    let (got, _) = verify_signed(&sd).expect("verify openssl's SignedData");
    assert_eq!(got, content);
    let env = cms_encrypt(&d.join("sd.der"), &pki.ra.crt, &d.join("env.der"));
    let ra_key = decode_key_pem(&pki.ra.key_pem(), None).expect("ra key");
    assert_eq!(open_enveloped(&env, &ra_key).expect("open"), sd);
}
