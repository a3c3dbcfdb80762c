//! The rehearsal registration server refusing, through the real binary:
//! each rejection code of DESIGN §5 with its `REJET: <CODE>` answer, and
//! garbage input handled without a panic.

use crate::support;

use support::ca::cms_encrypt;
use support::ra::{Server, FQDN, HOLDER};
use support::*;

fn ssl_edit() -> Vec<&'static str> {
    vec!["--cn", FQDN, "--ou", "318751275100020"]
}

#[test]
fn holder_not_administrator_is_admin_inconnu() {
    let t = tempfile::tempdir().expect("tmp");
    let server = Server::new(t.path());
    let token = server.card(&server.dir, "899700367917", "autre");
    let p7m = server.request("srv", "ssl", &ssl_edit(), &[], &token);
    let body = server.rejected(&p7m, "rejet.txt", "ADMIN_INCONNU");
    assert!(
        body.contains("899700367917") && body.contains(FQDN),
        "{body}"
    );
    // An extra name the holder does not administer is refused too.
    let token = server.card(&server.dir, HOLDER, "carte");
    let mut edit = ssl_edit();
    edit.extend(["--san", "intrus.example.fr"]);
    let p7m = server.request("srv2", "ssl", &edit, &[], &token);
    let body = server.rejected(&p7m, "rejet2.txt", "ADMIN_INCONNU");
    assert!(body.contains("intrus.example.fr"), "{body}");
}

#[test]
fn card_from_another_ca_is_certificat_carte_invalide() {
    let t = tempfile::tempdir().expect("tmp");
    let server = Server::new(t.path());
    let other = t.path().join("autre-ra");
    ok(&server.ws, &["ra", "init", s(&other), "--ca-bits", "2048"]);
    let token = server.card(&other, HOLDER, "etrangere");
    let p7m = server.request("srv", "ssl", &ssl_edit(), &[], &token);
    server.rejected(&p7m, "rejet.txt", "CERTIFICAT_CARTE_INVALIDE");
}

#[test]
fn legacy_1024_key_is_cle_trop_courte() {
    let t = tempfile::tempdir().expect("tmp");
    let server = Server::new(t.path());
    let token = server.card(&server.dir, HOLDER, "carte");
    let p7m = server.request("old", "ssl", &ssl_edit(), &["--legacy-1024"], &token);
    let body = server.rejected(&p7m, "rejet.txt", "CLE_TROP_COURTE");
    assert!(body.contains("1024"), "{body}");
}

#[test]
fn garbage_is_a_clear_failure_never_a_panic() {
    let t = tempfile::tempdir().expect("tmp");
    let server = Server::new(t.path());
    let random: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("random.p7m", random),
        ("empty.p7m", Vec::new()),
        (
            "cert.p7m",
            std::fs::read(server.file("inscription.crt")).expect("crt"),
        ),
        // An EnvelopedData for another recipient (openssl, to the card CA).
        ("other.p7m", {
            let plain = t.path().join("plain");
            std::fs::write(&plain, b"hello").expect("plain");
            let out = t.path().join("enc.p7m");
            cms_encrypt(&plain, &server.file("card-ca.crt"), &out)
        }),
    ];
    for (name, bytes) in cases {
        let p = t.path().join(name);
        std::fs::write(&p, bytes).expect("write");
        let (o, answer) = server.process(&p, &format!("{name}.answer"));
        let err = String::from_utf8_lossy(&o.stderr).into_owned();
        assert_eq!(o.status.code(), Some(1), "{name}: {err}");
        assert!(!err.contains("panicked"), "{name}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{name}: {err}");
        assert!(
            !answer.exists(),
            "{name}: no answer for what is not a request"
        );
    }
    // Signed by the server's own key for us, but the content is not signed:
    // decrypts, then fails the signature check.
    let plain = t.path().join("csr.der");
    std::fs::write(&plain, b"not a SignedData").expect("plain");
    let p7m = t.path().join("unsigned.p7m");
    cms_encrypt(&plain, &server.file("inscription.crt"), &p7m);
    server.rejected(&p7m, "unsigned.txt", "SIGNATURE_INVALIDE");
    // Nothing unauthenticated was remembered.
    assert_eq!(
        std::fs::read_dir(server.file("seen"))
            .expect("seen")
            .count(),
        0
    );
}
