//! Sending a composed mail by the one way the configuration names (DESIGN §9).

use super::error::MailError;
use super::smtp;
use crate::config::Config;
use lettre::{FileTransport, Message, SendmailTransport, Transport};

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

pub fn send(config: &Config, msg: &Message) -> crate::Result<()> {
    if let Some(c) = &config.smtp {
        return smtp::send(c, msg);
    }
    if let Some(path) = &config.sendmail {
        return SendmailTransport::new_with_command(path.as_os_str())
            .send(msg)
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
        return FileTransport::new(dir).send(msg).map(|_| ()).map_err(|e| {
            MailError::Outbox {
                path: dir.clone(),
                detail: smtp::error_chain(&e),
            }
            .into()
        });
    }
    Err(MailError::NoSender.into())
}
