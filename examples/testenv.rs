//! Runs the test services (slapd, dovecot, SMTP) in DIR until SIGTERM or
//! Ctrl-C, for trying cleocps by hand. Used by `scripts/testenv.sh`; the
//! services are the tests' own (tests/support/services.rs, with the
//! process and CA helpers it uses).

// A part of the tests' helpers: what the tests alone use is dead here.
#[path = "../tests/support/ca.rs"]
#[allow(dead_code)]
mod ca;
#[path = "../tests/support/process.rs"]
#[allow(dead_code)]
mod process;
#[path = "../tests/support/services.rs"]
#[allow(dead_code)]
mod services;

use services::{
    Stack, ADMIN, DOMAIN, HOLDER, INSCRIPTION, LDAP_ADMIN_DN, LDAP_ADMIN_PW, LDAP_BASE,
};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

fn main() {
    let Some(dir) = std::env::args_os().nth(1).map(std::path::PathBuf::from) else {
        eprintln!("usage: testenv DIR");
        std::process::exit(2);
    };
    let stop = Arc::new(AtomicBool::new(false));
    for sig in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        if let Err(e) = signal_hook::flag::register(sig, stop.clone()) {
            eprintln!("testenv: {e}");
            std::process::exit(1);
        }
    }
    let stack = Stack::start_in(&dir, services::ALL, "");
    let config = serde_json::to_vec_pretty(&stack.config()).unwrap_or_default();
    let written = std::fs::write(dir.join("cleocps.json"), config)
        .and_then(|_| std::fs::write(dir.join("env.tmp"), exports(&stack)))
        .and_then(|_| std::fs::rename(dir.join("env.tmp"), dir.join("env")));
    if let Err(e) = written {
        eprintln!("testenv: {e}");
        std::process::exit(1);
    }
    while !stop.load(Ordering::Relaxed) {
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    drop(stack);
    let _ = std::fs::remove_file(dir.join("env"));
}

/// `export` lines for a shell (scripts/testenv.sh).
fn exports(stack: &Stack) -> String {
    let d = stack.dir.display();
    [
        format!("CLEO_TESTENV_DIR={d}"),
        format!("CLEO_CA_FILE={}", stack.ca.display()),
        format!("CLEO_LDAP_URL={}", stack.ldap_url()),
        format!("CLEO_LDAPS_URL={}", stack.ldaps_url()),
        format!("CLEO_LDAP_BIND_DN='{LDAP_ADMIN_DN}'"),
        format!("CLEO_LDAP_PASSWORD='{LDAP_ADMIN_PW}'"),
        format!("CLEO_LDAP_BASE='{LDAP_BASE}'"),
        format!("CLEO_HOLDER={HOLDER}"),
        format!("CLEO_IMAP_PORT={}", stack.imap_port),
        format!("CLEO_IMAPS_PORT={}", stack.imaps_port),
        format!("CLEO_SMTP_PORT={}", stack.smtp_port),
        format!("CLEO_SMTPS_PORT={}", stack.smtps_port),
        format!("CLEO_LMTP_PORT={}", stack.lmtp_port),
        format!("CLEO_MAIL_USER={}@{DOMAIN}", ADMIN.0),
        format!("CLEO_MAIL_PASSWORD='{}'", ADMIN.1),
        format!("CLEO_RA_USER={}@{DOMAIN}", INSCRIPTION.0),
        format!("CLEO_RA_PASSWORD='{}'", INSCRIPTION.1),
        format!("CLEOCPS_CONFIG={d}/cleocps.json"),
    ]
    .iter()
    .map(|l| format!("export {l}\n"))
    .collect()
}
