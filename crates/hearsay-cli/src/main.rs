//! `hearsay`: pre-annotate a corpus and score annotation files.
//!
//! A thin shell around `hearsay-core`: argument parsing (clap), files,
//! exit codes. Each command has its module; `files` holds the reading,
//! the directory walk and the output [`files::Sink`] they share.

mod convert;
mod extract;
mod files;
mod learn;
mod score;

use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};

/// Find quotes, claims and denials in news text.
#[derive(Parser)]
#[command(
    name = "hearsay",
    version,
    after_help = "Exit status: 0 ok, 1 some inputs were skipped, 2 usage or fatal error."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Extract(extract::Args),
    Score(score::Args),
    Convert(convert::Args),
    Learn(learn::Args),
}

/// Why a command stopped (both exit with 2).
pub enum Failure {
    /// Bad arguments that clap cannot see: shown with the command's usage.
    Usage(String),
    /// Anything else that stops the command.
    Fatal(String),
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Failure {
        Failure::Fatal(files::io_message(&e))
    }
}

fn main() -> ExitCode {
    // An argument that is not UTF-8 (a Latin-1 file name) is named here,
    // before clap, which would only say that one was. Such files are still
    // read when their folder is given.
    let mut raw = std::env::args_os();
    // The program's own path only names it in messages.
    let program = raw.next().map(|p| p.to_string_lossy().into_owned());
    let mut args: Vec<String> = vec![program.unwrap_or_else(|| "hearsay".to_string())];
    for arg in raw {
        match arg.into_string() {
            Ok(arg) => args.push(arg),
            Err(bad) => {
                eprintln!(
                    "hearsay: the argument {} is not valid UTF-8; rename the file, or give \
                     the folder that holds it",
                    std::path::Path::new(&bad).display()
                );
                return ExitCode::from(2);
            }
        }
    }
    // Usage errors exit with 2, `--help` and `--version` with 0.
    let cli = Cli::try_parse_from(args).unwrap_or_else(|e| e.exit());
    let (name, result) = match cli.command {
        Command::Extract(args) => ("extract", extract::run(args)),
        Command::Score(args) => ("score", score::run(args)),
        Command::Convert(args) => ("convert", convert::run(args)),
        Command::Learn(args) => ("learn", learn::run(args)),
    };
    match result {
        Ok(code) => code,
        Err(Failure::Usage(message)) => {
            let mut cli = Cli::command();
            cli.build();
            let command = cli
                .find_subcommand_mut(name)
                .expect("every command is a subcommand");
            command
                .error(clap::error::ErrorKind::InvalidValue, message)
                .exit()
        }
        Err(Failure::Fatal(message)) => {
            eprintln!("hearsay: {message}");
            ExitCode::from(2)
        }
    }
}
