//! Hostile inputs: none may panic, hang or produce an inconsistent result.
//!
//! Each input goes through the core (`analyze`, then the export the CLI and
//! the page write, then its validating parser) and every promise of the JSON
//! contract is checked on the result. Hostile JSON files must be refused
//! with a message that names the record.

mod common;

use std::fs;

use common::{hearsay, scratch, stderr};
use hearsay_core::format::{Document, Export};
use hearsay_core::{CharIndex, Config, Label, analyze};

/// Analyses `text` and checks the contract on the result: sentences in
/// order and inside the text, every annotation's text its slice, and the
/// export parses back to itself.
fn check(name: &str, text: &str) -> hearsay_core::Analysis {
    let analysis = analyze(text, &Config::default());
    let n = text.chars().count();
    let mut last = 0;
    for s in &analysis.sentences {
        assert!(
            s.start >= last && s.start <= s.end && s.end <= n,
            "{name}: sentence {s:?}"
        );
        last = s.end;
    }
    for w in analysis.suggestions.windows(2) {
        assert!(w[0].start <= w[1].start, "{name}: suggestions out of order");
    }
    let doc = Document::from_analysis("d1", name, text, &analysis);
    let index = CharIndex::new(text);
    for a in &doc.annotations {
        assert!(
            a.start <= a.end && a.end <= n,
            "{name}: annotation {}..{}",
            a.start,
            a.end
        );
        assert_eq!(a.text, index.slice(a.start, a.end), "{name}");
        assert!((0.0..=1.0).contains(&a.confidence), "{name}");
    }
    let json = Export::new(vec![doc]).to_json();
    let back = Export::parse(&json).unwrap_or_else(|e| panic!("{name}: own export refused: {e}"));
    assert_eq!(back.to_json(), json, "{name}: export does not round-trip");
    analysis
}

#[test]
fn empty_and_blank_texts() {
    for text in ["", " ", "\n\n\n", "\u{a0}\t\r\n"] {
        let analysis = check("blank", text);
        assert!(analysis.suggestions.is_empty(), "{text:?}");
    }
}

#[test]
fn only_quote_marks() {
    let marks = "“”«»\"'‘’‹›„‟′″";
    let text: String = marks.chars().cycle().take(20_000).collect();
    check("marks", &text);
}

#[test]
fn a_million_unbalanced_quote_marks() {
    let text = "“".repeat(1_000_000);
    check("million-open", &text);
    let text = "He said “no ".repeat(100_000);
    let analysis = check("open-quotes", &text);
    assert!(!analysis.sentences.is_empty());
}

#[test]
fn ten_megabytes_without_a_newline() {
    let text = "the council met again and nobody said anything new ".repeat(200_000);
    assert!(text.len() >= 10_000_000);
    let analysis = check("no-newline", &text);
    assert!(!analysis.sentences.is_empty());
}

#[test]
fn nul_bytes_and_control_characters() {
    let text = "Officials\0 said\u{1} “we\0 will\u{7f} not\u{0} resign,” the mayor\u{b} said.\0\0";
    check("nul", text);
}

#[test]
fn deeply_nested_quotes() {
    let text = format!(
        "Ana Ruiz said {}never{}.",
        "“‘".repeat(5_000),
        "’”".repeat(5_000)
    );
    check("nested", &text);
}

#[test]
fn emoji_right_to_left_and_combining_marks() {
    let text = "“مرحبا بالعالم 👩‍👩‍👧,” said Leïla Haddad. \
                “שלום 🇫🇷 e\u{301}te\u{301},” Noa Levi told reporters.\r\n\
                “我们不会撤军,” the ministry said in a statement.";
    let analysis = check("scripts", text);
    assert!(!analysis.suggestions.is_empty());
}

#[test]
fn html_with_scripts_and_handlers_is_reduced_to_text() {
    let html = "<p onclick=\"steal()\">“No,” she said.</p><script>alert(1)</script>\
                <img src=x onerror=alert(2)><style>p{}</style>";
    let text = hearsay_core::html::html_to_text(html);
    assert_eq!(text, "“No,” she said.");
    check("html", &text);
}

/// A valid one-document export to corrupt.
fn valid() -> serde_json::Value {
    let text = "“No,” Ana Ruiz said.";
    let analysis = analyze(text, &Config::default());
    let doc = Document::from_analysis("d1", "a.txt", text, &analysis);
    serde_json::from_str(&Export::new(vec![doc]).to_json()).unwrap()
}

