//! A crash during any write leaves the old file or the new one: processes
//! are killed (SIGKILL) at varied moments of key generations, form edits,
//! answer imports and exports (PKCS#12, and PEM files written to a directory
//! as a deploy does). After every kill each request.json parses and each key
//! opens with its password (checked by openssl); once every command has run
//! again, no temp file is left anywhere.
//!
//! `CLEOCPS_SIGKILL_KILLS` sets how many processes are killed mid-way
//! (default 200; `scripts/test.sh` uses fewer on CI).

use crate::support;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};
use support::*;

const KEY_PW: &str = "pw-crash";
const P12_PW: &str = "pw-p12";

/// The commands killed in turn, each given as its arguments.
struct Scene {
    t: PathBuf,
    ws: PathBuf,
    out: PathBuf,
    kp: String,
    pp: String,
    /// Requests waiting for their answer: `(path, answer file)`.
    imports: Vec<(String, PathBuf)>,
    anchor: String,
}

impl Scene {
    fn new(t: &Path) -> Scene {
        let ws = t.join("ws");
        let kp = secret_file(t, "k", KEY_PW).to_string_lossy().into_owned();
        let pp = secret_file(t, "p", P12_PW).to_string_lossy().into_owned();
        let keys = ["--key-password-file", kp.as_str()];
        prepared_request(&ws, "keys", "ssl", &keys, &[]);
        prepared_request(&ws, "form", "ssl", &keys, &["--cn", "form.example.fr"]);
        let ca = TestCa::new(t);
        let answered = |name: &str| {
            let cn = format!("{name}.example.fr");
            let path = prepared_request(&ws, name, "ssl", &keys, &["--cn", &cn]);
            let gen = ["request", "generate", &path, "--csr-only"];
            ok(&ws, &[&gen[..], &keys].concat());
            let csr = ws.join(format!("dossiers/F/{name}/{name}.csr"));
            let leaf = ca.issue(&csr, name, "serverAuth");
            (path, ca.p7c(&leaf, &t.join(format!("{name}.p7c")), false))
        };
        let cert = answered("cert");
        let imports = (0..10).map(|i| answered(&format!("imp{i}"))).collect();
        let scene = Scene {
            t: t.to_path_buf(),
            out: t.join("out"),
            ws,
            kp,
            pp,
            imports,
            anchor: ca.root.to_string_lossy().into_owned(),
        };
        let import = scene.import_args(&cert.0, &cert.1);
        ok(&scene.ws, &strs(&import));
        scene
    }

    fn import_args(&self, path: &str, answer: &Path) -> Vec<String> {
        let answer = answer.to_string_lossy();
        let args = ["response", "import", path, &answer];
        [&args[..], &["--trust-anchor", &self.anchor]]
            .concat()
            .map_owned()
    }

    /// The arguments of operation `op` (0 to 4); `None` when no import is left.
    fn args(&self, op: usize, i: usize) -> Option<Vec<String>> {
        let kp = ["--key-password-file", self.kp.as_str()];
        let p12 = self.out.join("c.p12").to_string_lossy().into_owned();
        let pem = self.out.join("pem").to_string_lossy().into_owned();
        let cn = format!("form{i}.example.fr");
        Some(match op {
            0 => {
                let bits = if i.is_multiple_of(3) { "4096" } else { "2048" };
                let gen = ["keys", "generate", "F/keys", "--bits", bits, "--replace"];
                [&gen[..], &kp].concat().map_owned()
            }
            1 => ["request", "edit", "F/form", "--cn", &cn, "--l", "Le Mans"].map_owned(),
            2 => {
                let ws = &self.ws;
                let (path, answer) = self
                    .imports
                    .iter()
                    .find(|(p, _)| state(ws, p) != "certificate_imported")?;
                self.import_args(path, answer)
            }
            3 => {
                let args = ["export", "p12", "F/cert", "--out", &p12, "--force"];
                [&args[..], &["--p12-password-file", &self.pp], &kp]
                    .concat()
                    .map_owned()
            }
            _ => {
                let args = ["export", "pem", "F/cert", "--out", &pem, "--force"];
                [&args[..], &kp].concat().map_owned()
            }
        })
    }

    fn spawn(&self, args: &[String]) -> std::process::Child {
        cleocps(&self.t)
            .arg("--workspace")
            .arg(&self.ws)
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn")
    }
}

trait MapOwned {
    fn map_owned(&self) -> Vec<String>;
}

impl MapOwned for [&str] {
    fn map_owned(&self) -> Vec<String> {
        self.iter().map(|s| s.to_string()).collect()
    }
}

impl<const N: usize> MapOwned for [&str; N] {
    fn map_owned(&self) -> Vec<String> {
        self[..].map_owned()
    }
}

impl MapOwned for Vec<&str> {
    fn map_owned(&self) -> Vec<String> {
        self[..].map_owned()
    }
}

