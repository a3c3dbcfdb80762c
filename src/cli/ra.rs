//! `ra init|card|process`: the rehearsal registration server, offline.
//! `ra process` exits 0 when it issued, 1 on a rejection (the code on stderr).

use super::args::RaCmd;
use super::{Ctx, Output};
use crate::i18n::tf;
use cleocps_core::error::{Error, Result};
use cleocps_core::fsutil::{write_atomic, PRIVATE_FILE};
use cleocps_core::pki::{self, KeySize};
use cleocps_ra::{
    self as ra, CardHolderSpec, ConfiguredDirectory, Decision, InitOptions, RaDir, RequestMeta,
};
use serde_json::json;
use std::path::Path;
use std::time::SystemTime;

pub fn run(cmd: &RaCmd, ctx: &Ctx, out: &Output) -> Result<i32> {
    match cmd {
        RaCmd::Init {
            dir,
            card_ca,
            ca_bits,
            force,
        } => init(dir, card_ca.as_deref(), *ca_bits, *force, ctx, out),
        RaCmd::Card {
            dir,
            holder_id,
            surname,
            given_name,
            out_cert,
            out_key,
            days,
            force,
        } => {
            for p in [out_cert, out_key] {
                if p.exists() && !force {
                    return Err(Error::FileExists(p.clone()));
                }
            }
            let server = RaDir::open(dir)?;
            let spec = CardHolderSpec {
                holder_id: holder_id.clone(),
                surname: surname.clone(),
                given_name: given_name.clone(),
                days: *days,
            };
            let (cert, key) = ra::make_card_holder(&server, &spec, SystemTime::now())?;
            let key_pem = pki::encode_key_pem(&key, None)?;
            write_atomic(out_key, key_pem.as_bytes(), PRIVATE_FILE)
                .map_err(|e| Error::io(out_key, e))?;
            write_atomic(out_cert, pki::cert_pem(&cert)?.as_bytes(), 0o644)
                .map_err(|e| Error::io(out_cert, e))?;
            out.done(
                &tf(
                    out.lang,
                    "ra.card_done",
                    &[holder_id, &out_cert.display(), &out_key.display()],
                ),
                json!({"holder": holder_id, "certificate": out_cert, "key": out_key,
                       "summary": pki::summarize(&cert)}),
            );
            Ok(0)
        }
        RaCmd::Process {
            dir,
            request,
            out: answer,
            directory,
        } => process(dir, request, answer, directory.as_deref(), ctx, out),
        RaCmd::Serve {
            dir,
            interval,
            once,
        } => serve(dir, *interval, *once, ctx, out),
        RaCmd::Issue(args) => super::ra_issue::run(args, out),
        RaCmd::Revoke {
            dir,
            serial,
            reason,
        } => {
            let server = RaDir::open(dir)?;
            let r = ra::revocation::revoke(&server, serial, reason, SystemTime::now())?;
            let at = cleocps_core::card::rfc3339(
                std::time::UNIX_EPOCH + std::time::Duration::from_secs(r.revoked_at),
            );
            out.done(
                &tf(out.lang, "ra.revoked", &[&r.serial, &at, &r.reason]),
                json!(r),
            );
            Ok(0)
        }
        RaCmd::RevocationServe { dir, listen } => revocation_serve(dir, *listen, out),
    }
}

/// `ra revocation-serve`: CRL and OCSP on loopback, until Ctrl-C / SIGTERM.
fn revocation_serve(dir: &Path, listen: std::net::SocketAddr, out: &Output) -> Result<i32> {
    use std::sync::atomic::AtomicBool;
    use std::sync::Arc;
    let server = RaDir::open(dir)?;
    let listener = ra::revocation_serve::bind(&server, listen)?;
    let addr = listener
        .local_addr()
        .map_err(|e| Error::io(listen.to_string(), e))?;
    let stop = Arc::new(AtomicBool::new(false));
    for sig in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        signal_hook::flag::register(sig, Arc::clone(&stop)).map_err(|e| Error::io("signal", e))?;
    }
    // The address on stdout (port 0 picks one); the rest is the log's.
    println!("http://{addr}");
    super::say(&tf(out.lang, "ra.revocation_serving", &[&addr]));
    ra::revocation_serve::serve(&server, &listener, &stop)?;
    Ok(0)
}

