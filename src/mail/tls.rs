//! TLS and plain-text policy shared by SMTP, IMAP and LDAP.

use super::MailError;
use std::net::IpAddr;
use std::path::Path;

/// Plain text is allowed only on loopback (DESIGN §9) unless the section says otherwise.
pub fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost")
        || host
            .trim_matches(['[', ']'])
            .parse::<IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// The CA file's certificates (PEM, several allowed).
pub fn read_ca_file(path: &Path) -> Result<Vec<native_tls::Certificate>, MailError> {
    let err = |detail: String| MailError::CaFile {
        path: path.to_path_buf(),
        detail,
    };
    let pem = std::fs::read(path).map_err(|e| err(e.to_string()))?;
    let text = String::from_utf8_lossy(&pem);
    let mut out = Vec::new();
    for block in text.split_inclusive("-----END CERTIFICATE-----") {
        if let Some(start) = block.find("-----BEGIN CERTIFICATE-----") {
            let cert = native_tls::Certificate::from_pem(&block.as_bytes()[start..])
                .map_err(|e| err(e.to_string()))?;
            out.push(cert);
        }
    }
    if out.is_empty() {
        return Err(err("no PEM certificate".into()));
    }
    Ok(out)
}

/// A native-tls connector trusting the system roots plus `ca_file`.
pub fn connector(ca_file: Option<&Path>) -> Result<native_tls::TlsConnector, MailError> {
    let mut b = native_tls::TlsConnector::builder();
    if let Some(p) = ca_file {
        for c in read_ca_file(p)? {
            b.add_root_certificate(c);
        }
    }
    b.build().map_err(|e| MailError::CaFile {
        path: ca_file.map(Path::to_path_buf).unwrap_or_default(),
        detail: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_hosts() {
        for h in ["localhost", "127.0.0.1", "127.1.2.3", "::1", "[::1]"] {
            assert!(is_loopback(h), "{h}");
        }
        for h in ["smtp.example.fr", "10.0.0.1", "localhost.example.fr"] {
            assert!(!is_loopback(h), "{h}");
        }
    }
}
