//! The anchors and intermediates in use, each with where it comes from:
//! what `trust show` lists and `trust export` hands to curl, the system and
//! Java (the IGC-Santé roots are in no public trust store).

use super::{anchors, TrustConfig, TrustError};
use crate::pki::{self, summarize};
use serde::Serialize;
use x509_cert::Certificate;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TrustRole {
    Anchor,
    Intermediate,
}

/// One certificate of the trust in use.
#[derive(Debug, Clone, Serialize)]
pub struct TrustEntry {
    pub role: TrustRole,
    /// The built-in name (`igc-sante`…), else a name made from the subject's CN.
    pub name: String,
    pub built_in: bool,
    /// The file it was read from, for an anchor or intermediate given as a file.
    pub file: Option<String>,
    pub subject: String,
    pub sha256: String,
    pub not_after: String,
    #[serde(skip)]
    pub certificate: Certificate,
}

impl TrustConfig {
    /// Every anchor and intermediate in use, anchors first, each once.
    pub fn entries(&self) -> Result<Vec<TrustEntry>, TrustError> {
        if self.anchors.is_empty() {
            return Err(TrustError::NoAnchor);
        }
        let mut out: Vec<TrustEntry> = Vec::new();
        for entry in &self.anchors {
            let built_in = anchors::BUILT_IN.iter().any(|b| b.name == entry.as_str());
            for cert in anchors::anchor(entry)? {
                let (name, file) = if built_in {
                    (entry.clone(), None)
                } else {
                    (alias(&cert), Some(entry.clone()))
                };
                push(&mut out, TrustRole::Anchor, name, built_in, file, cert);
            }
            for (name, cert) in anchors::intermediates_of(entry)? {
                push(
                    &mut out,
                    TrustRole::Intermediate,
                    name.into(),
                    true,
                    None,
                    cert,
                );
            }
        }
        if let Some(path) = &self.intermediates {
            let file = Some(path.display().to_string());
            for cert in anchors::intermediates(path)? {
                let name = alias(&cert);
                push(
                    &mut out,
                    TrustRole::Intermediate,
                    name,
                    false,
                    file.clone(),
                    cert,
                );
            }
        }
        Ok(out)
    }
}

fn push(
    out: &mut Vec<TrustEntry>,
    role: TrustRole,
    name: String,
    built_in: bool,
    file: Option<String>,
    certificate: Certificate,
) {
    if out.iter().any(|e| e.certificate == certificate) {
        return;
    }
    let s = summarize(&certificate);
    out.push(TrustEntry {
        role,
        name,
        built_in,
        file,
        subject: s.subject,
        sha256: s.sha256_fingerprint,
        not_after: s.not_after,
        certificate,
    });
}

/// A keystore alias from the certificate's CN (lowercase words joined by `-`).
fn alias(cert: &Certificate) -> String {
    let cn = pki::common_name(cert).unwrap_or_else(|| "certificate".into());
    cn.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join("-")
}

/// The shapes `trust export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// A PEM bundle: `update-ca-certificates`, curl `--cacert`, nginx.
    Pem,
    /// A certs-only PKCS#7 (`.p7b`), as the platform publishes its chain.
    P7b,
    /// A PKCS#12 truststore of trusted-certificate entries (Java, keytool).
    P12,
}

impl TrustConfig {
    /// The anchors and intermediates in use, in `format`; the truststore
    /// is protected by `password` (Java requires one).
    pub fn export(
        &self,
        format: ExportFormat,
        password: Option<&crate::secret::Secret>,
    ) -> crate::Result<Vec<u8>> {
        use der::EncodePem;
        let entries = self.entries()?;
        let certs: Vec<Certificate> = entries.iter().map(|e| e.certificate.clone()).collect();
        match format {
            ExportFormat::Pem => {
                let mut out = String::new();
                for e in &entries {
                    let pem = e
                        .certificate
                        .to_pem(der::pem::LineEnding::LF)
                        .map_err(|err| pki::PkiError::Crypto(err.to_string()))?;
                    out.push_str(&format!("# {} — {}\n{pem}", e.name, e.subject));
                }
                Ok(out.into_bytes())
            }
            ExportFormat::P7b => Ok(pki::certs_only_p7c(&certs)?),
            ExportFormat::P12 => {
                let password = password.ok_or(crate::error::Error::SecretNeeded(
                    "field.truststore_password",
                ))?;
                let named: Vec<(String, Certificate)> = entries
                    .into_iter()
                    .map(|e| (e.name, e.certificate))
                    .collect();
                Ok(pki::build_truststore(
                    &named,
                    password,
                    pki::P12Profile::Modern,
                )?)
            }
        }
    }
}
