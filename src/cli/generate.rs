//! Files generated from the CLI definition itself, so they never disagree
//! with it: shell completions (clap_complete) and man pages (clap_mangen).

use clap::{Args, CommandFactory, ValueEnum};
use cleocps_core::error::{Error, Result};
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ShellArg {
    Bash,
    Zsh,
    Fish,
}

#[derive(Debug, Clone, Args)]
pub struct ManpageArgs {
    /// Write cleocps.1 and one page per subcommand (cleocps-keys-password.1…) into DIR
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

/// Prints the completion script for `shell` on stdout.
pub fn completions(shell: ShellArg) -> Result<i32> {
    let shell = match shell {
        ShellArg::Bash => clap_complete::Shell::Bash,
        ShellArg::Zsh => clap_complete::Shell::Zsh,
        ShellArg::Fish => clap_complete::Shell::Fish,
    };
    let mut cmd = super::Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "cleocps", &mut buf);
    print_bytes(&buf)?;
    Ok(0)
}

/// Prints cleocps(1) on stdout, or writes every page into `--out`.
pub fn manpage(args: &ManpageArgs) -> Result<i32> {
    let cmd = super::Cli::command();
    match &args.out {
        Some(dir) => {
            // Man pages are public documentation: the usual modes, not 0700.
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
            clap_mangen::generate_to(cmd, dir).map_err(|e| Error::io(dir, e))?;
        }
        None => {
            let mut buf = Vec::new();
            clap_mangen::Man::new(cmd)
                .render(&mut buf)
                .map_err(|e| Error::io("-", e))?;
            print_bytes(&buf)?;
        }
    }
    Ok(0)
}

/// To stdout; a reader that stopped early (`| head`) is not an error.
fn print_bytes(buf: &[u8]) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(buf).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::io("-", e)),
        _ => Ok(()),
    }
}
