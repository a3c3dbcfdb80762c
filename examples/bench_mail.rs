//! Mail at real scale, measured (not a test): run by `scripts/bench-mail.sh`.
//! Against the tests' own dovecot + SMTP (tests/support/services.rs), with
//! the cleocps binary given as first argument:
//! 1. one `response fetch` (time, peak RSS by `/usr/bin/time -v`) with 0,
//!    2 000 and 20 000 unrelated messages of ~80 KB in the INBOX;
//! 2. `response fetch --wait 60` running, the answer sent by SMTP at a random
//!    moment: delivery → `certificate_imported`, 10 runs;
//! 3. `ra serve --once` with 20 000 handled messages (4 KB) in its box vs
//!    one handled message.

// A part of the tests' helpers: what the tests alone use is dead here.
#[path = "../tests/support/bulk.rs"]
#[allow(dead_code)]
mod bulk;
#[path = "../tests/support/ca.rs"]
#[allow(dead_code)]
mod ca;
#[path = "../tests/support/process.rs"]
#[allow(dead_code)]
mod process;
#[path = "../tests/support/services.rs"]
#[allow(dead_code)]
mod services;

use cleocps_core::config::{Security, SmtpConfig};
use cleocps_core::request::Generation;
use cleocps_core::workspace::{RequestFile, Workspace};
use services::{Stack, Want, ADMIN, DOMAIN, INSCRIPTION};
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant, SystemTime};

const MAIL: Want = Want {
    ldap: false,
    mail: true,
};
const MESSAGE_BYTES: usize = 80_000;
const LATENCY_RUNS: usize = 10;
/// Unrelated mail come after the requests left (with an attachment: looked
/// at, not downloaded), in every mailbox size but the empty one.
const RECENT: usize = 20;

struct Bench {
    bin: PathBuf,
    dir: PathBuf,
    ws: PathBuf,
    cfg: PathBuf,
}

impl Bench {
    /// The sandbox: no configuration or workspace of the machine's user.
    fn envs(&self, c: &mut Command) {
        let sandbox = self.dir.join("sandbox");
        c.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("LANG", "C")
            .env("XDG_CONFIG_HOME", sandbox.join("config"))
            .env("XDG_DATA_HOME", sandbox.join("data"))
            .env("XDG_STATE_HOME", sandbox.join("state"))
            .env("CLEOCPS_LOG_FILE", self.dir.join("cleocps.log"))
            .stdin(Stdio::null());
    }

    fn base_args(&self) -> Vec<std::ffi::OsString> {
        vec![
            "--lang".into(),
            "en".into(),
            "--workspace".into(),
            self.ws.clone().into(),
            "--config".into(),
            self.cfg.clone().into(),
        ]
    }

    fn cmd(&self) -> Command {
        let mut c = Command::new(&self.bin);
        self.envs(&mut c);
        c.args(self.base_args());
        c
    }

