//! `request adopt` (DESIGN §9a): a key and certificate obtained elsewhere
//! become a tracked request. The work is the core's `procedure::adopt`.

use super::args::TrustArgs;
use super::{say, secrets, trusting, Ctx, Output};
use crate::i18n::tf;
use clap::Args;
use cleocps_core::error::{Error, Result};
use cleocps_core::procedure::{self, AdoptSource};
use cleocps_core::request::RequestType;
use cleocps_core::workspace::Workspace;
use serde_json::json;
use std::path::{Path, PathBuf};

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("source").required(true).args(["p12", "key"]))]
pub struct AdoptArgs {
    /// FOLDER/NAME of the new request (the folder is created when missing)
    pub path: String,
    /// A PKCS#12 file (.p12/.pfx): key, certificate and chain
    #[arg(long, value_name = "FILE", requires = "p12_password_file")]
    pub p12: Option<PathBuf>,
    /// File whose first line is the PKCS#12 password
    #[arg(long, value_name = "F")]
    pub p12_password_file: Option<PathBuf>,
    /// The private key (PEM: PKCS#8, or a clear PKCS#1 "RSA PRIVATE KEY")
    #[arg(long, value_name = "F", requires = "cert", conflicts_with = "p12")]
    pub key: Option<PathBuf>,
    /// The certificate (PEM, DER or PKCS#7)
    #[arg(long, value_name = "F", requires = "key")]
    pub cert: Option<PathBuf>,
    /// The CA chain (PEM bundle, DER or PKCS#7)
    #[arg(long, value_name = "F", requires = "key")]
    pub chain: Option<PathBuf>,
    /// File whose first line is the password of the --key file, if it is encrypted
    #[arg(long, value_name = "F")]
    pub source_key_password_file: Option<PathBuf>,
    /// File whose first line is the password the key is kept under in the workspace
    #[arg(long, value_name = "F", conflicts_with = "no_key_password")]
    pub key_password_file: Option<PathBuf>,
    /// Keep the key without a password (not recommended)
    #[arg(long)]
    pub no_key_password: bool,
    /// The request's type; without it, told from the certificate (EKU, then KU, then SAN kind)
    #[arg(long = "type", value_enum)]
    pub kind: Option<super::args::TypeArg>,
    #[command(flatten)]
    pub trust: TrustArgs,
}

pub(super) fn run(ws: &Workspace, args: &AdoptArgs, ctx: &Ctx, out: &Output) -> Result<i32> {
    let lang = out.lang;
    // A file to adopt: a regular file no larger than a mail may be.
    let limit = ctx.config.max_message_bytes();
    let read = |path: &Path| -> Result<Vec<u8>> {
        cleocps_core::fsutil::read_bounded(path, limit).map_err(|e| Error::read(path, e))
    };
    let source = match (&args.p12, &args.key, &args.cert) {
        (Some(p12), _, _) => AdoptSource::P12 {
            der: read(p12)?,
            password: secrets::obtain(
                lang,
                args.p12_password_file.as_deref(),
                "field.p12_password",
                false,
            )?,
        },
        (None, Some(key), Some(cert)) => {
            let pem = String::from_utf8(read(key)?)
                .map_err(|_| cleocps_core::pki::PkiError::BadKeyFile(key.display().to_string()))?;
            let key_password = match &args.source_key_password_file {
                Some(f) => Some(secrets::obtain(lang, Some(f), "field.key_password", false)?),
                None if cleocps_core::pki::is_encrypted_key_pem(&pem) => {
                    Some(secrets::obtain(lang, None, "field.key_password", false)?)
                }
                None => None,
            };
            AdoptSource::Files {
                key_pem: zeroize::Zeroizing::new(pem),
                key_password,
                cert: read(cert)?,
                chain: args.chain.as_deref().map(&read).transpose()?,
            }
        }
        // clap's argument group asks for --p12 or --key with --cert.
        _ => return Ok(2),
    };
    let new_password = if args.no_key_password {
        None
    } else {
        Some(secrets::obtain(
            lang,
            args.key_password_file.as_deref(),
            "field.key_password",
            true,
        )?)
    };
    let ws = trusting(ws, ctx, &args.trust);
    let kind = args.kind.map(RequestType::from);
    let (req, report) = procedure::adopt(&ws, &args.path, source, kind, new_password.as_ref())?;
    if kind.is_none() {
        say(&tf(
            lang,
            "cli.adopt_type",
            &[&req.kind.as_str(), &req.kind.platform_name()],
        ));
    }
    for w in &report.warnings {
        say(w);
    }
    out.done(
        &tf(
            lang,
            "cli.adopted",
            &[&req.path(), &report.leaf.subject, &report.leaf.not_after],
        ),
        json!({"request": req, "certificate": report.leaf, "chain": report.chain, "warnings": report.warnings}),
    );
    Ok(0)
}
