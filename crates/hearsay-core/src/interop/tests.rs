//! Round trips and documented shapes of every interop format.

use serde_json::Value;

use super::*;
use crate::format::{Annotation, Document, Export, Origin, Status};
use crate::{Label, QuoteKind, Span};

/// Emoji (a ZWJ family, a flag), combining accents, CJK, Arabic and Hebrew,
/// CRLF line ends and a quote across a line break.
const TEXT: &str = "👩\u{200d}👩\u{200d}👧 Zoë Café: “Nous n'augmenterons pas les impôts,” said Minister Zoë Lefèvre on Monday. 🇫🇷\r\n\
The ministry denied the report.\r\n\
“Prices will fall,” Lefèvre added, “e\u{301}te\u{301} or not.”\r\n\
中文：“我们没有计划。” 王伟说。\r\n\
قال المتحدث: «لا تعليق». אמר הדובר: \"אין תגובה\".\r\n\
A quote that runs\r\nacross lines, she said.\r\n";

/// Code point span of the `nth` (from 0) occurrence of `needle`.
fn find(needle: &str, nth: usize) -> Span {
    let byte = TEXT
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?}"))
        .0;
    let start = TEXT[..byte].chars().count();
    Span {
        start,
        end: start + needle.chars().count(),
    }
}

fn ann(id: &str, label: Label, needle: &str, nth: usize) -> Annotation {
    let s = find(needle, nth);
    Annotation::new(id, label, s.start, s.end, needle)
}

fn sample() -> Export {
    let mut a1 = ann("a1", Label::Quote, "Nous n'augmenterons pas les impôts,", 0);
    a1.kind = Some(QuoteKind::Direct);
    a1.speaker = Some("Zoë Lefèvre".into());
    a1.speaker_span = Some(find("Zoë Lefèvre", 0));
    a1.origin = Origin::Extractor;
    a1.cue = Some("said".into());
    a1.confidence = 0.9;
    let mut a2 = ann("a2", Label::Denial, "The ministry denied the report.", 0);
    a2.status = Status::Suggested;
    a2.origin = Origin::Extractor;
    a2.confidence = 0.7;
    let mut a3 = ann("a3", Label::Quote, "Prices will fall,", 0);
    a3.speaker = Some("Lefèvre".into());
    a3.speaker_span = Some(find("Lefèvre", 1));
    a3.kind = Some(QuoteKind::Direct);
    let mut a4 = ann("a4", Label::Quote, "e\u{301}te\u{301} or not.", 0);
    a4.speaker = Some("Lefèvre".into());
    a4.speaker_span = Some(find("Lefèvre", 1));
    let mut a5 = ann("a5", Label::Quote, "我们没有计划。", 0);
    a5.speaker = Some("王伟".into());
    a5.speaker_span = Some(find("王伟", 0));
    a5.status = Status::Suggested;
    a5.origin = Origin::Extractor;
    a5.kind = Some(QuoteKind::Reported);
    let mut a6 = ann("a6", Label::Claim, "لا تعليق", 0);
    a6.status = Status::Rejected;
    let mut a7 = ann("a7", Label::Quote, "אין תגובה", 0);
    a7.speaker = Some("the spokesman, \"off the record\"".into());
    let a8 = ann("a8", Label::Quote, "A quote that runs\r\nacross lines,", 0);
    let a9 = ann("a9", Label::Claim, "👩\u{200d}👩\u{200d}👧 Zoë Café", 0);
    let mut a10 = ann("a10", Label::Claim, "🇫🇷\r\n", 0);
    a10.speaker = Some("=HYPERLINK(\"x\")".into());
    let doc = Document {
        models: None,
        annotators: Vec::new(),
        id: "d1".into(),
        name: "mixed, \"news\".txt".into(),
        text: TEXT.into(),
        sentences: vec![],
        annotations: vec![a1, a2, a3, a4, a5, a6, a7, a8, a9, a10],
    };
    let plain = Document {
        models: None,
        annotators: Vec::new(),
        id: "d2".into(),
        name: "plain.txt".into(),
        text: "No quotes here.\n".into(),
        sentences: vec![],
        annotations: vec![],
    };
    let e = Export::new(vec![doc, plain]);
    e.validate().unwrap();
    e
}

/// What every format keeps of an annotation: label, span, text.
fn spans_of(
    doc: &Document,
    keep: impl Fn(&Annotation) -> bool,
) -> Vec<(Label, usize, usize, String)> {
    doc.annotations
        .iter()
        .filter(|a| keep(a))
        .map(|a| (a.label, a.start, a.end, a.text.clone()))
        .collect()
}

fn links_of(
    doc: &Document,
    keep: impl Fn(&Annotation) -> bool,
) -> Vec<(usize, usize, Option<Span>)> {
    doc.annotations
        .iter()
        .filter(|a| keep(a))
        .map(|a| (a.start, a.end, a.speaker_span))
        .collect()
}

fn text(out: Output) -> String {
    match out {
        Output::Text(t) => t,
        Output::Files(_) => panic!("expected text"),
    }
}

