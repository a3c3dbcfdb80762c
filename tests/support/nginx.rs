//! A real nginx on 127.0.0.1 for the deploy tests: its own prefix, config
//! and pid file in a temp dir, serving TLS from `<prefix>/tls/`
//! (`fullchain.pem`, `key.pem`); started in the foreground and stopped
//! (SIGTERM, then waited for) on drop, so no worker is left behind.

use super::ca::{Issued, Key};
use super::process::{free_port, output, wait_until};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

pub struct Nginx {
    pub prefix: PathBuf,
    pub conf: PathBuf,
    pub port: u16,
    child: Child,
}

impl Nginx {
    /// `nginx -t` for this instance, as a deploy `--check` command.
    pub fn check_cmd(&self) -> String {
        format!(
            "nginx -t -q -c '{}' -p '{}'",
            self.conf.display(),
            self.prefix.display()
        )
    }

    /// `nginx -s reload` for this instance, as a deploy `--reload` command.
    pub fn reload_cmd(&self) -> String {
        format!(
            "nginx -s reload -c '{}' -p '{}'",
            self.conf.display(),
            self.prefix.display()
        )
    }

    pub fn tls(&self) -> PathBuf {
        self.prefix.join("tls")
    }

    /// The full chain and key files it serves.
    pub fn files(&self) -> (PathBuf, PathBuf) {
        (self.tls().join("fullchain.pem"), self.tls().join("key.pem"))
    }

    /// nginx in `<dir>/nginx` serving a self-signed certificate for
    /// `web.example.fr`, the one a first deployment replaces (returned too).
    pub fn on_self_signed(dir: &Path) -> (Nginx, Issued) {
        let old = Issued::self_signed(dir, "old", "/CN=web.example.fr", Key::Rsa, 30, "");
        let nginx = Nginx::start(&dir.join("nginx"), &old.crt, &old.key);
        nginx.wait_serving(&serial_of(&old.crt));
        (nginx, old)
    }

    /// `deploy <path>` into its files, checked and reloaded by it, the
    /// profile saved; returns what cleocps said.
    pub fn deploy_saved(&self, ws: &Path, path: &str) -> String {
        let (fullchain, key) = self.files();
        super::ok(
            ws,
            &[
                "deploy",
                path,
                "--fullchain",
                super::s(&fullchain),
                "--key",
                super::s(&key),
                "--check",
                &self.check_cmd(),
                "--reload",
                &self.reload_cmd(),
                "--save",
            ],
        )
    }

    /// Starts nginx serving `cert` (full chain) and `key`, copied into `tls/`.
    pub fn start(prefix: &Path, cert: &Path, key: &Path) -> Nginx {
        let tls = prefix.join("tls");
        let tmp = prefix.join("tmp");
        for d in [&tls, &tmp] {
            std::fs::create_dir_all(d).expect("nginx dirs");
        }
        std::fs::copy(cert, tls.join("fullchain.pem")).expect("cert");
        std::fs::copy(key, tls.join("key.pem")).expect("key");
        let port = free_port();
        let p = prefix.display();
        let conf = prefix.join("nginx.conf");
        std::fs::write(
            &conf,
            format!(
                "daemon off;\nmaster_process on;\nworker_processes 1;\npid {p}/nginx.pid;\n\
                 error_log {p}/error.log;\nevents {{ worker_connections 64; }}\n\
                 http {{\n  access_log off;\n  client_body_temp_path {p}/tmp/body;\n\
                 proxy_temp_path {p}/tmp/proxy;\n  fastcgi_temp_path {p}/tmp/fastcgi;\n\
                 uwsgi_temp_path {p}/tmp/uwsgi;\n  scgi_temp_path {p}/tmp/scgi;\n\
                 server {{\n    listen 127.0.0.1:{port} ssl;\n\
                 ssl_certificate {p}/tls/fullchain.pem;\n    ssl_certificate_key {p}/tls/key.pem;\n\
                 location / {{ return 200 \"ok\\n\"; }}\n  }}\n}}\n"
            ),
        )
        .expect("nginx.conf");
        let child = Command::new("nginx")
            .arg("-c")
            .arg(&conf)
            .arg("-p")
            .arg(prefix)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start nginx ({e}): install it (nginx-light)"));
        let nginx = Nginx {
            prefix: prefix.to_path_buf(),
            conf,
            port,
            child,
        };
        wait_until(10, "nginx to listen", || {
            std::net::TcpStream::connect(("127.0.0.1", port)).ok()
        });
        nginx
    }

    /// The serial (openssl's `serial=` hex) of the certificate nginx serves now.
    pub fn served_serial(&self) -> String {
        let out = output(Command::new("sh").arg("-c").arg(format!(
            "timeout 10 openssl s_client -connect 127.0.0.1:{} </dev/null 2>/dev/null \
             | openssl x509 -noout -serial",
            self.port
        )));
        String::from_utf8_lossy(&out.stdout)
            .trim()
            .trim_start_matches("serial=")
            .to_string()
    }

    /// Waits until nginx serves the certificate of `serial` (a reload takes
    /// effect when the new workers take over).
    pub fn wait_serving(&self, serial: &str) {
        wait_until(20, &format!("nginx to serve serial {serial}"), || {
            (self.served_serial() == serial).then_some(())
        });
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        // SIGTERM: the master stops its workers; then it is reaped.
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let _ = self.child.wait();
    }
}

/// openssl's serial (`serial=` hex, without it) of a PEM certificate file.
pub fn serial_of(cert: &Path) -> String {
    super::tool_ok(
        "openssl",
        &["x509", "-in", &cert.to_string_lossy(), "-noout", "-serial"],
    )
    .trim()
    .trim_start_matches("serial=")
    .to_string()
}
