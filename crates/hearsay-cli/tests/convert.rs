//! End-to-end tests of `hearsay convert`.

mod common;

use std::fs;
use std::path::Path;

use common::{fails_with, hearsay, hearsay_into_closed_pipe, oversized_file, scratch, stderr};
use hearsay_core::format::{Annotation, Document, Export, Status};
use hearsay_core::{CharIndex, Label, QuoteKind, Span};

const TEXT: &str = "“Wir erhöhen die Steuern nicht,” sagte Zoë Müller 👩\u{200d}👩\u{200d}👧.\r\n\
Die Regierung dementierte den Bericht. 中文 «لا» 🇫🇷\r\n";

fn span(needle: &str) -> Span {
    let byte = TEXT.find(needle).unwrap();
    let start = TEXT[..byte].chars().count();
    Span {
        start,
        end: start + needle.chars().count(),
    }
}

fn ann(id: &str, label: Label, needle: &str, status: Status) -> Annotation {
    let s = span(needle);
    let text = CharIndex::new(TEXT).slice(s.start, s.end);
    Annotation {
        status,
        ..Annotation::new(id, label, s.start, s.end, text)
    }
}

fn sample() -> Export {
    let mut q = ann(
        "a1",
        Label::Quote,
        "Wir erhöhen die Steuern nicht,",
        Status::Accepted,
    );
    q.kind = Some(QuoteKind::Direct);
    q.speaker = Some("Zoë Müller".into());
    q.speaker_span = Some(span("Zoë Müller"));
    let d = ann(
        "a2",
        Label::Denial,
        "Die Regierung dementierte den Bericht.",
        Status::Suggested,
    );
    let c = ann("a3", Label::Claim, "«لا» 🇫🇷", Status::Rejected);
    Export::new(vec![Document {
        models: None,
        annotators: Vec::new(),
        id: "d1".into(),
        name: "artikel.txt".into(),
        text: TEXT.into(),
        sentences: vec![],
        annotations: vec![q, d, c],
    }])
}

fn write_sample(dir: &Path) {
    fs::write(dir.join("in.json"), sample().to_json()).unwrap();
}

type Key = (Label, usize, usize, Option<Span>, Status);

fn keys(e: &Export) -> Vec<Key> {
    e.documents[0]
        .annotations
        .iter()
        .map(|a| (a.label, a.start, a.end, a.speaker_span, a.status))
        .collect()
}

