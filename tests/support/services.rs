//! Real services for the tests (TESTENV.md): OpenLDAP slapd, dovecot (IMAP +
//! LMTP) and an aiosmtpd SMTP server delivering into dovecot, on 127.0.0.1 in
//! a short temp dir under /tmp (unix sockets: 108 bytes), with a throwaway CA
//! for TLS. Each service is a child process stopped and waited on drop; every
//! port is chosen at start, so several test binaries run side by side.
//! Also used by `examples/testenv.rs` (scripts/testenv.sh), which includes
//! `process.rs` and `ca.rs` beside it.

use super::ca::tls_server;
use super::process::{children_of, free_port, run};
use std::fs;
use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The LDAP tree's suffix and the base of the searches.
pub const LDAP_SUFFIX: &str = "c=fr";
pub const LDAP_BASE: &str = "o=annuaire-test,c=fr";
pub const LDAP_ADMIN_DN: &str = "cn=admin,c=fr";
pub const LDAP_ADMIN_PW: &str = "ldap secret 42";
/// Mail domain and users (user, password).
pub const DOMAIN: &str = "test.local";
pub const ADMIN: (&str, &str) = ("admin", "smtp-imap pass 7");
pub const INSCRIPTION: (&str, &str) = ("inscription", "inscription pass 9");
/// The holder of the test card, administrator of a few servers.
pub const HOLDER: &str = "8042410007";
/// A holder administering many servers (size limit).
pub const HOLDER_MANY: &str = "8000000001";
/// Private OID arc of the test schema (2.25 = UUID arc).
const OID: &str = "2.25.186312283391297476420306131557563817013";

/// Which services to start.
#[derive(Debug, Clone, Copy)]
pub struct Want {
    pub ldap: bool,
    pub mail: bool,
}

pub const ALL: Want = Want {
    ldap: true,
    mail: true,
};

pub struct Stack {
    /// Owned temp dir (tests); `None` when the caller chose the directory.
    _tmp: Option<tempfile::TempDir>,
    pub dir: PathBuf,
    /// The test CA that signed the services' certificate (for `ca_file`).
    pub ca: PathBuf,
    pub ldap_port: u16,
    pub ldaps_port: u16,
    pub imap_port: u16,
    pub imaps_port: u16,
    pub lmtp_port: u16,
    pub smtp_port: u16,
    pub smtps_port: u16,
    children: Vec<(&'static str, Child)>,
    pub started_in: Duration,
}

fn log_file(dir: &Path, name: &str) -> Stdio {
    Stdio::from(fs::File::create(dir.join(format!("{name}.log"))).expect("log file"))
}

impl Stack {
    /// Starts the services in a fresh temp dir.
    pub fn start(want: Want) -> Stack {
        Stack::start_with(want, "")
    }

    /// As [`Stack::start`], with more lines for dovecot's configuration
    /// (e.g. `imap_capability` without IDLE).
    pub fn start_with(want: Want, dovecot_extra: &str) -> Stack {
        let tmp = tempfile::Builder::new()
            .prefix("cl")
            .tempdir_in("/tmp")
            .expect("tempdir");
        let dir = tmp.path().to_path_buf();
        let mut s = Stack::start_in(&dir, want, dovecot_extra);
        s._tmp = Some(tmp);
        s
    }

    /// As [`Stack::start`], the services presenting one self-signed
    /// certificate made the common way (`openssl req -x509`, which OpenSSL 3
    /// marks CA:TRUE), as the organisation's own servers often do; `ca` is
    /// that certificate.
    pub fn start_self_signed(want: Want) -> Stack {
        let tmp = tempfile::Builder::new()
            .prefix("cl")
            .tempdir_in("/tmp")
            .expect("tempdir");
        let dir = tmp.path().to_path_buf();
        fs::create_dir_all(&dir).expect("dir");
        self_signed_tls(&dir);
        let mut s = Stack::start_in(&dir, want, "");
        s._tmp = Some(tmp);
        s
    }

