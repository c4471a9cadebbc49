//! End-to-end tests of `hearsay learn` and `hearsay extract --models`.

mod common;

use std::fs;
use std::path::Path;

use common::{fails_with, hearsay, scratch, stderr};
use hearsay_core::format::{Export, Status};
use hearsay_core::learn::Bundle;

/// Four paragraphs of one pattern: a short quote in marks, then who said
/// it, written for these tests.
const ARTICLE: &str = "“The bridge will close in May,” said Ines Baptiste, the mayor.\n\n\
    “The ferry will run all summer,” said Tom Achebe, the harbour master.\n\n\
    “The tolls will stay as they are,” said Lena Ortiz, the treasurer.\n\n\
    “The market moves to the quay,” said Pia Holm, a trader.\n";

/// Extracts `ARTICLE` into `out.json` in `dir`.
fn extracted(dir: &Path) -> Export {
    fs::write(dir.join("harbour.txt"), ARTICLE).unwrap();
    let out = hearsay(dir, &["extract", "-o", "out.json", "harbour.txt"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    Export::parse(&fs::read_to_string(dir.join("out.json")).unwrap()).unwrap()
}

/// The confidences of the quotes of `export`'s first document.
fn quote_confidences(export: &Export) -> Vec<f32> {
    export.documents[0]
        .annotations
        .iter()
        .filter(|a| a.label == hearsay_core::Label::Quote)
        .map(|a| a.confidence)
        .collect()
}

/// `export` with the first two quotes rejected, written as `reviewed.json`.
fn reviewed(dir: &Path, mut export: Export) {
    let mut n = 0;
    for a in &mut export.documents[0].annotations {
        if a.label == hearsay_core::Label::Quote && n < 2 {
            a.status = Status::Rejected;
            n += 1;
        }
    }
    fs::write(dir.join("reviewed.json"), export.to_json()).unwrap();
}

#[test]
fn extract_records_the_shipped_models() {
    let dir = scratch("learn-shipped");
    let export = extracted(&dir);
    assert_eq!(
        export.documents[0].models.as_deref(),
        Some(Bundle::shipped().id().as_str())
    );
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn learned_models_lower_what_was_rejected_and_are_recorded() {
    let dir = scratch("learn-lower");
    let before = extracted(&dir);
    reviewed(&dir, before.clone());
    let out = hearsay(&dir, &["learn", "-o", "mine.hsb", "reviewed.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("learned 2 lessons from 1 of 1 document"),
        "{}",
        stderr(&out)
    );
    let out = hearsay(
        &dir,
        &[
            "extract",
            "--models",
            "mine.hsb",
            "-o",
            "after.json",
            "harbour.txt",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let after = Export::parse(&fs::read_to_string(dir.join("after.json")).unwrap()).unwrap();
    let (was, now) = (quote_confidences(&before), quote_confidences(&after));
    assert!(
        now[3] < was[3],
        "the fourth of the pattern: {was:?} then {now:?}"
    );
    let bundle = Bundle::read(&fs::read(dir.join("mine.hsb")).unwrap()).unwrap();
    assert_eq!(
        after.documents[0].models.as_deref(),
        Some(bundle.id().as_str())
    );
    assert_eq!(bundle.lessons(), 2);
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn learning_twice_gives_the_same_bytes() {
    let dir = scratch("learn-twice");
    reviewed(&dir, extracted(&dir));
    for file in ["a.hsb", "b.hsb"] {
        let out = hearsay(&dir, &["learn", "-o", file, "reviewed.json"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    assert_eq!(
        fs::read(dir.join("a.hsb")).unwrap(),
        fs::read(dir.join("b.hsb")).unwrap()
    );
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn learning_goes_on_from_a_base() {
    let dir = scratch("learn-base");
    reviewed(&dir, extracted(&dir));
    let run = |args: &[&str]| {
        let out = hearsay(&dir, args);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    };
    run(&["learn", "-o", "one.hsb", "reviewed.json"]);
    run(&[
        "learn",
        "--models",
        "one.hsb",
        "-o",
        "two.hsb",
        "reviewed.json",
    ]);
    let two = Bundle::read(&fs::read(dir.join("two.hsb")).unwrap()).unwrap();
    assert_eq!(two.lessons(), 4);
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn an_export_without_decisions_teaches_nothing() {
    let dir = scratch("learn-nothing");
    extracted(&dir);
    let out = hearsay(&dir, &["learn", "-o", "same.hsb", "out.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        fs::read(dir.join("same.hsb")).unwrap(),
        Bundle::shipped().write()
    );
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_truncated_bundle_is_refused_and_nothing_is_written() {
    let dir = scratch("learn-truncated");
    fs::write(dir.join("harbour.txt"), ARTICLE).unwrap();
    let bytes = Bundle::shipped().write();
    fs::write(dir.join("cut.hsb"), &bytes[..bytes.len() / 2]).unwrap();
    let out = hearsay(
        &dir,
        &[
            "extract",
            "--models",
            "cut.hsb",
            "-o",
            "x.json",
            "harbour.txt",
        ],
    );
    fails_with(&out, "cut.hsb: the model bundle is truncated");
    assert!(!dir.join("x.json").exists());
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_bundle_of_another_version_is_refused() {
    let dir = scratch("learn-version");
    fs::write(dir.join("harbour.txt"), ARTICLE).unwrap();
    let mut bytes = Bundle::shipped().write();
    bytes[4] = 9;
    fs::write(dir.join("new.hsb"), bytes).unwrap();
    let out = hearsay(&dir, &["extract", "--models", "new.hsb", "harbour.txt"]);
    fails_with(&out, "new.hsb: a model bundle of format version 9");
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_corrupt_bundle_is_refused() {
    let dir = scratch("learn-corrupt");
    reviewed(&dir, extracted(&dir));
    let mut bytes = Bundle::shipped().write();
    let k = bytes.len() / 2;
    bytes[k] ^= 0x40;
    fs::write(dir.join("bad.hsb"), bytes).unwrap();
    let out = hearsay(
        &dir,
        &[
            "learn",
            "--models",
            "bad.hsb",
            "-o",
            "y.hsb",
            "reviewed.json",
        ],
    );
    fails_with(
        &out,
        "bad.hsb: the model bundle is corrupt: its checksum does not match",
    );
    assert!(!dir.join("y.hsb").exists());
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_speaker_named_without_a_span_is_learned() {
    let dir = scratch("learn-speaker");
    let mut export = extracted(&dir);
    // The person says the first quote was the treasurer's, by name only.
    let first = &mut export.documents[0].annotations[0];
    first.status = Status::Accepted;
    first.speaker = Some("Lena Ortiz".into());
    first.speaker_span = None;
    fs::write(dir.join("named.json"), export.to_json()).unwrap();
    let out = hearsay(&dir, &["learn", "-o", "named.hsb", "named.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_ne!(
        fs::read(dir.join("named.hsb")).unwrap(),
        Bundle::shipped().write()
    );
    let _ = fs::remove_dir_all(&dir);
}
