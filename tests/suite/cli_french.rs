//! French on the command line: `--help` under `LANG=fr_FR.UTF-8` and with
//! `--lang fr` (clap's definition localised from the TEXTS tables), and the
//! journal of `request show` in French.

use crate::support;

use support::*;

fn help(lang_env: Option<&str>, args: &[&str]) -> String {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut cmd = cleocps(tmp.path());
    if let Some(lang) = lang_env {
        cmd.env("LANG", lang)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES");
    }
    let out = output(cmd.args(args));
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn help_reads_in_french_under_a_french_locale_or_lang_fr() {
    for (env, args) in [
        (Some("fr_FR.UTF-8"), &["--help"][..]),
        (Some("en_US.UTF-8"), &["--lang", "fr", "--help"][..]),
    ] {
        let text = help(env, args);
        for french in [
            "Utilisation : cleocps",
            "Commandes",
            "Demandes de certificat",
            "Afficher l'aide",
            "Afficher la version",
            "Étape 1 : la bi-clé RSA",
        ] {
            assert!(text.contains(french), "{french} in {text}");
        }
        for english in [
            "Usage:",
            "Print help",
            "Print version",
            "Certificate requests",
            "possible values",
            "Print this message",
        ] {
            assert!(!text.contains(english), "{english} in {text}");
        }
    }
    let create = help(Some("fr_FR.UTF-8"), &["request", "create", "--help"]);
    assert!(
        create.contains("Créer une demande : DOSSIER/NOM"),
        "{create}"
    );
    assert!(
        create
            .contains("- org-auth-cli — ORG AUTH_CLI : un service qui s'authentifie comme client"),
        "{create}"
    );
    assert!(!create.contains("Possible values"), "{create}");
    // English stays as written.
    let english = help(
        Some("fr_FR.UTF-8"),
        &["--lang", "en", "request", "create", "--help"],
    );
    assert!(
        english.contains("Usage: cleocps request create"),
        "{english}"
    );
    assert!(
        english.contains("org-auth-cli: ORG AUTH_CLI: a service authenticating"),
        "{english}"
    );
}

#[test]
fn the_journal_reads_in_french() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    let path = prepared_request(
        &ws,
        "r",
        "ssl",
        &["--no-key-password"],
        &["--cn", "srv.clinique-test.fr"],
    );
    ok(&ws, &["request", "generate", &path, "--csr-only"]);
    let show = |lang: &str| {
        let out = output(
            cleocps(tmp.path())
                .arg("--workspace")
                .arg(&ws)
                .args(["--lang", lang, "request", "show", &path]),
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let fr = show("fr");
    for french in [
        "clés générées RSA 2048 bits, clé en clair",
        "formulaire modifié fait",
        "demande générée demande PKCS#10 seule (plateforme)",
    ] {
        assert!(fr.contains(french), "{french} in {fr}");
    }
    for english in ["keys_generate", "clear", "csr-only", " ok"] {
        assert!(!fr.contains(english), "{english} in {fr}");
    }
    // The file and English keep the codes scripts read.
    let en = show("en");
    assert!(en.contains("keys_generate RSA 2048 clear"), "{en}");
    assert!(en.contains("request_generate csr-only"), "{en}");
}
