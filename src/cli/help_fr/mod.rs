//! The command line's help in French: each text of the clap definition
//! (its doc comments) is found by its English wording, so `--help` reads
//! in the user's language without a second definition to keep in step.

use crate::i18n::Lang;
// The tables of help texts sit with the binary's other texts.
use crate::texts::HELP_FR as TABLES;
use clap::Command;

/// Headings and usage line of clap's help, in French.
const TEMPLATE_FR: &str =
    "{before-help}{about-with-newline}\nUtilisation : {usage}\n\n{all-args}{after-help}";

/// `cmd` with every about and help text in `lang` (English: as written).
pub fn localized(cmd: Command, lang: Lang) -> Command {
    match lang {
        Lang::En => cmd,
        Lang::Fr => {
            // clap adds its `help` subcommands when it builds the tree: they
            // are given their French once built.
            let mut cmd = french(cmd);
            cmd.build();
            help_subcommands(cmd)
        }
    }
}

fn help_subcommands(mut cmd: Command) -> Command {
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        cmd = if name == "help" {
            cmd.mut_subcommand(name, |s| {
                s.about("Afficher ce message ou l'aide des sous-commandes données")
            })
        } else {
            cmd.mut_subcommand(name, help_subcommands)
        };
    }
    cmd
}

/// The French of an English help text, when the tables have it.
pub fn french_of(english: &str) -> Option<&'static str> {
    TABLES
        .iter()
        .flat_map(|table| table.iter())
        .find(|t| t.en == english)
        .map(|t| t.fr)
}

fn french(mut cmd: Command) -> Command {
    let about = cmd.get_about().map(|s| s.to_string());
    if let Some(fr) = about.as_deref().and_then(french_of) {
        cmd = cmd.about(fr);
    }
    let long = cmd.get_long_about().map(|s| s.to_string());
    if let Some(fr) = long.as_deref().and_then(french_of) {
        cmd = cmd.long_about(fr);
    }
    let ids: Vec<clap::Id> = cmd.get_arguments().map(|a| a.get_id().clone()).collect();
    for id in ids {
        cmd = cmd.mut_arg(id, french_arg);
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        cmd = cmd.mut_subcommand(name, french);
    }
    if cmd.get_version().is_some() {
        cmd = cmd.disable_version_flag(true).arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version)
                .help("Afficher la version")
                .help_heading("Options"),
        );
    }
    cmd.help_template(TEMPLATE_FR)
        .subcommand_help_heading("Commandes")
        .disable_help_flag(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help("Afficher l'aide")
                .help_heading("Options"),
        )
}

/// One argument in French: its help, its heading, and its possible values
/// (clap would name them in English) written into the help.
fn french_arg(a: clap::Arg) -> clap::Arg {
    let heading = if a.is_positional() {
        "Arguments"
    } else {
        "Options"
    };
    let mut help = a
        .get_help()
        .map(|s| s.to_string())
        .map(|h| french_of(&h).map_or(h, str::to_string))
        .unwrap_or_default();
    let values: Vec<(String, Option<String>)> = a
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| {
            (
                v.get_name().to_string(),
                v.get_help().map(|h| h.to_string()),
            )
        })
        .collect();
    let a = a.help_heading(heading);
    if values.is_empty() || !a.get_action().takes_values() || a.is_hide_possible_values_set() {
        return a.help(help);
    }
    if values.iter().any(|(_, h)| h.is_some()) {
        for (name, value_help) in &values {
            let value_help = value_help.as_deref().unwrap_or("");
            let fr = french_of(value_help).unwrap_or(value_help);
            help.push_str(&format!("\n- {name} — {fr}"));
        }
    } else {
        let names: Vec<&str> = values.iter().map(|(n, _)| n.as_str()).collect();
        help.push_str(&format!(" [valeurs possibles : {}]", names.join(", ")));
    }
    a.help(help).hide_possible_values(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every text of the definition has its French: a new option without
    /// one fails here.
    #[test]
    fn every_help_text_has_its_french() {
        fn walk(c: &Command, missing: &mut Vec<String>) {
            let texts = c
                .get_about()
                .into_iter()
                .chain(c.get_long_about())
                .chain(c.get_arguments().filter_map(|a| a.get_help()))
                .map(|s| s.to_string())
                .chain(c.get_arguments().flat_map(|a| {
                    a.get_possible_values()
                        .iter()
                        .filter_map(|v| v.get_help().map(|h| h.to_string()))
                        .collect::<Vec<_>>()
                }));
            missing.extend(texts.filter(|t| french_of(t).is_none()));
            for s in c.get_subcommands() {
                walk(s, missing);
            }
        }
        let mut missing = Vec::new();
        walk(&crate::cli::args::Cli::command(), &mut missing);
        assert_eq!(missing, Vec::<String>::new());
    }
}
