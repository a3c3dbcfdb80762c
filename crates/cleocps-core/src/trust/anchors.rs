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

/// A public intermediate built into cleocps (pinned), so a lone leaf from
/// the platform chains without the network; used with its root.
pub struct BuiltInIntermediate {
    pub name: &'static str,
    /// The built-in anchor it chains to.
    pub root: &'static str,
    pem: &'static str,
    pub sha256: &'static str,
}

/// AC IGC-SANTE ELEMENTAIRE ORGANISATIONS, production and TEST (the
/// issuing CAs of SERV and ORG certificates).
pub const BUILT_IN_INTERMEDIATES: &[BuiltInIntermediate] = &[
    BuiltInIntermediate {
        name: "igc-sante-organisations",
        root: "igc-sante",
        pem: include_str!("../../anchors/igc-sante-organisations.pem"),
        sha256: "D8:34:EE:5B:40:68:6B:73:57:3F:60:54:7B:F6:05:2C:6D:40:4D:94:2A:56:65:CD:B2:C0:B9:13:7B:5D:27:B2",
    },
    BuiltInIntermediate {
        name: "igc-sante-test-organisations",
        root: "igc-sante-test",
        pem: include_str!("../../anchors/igc-sante-test-organisations.pem"),
        sha256: "DC:52:8E:37:88:69:1B:3F:79:50:16:40:76:F9:5B:02:C6:43:34:C6:86:62:BD:ED:E5:75:0B:4E:0E:53:38:F6",
    },
];

/// The built-in intermediates under the anchor `entry`, if it is a built-in one.
pub(super) fn intermediates_of(
    entry: &str,
) -> Result<Vec<(&'static str, Certificate)>, TrustError> {
    BUILT_IN_INTERMEDIATES
        .iter()
        .filter(|i| i.root == entry)
        .map(|i| pinned(i.name, i.pem, i.sha256).map(|c| (i.name, c)))
        .collect()
}

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

fn built_in(b: &BuiltIn) -> Result<Certificate, TrustError> {
    pinned(b.name, b.pem, b.sha256)
}

/// A built-in certificate, refused if its bytes are not the pinned ones (a damaged build).
fn pinned(name: &'static str, pem: &str, sha256: &str) -> Result<Certificate, TrustError> {
    let damaged = || TrustError::BuiltInMismatch(name);
    let cert = pki::cert_from_pem_or_der(pem.as_bytes()).map_err(|_| damaged())?;
    if summarize(&cert).sha256_fingerprint != sha256 {
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
