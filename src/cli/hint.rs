//! The command that does what an error says is missing. The core's
//! messages name the steps of the procedure, as both fronts show them; the
//! CLI adds its own way there ("faites d'abord l'Étape 1 … (cleocps keys
//! generate)"), which the TUI must not show.

use cleocps_core::deploy::DeployError;
use cleocps_core::error::Error;

/// `msg` with the command that fixes `e`, when there is one.
pub fn with_command(e: &Error, msg: String) -> String {
    match command(e) {
        Some(cmd) => format!("{msg} ({cmd})"),
        None => msg,
    }
}

fn command(e: &Error) -> Option<&'static str> {
    let id = match e {
        Error::Refused(r) => r.reason_id(),
        Error::FormIncomplete(_) => return Some("cleocps request edit"),
        Error::Deploy(DeployError::Expired(_)) => return Some("cleocps request renew"),
        Error::Deploy(DeployError::KeyNotEncrypted) => return Some("cleocps keys password"),
        Error::WizardHoldsKeyPassword => return Some("cleocps wizard --resume"),
        _ => return None,
    };
    Some(match id {
        "refuse.need_keys" => "cleocps keys generate",
        "refuse.need_request" => "cleocps request generate",
        "refuse.need_send" => "cleocps request send",
        "refuse.need_certificate" => "cleocps response import",
        "refuse.rejected" => "cleocps request renew",
        _ => return None,
    })
}

/// `word` as one shell word: as it is when the shell leaves it whole,
/// else between double quotes, as the hints show it: "Clinique du Test/srv.fr".
pub fn shell_word(word: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "-_./:@%+,=".contains(c);
    if !word.is_empty() && word.chars().all(plain) {
        return word.to_string();
    }
    format!(
        "\"{}\"",
        word.replace('\\', "\\\\")
            .replace('"', "\\\"")
            .replace('$', "\\$")
            .replace('`', "\\`")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use cleocps_core::request::{Action, State};

    #[test]
    fn a_name_with_spaces_is_one_quoted_shell_word() {
        assert_eq!(shell_word("CleoWizard/Demande_1"), "CleoWizard/Demande_1");
        assert_eq!(
            shell_word("Clinique du Test/srv.clinique-test.fr"),
            "\"Clinique du Test/srv.clinique-test.fr\""
        );
        assert_eq!(shell_word("a\"$b"), "\"a\\\"\\$b\"");
    }

    #[test]
    fn refusals_name_the_command_that_fixes_them() {
        let refused = State::New.check(Action::GenerateRequest, None);
        let e = Error::Refused(refused.expect_err("refused"));
        let msg = with_command(&e, "x".into());
        assert_eq!(msg, "x (cleocps keys generate)");
        let e = Error::FolderNotFound("F".into());
        assert_eq!(with_command(&e, "x".into()), "x");
    }

    #[test]
    fn operations_name_their_command_here_not_in_the_core() {
        use cleocps_core::deploy::DeployError;
        use cleocps_core::i18n::Lang;
        for (e, cmd) in [
            (
                Error::Deploy(DeployError::Expired("2026-01-01".into())),
                "cleocps request renew",
            ),
            (
                Error::Deploy(DeployError::KeyNotEncrypted),
                "cleocps keys password",
            ),
            (Error::WizardHoldsKeyPassword, "cleocps wizard --resume"),
        ] {
            for lang in [Lang::Fr, Lang::En] {
                let text = e.localize(lang);
                // The TUI shows the core's text: no command in it.
                assert!(!text.contains("cleocps "), "{text}");
                let msg = with_command(&e, text.clone());
                assert_eq!(msg, format!("{text} ({cmd})"));
            }
        }
    }
}
