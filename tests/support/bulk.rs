//! A big mailbox quickly: unrelated messages written straight into a
//! dovecot Maildir (`cur/`, owned by the `mail` user the test dovecot runs
//! mailboxes as), dated by their file time (dovecot's INTERNALDATE). dovecot
//! takes them in at its next look at the folder. Also used by
//! `examples/bench_mail.rs`.

use std::io::Write;
use std::path::Path;
use std::time::{Duration, SystemTime};

/// uid and gid of the `mail` user (`userdb static uid=mail gid=mail`).
fn mail_ids() -> (u32, u32) {
    let id = |flag: &str| {
        let out = std::process::Command::new("id")
            .args([flag, "mail"])
            .output()
            .expect("id mail");
        String::from_utf8_lossy(&out.stdout)
            .trim()
            .parse()
            .expect("a number")
    };
    (id("-u"), id("-g"))
}

/// An unrelated message of about `bytes` bytes: a text part and a PDF
/// attachment (multipart, as most big mail is).
pub fn unrelated(i: usize, bytes: usize) -> Vec<u8> {
    let mut m = format!(
        "From: Someone {i} <someone{i}@example.org>\r\nTo: admin@test.local\r\n\
         Subject: Compte rendu {i}\r\nMessage-ID: <bulk{i}@example.org>\r\n\
         Date: Mon, 1 Jan 2024 10:00:00 +0000\r\nMIME-Version: 1.0\r\n\
         Content-Type: multipart/mixed; boundary=\"b{i}\"\r\n\r\n\
         --b{i}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nBonjour, voici le document {i}.\r\n\
         --b{i}\r\nContent-Type: application/pdf; name=\"doc{i}.pdf\"\r\n\
         Content-Disposition: attachment; filename=\"doc{i}.pdf\"\r\n\
         Content-Transfer-Encoding: base64\r\n\r\n"
    )
    .into_bytes();
    const B64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut k = i;
    while m.len() < bytes {
        for _ in 0..76 {
            k = k.wrapping_mul(1103515245).wrapping_add(12345);
            m.push(B64[(k >> 16) % 64]);
        }
        m.extend_from_slice(b"\r\n");
    }
    m.extend(format!("--b{i}--\r\n").bytes());
    m
}

/// Writes `n` unrelated messages of about `bytes` bytes into `maildir/cur`,
/// numbered from `first`, arrived `age` ago (spread over a minute).
/// The Maildir must exist (deliver one mail first: dovecot creates it).
pub fn fill(maildir: &Path, first: usize, n: usize, bytes: usize, age: Duration) {
    let (uid, gid) = mail_ids();
    let cur = maildir.join("cur");
    let when = SystemTime::now() - age;
    for i in first..first + n {
        let raw = unrelated(i, bytes);
        let t = when + Duration::from_millis((i % 60_000) as u64);
        let secs = t
            .duration_since(SystemTime::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        let name = format!("{secs}.M{i}P1.bulk,S={}:2,S", raw.len());
        let path = cur.join(name);
        let mut f = std::fs::File::create(&path).expect("message file");
        f.write_all(&raw).expect("write");
        f.set_modified(t).expect("time");
        std::os::unix::fs::chown(&path, Some(uid), Some(gid)).expect("chown");
    }
}

/// The bytes dovecot sent in each IMAP session that ended, in order: the
/// `out=` of its "Logged out" lines.
pub fn imap_sessions_out(dovecot_log: &Path) -> Vec<u64> {
    std::fs::read_to_string(dovecot_log)
        .unwrap_or_default()
        .lines()
        .filter(|l| l.contains("imap(") && l.contains("Logged out"))
        .filter_map(|l| {
            let v = l.split("out=").nth(1)?;
            v.split(|c: char| !c.is_ascii_digit()).next()?.parse().ok()
        })
        .collect()
}
