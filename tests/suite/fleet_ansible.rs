//! The fleet contract (DESIGN §12): the collection `cleocps.igcsante` and its
//! two playbooks, run by ansible-core against hosts reached over real SSH on
//! 127.0.0.1 (a test sshd each, its own home and workspace). CSRs come to
//! the controller, an openssl CA signs them, the certificates go back and
//! are imported; second runs and `--check` change nothing; the key password
//! (vaulted) shows nowhere; a host whose import fails fails alone, with
//! cleocps's own message.

use crate::support;

use serde_json::Value;
use std::path::{Path, PathBuf};
use support::fleet::{files_holding, Fleet, Run};
use support::{cleo, ok, TestCa};

/// `cleocps_certificates` of a host: (folder, name, server) each, the
/// server's FQDN `<server>.<host>.example.fr`.
fn certificates(host: &str, list: &[(&str, &str, &str)]) -> String {
    let mut vars = String::from("      cleocps_certificates:\n");
    for (folder, name, server) in list {
        vars.push_str(&format!(
            "        - {{folder: {folder}, name: {name}, type: ssl, cn: {server}.{host}.example.fr, \
             san: [{server}-alt.{host}.example.fr], o: Clinique {host}, ou: \"1234567890\", st: Sarthe (72)}}\n"
        ));
    }
    vars
}

fn common(bin: &Path, anchors: &[&Path]) -> String {
    let anchors: Vec<String> = anchors.iter().map(|a| a.display().to_string()).collect();
    format!(
        "    cleocps_binary: {}\n    cleocps_trust_anchors: [{}]\n",
        bin.display(),
        anchors.join(", ")
    )
}

fn state_of(ws: &Path, path: &str) -> String {
    let shown: Value = serde_json::from_str(&ok(ws, &["--json", "request", "show", path]))
        .expect("request show --json");
    shown["state"].as_str().unwrap_or("").to_string()
}

fn assert_ran(run: &Run, what: &str) {
    assert!(run.ok, "{what} failed:\n{}", run.out);
}

fn assert_unchanged(run: &Run, hosts: &[&str], what: &str) {
    assert_ran(run, what);
    for h in hosts {
        assert_eq!(
            run.count(h, "changed"),
            0,
            "{what} changed {h}:\n{}",
            run.out
        );
    }
}

/// The platform's answer for a CSR fetched to the controller: a PEM bundle
/// (leaf + issuing CA) or a DER `.p7c`, named for install_certificates.yml.
fn answer(fleet: &Fleet, ca: &TestCa, stem: &str, p7c: bool) -> PathBuf {
    let csr = fleet.dir.join("csr").join(format!("{stem}.csr"));
    let leaf = ca.issue_days(&csr, stem, "serverAuth", 300);
    let certs = fleet.dir.join("certs");
    if p7c {
        return ca.p7c(&leaf, &certs.join(format!("{stem}.p7c")), false);
    }
    let bundle = certs.join(format!("{stem}.pem"));
    let text = std::fs::read_to_string(&leaf).expect("leaf")
        + &std::fs::read_to_string(&ca.inter).expect("inter");
    std::fs::write(&bundle, text).expect("bundle");
    bundle
}

const ALPHA: &[(&str, &str, &str)] = &[("Prod", "web", "web"), ("Prod", "api", "api")];
const BETA: &[(&str, &str, &str)] = &[("Prod", "web", "web"), ("Interne", "intranet", "intranet")];

