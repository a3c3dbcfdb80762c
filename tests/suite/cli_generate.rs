//! Generated from the CLI definition (DESIGN §9a): shell completions, man
//! pages, and `--version` naming the git revision of a checkout.

use crate::support;

use std::process::Command;
use support::*;

fn run_cleocps(args: &[&str]) -> String {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = output(cleocps(tmp.path()).args(args));
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf8")
}

#[test]
fn version_names_the_git_revision_of_a_checkout() {
    let rev = Command::new("git")
        .args([
            "-C",
            env!("CARGO_MANIFEST_DIR"),
            "rev-parse",
            "--short",
            "HEAD",
        ])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string());
    let expected = match rev {
        Some(r) => format!("cleocps {} ({r})\n", env!("CARGO_PKG_VERSION")),
        None => format!("cleocps {}\n", env!("CARGO_PKG_VERSION")),
    };
    assert_eq!(run_cleocps(&["--version"]), expected);
}

/// What bash offers after `words` (the last one being completed), with the
/// script `cleocps completions bash` printed, loaded in a real bash.
fn bash_offers(script: &std::path::Path, words: &[&str]) -> Vec<String> {
    let line = words.join(" ");
    let program = format!(
        "source '{}'\n\
         COMP_WORDS=({line})\n\
         COMP_CWORD={}\n\
         COMP_LINE='{line}'\n\
         COMP_POINT=${{#COMP_LINE}}\n\
         _cleocps cleocps '{}' '{}'\n\
         printf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
        script.display(),
        words.len() - 1,
        words[words.len() - 1],
        words[words.len() - 2],
    );
    tool_ok("bash", &["--norc", "-c", &program])
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn bash_completion_offers_the_commands_and_values() {
    let tmp = tempfile::tempdir().expect("tmp");
    let script = tmp.path().join("cleocps.bash");
    std::fs::write(&script, run_cleocps(&["completions", "bash"])).expect("write");
    tool_ok("bash", &["-n", &script.to_string_lossy()]);
    let offers = bash_offers(&script, &["cleocps", "st"]);
    assert!(offers.contains(&"status".to_string()), "{offers:?}");
    let offers = bash_offers(&script, &["cleocps", "keys", "pa"]);
    assert_eq!(offers, ["password"]);
    let offers = bash_offers(&script, &["cleocps", "check", "--format", ""]);
    for f in ["nagios", "json", "prometheus"] {
        assert!(offers.contains(&f.to_string()), "{offers:?}");
    }
}

#[test]
fn zsh_and_fish_scripts_are_generated() {
    // zsh and fish are not on the test machines: the scripts' own markers
    // and every subcommand are checked, not their execution.
    let zsh = run_cleocps(&["completions", "zsh"]);
    assert!(zsh.starts_with("#compdef cleocps"), "{}", &zsh[..40]);
    let fish = run_cleocps(&["completions", "fish"]);
    assert!(fish.contains("complete -c cleocps"));
    for sub in ["status", "check", "completions", "manpage", "password"] {
        assert!(zsh.contains(sub) && fish.contains(sub), "{sub}");
    }
    let tmp = tempfile::tempdir().expect("tmp");
    let out = output(cleocps(tmp.path()).args(["completions", "powershell"]));
    assert_eq!(out.status.code(), Some(2));
}

/// A man page rendered by groff as `man` does (`-k`: UTF-8 input), with every warning on.
fn render(page: &std::path::Path) -> String {
    let out = output(
        Command::new("groff")
            .args(["-k", "-man", "-Tutf8", "-ww", "-P-cbou"])
            .arg(page),
    );
    let warnings = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && warnings.is_empty(), "{warnings}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn man_pages_render_with_groff() {
    let tmp = tempfile::tempdir().expect("tmp");
    let page = tmp.path().join("cleocps.1");
    let text = run_cleocps(&["manpage"]);
    assert!(text.contains(".TH cleocps 1"), "{}", &text[..200]);
    std::fs::write(&page, text).expect("write");
    let shown = render(&page);
    assert!(
        shown.contains("NAME") && shown.contains("cleocps-status(1)"),
        "{shown}"
    );
    // Every subcommand gets its page with --out.
    let dir = tmp.path().join("man");
    run_cleocps(&["manpage", "--out", &dir.to_string_lossy()]);
    let shown = render(&dir.join("cleocps-keys-password.1"));
    assert!(shown.contains("--new-key-password-file"), "{shown}");
    let shown = render(&dir.join("cleocps-check.1"));
    assert!(shown.contains("--critical-days"), "{shown}");
}