    /// Starts the services in `dir` (created; keep the path short).
    pub fn start_in(dir: &Path, want: Want, dovecot_extra: &str) -> Stack {
        let t0 = Instant::now();
        fs::create_dir_all(dir).expect("dir");
        // dovecot's auth process reads the users file as another user.
        set_mode(dir, 0o755);
        let ca = if dir.join("server.crt").exists() {
            dir.join("server.crt")
        } else {
            make_tls(dir)
        };
        let mut s = Stack {
            _tmp: None,
            dir: dir.to_path_buf(),
            ca,
            ldap_port: 0,
            ldaps_port: 0,
            imap_port: 0,
            imaps_port: 0,
            lmtp_port: 0,
            smtp_port: 0,
            smtps_port: 0,
            children: Vec::new(),
            started_in: Duration::ZERO,
        };
        // Spawn everything, then wait for each: the waits overlap.
        if want.mail {
            s.spawn_dovecot(dovecot_extra);
            s.spawn_smtp();
        }
        if want.ldap {
            s.spawn_slapd();
        }
        if want.mail {
            s.wait_smtp();
            wait_greeting(s.imap_port, "* OK", &s.dir.join("dovecot.log"));
        }
        if want.ldap {
            wait_port(s.ldap_port, &s.dir.join("slapd.log"));
        }
        s.started_in = t0.elapsed();
        s
    }

    /// PIDs of the services and of every process they started.
    pub fn pids(&self) -> Vec<u32> {
        let mut out: Vec<u32> = self.children.iter().map(|(_, c)| c.id()).collect();
        let mut i = 0;
        while i < out.len() {
            out.extend(children_of(out[i]));
            i += 1;
        }
        out
    }

    pub fn mailbox_dir(&self, user: &str) -> PathBuf {
        self.dir.join("mail").join(user).join("Maildir")
    }

    pub fn ldap_url(&self) -> String {
        format!("ldap://127.0.0.1:{}", self.ldap_port)
    }

    pub fn ldaps_url(&self) -> String {
        format!("ldaps://127.0.0.1:{}", self.ldaps_port)
    }

    /// Writes a password file for `value` and returns its path.
    pub fn password_file(&self, name: &str, value: &str) -> PathBuf {
        let p = self.dir.join(name);
        fs::write(&p, format!("{value}\n")).expect("password file");
        p
    }

    /// A configuration using every service: SMTP STARTTLS + AUTH, IMAPS,
    /// anonymous LDAP; the admin's mailbox receives the answers.
    pub fn config(&self) -> serde_json::Value {
        let pw = self.password_file("admin.pass", ADMIN.1);
        serde_json::json!({
            "registration": {"address": format!("{}@{DOMAIN}", INSCRIPTION.0)},
            "mail_from": format!("{}@{DOMAIN}", ADMIN.0),
            "smtp": {"host": "127.0.0.1", "port": self.smtp_port, "security": "starttls",
                     "user": ADMIN.0, "password_file": pw, "ca_file": self.ca, "timeout_s": 5},
            "imap": {"host": "127.0.0.1", "port": self.imaps_port, "security": "tls",
                     "user": ADMIN.0, "password_file": pw, "ca_file": self.ca, "timeout_s": 5},
            "ldap": {"url": self.ldap_url(), "base": LDAP_BASE, "timeout_s": 5},
        })
    }

