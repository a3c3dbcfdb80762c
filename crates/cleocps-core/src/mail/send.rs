//! Sending a composed mail by the one way the configuration names (DESIGN §9).

use super::error::MailError;
use super::smtp;
use crate::config::Config;
use lettre::{Message, SendmailTransport, Transport};

/// How the mail left, for the journal.
pub fn way(config: &Config) -> Result<&'static str, MailError> {
    if config.smtp.is_some() {
        Ok("smtp")
    } else if config.sendmail.is_some() {
        Ok("sendmail")
    } else if config.outbox.is_some() {
        Ok("outbox")
    } else {
        Err(MailError::NoSender)
    }
}

/// Sends `msg` by the configured way (SMTP failures are classified from the message).
pub fn send(config: &Config, msg: &Message) -> crate::Result<()> {
    match &config.smtp {
        Some(c) => smtp::send(c, msg),
        None => send_raw(config, msg.envelope(), &msg.formatted()),
    }
}

/// Sends a ready-made mail by the configured way (the rehearsal server
/// resending a stored answer).
pub fn send_raw(
    config: &Config,
    envelope: &lettre::address::Envelope,
    raw: &[u8],
) -> crate::Result<()> {
    if let Some(c) = &config.smtp {
        return smtp::send_raw(c, envelope, raw);
    }
    if let Some(path) = &config.sendmail {
        return SendmailTransport::new_with_command(path.as_os_str())
            .send_raw(envelope, raw)
            .map_err(|e| {
                MailError::Sendmail {
                    path: path.clone(),
                    detail: smtp::error_chain(&e),
                }
                .into()
            });
    }
    if let Some(dir) = &config.outbox {
        crate::fsutil::create_private_dir(dir).map_err(|e| MailError::Outbox {
            path: dir.clone(),
            detail: e.to_string(),
        })?;
        let _ = envelope;
        return write_outbox(dir, raw);
    }
    Err(MailError::NoSender.into())
}

/// One `.eml` file in the outbox, written atomically (a reader polling the
/// directory — a Maildir's `new/` for the rehearsal server — never sees half a mail).
fn write_outbox(dir: &std::path::Path, raw: &[u8]) -> crate::Result<()> {
    let path = dir.join(format!("{}.eml", uuid::Uuid::new_v4()));
    crate::fsutil::write_atomic(&path, raw, crate::fsutil::PRIVATE_FILE).map_err(|e| {
        MailError::Outbox {
            path: dir.to_path_buf(),
            detail: e.to_string(),
        }
        .into()
    })
}