#[test]
fn two_hosts_round_trip_through_the_platform_and_second_runs_change_nothing() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let ca = TestCa::new(
        &std::fs::create_dir_all(tmp.path().join("ca"))
            .map(|_| tmp.path().join("ca"))
            .expect("ca dir"),
    );
    let mut fleet = Fleet::new(tmp.path(), &["alpha", "beta"]);
    fleet.host("alpha").vars = certificates("alpha", ALPHA);
    fleet.host("beta").vars = certificates("beta", BETA);
    fleet.write_inventory(&common(&support::bin(), &[&ca.root]));
    let hosts = ["alpha", "beta"];

    // --check first: nothing made on the hosts, nothing fetched; --diff
    // says what would be.
    let check = fleet.collect(&["--check", "--diff"]);
    assert_ran(&check, "collect_csr.yml --check");
    assert!(
        check.out.contains("+state: request_generated"),
        "{}",
        check.out
    );
    for h in &fleet.hosts {
        assert!(
            !h.workspace.exists(),
            "--check made {}",
            h.workspace.display()
        );
    }
    assert_eq!(
        std::fs::read_dir(fleet.dir.join("csr"))
            .expect("csr")
            .count(),
        0
    );

    let collect = fleet.collect(&[]);
    assert_ran(&collect, "collect_csr.yml");
    eprintln!(
        "collect_csr.yml, 2 hosts x 2 certificates: {:.1?}",
        collect.took
    );
    for (host, list) in [("alpha", ALPHA), ("beta", BETA)] {
        for (folder, name, _) in list {
            let csr = fleet.dir.join(format!("csr/{host}--{folder}--{name}.csr"));
            let subject = support::tool_ok(
                "openssl",
                &[
                    "req",
                    "-in",
                    &csr.to_string_lossy(),
                    "-noout",
                    "-verify",
                    "-subject",
                ],
            );
            assert!(
                subject.contains(&format!("{name}.{host}.example.fr")),
                "{subject}"
            );
        }
    }
    // Again, with -vvv (every module's arguments shown): nothing to do.
    let mut loud = vec![fleet.collect(&["-vvv"])];
    assert_unchanged(&loud[0], &hosts, "collect_csr.yml again");

    for (host, list) in [("alpha", ALPHA), ("beta", BETA)] {
        for (i, (folder, name, _)) in list.iter().enumerate() {
            answer(
                &fleet,
                &ca,
                &format!("{host}--{folder}--{name}"),
                host == "beta" && i == 0,
            );
        }
    }
    let check = fleet.install(&["--check"]);
    assert_ran(&check, "install_certificates.yml --check");
    for h in &fleet.hosts {
        assert_eq!(
            state_of(&h.workspace, "Prod/web"),
            "request_generated",
            "--check imported"
        );
    }

    let install = fleet.install(&[]);
    assert_ran(&install, "install_certificates.yml");
    eprintln!(
        "install_certificates.yml, 2 hosts x 2 certificates: {:.1?}",
        install.took
    );
    for (host, list) in [("alpha", ALPHA), ("beta", BETA)] {
        let ws = &fleet
            .hosts
            .iter()
            .find(|h| h.name == host)
            .expect("host")
            .workspace;
        for (folder, name, _) in list {
            assert_eq!(
                state_of(ws, &format!("{folder}/{name}")),
                "certificate_imported"
            );
        }
    }
    assert_eq!(verdicts(&install), ["alpha", "beta"], "{}", install.out);

    // A deploy profile saved on one request: the next install deploys with
    // it only if the targets don't hold the certificate already.
    let alpha = &fleet.hosts[0];
    let srv = alpha.home.join("srv");
    std::fs::create_dir_all(&srv).expect("srv");
    let deploy = fleet.module(
        "alpha",
        "cleocps.igcsante.cleocps_deploy",
        &format!(
            "folder=Prod name=web fullchain={0}/web.pem key={0}/web.key check=true save=true \
             key_password={{{{ cleocps_key_password }}}} binary={{{{ cleocps_binary }}}} \
             workspace={{{{ cleocps_workspace }}}}",
            srv.display()
        ),
    );
    assert!(
        deploy.ok && deploy.out.contains("CHANGED"),
        "{}",
        deploy.out
    );
    let key = support::tool_ok(
        "openssl",
        &[
            "pkey",
            "-in",
            &srv.join("web.key").to_string_lossy(),
            "-noout",
            "-text",
        ],
    );
    assert!(key.contains("2048 bit"), "{key}");

    loud.push(fleet.install(&["-vvv"]));
    let again = &loud[1];
    assert_unchanged(again, &hosts, "install_certificates.yml again");
    let deploy = task(again, "Each certificate deployed with its saved profile");
    assert!(
        deploy.contains("ok: [alpha] => (item=Prod/web)"),
        "the saved profile not used:\n{deploy}"
    );
    assert_unchanged(
        &fleet.collect(&[]),
        &hosts,
        "collect_csr.yml after the install",
    );

    for run in &loud {
        assert!(
            !run.out.contains(&fleet.password),
            "the key password in -vvv output"
        );
    }

    // Renewal: the same round trip from `request renew`, the new request
    // inheriting the deploy profile.
    let renew = fleet.module(
        "alpha",
        "ansible.builtin.command",
        "{{ cleocps_binary }} --workspace {{ cleocps_workspace }} request renew Prod/web --name web-2",
    );
    assert!(renew.ok, "{}", renew.out);
    fleet.host("alpha").vars = certificates("alpha", &[("Prod", "web-2", "web"), ALPHA[1]]);
    fleet.write_inventory(&common(&support::bin(), &[&ca.root]));
    let collect = fleet.collect(&[]);
    assert_ran(&collect, "collect_csr.yml for the renewal");
    assert_eq!(collect.count("alpha", "changed"), 2, "{}", collect.out);
    answer(&fleet, &ca, "alpha--Prod--web-2", false);
    let install = fleet.install(&[]);
    assert_ran(&install, "install_certificates.yml for the renewal");
    let alpha_ws = fleet.hosts[0].workspace.clone();
    assert_eq!(state_of(&alpha_ws, "Prod/web-2"), "certificate_imported");
    let renewed: Value =
        serde_json::from_str(&ok(&alpha_ws, &["--json", "request", "show", "Prod/web-2"]))
            .expect("show");
    let served = support::tool_ok(
        "openssl",
        &[
            "x509",
            "-in",
            &srv.join("web.pem").to_string_lossy(),
            "-noout",
            "-serial",
        ],
    );
    let serial = renewed["certificate"]["serial"].as_str().unwrap_or("?");
    assert_eq!(
        served.trim(),
        format!("serial={serial}"),
        "the renewal not deployed"
    );
    assert_unchanged(
        &fleet.install(&[]),
        &hosts,
        "install_certificates.yml after the renewal",
    );

    let left = files_holding(tmp.path(), fleet.password.as_bytes());
    assert!(left.is_empty(), "the key password left in {left:?}");
}

