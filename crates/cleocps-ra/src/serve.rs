//! `ra serve`: the registration server's mail loop. Reads its mailbox
//! (IMAP or Maildir, never deleting), decides on each request mail once,
//! and answers by the configured sending way (DESIGN §5, §7).
//!
//! Each handled mail leaves a record in `DIR/handled/` *with its answer*
//! before the answer is sent: a send that fails is retried with the same
//! answer next round, never decided again (which would look like a replay).

use super::{process, AdminDirectory, ConfiguredDirectory, Decision, RaDir, RequestMeta};
use base64::Engine;
use cleocps_core::config::Config;
use cleocps_core::error::{Error, Result};
use cleocps_core::fsutil::{create_private_dir, write_atomic, PRIVATE_FILE};
use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::Message;
use mail_parser::{MessageParser, MimeHeaders};
use sha2::{Digest, Sha256};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, SystemTime};

/// The directory for this server and configuration: the configured one
/// (LDAP or JSON file), else the server's own `directory.json`.
pub fn directory_for(ra: &RaDir, config: &Config) -> ConfiguredDirectory {
    if config.ldap.is_some() || config.directory_file.is_some() {
        ConfiguredDirectory(config.clone())
    } else {
        ConfiguredDirectory::file(&ra.path(&ra.settings.directory_file))
    }
}

/// What one mail became.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Handled {
    pub message_id: String,
    pub from: Option<String>,
    /// "issued", "rejected:<CODE>", "ignored: …" or "error: …".
    pub outcome: String,
    /// The answer mail, base64, and its envelope, until it is sent.
    pub answer: Option<String>,
    pub envelope: Option<(String, String)>,
    pub sent: bool,
}

/// One look at the mailbox. Returns what was done this round.
pub fn serve_once(ra: &RaDir, config: &Config) -> Result<Vec<Handled>> {
    let raw_mails = if let Some(c) = &config.imap {
        cleocps_core::mail::imap::fetch_all(c)?
    } else if let Some(dir) = &config.maildir {
        cleocps_core::mail::maildir::fetch_all(dir)?
    } else {
        return Err(cleocps_core::mail::MailError::NoReceiver.into());
    };
    let directory = directory_for(ra, config);
    let mut done = Vec::new();
    for raw in raw_mails {
        if let Some(h) = handle(ra, config, &directory, &raw)? {
            done.push(h);
        }
    }
    Ok(done)
}

