//! The command lines of the README's "The command line" section, run as
//! written against the built binary, on small inputs made here.
//!
//! Each line of the section's code blocks must be `cargo run … -p
//! hearsay-cli -- ARGS` (what works from the repository root, whose root
//! package is the web app), `cargo install --path crates/hearsay-cli`, or
//! `hearsay ARGS`. Each is run in a scratch folder and must exit 0 and write
//! what it says: the file after `-o`, or standard output.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use common::{hearsay, hearsay_with_stdin, scratch, stderr, stdout};
use hearsay_core::format::Export;

const README: &str = include_str!("../../../README.md");

const ARTICLE: &str = "“We have nothing to add,” Kremlin spokesman Dmitry Peskov told reporters on Tuesday.\n\nThe minister denied that any talks had taken place.\n";

/// One line of a code block: its words without the comment, and the comment.
struct Line {
    text: String,
    words: Vec<String>,
    comment: String,
}

/// The lines of the code blocks of the section under `heading`.
fn code_lines(readme: &str, heading: &str) -> Vec<Line> {
    let start = readme
        .find(&format!("\n{heading}\n"))
        .unwrap_or_else(|| panic!("no {heading:?} in the README"));
    let section = &readme[start + heading.len() + 2..];
    let section = &section[..section.find("\n## ").unwrap_or(section.len())];
    let mut lines = Vec::new();
    let mut in_code = false;
    for text in section.lines() {
        if text.starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if !in_code || text.trim().is_empty() {
            continue;
        }
        // A comment starts at a word beginning with `#`.
        let cut = text.find(" #").map_or(text.len(), |i| i + 1);
        let (command, comment) = text.split_at(cut);
        lines.push(Line {
            text: text.to_string(),
            words: command.split_whitespace().map(String::from).collect(),
            comment: comment.trim_start_matches('#').trim().to_string(),
        });
    }
    assert!(!in_code, "an unclosed code block in {heading:?}");
    lines
}

/// The arguments a line gives `hearsay`; `None` for a line that runs
/// nothing (`cargo install`, checked here instead).
fn hearsay_args(line: &Line) -> Option<Vec<String>> {
    let words: Vec<&str> = line.words.iter().map(String::as_str).collect();
    for word in &words {
        assert!(
            !word.contains(['|', '<', '>', '$', ';', '&', '\'', '"', '`', '*']),
            "{:?}: the test runs lines without a shell",
            line.text
        );
    }
    match words[..] {
        ["hearsay", ..] => Some(line.words[1..].to_vec()),
        ["cargo", "run", ..] => {
            let dashes = words
                .iter()
                .position(|w| *w == "--")
                .unwrap_or_else(|| panic!("{:?}: no -- before the arguments", line.text));
            let cargo = &words[..dashes];
            // The root package is the web app: without naming the package,
            // `cargo run --bin hearsay` finds no such binary.
            let package = cargo
                .windows(2)
                .find(|w| w[0] == "-p" || w[0] == "--package")
                .map(|w| w[1]);
            assert_eq!(
                package,
                Some(env!("CARGO_PKG_NAME")),
                "{:?}: must name the CLI's package to run from the repository root",
                line.text
            );
            Some(line.words[dashes + 1..].to_vec())
        }
        ["cargo", "install", "--path", path] => {
            let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
            let here = fs::canonicalize(env!("CARGO_MANIFEST_DIR")).unwrap();
            assert_eq!(
                fs::canonicalize(root.join(path)).ok(),
                Some(here),
                "{:?}: not the CLI's package",
                line.text
            );
            None
        }
        _ => panic!(
            "{:?}: not a hearsay command line this test knows",
            line.text
        ),
    }
}

