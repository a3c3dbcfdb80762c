//! A missing intermediate fetched from the AIA `caIssuers` URL of the
//! certificate it issued: plain `http://`, as IGC-Santé publishes them (a CA
//! certificate is public, and what comes back is checked like the rest).
//! HTTP/1.0 so the body comes whole (never chunked) and ends with the connection.

use crate::pki;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream, ToSocketAddrs};
use std::time::{Duration, Instant};
use x509_cert::Certificate;

/// Connect, and each read or write; the whole fetch gets twice that.
const TIMEOUT: Duration = Duration::from_secs(5);
/// A CA certificate is a few kilobytes; a PKCS#7 of a few of them, tens.
const MAX_BYTES: usize = 256 * 1024;

/// The certificates at `url` (DER, PEM or PKCS#7). The error is a detail for the user.
pub(super) fn fetch(url: &str) -> Result<Vec<Certificate>, String> {
    let (host, port, path) = parse(url)?;
    let deadline = Instant::now() + 2 * TIMEOUT;
    let addrs: Vec<SocketAddr> = (host.trim_start_matches('[').trim_end_matches(']'), port)
        .to_socket_addrs()
        .map_err(|e| format!("{host}: {e}"))?
        .collect();
    let mut stream = connect(&addrs)?;
    let io = |e: std::io::Error| e.to_string();
    stream.set_read_timeout(Some(TIMEOUT)).map_err(io)?;
    stream.set_write_timeout(Some(TIMEOUT)).map_err(io)?;
    let authority = if port == 80 {
        host.clone()
    } else {
        format!("{host}:{port}")
    };
    // One write: a server may answer (and close) as soon as it has the request line.
    let request = format!(
        "GET {path} HTTP/1.0\r\nHost: {authority}\r\nUser-Agent: cleocps\r\nAccept: */*\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(request.as_bytes()).map_err(io)?;
    let mut response = Vec::new();
    let mut buf = [0u8; 8192];
    loop {
        let n = stream.read(&mut buf).map_err(io)?;
        if n == 0 {
            break;
        }
        response.extend_from_slice(&buf[..n]);
        if response.len() > MAX_BYTES {
            return Err(format!("more than {MAX_BYTES} bytes"));
        }
        if Instant::now() > deadline {
            return Err("too slow".into());
        }
    }
    let body = body(&response)?;
    pki::parse_certificates(body).map_err(|e| e.to_string())
}

/// `http://host[:port]/path` → (host, port, path). Other schemes are not fetched.
fn parse(url: &str) -> Result<(String, u16, String), String> {
    let rest = url
        .strip_prefix("http://")
        .ok_or_else(|| format!("{url}: only http:// is fetched"))?;
    // Nothing that could end the request line or add a header.
    if rest.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!("{url}: invalid URL"));
    }
    let (authority, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, p)) if !p.contains(']') => (
            h,
            p.parse::<u16>()
                .map_err(|_| format!("{url}: invalid port"))?,
        ),
        _ => (authority, 80),
    };
    if host.is_empty() || host.contains('@') {
        return Err(format!("{url}: invalid host"));
    }
    Ok((host.to_string(), port, path.to_string()))
}

fn connect(addrs: &[SocketAddr]) -> Result<TcpStream, String> {
    let mut last = String::from("no address");
    for addr in addrs {
        match TcpStream::connect_timeout(addr, TIMEOUT) {
            Ok(s) => return Ok(s),
            Err(e) => last = format!("{addr}: {e}"),
        }
    }
    Err(last)
}

/// The body of a `200` response.
fn body(response: &[u8]) -> Result<&[u8], String> {
    let end = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or("no HTTP header")?;
    let head = String::from_utf8_lossy(&response[..end]);
    let status = head.lines().next().unwrap_or_default();
    match status.split_whitespace().nth(1) {
        Some("200") => Ok(&response[end + 4..]),
        _ => Err(format!("HTTP: {status}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::TcpListener;

    /// Serves `reply` once on 127.0.0.1; returns the URL base.
    fn serve_once(reply: Vec<u8>) -> String {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = listener.local_addr().expect("addr").port();
        std::thread::spawn(move || {
            if let Ok((mut s, _)) = listener.accept() {
                let mut req = [0u8; 1024];
                let _ = s.read(&mut req);
                let _ = s.write_all(&reply);
            }
        });
        format!("http://127.0.0.1:{port}")
    }

    #[test]
    fn urls() {
        assert_eq!(
            parse("http://igc-sante.esante.gouv.fr/AC%20TEST/ACI-EL-ORG-TEST.cer"),
            Ok((
                "igc-sante.esante.gouv.fr".into(),
                80,
                "/AC%20TEST/ACI-EL-ORG-TEST.cer".into()
            ))
        );
        assert_eq!(
            parse("http://127.0.0.1:8080"),
            Ok(("127.0.0.1".into(), 8080, "/".into()))
        );
        assert_eq!(
            parse("http://[::1]:81/a"),
            Ok(("[::1]".into(), 81, "/a".into()))
        );
        for bad in [
            "https://x/y",
            "ldap://x/y",
            "http://x/a b",
            "http://x/a\r\nX: y",
            "http://u@x/",
            "http://x:99999/",
            "http:///a",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn status_size_and_body() {
        let err = fetch(&format!(
            "{}/x",
            serve_once(b"HTTP/1.0 404 Not Found\r\n\r\nnope".to_vec())
        ))
        .expect_err("404");
        assert!(err.contains("404"), "{err}");
        let big = [
            b"HTTP/1.0 200 OK\r\n\r\n".to_vec(),
            vec![b'A'; MAX_BYTES + 10],
        ]
        .concat();
        let err = fetch(&serve_once(big)).expect_err("too big");
        assert!(err.contains("bytes"), "{err}");
        let err = fetch(&serve_once(b"HTTP/1.0 200 OK\r\n\r\nhello".to_vec()))
            .expect_err("not a certificate");
        assert!(!err.is_empty());
        // A closed port: refused at once.
        let port = TcpListener::bind("127.0.0.1:0")
            .expect("bind")
            .local_addr()
            .expect("addr")
            .port();
        assert!(fetch(&format!("http://127.0.0.1:{port}/")).is_err());
    }
}
