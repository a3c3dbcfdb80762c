//! The one throwaway-CA helper of the tests, on the openssl CLI: self-signed
//! certificates and CAs, certificates issued for a new key or for a CSR, the
//! registration server's answer as a `.p7c`, a TLS server certificate.
//! Used by `services.rs`, so `examples/testenv.rs` includes it too.

use super::process::run;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The kind of a new key: RSA 2048 (like the PKI's), or EC P-256 (fast).
#[derive(Clone, Copy, Debug)]
pub enum Key {
    Rsa,
    Ec,
}

impl Key {
    fn args(self) -> &'static [&'static str] {
        match self {
            Key::Rsa => &["-newkey", "rsa:2048"],
            Key::Ec => &["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"],
        }
    }
}

/// Extensions of a CA certificate.
pub const CA_EXT: &str =
    "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n";

pub fn openssl() -> Command {
    Command::new("openssl")
}

/// A key and its certificate made by openssl: `<name>.key` (clear PKCS#8
/// PEM) and `<name>.crt` (PEM), side by side.
#[derive(Clone, Debug)]
pub struct Issued {
    pub key: PathBuf,
    pub crt: PathBuf,
}

/// A new key and a CSR for `subject` (`+` joins a multi-valued RDN):
/// `<name>.key`, `<name>.csr` in `dir`.
pub fn new_csr(dir: &Path, name: &str, subject: &str, key: Key) -> (PathBuf, PathBuf) {
    let (k, csr) = (
        dir.join(format!("{name}.key")),
        dir.join(format!("{name}.csr")),
    );
    run(openssl()
        .args(["req", "-new", "-nodes", "-multivalue-rdn"])
        .args(key.args())
        .args(["-subj", subject, "-keyout"])
        .arg(&k)
        .arg("-out")
        .arg(&csr));
    (k, csr)
}

impl Issued {
    /// A self-signed certificate valid `days`; `ext` are its extensions
    /// (extfile lines, e.g. [`CA_EXT`]; empty: openssl's defaults).
    pub fn self_signed(
        dir: &Path,
        name: &str,
        subject: &str,
        key: Key,
        days: u32,
        ext: &str,
    ) -> Issued {
        let (k, crt) = (
            dir.join(format!("{name}.key")),
            dir.join(format!("{name}.crt")),
        );
        let mut cmd = openssl();
        cmd.args(["req", "-x509", "-nodes", "-multivalue-rdn"])
            .args(key.args())
            .args(["-days", &days.to_string(), "-subj", subject, "-keyout"])
            .arg(&k)
            .arg("-out")
            .arg(&crt);
        for line in ext.lines().filter(|l| !l.is_empty()) {
            cmd.args(["-addext", line]);
        }
        run(&mut cmd);
        Issued { key: k, crt }
    }

    /// A self-signed RSA CA (30 days).
    pub fn ca(dir: &Path, name: &str, subject: &str) -> Issued {
        Issued::self_signed(dir, name, subject, Key::Rsa, 30, CA_EXT)
    }

    /// Issues `<dir>/<name>.crt` for `csr`, valid `days`, with the extensions
    /// `ext` (written to `<name>.ext`); `copy` keeps the CSR's own extensions.
    pub fn sign(
        &self,
        csr: &Path,
        dir: &Path,
        name: &str,
        days: u32,
        ext: &str,
        copy: bool,
    ) -> PathBuf {
        let (ext_file, crt) = (
            dir.join(format!("{name}.ext")),
            dir.join(format!("{name}.crt")),
        );
        std::fs::write(&ext_file, ext).expect("write the extensions file");
        let mut cmd = openssl();
        cmd.args(["x509", "-req", "-days", &days.to_string(), "-in"])
            .arg(csr)
            .arg("-CA")
            .arg(&self.crt)
            .arg("-CAkey")
            .arg(&self.key)
            .arg("-CAcreateserial")
            .arg("-extfile")
            .arg(&ext_file)
            .arg("-out")
            .arg(&crt);
        if copy {
            cmd.args(["-copy_extensions", "copyall"]);
        }
        run(&mut cmd);
        crt
    }

    /// Issues `<dir>/<name>.crt` for `csr`, valid only from `start` to `end`
    /// (`YYYYMMDDHHMMSSZ`), e.g. an expired certificate: `openssl ca`, the
    /// only command of OpenSSL 3.0 that sets both dates.
    pub fn sign_between(
        &self,
        csr: &Path,
        dir: &Path,
        name: &str,
        start: &str,
        end: &str,
        ext: &str,
    ) -> PathBuf {
        let p = |n: &str| dir.join(format!("{name}.{n}"));
        std::fs::write(p("index"), "").expect("index");
        std::fs::write(p("serial"), "01\n").expect("serial");
        std::fs::write(p("ext"), ext).expect("ext");
        std::fs::write(
            p("cnf"),
            format!(
                "[ca]\ndefault_ca=d\n[d]\ndatabase={}\nnew_certs_dir={}\nserial={}\n\
                 default_md=sha256\npolicy=p\nunique_subject=no\n[p]\ncommonName=supplied\n",
                p("index").display(),
                dir.display(),
                p("serial").display()
            ),
        )
        .expect("ca config");
        let crt = p("crt");
        run(openssl()
            .args(["ca", "-batch", "-notext", "-preserveDN", "-multivalue-rdn"])
            .args(["-startdate", start, "-enddate", end, "-config"])
            .arg(p("cnf"))
            .arg("-cert")
            .arg(&self.crt)
            .arg("-keyfile")
            .arg(&self.key)
            .arg("-in")
            .arg(csr)
            .arg("-extfile")
            .arg(p("ext"))
            .arg("-out")
            .arg(&crt));
        crt
    }

