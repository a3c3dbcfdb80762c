//! Compares cleocps with openssl in one run: RSA key generation (2048, 4096)
//! and PKCS#12 export. `cargo bench --bench pki`. Prints times and ratios.

use cleocps_core::pki::{self, KeySize, P12Profile};
use cleocps_core::secret::Secret;
use std::process::Command;
use std::time::{Duration, Instant};

fn time<T>(runs: u32, mut f: impl FnMut() -> T) -> Duration {
    let start = Instant::now();
    for _ in 0..runs {
        std::hint::black_box(f());
    }
    start.elapsed() / runs
}

fn openssl(args: &[&str]) {
    let ok = Command::new("openssl")
        .args(args)
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    assert!(ok, "openssl {args:?} failed");
}

fn row(what: &str, ours: Duration, theirs: Duration) {
    println!(
        "{what:<38} cleocps {:>9.1} ms   openssl {:>9.1} ms   ratio {:>5.2}",
        ours.as_secs_f64() * 1e3,
        theirs.as_secs_f64() * 1e3,
        ours.as_secs_f64() / theirs.as_secs_f64()
    );
}

fn main() {
    let dir = std::env::temp_dir().join(format!("cleocps-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp");
    let p = |n: &str| dir.join(n).to_string_lossy().into_owned();

    for (size, runs) in [(KeySize::B2048, 12), (KeySize::B4096, 4)] {
        let bits = size.bits().to_string();
        let ours = time(runs, || pki::generate_key(size).expect("gen"));
        let theirs = time(runs, || openssl(&["genrsa", "-out", &p("k.pem"), &bits]));
        row(
            &format!("RSA {bits} key generation (mean of {runs})"),
            ours,
            theirs,
        );
    }

    // PKCS#12 of a key + self-signed certificate made by openssl.
    openssl(&[
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        &p("key.pem"),
        "-out",
        &p("crt.pem"),
        "-subj",
        "/CN=bench.example.fr",
        "-days",
        "30",
    ]);
    let key_pem = std::fs::read_to_string(p("key.pem")).expect("key");
    let key = pki::decode_key_pem(&key_pem, None).expect("key");
    let cert = pki::parse_certificates(&std::fs::read(p("crt.pem")).expect("crt"))
        .expect("crt")
        .remove(0);
    let pw = Secret::new("bench-password");
    let runs = 5;
    for (profile, name, extra) in [
        (
            P12Profile::Modern,
            "modern",
            vec!["-iter", "100000", "-macalg", "sha256"],
        ),
        (P12Profile::Legacy, "legacy", vec!["-legacy"]),
    ] {
        let ours = time(runs, || {
            pki::build_p12(&key, &cert, &[], "bench", &pw, profile).expect("p12")
        });
        let (k, c, o) = (p("key.pem"), p("crt.pem"), p("o.p12"));
        let mut args = vec![
            "pkcs12",
            "-export",
            "-inkey",
            &k,
            "-in",
            &c,
            "-out",
            &o,
            "-passout",
            "pass:bench-password",
        ];
        args.extend(extra.iter());
        let theirs = time(runs, || openssl(&args));
        row(
            &format!("PKCS#12 export, {name} (mean of {runs})"),
            ours,
            theirs,
        );
    }
    // The key file's encryption (PBKDF2 at PBKDF2_ITERATIONS), both ways.
    let iter = pki::PBKDF2_ITERATIONS.to_string();
    let enc = pki::encode_key_pem(&key, Some(&pw)).expect("encrypt");
    std::fs::write(p("enc.pem"), &enc).expect("write");
    let ours = time(runs, || {
        pki::encode_key_pem(&key, Some(&pw)).expect("encrypt")
    });
    let theirs = time(runs, || {
        openssl(&[
            "pkcs8",
            "-topk8",
            "-in",
            &p("key.pem"),
            "-out",
            &p("o.pem"),
            "-v2",
            "aes-256-cbc",
            "-v2prf",
            "hmacWithSHA256",
            "-iter",
            &iter,
            "-passout",
            "pass:bench-password",
        ])
    });
    row(
        &format!("key encryption, PBKDF2 {iter} (mean of {runs})"),
        ours,
        theirs,
    );
    let ours = time(runs, || {
        pki::decode_key_pem(&enc, Some(&pw)).expect("decrypt")
    });
    let theirs = time(runs, || {
        openssl(&[
            "pkey",
            "-in",
            &p("enc.pem"),
            "-passin",
            "pass:bench-password",
            "-out",
            &p("d.pem"),
        ])
    });
    row(
        &format!("key opening, PBKDF2 {iter} (mean of {runs})"),
        ours,
        theirs,
    );
    let theirs_default = time(runs, || {
        openssl(&[
            "pkcs12",
            "-export",
            "-inkey",
            &p("key.pem"),
            "-in",
            &p("crt.pem"),
            "-out",
            &p("d.p12"),
            "-passout",
            "pass:bench-password",
        ])
    });
    println!(
        "openssl pkcs12 -export with its defaults (2048 iterations): {:.1} ms",
        theirs_default.as_secs_f64() * 1e3
    );
    println!("note: openssl timings include starting the openssl process (~5 ms).");
    let _ = std::fs::remove_dir_all(&dir);
}
