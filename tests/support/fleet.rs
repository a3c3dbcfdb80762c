//! A fleet for the Ansible tests: hosts reached over real SSH on 127.0.0.1
//! (one test sshd each, its own home and cleocps workspace), a controller
//! running ansible-core from its own virtual environment
//! (`scripts/ansible-env.sh`) with the collection of `contrib/ansible`
//! installed, the key password in the inventory only as vault text.

use super::packages::{repo, target_dir};
use super::process::{output, run_text};
use super::sshd::Sshd;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

pub struct Host {
    pub name: String,
    pub sshd: Sshd,
    pub home: PathBuf,
    pub workspace: PathBuf,
    /// Extra inventory lines (YAML, under the host), e.g. its certificates.
    pub vars: String,
}

pub struct Fleet {
    pub dir: PathBuf,
    pub hosts: Vec<Host>,
    pub password: String,
    ansible: PathBuf,
    /// The key password as vault text (`!vault |` and its lines).
    vaulted: String,
}

/// What one ansible-playbook run printed and how long it took.
pub struct Run {
    pub out: String,
    pub ok: bool,
    pub took: Duration,
}

impl Run {
    /// `host: ok=… changed=… failed=…` of the PLAY RECAP, by host.
    pub fn recap(&self) -> BTreeMap<String, BTreeMap<String, u32>> {
        let mut hosts = BTreeMap::new();
        let after = self.out.split("PLAY RECAP").nth(1).unwrap_or("");
        for line in after.lines().filter(|l| l.contains("changed=")) {
            let mut words = line.split_whitespace();
            let host = words.next().unwrap_or("").to_string();
            let counts = words
                .filter_map(|w| w.split_once('='))
                .map(|(k, v)| (k.to_string(), v.parse().unwrap_or(u32::MAX)))
                .collect();
            hosts.insert(host, counts);
        }
        hosts
    }

    pub fn count(&self, host: &str, what: &str) -> u32 {
        let recap = self.recap();
        *recap
            .get(host)
            .and_then(|c| c.get(what))
            .unwrap_or_else(|| panic!("no {what} for {host} in the recap:\n{}", self.out))
    }
}

impl Fleet {
    pub fn new(dir: &Path, names: &[&str]) -> Fleet {
        let ansible = ansible_bin();
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let password = format!("Fleet key pw {} {nanos}", std::process::id());
        let fleet_dir = dir.to_path_buf();
        for d in ["controller/home", "controller/tmp", "csr", "certs"] {
            std::fs::create_dir_all(dir.join(d)).expect("controller dirs");
        }
        std::fs::write(dir.join("controller/vault.pass"), "vault test pass\n").expect("vault");
        let hosts = names.iter().map(|n| host(dir, n)).collect();
        let mut fleet = Fleet {
            dir: fleet_dir,
            hosts,
            password,
            ansible,
            vaulted: String::new(),
        };
        fleet.write_config();
        fleet.install_collection();
        fleet.vaulted = fleet.vault(&fleet.password.clone());
        fleet
    }

    pub fn host(&mut self, name: &str) -> &mut Host {
        self.hosts
            .iter_mut()
            .find(|h| h.name == name)
            .expect("a host of the fleet")
    }

    fn write_config(&self) {
        let c = self.dir.join("controller");
        std::fs::write(
            c.join("ansible.cfg"),
            format!(
                "[defaults]\nvault_password_file = {vault}\nhost_key_checking = False\n\
                 nocolor = True\n\n[ssh_connection]\npipelining = True\n\
                 control_path_dir = {cp}\n",
                vault = c.join("vault.pass").display(),
                cp = c.join("cp").display(),
            ),
        )
        .expect("ansible.cfg");
    }

    /// The controller's environment: everything of Ansible inside `controller/`.
    fn command(&self, prog: &str) -> Command {
        let c = self.dir.join("controller");
        let mut cmd = Command::new(self.ansible.join(prog));
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", c.join("home"))
            .env("LC_ALL", "C.UTF-8")
            .env("ANSIBLE_CONFIG", c.join("ansible.cfg"))
            .env("ANSIBLE_HOME", c.join("home/.ansible"))
            .env("ANSIBLE_LOCAL_TEMP", c.join("tmp"))
            .env("ANSIBLE_COLLECTIONS_PATH", c.join("collections"))
            .env("PYTHONWARNINGS", "ignore")
            .current_dir(&c);
        cmd
    }

    fn install_collection(&self) {
        run_text(
            self.command("ansible-galaxy")
                .args(["collection", "install", "--force"])
                .arg(repo().join("contrib/ansible"))
                .arg("-p")
                .arg(self.dir.join("controller/collections")),
        );
    }

