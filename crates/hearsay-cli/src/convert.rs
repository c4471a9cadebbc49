//! `hearsay convert`: hearsay exports to other tools' formats and back.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use hearsay_core::format::DocumentReview;
use hearsay_core::interop::{self, InputFile, Output, Source, Target};

use crate::Failure;
use crate::files::{self, Input, io_message, load_export, write_whole};

/// Convert annotations between hearsay and other tools' formats.
///
/// --to writes the hearsay export IN.json in another format (brat: -o
/// FOLDER, or -o FILE.zip): what people decided, never an undecided
/// suggestion as a decision (label-studio, brat and csv carry each
/// annotation's review status; doccano, prodigy and web-annotation write
/// only decided annotations and leave out documents nobody reviewed).
/// --to FORMAT --pre-annotations writes the suggestions too, for review in
/// that tool. --from reads doccano JSONL, Label Studio JSON or brat files
/// (.txt/.ann pairs, folders of them, or .zip) into one hearsay export.
#[derive(clap::Args)]
#[group(skip)]
#[command(group(clap::ArgGroup::new("direction").required(true).args(["to", "from"])))]
pub struct Args {
    /// Write the hearsay export IN.json in FORMAT
    #[arg(long, value_name = "FORMAT", value_parser = targets())]
    to: Option<Target>,
    /// With --to doccano, doccano-relations, prodigy or web-annotation:
    /// write pre-annotations (every annotation not rejected, suggestions
    /// included, in every document) for review in that tool, instead of
    /// what people decided
    #[arg(long, conflicts_with = "from")]
    pre_annotations: bool,
    /// Read files in FORMAT into one hearsay export
    #[arg(long, value_name = "FORMAT", value_parser = sources())]
    from: Option<Source>,
    /// Write to OUT instead of standard output (under a temporary name,
    /// renamed when done)
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    /// One hearsay export (--to), or the files to read (--from); - for
    /// standard input
    #[arg(value_name = "IN")]
    inputs: Vec<PathBuf>,
}

/// `--to` takes the core's names of its targets.
fn targets() -> impl TypedValueParser<Value = Target> {
    PossibleValuesParser::new(Target::ALL.map(Target::as_str))
        .map(|name| Target::from_name(&name).expect("a listed target"))
}

/// `--from` takes the core's names of its sources.
fn sources() -> impl TypedValueParser<Value = Source> {
    PossibleValuesParser::new(Source::ALL.map(Source::as_str))
        .map(|name| Source::from_name(&name).expect("a listed source"))
}

pub fn run(args: Args) -> Result<ExitCode, Failure> {
    let output = args.output.as_deref();
    match (args.to, args.from) {
        (Some(target), _) => {
            let content = if args.pre_annotations {
                Content::PreAnnotations
            } else {
                Content::Decisions
            };
            to(target, content, &args.inputs, output)
        }
        (None, Some(source)) => from(source, &args.inputs, output),
        // clap's group requires one of them: this is a safety net.
        (None, None) => Err(Failure::Usage(
            "convert needs --to FORMAT or --from FORMAT".to_string(),
        )),
    }
}

/// What `--to` writes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Content {
    /// What people decided (`interop::export`).
    Decisions,
    /// `--pre-annotations` (`interop::export_pre_annotations`).
    PreAnnotations,
}

fn to(
    target: Target,
    content: Content,
    paths: &[PathBuf],
    output: Option<&Path>,
) -> Result<ExitCode, Failure> {
    if content == Content::PreAnnotations && !target.has_pre_annotations() {
        let with: Vec<&str> = Target::ALL
            .into_iter()
            .filter(|t| t.has_pre_annotations())
            .map(Target::as_str)
            .collect();
        return Err(Failure::Usage(format!(
            "--to {} already writes every annotation with its review status, so it has no \
             --pre-annotations export (that is for {})",
            target.as_str(),
            with.join(", ")
        )));
    }
    let [input] = paths else {
        return Err(Failure::Usage(format!(
            "convert --to needs exactly one hearsay export IN.json (got {})",
            paths.len()
        )));
    };
    let export = load_export(input)?;
    let unreviewed = export
        .documents
        .iter()
        .filter(|d| d.review() == DocumentReview::Unreviewed)
        .count();
    if content == Content::Decisions && target.has_pre_annotations() && unreviewed > 0 {
        eprintln!(
            "hearsay: note: {unreviewed} of {} documents have no decision in them and are left \
             out of the {} export (--pre-annotations writes the suggestions, for review there)",
            export.documents.len(),
            target.as_str()
        );
    }
    let written = match content {
        Content::Decisions => interop::export(&export, target),
        Content::PreAnnotations => interop::export_pre_annotations(&export, target)
            .expect("has_pre_annotations was checked"),
    };
    match written {
        Output::Text(mut text) => {
            if !text.ends_with('\n') && !text.is_empty() {
                text.push('\n');
            }
            write_whole(output, text.as_bytes())?;
        }
        Output::Files(files) => {
            let Some(out) = output else {
                return Err(Failure::Usage(format!(
                    "--to {} writes several files: give -o FOLDER or -o FILE.zip",
                    target.as_str()
                )));
            };
            if files::has_extension(out, &["zip"]) {
                write_whole(Some(out), &interop::zip::write(&files))?;
            } else {
                write_folder(out, &files)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes `files` into the folder `dir`, made if missing, each through its
/// own [`files::Sink`]: every file appears whole or not at all (a failure half-way
/// leaves the files written before it).
fn write_folder(dir: &Path, files: &[(String, Vec<u8>)]) -> Result<(), Failure> {
    fs::create_dir_all(dir).map_err(|e| {
        Failure::Fatal(format!(
            "cannot create {}: {}",
            dir.display(),
            io_message(&e)
        ))
    })?;
    for (name, bytes) in files {
        write_whole(Some(&dir.join(name)), bytes)?;
    }
    Ok(())
}

fn from(source: Source, paths: &[PathBuf], output: Option<&Path>) -> Result<ExitCode, Failure> {
    if paths.is_empty() {
        return Err(Failure::Usage(format!(
            "convert --from {} needs at least one input file",
            source.as_str()
        )));
    }
    let mut read: Vec<(String, Vec<u8>)> = Vec::new();
    let mut add = |input: Input| -> Result<(), Failure> {
        let name = input.label();
        let bytes = input
            .read_bytes()
            .map_err(|m| Failure::Fatal(format!("{name}: {m}")))?;
        read.push((name, bytes));
        Ok(())
    };
    for path in paths {
        if !path.is_dir() {
            add(Input::from_arg(path))?;
            continue;
        }
        let name = path.display();
        if source != Source::Brat {
            return Err(Failure::Fatal(format!(
                "{name}: is a directory (only brat reads folders)"
            )));
        }
        let (found, walked) = files::walk(path, None);
        walked.map_err(|e| Failure::Fatal(format!("{name}: {}", io_message(&e))))?;
        for file in found {
            add(Input::File(file))?;
        }
    }
    let inputs: Vec<InputFile<'_>> = read
        .iter()
        .map(|(name, bytes)| InputFile { name, bytes })
        .collect();
    let export = interop::import(source, &inputs).map_err(|e| Failure::Fatal(e.to_string()))?;
    let mut json = export.to_json();
    json.push('\n');
    write_whole(output, json.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