fn import_one(source: Source, name: &str, bytes: &[u8]) -> Result<Export, ImportError> {
    import(source, &[InputFile { name, bytes }])
}

#[test]
fn targets_have_names_and_extensions() {
    for t in Target::ALL {
        assert_eq!(Target::from_name(t.as_str()), Some(t));
        assert!(!t.extension().is_empty() && !t.mime().is_empty() && !t.title().is_empty());
    }
    assert_eq!(Target::from_name("Doccano"), None);
    assert_eq!(Target::Brat.extension(), "zip");
    for s in Source::ALL {
        assert_eq!(Source::from_name(s.as_str()), Some(s));
    }
}

// ---------------------------------------------------------------- doccano

#[test]
fn doccano_has_the_documented_shape() {
    let e = sample();
    let out = text(export(&e, Target::Doccano));
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // plain.txt, which nobody reviewed, is left out.
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["text"], TEXT);
    assert_eq!(lines[0]["review"], "partial");
    let labels = lines[0]["label"].as_array().unwrap();
    assert_eq!(labels.len(), 7, "suggested and rejected left out");
    let a1 = find("Nous n'augmenterons pas les impôts,", 0);
    assert_eq!(labels[0], serde_json::json!([a1.start, a1.end, "QUOTE"]));
    assert_eq!(labels[1][2], "QUOTE");
    // Offsets are code points: the family emoji is 5.
    assert_eq!(labels[5], serde_json::json!([0, 14, "CLAIM"]));
}

#[test]
fn doccano_relations_have_the_documented_shape() {
    let e = sample();
    let out = text(export(&e, Target::DoccanoRelations));
    let line: Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    let entities = line["entities"].as_array().unwrap();
    let relations = line["relations"].as_array().unwrap();
    // 7 decided annotations and 2 distinct speaker spans (王伟's quote is
    // only suggested).
    assert_eq!(entities.len(), 9);
    for e in entities {
        let keys: Vec<&str> = e.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys.len(), 4, "{e}");
        for k in ["id", "label", "start_offset", "end_offset"] {
            assert!(e.get(k).is_some(), "{k} in {e}");
        }
    }
    let speaker = find("Zoë Lefèvre", 0);
    let s = entities
        .iter()
        .find(|e| e["label"] == "SPEAKER" && e["start_offset"] == speaker.start)
        .unwrap();
    assert_eq!(relations.len(), 3);
    let r = &relations[0];
    assert_eq!(r["type"], "SAID_BY");
    assert_eq!(r["from_id"], entities[0]["id"]);
    assert_eq!(r["to_id"], s["id"]);
    assert!(r["id"].is_u64());
}

#[test]
fn doccano_round_trips_spans_labels_and_speaker_links() {
    let e = sample();
    for (target, links) in [(Target::Doccano, false), (Target::DoccanoRelations, true)] {
        let out = text(export(&e, target));
        let back = import_one(Source::Doccano, "x.jsonl", out.as_bytes()).unwrap();
        assert_eq!(
            back.documents.len(),
            1,
            "the unreviewed document is not written"
        );
        let (orig, got) = (&e.documents[0], &back.documents[0]);
        assert_eq!(got.text, TEXT);
        assert_eq!(got.name, orig.name);
        assert_eq!(
            spans_of(got, |_| true),
            spans_of(orig, Annotation::is_confirmed)
        );
        if links {
            assert_eq!(
                links_of(got, |_| true),
                links_of(orig, Annotation::is_confirmed)
            );
            let a1 = &got.annotations[0];
            assert_eq!(a1.speaker.as_deref(), Some("Zoë Lefèvre"));
        }
        assert!(got.annotations.iter().all(|a| a.status == Status::Accepted));
    }
}

// ----------------------------------------------------------- Label Studio

#[test]
fn label_studio_has_the_documented_shape() {
    let e = sample();
    let out = text(export(&e, Target::LabelStudio));
    let tasks: Value = serde_json::from_str(&out).unwrap();
    let task = &tasks[0];
    assert_eq!(task["data"]["text"], TEXT);
    let result = task["annotations"][0]["result"].as_array().unwrap();
    let r = &result[0];
    for k in ["id", "from_name", "to_name", "type", "value"] {
        assert!(r.get(k).is_some(), "{k}");
    }
    assert_eq!(r["type"], "labels");
    assert_eq!(r["from_name"], "label");
    assert_eq!(r["to_name"], "text");
    let a1 = find("Nous n'augmenterons pas les impôts,", 0);
    assert_eq!(r["value"]["start"], a1.start);
    assert_eq!(r["value"]["end"], a1.end);
    assert_eq!(r["value"]["text"], "Nous n'augmenterons pas les impôts,");
    assert_eq!(r["value"]["labels"], serde_json::json!(["Quote"]));
    let rel = result.iter().find(|r| r["type"] == "relation").unwrap();
    assert_eq!(rel["from_id"], "a1");
    assert_eq!(rel["direction"], "right");
    assert_eq!(rel["labels"], serde_json::json!(["said_by"]));
    let to = result
        .iter()
        .find(|r| r.get("id") == Some(&rel["to_id"]) && r["type"] == "labels")
        .unwrap();
    assert_eq!(to["value"]["labels"], serde_json::json!(["Speaker"]));
    // Suggestions are predictions; rejected ones appear nowhere.
    let predicted = task["predictions"][0]["result"].as_array().unwrap();
    let ids: Vec<&str> = predicted
        .iter()
        .filter(|r| r["type"] == "labels" && r["value"]["labels"][0] != "Speaker")
        .filter_map(|r| r["id"].as_str())
        .collect();
    assert_eq!(ids, ["a2", "a5"]);
    assert!(!out.contains("\"a6\""));
    assert_eq!(tasks[1]["annotations"], serde_json::json!([]));
}

