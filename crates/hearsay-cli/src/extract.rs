//! `hearsay extract`: analyse files and write an export as it goes.

use std::fs;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use hearsay_core::format::{Document, ExportWriter, Layout};
use hearsay_core::html::html_to_text;
use hearsay_core::models::Unobserved;
use hearsay_core::{Config, analyze_with, statements};

use crate::Failure;
use crate::files::{self, Input, Sink, TEXT_EXTENSIONS};

/// Analyse files and write a hearsay export (JSON) or per-sentence training
/// lines (JSONL).
///
/// A JSON export of two or more files ends with the statements they share
/// (one speaker's one statement in several of them); JSONL lines, written
/// as each file is analysed, do not name them (`hearsay convert` of the
/// JSON export to JSONL or CSV does).
///
/// HTML is reduced to its text. A file that cannot be read is named on
/// standard error and skipped; the others are still exported (exit 1).
#[derive(clap::Args)]
pub struct Args {
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// Export the texts only (no sentences, no suggestions), to annotate
    /// from scratch
    #[arg(long)]
    no_suggestions: bool,
    /// Suggest with the model bundle FILE (one `hearsay learn` wrote)
    /// instead of the shipped models
    #[arg(long, value_name = "FILE")]
    models: Option<PathBuf>,
    /// Print documents, megabytes, time, MB/s and peak memory on standard
    /// error
    #[arg(long)]
    stats: bool,
    /// Write to FILE instead of standard output (under a temporary name,
    /// renamed when done)
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// A file, a folder (searched recursively for .txt, .md, .html and .htm
    /// files, in sorted order) or - for standard input
    #[arg(value_name = "PATH", required = true)]
    paths: Vec<PathBuf>,
}

/// Output format of `extract`.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// The hearsay JSON export
    Json,
    /// One JSON line per sentence, for training
    Jsonl,
}

pub fn run(args: Args) -> Result<ExitCode, Failure> {
    let bundle = files::load_bundle(args.models.as_deref())?;
    let models_id = bundle.id();
    let (inputs, mut skipped) = inputs(&args.paths);
    let config = Config::default();
    let started = Instant::now();
    let mut bytes_in = 0usize;
    let layout = match args.format {
        Format::Json => Layout::Json,
        Format::Jsonl => Layout::Jsonl,
    };
    // Documents are written as they are analysed: memory holds one
    // document, never the whole corpus.
    let mut writer = ExportWriter::new(Sink::open(args.output.as_deref())?, layout)?;
    // What statement grouping needs of each document (speaker keys and
    // terms, not texts): a JSON export of two or more documents ends with
    // the statements they share.
    let mut candidates = Vec::new();
    for input in &inputs {
        let label = input.label();
        let text = match input.read_text() {
            Ok(text) => text,
            Err(message) => {
                eprintln!("hearsay: skipping {label}: {message}");
                skipped = true;
                continue;
            }
        };
        bytes_in += text.len();
        let text = if input.is_html(&text) {
            html_to_text(&text)
        } else {
            text
        };
        let id = format!("d{}", writer.documents() + 1);
        let document = if args.no_suggestions {
            Document::from_analysis(&id, &label, &text, &Default::default())
        } else {
            let analysis = std::panic::AssertUnwindSafe(|| {
                analyze_with(&text, &config, bundle.models(), &mut Unobserved).0
            });
            match std::panic::catch_unwind(analysis) {
                Ok(analysis) => Document {
                    models: Some(models_id.clone()),
                    ..Document::from_analysis(&id, &label, &text, &analysis)
                },
                Err(payload) => {
                    let why = payload
                        .downcast_ref::<&str>()
                        .map(|s| s.to_string())
                        .or_else(|| payload.downcast_ref::<String>().cloned())
                        .unwrap_or_default();
                    eprintln!("hearsay: skipping {label}: the extractor failed on it ({why})");
                    skipped = true;
                    continue;
                }
            }
        };
        drop(text);
        if layout == Layout::Json {
            candidates.extend(statements::candidates(&document));
        }
        writer.document(&document)?;
        if writer.get_mut().closed() {
            // The reader went away (`| head`): nothing more to do.
            break;
        }
    }
    let count = writer.documents();
    let found = if count >= 2 {
        statements::group(&candidates)
    } else {
        Vec::new()
    };
    let mut sink = writer.finish_with(&found)?;
    if layout == Layout::Json {
        sink.write_all(b"\n")?;
    }
    sink.finish()?;
    if args.stats {
        let secs = started.elapsed().as_secs_f64();
        let mb = bytes_in as f64 / 1e6;
        let peak = peak_memory_mb().map_or_else(|| "unknown".to_string(), |m| format!("{m:.0} MB"));
        eprintln!(
            "hearsay: {count} document{}, {mb:.1} MB in {secs:.2} s ({:.1} MB/s), peak memory {peak}",
            if count == 1 { "" } else { "s" },
            mb / secs.max(1e-9),
        );
    }
    Ok(if skipped {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The inputs `paths` name, folders expanded; true if some were skipped
/// (each named on standard error).
fn inputs(paths: &[PathBuf]) -> (Vec<Input>, bool) {
    let mut skipped = false;
    let mut inputs = Vec::new();
    for path in paths {
        let input = Input::from_arg(path);
        let Input::File(_) = input else {
            inputs.push(input);
            continue;
        };
        let name = path.display();
        match fs::metadata(path) {
            Ok(m) if m.is_dir() => {
                let (found, walked) = files::walk(path, Some(TEXT_EXTENSIONS));
                if let Err(e) = walked {
                    eprintln!("hearsay: skipping part of {name}: {e}");
                    skipped = true;
                }
                if found.is_empty() {
                    eprintln!("hearsay: note: no .txt, .md or .html files in {name}");
                }
                inputs.extend(found.into_iter().map(Input::File));
            }
            Ok(_) => inputs.push(input),
            Err(e) => {
                eprintln!("hearsay: skipping {name}: {}", files::io_message(&e));
                skipped = true;
            }
        }
    }
    (inputs, skipped)
}

/// The process's peak resident memory in MB, where the system tells it
/// (Linux: `VmHWM` in `/proc/self/status`).
fn peak_memory_mb() -> Option<f64> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024.0 / 1e6)
}