    fn vault(&self, secret: &str) -> String {
        let text = run_text(self.command("ansible-vault").args([
            "encrypt_string",
            secret,
            "--name",
            "cleocps_key_password",
        ]));
        text.trim_end()
            .lines()
            .map(|l| format!("    {l}"))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The inventory: every host over its sshd, `common` (YAML lines at the
    /// level of `all.vars`) for all of them.
    pub fn write_inventory(&self, common: &str) -> PathBuf {
        let user = run_text(Command::new("id").arg("-un")).trim().to_string();
        let mut inv = format!(
            "all:\n  vars:\n    ansible_host: 127.0.0.1\n    ansible_user: {user}\n    \
             ansible_python_interpreter: /usr/bin/python3\n    \
             ansible_ssh_common_args: -o IdentitiesOnly=yes -o UserKnownHostsFile=/dev/null -o StrictHostKeyChecking=no -o BatchMode=yes\n\
             {}\n{common}  hosts:\n",
            self.vaulted
        );
        for h in &self.hosts {
            inv.push_str(&format!(
                "    {}:\n      ansible_port: {}\n      ansible_ssh_private_key_file: {}\n      \
                 cleocps_workspace: {}\n{}",
                h.name,
                h.sshd.port,
                h.sshd.client_key.display(),
                h.workspace.display(),
                h.vars
            ));
        }
        let path = self.dir.join("controller/inventory.yml");
        std::fs::write(&path, inv).expect("inventory");
        path
    }

    /// `ansible-playbook contrib/ansible/playbooks/NAME` with `args`.
    pub fn playbook(&self, name: &str, args: &[&str]) -> Run {
        let book = repo().join("contrib/ansible/playbooks").join(name);
        let started = Instant::now();
        let out: Output = output(
            self.command("ansible-playbook")
                .arg("-i")
                .arg(self.dir.join("controller/inventory.yml"))
                .arg(book)
                .args(args),
        );
        Run {
            out: format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ),
            ok: out.status.success(),
            took: started.elapsed(),
        }
    }

    pub fn collect(&self, args: &[&str]) -> Run {
        let dir = format!("csr_dir={}", self.dir.join("csr").display());
        self.playbook("collect_csr.yml", &[&["-e", &dir], args].concat())
    }

    pub fn install(&self, args: &[&str]) -> Run {
        let dir = format!("cert_dir={}", self.dir.join("certs").display());
        self.playbook("install_certificates.yml", &[&["-e", &dir], args].concat())
    }

    /// One module run on one host (`ansible HOST -m MODULE -a ARGS`).
    pub fn module(&self, host: &str, module: &str, args: &str) -> Run {
        let started = Instant::now();
        let out = output(
            self.command("ansible")
                .arg("-i")
                .arg(self.dir.join("controller/inventory.yml"))
                .args([host, "-m", module, "-a", args]),
        );
        Run {
            out: String::from_utf8_lossy(&out.stdout).into_owned()
                + &String::from_utf8_lossy(&out.stderr),
            ok: out.status.success(),
            took: started.elapsed(),
        }
    }
}

/// Ansible's SSH masters (ControlPersist) and their sessions end with the
/// test, not a minute later.
impl Drop for Fleet {
    fn drop(&mut self) {
        let Ok(sockets) = std::fs::read_dir(self.dir.join("controller/cp")) else {
            return;
        };
        for socket in sockets.flatten() {
            let _ = Command::new("ssh")
                .arg("-o")
                .arg(format!("ControlPath={}", socket.path().display()))
                .args(["-O", "exit", "fleet-host"])
                .output();
        }
    }
}

fn host(dir: &Path, name: &str) -> Host {
    let root = dir.join(name);
    let home = root.join("home");
    std::fs::create_dir_all(root.join("sshd")).expect("sshd dir");
    std::fs::create_dir_all(home.join(".ansible/tmp")).expect("home");
    let sshd = Sshd::start_with(
        &root.join("sshd"),
        &format!("SetEnv HOME={}\n", home.display()),
    );
    Host {
        name: name.to_string(),
        sshd,
        workspace: root.join("workspace"),
        home,
        vars: String::new(),
    }
}

/// The bin directory of the ansible-core environment (made on first use).
pub fn ansible_bin() -> PathBuf {
    let out = run_text(
        Command::new(repo().join("scripts/ansible-env.sh")).env("CARGO_TARGET_DIR", target_dir()),
    );
    PathBuf::from(out.trim())
}

/// Files under `dir` whose bytes contain `needle`.
pub fn files_holding(dir: &Path, needle: &[u8]) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return found;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            found.extend(files_holding(&path, needle));
        } else if meta.is_file() {
            let bytes = std::fs::read(&path).unwrap_or_default();
            if bytes.windows(needle.len()).any(|w| w == needle) {
                found.push(path);
            }
        }
    }
    found
}