    /// A new RSA key and its certificate issued by `self` for `subject`,
    /// with `ext` (extfile lines), valid 30 days.
    pub fn issue(&self, dir: &Path, name: &str, subject: &str, ext: &str) -> Issued {
        let (key, csr) = new_csr(dir, name, subject, Key::Rsa);
        let crt = self.sign(&csr, dir, name, 30, ext, false);
        Issued { key, crt }
    }

    /// An end-entity certificate with the given `keyUsage` value.
    pub fn leaf(&self, dir: &Path, name: &str, subject: &str, key_usage: &str) -> Issued {
        self.issue(
            dir,
            name,
            subject,
            &format!("basicConstraints=CA:FALSE\nkeyUsage=critical,{key_usage}\n"),
        )
    }

    pub fn cert_pem(&self) -> String {
        std::fs::read_to_string(&self.crt).expect("read crt")
    }

    pub fn key_pem(&self) -> String {
        std::fs::read_to_string(&self.key).expect("read key")
    }

    pub fn cert(&self) -> x509_cert::Certificate {
        use der::DecodePem;
        x509_cert::Certificate::from_pem(self.cert_pem().as_bytes()).expect("parse crt")
    }

    /// The certificate in DER, as `<dir>/<stem>.der`.
    pub fn der(&self, dir: &Path) -> PathBuf {
        let out = dir.join(format!(
            "{}.der",
            self.crt.file_stem().expect("stem").to_string_lossy()
        ));
        run(openssl()
            .args(["x509", "-outform", "DER", "-in"])
            .arg(&self.crt)
            .arg("-out")
            .arg(&out));
        out
    }
}

/// A registration authority made with openssl: a root and an issuing CA in
/// `dir` (`root.crt`, `inter.crt`…), issuing server certificates for CSRs.
pub struct TestCa {
    pub dir: PathBuf,
    pub root: PathBuf,
    pub inter: PathBuf,
    issuer: Issued,
}

/// How [`TestCa::with`] makes its issuing CA: a proper one, or one that
/// breaks the chain (may sign but is no CA; a CA whose validity has ended).
#[derive(Clone, Copy, Debug)]
pub enum Intermediate {
    Valid,
    NotACa,
    Expired,
}

impl TestCa {
    pub fn new(dir: &Path) -> TestCa {
        TestCa::with(dir, Intermediate::Valid)
    }

    pub fn with(dir: &Path, how: Intermediate) -> TestCa {
        let root = Issued::self_signed(
            dir,
            "root",
            "/C=FR/O=TEST/CN=TEST AC RACINE",
            Key::Rsa,
            60,
            CA_EXT,
        );
        let subject = match how {
            Intermediate::Valid => "/C=FR/O=TEST/CN=TEST AC ORGANISATIONS",
            Intermediate::NotACa => "/C=FR/O=TEST/CN=TEST PAS UNE AC",
            Intermediate::Expired => "/C=FR/O=TEST/CN=TEST AC EXPIREE",
        };
        let (key, csr) = new_csr(dir, "inter", subject, Key::Rsa);
        let crt = match how {
            Intermediate::Valid => root.sign(&csr, dir, "inter", 50, CA_EXT, false),
            // keyCertSign without basicConstraints.
            Intermediate::NotACa => {
                let ext = "keyUsage=critical,keyCertSign,cRLSign\n";
                root.sign(&csr, dir, "inter", 30, ext, false)
            }
            Intermediate::Expired => {
                let (start, end) = ("20200101000000Z", "20210101000000Z");
                root.sign_between(&csr, dir, "inter", start, end, CA_EXT)
            }
        };
        TestCa {
            dir: dir.to_path_buf(),
            root: root.crt,
            inter: crt.clone(),
            issuer: Issued { key, crt },
        }
    }

    /// Issues a certificate for `csr` with the server profile; returns its path.
    pub fn issue(&self, csr: &Path, name: &str, eku: &str) -> PathBuf {
        self.issue_with(csr, name, eku, "", 30)
    }

    /// The same, valid `days` from now (e.g. one that expires soon, for `check`).
    pub fn issue_days(&self, csr: &Path, name: &str, eku: &str, days: u32) -> PathBuf {
        self.issue_with(csr, name, eku, "", days)
    }

