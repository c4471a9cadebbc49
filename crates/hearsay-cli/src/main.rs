//! `hearsay`: pre-annotate a corpus and score annotation files.
//!
//! A thin shell around `hearsay-core`: argument parsing, files, exit codes.
//! Exit codes: 0 success, 1 some inputs were skipped, 2 usage error or an
//! unusable input/output.

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use hearsay_core::agreement::agreement;
use hearsay_core::format::{Document, Export, ExportWriter, Layout};
use hearsay_core::html::html_to_text;
use hearsay_core::interop::{self, InputFile, Output, Source, Target};
use hearsay_core::{Config, analyze};

/// Files larger than this are refused without being read.
const MAX_BYTES: u64 = 64 * 1024 * 1024;

const USAGE: &str = "\
usage: hearsay extract [--format json|jsonl] [--no-suggestions] [--stats] [-o FILE] PATH...
       hearsay score REFERENCE.json OTHER.json [--json]
       hearsay convert --to FORMAT [-o OUT] IN.json
       hearsay convert --from doccano|label-studio|brat [-o OUT.json] IN...
       hearsay --help | --version";

const HELP: &str = "\
hearsay: find quotes, claims and denials in news text

usage: hearsay extract [--format json|jsonl] [--no-suggestions] [--stats] [-o FILE] PATH...
       hearsay score REFERENCE.json OTHER.json [--json]
       hearsay convert --to FORMAT [-o OUT] IN.json
       hearsay convert --from doccano|label-studio|brat [-o OUT.json] IN...
       hearsay --help | --version

extract   analyse files and write a hearsay export (JSON) or per-sentence
          training lines (JSONL). PATH is a file, a directory (searched
          recursively for .txt, .md, .html and .htm files, in sorted order)
          or - for standard input. HTML is reduced to its text.
            --format json|jsonl   output format (default json)
            -o, --output FILE     write to FILE instead of standard output
            --no-suggestions      export the texts only (no sentences, no
                                  suggestions), to annotate from scratch
            --stats               print documents, megabytes, time, MB/s
                                  and peak memory on standard error
score     compare two hearsay exports: per-label precision, recall and F1
          of OTHER against REFERENCE, speaker agreement and Cohen's kappa
          over sentence labels.
            --json                print the result as JSON
convert   convert annotations between hearsay and other tools' formats.
            --to FORMAT           write the hearsay export IN.json as
                                  doccano, doccano-relations, label-studio,
                                  prodigy, brat, web-annotation or csv
                                  (brat: -o FOLDER, or -o FILE.zip)
            --from FORMAT         read doccano JSONL, Label Studio JSON or
                                  brat files (.txt/.ann pairs, folders of
                                  them, or .zip) into one hearsay export
            -o, --output OUT      write to OUT instead of standard output

exit status: 0 ok, 1 some inputs were skipped, 2 usage or fatal error";

fn main() -> ExitCode {
    // `std::env::args` would panic on an argument that is not UTF-8 (a
    // Latin-1 file name): say so instead. Such files are still read when
    // their folder is given.
    let mut args: Vec<String> = Vec::new();
    for arg in std::env::args_os().skip(1) {
        match arg.into_string() {
            Ok(arg) => args.push(arg),
            Err(raw) => {
                eprintln!(
                    "hearsay: the argument {} is not valid UTF-8; rename the file, or give \
                     the folder that holds it",
                    Path::new(&raw).display()
                );
                return ExitCode::from(2);
            }
        }
    }
    match run(&args) {
        Ok(code) => code,
        Err(Failure::Usage(message)) => {
            eprintln!("hearsay: {message}\n{USAGE}");
            ExitCode::from(2)
        }
        Err(Failure::Fatal(message)) => {
            eprintln!("hearsay: {message}");
            ExitCode::from(2)
        }
    }
}

/// Why a command stopped.
enum Failure {
    /// Bad arguments: the message is followed by the usage.
    Usage(String),
    /// Anything else that stops the command.
    Fatal(String),
}

fn usage(message: impl Into<String>) -> Failure {
    Failure::Usage(message.into())
}

