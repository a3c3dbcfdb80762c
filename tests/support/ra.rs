//! Fixtures for the rehearsal registration server tests: a server made by
//! `ra init`, test cards made by `ra card` + `card soft-init`, and requests
//! made by the real client path (`request generate --card --soft-token`).

use super::{cleo, ok, prepared_request, s, secret_file, soft_card, tool_ok};
use std::path::{Path, PathBuf};
use std::process::Output;

pub const HOLDER: &str = "810001234567";
pub const FQDN: &str = "srv.clinique.example.fr";
pub const ALIAS: &str = "www.clinique.example.fr";
pub const MAIL: &str = "messagerie@clinique.example.fr";
pub const PIN: &str = "4321";
/// A complete SSL form for FQDN (options of `request edit`).
pub const SSL_FORM: &[&str] = &[
    "--cn",
    FQDN,
    "--san",
    ALIAS,
    "--o",
    "Clinique du Test",
    "--ou",
    "318751275100020",
    "--st",
    "Sarthe (72)",
    "--l",
    "Le Mans",
];

/// A registration server in `<t>/ra` (CA keys 2048 bits to keep tests quick).
pub struct Server {
    pub t: PathBuf,
    pub dir: PathBuf,
    pub ws: PathBuf,
}

impl Server {
    /// openssl verifies `leaf` up to the server's root through its CA chain.
    pub fn verify(&self, leaf: &Path) {
        tool_ok(
            "openssl",
            &[
                "verify",
                "-CAfile",
                s(&self.file("root.crt")),
                "-untrusted",
                s(&self.file("ca-chain.pem")),
                s(leaf),
            ],
        );
    }

    pub fn new(t: &Path) -> Server {
        let dir = t.join("ra");
        let ws = t.join("ws");
        ok(&ws, &["ra", "init", s(&dir), "--ca-bits", "2048"]);
        let server = Server {
            t: t.to_path_buf(),
            dir,
            ws,
        };
        server.directory(HOLDER);
        server
    }

    pub fn file(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    /// The JSON directory: `holder` administers FQDN, ALIAS and MAIL.
    pub fn directory(&self, holder: &str) {
        let json = format!(
            r#"{{"servers":[
  {{"holder":"{holder}","fqdn":"{FQDN}","mail":"{MAIL}","structure_id":"318751275100020",
    "structure_name":"Clinique du Test","departement":"Sarthe (72)"}},
  {{"holder":"{holder}","fqdn":"{ALIAS}","structure_id":"318751275100020"}}]}}"#
        );
        std::fs::write(self.file("directory.json"), json).expect("directory");
    }

    /// A soft-token card for `holder` made from the card CA of `ra_dir`.
    pub fn card(&self, ra_dir: &Path, holder: &str, name: &str) -> PathBuf {
        let crt = self.t.join(format!("{name}.crt"));
        let key = self.t.join(format!("{name}.key"));
        ok(
            &self.ws,
            &[
                "ra",
                "card",
                s(ra_dir),
                "--holder-id",
                holder,
                "--surname",
                "DUPONT",
                "--given-name",
                "JEAN",
                "--out-cert",
                s(&crt),
                "--out-key",
                s(&key),
            ],
        );
        let token = self.t.join(format!("{name}.json"));
        let pin = secret_file(&self.t, "pin", PIN);
        soft_card(&self.ws, &token, &crt, &key, &pin);
        token
    }

    /// A request `F/<name>` generated with `token`; returns its `.p7m`.
    /// `edit` are the `request edit` options; `keys` extra `keys generate` options.
    pub fn request(
        &self,
        name: &str,
        kind: &str,
        edit: &[&str],
        keys: &[&str],
        token: &Path,
    ) -> PathBuf {
        let keys = [&["--no-key-password"], keys].concat();
        let path = prepared_request(&self.ws, name, kind, &keys, edit);
        let pin = secret_file(&self.t, "pin", PIN);
        ok(
            &self.ws,
            &[
                "request",
                "generate",
                &path,
                "--card",
                "--soft-token",
                s(token),
                "--pin-file",
                s(&pin),
                "--ra-cert",
                s(&self.file("inscription.crt")),
            ],
        );
        self.ws
            .join("dossiers")
            .join("F")
            .join(name)
            .join(format!("{name}.p7m"))
    }

    /// `ra process` of `p7m` into `<t>/<answer>`.
    pub fn process(&self, p7m: &Path, answer: &str) -> (Output, PathBuf) {
        let out = self.t.join(answer);
        let o = cleo(
            &self.ws,
            &[
                "--json",
                "ra",
                "process",
                s(&self.dir),
                s(p7m),
                "--out",
                s(&out),
            ],
        );
        (o, out)
    }

    /// Processes and asserts a rejection with `code`; returns the answer text.
    pub fn rejected(&self, p7m: &Path, answer: &str, code: &str) -> String {
        let (o, out) = self.process(p7m, answer);
        let err = String::from_utf8_lossy(&o.stderr).into_owned();
        assert_eq!(o.status.code(), Some(1), "{err}");
        assert!(err.contains(&format!("REJET: {code}")), "{err}");
        assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
        let body = std::fs::read_to_string(&out).expect("answer text");
        assert_eq!(body.lines().next(), Some(format!("REJET: {code}").as_str()));
        body
    }
}