    fn ok(&self, args: &[&str]) -> Output {
        let out = self.cmd().args(args).output().expect("cleocps");
        if !out.status.success() {
            panic!("cleocps {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        }
        out
    }

    /// `/usr/bin/time -v cleocps ARGS`: (exit code, seconds, peak RSS in KB).
    fn timed(&self, args: &[&str]) -> (i32, f64, u64) {
        let mut t = Command::new("/usr/bin/time");
        self.envs(&mut t);
        t.arg("-v").arg(&self.bin).args(self.base_args()).args(args);
        // Timed here: `time` gives the wall clock to 10 ms only.
        let start = Instant::now();
        let out = t.output().expect("time");
        let secs = start.elapsed().as_secs_f64();
        let err = String::from_utf8_lossy(&out.stderr);
        let field = |name: &str| {
            err.lines()
                .find_map(|l| {
                    l.trim()
                        .strip_prefix(name)
                        .map(str::trim)
                        .map(str::to_string)
                })
                .unwrap_or_default()
        };
        let rss = field("Maximum resident set size (kbytes):")
            .parse()
            .unwrap_or(0);
        let code = field("Exit status:").parse().unwrap_or(-1);
        (code, secs, rss)
    }
}

fn smtp(stack: &Stack) -> SmtpConfig {
    SmtpConfig {
        host: "127.0.0.1".into(),
        port: Some(stack.smtp_port),
        security: Security::Plain,
        user: None,
        password_file: None,
        ca_file: None,
        tls_fingerprint: None,
        timeout_s: Some(5),
        allow_plaintext: false,
    }
}

fn deliver(stack: &Stack, to_user: &str, raw: &[u8]) {
    let env = lettre::address::Envelope::new(
        Some(format!("{}@{DOMAIN}", INSCRIPTION.0).parse().expect("from")),
        vec![format!("{to_user}@{DOMAIN}").parse().expect("to")],
    )
    .expect("envelope");
    cleocps_core::mail::smtp::send_raw(&smtp(stack), &env, raw).expect("deliver");
}

/// An answer of the registration server: the `.p7c`, in reply to `mid`.
fn answer(mid: &str, p7c: &[u8]) -> Vec<u8> {
    use lettre::message::{header::ContentType, Attachment, MultiPart, SinglePart};
    lettre::Message::builder()
        .from(format!("{}@{DOMAIN}", INSCRIPTION.0).parse().expect("from"))
        .to(format!("{}@{DOMAIN}", ADMIN.0).parse().expect("to"))
        .subject("Re: Demande de certificat serveur")
        .in_reply_to(mid.to_string())
        .multipart(
            MultiPart::mixed()
                .singlepart(SinglePart::plain("Votre certificat.\n".to_string()))
                .singlepart(
                    Attachment::new("smime.p7c".into()).body(
                        p7c.to_vec(),
                        ContentType::parse("application/pkcs7-mime; smime-type=certs-only")
                            .expect("ctype"),
                    ),
                ),
        )
        .expect("answer")
        .formatted()
}

/// `n` requests in `Dossier 1`, sent; their paths and Message-IDs.
fn requests(b: &Bench, n: usize) -> Vec<(String, String)> {
    b.ok(&["folder", "create"]);
    let mut out = Vec::new();
    for i in 1..=n {
        let path = format!("Dossier 1/Demande {i}");
        b.ok(&["request", "create", "Dossier 1", "--type", "ssl"]);
        b.ok(&["keys", "generate", &path, "--no-key-password"]);
        b.ok(&[
            "request",
            "edit",
            &path,
            "--cn",
            &format!("s{i}.clinique.test.local"),
        ]);
        b.ok(&["request", "generate", &path, "--csr-only"]);
        let w = Workspace::open(&b.ws).expect("ws");
        let mut req = w.find(&path).expect("req");
        w.write_file(&req, RequestFile::P7m, &[0x30u8; 4096])
            .expect("p7m");
        req.generation = Some(Generation::Card);
        w.save(&req).expect("save");
        b.ok(&["request", "send", &path]);
        let req = w.find(&path).expect("req");
        out.push((path, req.message_id.unwrap_or_default()));
    }
    out
}

/// A mailbox filled in seconds is not one grown over years: dovecot would
/// replay the fill (and what it cached of it) from its transaction log at
/// every login until it rewrites its index, minutes later. Have it
/// rewritten now, as a real 20 000-mail mailbox's index is.
fn settle(stack: &Stack) {
    let conf = stack.dir.join("dovecot.conf");
    let ok = Command::new("doveadm")
        .arg("-c")
        .arg(&conf)
        .args(["force-resync", "-u", ADMIN.0, "INBOX"])
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "doveadm force-resync");
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let (Some(bin), Some(dir)) = (args.first(), args.get(1)) else {
        eprintln!("usage: bench_mail CLEOCPS_BINARY DIR");
        std::process::exit(2);
    };
    let stack = Stack::start_in(&dir.join("s"), MAIL, "");
    let ca = ca::TestCa::new(&{
        let d = dir.join("ca");
        std::fs::create_dir_all(&d).expect("ca dir");
        d
    });
    let mut config = stack.config();
    config["ldap"] = serde_json::Value::Null;
    config["trust"] = serde_json::json!({"anchors": [ca.root]});
    let cfg = dir.join("c.json");
    std::fs::write(&cfg, serde_json::to_vec_pretty(&config).expect("json")).expect("config");
    let b = Bench {
        bin: bin.clone(),
        dir: dir.clone(),
        ws: dir.join("ws"),
        cfg,
    };
    let reqs = requests(&b, 1 + LATENCY_RUNS);
    println!("== one `response fetch` (nothing there yet), {MESSAGE_BYTES}-byte messages");
    println!(
        "| messages in INBOX | first look | median of 5 looks | peak RSS | the server alone: login, EXAMINE, logout |"
    );
    println!("|---|---|---|---|---|");
    let parsed = cleocps_core::config::Config::parse(
        &b.cfg,
        &std::fs::read_to_string(&b.cfg).expect("config"),
    )
    .expect("config");
    let imap = parsed.imap.clone().expect("imap");
    // What any client pays the server for one look, whatever it searches:
    // the floor under `response fetch`, measured in-process.
    let bare = || {
        let times: Vec<f64> = (0..5)
            .map(|_| {
                let t = Instant::now();
                cleocps_core::mail::imap::probe(&imap).expect("probe");
                t.elapsed().as_secs_f64()
            })
            .collect();
        median(times)
    };
    let inbox = stack.mailbox_dir(ADMIN.0);
    deliver(&stack, ADMIN.0, b"Subject: hello\r\n\r\nfirst mail\r\n");
    let mut filled = 0;
    let mut floor: Option<f64> = None;
    // The same mail come since the requests left in every row but the
    // first (it grows with time, not with the mailbox); the rest arrived
    // before they left (days ago).
    for n in [0usize, RECENT, 2_000, 20_000] {
        let t0 = Instant::now();
        if n == RECENT {
            bulk::fill(&inbox, 0, RECENT, MESSAGE_BYTES, Duration::from_secs(60));
        } else if n > filled {
            let old = Duration::from_secs(3 * 86400);
            bulk::fill(&inbox, filled, n - filled, MESSAGE_BYTES, old);
        }
        filled = n;
        // The fill's gigabytes written back first: while the kernel flushes
        // them, every fsync of the server's index waits behind them.
        Command::new("sync").status().expect("sync");
        settle(&stack);
        eprintln!("filled {n} in {:?}", t0.elapsed());
        let first = b.timed(&["response", "fetch", &reqs[0].0]);
        assert_eq!(first.0, 3, "nothing yet expected");
        // The first look had the server cache what it searches (each mail's
        // arrival date), as delivery does over the years; until it has
        // folded that in, every login replays it. Looks are measured once
        // the server alone is back near its empty-mailbox time (3 min at most).
        let empty = *floor.get_or_insert_with(&bare);
        let waited = Instant::now();
        while bare() > 1.5 * empty && waited.elapsed() < Duration::from_secs(180) {
            std::thread::sleep(Duration::from_secs(5));
        }
        eprintln!("  server settled after {:?}", waited.elapsed());
        let mut times = Vec::new();
        let mut rss = first.2;
        for _ in 0..5 {
            let (code, secs, r) = b.timed(&["response", "fetch", &reqs[0].0]);
            assert_eq!(code, 3);
            times.push(secs);
            rss = rss.max(r);
        }
        println!(
            "| {n} | {:.1} ms | {:.1} ms | {} MB | {:.1} ms |",
            first.1 * 1000.0,
            median(times) * 1000.0,
            rss / 1024,
            bare() * 1000.0
        );
        let all = b.timed(&["response", "fetch", "--all"]);
        eprintln!(
            "  --all ({} pending): {:.0} ms, {} MB",
            reqs.len(),
            all.1 * 1000.0,
            all.2 / 1024
        );
    }

    println!("\n== delivery → certificate_imported, `response fetch --wait 60`, {filled} messages");
    let mut lat = Vec::new();
    for (i, (path, mid)) in reqs.iter().skip(1).enumerate() {
        let w = Workspace::open(&b.ws).expect("ws");
        let req = w.find(path).expect("req");
        let csr = w.file(&req, RequestFile::Csr);
        let leaf = ca.issue(&csr, &format!("leaf{i}"), "serverAuth,clientAuth");
        let p7c = std::fs::read(ca.p7c(&leaf, &dir.join(format!("a{i}.p7c")), false)).expect("p7c");
        let mail = answer(mid, &p7c);
        let mut child = b
            .cmd()
            .args(["response", "fetch", path, "--wait", "60"])
            .env("CLEOCPS_POLL_INTERVAL_S", "10")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("wait");
        // A random moment 1 to 4 s in.
        let nanos = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        std::thread::sleep(Duration::from_millis(1000 + u64::from(nanos % 3000)));
        deliver(&stack, ADMIN.0, &mail);
        let delivered = Instant::now();
        let status = child.wait().expect("wait");
        let exited = delivered.elapsed().as_secs_f64();
        let req = w.find(path).expect("req");
        println!(
            "run {}: exit {:?}, state {:?}, {:.0} ms from delivery to the fetch's exit",
            i + 1,
            status.code(),
            req.state,
            exited * 1000.0
        );
        lat.push(exited);
    }
    println!(
        "median delivery → imported (process exit): {:.0} ms",
        median(lat) * 1000.0
    );

    println!("\n== `ra serve --once`, no new mail");
    ra_rounds(&b, &stack);
}

/// The server's round with an empty box, then with 20 000 handled messages.
fn ra_rounds(b: &Bench, stack: &Stack) {
    let pw = stack.password_file("ra.pass", INSCRIPTION.1);
    let account = |port: u16, security: &str| {
        serde_json::json!({"host": "127.0.0.1", "port": port, "security": security,
               "user": INSCRIPTION.0, "password_file": pw, "ca_file": stack.ca, "timeout_s": 30})
    };
    let config = serde_json::json!({
        "mail_from": format!("{}@{DOMAIN}", INSCRIPTION.0),
        "imap": account(stack.imaps_port, "tls"),
        "smtp": account(stack.smtp_port, "starttls"),
    });
    let ra_cfg = b.dir.join("ra.json");
    std::fs::write(&ra_cfg, config.to_string()).expect("ra config");
    let ra_dir = b.dir.join("ra");
    let rb = Bench {
        bin: b.bin.clone(),
        dir: b.dir.clone(),
        ws: b.dir.join("ra-ws"),
        cfg: ra_cfg,
    };
    rb.ok(&["ra", "init", &ra_dir.to_string_lossy(), "--ca-bits", "2048"]);
    let dir = ra_dir.to_string_lossy().into_owned();
    let round = |label: &str| {
        let mut times = Vec::new();
        let mut rss = 0;
        for _ in 0..5 {
            let (code, secs, r) = rb.timed(&["ra", "serve", &dir, "--once"]);
            assert_eq!(code, 0, "ra serve --once failed");
            times.push(secs);
            rss = rss.max(r);
        }
        println!(
            "| {label} | {:.0} ms | {} MB |",
            median(times) * 1000.0,
            rss / 1024
        );
    };
    println!("| mailbox | median of 5 rounds | peak RSS |");
    println!("|---|---|---|");
    deliver(
        stack,
        INSCRIPTION.0,
        b"Subject: hello\r\n\r\nfirst mail\r\n",
    );
    rb.ok(&["ra", "serve", &dir, "--once"]);
    round("1 handled message");
    let inbox = stack.mailbox_dir(INSCRIPTION.0);
    // Small ones: the first round reads and records each (the cost under
    // test is the rounds after it).
    bulk::fill(&inbox, 100_000, 20_000, 4_000, Duration::from_secs(86400));
    let t0 = Instant::now();
    let (code, secs, rss) = rb.timed(&["ra", "serve", &dir, "--once"]);
    eprintln!(
        "first round over 20 000 new messages: exit {code}, {secs:.1} s, {} MB ({:?})",
        rss / 1024,
        t0.elapsed()
    );
    round("20 001 handled messages");
}
