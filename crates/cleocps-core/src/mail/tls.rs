//! TLS (rustls, ring provider) and plain-text policy shared by SMTP, IMAP
//! and LDAP: one client configuration trusting the system roots plus the
//! section's `ca_file`, and one reading of a handshake failure, so every
//! service says the same specific thing (untrusted → "set ca_file", wrong
//! host name → "use the name in the certificate").

use super::MailError;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName};
use rustls::{CertificateError, ClientConfig, ClientConnection, RootCertStore, StreamOwned};
use std::net::{IpAddr, TcpStream};
use std::path::Path;
use std::sync::{Arc, OnceLock};

/// Plain text is allowed only on loopback (DESIGN §9) unless the section says otherwise.
pub fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost")
        || host
            .trim_matches(['[', ']'])
            .parse::<IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// The CA file's certificates (PEM, several allowed).
pub fn read_ca_file(path: &Path) -> Result<Vec<CertificateDer<'static>>, MailError> {
    let err = |detail: String| MailError::CaFile {
        path: path.to_path_buf(),
        detail,
    };
    let pem = crate::fsutil::read_input(path).map_err(|e| err(e.to_string()))?;
    let certs = CertificateDer::pem_slice_iter(&pem)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| err(e.to_string()))?;
    if certs.is_empty() {
        return Err(err("no PEM certificate".into()));
    }
    Ok(certs)
}

/// The system's roots, loaded once per process (reading them takes a while).
fn system_roots() -> &'static [CertificateDer<'static>] {
    static ROOTS: OnceLock<Vec<CertificateDer<'static>>> = OnceLock::new();
    ROOTS.get_or_init(|| rustls_native_certs::load_native_certs().certs)
}

/// A client configuration trusting the system roots plus `ca_file`.
pub fn client_config(ca_file: Option<&Path>) -> Result<Arc<ClientConfig>, MailError> {
    let mut roots = RootCertStore::empty();
    roots.add_parsable_certificates(system_roots().iter().cloned());
    if let Some(path) = ca_file {
        for cert in read_ca_file(path)? {
            roots.add(cert).map_err(|e| MailError::CaFile {
                path: path.to_path_buf(),
                detail: e.to_string(),
            })?;
        }
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| MailError::CaFile {
            path: ca_file.map(Path::to_path_buf).unwrap_or_default(),
            detail: e.to_string(),
        })?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(Arc::new(config))
}

/// Why a TLS connection failed, as the user can act on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TlsProblem {
    /// The server's certificate chains to no trusted root: set `ca_file`.
    Untrusted(String),
    /// The certificate is valid but for another name.
    WrongName(String),
    /// Anything else the handshake refused (expired, protocol…).
    Other(String),
}

impl TlsProblem {
    fn from_rustls(e: &rustls::Error) -> TlsProblem {
        let detail = e.to_string();
        match e {
            rustls::Error::InvalidCertificate(CertificateError::NotValidForName)
            | rustls::Error::InvalidCertificate(CertificateError::NotValidForNameContext {
                ..
            }) => TlsProblem::WrongName(detail),
            rustls::Error::InvalidCertificate(CertificateError::UnknownIssuer)
            | rustls::Error::InvalidCertificate(CertificateError::BadSignature) => {
                TlsProblem::Untrusted(detail)
            }
            _ => TlsProblem::Other(detail),
        }
    }

