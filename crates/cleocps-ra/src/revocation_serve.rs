//! `ra revocation-serve`: the rehearsal CA's CRL over HTTP (`GET …/ca.crl`)
//! and its OCSP responder (`POST …/ocsp`), on loopback only. One request at
//! a time, each bounded (5 s, 16 KiB of head, 64 KiB of body): a rehearsal
//! server, not a public one.

use super::revocation;
use super::store::RaDir;
use cleocps_core::error::{Error, Result};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant, SystemTime};

const IO_TIMEOUT: Duration = Duration::from_secs(5);
const MAX_HEAD: usize = 16 * 1024;
const MAX_BODY: usize = 64 * 1024;

/// Binds `listen` (loopback only), records its URL for issued certificates
/// and returns the listener; [`serve`] answers on it.
pub fn bind(ra: &RaDir, listen: SocketAddr) -> Result<TcpListener> {
    if !listen.ip().is_loopback() {
        return Err(Error::io(
            listen.to_string(),
            std::io::Error::new(
                std::io::ErrorKind::PermissionDenied,
                "the rehearsal revocation server listens on loopback only",
            ),
        ));
    }
    let listener = TcpListener::bind(listen).map_err(|e| Error::io(listen.to_string(), e))?;
    let addr = listener
        .local_addr()
        .map_err(|e| Error::io(listen.to_string(), e))?;
    revocation::publish_url(ra, &format!("http://{addr}"))?;
    Ok(listener)
}

/// [`bind`] to the address served last time when it is free (certificates
/// issued then point at it), else to any free loopback port.
pub fn bind_again(ra: &RaDir) -> Result<TcpListener> {
    let last = std::fs::read_to_string(ra.dir.join("revocation").join("url"))
        .ok()
        .and_then(|u| u.trim().strip_prefix("http://")?.parse::<SocketAddr>().ok());
    if let Some(addr) = last {
        if let Ok(listener) = bind(ra, addr) {
            return Ok(listener);
        }
    }
    bind(ra, SocketAddr::from(([127, 0, 0, 1], 0)))
}

/// Answers until `stop` is set.
pub fn serve(ra: &RaDir, listener: &TcpListener, stop: &AtomicBool) -> Result<()> {
    listener
        .set_nonblocking(true)
        .map_err(|e| Error::io("listener", e))?;
    while !stop.load(Ordering::Relaxed) {
        match listener.accept() {
            Ok((stream, peer)) => {
                if let Err(e) = answer(ra, stream) {
                    log::info!("ra revocation: {peer}: {e}");
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                std::thread::sleep(Duration::from_millis(50))
            }
            Err(e) => log::warn!("ra revocation: accept: {e}"),
        }
    }
    Ok(())
}

fn answer(ra: &RaDir, mut stream: TcpStream) -> std::io::Result<()> {
    stream.set_nonblocking(false)?;
    stream.set_read_timeout(Some(IO_TIMEOUT))?;
    stream.set_write_timeout(Some(IO_TIMEOUT))?;
    let deadline = Instant::now() + IO_TIMEOUT;
    let (head, mut body) = read_head(&mut stream, deadline)?;
    let mut lines = head.lines();
    let request_line = lines.next().unwrap_or_default().to_string();
    let mut parts = request_line.split_whitespace();
    let (method, path) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let length = lines
        .filter_map(|l| l.split_once(':'))
        .find(|(k, _)| k.trim().eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.trim().parse::<usize>().ok())
        .unwrap_or(0);
    let now = SystemTime::now();
    let reply = match (method, path) {
        ("GET", p) if p.ends_with(".crl") => revocation::crl(ra, now)
            .map(|der| (200, "application/pkix-crl", der))
            .unwrap_or_else(|_| (500, "text/plain", b"error".to_vec())),
        ("POST", p) if p.starts_with("/ocsp") && length <= MAX_BODY => {
            while body.len() < length && Instant::now() < deadline {
                let mut buf = [0u8; 4096];
                let n = stream.read(&mut buf)?;
                if n == 0 {
                    break;
                }
                body.extend_from_slice(&buf[..n]);
            }
            body.truncate(length);
            revocation::ocsp(ra, &body, now)
                .map(|der| (200, "application/ocsp-response", der))
                .unwrap_or_else(|_| (500, "text/plain", b"error".to_vec()))
        }
        _ => (404, "text/plain", b"not found".to_vec()),
    };
    let (code, kind, bytes) = reply;
    let status = if code == 200 { "OK" } else { "Error" };
    let head = format!(
        "HTTP/1.0 {code} {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        bytes.len()
    );
    stream.write_all(&[head.as_bytes(), &bytes].concat())
}

/// The request head (up to its blank line) and what came after it.
fn read_head(stream: &mut TcpStream, deadline: Instant) -> std::io::Result<(String, Vec<u8>)> {
    let mut data = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        if let Some(end) = data.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&data[..end]).into_owned();
            return Ok((head, data[end + 4..].to_vec()));
        }
        if data.len() > MAX_HEAD || Instant::now() > deadline {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                "bad request",
            ));
        }
        let n = stream.read(&mut buf)?;
        if n == 0 {
            return Err(std::io::Error::new(
                std::io::ErrorKind::UnexpectedEof,
                "closed",
            ));
        }
        data.extend_from_slice(&buf[..n]);
    }
}