fn run(args: &[String]) -> Result<ExitCode, Failure> {
    let Some(command) = args.first() else {
        return Err(usage("no command given"));
    };
    match command.as_str() {
        "-h" | "--help" | "help" => {
            println!("{HELP}");
            Ok(ExitCode::SUCCESS)
        }
        "-V" | "--version" => {
            println!("hearsay {}", env!("CARGO_PKG_VERSION"));
            Ok(ExitCode::SUCCESS)
        }
        "extract" => extract(&args[1..]),
        "score" => score(&args[1..]),
        "convert" => convert(&args[1..]),
        other => Err(usage(format!("unknown command {other:?}"))),
    }
}

/// Output format of `extract`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum OutFormat {
    Json,
    Jsonl,
}

/// Splits `--name=value` into its parts.
fn split_long(arg: &str) -> (&str, Option<&str>) {
    match arg.split_once('=') {
        Some((name, value)) if name.starts_with("--") => (name, Some(value)),
        _ => (arg, None),
    }
}

/// The value of an option: inline (`--x=v`, `-ov`) or the next argument.
fn option_value<'a>(
    name: &str,
    inline: Option<&'a str>,
    rest: &mut impl Iterator<Item = &'a String>,
) -> Result<&'a str, Failure> {
    match inline {
        Some(v) => Ok(v),
        None => rest
            .next()
            .map(String::as_str)
            .ok_or_else(|| usage(format!("{name} needs a value"))),
    }
}

fn extract(args: &[String]) -> Result<ExitCode, Failure> {
    let mut format = OutFormat::Json;
    let mut output: Option<String> = None;
    let mut suggest = true;
    let mut stats = false;
    let mut paths: Vec<String> = Vec::new();
    let mut iter = args.iter();
    let mut options_done = false;
    while let Some(arg) = iter.next() {
        if options_done || arg == "-" || !arg.starts_with('-') {
            paths.push(arg.clone());
            continue;
        }
        let (name, inline) = split_long(arg);
        match name {
            "--" => options_done = true,
            "-h" | "--help" => {
                println!("{HELP}");
                return Ok(ExitCode::SUCCESS);
            }
            "--format" => {
                format = match option_value(name, inline, &mut iter)? {
                    "json" => OutFormat::Json,
                    "jsonl" => OutFormat::Jsonl,
                    other => {
                        return Err(usage(format!(
                            "unknown format {other:?} (expected json or jsonl)"
                        )));
                    }
                }
            }
            "--no-suggestions" => suggest = false,
            "--stats" => stats = true,
            "-o" | "--output" => output = Some(option_value(name, inline, &mut iter)?.to_string()),
            _ if name.starts_with("-o") => output = Some(name[2..].to_string()),
            _ => return Err(usage(format!("unknown option {name:?}"))),
        }
    }
    if paths.is_empty() {
        return Err(usage(
            "extract needs at least one PATH (or - for standard input)",
        ));
    }

    let mut skipped = false;
    let mut inputs: Vec<Input> = Vec::new();
    for path in &paths {
        if path == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        let p = Path::new(path);
        match fs::metadata(p) {
            Ok(m) if m.is_dir() => {
                let mut found = Vec::new();
                if let Err(e) = collect_dir(p, &mut found) {
                    eprintln!("hearsay: skipping part of {path}: {e}");
                    skipped = true;
                }
                found.sort();
                if found.is_empty() {
                    eprintln!("hearsay: note: no .txt, .md or .html files in {path}");
                }
                inputs.extend(found.into_iter().map(Input::File));
            }
            Ok(_) => inputs.push(Input::File(PathBuf::from(path))),
            Err(e) => {
                eprintln!("hearsay: skipping {path}: {}", io_message(&e));
                skipped = true;
            }
        }
    }

    let config = Config::default();
    let started = std::time::Instant::now();
    let mut bytes_in = 0usize;
    // Documents are written as they are analysed: memory holds one
    // document, never the whole corpus.
    let mut sink = Sink::open(output.as_deref())?;
    let mut count = 0usize;
    let layout = match format {
        OutFormat::Json => Layout::Json,
        OutFormat::Jsonl => Layout::Jsonl,
    };
    let mut writer =
        ExportWriter::new(Vec::new(), layout).map_err(|e| Failure::Fatal(e.to_string()))?;
    let drain = |writer: &mut ExportWriter<Vec<u8>>, sink: &mut Sink| {
        let bytes = std::mem::take(writer.get_mut());
        sink.write_with(|w| w.write_all(&bytes))
    };
    for input in &inputs {
        let label = input.label();
        let text = match input.read() {
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
        let id = format!("d{}", count + 1);
        let document = if suggest {
            match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| analyze(&text, &config)))
            {
                Ok(analysis) => Document::from_analysis(&id, &label, &text, &analysis),
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
        } else {
            Document::from_analysis(&id, &label, &text, &Default::default())
        };
        drop(text);
        count += 1;
        writer
            .document(&document)
            .map_err(|e| Failure::Fatal(e.to_string()))?;
        let open = drain(&mut writer, &mut sink)?;
        if !open {
            // The reader went away (`| head`): nothing more to do.
            break;
        }
    }
    let tail = writer.finish().map_err(|e| Failure::Fatal(e.to_string()))?;
    sink.write_with(|w| w.write_all(&tail))?;
    if format == OutFormat::Json {
        sink.write("\n")?;
    }
    sink.finish()?;
    if stats {
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

/// The process's peak resident memory in MB, where the system tells it
/// (Linux: `VmHWM` in `/proc/self/status`).
fn peak_memory_mb() -> Option<f64> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024.0 / 1e6)
}