/// The inputs the README's lines name.
fn inputs(dir: &Path) {
    fs::create_dir_all(dir.join("articles")).unwrap();
    fs::write(dir.join("articles/kremlin.txt"), ARTICLE).unwrap();
    fs::write(dir.join("a.txt"), ARTICLE).unwrap();
    for args in [
        &["extract", "-o", "reference.json", "articles"][..],
        &[
            "extract",
            "--no-suggestions",
            "-o",
            "other.json",
            "articles",
        ],
        &["extract", "-o", "out.json", "articles"],
        &[
            "convert",
            "--to",
            "doccano",
            "--pre-annotations",
            "-o",
            "data.jsonl",
            "out.json",
        ],
    ] {
        let out = hearsay(dir, args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    }
    // A reviewed export: the first suggestion rejected, the others left.
    let mut reviewed = Export::parse(&fs::read_to_string(dir.join("out.json")).unwrap()).unwrap();
    reviewed.documents[0].annotations[0].status = hearsay_core::format::Status::Rejected;
    fs::write(dir.join("reviewed.json"), reviewed.to_json()).unwrap();
}

/// The value of `-o` / `--output`.
fn output_of(args: &[String]) -> Option<&str> {
    args.iter().enumerate().find_map(|(i, a)| match a.as_str() {
        "-o" | "--output" => args.get(i + 1).map(String::as_str),
        _ => a.strip_prefix("--output="),
    })
}

/// Checks that a run of `args` exited 0 and wrote what it says.
fn check_run(dir: &Path, line: &str, args: &[String], out: &Output) {
    assert_eq!(out.status.code(), Some(0), "{line:?}: {}", stderr(out));
    assert!(!stderr(out).contains("panicked"), "{line:?}");
    let command = args.first().map(String::as_str);
    let Some(file) = output_of(args) else {
        check_stdout(line, args, &stdout(out));
        return;
    };
    let path: PathBuf = dir.join(file);
    if file.ends_with(".hsb") {
        let bytes = fs::read(&path).unwrap();
        hearsay_core::learn::Bundle::read(&bytes)
            .unwrap_or_else(|e| panic!("{line:?}: {file} is no model bundle: {e}"));
    } else if file.ends_with(".zip") {
        let bytes = fs::read(&path).unwrap();
        assert!(bytes.starts_with(b"PK\x03\x04"), "{line:?}: not a zip");
    } else if file.ends_with(".jsonl") {
        check_jsonl(line, &fs::read_to_string(&path).unwrap());
    } else if file.ends_with(".json") {
        let text = fs::read_to_string(&path).unwrap();
        let value: serde_json::Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{line:?}: {file} is not JSON: {e}"));
        if command == Some("extract") || args.iter().any(|a| a.starts_with("--from")) {
            let export = Export::parse(&text).unwrap();
            assert!(!export.documents.is_empty(), "{line:?}: no document");
        } else {
            assert!(
                value.as_array().is_some_and(|a| !a.is_empty())
                    || value.as_object().is_some_and(|o| !o.is_empty()),
                "{line:?}: {file} is empty"
            );
        }
    } else {
        let entries = fs::read_dir(&path)
            .unwrap_or_else(|e| panic!("{line:?}: {file} is not a folder: {e}"))
            .count();
        assert!(entries > 0, "{line:?}: {file} is empty");
    }
}

/// What a command writes on standard output, by command.
fn check_stdout(line: &str, args: &[String], text: &str) {
    if args.iter().any(|a| a == "--help" || a == "-h") {
        assert!(text.contains("Usage: hearsay"), "{line:?}: {text}");
    } else if args.iter().any(|a| a == "jsonl" || a == "--format=jsonl") {
        check_jsonl(line, text);
    } else if args.first().map(String::as_str) == Some("score") {
        assert!(
            text.contains("precision") && text.contains("kappa"),
            "{line:?}: {text}"
        );
    } else {
        assert!(!text.trim().is_empty(), "{line:?}: nothing written");
    }
}

/// JSON Lines: at least one line, each a JSON object.
fn check_jsonl(line: &str, text: &str) {
    assert!(!text.is_empty(), "{line:?}: no lines");
    for record in text.lines() {
        let value: serde_json::Value = serde_json::from_str(record)
            .unwrap_or_else(|e| panic!("{line:?}: {record:?} is not JSON: {e}"));
        assert!(value.is_object(), "{line:?}: {record:?}");
    }
}

#[test]
fn every_command_line_of_the_readme_runs_as_written() {
    let dir = scratch("readme");
    inputs(&dir);
    let lines = code_lines(README, "## The command line");
    let mut ran = 0;
    for line in &lines {
        let Some(args) = hearsay_args(line) else {
            continue;
        };
        if let Some(file) = output_of(&args) {
            // Written by this line, not left from an earlier one.
            let path = dir.join(file);
            let _ = fs::remove_file(&path);
            let _ = fs::remove_dir_all(&path);
        }
        let strs: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = hearsay(&dir, &strs);
        check_run(&dir, &line.text, &args, &out);
        ran += 1;

        // What the comment promises as well: `-o DIR`, `-` for stdin.
        if line.comment.contains("-o DIR") {
            let mut variant = args.clone();
            let o = variant.iter().position(|a| a == "-o").unwrap();
            variant[o + 1] = "DIR".to_string();
            let strs: Vec<&str> = variant.iter().map(String::as_str).collect();
            let out = hearsay(&dir, &strs);
            check_run(&dir, &line.text, &variant, &out);
            assert!(dir.join("DIR").is_dir(), "{:?}", line.text);
        }
        if line.comment.contains("- for stdin") {
            let mut variant = args.clone();
            *variant.last_mut().unwrap() = "-".to_string();
            let strs: Vec<&str> = variant.iter().map(String::as_str).collect();
            let out = hearsay_with_stdin(&dir, &strs, ARTICLE.into());
            check_run(&dir, &line.text, &variant, &out);
            let file = output_of(&variant).expect("an -o FILE to read back");
            let export = Export::parse(&fs::read_to_string(dir.join(file)).unwrap()).unwrap();
            let names: Vec<&str> = export.documents.iter().map(|d| d.name.as_str()).collect();
            assert_eq!(names, ["stdin"], "{:?}", line.text);
        }
    }
    // The section's lines as they are today; fewer means the parsing broke.
    assert!(ran >= 8, "only {ran} command lines found in the README");
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn lines_that_would_fail_from_the_repository_root_are_caught() {
    let readme = "# hearsay\n\n## The command line\n\n```sh\ncargo run --release --bin hearsay -- score a.json b.json   # no package\n```\n";
    let lines = code_lines(readme, "## The command line");
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].comment, "no package");
    let refused = std::panic::catch_unwind(|| hearsay_args(&lines[0]));
    assert!(refused.is_err(), "cargo run --bin hearsay was accepted");
}