    /// The TLS failure somewhere in an error's causes, if there is one.
    pub fn find(e: &(dyn std::error::Error + 'static)) -> Option<TlsProblem> {
        let mut src: Option<&(dyn std::error::Error + 'static)> = Some(e);
        while let Some(err) = src {
            if let Some(r) = err.downcast_ref::<rustls::Error>() {
                return Some(TlsProblem::from_rustls(r));
            }
            if let Some(io) = err.downcast_ref::<std::io::Error>() {
                if let Some(r) = io.get_ref().and_then(|i| i.downcast_ref::<rustls::Error>()) {
                    return Some(TlsProblem::from_rustls(r));
                }
            }
            src = err.source();
        }
        None
    }

    /// The mail error for `service` at `host`.
    pub fn into_mail_error(self, service: super::Service, host: &str) -> MailError {
        let host = host.to_string();
        match self {
            TlsProblem::WrongName(detail) => MailError::TlsWrongName {
                service,
                host,
                detail,
            },
            TlsProblem::Untrusted(detail) | TlsProblem::Other(detail) => MailError::TlsUntrusted {
                service,
                host,
                detail,
            },
        }
    }
}

/// A finished TLS handshake over `tcp` to `host`: failures show here, not at
/// the first read, so they can be told apart from the protocol's.
pub fn connect(
    config: Arc<ClientConfig>,
    host: &str,
    mut tcp: TcpStream,
) -> Result<StreamOwned<ClientConnection, TcpStream>, TlsProblem> {
    let name = ServerName::try_from(host.trim_matches(['[', ']']).to_string())
        .map_err(|e| TlsProblem::Other(e.to_string()))?;
    let mut conn = ClientConnection::new(config, name).map_err(|e| TlsProblem::from_rustls(&e))?;
    while conn.is_handshaking() {
        if let Err(e) = conn.complete_io(&mut tcp) {
            return Err(TlsProblem::find(&e).unwrap_or(TlsProblem::Other(e.to_string())));
        }
    }
    Ok(StreamOwned::new(conn, tcp))
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

    #[test]
    fn a_ca_file_without_certificate_is_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("ca.pem");
        std::fs::write(&p, "not a certificate\n").expect("write");
        assert!(matches!(read_ca_file(&p), Err(MailError::CaFile { .. })));
    }

    /// A CA and a server certificate for `name` only, made by openssl.
    fn server_cert(dir: &Path, name: &str) -> (std::path::PathBuf, Arc<rustls::ServerConfig>) {
        use rustls::pki_types::PrivateKeyDer;
        let run = |args: &[&str]| {
            let st = std::process::Command::new("openssl")
                .args(args)
                .current_dir(dir)
                .output()
                .expect("openssl");
            assert!(
                st.status.success(),
                "{}",
                String::from_utf8_lossy(&st.stderr)
            );
        };
        run(&[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "ca.key",
            "-out",
            "ca.pem",
            "-subj",
            "/CN=test CA",
            "-days",
            "1",
        ]);
        run(&[
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "srv.key",
            "-out",
            "srv.csr",
            "-subj",
            &format!("/CN={name}"),
        ]);
        std::fs::write(
            dir.join("ext"),
            format!("subjectAltName=DNS:{name}\nextendedKeyUsage=serverAuth\n"),
        )
        .expect("ext");
        run(&[
            "x509",
            "-req",
            "-in",
            "srv.csr",
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            "srv.pem",
            "-days",
            "1",
            "-extfile",
            "ext",
        ]);
        let chain = read_ca_file(&dir.join("srv.pem")).expect("chain");
        let key = PrivateKeyDer::from_pem_file(dir.join("srv.key")).expect("key");
        let config = rustls::ServerConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .expect("versions")
        .with_no_client_auth()
        .with_single_cert(chain, key)
        .expect("server config");
        (dir.join("ca.pem"), Arc::new(config))
    }

    /// Connects to a one-shot TLS server presenting `server`.
    fn handshake(server: Arc<rustls::ServerConfig>, ca: Option<&Path>) -> Result<(), TlsProblem> {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        let addr = listener.local_addr().expect("addr");
        let t = std::thread::spawn(move || {
            if let Ok((mut tcp, _)) = listener.accept() {
                let mut conn = rustls::ServerConnection::new(server).expect("server");
                while conn.is_handshaking() {
                    if conn.complete_io(&mut tcp).is_err() {
                        break;
                    }
                }
            }
        });
        let tcp = TcpStream::connect(addr).expect("connect");
        let config = client_config(ca).expect("client config");
        let out = connect(config, "127.0.0.1", tcp).map(|_| ());
        t.join().expect("server thread");
        out
    }

    #[test]
    fn untrusted_and_wrong_name_are_told_apart_on_a_real_handshake() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (ca, server) = server_cert(dir.path(), "other.example.fr");
        assert!(matches!(
            handshake(server.clone(), None),
            Err(TlsProblem::Untrusted(_))
        ));
        assert!(matches!(
            handshake(server, Some(&ca)),
            Err(TlsProblem::WrongName(_))
        ));
    }

    #[test]
    fn rustls_failures_are_told_apart() {
        let name = rustls::Error::InvalidCertificate(CertificateError::NotValidForName);
        let issuer = rustls::Error::InvalidCertificate(CertificateError::UnknownIssuer);
        let io = std::io::Error::new(std::io::ErrorKind::InvalidData, issuer);
        assert!(matches!(
            TlsProblem::find(&name),
            Some(TlsProblem::WrongName(_))
        ));
        assert!(matches!(
            TlsProblem::find(&io),
            Some(TlsProblem::Untrusted(_))
        ));
    }
}
