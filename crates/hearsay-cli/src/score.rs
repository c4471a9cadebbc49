//! `hearsay score`: agreement of one export with another.

use std::path::PathBuf;
use std::process::ExitCode;

use hearsay_core::agreement::agreement;

use crate::Failure;
use crate::files::{load_export, write_whole};

/// Score one hearsay export against another.
///
/// Per-label precision, recall and F1 of OTHER against REFERENCE, speaker
/// agreement and Cohen's kappa over sentence labels.
#[derive(clap::Args)]
pub struct Args {
    /// The export taken as right (- for standard input)
    #[arg(value_name = "REFERENCE.json")]
    reference: PathBuf,
    /// The export scored against it
    #[arg(value_name = "OTHER.json")]
    other: PathBuf,
    /// Print the result as JSON
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args) -> Result<ExitCode, Failure> {
    let reference = load_export(&args.reference)?;
    let other = load_export(&args.other)?;
    let result = agreement(&reference, &other);
    let text = if args.json {
        let mut json = serde_json::to_string_pretty(&result)
            .map_err(|e| Failure::Fatal(format!("cannot render the result: {e}")))?;
        json.push('\n');
        json
    } else {
        result.to_string()
    };
    write_whole(None, text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