/// Where `extract` writes. A file is written under a temporary name beside
/// it and renamed at the end, so a run that fails half-way leaves neither a
/// half-written file nor a clobbered older one. Something that is not a
/// regular file (`/dev/null`, a pipe) is written directly.
enum Sink {
    Stdout {
        out: io::BufWriter<io::StdoutLock<'static>>,
        closed: bool,
    },
    File {
        out: io::BufWriter<fs::File>,
        /// The temporary name, when renamed at the end.
        tmp: Option<PathBuf>,
        target: String,
    },
}

impl Sink {
    fn open(output: Option<&str>) -> Result<Sink, Failure> {
        let Some(target) = output else {
            return Ok(Sink::Stdout {
                out: io::BufWriter::with_capacity(1 << 16, io::stdout().lock()),
                closed: false,
            });
        };
        let path = Path::new(target);
        let special = fs::metadata(path).is_ok_and(|m| !m.is_file());
        let tmp = (!special).then(|| {
            let name = path
                .file_name()
                .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
            path.with_file_name(format!(".{name}.hearsay-{}.tmp", std::process::id()))
        });
        let file = fs::File::create(tmp.as_deref().unwrap_or(path))
            .map_err(|e| Failure::Fatal(format!("cannot write {target}: {}", io_message(&e))))?;
        Ok(Sink::File {
            out: io::BufWriter::with_capacity(1 << 16, file),
            tmp,
            target: target.to_string(),
        })
    }

    /// Writes `text`; false once standard output's reader has gone.
    fn write(&mut self, text: &str) -> Result<bool, Failure> {
        self.write_with(|w| w.write_all(text.as_bytes()))
    }

    /// Lets `put` write; false once standard output's reader has gone.
    fn write_with(
        &mut self,
        put: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> Result<bool, Failure> {
        match self {
            Sink::Stdout { closed: true, .. } => Ok(false),
            Sink::Stdout { out, closed } => match put(out) {
                Ok(()) => Ok(true),
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                    *closed = true;
                    Ok(false)
                }
                Err(e) => Err(Failure::Fatal(format!(
                    "cannot write the output: {}",
                    io_message(&e)
                ))),
            },
            Sink::File { out, tmp, target } => put(out).map(|()| true).map_err(|e| {
                if let Some(tmp) = tmp {
                    let _ = fs::remove_file(tmp);
                }
                Failure::Fatal(format!("cannot write {target}: {}", io_message(&e)))
            }),
        }
    }