fn refused(name: &str, value: &serde_json::Value, needle: &str) {
    let json = value.to_string();
    match Export::parse(&json) {
        Ok(_) => panic!("{name}: accepted"),
        Err(e) => {
            let message = e.to_string();
            assert!(
                message.contains(needle),
                "{name}: {message:?} does not mention {needle:?}"
            );
        }
    }
}

#[test]
fn hostile_json_imports_are_refused_with_the_record_named() {
    let base = valid();
    assert!(
        !base["documents"][0]["annotations"]
            .as_array()
            .unwrap()
            .is_empty()
    );

    let mut v = base.clone();
    v["documents"][0]["annotations"][0]["start"] = serde_json::json!("five");
    refused("wrong type", &v, "line");

    let json = base
        .to_string()
        .replacen("\"version\":1", "\"version\":1e400", 1);
    assert!(Export::parse(&json).is_err(), "huge version");
    let mut v = base.clone();
    v["documents"][0]["annotations"][0]["end"] = serde_json::json!(u64::MAX);
    refused("huge offset", &v, "annotation");

    let mut v = base.clone();
    let first = v["documents"][0]["annotations"][0].clone();
    v["documents"][0]["annotations"]
        .as_array_mut()
        .unwrap()
        .push(first);
    refused("duplicated id", &v, "annotation");

    let mut v = base.clone();
    v["documents"][0]["annotations"][0]["end"] = serde_json::json!(10_000);
    refused("offset past the end", &v, "past the end");

    let mut v = base.clone();
    v["documents"][0]["annotations"][0]["text"] = serde_json::json!("something else");
    refused("text not its slice", &v, "annotation");

    let mut v = base.clone();
    v["documents"] = serde_json::json!(5);
    refused("documents not a list", &v, "line");

    for junk in ["", "null", "[]", "{", "\u{0}", "{\"format\": \"hearsay\"}"] {
        assert!(Export::parse(junk).is_err(), "{junk:?} accepted");
    }
}

/// A 50 MB article through the CLI: analysed whole, every offset right at
/// the far end of the text, and peak memory bounded (the CLI writes the
/// export as it goes instead of holding it as text).
#[test]
fn a_fifty_megabyte_file_is_analysed_whole_in_bounded_memory() {
    const SIZE: usize = 50_000_000;
    let dir = scratch("fifty");
    let narrative = "The committee met again on Tuesday 🗳️ and went through the \
        regional budget line by line, as it has done every week since the \
        spring, while the harbour authority waited for its figures. ";
    let mut text = String::with_capacity(SIZE + 1000);
    let mut planted = 0usize;
    while text.len() < SIZE {
        for _ in 0..4 {
            text.push_str(narrative);
        }
        text.push_str("\n\n");
        text.push_str(&format!(
            "“Item {planted} is on schedule,” said Ana Ruiz, the harbour director.\n\n"
        ));
        planted += 1;
    }
    fs::write(dir.join("big.txt"), &text).unwrap();
    let out = hearsay(&dir, &["extract", "--stats", "-o", "out.json", "big.txt"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    // "hearsay: 1 document, 50.0 MB in 21.3 s (2.3 MB/s), peak memory 612 MB"
    let peak: f64 = err
        .split("peak memory ")
        .nth(1)
        .and_then(|r| r.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no peak memory in {err:?}"));
    let input_mb = text.len() as f64 / 1e6;
    eprintln!("{err}");
    assert!(
        peak < 16.0 * input_mb,
        "peak memory {peak} MB for {input_mb:.1} MB of input"
    );

    // Parsing checks every annotation's slice and the text's hash.
    let export = Export::parse(&fs::read_to_string(dir.join("out.json")).unwrap()).unwrap();
    let _ = fs::remove_dir_all(&dir);
    let doc = &export.documents[0];
    assert!(doc.text == text, "the text came back changed");
    let quotes: Vec<_> = doc
        .annotations
        .iter()
        .filter(|a| a.label == Label::Quote)
        .collect();
    assert_eq!(quotes.len(), planted);
    let odd = quotes
        .iter()
        .find(|q| q.speaker.as_deref() != Some("Ana Ruiz (harbour director)"));
    assert!(odd.is_none(), "{odd:?}");
    let last = quotes.last().unwrap();
    assert_eq!(last.text, format!("Item {} is on schedule", planted - 1));
    let sentences = &doc.sentences;
    // Sentences reach the last word (only the final line breaks follow).
    assert_eq!(
        sentences.last().unwrap().end,
        text.trim_end().chars().count()
    );
}