fn strs(args: &[String]) -> Vec<&str> {
    args.iter().map(String::as_str).collect()
}

fn state(ws: &Path, path: &str) -> String {
    let json = std::fs::read_to_string(ws.join("dossiers").join(path).join("request.json"))
        .expect("request.json is there");
    let req: serde_json::Value = serde_json::from_str(&json).expect("request.json parses");
    req["state"].as_str().expect("a state").to_string()
}

/// Files checked by openssl, by content: a file is checked again only when it changed.
#[derive(Default)]
struct Checked(HashMap<PathBuf, Vec<u8>>);

impl Checked {
    fn check(&mut self, file: &Path, args: &[&str]) {
        let data =
            std::fs::read(file).unwrap_or_else(|e| panic!("{} is gone: {e}", file.display()));
        if self.0.get(file) == Some(&data) {
            return;
        }
        let f = file.to_string_lossy();
        tool_ok("openssl", &[args, &["-in", &f]].concat());
        self.0.insert(file.to_path_buf(), data);
    }
}

/// Every request.json parses; every key opens with its password; the
/// exports are the old ones or the new ones.
fn check_all(scene: &Scene, checked: &mut Checked) {
    let folder = scene.ws.join("dossiers/F");
    for entry in std::fs::read_dir(&folder).expect("folder").flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        state(&scene.ws, &format!("F/{name}"));
        let pass = format!("pass:{KEY_PW}");
        checked.check(
            &entry.path().join(format!("{name}.key")),
            &["pkey", "-noout", "-passin", &pass],
        );
    }
    let p12 = format!("pass:{P12_PW}");
    checked.check(
        &scene.out.join("c.p12"),
        &["pkcs12", "-nokeys", "-passin", &p12],
    );
    let pem = scene.out.join("pem");
    if pem.exists() {
        for entry in std::fs::read_dir(&pem).expect("pem dir").flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".key") {
                let pass = format!("pass:{KEY_PW}");
                checked.check(&entry.path(), &["pkey", "-noout", "-passin", &pass]);
            } else if !name.starts_with('.') {
                checked.check(&entry.path(), &["x509", "-noout"]);
            }
        }
    }
}

fn temp_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            temp_files(&path, found);
        } else if entry.file_name().to_string_lossy().contains(".tmp-") {
            found.push(path);
        }
    }
}

fn kills_wanted() -> usize {
    std::env::var("CLEOCPS_SIGKILL_KILLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200)
}

#[test]
fn sigkill_during_writes_never_leaves_a_half_file() {
    let tmp = tempfile::tempdir().expect("tmp");
    let scene = Scene::new(tmp.path());
    let mut checked = Checked::default();
    // How long each operation takes when left alone, to spread the kills
    // over start-up, work and writes on any machine.
    let mut took = [Duration::ZERO; 5];
    for (op, t) in took.iter_mut().enumerate() {
        let args = scene.args(op, 1).expect("an import is left");
        let start = Instant::now();
        ok(&scene.ws, &strs(&args));
        *t = start.elapsed();
    }
    check_all(&scene, &mut checked);

    let wanted = kills_wanted();
    let (mut killed, mut by_op, mut i) = (0, [0usize; 5], 0usize);
    while killed < wanted {
        i += 1;
        assert!(
            i < wanted * 4 + 50,
            "only {killed} of {wanted} kills landed mid-way"
        );
        let op = i % 5;
        let Some(args) = scene.args(op, i) else {
            continue;
        };
        let mut child = scene.spawn(&args);
        // From 0 to 110 % of the usual duration, in 23 steps.
        let when = took[op].mul_f64((i * 7 % 23) as f64 / 20.0);
        std::thread::sleep(when);
        if child.try_wait().expect("wait").is_none() {
            killed += 1;
            by_op[op] += 1;
        }
        // An error here: it had already exited, nothing to kill.
        let _ = child.kill();
        child.wait().expect("wait");
        check_all(&scene, &mut checked);
    }
    eprintln!(
        "SIGKILL: {killed} kills mid-way in {i} runs (keys, edit, import, p12, pem: {by_op:?})"
    );
    assert!(
        by_op.iter().all(|&n| n > 0) || wanted < 5,
        "every kind of write was killed: {by_op:?}"
    );

    // Every command runs again to its end: the workspace works, and the
    // temp files of killed writers are gone.
    for op in [0, 1, 3, 4] {
        let args = scene.args(op, 0).expect("args");
        ok(&scene.ws, &strs(&args));
    }
    if let Some(args) = scene.args(2, 0) {
        ok(&scene.ws, &strs(&args));
    }
    check_all(&scene, &mut checked);
    let mut left = Vec::new();
    temp_files(&scene.ws, &mut left);
    temp_files(&scene.out, &mut left);
    assert!(left.is_empty(), "temp files left: {left:?}");
    assert_eq!(state(&scene.ws, "F/keys"), "keys_generated");
}
