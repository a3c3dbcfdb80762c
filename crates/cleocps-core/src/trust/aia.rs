//! A missing intermediate fetched from the AIA `caIssuers` URL of the
//! certificate it issued: plain `http://`, as IGC-Santé publishes them (a CA
//! certificate is public, and what comes back is checked like the rest).

use crate::http::{self, Fetch};
use crate::pki;
use x509_cert::Certificate;

/// A CA certificate is a few kilobytes; a PKCS#7 of a few of them, tens.
const MAX_BYTES: usize = 256 * 1024;

/// The certificates at `url` (DER, PEM or PKCS#7). The error is a detail for the user.
pub(super) fn fetch(url: &str) -> Result<Vec<Certificate>, String> {
    let body = http::fetch(url, &Fetch::get(MAX_BYTES)).map_err(|e| e.to_string())?;
    pki::parse_certificates(&body).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};
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