#[test]
fn label_studio_round_trips_spans_links_statuses_speakers_and_kinds() {
    let e = sample();
    let out = text(export(&e, Target::LabelStudio));
    let back = import_one(Source::LabelStudio, "tasks.json", out.as_bytes()).unwrap();
    let (orig, got) = (&e.documents[0], &back.documents[0]);
    // Confirmed first (annotations), then suggestions (predictions).
    let mut want: Vec<&Annotation> = orig
        .annotations
        .iter()
        .filter(|a| a.status == Status::Accepted)
        .collect();
    want.extend(
        orig.annotations
            .iter()
            .filter(|a| a.status == Status::Suggested),
    );
    assert_eq!(got.annotations.len(), want.len());
    for (g, w) in got.annotations.iter().zip(want) {
        assert_eq!(
            (
                g.label,
                g.start,
                g.end,
                &g.text,
                g.status,
                g.kind,
                &g.speaker,
                g.speaker_span
            ),
            (
                w.label,
                w.start,
                w.end,
                &w.text,
                w.status,
                w.kind,
                &w.speaker,
                w.speaker_span
            ),
        );
    }
    assert_eq!(back.documents[1].annotations, vec![]);
}

#[test]
fn label_studio_utf16_offsets_are_refused() {
    // What an old Label Studio wrote: JavaScript offsets after an emoji.
    let json = r#"[{"data": {"text": "😀 Hi there"}, "annotations": [{"result": [
        {"id": "x", "from_name": "label", "to_name": "text", "type": "labels",
         "value": {"start": 3, "end": 5, "text": "Hi", "labels": ["Quote"]}}]}]}]"#;
    let err = import_one(Source::LabelStudio, "old.json", json.as_bytes()).unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.starts_with("old.json task 1, annotation region x: text \"Hi\" differs"),
        "{msg}"
    );
    assert!(msg.contains("code points"), "{msg}");
    let fixed = json.replace("\"start\": 3, \"end\": 5", "\"start\": 2, \"end\": 4");
    let e = import_one(Source::LabelStudio, "new.json", fixed.as_bytes()).unwrap();
    assert_eq!(e.documents[0].annotations[0].text, "Hi");
    assert_eq!(e.documents[0].name, "new-1.txt");
}

// ---------------------------------------------------------------- Prodigy

#[test]
fn prodigy_has_the_documented_shape() {
    // Document 1 wholly reviewed: its suggestions accepted.
    let mut e = sample();
    for a in &mut e.documents[0].annotations {
        if a.status == Status::Suggested {
            a.status = Status::Accepted;
        }
    }
    let out = text(export(&e, Target::Prodigy));
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // Document 1: one accept task and one reject task; document 2, which
    // nobody reviewed: none.
    assert_eq!(lines.len(), 2);
    let task = &lines[0];
    assert_eq!(task["answer"], "accept");
    assert_eq!(lines[1]["answer"], "reject");
    assert_eq!(lines[1]["spans"][0]["text"], "لا تعليق");
    let tokens = task["tokens"].as_array().unwrap();
    // Tokens rebuild the text and have the documented fields.
    let mut rebuilt = String::new();
    for (i, t) in tokens.iter().enumerate() {
        assert_eq!(t["id"], i);
        let (s, e) = (
            t["start"].as_u64().unwrap() as usize,
            t["end"].as_u64().unwrap() as usize,
        );
        let slice: String = TEXT.chars().skip(s).take(e - s).collect();
        assert_eq!(t["text"], slice.as_str());
        assert_eq!(rebuilt.chars().count(), s, "token {i} {t}");
        rebuilt.push_str(&slice);
        if t["ws"] == true {
            rebuilt.push(' ');
        }
    }
    assert_eq!(rebuilt, TEXT);
    // The family emoji and the flag are one token each.
    assert_eq!(tokens[0]["text"], "👩\u{200d}👩\u{200d}👧");
    assert!(tokens.iter().any(|t| t["text"] == "🇫🇷"));
    assert!(tokens.iter().any(|t| t["text"] == "e\u{301}te\u{301}"));
    // Spans sit on token edges; token_end is inclusive.
    for s in task["spans"].as_array().unwrap() {
        let ts = s["token_start"].as_u64().unwrap() as usize;
        let te = s["token_end"].as_u64().unwrap() as usize;
        assert_eq!(tokens[ts]["start"], s["start"], "{s}");
        assert_eq!(tokens[te]["end"], s["end"], "{s}");
        assert!(s["label"].is_string());
    }
    let labels: Vec<&str> = task["spans"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["label"].as_str().unwrap())
        .collect();
    assert_eq!(
        labels.iter().filter(|l| **l == "SPEAKER").count(),
        3,
        "{labels:?}"
    );
    let r = &task["relations"][0];
    assert_eq!(r["label"], "SAID_BY");
    assert_eq!(r["head"], r["head_span"]["token_end"]);
    assert_eq!(r["child"], r["child_span"]["token_end"]);
    assert_eq!(r["child_span"]["label"], "SPEAKER");
    assert_eq!(task["relations"].as_array().unwrap().len(), 4);
}

