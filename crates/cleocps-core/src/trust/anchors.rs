//! Where anchors and known intermediates come from: the roots built into
//! cleocps (pinned by their SHA-256 fingerprints), PEM files, a directory.

use super::TrustError;
use crate::i18n;
use crate::pki::{self, summarize};
use std::path::Path;
use x509_cert::Certificate;

/// A root built into cleocps.
pub struct BuiltIn {
    pub name: &'static str,
    pem: &'static str,
    /// SHA-256 of the DER, as ANS publishes it.
    pub sha256: &'static str,
}

/// The IGC-Santé roots (public facts; `reference/` in the project's notes).
pub const BUILT_IN: &[BuiltIn] = &[
    BuiltIn {
        name: "igc-sante",
        pem: include_str!("../../anchors/igc-sante.pem"),
        sha256: "2D:9E:22:CA:19:F7:77:C6:B7:45:25:7C:72:3E:CB:8D:F3:C3:5F:A6:F1:F6:EC:36:B8:36:00:C9:73:46:96:7F",
    },
    BuiltIn {
        name: "igc-sante-test",
        pem: include_str!("../../anchors/igc-sante-test.pem"),
        sha256: "01:32:5A:EB:19:38:71:EE:C9:0F:A8:95:56:80:4E:41:85:CB:36:2E:0C:A8:7A:3D:79:93:9C:71:18:6D:A8:05",
    },
];

/// The certificates of one anchor: a built-in name, else a file (PEM, DER or PKCS#7).
pub(super) fn anchor(entry: &str) -> Result<Vec<Certificate>, TrustError> {
    if let Some(b) = BUILT_IN.iter().find(|b| b.name == entry) {
        return built_in(b).map(|c| vec![c]);
    }
    let unreadable = |detail: String| TrustError::AnchorUnreadable {
        anchor: entry.to_string(),
        detail,
    };
    let bytes =
        crate::fsutil::read_input(Path::new(entry)).map_err(|e| unreadable(e.to_string()))?;
    pki::parse_certificates(&bytes).map_err(|e| unreadable(e.localize(i18n::current())))
}

/// A built-in root, refused if its bytes are not the pinned ones (a damaged build).
fn built_in(b: &BuiltIn) -> Result<Certificate, TrustError> {
    let damaged = || TrustError::BuiltInMismatch(b.name);
    let cert = pki::cert_from_pem_or_der(b.pem.as_bytes()).map_err(|_| damaged())?;
    if summarize(&cert).sha256_fingerprint != b.sha256 {
        return Err(damaged());
    }
    Ok(cert)
}

/// `trust.intermediates`: one file, or every file of a directory (files that
/// hold no certificate, a README say, are skipped with a log line).
pub(super) fn intermediates(path: &Path) -> Result<Vec<Certificate>, TrustError> {
    let unreadable = |detail: String| TrustError::IntermediatesUnreadable {
        path: path.to_path_buf(),
        detail,
    };
    if !path.is_dir() {
        let bytes = crate::fsutil::read_input(path).map_err(|e| unreadable(e.to_string()))?;
        return pki::parse_certificates(&bytes)
            .map_err(|e| unreadable(e.localize(i18n::current())));
    }
    let mut files: Vec<_> = std::fs::read_dir(path)
        .map_err(|e| unreadable(e.to_string()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    let mut certs = Vec::new();
    for file in files {
        match crate::fsutil::read_input(&file)
            .map_err(|e| e.to_string())
            .and_then(|b| pki::parse_certificates(&b).map_err(|e| e.to_string()))
        {
            Ok(found) => certs.extend(found),
            Err(e) => log::warn!("trust.intermediates: {} skipped: {e}", file.display()),
        }
    }
    Ok(certs)
}