#[test]
fn a_host_whose_import_fails_fails_alone_with_cleocps_message() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let ca_dir = tmp.path().join("ca");
    let other_dir = tmp.path().join("other-ca");
    std::fs::create_dir_all(&ca_dir).expect("ca dir");
    std::fs::create_dir_all(&other_dir).expect("other ca dir");
    let (ca, other) = (TestCa::new(&ca_dir), TestCa::new(&other_dir));
    let mut fleet = Fleet::new(tmp.path(), &["alpha", "beta"]);
    fleet.host("alpha").vars = certificates("alpha", &ALPHA[..1]);
    fleet.host("beta").vars = certificates("beta", &BETA[..1]);
    fleet.write_inventory(&common(&support::bin(), &[&ca.root]));
    assert_ran(&fleet.collect(&[]), "collect_csr.yml");

    // beta is given alpha's certificate: for another key.
    answer(&fleet, &ca, "alpha--Prod--web", false);
    std::fs::copy(
        fleet.dir.join("certs/alpha--Prod--web.pem"),
        fleet.dir.join("certs/beta--Prod--web.pem"),
    )
    .expect("copy");
    let run = fleet.install(&[]);
    assert!(!run.ok, "a failed host fails the run");
    assert_eq!(run.count("beta", "failed"), 1, "{}", run.out);
    assert_eq!(run.count("alpha", "failed"), 0, "{}", run.out);
    assert_eq!(
        verdicts(&run),
        ["alpha"],
        "alpha's run did not complete:\n{}",
        run.out
    );
    let beta_ws = fleet.hosts[1].workspace.clone();
    let alpha_ws = fleet.hosts[0].workspace.clone();
    assert_eq!(state_of(&alpha_ws, "Prod/web"), "certificate_imported");
    assert_eq!(state_of(&beta_ws, "Prod/web"), "request_generated");
    assert_message(
        &run,
        &beta_ws,
        &fleet.dir.join("certs/beta--Prod--web.pem"),
        &ca.root,
    );

    // beta's own certificate, but a trust anchor that is not its CA's.
    std::fs::remove_file(fleet.dir.join("certs/beta--Prod--web.pem")).expect("rm");
    answer(&fleet, &ca, "beta--Prod--web", false);
    fleet.write_inventory(&common(&support::bin(), &[&other.root]));
    let run = fleet.install(&[]);
    assert_eq!(run.count("beta", "failed"), 1, "{}", run.out);
    assert_eq!(run.count("alpha", "failed"), 0, "{}", run.out);
    assert_eq!(run.count("alpha", "changed"), 0, "{}", run.out);
    assert_eq!(state_of(&beta_ws, "Prod/web"), "request_generated");
    assert_message(
        &run,
        &beta_ws,
        &fleet.dir.join("certs/beta--Prod--web.pem"),
        &other.root,
    );
}