// ------------------------------------------------------------------- brat

fn brat_files(e: &Export) -> Vec<(String, Vec<u8>)> {
    match export(e, Target::Brat) {
        Output::Files(f) => f,
        Output::Text(_) => panic!("brat gives files"),
    }
}

#[test]
fn brat_has_the_documented_shape() {
    let e = sample();
    let files = brat_files(&e);
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "annotation.conf",
            "mixed, _news_.txt",
            "mixed, _news_.ann",
            "plain.txt",
            "plain.ann"
        ]
    );
    assert_eq!(files[1].1, TEXT.as_bytes());
    let ann = String::from_utf8(files[2].1.clone()).unwrap();
    let lines: Vec<&str> = ann.lines().collect();
    let a1 = find("Nous n'augmenterons pas les impôts,", 0);
    assert_eq!(
        lines[0],
        format!(
            "T1\tQuote {} {}\tNous n'augmenterons pas les impôts,",
            a1.start, a1.end
        )
    );
    // The quote across a line break is two fragments.
    let a8 = find("A quote that runs\r\nacross lines,", 0);
    assert!(
        ann.contains(&format!(
            "\tQuote {} {};{} {}\tA quote that runs across lines,\n",
            a8.start,
            a8.start + 17,
            a8.start + 19,
            a8.end
        )),
        "{ann}"
    );
    // The flag span ending in CRLF is whole, its text flattened.
    assert!(
        ann.contains("\tClaim 103 106\t🇫🇷  \n") || ann.contains("🇫🇷  \n"),
        "{ann}"
    );
    let sp = find("Zoë Lefèvre", 0);
    assert!(
        ann.contains(&format!(
            "T11\tSpeaker {} {}\tZoë Lefèvre\n",
            sp.start, sp.end
        )),
        "{ann}"
    );
    assert!(ann.contains("R1\tSaidBy Arg1:T1 Arg2:T11\n"), "{ann}");
    assert!(ann.contains("A1\tStatus T1 Accepted\n"), "{ann}");
    assert!(ann.contains("\tStatus T6 Rejected\n"), "{ann}");
    assert!(ann.contains("\tKind T1 Direct\n"), "{ann}");
    assert!(
        ann.contains("#1\tAnnotatorNotes T1\tspeaker: Zoë Lefèvre\n"),
        "{ann}"
    );
    for line in &lines {
        assert!(line.split('\t').count() >= 2, "{line}");
    }
    assert!(
        ANNOTATION_CONF_CHECK
            .iter()
            .all(|s| files[0].1.windows(s.len()).any(|w| w == s.as_bytes()))
    );
}

const ANNOTATION_CONF_CHECK: [&str; 4] =
    ["[entities]", "[relations]", "SaidBy\tArg1:", "Status\tArg:"];

#[test]
fn brat_round_trips_everything_it_carries_from_files_and_zip() {
    let e = sample();
    let files = brat_files(&e);
    let from_files = import(
        Source::Brat,
        &files
            .iter()
            .map(|(n, b)| InputFile { name: n, bytes: b })
            .collect::<Vec<_>>(),
    )
    .unwrap();
    let zip_bytes = export(&e, Target::Brat).into_bytes();
    let from_zip = import_one(Source::Brat, "brat.zip", &zip_bytes).unwrap();
    assert_eq!(from_files, from_zip);
    // Files are read in name order: "mixed…" before "plain".
    let (orig, got) = (&e.documents[0], &from_zip.documents[0]);
    assert_eq!(got.name, "mixed, _news_.txt");
    assert_eq!(got.text, TEXT);
    assert_eq!(got.annotations.len(), orig.annotations.len());
    for (g, w) in got.annotations.iter().zip(&orig.annotations) {
        assert_eq!(
            (
                g.label,
                g.start,
                g.end,
                &g.text,
                g.status,
                g.kind,
                &g.speaker,
                g.speaker_span
            ),
            (
                w.label,
                w.start,
                w.end,
                &w.text,
                w.status,
                w.kind,
                &w.speaker,
                w.speaker_span
            ),
            "{}",
            w.id
        );
    }
    assert_eq!(from_zip.documents[1].text, "No quotes here.\n");
}