/// Polls every `interval` until `stop` is set; errors of a round are logged.
pub fn serve(ra: &RaDir, config: &Config, interval: Duration, stop: &AtomicBool) {
    log::info!("ra: serving {}", ra.dir.display());
    while !stop.load(Ordering::Relaxed) {
        match serve_once(ra, config) {
            Ok(done) => {
                for h in done {
                    log::info!("ra: {} from {:?}: {}", h.message_id, h.from, h.outcome);
                }
            }
            Err(e) => log::warn!("ra: round failed: {}", e.localize(crate::i18n::Lang::En)),
        }
        let until = std::time::Instant::now() + interval;
        while std::time::Instant::now() < until && !stop.load(Ordering::Relaxed) {
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

fn record_path(ra: &RaDir, key: &str) -> PathBuf {
    let hash = Sha256::digest(key.as_bytes());
    ra.dir
        .join("handled")
        .join(format!("{}.json", hex::encode(hash)))
}

fn save(ra: &RaDir, key: &str, h: &Handled) -> Result<()> {
    let path = record_path(ra, key);
    let dir = cleocps_core::fsutil::parent_of(&path).to_path_buf();
    create_private_dir(&dir).map_err(|e| Error::io(&dir, e))?;
    let json = serde_json::to_vec_pretty(h).map_err(|e| Error::Corrupt {
        path: path.clone(),
        detail: e.to_string(),
    })?;
    write_atomic(&path, &json, PRIVATE_FILE).map_err(|e| Error::io(&path, e))
}

/// Handles one mail, once. `None` when it was handled in an earlier round.
fn handle(
    ra: &RaDir,
    config: &Config,
    directory: &dyn AdminDirectory,
    raw: &[u8],
) -> Result<Option<Handled>> {
    let Some(msg) = MessageParser::default().parse(raw) else {
        return Ok(None);
    };
    // A mail without Message-ID is keyed by its content.
    let key = msg
        .message_id()
        .map(str::to_string)
        .unwrap_or_else(|| hex::encode(Sha256::digest(raw)));
    let path = record_path(ra, &key);
    if let Ok(text) = std::fs::read_to_string(&path) {
        let mut h: Handled = serde_json::from_str(&text).map_err(|e| Error::Corrupt {
            path: path.clone(),
            detail: e.to_string(),
        })?;
        if h.sent || h.answer.is_none() {
            return Ok(None);
        }
        // Decided before, but the answer did not leave: send it again.
        send_answer(config, &h)?;
        h.sent = true;
        save(ra, &key, &h)?;
        return Ok(Some(h));
    }
    let from = msg
        .reply_to()
        .or_else(|| msg.from())
        .and_then(|a| a.first())
        .and_then(|a| a.address())
        .map(str::to_string);
    let subject = msg.subject().unwrap_or_default().to_string();
    let p7m = msg.attachments().find(|a| {
        let named = a
            .attachment_name()
            .is_some_and(|n| n.to_ascii_lowercase().ends_with(".p7m"));
        let typed = a.content_type().is_some_and(|ct| {
            ct.ctype().eq_ignore_ascii_case("application")
                && ct
                    .subtype()
                    .is_some_and(|s| s.eq_ignore_ascii_case("pkcs7-mime"))
                && ct
                    .attribute("smime-type")
                    .is_none_or(|t| t.eq_ignore_ascii_case("enveloped-data"))
        });
        named || typed
    });
    let mut h = Handled {
        message_id: key.clone(),
        from: from.clone(),
        outcome: String::new(),
        answer: None,
        envelope: None,
        sent: false,
    };
    let Some(p7m) = p7m else {
        h.outcome = "ignored: no request attached".into();
        h.sent = true;
        save(ra, &key, &h)?;
        return Ok(Some(h));
    };
    let meta = RequestMeta {
        message_id: Some(key.clone()),
        from: from.clone(),
        subject: Some(subject.clone()),
    };
    let processed = match process(ra, directory, p7m.contents(), &meta, SystemTime::now()) {
        Ok(p) => p,
        Err(e) => {
            // Not decryptable, not CMS, directory down: no answer (DESIGN §7).
            // A directory failure is retried next round; anything else is final.
            let detail = e.localize(crate::i18n::Lang::En);
            log::warn!("ra: {key}: no decision: {detail}");
            if matches!(e, Error::Directory(_)) {
                return Ok(None);
            }
            h.outcome = format!("error: {detail}");
            h.sent = true;
            save(ra, &key, &h)?;
            return Ok(Some(h));
        }
    };
    let Some(to) = from else {
        h.outcome = "ignored: no sender to answer".into();
        h.sent = true;
        save(ra, &key, &h)?;
        return Ok(Some(h));
    };
    h.outcome = match &processed.decision {
        Decision::Issued(i) => format!("issued {} for {}", i.summary.serial, i.names.join(", ")),
        Decision::Rejected { code, .. } => format!("rejected:{code}"),
    };
    let answer = answer_mail(config, &to, &key, &subject, &processed)?;
    h.answer = Some(base64::engine::general_purpose::STANDARD.encode(answer.formatted()));
    let env = answer.envelope();
    h.envelope = Some((
        env.from().map(|a| a.to_string()).unwrap_or_default(),
        env.to()
            .iter()
            .map(|a| a.to_string())
            .collect::<Vec<_>>()
            .join(","),
    ));
    save(ra, &key, &h)?;
    send_answer(config, &h)?;
    h.sent = true;
    h.answer = None;
    h.envelope = None;
    save(ra, &key, &h)?;
    Ok(Some(h))
}

/// The answer mail (DESIGN §5): `In-Reply-To` the request; `smime.p7c` or a
/// `REJET: <CODE>` text.
fn answer_mail(
    config: &Config,
    to: &str,
    in_reply_to: &str,
    subject: &str,
    processed: &super::Processed,
) -> Result<Message> {
    let compose = |e: String| Error::from(cleocps_core::mail::MailError::Compose(e));
    let from: Mailbox =
        cleocps_core::mail::compose::mailbox("mail_from", config.mail_from.as_deref())?;
    let to: Mailbox = to.parse().map_err(|_| {
        Error::from(cleocps_core::mail::MailError::BadAddress {
            key: "from",
            value: to.to_string(),
        })
    })?;
    let id = format!("<{}@{}>", uuid::Uuid::new_v4(), from.email.domain());
    let bare = in_reply_to.trim_start_matches('<').trim_end_matches('>');
    let builder = Message::builder()
        .from(from)
        .to(to)
        .subject(format!("Re: {subject}"))
        .message_id(Some(id))
        .in_reply_to(format!("<{bare}>"))
        .references(format!("<{bare}>"));
    let msg = match &processed.decision {
        Decision::Issued(_) => {
            let ctype = ContentType::parse("application/pkcs7-mime; smime-type=certs-only")
                .map_err(|e| compose(e.to_string()))?;
            builder.multipart(
                MultiPart::mixed()
                    .singlepart(SinglePart::plain(
                        "Votre certificat serveur est en pièce jointe (smime.p7c).\n".to_string(),
                    ))
                    .singlepart(
                        Attachment::new("smime.p7c".into()).body(processed.answer.clone(), ctype),
                    ),
            )
        }
        // The text for people, its S/MIME signature for cleocps (DESIGN §4a).
        Decision::Rejected { .. } => match &processed.signature {
            Some(signed) => {
                let ctype = ContentType::parse("application/pkcs7-mime; smime-type=signed-data")
                    .map_err(|e| compose(e.to_string()))?;
                builder.multipart(
                    MultiPart::mixed()
                        .singlepart(SinglePart::plain(
                            String::from_utf8_lossy(&processed.answer).into_owned(),
                        ))
                        .singlepart(
                            Attachment::new("rejet.p7m".into()).body(signed.clone(), ctype),
                        ),
                )
            }
            None => builder.body(String::from_utf8_lossy(&processed.answer).into_owned()),
        },
    };
    msg.map_err(|e| compose(e.to_string()))
}

fn send_answer(config: &Config, h: &Handled) -> Result<()> {
    let compose = |e: String| Error::from(cleocps_core::mail::MailError::Compose(e));
    let (Some(answer), Some((from, to))) = (&h.answer, &h.envelope) else {
        return Ok(());
    };
    let raw = base64::engine::general_purpose::STANDARD
        .decode(answer)
        .map_err(|e| compose(e.to_string()))?;
    let from = from
        .parse()
        .map_err(|e: lettre::address::AddressError| compose(e.to_string()))?;
    let to = to
        .split(',')
        .map(|a| a.parse())
        .collect::<std::result::Result<Vec<lettre::Address>, _>>()
        .map_err(|e| compose(e.to_string()))?;
    let envelope =
        lettre::address::Envelope::new(Some(from), to).map_err(|e| compose(e.to_string()))?;
    cleocps_core::mail::send::send_raw(config, &envelope, &raw)
}