    /// Flushes, and puts a file in place.
    fn finish(self) -> Result<(), Failure> {
        match self {
            Sink::Stdout { closed: true, .. } => Ok(()),
            Sink::Stdout { mut out, .. } => match out.flush() {
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(Failure::Fatal(format!(
                    "cannot write the output: {}",
                    io_message(&e)
                ))),
                _ => Ok(()),
            },
            Sink::File { out, tmp, target } => {
                let done = out
                    .into_inner()
                    .map_err(|e| e.into_error())
                    .and_then(|f| match &tmp {
                        Some(tmp) => f.sync_all().and_then(|()| fs::rename(tmp, &target)),
                        None => Ok(()),
                    });
                done.map_err(|e| {
                    if let Some(tmp) = &tmp {
                        let _ = fs::remove_file(tmp);
                    }
                    Failure::Fatal(format!("cannot write {target}: {}", io_message(&e)))
                })
            }
        }
    }
}

/// One input of `extract`.
enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    /// The name used in messages and (reduced to its file name) in the export.
    fn label(&self) -> String {
        match self {
            Input::Stdin => "stdin".to_string(),
            Input::File(p) => p.display().to_string(),
        }
    }

    /// Reads the input as UTF-8 text (without a leading byte order mark),
    /// refusing anything over [`MAX_BYTES`].
    fn read(&self) -> Result<String, String> {
        let mut bytes = Vec::new();
        let too_large = |size: u64| {
            format!(
                "too large ({:.1} MiB; the limit is {} MiB)",
                size as f64 / (1024.0 * 1024.0),
                MAX_BYTES / (1024 * 1024)
            )
        };
        match self {
            Input::Stdin => {
                io::stdin()
                    .lock()
                    .take(MAX_BYTES + 1)
                    .read_to_end(&mut bytes)
                    .map_err(|e| io_message(&e))?;
                if bytes.len() as u64 > MAX_BYTES {
                    return Err(format!(
                        "too large (over {} MiB)",
                        MAX_BYTES / (1024 * 1024)
                    ));
                }
            }
            Input::File(path) => {
                let file = fs::File::open(path).map_err(|e| io_message(&e))?;
                let meta = file.metadata().map_err(|e| io_message(&e))?;
                if meta.is_dir() {
                    return Err("is a directory".to_string());
                }
                if meta.len() > MAX_BYTES {
                    return Err(too_large(meta.len()));
                }
                file.take(MAX_BYTES + 1)
                    .read_to_end(&mut bytes)
                    .map_err(|e| io_message(&e))?;
                if bytes.len() as u64 > MAX_BYTES {
                    return Err(format!(
                        "too large (over {} MiB)",
                        MAX_BYTES / (1024 * 1024)
                    ));
                }
            }
        }
        let mut text = String::from_utf8(bytes)
            .map_err(|e| format!("not valid UTF-8 (byte {})", e.utf8_error().valid_up_to()))?;
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        Ok(text)
    }

    /// HTML by extension, or (for standard input and other files) by a
    /// leading doctype or `<html>` tag.
    fn is_html(&self, text: &str) -> bool {
        if let Input::File(p) = self
            && has_extension(p, &["html", "htm"])
        {
            return true;
        }
        let head: String = text.trim_start().chars().take(14).collect();
        let head = head.to_ascii_lowercase();
        head.starts_with("<!doctype html") || head.starts_with("<html")
    }
}

fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| extensions.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// Adds the .txt, .md, .html and .htm files under `dir` to `found`.
/// Symbolic links to directories are not followed.
fn collect_dir(dir: &Path, found: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let kind = entry.file_type()?;
        if kind.is_dir() {
            collect_dir(&path, found)?;
        } else if (kind.is_file() || (kind.is_symlink() && path.is_file()))
            && has_extension(&path, &["txt", "md", "html", "htm"])
        {
            found.push(path);
        }
    }
    Ok(())
}