#[test]
fn brat_reads_hand_written_files() {
    let text = "Ana said “no”.\nBob agreed.";
    let ann = "T1\tquote 10 12\tno\r\nT2\tSPEAKER 0 3\tAna\r\nR1\tSaidBy Arg1:T1 Arg2:T2\r\n\
               E1\tSomething:T1\r\nA1\tNegated T1\r\n#1\tAnnotatorNotes T2\tjust a note\r\n";
    let d = brat::import("a.txt", text, "a.ann", ann).unwrap();
    assert_eq!(d.annotations.len(), 1);
    let a = &d.annotations[0];
    assert_eq!(
        (a.label, a.text.as_str(), a.status),
        (Label::Quote, "no", Status::Accepted)
    );
    assert_eq!(a.speaker.as_deref(), Some("Ana"));
    assert_eq!(a.speaker_span, Some(Span { start: 0, end: 3 }));
}

// ---------------------------------------------------- W3C Web Annotation

#[test]
fn web_annotation_has_the_documented_shape() {
    let e = sample();
    let out = text(export(&e, Target::WebAnnotation));
    let items: Value = serde_json::from_str(&out).unwrap();
    let items = items.as_array().unwrap();
    assert_eq!(items.len(), 7, "suggested and rejected left out");
    let a = &items[0];
    assert_eq!(a["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(a["type"], "Annotation");
    assert_eq!(a["id"], "urn:hearsay:d1:a1");
    assert_eq!(a["body"][0]["type"], "TextualBody");
    assert_eq!(a["body"][0]["value"], "quote");
    assert_eq!(a["body"][0]["purpose"], "tagging");
    assert_eq!(a["body"][1]["value"], "Zoë Lefèvre");
    let sel = a["target"]["selector"].as_array().unwrap();
    assert_eq!(sel[0]["type"], "TextQuoteSelector");
    assert_eq!(sel[0]["exact"], "Nous n'augmenterons pas les impôts,");
    let a1 = find("Nous n'augmenterons pas les impôts,", 0);
    let chars: Vec<char> = TEXT.chars().collect();
    let before: String = chars[a1.start.saturating_sub(32)..a1.start]
        .iter()
        .collect();
    let after: String = chars[a1.end..a1.end + 32].iter().collect();
    assert_eq!(sel[0]["prefix"], before.as_str());
    assert_eq!(sel[0]["suffix"], after.as_str());
    assert_eq!(sel[1]["type"], "TextPositionSelector");
    assert_eq!(sel[1]["start"], a1.start);
    assert_eq!(sel[1]["end"], a1.end);
    // A rejected annotation is absent; a speaker-less one has one body.
    assert!(items.iter().all(|a| a["id"] != "urn:hearsay:d1:a6"));
    let a8 = items
        .iter()
        .find(|a| a["id"] == "urn:hearsay:d1:a8")
        .unwrap();
    assert_eq!(a8["body"].as_array().unwrap().len(), 1);
}

// -------------------------------------------------------------------- CSV

/// A minimal RFC 4180 reader, to check the writer.
fn read_csv(s: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    cell.push('"');
                } else {
                    quoted = false;
                }
            } else {
                cell.push(c);
            }
        } else if c == '"' {
            quoted = true;
        } else if c == ',' {
            row.push(std::mem::take(&mut cell));
        } else if c == '\r' && chars.peek() == Some(&'\n') {
            chars.next();
            row.push(std::mem::take(&mut cell));
            rows.push(std::mem::take(&mut row));
        } else {
            assert!(c != '\r' && c != '\n', "bare line break outside quotes");
            cell.push(c);
        }
    }
    assert!(cell.is_empty() && row.is_empty() && !quoted);
    rows
}

#[test]
fn csv_quotes_per_rfc_4180_and_defuses_formulas() {
    let e = sample();
    let out = text(export(&e, Target::Csv));
    let out = out.strip_prefix('\u{feff}').unwrap();
    assert!(out.ends_with("\r\n"));
    let rows = read_csv(out);
    assert_eq!(rows[0], ["document", "speaker", "quote", "label", "status"]);
    assert_eq!(rows.len(), 11);
    assert_eq!(
        rows[1],
        [
            "mixed, \"news\".txt",
            "Zoë Lefèvre",
            "Nous n'augmenterons pas les impôts,",
            "quote",
            "accepted"
        ]
    );
    assert_eq!(rows[6][4], "rejected");
    assert_eq!(rows[7][1], "the spokesman, \"off the record\"");
    assert_eq!(rows[8][2], "A quote that runs\r\nacross lines,");
    assert_eq!(rows[10][1], "'=HYPERLINK(\"x\")");
    for cell in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
        assert!(
            csv::cell_text(cell)
                .trim_start_matches('"')
                .starts_with('\''),
            "{cell}"
        );
    }
    assert_eq!(csv::cell_text("plain"), "plain");
    assert_eq!(csv::cell_text("a\"b"), "\"a\"\"b\"");
}

// ------------------------------------------------------------ bad input

