//! A one-level CA run with `openssl ca` and its index.txt, so it can
//! revoke, publish a CRL and back `openssl ocsp`; and a request of the
//! workspace certified by it (the revocation tests).

use super::process::{run, wait_until, Reaped};
use super::{ca, ok, prepared_request};
use std::path::{Path, PathBuf};

/// A one-level CA made with `openssl ca`, so it can revoke and publish.
pub struct OpensslCa {
    pub dir: PathBuf,
    pub cnf: PathBuf,
    pub crt: PathBuf,
    pub key: PathBuf,
}

impl OpensslCa {
    pub fn new(dir: &Path, subject: &str) -> OpensslCa {
        std::fs::create_dir_all(dir.join("newcerts")).expect("dir");
        std::fs::write(dir.join("index.txt"), "").expect("index");
        std::fs::write(dir.join("crlnumber"), "01\n").expect("crlnumber");
        let cnf = dir.join("ca.cnf");
        std::fs::write(
            &cnf,
            format!(
                "[ca]\ndefault_ca = CA_default\n[CA_default]\ndir = {}\n\
                 database = $dir/index.txt\nnew_certs_dir = $dir/newcerts\n\
                 certificate = $dir/ca.crt\nprivate_key = $dir/ca.key\nserial = $dir/serial\n\
                 crlnumber = $dir/crlnumber\ndefault_md = sha256\ndefault_days = 120\n\
                 default_crl_days = 1\npolicy = policy_any\nunique_subject = no\npreserve = yes\n\
                 copy_extensions = none\n\
                 [policy_any]\ncountryName = optional\nstateOrProvinceName = optional\n\
                 localityName = optional\norganizationName = optional\n\
                 organizationalUnitName = optional\ncommonName = supplied\n",
                dir.display()
            ),
        )
        .expect("cnf");
        let (crt, key) = (dir.join("ca.crt"), dir.join("ca.key"));
        run(ca::openssl()
            .args([
                "req", "-x509", "-nodes", "-newkey", "rsa:2048", "-days", "150", "-subj",
            ])
            .arg(subject)
            .args(["-addext", "basicConstraints=critical,CA:TRUE"])
            .args(["-addext", "keyUsage=critical,keyCertSign,cRLSign"])
            .arg("-keyout")
            .arg(&key)
            .arg("-out")
            .arg(&crt));
        run(ca::openssl()
            .args(["rand", "-hex", "-out"])
            .arg(dir.join("serial"))
            .arg("16"));
        OpensslCa {
            dir: dir.to_path_buf(),
            cnf,
            crt,
            key,
        }
    }

    /// Signs `csr` into `out` with the pointers given (`ocsp`, `crl`: URLs).
    pub fn issue(&self, csr: &Path, out: &Path, ocsp: Option<&str>, crl: Option<&str>) {
        let mut ext = String::from(
            "[leaf]\nbasicConstraints = CA:FALSE\n\
             keyUsage = critical,digitalSignature,keyEncipherment\n\
             extendedKeyUsage = serverAuth,clientAuth\n",
        );
        if let Some(url) = ocsp {
            ext.push_str(&format!("authorityInfoAccess = OCSP;URI:{url}\n"));
        }
        if let Some(url) = crl {
            // A section, so a URL with commas (an LDAP DN) stays whole.
            ext.push_str(&format!(
                "crlDistributionPoints = crldp\n[crldp]\nfullname = @names\n[names]\nURI.1 = {url}\n"
            ));
        }
        let extfile = self.dir.join("leaf.ext");
        std::fs::write(&extfile, ext).expect("ext");
        run(ca::openssl()
            .args(["ca", "-batch", "-notext", "-config"])
            .arg(&self.cnf)
            .arg("-extfile")
            .arg(&extfile)
            .args(["-extensions", "leaf", "-in"])
            .arg(csr)
            .arg("-out")
            .arg(out));
    }

