//! A bounded plain-HTTP client for public PKI objects (AIA certificates, CRLs,
//! OCSP answers): HTTP/1.0 so the body comes whole (never chunked) and ends
//! with the connection; one deadline for the whole fetch, redirects included,
//! so a server that drips bytes or redirects forever costs a known time; a
//! size cap checked while reading, so an endless body costs a known memory.
//! What comes back is checked by the caller (signatures), never trusted here.

use crate::i18n::{t, tf, Lang};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream, ToSocketAddrs};
use std::time::{Duration, Instant};

/// The whole fetch, redirects included (DESIGN §4c: 5 s per fetch).
pub const FETCH_TIMEOUT: Duration = Duration::from_secs(5);
/// Redirects followed at most.
pub const MAX_REDIRECTS: usize = 3;
/// Room for the status line and headers besides the body cap.
const HEAD_ROOM: usize = 16 * 1024;

/// Why a fetch gave nothing; shown in the user's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HttpError {
    /// Not an `http://` URL (the scheme or the whole URL).
    NotHttp(String),
    BadUrl(String),
    /// Resolving, connecting, reading or writing failed (the system's words).
    Io(String),
    /// The deadline passed before the answer was whole.
    Timeout,
    TooBig(usize),
    Redirects,
    /// Anything but `200` or a redirect (the status line).
    Status(String),
    NoHeader,
}

impl HttpError {
    pub fn localize(&self, lang: Lang) -> String {
        match self {
            HttpError::NotHttp(url) => tf(lang, "http.not_http", &[url]),
            HttpError::BadUrl(url) => tf(lang, "http.bad_url", &[url]),
            HttpError::Io(detail) => detail.clone(),
            HttpError::Timeout => tf(lang, "http.timeout", &[&FETCH_TIMEOUT.as_secs()]),
            HttpError::TooBig(max) => tf(lang, "http.too_big", &[max]),
            HttpError::Redirects => tf(lang, "http.redirects", &[&MAX_REDIRECTS]),
            HttpError::Status(line) => tf(lang, "http.status", &[line]),
            HttpError::NoHeader => t(lang, "http.no_header").to_string(),
        }
    }
}

crate::display_localized!(HttpError);

/// One request: method, body and its content type, and the answer's cap.
pub struct Fetch<'a> {
    pub post: Option<(&'a str, &'a [u8])>,
    pub accept: &'a str,
    pub max_bytes: usize,
}

impl Fetch<'_> {
    /// A `GET` of at most `max_bytes`.
    pub fn get(max_bytes: usize) -> Fetch<'static> {
        Fetch {
            post: None,
            accept: "*/*",
            max_bytes,
        }
    }
}

/// The body of the `200` answer at `url`. The error is a detail for the user.
pub fn fetch(url: &str, req: &Fetch<'_>) -> Result<Vec<u8>, HttpError> {
    let deadline = Instant::now() + FETCH_TIMEOUT;
    let mut url = url.to_string();
    for _ in 0..=MAX_REDIRECTS {
        match once(&url, req, deadline)? {
            Answer::Body(body) => return Ok(body),
            Answer::Redirect(to) => url = to,
        }
    }
    Err(HttpError::Redirects)
}

enum Answer {
    Body(Vec<u8>),
    Redirect(String),
}

fn remaining(deadline: Instant) -> Result<Duration, HttpError> {
    deadline
        .checked_duration_since(Instant::now())
        .filter(|d| !d.is_zero())
        .ok_or(HttpError::Timeout)
}

fn once(url: &str, req: &Fetch<'_>, deadline: Instant) -> Result<Answer, HttpError> {
    let (host, port, path) = parse(url)?;
    let addrs: Vec<SocketAddr> = (host.trim_start_matches('[').trim_end_matches(']'), port)
        .to_socket_addrs()
        .map_err(|e| HttpError::Io(format!("{host}: {e}")))?
        .collect();
    let mut stream = connect(&addrs, deadline)?;
    let io = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut => HttpError::Timeout,
        _ => HttpError::Io(e.to_string()),
    };
    stream
        .set_write_timeout(Some(remaining(deadline)?))
        .map_err(io)?;
    let authority = if port == 80 {
        host.clone()
    } else {
        format!("{host}:{port}")
    };
    let (method, extra) = match req.post {
        Some((kind, body)) => (
            "POST",
            format!("Content-Type: {kind}\r\nContent-Length: {}\r\n", body.len()),
        ),
        None => ("GET", String::new()),
    };
    // One write: a server may answer (and close) as soon as it has the request.
    let mut request = format!(
        "{method} {path} HTTP/1.0\r\nHost: {authority}\r\nUser-Agent: cleocps\r\nAccept: {}\r\n{extra}Connection: close\r\n\r\n",
        req.accept
    )
    .into_bytes();
    if let Some((_, body)) = req.post {
        request.extend_from_slice(body);
    }
    stream.write_all(&request).map_err(io)?;
    let cap = req.max_bytes.saturating_add(HEAD_ROOM);
    let mut response = Vec::new();
    let mut buf = [0u8; 16 * 1024];
    loop {
        // The read waits no longer than the fetch has left: a drip ends on time.
        stream
            .set_read_timeout(Some(remaining(deadline)?))
            .map_err(io)?;
        let n = stream.read(&mut buf).map_err(io)?;
        if n == 0 {
            break;
        }
        response.extend_from_slice(&buf[..n]);
        if response.len() > cap {
            return Err(HttpError::TooBig(req.max_bytes));
        }
    }
    answer(url, &response, req.max_bytes)
}

