//! Unit tests of the config module.

use super::*;

/// The example of DESIGN §9, verbatim.
const EXAMPLE: &str = r#"{
  "language": "fr",
  "key_bits": 2048,
  "card": { "pkcs11_module": "/usr/lib64/libcps3_pkcs11_lux.so", "token_label": "CPS4v1-8042410007",
            "soft_token": null },
  "registration": { "address": "inscription@example.fr", "certificate": "/etc/cleocps/inscription.crt" },
  "mail_from": "admin@clinique.example.fr",
  "smtp": { "host": "smtp.example.fr", "port": 587, "security": "starttls", "user": "admin",
            "password_file": "/etc/cleocps/smtp.pass", "ca_file": null, "timeout_s": 30 },
  "sendmail": null,
  "outbox": null,
  "imap": { "host": "imap.example.fr", "port": 993, "security": "tls", "user": "admin",
            "password_file": "/etc/cleocps/imap.pass", "ca_file": null, "mailbox": "INBOX" },
  "maildir": null,
  "ldap": { "url": "ldap://annuaire.example.fr", "starttls": false, "bind_dn": null, "password_file": null,
            "ca_file": null, "base": "o=annuaire-test,c=fr",
            "filter": "(&(objectClass=testServer)(testAdminCardHolderId={holder}))",
            "attributes": { "fqdn": "testServerFqdn", "mail": "mail", "structure_id": "testIdNatStruct",
                            "structure_name": "cn", "departement": "l" },
            "timeout_s": 10 },
  "directory_file": null,
  "trust": { "anchors": ["igc-sante"], "intermediates": null },
  "ra": { "validity_days": 1095, "allow_legacy_1024": false },
  "subject_defaults": { "o": "Clinique du Test", "ou": "1234567890", "st": "Sarthe (72)", "l": "Le Mans", "c": "FR" }
}"#;

#[test]
fn design_example_parses() {
    let c = Config::parse(Path::new("x"), EXAMPLE).expect("parse");
    assert_eq!(
        c.smtp.as_ref().map(|s| s.security),
        Some(Security::Starttls)
    );
    assert_eq!(c.imap.as_ref().map(|s| s.security), Some(Security::Tls));
    assert_eq!(c.subject_defaults.st.as_deref(), Some("Sarthe (72)"));
    assert_eq!(c.ra.validity_days, 1095);
    assert_eq!(c.trust, crate::trust::TrustConfig::default());
    assert_eq!(c.max_message_bytes(), DEFAULT_MAX_MESSAGE_BYTES);
    let c = Config::parse(Path::new("x"), r#"{"max_message_bytes": 200000}"#).expect("size");
    assert_eq!(c.max_message_bytes(), 200_000);
}

#[test]
fn empty_and_unknown_keys() {
    assert_eq!(
        Config::parse(Path::new("x"), "{}").expect("empty"),
        Config::default()
    );
    let err = Config::parse(
        Path::new("x"),
        r#"{"smtp": {"host": "h", "pasword_file": "p"}}"#,
    )
    .expect_err("unknown");
    let msg = err.localize(crate::i18n::Lang::En);
    assert!(msg.contains("pasword_file"), "{msg}");
    let err = Config::parse(Path::new("x"), r#"{"colour": 1}"#).expect_err("unknown");
    assert!(err.localize(crate::i18n::Lang::En).contains("colour"));
    let err = Config::parse(Path::new("x"), r#"{"trust": {"anchor": []}}"#).expect_err("unknown");
    assert!(err.localize(crate::i18n::Lang::En).contains("anchor"));
    let c =
        Config::parse(Path::new("x"), r#"{"trust": {"intermediates": "/etc/ca"}}"#).expect("trust");
    assert_eq!(c.trust.anchors, vec!["igc-sante"], "default anchor kept");
}

#[test]
fn one_way_to_send_and_receive() {
    let two = r#"{"outbox": "/tmp/o", "sendmail": "/usr/sbin/sendmail"}"#;
    assert!(matches!(
        Config::parse(Path::new("x"), two),
        Err(ConfigError::Several { what: "send", .. })
    ));
    let two = r#"{"maildir": "/tmp/m", "imap": {"host": "h", "user": "u"}}"#;
    assert!(matches!(
        Config::parse(Path::new("x"), two),
        Err(ConfigError::Several {
            what: "receive",
            ..
        })
    ));
}

#[test]
fn revocation_settings_are_read_and_checked() {
    let p = Path::new("c.json");
    let c = Config::parse(
        p,
        r#"{"revocation": {"mode": "off", "max_unknown_days": 3, "ldap": true}}"#,
    )
    .expect("valid");
    assert_eq!(c.revocation.mode, crate::revocation::Mode::Off);
    assert_eq!(c.revocation.max_unknown_days, 3);
    assert!(c.revocation.ldap);
    assert_eq!(Config::default().revocation.max_unknown_days, 7);
    for bad in [
        r#"{"revocation": {"mode": "sometimes"}}"#,
        r#"{"revocation": {"max_unknown_days": 0}}"#,
        r#"{"revocation": {"delay": 1}}"#,
    ] {
        assert!(Config::parse(p, bad).is_err(), "{bad}");
    }
    let (c, _) = super::set_values(
        p,
        None,
        &[
            ("revocation.mode", "off"),
            ("revocation.max_unknown_days", "14"),
            ("revocation.ldap", "true"),
        ],
    )
    .expect("config set");
    assert_eq!(c.revocation.mode, crate::revocation::Mode::Off);
    assert_eq!(c.revocation.max_unknown_days, 14);
    assert!(c.revocation.ldap);
}
