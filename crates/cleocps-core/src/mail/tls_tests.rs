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

/// A self-signed server certificate as `openssl req -x509` makes it
/// (OpenSSL 3 marks it CA:TRUE), the common way on the organisation's own servers.
fn self_signed(dir: &Path) -> (std::path::PathBuf, Arc<rustls::ServerConfig>) {
    use rustls::pki_types::PrivateKeyDer;
    let st = std::process::Command::new("openssl")
        .args([
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-nodes",
            "-keyout",
            "self.key",
            "-out",
            "self.pem",
            "-subj",
            "/CN=localhost",
            "-days",
            "2",
            "-addext",
            "subjectAltName=DNS:localhost,IP:127.0.0.1",
        ])
        .current_dir(dir)
        .output()
        .expect("openssl");
    assert!(
        st.status.success(),
        "{}",
        String::from_utf8_lossy(&st.stderr)
    );
    let chain = read_ca_file(&dir.join("self.pem")).expect("chain");
    let key = PrivateKeyDer::from_pem_file(dir.join("self.key")).expect("key");
    let config = rustls::ServerConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()
        .expect("versions")
        .with_no_client_auth()
        .with_single_cert(chain, key)
        .expect("server config");
    (dir.join("self.pem"), Arc::new(config))
}

/// Connects to a one-shot TLS server presenting `server`.
fn handshake(server: Arc<rustls::ServerConfig>, trust: TlsTrust) -> Result<(), TlsProblem> {
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
    let out = connect(&trust, "127.0.0.1", tcp).map(|_| ());
    t.join().expect("server thread");
    out.map_err(|e| match e {
        ConnectError::Tls(p) => p,
        ConnectError::Settings(e) => panic!("settings: {e:?}"),
    })
}

fn trust<'a>(ca: Option<&'a Path>, pin: Option<&'a str>) -> TlsTrust<'a> {
    TlsTrust {
        section: "smtp",
        ca_file: ca,
        fingerprint: pin,
    }
}

fn refusal(r: Result<(), TlsProblem>) -> (Presented, Refusal) {
    match r {
        Err(TlsProblem::Refused { presented, refusal }) => (*presented, refusal),
        other => panic!("expected a refused certificate, got {other:?}"),
    }
}

#[test]
fn untrusted_and_wrong_name_are_told_apart_on_a_real_handshake() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (ca, server) = server_cert(dir.path(), "other.example.fr");
    let (presented, why) = refusal(handshake(server.clone(), trust(None, None)));
    assert_eq!(why, Refusal::Untrusted);
    assert_eq!(presented.issuer, "CN=test CA");
    let (_, why) = refusal(handshake(server, trust(Some(&ca), None)));
    assert_eq!(why, Refusal::WrongName);
}

#[test]
fn a_self_signed_ca_true_server_given_as_ca_file_is_believed_as_itself() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (cert, server) = self_signed(dir.path());
    let (presented, why) = refusal(handshake(server.clone(), trust(None, None)));
    assert_eq!(why, Refusal::Untrusted);
    assert!(presented.self_signed());
    handshake(server, trust(Some(&cert), None)).expect("the file's own certificate");
}

#[test]
fn a_pin_alone_is_enough_and_a_wrong_pin_names_the_presented_sha256() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (cert, server) = self_signed(dir.path());
    let der = read_ca_file(&cert).expect("read");
    let right = super::super::tls_verify::Fingerprint::of(der[0].as_ref()).to_config();
    let with_colons = {
        let hex = right.trim_start_matches("SHA256:");
        let pairs: Vec<&str> = (0..hex.len() / 2).map(|i| &hex[2 * i..2 * i + 2]).collect();
        format!("SHA256:{}", pairs.join(":").to_lowercase())
    };
    handshake(server.clone(), trust(None, Some(&with_colons))).expect("pinned");
    let wrong = format!("SHA256:{}", "00".repeat(32));
    let (presented, why) = refusal(handshake(server, trust(None, Some(&wrong))));
    assert_eq!(why, Refusal::PinMismatch);
    assert_eq!(presented.fingerprint, right);
    let text = TlsProblem::Refused {
        presented: Box::new(presented),
        refusal: why,
    }
    .localize(Lang::En, "the SMTP server localhost", "smtp");
    assert!(text.contains(&right), "{text}");
    assert!(text.contains("smtp.tls_fingerprint"), "{text}");
    assert!(
        !text.contains("OtherError") && !text.contains("Some("),
        "{text}"
    );
}

#[test]
fn refusals_name_the_certificate_and_one_fix_in_both_languages() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (_, server) = self_signed(dir.path());
    let problem = handshake(server, trust(None, None)).expect_err("refused");
    for lang in [Lang::Fr, Lang::En] {
        let text = problem.localize(lang, "SMTP localhost", "smtp");
        assert!(text.contains("CN=localhost"), "{text}");
        assert!(text.contains("SHA256:"), "{text}");
        assert!(text.contains("config set smtp.tls_fingerprint"), "{text}");
        assert!(!text.contains("ca_file"), "one fix only: {text}");
    }
}

#[test]
fn a_malformed_fingerprint_is_a_settings_error_naming_the_key() {
    let t = trust(None, Some("SHA256:1234"));
    match verifier(&t) {
        Err(MailError::BadFingerprint { key, .. }) => assert_eq!(key, "smtp.tls_fingerprint"),
        other => panic!("{other:?}"),
    }
}