/// An I/O error's message without Rust's "(os error N)" suffix.
fn io_message(e: &io::Error) -> String {
    let message = e.to_string();
    match message.find(" (os error") {
        Some(i) => message[..i].to_string(),
        None => message,
    }
}

fn score(args: &[String]) -> Result<ExitCode, Failure> {
    let mut json = false;
    let mut files = Vec::new();
    let mut options_done = false;
    for arg in args {
        if options_done || !arg.starts_with('-') || arg == "-" {
            files.push(arg.as_str());
            continue;
        }
        match arg.as_str() {
            "--" => options_done = true,
            "--json" => json = true,
            "-h" | "--help" => {
                println!("{HELP}");
                return Ok(ExitCode::SUCCESS);
            }
            other => return Err(usage(format!("unknown option {other:?}"))),
        }
    }
    let [reference, other] = files[..] else {
        return Err(usage(format!(
            "score needs exactly two files, REFERENCE.json and OTHER.json (got {})",
            files.len()
        )));
    };
    let reference_export = load_export(reference)?;
    let other_export = load_export(other)?;
    let result = agreement(&reference_export, &other_export);
    if json {
        let text = serde_json::to_string_pretty(&result)
            .map_err(|e| Failure::Fatal(format!("cannot render the result: {e}")))?;
        println!("{text}");
    } else {
        print!("{result}");
    }
    Ok(ExitCode::SUCCESS)
}

/// Reads and validates one export; the error names the file and the record.
fn load_export(path: &str) -> Result<Export, Failure> {
    let text = if path == "-" {
        Input::Stdin.read()
    } else {
        Input::File(PathBuf::from(path)).read()
    }
    .map_err(|m| Failure::Fatal(format!("{path}: {m}")))?;
    Export::parse(&text).map_err(|e| Failure::Fatal(format!("{path}: {e}")))
}

/// `convert`: hearsay to another format (`--to`) or back (`--from`).
fn convert(args: &[String]) -> Result<ExitCode, Failure> {
    let mut to: Option<Target> = None;
    let mut from: Option<Source> = None;
    let mut output: Option<String> = None;
    let mut paths: Vec<String> = Vec::new();
    let mut iter = args.iter();
    let mut options_done = false;
    while let Some(arg) = iter.next() {
        if options_done || arg == "-" || !arg.starts_with('-') {
            paths.push(arg.clone());
            continue;
        }
        let (name, inline) = split_long(arg);
        match name {
            "--" => options_done = true,
            "-h" | "--help" => {
                println!("{HELP}");
                return Ok(ExitCode::SUCCESS);
            }
            "--to" => {
                let value = option_value(name, inline, &mut iter)?;
                to = Some(Target::from_name(value).ok_or_else(|| {
                    let names: Vec<&str> = Target::ALL.iter().map(|t| t.as_str()).collect();
                    usage(format!(
                        "unknown format {value:?} for --to (expected {})",
                        names.join(", ")
                    ))
                })?);
            }
            "--from" => {
                let value = option_value(name, inline, &mut iter)?;
                from = Some(Source::from_name(value).ok_or_else(|| {
                    usage(format!(
                        "unknown format {value:?} for --from (expected doccano, label-studio or brat)"
                    ))
                })?);
            }
            "-o" | "--output" => output = Some(option_value(name, inline, &mut iter)?.to_string()),
            _ if name.starts_with("-o") => output = Some(name[2..].to_string()),
            _ => return Err(usage(format!("unknown option {name:?}"))),
        }
    }
    match (to, from) {
        (Some(target), None) => convert_to(target, &paths, output.as_deref()),
        (None, Some(source)) => convert_from(source, &paths, output.as_deref()),
        (Some(_), Some(_)) => Err(usage("convert takes --to or --from, not both")),
        (None, None) => Err(usage("convert needs --to FORMAT or --from FORMAT")),
    }
}