#[test]
fn importers_name_the_bad_record() {
    let cases: Vec<(Source, &str, &str, &str)> = vec![
        (
            Source::Doccano,
            "a.jsonl",
            "{\"text\": \"abc\", \"label\": []}\n{oops",
            "a.jsonl line 2: not JSON",
        ),
        (
            Source::Doccano,
            "a.jsonl",
            "[1, 2]",
            "a.jsonl line 1: not a doccano record",
        ),
        (
            Source::Doccano,
            "a.jsonl",
            "{\"label\": []}",
            "a.jsonl line 1: not a doccano record: no \"text\"",
        ),
        (
            Source::Doccano,
            "a.jsonl",
            "\n\n{\"text\": \"abc\", \"label\": [[0, 9, \"QUOTE\"]]}",
            "a.jsonl line 3, label 1: end 9 is past the end of the text (3 code points)",
        ),
        (
            Source::Doccano,
            "a.jsonl",
            "{\"text\": \"abc\", \"label\": [[2, 1, \"QUOTE\"]]}",
            "label 1: start 2 is after end 1",
        ),
        (
            Source::Doccano,
            "a.jsonl",
            "{\"text\": \"abc\", \"label\": [[0, 1, \"PERSON\"]]}",
            "label 1: unknown label \"PERSON\"",
        ),
        (
            Source::Doccano,
            "a.jsonl",
            "{\"text\": \"abc\", \"label\": [[-1, 1, \"QUOTE\"]]}",
            "label 1: expected [start, end, \"LABEL\"] with non-negative",
        ),
        (
            Source::Doccano,
            "a.jsonl",
            "{\"text\": \"abc\", \"label\": [\"positive\"]}",
            "a text classification label is not a span",
        ),
        (
            Source::Doccano,
            "a.jsonl",
            "{\"text\": \"abc\", \"entities\": [{\"id\": 4, \"label\": \"QUOTE\", \"start_offset\": 0, \"end_offset\": 1.5}]}",
            "a.jsonl line 1, entity 4: \"end_offset\" is a number 1.5, not an offset",
        ),
        (
            Source::Doccano,
            "a.jsonl",
            "{\"text\": \"abc\", \"entities\": [{\"id\": 4, \"label\": \"QUOTE\", \"start_offset\": 0, \"end_offset\": 1}], \"relations\": [{\"id\": 1, \"from_id\": 4, \"to_id\": 9, \"type\": \"SAID_BY\"}]}",
            "line 1, relation 1: refers to \"9\", which is not a span",
        ),
        (
            Source::Doccano,
            "a.jsonl",
            "{\"text\": \"abc\", \"entities\": [{\"id\": 4, \"label\": \"QUOTE\", \"start_offset\": 0, \"end_offset\": 1}, {\"id\": 5, \"label\": \"QUOTE\", \"start_offset\": 1, \"end_offset\": 2}], \"relations\": [{\"id\": 1, \"from_id\": 4, \"to_id\": 5, \"type\": \"SAID_BY\"}]}",
            "relation 1: a said-by relation must link",
        ),
        (
            Source::Doccano,
            "a.jsonl",
            "{\"text\": \"abc\", \"entities\": [], \"relations\": [{\"type\": \"LIVES_IN\"}]}",
            "unknown relation type \"LIVES_IN\"",
        ),
        (
            Source::Doccano,
            "a.jsonl",
            "",
            "a.jsonl: no doccano records",
        ),
        (
            Source::LabelStudio,
            "t.json",
            "{\"a\": 1}",
            "t.json task 1: not a Label Studio task: no \"data\"",
        ),
        (
            Source::LabelStudio,
            "t.json",
            "3",
            "t.json: not Label Studio tasks: the JSON is a number",
        ),
        (
            Source::LabelStudio,
            "t.json",
            "[{\"id\": 7, \"data\": {\"content\": \"x\"}}]",
            "t.json task 1 (id 7): \"data\" has no \"text\"",
        ),
        (
            Source::LabelStudio,
            "t.json",
            "[{\"data\": {\"text\": \"abc\"}}, {\"data\": {\"text\": \"abc\"}, \"annotations\": [{\"result\": [{\"id\": \"r\", \"type\": \"labels\", \"value\": {\"start\": 0, \"end\": 4, \"labels\": [\"Quote\"]}}]}]}]",
            "t.json task 2, annotation region r: end 4 is past the end",
        ),
        (
            Source::LabelStudio,
            "t.json",
            "[{\"data\": {\"text\": \"abc\"}, \"annotations\": [{\"result\": [{\"id\": \"r\", \"type\": \"labels\", \"value\": {\"start\": 0, \"end\": 1, \"labels\": []}}]}]}]",
            "region r: \"value.labels\" is missing or empty",
        ),
        (
            Source::LabelStudio,
            "t.json",
            "[{\"data\": {\"text\": \"abc\"}, \"annotations\": {}}]",
            "\"annotations\" is an object, not an array",
        ),
        (
            Source::LabelStudio,
            "t.json",
            "[{\"data\": {\"text\": \"abc\"}, \"annotations\": [{\"result\": [{\"type\": \"relation\", \"from_id\": \"a\", \"to_id\": \"b\"}]}]}]",
            "annotation result 1: refers to \"a\"",
        ),
        (
            Source::LabelStudio,
            "t.json",
            "[{\"data\": {\"text\": \"abc\"}, \"annotations\": [{\"result\": [{\"id\": \"r\", \"type\": \"labels\", \"value\": {\"start\": 0, \"end\": 1, \"labels\": [\"Quote\"]}}, {\"id\": \"r\", \"type\": \"labels\", \"value\": {\"start\": 1, \"end\": 2, \"labels\": [\"Quote\"]}}]}]}]",
            "region r: duplicate id \"r\"",
        ),
    ];
    for (source, name, input, want) in cases {
        let got = import_one(source, name, input.as_bytes())
            .unwrap_err()
            .to_string();
        assert!(got.contains(want), "got {got:?}, want {want:?}");
    }
}

