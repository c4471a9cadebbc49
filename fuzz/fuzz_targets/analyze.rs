//! `analyze` on arbitrary text: it must never panic, and its result must
//! keep the contract (spans inside the text, sentences in order, the export
//! of the result parsing back to itself, and written in pieces the same as
//! whole).
#![no_main]

use hearsay_core::format::{Document, Export, ExportWriter, Layout};
use hearsay_core::{Config, analyze};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let analysis = analyze(text, &Config::default());
    let n = text.chars().count();
    let mut last = 0;
    for s in &analysis.sentences {
        assert!(s.start >= last && s.start <= s.end && s.end <= n);
        last = s.end;
    }
    for s in &analysis.suggestions {
        assert!(s.start <= s.end && s.end <= n && (0.0..=1.0).contains(&s.confidence));
    }
    let doc = Document::from_analysis("d1", "f.txt", text, &analysis);
    // The CLI streams the export in pieces: they must be exactly the whole.
    let mut writer = ExportWriter::new(Vec::new(), Layout::Json).expect("a vector takes any write");
    writer.document(&doc).expect("a vector takes any write");
    let pieces = String::from_utf8(writer.finish().expect("a vector takes any write")).expect("JSON is UTF-8");
    let json = Export::new(vec![doc]).to_json();
    assert_eq!(pieces, json);
    let back = Export::parse(&json).expect("an export of the extractor's own result parses");
    assert_eq!(back.to_json(), json);
});