fn convert_to(target: Target, paths: &[String], output: Option<&str>) -> Result<ExitCode, Failure> {
    let [input] = paths else {
        return Err(usage(format!(
            "convert --to needs exactly one hearsay export IN.json (got {})",
            paths.len()
        )));
    };
    let export = load_export(input)?;
    match interop::export(&export, target) {
        Output::Text(mut text) => {
            if !text.ends_with('\n') && !text.is_empty() {
                text.push('\n');
            }
            write_output(output, text.as_bytes())?;
        }
        Output::Files(files) => {
            let Some(out) = output else {
                return Err(usage(format!(
                    "--to {} writes several files: give -o FOLDER or -o FILE.zip",
                    target.as_str()
                )));
            };
            if out.to_ascii_lowercase().ends_with(".zip") {
                write_output(Some(out), &interop::zip::write(&files))?;
            } else {
                let dir = Path::new(out);
                fs::create_dir_all(dir).map_err(|e| {
                    Failure::Fatal(format!("cannot create {out}: {}", io_message(&e)))
                })?;
                for (name, bytes) in &files {
                    let path = dir.join(name);
                    fs::write(&path, bytes).map_err(|e| {
                        Failure::Fatal(format!(
                            "cannot write {}: {}",
                            path.display(),
                            io_message(&e)
                        ))
                    })?;
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn convert_from(
    source: Source,
    paths: &[String],
    output: Option<&str>,
) -> Result<ExitCode, Failure> {
    if paths.is_empty() {
        return Err(usage(format!(
            "convert --from {} needs at least one input file",
            source.as_str()
        )));
    }
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for path in paths {
        let p = Path::new(path);
        if p.is_dir() {
            if source != Source::Brat {
                return Err(Failure::Fatal(format!(
                    "{path}: is a directory (only brat reads folders)"
                )));
            }
            let mut found = Vec::new();
            collect_all(p, &mut found)
                .map_err(|e| Failure::Fatal(format!("{path}: {}", io_message(&e))))?;
            found.sort();
            for f in found {
                let bytes = read_bytes(&f)?;
                files.push((f.display().to_string(), bytes));
            }
        } else {
            files.push((path.clone(), read_bytes(p)?));
        }
    }
    let inputs: Vec<InputFile<'_>> = files
        .iter()
        .map(|(name, bytes)| InputFile { name, bytes })
        .collect();
    let export = interop::import(source, &inputs).map_err(|e| Failure::Fatal(e.to_string()))?;
    let mut json = export.to_json();
    json.push('\n');
    write_output(output, json.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// Every file under `dir`, recursively (symbolic links to directories are
/// not followed).
fn collect_all(dir: &Path, found: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let kind = entry.file_type()?;
        if kind.is_dir() {
            collect_all(&path, found)?;
        } else if kind.is_file() || (kind.is_symlink() && path.is_file()) {
            found.push(path);
        }
    }
    Ok(())
}

/// The bytes of a file, refusing anything over [`MAX_BYTES`].
fn read_bytes(path: &Path) -> Result<Vec<u8>, Failure> {
    let fail = |m: String| Failure::Fatal(format!("{}: {m}", path.display()));
    let file = fs::File::open(path).map_err(|e| fail(io_message(&e)))?;
    let meta = file.metadata().map_err(|e| fail(io_message(&e)))?;
    if meta.len() > MAX_BYTES {
        return Err(fail(format!(
            "too large (the limit is {} MiB)",
            MAX_BYTES / (1024 * 1024)
        )));
    }
    let mut bytes = Vec::new();
    file.take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(io_message(&e)))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(fail(format!(
            "too large (the limit is {} MiB)",
            MAX_BYTES / (1024 * 1024)
        )));
    }
    Ok(bytes)
}

/// Writes `bytes` to `output`, or to standard output.
fn write_output(output: Option<&str>, bytes: &[u8]) -> Result<(), Failure> {
    match output {
        Some(file) => fs::write(file, bytes)
            .map_err(|e| Failure::Fatal(format!("cannot write {file}: {}", io_message(&e)))),
        None => {
            let mut stdout = io::stdout().lock();
            match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(Failure::Fatal(format!(
                    "cannot write the output: {}",
                    io_message(&e)
                ))),
                _ => Ok(()),
            }
        }
    }
}