    fn spawn_slapd(&mut self) {
        let d = self.dir.join("ldap");
        // A reused directory (testenv.sh) starts from the test data again.
        let _ = fs::remove_dir_all(&d);
        fs::create_dir_all(d.join("db")).expect("ldap dir");
        fs::write(d.join("test.schema"), schema()).expect("schema");
        let conf = format!(
            "include /etc/ldap/schema/core.schema\n\
             include /etc/ldap/schema/cosine.schema\n\
             include {d}/test.schema\n\
             pidfile {d}/slapd.pid\n\
             modulepath /usr/lib/ldap\nmoduleload back_mdb\n\
             TLSCACertificateFile {ca}\n\
             TLSCertificateFile {top}/server.crt\nTLSCertificateKeyFile {top}/server.key\n\
             database mdb\nmaxsize 10485760\nsuffix \"{LDAP_SUFFIX}\"\n\
             rootdn \"{LDAP_ADMIN_DN}\"\nrootpw \"{LDAP_ADMIN_PW}\"\n\
             directory {d}/db\n\
             access to * by * read\n",
            d = d.display(),
            ca = self.ca.display(),
            top = self.dir.display()
        );
        fs::write(d.join("slapd.conf"), conf).expect("slapd.conf");
        fs::write(d.join("data.ldif"), data_ldif()).expect("ldif");
        run(Command::new("/usr/sbin/slapadd")
            .args(["-q", "-f"])
            .arg(d.join("slapd.conf"))
            .arg("-l")
            .arg(d.join("data.ldif")));
        self.ldap_port = free_port();
        self.ldaps_port = free_port();
        let urls = format!(
            "ldap://127.0.0.1:{}/ ldaps://127.0.0.1:{}/",
            self.ldap_port, self.ldaps_port
        );
        let child = Command::new("/usr/sbin/slapd")
            .args(["-d", "0", "-f"])
            .arg(d.join("slapd.conf"))
            .args(["-h", &urls])
            .stdin(Stdio::null())
            .stdout(log_file(&self.dir, "slapd"))
            .stderr(log_file(&self.dir, "slapd.err"))
            .spawn()
            .expect("slapd");
        self.children.push(("slapd", child));
    }

    fn spawn_dovecot(&mut self, extra: &str) {
        let d = self.dir.display().to_string();
        fs::create_dir_all(self.dir.join("mail")).expect("mail dir");
        set_mode(&self.dir.join("mail"), 0o1777);
        fs::write(
            self.dir.join("users"),
            format!(
                "{}:{{PLAIN}}{}\n{}:{{PLAIN}}{}\n",
                ADMIN.0, ADMIN.1, INSCRIPTION.0, INSCRIPTION.1
            ),
        )
        .expect("users");
        set_mode(&self.dir.join("users"), 0o644);
        self.imap_port = free_port();
        self.imaps_port = free_port();
        self.lmtp_port = free_port();
        let name = self
            .dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let conf = format!(
            "instance_name = cleo-{name}\n\
             base_dir = {d}/dr\nstate_dir = {d}/ds\n\
             listen = 127.0.0.1\nprotocols = imap lmtp\n\
             log_path = {d}/dovecot.log\n\
             ssl = yes\nssl_cert = <{d}/server.crt\nssl_key = <{d}/server.key\n\
             disable_plaintext_auth = no\nauth_mechanisms = plain login\n\
             auth_username_format = %n\nfirst_valid_uid = 8\n\
             postmaster_address = postmaster@{DOMAIN}\n\
             mail_location = maildir:{d}/mail/%n/Maildir\n\
             passdb {{\n  driver = passwd-file\n  args = {d}/users\n}}\n\
             userdb {{\n  driver = static\n  args = uid=mail gid=mail home={d}/mail/%n\n}}\n\
             service imap-login {{\n\
               inet_listener imap {{\n    port = {imap}\n  }}\n\
               inet_listener imaps {{\n    port = {imaps}\n    ssl = yes\n  }}\n}}\n\
             service lmtp {{\n  inet_listener lmtp {{\n    address = 127.0.0.1\n    port = {lmtp}\n  }}\n}}\n\
             {extra}\n",
            imap = self.imap_port,
            imaps = self.imaps_port,
            lmtp = self.lmtp_port,
        );
        fs::write(self.dir.join("dovecot.conf"), conf).expect("dovecot.conf");
        let child = Command::new("/usr/sbin/dovecot")
            .arg("-F")
            .arg("-c")
            .arg(self.dir.join("dovecot.conf"))
            .stdin(Stdio::null())
            .stdout(log_file(&self.dir, "dovecot.out"))
            .stderr(log_file(&self.dir, "dovecot.err"))
            .spawn()
            .expect("dovecot");
        self.children.push(("dovecot", child));
    }

