//! `ra issue`: the rehearsal server acting as the IGC-Santé platform, for
//! every request type: a CSR in, the certificate and its chain out; or,
//! as when the platform makes the key, the platform's `.p12` out.

use super::args::TypeArg;
use super::{secrets, Output};
use crate::i18n::tf;
use clap::Args;
use cleocps_core::error::{Error, Result};
use cleocps_core::fsutil::{write_atomic, PRIVATE_FILE};
use cleocps_core::pki::{self, P12Profile};
use cleocps_core::request::RequestType;
use cleocps_ra::{self as ra, PlatformSubject, RaDir};
use serde_json::json;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("what").required(true).args(["csr", "new_key"]))]
pub struct IssueArgs {
    /// The registration server's directory (made by `ra init`)
    pub dir: PathBuf,
    /// The request type, as the platform's offer and usage
    #[arg(long = "type", value_enum)]
    pub kind: TypeArg,
    /// A PKCS#10 request (PEM or DER): the certificate and chain are written to --out (PEM)
    #[arg(long, value_name = "FILE")]
    pub csr: Option<PathBuf>,
    /// Make the key, as the platform does: its .p12 is written to --out
    #[arg(long, requires_all = ["cn", "p12_password_file"])]
    pub new_key: bool,
    /// The certificate's CN (--new-key): FQDN, mailbox or service name
    #[arg(long, value_name = "CN")]
    pub cn: Option<String>,
    /// Organisation (--new-key)
    #[arg(long)]
    pub o: Option<String>,
    /// Structure identifier (--new-key)
    #[arg(long)]
    pub ou: Option<String>,
    /// Département, e.g. "Paris (75)" (--new-key)
    #[arg(long)]
    pub st: Option<String>,
    /// File whose first line is the .p12's password (--new-key)
    #[arg(long, value_name = "F")]
    pub p12_password_file: Option<PathBuf>,
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// CRL distribution point of the issued certificate; repeatable (default: ra.json "pointers")
    #[arg(long, value_name = "URL")]
    pub crl_url: Vec<String>,
    /// OCSP responder of the issued certificate (default: ra.json "pointers")
    #[arg(long, value_name = "URL")]
    pub ocsp_url: Option<String>,
    /// Where the issuing CA's certificate is published (default: ra.json "pointers")
    #[arg(long, value_name = "URL")]
    pub ca_issuers_url: Option<String>,
    /// Overwrite --out
    #[arg(long)]
    pub force: bool,
}

pub(super) fn run(args: &IssueArgs, out: &Output) -> Result<i32> {
    if args.out.exists() && !args.force {
        return Err(Error::FileExists(args.out.clone()));
    }
    let mut server = RaDir::open(&args.dir)?;
    let p = &mut server.settings.pointers;
    if !args.crl_url.is_empty() {
        p.crl = args.crl_url.clone();
    }
    p.ocsp = args.ocsp_url.clone().or(p.ocsp.take());
    p.ca_issuers = args.ca_issuers_url.clone().or(p.ca_issuers.take());
    let kind = RequestType::from(args.kind);
    let now = SystemTime::now();
    let cert = match &args.csr {
        Some(csr) => {
            let bytes = read(csr)?;
            let der = match String::from_utf8(bytes.clone()) {
                Ok(text) if text.contains("-----BEGIN") => pki::csr_from_pem(&text)?,
                _ => bytes,
            };
            let cert = ra::issue_for_csr(&server, &der, kind, now)?;
            let pem = pki::certs_pem(&[&[cert.clone()][..], &ra::chain(&server)].concat())?;
            write_atomic(&args.out, pem.as_bytes(), 0o644).map_err(|e| Error::io(&args.out, e))?;
            cert
        }
        None => new_key(&server, args, kind, now, out)?,
    };
    let summary = pki::summarize(&cert);
    out.done(
        &tf(
            out.lang,
            "ra.platform_issued",
            &[
                &kind.platform_name(),
                &summary.subject,
                &summary.not_after,
                &args.out.display(),
            ],
        ),
        json!({"type": kind, "certificate": summary, "out": args.out}),
    );
    Ok(0)
}

/// The key made here, the certificate, and the platform's `.p12` of both.
fn new_key(
    server: &RaDir,
    args: &IssueArgs,
    kind: RequestType,
    now: SystemTime,
    out: &Output,
) -> Result<x509_cert::Certificate> {
    let password = secrets::obtain(
        out.lang,
        args.p12_password_file.as_deref(),
        "field.p12_password",
        false,
    )?;
    let who = PlatformSubject {
        cn: args.cn.clone().unwrap_or_default(),
        st: args.st.clone(),
        o: args.o.clone(),
        ou: args.ou.clone(),
    };
    let (key, cert) = ra::issue_new_key(server, &who, kind, now)?;
    let der = pki::build_p12(
        &key,
        &cert,
        &ra::chain(server),
        &who.cn,
        &password,
        P12Profile::Platform,
    )?;
    write_atomic(&args.out, &der, PRIVATE_FILE).map_err(|e| Error::io(&args.out, e))?;
    Ok(cert)
}

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| Error::io(path, e))
}