/// What a run printed for one task.
fn task<'a>(run: &'a Run, name: &str) -> &'a str {
    let after = run
        .out
        .split(&format!("TASK [{name}]"))
        .nth(1)
        .unwrap_or("");
    let end = after
        .find("TASK [")
        .or_else(|| after.find("PLAY RECAP"))
        .unwrap_or(after.len());
    &after[..end]
}

/// The hosts whose run went to its end: the check verdict reported.
fn verdicts(run: &Run) -> Vec<String> {
    task(run, "The check verdict")
        .lines()
        .filter_map(|l| l.strip_prefix("ok: ["))
        .filter_map(|l| l.split(']').next())
        .map(str::to_string)
        .collect()
}

/// The run shows, as the failure of its host, the very message cleocps
/// gives for that import.
fn assert_message(run: &Run, ws: &Path, answer: &Path, anchor: &Path) {
    let direct = cleo(
        ws,
        &[
            "response",
            "import",
            "Prod/web",
            &answer.to_string_lossy(),
            "--trust-anchor",
            &anchor.to_string_lossy(),
        ],
    );
    assert_eq!(direct.status.code(), Some(1));
    let message = String::from_utf8_lossy(&direct.stderr)
        .trim()
        .trim_start_matches("cleocps: ")
        .to_string();
    assert!(!message.is_empty());
    let shown = serde_json::to_string(&message).expect("json");
    let shown = shown.trim_matches('"');
    assert!(
        run.out.contains(shown),
        "cleocps's message {message:?} not in the run:\n{}",
        run.out
    );
}

/// Removes the package this test installed, whatever happens.
struct Uninstall;

impl Drop for Uninstall {
    fn drop(&mut self) {
        let _ = std::process::Command::new("dpkg")
            .args(["--purge", "cleocps"])
            .output();
    }
}

#[test]
fn the_package_installs_cleocps_on_a_host_that_lacks_it() {
    // The host is this machine: the package goes to /usr/bin. Only where the
    // machine is there for it (CI, as root); elsewhere the test says so.
    let root = support::tool_ok("id", &["-u"]).trim() == "0";
    if std::env::var("CI").as_deref() != Ok("true") || !root {
        eprintln!("skipped: installs a package on this machine; runs under CI=true as root");
        return;
    }
    let installed = Path::new("/usr/bin/cleocps");
    assert!(
        !installed.exists(),
        "{} is already there: nothing to prove",
        installed.display()
    );
    let deb = &support::packages::built().deb;
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut fleet = Fleet::new(tmp.path(), &["gamma"]);
    fleet.host("gamma").vars = format!(
        "      cleocps_binary: {}\n      cleocps_package: {}\n{}",
        installed.display(),
        deb.display(),
        certificates("gamma", &ALPHA[..1])
    );
    fleet.write_inventory(&common(&support::bin(), &[]));
    let _uninstall = Uninstall;
    let run = fleet.collect(&[]);
    assert_ran(&run, "collect_csr.yml with cleocps_package");
    let version = support::tool_ok(&installed.to_string_lossy(), &["--version"]);
    assert!(version.starts_with("cleocps "), "{version}");
    assert_eq!(
        state_of(&fleet.hosts[0].workspace, "Prod/web"),
        "request_generated"
    );
    assert!(fleet.dir.join("csr/gamma--Prod--web.csr").is_file());
    assert_unchanged(
        &fleet.collect(&[]),
        &["gamma"],
        "collect_csr.yml, installed",
    );
}
