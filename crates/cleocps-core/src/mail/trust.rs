//! Which rejection mails count (DESIGN §4a): from the registration address,
//! in reply to the request mail's Message-ID. A rejection signed (S/MIME) by
//! the registration certificate is verified; an unsigned one still counts,
//! unverified. Anything else is ignored by the caller, with the reason given here.

use crate::answer_mail::{bare_id, Incoming};
use crate::config::Config;
use crate::request::Request;
use der::Encode;

/// `Ok(verified)` when the rejection counts; `Err(why)` when it must be ignored.
pub fn rejection_counts(
    config: &Config,
    req: &Request,
    mail: &Incoming,
    signer: Option<&[u8]>,
) -> Result<bool, String> {
    if let crate::answer_mail::AnswerKind::Rejection { code, .. } = &mail.kind {
        if !crate::procedure::valid_code(code) {
            return Err(format!(
                "code {:?} is not a rejection code",
                crate::sanitize::line(code)
            ));
        }
    }
    let registration = config
        .registration
        .address
        .as_deref()
        .and_then(|a| super::compose::mailbox("registration.address", Some(a)).ok())
        .map(|m| m.email.to_string().to_ascii_lowercase())
        .ok_or("no registration.address configured to check the sender against")?;
    if mail.from.as_deref() != Some(registration.as_str()) {
        return Err(format!(
            "sender {} is not the registration address {registration}",
            crate::sanitize::line(mail.from.as_deref().unwrap_or("(none)"))
        ));
    }
    let ours = req
        .message_id
        .as_deref()
        .map(bare_id)
        .ok_or("the request mail's Message-ID is unknown")?;
    if !mail.refs.contains(&ours) {
        return Err(format!(
            "not in reply to the request mail <{ours}> (In-Reply-To/References)"
        ));
    }
    let Some(signer) = signer else {
        log::warn!("{}: rejection counted unverified: not signed", req.path());
        return Ok(false);
    };
    match registration_certificate(config) {
        Some(cert) if cert == signer => Ok(true),
        Some(_) => {
            log::warn!(
                "{}: rejection counted unverified: signed by another certificate than registration.certificate",
                req.path()
            );
            Ok(false)
        }
        None => {
            log::warn!(
                "{}: rejection counted unverified: no readable registration.certificate to check its signature",
                req.path()
            );
            Ok(false)
        }
    }
}

/// DER of `registration.certificate`, when configured and readable.
fn registration_certificate(config: &Config) -> Option<Vec<u8>> {
    let path = config.registration.certificate.as_deref()?;
    let bytes = crate::fsutil::read_input(path).ok()?;
    crate::pki::cert_from_pem_or_der(&bytes).ok()?.to_der().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer_mail::AnswerKind;
    use crate::request::RequestType;

    fn setup() -> (Config, Request, Incoming) {
        let mut config = Config::default();
        config.registration.address = Some("Inscription <inscription@ra.test>".into());
        let mut req = Request::new("f", "r", RequestType::Ssl, "t");
        req.message_id = Some("<req1@x>".into());
        let mail = Incoming {
            message_id: Some("a1@ra".into()),
            refs: vec!["req1@x".into()],
            subject: format!("Re: {}", req.id),
            from: Some("inscription@ra.test".into()),
            kind: AnswerKind::Rejection {
                code: "ADMIN_INCONNU".into(),
                reason: String::new(),
                signer: None,
            },
        };
        (config, req, mail)
    }

    #[test]
    fn only_from_the_registration_address_in_reply() {
        let (config, req, mail) = setup();
        assert_eq!(rejection_counts(&config, &req, &mail, None), Ok(false));
        let forged = Incoming {
            from: Some("mallory@evil.test".into()),
            ..mail.clone()
        };
        let why = rejection_counts(&config, &req, &forged, None).expect_err("forged");
        assert!(why.contains("mallory@evil.test"), "{why}");
        let no_reply = Incoming {
            refs: vec![],
            ..mail.clone()
        };
        let why = rejection_counts(&config, &req, &no_reply, None).expect_err("no reply");
        assert!(why.contains("req1@x"), "{why}");
        // A signer that is not registration.certificate: unverified.
        assert_eq!(
            rejection_counts(&config, &req, &mail, Some(b"x")),
            Ok(false)
        );
    }
}