    /// A server certificate for `csr` valid only from `start` to `end`
    /// (`YYYYMMDDHHMMSSZ`), e.g. one that has expired.
    pub fn issue_between(&self, csr: &Path, name: &str, start: &str, end: &str) -> PathBuf {
        self.issuer.sign_between(
            csr,
            &self.dir,
            name,
            start,
            end,
            "keyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n",
        )
    }

    /// The same, with an AIA extension whose `caIssuers` is `url` (where the
    /// issuing CA's certificate is published, as IGC-Santé does).
    pub fn issue_aia(&self, csr: &Path, name: &str, eku: &str, url: &str) -> PathBuf {
        self.issue_with(
            csr,
            name,
            eku,
            &format!("authorityInfoAccess=caIssuers;URI:{url}\n"),
            30,
        )
    }

    /// A certificate for `csr` with exactly the extensions `ext` (a usage's
    /// KU/EKU as the platform's profiles set them; nothing copied from the
    /// CSR), valid 30 days.
    pub fn issue_ext(&self, csr: &Path, name: &str, ext: &str) -> PathBuf {
        self.issuer.sign(csr, &self.dir, name, 30, ext, false)
    }

    fn issue_with(&self, csr: &Path, name: &str, eku: &str, more: &str, days: u32) -> PathBuf {
        self.issuer.sign(
            csr,
            &self.dir,
            name,
            days,
            &format!(
                "keyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage={eku}\n{more}"
            ),
            true,
        )
    }

    /// The answer as the registration server sends it: a `.p7c` (DER, or
    /// PEM) with leaf, intermediate and root in a scrambled order, as real
    /// ones may be.
    pub fn p7c(&self, leaf: &Path, out: &Path, pem: bool) -> PathBuf {
        run(openssl()
            .args(["crl2pkcs7", "-nocrl", "-certfile"])
            .arg(&self.root)
            .arg("-certfile")
            .arg(leaf)
            .arg("-certfile")
            .arg(&self.inter)
            .args(["-outform", if pem { "PEM" } else { "DER" }, "-out"])
            .arg(out));
        out.to_path_buf()
    }
}

/// The PEM certificate files `certs` one after the other in `out`.
pub fn pem_bundle(out: &Path, certs: &[&Path]) -> PathBuf {
    let pem: String = certs
        .iter()
        .map(|c| std::fs::read_to_string(c).expect("a PEM certificate"))
        .collect();
    std::fs::write(out, pem).expect("write the bundle");
    out.to_path_buf()
}

/// For the test services: an EC CA (`ca.crt`) and a certificate for
/// 127.0.0.1 and localhost signed by it (`server.crt`, `server.key`) in
/// `dir`. Returns the CA certificate.
pub fn tls_server(dir: &Path) -> PathBuf {
    let ca = Issued::self_signed(
        dir,
        "ca",
        "/O=cleocps tests/CN=cleocps test CA",
        Key::Ec,
        2,
        "",
    );
    let (_, csr) = new_csr(dir, "server", "/O=cleocps tests/CN=127.0.0.1", Key::Ec);
    ca.sign(
        &csr,
        dir,
        "server",
        2,
        "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n",
        false,
    );
    ca.crt
}

/// `der` with the constructed values of its first `levels` levels given
/// indefinite lengths (BER), as Java and Windows CA software write a
/// `.p7c`; deeper values (the certificates, whose signed bytes must stay)
/// are kept as they are. For the `.p7c` of [`TestCa::p7c`], 4 levels:
/// ContentInfo, `[0]`, SignedData, and its fields with the certificates' set.
pub fn indefinite(mut der: &[u8], levels: usize) -> Vec<u8> {
    let mut out = Vec::new();
    while !der.is_empty() {
        let (len, at) = match der[1] {
            b if b < 0x80 => (usize::from(b), 2),
            b => {
                let n = usize::from(b & 0x7F);
                let len = der[2..2 + n]
                    .iter()
                    .fold(0, |a, d| (a << 8) | usize::from(*d));
                (len, 2 + n)
            }
        };
        let (whole, rest) = der.split_at(at + len);
        if der[0] & 0x20 != 0 && levels > 0 {
            out.extend([der[0], 0x80]);
            out.extend(indefinite(&whole[at..], levels - 1));
            out.extend([0, 0]);
        } else {
            out.extend_from_slice(whole);
        }
        der = rest;
    }
    out
}

/// `plain` enveloped by openssl for the holder of `recipient` (AES-256, DER)
/// into `out`; returns its bytes.
pub fn cms_encrypt(plain: &Path, recipient: &Path, out: &Path) -> Vec<u8> {
    run(openssl()
        .args(["cms", "-encrypt", "-binary", "-aes256", "-outform", "DER"])
        .arg("-in")
        .arg(plain)
        .arg("-out")
        .arg(out)
        .arg(recipient));
    std::fs::read(out).expect("the enveloped file")
}