#[test]
fn brat_importer_names_the_bad_record() {
    let text = "Ana said no.";
    let cases = [
        (
            "T1\tQuote 8 10\tno",
            ".ann line 1 (T1): text \"no\" differs from the text at 8..10 (\" n\")",
        ),
        (
            "T1\tQuote 9 99\tno",
            "a.ann line 1 (T1): fragment 9 99 is not inside the text (12 code points)",
        ),
        (
            "T1\tQuote nine 11\tno",
            "a.ann line 1 (T1): offsets \"nine 11\" are not non-negative integers",
        ),
        ("T1\tQuote 9\tno", "offsets \"9\" are not START END"),
        (
            "T1\tPerson 0 3\tAna",
            "a.ann line 1 (T1): unknown label \"Person\"",
        ),
        (
            "T1\tQuote 9 11\tno\nT1\tQuote 0 3\tAna",
            "a.ann line 2 (T1): duplicate id \"T1\"",
        ),
        (
            "T1\tQuote 9 11\tno\nR1\tSaidBy Arg1:T1 Arg2:T7",
            "a.ann line 2 (R1): refers to \"T7\"",
        ),
        (
            "T1\tQuote 9 11\tno\nR1\tCauses Arg1:T1 Arg2:T1",
            "unknown relation type \"Causes\"",
        ),
        (
            "T1\tQuote 9 11\tno\nA1\tStatus T1 Maybe",
            "a.ann line 2 (A1): Status \"Maybe\" is not",
        ),
        (
            "T1\tQuote 9 11\tno\nA1\tStatus T5 Accepted",
            "a.ann line 2 (A1): refers to \"T5\"",
        ),
        (
            "hello world",
            "a.ann line 1 (hello world): not a brat annotation line",
        ),
        (
            "X1\tQuote 0 1\tA",
            "not a brat annotation line (ids start with",
        ),
        ("T1\tQuote 0 3;2 5\tAna", "fragments overlap"),
        (
            "T1\tQuote 0 3;4 8\tAna xxxx",
            "differs from the text of its fragments (\"Ana said\")",
        ),
    ];
    for (ann, want) in cases {
        let got = brat::import("a.txt", text, "a.ann", ann)
            .unwrap_err()
            .to_string();
        assert!(got.contains(want), "got {got:?}, want {want:?}");
    }
    // Pairing: an .ann without its .txt.
    let got = import(
        Source::Brat,
        &[InputFile {
            name: "x.ann",
            bytes: b"",
        }],
    )
    .unwrap_err();
    assert!(
        got.to_string().contains("x.ann: no x.txt beside it"),
        "{got}"
    );
    let got = import_one(Source::Brat, "b.zip", b"not a zip").unwrap_err();
    assert!(
        got.to_string().starts_with("b.zip: not a zip archive"),
        "{got}"
    );
    let got = import_one(Source::Doccano, "u.jsonl", b"{\"text\": \"\xff\"}").unwrap_err();
    assert!(
        got.to_string()
            .contains("u.jsonl: not valid UTF-8 (byte 10)"),
        "{got}"
    );
}

#[test]
fn hostile_input_never_panics() {
    let e = sample();
    let mut inputs: Vec<(Source, String)> = Vec::new();
    for (target, source) in [
        (Target::Doccano, Source::Doccano),
        (Target::DoccanoRelations, Source::Doccano),
        (Target::LabelStudio, Source::LabelStudio),
    ] {
        let out = text(export(&e, target));
        // Every truncation, and number edits.
        for (i, _) in out.char_indices().step_by(11) {
            inputs.push((source, out[..i].to_string()));
        }
        for (from, to) in [
            ("\"start\": 1", "\"start\": 18446744073709551615"),
            (": 1", ": 1e999"),
            (": 1", ": -3"),
            ("\"id\"", "\"xid\""),
            ("\"labels\"", "\"lab\""),
            ("\"text\"", "\"txt\""),
            ("[", "[[[["),
        ] {
            inputs.push((source, out.replace(from, to)));
        }
    }
    inputs.push((Source::LabelStudio, "[".repeat(50_000)));
    inputs.push((Source::Doccano, "{".repeat(50_000)));
    for (source, input) in &inputs {
        let _ = import_one(*source, "x", input.as_bytes());
    }
    // brat: every truncation and odd line of an .ann.
    let files = brat_files(&e);
    let ann = String::from_utf8(files[2].1.clone()).unwrap();
    for (i, _) in ann.char_indices().step_by(3) {
        let _ = brat::import("t.txt", TEXT, "t.ann", &ann[..i]);
    }
    for odd in [
        "T1\tQuote 18446744073709551615 18446744073709551616\tx",
        "T1\tQuote ;\tx",
        "T1\tQuote 1 2;\tx",
        "T1\t\t",
        "T1",
        "R1\tSaidBy",
        "A1\tStatus",
        "#1\tAnnotatorNotes",
        "\t\t\t",
        "T\tQuote 0 0\t",
    ] {
        let _ = brat::import("t.txt", TEXT, "t.ann", odd);
    }
    // zip: every truncation of a real export.
    let zip_bytes = export(&e, Target::Brat).into_bytes();
    for i in (0..zip_bytes.len()).step_by(7) {
        let _ = import_one(Source::Brat, "z.zip", &zip_bytes[..i]);
    }
}