    fn spawn_smtp(&mut self) {
        fs::write(
            self.dir.join("smtp.users"),
            format!(
                "{}:{}\n{}:{}\n",
                ADMIN.0, ADMIN.1, INSCRIPTION.0, INSCRIPTION.1
            ),
        )
        .expect("smtp users");
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/testenv/smtp_lmtp.py");
        let child = Command::new("/usr/bin/python3")
            .arg(script)
            .arg(self.dir.join("smtp.ports"))
            .arg(self.lmtp_port.to_string())
            .arg(self.dir.join("server.crt"))
            .arg(self.dir.join("server.key"))
            .arg(self.dir.join("smtp.users"))
            .arg(DOMAIN)
            .stdin(Stdio::null())
            .stdout(log_file(&self.dir, "smtp.out"))
            .stderr(log_file(&self.dir, "smtp"))
            .spawn()
            .expect("python3 aiosmtpd");
        self.children.push(("smtp", child));
    }

    fn wait_smtp(&mut self) {
        let file = self.dir.join("smtp.ports");
        let text = wait_for(
            || fs::read_to_string(&file).ok(),
            &self.dir.join("smtp.log"),
        );
        for kv in text.split_whitespace() {
            match kv.split_once('=') {
                Some(("smtp", p)) => self.smtp_port = p.parse().expect("port"),
                Some(("smtps", p)) => self.smtps_port = p.parse().expect("port"),
                _ => {}
            }
        }
    }

    /// Stops a service now (tests of a server going down).
    pub fn stop(&mut self, name: &str) {
        if let Some(i) = self.children.iter().position(|(n, _)| *n == name) {
            let (_, child) = self.children.remove(i);
            stop_child(child);
        }
    }