/// `ra serve`: the mail loop, until Ctrl-C / SIGTERM (or one round with `--once`).
fn serve(dir: &Path, interval: u64, once: bool, ctx: &Ctx, out: &Output) -> Result<i32> {
    use std::sync::atomic::AtomicBool;
    use std::sync::Arc;
    let server = RaDir::open(dir)?;
    if once {
        let done = ra::serve_once(&server, &ctx.config)?;
        let text = done
            .iter()
            .map(|h| {
                let status = serde_json::to_value(h.status).unwrap_or_default();
                format!(
                    "{} {}: {}",
                    h.message_id,
                    status.as_str().unwrap_or("-"),
                    h.outcome
                )
            })
            .collect::<Vec<_>>()
            .join("\n");
        out.done(&text, json!(done));
        return Ok(0);
    }
    let stop = Arc::new(AtomicBool::new(false));
    for sig in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        signal_hook::flag::register(sig, Arc::clone(&stop)).map_err(|e| Error::io("signal", e))?;
    }
    super::say(&tf(out.lang, "ra.serving", &[&dir.display()]));
    ra::serve(
        &server,
        &ctx.config,
        std::time::Duration::from_secs(interval.max(1)),
        &stop,
    );
    Ok(0)
}

fn init(
    dir: &Path,
    card_ca: Option<&Path>,
    ca_bits: Option<u32>,
    force: bool,
    ctx: &Ctx,
    out: &Output,
) -> Result<i32> {
    let ca_bits = match ca_bits {
        None => ra::CA_KEY_BITS,
        Some(b) => match KeySize::from_bits(b as usize) {
            Some(s) if s != KeySize::Legacy1024 => s,
            _ => return Err(Error::BadKeySize(b)),
        },
    };
    let card_ca = match card_ca {
        Some(p) => Some(cleocps_core::fsutil::read_input(p).map_err(|e| Error::read(p, e))?),
        None => None,
    };
    let opts = InitOptions {
        card_ca,
        force,
        ra: ctx.config.ra.clone(),
        ca_bits,
    };
    let server = ra::init(dir, &opts, SystemTime::now())?;
    let cert = server.path(&server.settings.server_certificate);
    // The anchor clients need (DESIGN §4a), with the configuration line that declares it.
    let root = server.path(&server.settings.root_certificate);
    let root = std::path::absolute(&root).unwrap_or(root);
    let anchors = [
        cleocps_core::trust::DEFAULT_ANCHOR.to_string(),
        root.display().to_string(),
    ];
    out.done(
        &tf(
            out.lang,
            "ra.init_done",
            &[
                &dir.display(),
                &cert.display(),
                &root.display(),
                &root.display(),
                &root.display(),
            ],
        ),
        json!({"dir": dir, "registration_certificate": cert,
               "chain": server.path(&server.settings.chain),
               "root": root,
               "client_config": {"trust": {"anchors": anchors}},
               "card_ca": server.path(&server.settings.card_ca),
               "settings": server.settings}),
    );
    Ok(0)
}

fn process(
    dir: &Path,
    request: &Path,
    answer: &Path,
    directory: Option<&Path>,
    ctx: &Ctx,
    out: &Output,
) -> Result<i32> {
    let server = RaDir::open(dir)?;
    // `--directory FILE`, else the configuration's directory, else DIR/directory.json.
    let admins = match directory {
        Some(file) => ConfiguredDirectory::file(file),
        None => ra::directory_for(&server, &ctx.config),
    };
    let p7m = cleocps_core::fsutil::read_input(request).map_err(|e| Error::read(request, e))?;
    let done = ra::process(
        &server,
        &admins,
        &p7m,
        &RequestMeta::default(),
        SystemTime::now(),
    )?;
    let mode = 0o644;
    write_atomic(answer, &done.answer, mode).map_err(|e| Error::io(answer, e))?;
    match &done.decision {
        Decision::Issued(issued) => {
            out.done(
                &tf(
                    out.lang,
                    "ra.issued",
                    &[
                        &issued.holder,
                        &issued.names.join(", "),
                        &issued.summary.not_after,
                        &answer.display(),
                    ],
                ),
                json!({"decision": "issued", "holder": issued.holder, "type": issued.kind,
                       "names": issued.names, "certificate": issued.summary,
                       "answer": answer, "content_sha256": done.content_sha256}),
            );
            Ok(0)
        }
        Decision::Rejected { code, reason_fr } => {
            if out.json {
                println!(
                    "{}",
                    json!({"decision": "rejected", "code": code, "reason": reason_fr,
                           "holder": done.holder, "answer": answer,
                           "content_sha256": done.content_sha256})
                );
            }
            super::say(&tf(
                out.lang,
                "ra.rejected",
                &[code, reason_fr, &answer.display()],
            ));
            Ok(1)
        }
    }
}