#[test]
fn imports_are_valid_hearsay_exports_with_derived_fields() {
    let e = sample();
    let out = text(export(&e, Target::LabelStudio));
    let back = import_one(Source::LabelStudio, "t.json", out.as_bytes()).unwrap();
    let json = back.to_json();
    assert_eq!(Export::parse(&json).unwrap(), back);
    let ids: Vec<&str> = back.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["d1", "d2"]);
    assert!(json.contains("\"sha256\""));
}

#[test]
fn prodigy_tokens_always_align_with_spans() {
    let pieces = [
        "a",
        " ",
        "  ",
        "\r\n",
        "é",
        "e\u{301}",
        "👩\u{200d}👩\u{200d}👧",
        "🇫🇷",
        "中",
        "“",
        ",",
        "لا",
        "\t",
        "x1",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    for _ in 0..300 {
        let text: String = (0..next(20)).map(|_| pieces[next(pieces.len())]).collect();
        let len = text.chars().count();
        let mut annotations = Vec::new();
        for k in 0..next(4) {
            let start = next(len + 1);
            let end = start + next(len - start + 1);
            let index = crate::CharIndex::new(&text);
            annotations.push(Annotation {
                status: if k % 2 == 0 {
                    Status::Accepted
                } else {
                    Status::Rejected
                },
                ..Annotation::new(
                    format!("a{k}"),
                    Label::Quote,
                    start,
                    end,
                    index.slice(start, end),
                )
            });
        }
        let e = Export::new(vec![Document {
            models: None,
            annotators: Vec::new(),
            id: "d".into(),
            name: "n".into(),
            text: text.clone(),
            sentences: vec![],
            annotations,
        }]);
        for line in text_of(export(&e, Target::Prodigy)).lines() {
            let task: Value = serde_json::from_str(line).unwrap();
            let tokens = task["tokens"].as_array().unwrap();
            let mut rebuilt = String::new();
            for t in tokens {
                rebuilt.push_str(t["text"].as_str().unwrap());
                if t["ws"] == true {
                    rebuilt.push(' ');
                }
            }
            assert_eq!(rebuilt, text);
            for s in task["spans"].as_array().unwrap() {
                let ts = s["token_start"].as_u64().unwrap() as usize;
                let te = s["token_end"].as_u64().unwrap() as usize;
                assert_eq!(tokens[ts]["start"], s["start"], "{text:?} {s}");
                assert_eq!(tokens[te]["end"], s["end"], "{text:?} {s}");
            }
        }
    }
}

fn text_of(out: Output) -> String {
    text(out)
}

#[test]
fn exporters_never_panic_on_inconsistent_exports() {
    let mut e = sample();
    let doc = &mut e.documents[0];
    doc.annotations[0].end = 10_000;
    doc.annotations[1].start = 500;
    doc.annotations[1].end = 3;
    doc.annotations[2].speaker_span = Some(Span {
        start: 9_000,
        end: 1,
    });
    doc.annotations[3].id = "a1".into();
    for t in Target::ALL {
        let _ = export(&e, t).into_bytes();
    }
    let _ = e.to_json();
}

#[test]
fn sources_are_guessed_from_name_and_content() {
    let e = sample();
    let g = |name: &str, bytes: &[u8]| Source::guess(name, bytes);
    assert_eq!(g("x.zip", b""), Some(Source::Brat));
    assert_eq!(
        g("x", &export(&e, Target::Brat).into_bytes()),
        Some(Source::Brat)
    );
    assert_eq!(g("a.ann", b"T1\tQuote 0 1\tx"), Some(Source::Brat));
    assert_eq!(g("a.jsonl", b""), Some(Source::Doccano));
    let doccano = text(export(&e, Target::DoccanoRelations));
    assert_eq!(g("a.json", doccano.as_bytes()), Some(Source::Doccano));
    let ls = text(export(&e, Target::LabelStudio));
    assert_eq!(g("a.json", ls.as_bytes()), Some(Source::LabelStudio));
    assert_eq!(
        g("a.json", b"{\n  \"data\": {\"text\": \"x\"}\n}"),
        Some(Source::LabelStudio)
    );
    assert_eq!(g("a.json", e.to_json().as_bytes()), None);
    assert_eq!(g("a.bin", b"\xff\xfe"), None);
}
