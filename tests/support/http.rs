//! A tiny HTTP server on 127.0.0.1 for the AIA and revocation tests:
//! serves one file's bytes at any path, counts the requests. Lives as long as the test.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

pub struct FileServer {
    /// `http://127.0.0.1:PORT`
    pub base: String,
    hits: Arc<AtomicUsize>,
}

impl FileServer {
    /// Serves `body` with status 200 to every request.
    pub fn start(body: Vec<u8>) -> FileServer {
        FileServer::serve(move || body.clone())
    }

    /// Serves the bytes `file` holds when each request comes (a CRL made
    /// again after a revocation is served at the same address).
    pub fn file(file: std::path::PathBuf) -> FileServer {
        FileServer::serve(move || std::fs::read(&file).unwrap_or_default())
    }

    fn serve(body: impl Fn() -> Vec<u8> + Send + 'static) -> FileServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let base = format!("http://{}", listener.local_addr().expect("addr"));
        let hits = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&hits);
        std::thread::spawn(move || {
            for mut stream in listener.incoming().flatten() {
                // Read the request up to its blank line, then answer.
                let mut request = Vec::new();
                let mut buf = [0u8; 1024];
                while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                    match stream.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => request.extend_from_slice(&buf[..n]),
                    }
                }
                counter.fetch_add(1, Ordering::SeqCst);
                let body = body();
                let head = format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: application/pkix-cert\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                let _ = stream.write_all(&[head.as_bytes(), &body].concat());
            }
        });
        FileServer { base, hits }
    }

    /// How many requests were served.
    pub fn hits(&self) -> usize {
        self.hits.load(Ordering::SeqCst)
    }
}