/// `http://host[:port]/path` → (host, port, path). Other schemes are not fetched.
pub fn parse(url: &str) -> Result<(String, u16, String), HttpError> {
    let bad = || HttpError::BadUrl(crate::sanitize::line(url).into_owned());
    let rest = url
        .strip_prefix("http://")
        .ok_or_else(|| HttpError::NotHttp(crate::sanitize::line(url).into_owned()))?;
    // Nothing that could end the request line or add a header.
    if rest.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(bad());
    }
    let (authority, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, p)) if !p.contains(']') => (h, p.parse::<u16>().map_err(|_| bad())?),
        _ => (authority, 80),
    };
    if host.is_empty() || host.contains('@') {
        return Err(bad());
    }
    Ok((host.to_string(), port, path.to_string()))
}

fn connect(addrs: &[SocketAddr], deadline: Instant) -> Result<TcpStream, HttpError> {
    let mut last = HttpError::Io("no address".into());
    for addr in addrs {
        match TcpStream::connect_timeout(addr, remaining(deadline)?) {
            Ok(s) => return Ok(s),
            Err(e) if e.kind() == std::io::ErrorKind::TimedOut => last = HttpError::Timeout,
            Err(e) => last = HttpError::Io(format!("{addr}: {e}")),
        }
    }
    Err(last)
}

/// The body of a `200`, or where a redirect points.
fn answer(url: &str, response: &[u8], max_bytes: usize) -> Result<Answer, HttpError> {
    let end = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or(HttpError::NoHeader)?;
    let head = String::from_utf8_lossy(&response[..end]);
    let status = head.lines().next().unwrap_or_default();
    let body = &response[end + 4..];
    match status.split_whitespace().nth(1) {
        Some("200") if body.len() > max_bytes => Err(HttpError::TooBig(max_bytes)),
        Some("200") => Ok(Answer::Body(body.to_vec())),
        Some("301" | "302" | "303" | "307" | "308") => {
            let location = head
                .lines()
                .find_map(|l| {
                    let (k, v) = l.split_once(':')?;
                    k.trim().eq_ignore_ascii_case("location").then(|| v.trim())
                })
                .ok_or_else(|| HttpError::Status(crate::sanitize::line(status).into_owned()))?;
            Ok(Answer::Redirect(resolve(url, location)?))
        }
        _ => Err(HttpError::Status(
            crate::sanitize::line(status).into_owned(),
        )),
    }
}

/// A redirect's target: absolute `http://`, or a path on the same server.
fn resolve(url: &str, location: &str) -> Result<String, HttpError> {
    if location.starts_with("http://") {
        return Ok(location.to_string());
    }
    if location.starts_with('/') {
        let (host, port, _) = parse(url)?;
        return Ok(format!("http://{host}:{port}{location}"));
    }
    Err(HttpError::NotHttp(
        crate::sanitize::line(location).into_owned(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::TcpListener;

    /// Serves each reply once, in turn, on 127.0.0.1; returns the URL base.
    fn serve(replies: Vec<Vec<u8>>) -> String {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = listener.local_addr().expect("addr").port();
        std::thread::spawn(move || {
            for reply in replies {
                if let Ok((mut s, _)) = listener.accept() {
                    let mut req = [0u8; 4096];
                    let _ = s.read(&mut req);
                    let _ = s.write_all(&reply);
                }
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
    fn redirects_are_followed_a_few_times_only() {
        let base = serve(vec![
            b"HTTP/1.0 302 Found\r\nLocation: /b\r\n\r\n".to_vec(),
            b"HTTP/1.0 200 OK\r\n\r\nbody".to_vec(),
        ]);
        assert_eq!(
            fetch(&format!("{base}/a"), &Fetch::get(100)),
            Ok(b"body".to_vec())
        );
        let base = serve(vec![
            b"HTTP/1.0 302 Found\r\nLocation: /a\r\n\r\n".to_vec();
            5
        ]);
        let err = fetch(&format!("{base}/a"), &Fetch::get(100)).expect_err("loop");
        assert_eq!(err.localize(Lang::En), "more than 3 redirects");
        assert_eq!(err.localize(Lang::Fr), "plus de 3 redirections");
    }

    #[test]
    fn the_cap_holds() {
        let base = serve(vec![
            [b"HTTP/1.0 200 OK\r\n\r\n".to_vec(), vec![b'A'; 200]].concat()
        ]);
        let err = fetch(&base, &Fetch::get(100)).expect_err("too big");
        assert_eq!(err, HttpError::TooBig(100));
    }
}