    /// Starts the SMTP server again after [`Stack::stop`] (it gets new ports).
    pub fn restart_smtp(&mut self) {
        let _ = fs::remove_file(self.dir.join("smtp.ports"));
        self.spawn_smtp();
        self.wait_smtp();
    }
}

impl Drop for Stack {
    fn drop(&mut self) {
        for (_, child) in self.children.drain(..) {
            stop_child(child);
        }
    }
}

/// SIGTERM (dovecot then stops its own children), then SIGKILL if it lingers.
fn stop_child(mut child: Child) {
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let end = Instant::now() + Duration::from_secs(5);
    while Instant::now() < end {
        if let Ok(Some(_)) = child.try_wait() {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
}

fn wait_for<T>(mut f: impl FnMut() -> Option<T>, log: &Path) -> T {
    let end = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(v) = f() {
            return v;
        }
        if Instant::now() > end {
            panic!(
                "service not ready; log {}:\n{}",
                log.display(),
                fs::read_to_string(log).unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(15));
    }
}

fn wait_port(port: u16, log: &Path) {
    wait_for(|| TcpStream::connect(("127.0.0.1", port)).ok(), log);
}

/// Waits for the server's greeting, not just an open port (TESTENV.md).
fn wait_greeting(port: u16, prefix: &str, log: &Path) {
    wait_for(
        || {
            let s = TcpStream::connect(("127.0.0.1", port)).ok()?;
            s.set_read_timeout(Some(Duration::from_secs(2))).ok()?;
            let mut line = String::new();
            BufReader::new(s).read_line(&mut line).ok()?;
            line.starts_with(prefix).then_some(())
        },
        log,
    );
}

fn set_mode(p: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(p, fs::Permissions::from_mode(mode)).expect("chmod");
}

/// The services' TLS: a test CA and a certificate for 127.0.0.1/localhost.
/// `server.crt` and `server.key`: one self-signed EC certificate for
/// localhost and 127.0.0.1, the way `openssl req -x509` makes it.
fn self_signed_tls(dir: &Path) {
    run(Command::new("openssl")
        .args([
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-nodes",
        ])
        .args(["-subj", "/CN=localhost", "-days", "2"])
        .args(["-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"])
        .arg("-keyout")
        .arg(dir.join("server.key"))
        .arg("-out")
        .arg(dir.join("server.crt")));
    set_mode(&dir.join("server.key"), 0o600);
}

fn make_tls(dir: &Path) -> PathBuf {
    let ca = tls_server(dir);
    // slapd and dovecot read the key as root; dovecot's login processes don't need it.
    set_mode(&dir.join("server.key"), 0o600);
    ca
}

fn schema() -> String {
    let s = "1.3.6.1.4.1.1466.115.121.1.15";
    format!(
        "attributetype ( {OID}.1.1 NAME 'testServerFqdn' EQUALITY caseIgnoreMatch SUBSTR caseIgnoreSubstringsMatch SYNTAX {s} )\n\
         attributetype ( {OID}.1.2 NAME 'testIdNatStruct' EQUALITY caseIgnoreMatch SYNTAX {s} )\n\
         attributetype ( {OID}.1.3 NAME 'testAdminCardHolderId' EQUALITY caseIgnoreMatch SUBSTR caseIgnoreSubstringsMatch SYNTAX {s} )\n\
         objectclass ( {OID}.2.1 NAME 'testStructure' SUP top STRUCTURAL MUST ( ou $ cn ) MAY ( testIdNatStruct $ l ) )\n\
         objectclass ( {OID}.2.2 NAME 'testServer' SUP top STRUCTURAL MUST ( cn $ testServerFqdn ) MAY ( mail $ testAdminCardHolderId ) )\n"
    )
}

/// The test directory: two départements, three structures, servers below them.
fn data_ldif() -> String {
    use base64::Engine;
    let b64 = |s: &str| base64::engine::general_purpose::STANDARD.encode(s);
    let mut out = format!(
        "dn: c=fr\nobjectClass: country\nc: fr\n\n\
         dn: {LDAP_BASE}\nobjectClass: organization\no: annuaire-test\n\n\
         dn: l=Sarthe (72),{LDAP_BASE}\nobjectClass: locality\nl: Sarthe (72)\n\n\
         dn: l=Loire-Atlantique (44),{LDAP_BASE}\nobjectClass: locality\nl: Loire-Atlantique (44)\n\n\
         dn: ou=1720000000001,l=Sarthe (72),{LDAP_BASE}\nobjectClass: testStructure\nou: 1720000000001\n\
         cn: Clinique du Test\ntestIdNatStruct: 1720000000001\nl: Sarthe (72)\n\n\
         dn: ou=1440000000002,l=Loire-Atlantique (44),{LDAP_BASE}\nobjectClass: testStructure\nou: 1440000000002\n\
         cn:: {}\ntestIdNatStruct: 1440000000002\n\n",
        b64("Hôpital du Test")
    );
    let server = |cn: &str, parent: &str, fqdn: &str, holder: &str| {
        format!(
            "dn: cn={cn},{parent},{LDAP_BASE}\nobjectClass: testServer\ncn: {cn}\n\
             testServerFqdn: {fqdn}\nmail: {cn}@{DOMAIN}\ntestAdminCardHolderId: {holder}\n\n"
        )
    };
    let sarthe = "ou=1720000000001,l=Sarthe (72)";
    let loire = "ou=1440000000002,l=Loire-Atlantique (44)";
    out.push_str(&server("srv-b", sarthe, "b.clinique.test.local", HOLDER));
    out.push_str(&server("srv-a", sarthe, "a.clinique.test.local", HOLDER));
    // The same server seen twice (a duplicate entry): listed once.
    out.push_str(&format!(
        "dn: cn=srv-a2,{sarthe},{LDAP_BASE}\nobjectClass: testServer\ncn: srv-a2\n\
         testServerFqdn: A.clinique.test.local\nmail: srv-a@{DOMAIN}\ntestAdminCardHolderId: {HOLDER}\n\n"
    ));
    out.push_str(&server("srv-c", loire, "c.hopital.test.local", HOLDER));
    out.push_str(&server(
        "srv-x",
        loire,
        "x.hopital.test.local",
        "8999999999",
    ));
    for i in 0..6 {
        out.push_str(&server(
            &format!("many-{i}"),
            loire,
            &format!("m{i}.hopital.test.local"),
            HOLDER_MANY,
        ));
    }
    out
}