#[test]
fn every_target_is_written() {
    let dir = scratch("convert-targets");
    write_sample(&dir);
    for (format, file) in [
        ("doccano", "out.jsonl"),
        ("doccano-relations", "rel.jsonl"),
        ("label-studio", "ls.json"),
        ("prodigy", "prodigy.jsonl"),
        ("web-annotation", "wa.jsonld"),
        ("csv", "quotes.csv"),
        ("brat", "brat.zip"),
    ] {
        let out = hearsay(&dir, &["convert", "--to", format, "-o", file, "in.json"]);
        assert_eq!(out.status.code(), Some(0), "{format}: {}", stderr(&out));
        let bytes = fs::read(dir.join(file)).unwrap();
        assert!(!bytes.is_empty(), "{format}");
    }
    // JSON Lines and JSON outputs parse.
    for file in ["out.jsonl", "rel.jsonl", "prodigy.jsonl"] {
        for line in fs::read_to_string(dir.join(file)).unwrap().lines() {
            serde_json::from_str::<serde_json::Value>(line).unwrap();
        }
    }
    let wa: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dir.join("wa.jsonld")).unwrap()).unwrap();
    assert_eq!(wa[0]["type"], "Annotation");
    assert!(
        fs::read(dir.join("brat.zip"))
            .unwrap()
            .starts_with(b"PK\x03\x04")
    );
    // CSV to standard output.
    let out = hearsay(&dir, &["convert", "--to=csv", "in.json"]);
    assert_eq!(out.status.code(), Some(0));
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(
        csv.contains(
            "\r\nartikel.txt,Zoë Müller,\"Wir erhöhen die Steuern nicht,\",quote,accepted\r\n"
        ),
        "{csv}"
    );
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn round_trips_through_doccano_label_studio_and_brat() {
    let dir = scratch("convert-roundtrip");
    write_sample(&dir);
    let orig = sample();
    let run = |args: &[&str]| {
        let out = hearsay(&dir, args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    };
    let load = |file: &str| Export::parse(&fs::read_to_string(dir.join(file)).unwrap()).unwrap();

    // brat, as a folder and as a zip: everything, statuses included.
    run(&["convert", "--to", "brat", "-o", "brat", "in.json"]);
    for f in ["annotation.conf", "artikel.txt", "artikel.ann"] {
        assert!(dir.join("brat").join(f).is_file(), "{f}");
    }
    assert_eq!(
        fs::read_to_string(dir.join("brat/artikel.txt")).unwrap(),
        TEXT
    );
    run(&[
        "convert",
        "--from",
        "brat",
        "brat",
        "-o",
        "from-folder.json",
    ]);
    run(&["convert", "--to", "brat", "-o", "b.zip", "in.json"]);
    run(&["convert", "--from", "brat", "b.zip", "-o", "from-zip.json"]);
    run(&[
        "convert",
        "--from",
        "brat",
        "brat/artikel.txt",
        "brat/artikel.ann",
        "-o",
        "from-files.json",
    ]);
    for file in ["from-folder.json", "from-zip.json", "from-files.json"] {
        let back = load(file);
        assert_eq!(keys(&back), keys(&orig), "{file}");
        assert_eq!(back.documents[0].name, "artikel.txt");
        assert_eq!(
            back.documents[0].annotations[0].speaker.as_deref(),
            Some("Zoë Müller")
        );
    }

    // Label Studio: the rejected claim is dropped, the rest keeps its status.
    run(&[
        "convert",
        "--to",
        "label-studio",
        "-o",
        "ls.json",
        "in.json",
    ]);
    run(&[
        "convert",
        "--from",
        "label-studio",
        "ls.json",
        "-o",
        "from-ls.json",
    ]);
    let want: Vec<Key> = keys(&orig)
        .into_iter()
        .filter(|k| k.4 != Status::Rejected)
        .collect();
    assert_eq!(keys(&load("from-ls.json")), want);

    // doccano relations: the decided spans and links (the suggested
    // denial is no decision), read back as accepted.
    run(&[
        "convert",
        "--to",
        "doccano-relations",
        "-o",
        "rel.jsonl",
        "in.json",
    ]);
    run(&[
        "convert",
        "--from",
        "doccano",
        "rel.jsonl",
        "-o",
        "from-doccano.json",
    ]);
    let got: Vec<Key> = keys(&load("from-doccano.json"));
    let want: Vec<Key> = want
        .into_iter()
        .filter(|k| k.4 == Status::Accepted)
        .collect();
    assert_eq!(got, want);
    let _ = fs::remove_dir_all(&dir);
}

/// The labels of a doccano sequence-labelling file's first line.
fn doccano_labels(path: &Path) -> Vec<String> {
    let text = fs::read_to_string(path).unwrap();
    let line: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    line["label"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l[2].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn doccano_holds_only_decisions() {
    let dir = scratch("convert-decisions");
    write_sample(&dir);
    let out = hearsay(
        &dir,
        &["convert", "--to", "doccano", "-o", "d.jsonl", "in.json"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(doccano_labels(&dir.join("d.jsonl")), ["QUOTE"]);
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn pre_annotations_hold_the_suggestions_too() {
    let dir = scratch("convert-pre");
    write_sample(&dir);
    let out = hearsay(
        &dir,
        &[
            "convert",
            "--to",
            "doccano",
            "--pre-annotations",
            "-o",
            "p.jsonl",
            "in.json",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(doccano_labels(&dir.join("p.jsonl")), ["QUOTE", "DENIAL"]);
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn pre_annotations_are_refused_where_the_status_is_carried() {
    let dir = scratch("convert-pre-brat");
    write_sample(&dir);
    let out = hearsay(
        &dir,
        &[
            "convert",
            "--to",
            "brat",
            "--pre-annotations",
            "-o",
            "b.zip",
            "in.json",
        ],
    );
    fails_with(
        &out,
        "--to brat already writes every annotation with its review status, so it has no \
         --pre-annotations export (that is for doccano, doccano-relations, prodigy, web-annotation)",
    );
    assert!(!dir.join("b.zip").exists());
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn pre_annotations_need_a_target() {
    let dir = scratch("convert-pre-from");
    write_sample(&dir);
    let out = hearsay(
        &dir,
        &[
            "convert",
            "--from",
            "doccano",
            "--pre-annotations",
            "in.json",
        ],
    );
    fails_with(
        &out,
        "'--from <FORMAT>' cannot be used with '--pre-annotations'",
    );
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn bad_input_is_refused_naming_the_record() {
    let dir = scratch("convert-bad");
    write_sample(&dir);
    fs::write(
        dir.join("bad.jsonl"),
        "{\"text\": \"abc\", \"label\": []}\n{\"text\": \"abc\", \"label\": [[0, 7, \"QUOTE\"]]}\n",
    )
    .unwrap();
    let out = hearsay(&dir, &["convert", "--from", "doccano", "bad.jsonl"]);
    fails_with(
        &out,
        "hearsay: bad.jsonl line 2, label 1: end 7 is past the end of the text (3 code points)",
    );
    fs::write(dir.join("x.txt"), "Ana said no.").unwrap();
    fs::write(dir.join("x.ann"), "T1\tQuote 0 3\tBob\n").unwrap();
    let out = hearsay(&dir, &["convert", "--from", "brat", "x.txt", "x.ann"]);
    fails_with(&out, "x.ann line 1 (T1): text \"Bob\" differs");
    // A hearsay export with a tampered sha256.
    let tampered = sample()
        .to_json()
        .replacen("\"sha256\": \"", "\"sha256\": \"0", 1);
    fs::write(dir.join("t.json"), tampered).unwrap();
    let out = hearsay(&dir, &["convert", "--to", "csv", "t.json"]);
    fails_with(&out, "t.json: document 1 (\"artikel.txt\"): sha256");
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn usage_errors_exit_2() {
    let dir = scratch("convert-usage");
    write_sample(&dir);
    for (args, want) in [
        (
            vec!["convert", "in.json"],
            "required arguments were not provided:\n  <--to <FORMAT>|--from <FORMAT>>",
        ),
        (
            vec!["convert", "--to", "conll", "in.json"],
            "invalid value 'conll' for '--to <FORMAT>'\n  [possible values: doccano, ",
        ),
        (
            vec!["convert", "--from", "prodigy", "x"],
            "invalid value 'prodigy' for '--from <FORMAT>'\n  [possible values: doccano, label-studio, brat]",
        ),
        (vec!["convert", "--to", "csv"], "exactly one hearsay export"),
        (
            vec!["convert", "--to", "brat", "in.json"],
            "give -o FOLDER or -o FILE.zip",
        ),
        (
            vec!["convert", "--to", "csv", "--from", "brat", "in.json"],
            "the argument '--to <FORMAT>' cannot be used with '--from <FORMAT>'",
        ),
        (
            vec!["convert", "--from", "brat"],
            "needs at least one input file",
        ),
    ] {
        let out = hearsay(&dir, &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains(want), "{args:?}: {}", stderr(&out));
    }
    let out = hearsay(&dir, &["convert", "--from", "doccano", "missing.jsonl"]);
    fails_with(&out, "missing.jsonl");
    let _ = fs::remove_dir_all(&dir);
}

/// The files in `dir`, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn outputs_replace_older_files_whole_and_leave_no_temporary_file() {
    let dir = scratch("convert-sink");
    write_sample(&dir);
    fs::write(
        dir.join("out.csv"),
        "an older, much longer file than the new one will be".repeat(100),
    )
    .unwrap();
    let out = hearsay(
        &dir,
        &["convert", "--to", "csv", "-o", "out.csv", "in.json"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let csv = fs::read_to_string(dir.join("out.csv")).unwrap();
    assert!(
        csv.starts_with("\u{feff}") && !csv.contains("older"),
        "{csv}"
    );
    let out = hearsay(
        &dir,
        &["convert", "--to", "brat", "-o", "standoff", "in.json"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = hearsay(
        &dir,
        &["convert", "--from", "brat", "-o", "back.json", "standoff"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        listing(&dir),
        ["back.json", "in.json", "out.csv", "standoff"]
    );
    assert_eq!(
        listing(&dir.join("standoff")),
        ["annotation.conf", "artikel.ann", "artikel.txt"]
    );
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_reader_that_stops_early_is_no_error() {
    let dir = scratch("convert-pipe");
    write_sample(&dir);
    for args in [
        &["convert", "--to", "label-studio", "in.json"][..],
        &["score", "in.json", "in.json"],
    ] {
        let out = hearsay_into_closed_pipe(&dir, args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).is_empty(), "{args:?}: {}", stderr(&out));
    }
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn oversized_inputs_are_refused_with_the_same_message_as_extract() {
    let dir = scratch("convert-big");
    oversized_file(&dir.join("big.jsonl"));
    let out = hearsay(&dir, &["convert", "--from", "doccano", "big.jsonl"]);
    fails_with(
        &out,
        "hearsay: big.jsonl: too large (65.0 MiB; the limit is 64 MiB)",
    );
    let _ = fs::remove_dir_all(&dir);
}
