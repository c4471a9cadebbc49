//! `hearsay learn`: adapt the models to every decision in reviewed exports,
//! with the very code the page learns with (`hearsay_core::learn`).

use std::path::PathBuf;
use std::process::ExitCode;

use hearsay_core::learn::lessons_of_document;

use crate::Failure;
use crate::files::{load_bundle, load_export, write_whole};

/// Adapt the models to the decisions in reviewed hearsay exports and write
/// the adapted model bundle.
///
/// Reads every accepted, rejected and annotator-made annotation and every
/// speaker (at its speaker_span when given, else at the nearest mention of
/// its name), document by document in order; suggestions still waiting
/// teach nothing. The same decisions in the same order give the same
/// bundle, byte for byte. Use the bundle with `hearsay extract --models
/// FILE`, `hearsay.analyze(..., models=FILE)` or the page's "Import
/// models".
#[derive(clap::Args)]
pub struct Args {
    /// Start from this model bundle instead of the shipped models
    #[arg(long, value_name = "BASE")]
    models: Option<PathBuf>,
    /// Write the adapted bundle to FILE (under a temporary name, renamed
    /// when done)
    #[arg(short, long, value_name = "FILE", required = true)]
    output: PathBuf,
    /// Reviewed hearsay exports (JSON); - for standard input
    #[arg(value_name = "REVIEWED", required = true)]
    exports: Vec<PathBuf>,
}

pub fn run(args: Args) -> Result<ExitCode, Failure> {
    let mut bundle = load_bundle(args.models.as_deref())?;
    let (mut documents, mut taught, mut lessons) = (0usize, 0usize, 0usize);
    for path in &args.exports {
        let export = load_export(path)?;
        for doc in &export.documents {
            documents += 1;
            let of = lessons_of_document(doc);
            if of.is_empty() {
                continue;
            }
            taught += 1;
            lessons += of.len();
            bundle.learn(&doc.text, &of);
        }
    }
    let bytes = bundle.write();
    write_whole(Some(&args.output), &bytes)?;
    eprintln!(
        "hearsay: learned {lessons} lesson{} from {taught} of {documents} document{} ({} without a decision); wrote {} (models {})",
        if lessons == 1 { "" } else { "s" },
        if documents == 1 { "" } else { "s" },
        documents - taught,
        args.output.display(),
        bundle.id()
    );
    Ok(ExitCode::SUCCESS)
}