    /// A responder's key and certificate issued by this CA with `eku`.
    pub fn responder_cert(&self, name: &str, eku: &str) -> (PathBuf, PathBuf) {
        let (key, csr) = (
            self.dir.join(format!("{name}.key")),
            self.dir.join(format!("{name}.csr")),
        );
        run(ca::openssl()
            .args(["req", "-new", "-nodes", "-newkey", "rsa:2048", "-subj"])
            .arg(format!("/CN={name}"))
            .arg("-keyout")
            .arg(&key)
            .arg("-out")
            .arg(&csr));
        let extfile = self.dir.join(format!("{name}.ext"));
        std::fs::write(
            &extfile,
            format!("[r]\nkeyUsage = critical,digitalSignature\nextendedKeyUsage = {eku}\n"),
        )
        .expect("ext");
        let crt = self.dir.join(format!("{name}.crt"));
        run(ca::openssl()
            .args(["ca", "-batch", "-notext", "-config"])
            .arg(&self.cnf)
            .arg("-extfile")
            .arg(&extfile)
            .args(["-extensions", "r", "-in"])
            .arg(&csr)
            .arg("-out")
            .arg(&crt));
        (crt, key)
    }

    pub fn revoke(&self, crt: &Path, reason: &str) {
        run(ca::openssl()
            .args(["ca", "-config"])
            .arg(&self.cnf)
            .arg("-revoke")
            .arg(crt)
            .args(["-crl_reason", reason]));
    }

    /// The CRL in DER, as CAs publish it, at `out`.
    pub fn crl(&self, out: &Path) {
        let pem = self.dir.join("crl.pem");
        run(ca::openssl()
            .args(["ca", "-gencrl", "-config"])
            .arg(&self.cnf)
            .arg("-out")
            .arg(&pem));
        run(ca::openssl()
            .args(["crl", "-outform", "DER", "-in"])
            .arg(&pem)
            .arg("-out")
            .arg(out));
    }

    /// `openssl ocsp` answering from the index on `port`, signing as the CA.
    /// Ready when it says so: a probing connection would hang it.
    pub fn responder(&self, port: u16) -> Reaped {
        self.responder_as(port, &self.crt, &self.key)
    }

    /// The same, signing with `signer` (a delegated responder).
    pub fn responder_as(&self, port: u16, signer: &Path, key: &Path) -> Reaped {
        let log = self.dir.join(format!("ocsp-{port}.log"));
        let child = Reaped::spawn(
            ca::openssl()
                .args(["ocsp", "-ignore_err", "-ndays", "1", "-index"])
                .arg(self.dir.join("index.txt"))
                .args(["-port", &port.to_string(), "-rsigner"])
                .arg(signer)
                .arg("-rkey")
                .arg(key)
                .arg("-CA")
                .arg(&self.crt)
                .stdout(std::process::Stdio::null())
                .stderr(std::fs::File::create(&log).expect("log")),
        );
        wait_until(10, "openssl ocsp listening", || {
            std::fs::read_to_string(&log)
                .ok()
                .filter(|l| l.contains("waiting for OCSP client connections"))
        });
        child
    }
}

/// `F/<name>` in `ws`, certified by `ca` with the given pointers; trusted
/// through a config naming the CA as anchor. Returns the leaf's path.
pub fn certified(
    ws: &Path,
    ca: &OpensslCa,
    name: &str,
    ocsp: Option<&str>,
    crl: Option<&str>,
) -> PathBuf {
    let path = prepared_request(
        ws,
        name,
        "ssl",
        &["--no-key-password"],
        &["--cn", &format!("{name}.example.fr")],
    );
    ok(ws, &["request", "generate", &path, "--csr-only"]);
    let leaf = ca.dir.join(format!("{name}.crt"));
    ca.issue(
        &ws.join(format!("dossiers/{path}/{name}.csr")),
        &leaf,
        ocsp,
        crl,
    );
    ok(
        ws,
        &[
            "response",
            "import",
            &path,
            &leaf.to_string_lossy(),
            "--trust-anchor",
            &ca.crt.to_string_lossy(),
        ],
    );
    leaf
}
