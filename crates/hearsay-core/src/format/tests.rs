//! The export's contract, read and written.

mod export {
    use crate::format::*;
    use crate::{Analysis, CharIndex, Label, QuoteKind, Sentence, Span};

    #[test]
    fn an_annotator_name_is_read_written_and_left_out_when_absent() {
        let mut export = Export::new(Vec::new());
        assert!(!export.to_json().contains("annotator"));
        export.annotator = Some("Ana Ruiz".into());
        let json = export.to_json();
        assert!(json.contains("\"annotator\": \"Ana Ruiz\""), "{json}");
        assert_eq!(Export::parse(&json).unwrap(), export);
    }

    #[test]
    fn json_pieces_put_together_are_the_export() {
        let texts = [
            "“We won’t,” said Ana Ruiz. 👩‍👩‍👧 Ça va.",
            "Lee Park ruled out a delay.\n\nNo quote here.",
            "",
        ];
        for n in 0..=texts.len() {
            let docs: Vec<Document> = texts[..n]
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    let a = crate::analyze(t, &Default::default());
                    Document::from_analysis(&format!("d{i}"), &format!("f{i}.txt"), t, &a)
                })
                .collect();
            let written = |layout| {
                let mut writer = ExportWriter::new(Vec::new(), layout).unwrap();
                for d in &docs {
                    writer.document(d).unwrap();
                }
                assert_eq!(writer.documents(), docs.len());
                String::from_utf8(writer.finish().unwrap()).unwrap()
            };
            let (json, jsonl) = (written(Layout::Json), written(Layout::Jsonl));
            let whole = Export::new(docs);
            assert_eq!(json, whole.to_json(), "{n} documents");
            assert_eq!(jsonl, to_jsonl(&whole));
        }
    }
    use crate::Suggestion;

    const TEXT: &str = "“Nein,” sagte Ana Ruiz 😀. Prices rose 5%.\nShe denied it.";

    fn ann(id: &str, label: Label, start: usize, end: usize) -> Annotation {
        Annotation::new(
            id,
            label,
            start,
            end,
            CharIndex::new(TEXT).slice(start, end),
        )
    }

    fn sample() -> Export {
        let mut quote = ann("a1", Label::Quote, 1, 5);
        quote.kind = Some(QuoteKind::Direct);
        quote.speaker = Some("Ana Ruiz".into());
        quote.speaker_span = Some(Span { start: 14, end: 22 });
        quote.cue = Some("sagte".into());
        quote.confidence = 0.93;
        quote.origin = Origin::Extractor;
        quote.status = Status::Suggested;
        let claim = ann("a2", Label::Claim, 26, 41);
        let mut denial = ann("a3", Label::Denial, 42, 56);
        denial.status = Status::Rejected;
        Export::new(vec![Document {
            models: None,
            annotators: Vec::new(),
            id: "d1".into(),
            name: "ruiz.txt".into(),
            text: TEXT.into(),
            sentences: vec![
                Sentence {
                    start: 0,
                    end: 25,
                    boilerplate: false,
                    paragraph: 0,
                },
                Sentence {
                    start: 26,
                    end: 41,
                    boilerplate: false,
                    paragraph: 0,
                },
                Sentence {
                    start: 42,
                    end: 56,
                    boilerplate: false,
                    paragraph: 1,
                },
            ],
            annotations: vec![quote, claim, denial],
        }])
    }

    #[test]
    fn sample_is_consistent() {
        let e = sample();
        let doc = &e.documents[0];
        assert_eq!(doc.annotations[0].text, "Nein");
        assert_eq!(doc.annotations[1].text, "Prices rose 5%.");
        assert_eq!(doc.annotations[2].text, "She denied it.");
        assert_eq!(CharIndex::new(TEXT).len_chars(), 56);
        e.validate().unwrap();
    }

    #[test]
    fn json_round_trips_exactly() {
        let e = sample();
        let json = e.to_json();
        let parsed = Export::parse(&json).unwrap();
        assert_eq!(parsed, e);
        assert_eq!(parsed.to_json(), json);
        // Field order follows the contract.
        let order = ["\"format\"", "\"version\"", "\"offsets\"", "\"documents\""];
        let pos: Vec<usize> = order.iter().map(|k| json.find(k).unwrap()).collect();
        assert!(pos.windows(2).all(|w| w[0] < w[1]), "{json}");
        let keys = [
            "\"id\"",
            "\"label\"",
            "\"start\"",
            "\"end\"",
            "\"text\"",
            "\"kind\"",
            "\"speaker\"",
            "\"speaker_span\"",
            "\"cue\"",
            "\"confidence\"",
            "\"origin\"",
            "\"status\"",
        ];
        let a = json.find("\"annotations\"").unwrap();
        let pos: Vec<usize> = keys
            .iter()
            .map(|k| a + json[a..].find(k).unwrap())
            .collect();
        assert!(pos.windows(2).all(|w| w[0] < w[1]), "{json}");
        assert!(json.contains("\"confidence\": 0.93"), "{json}");
        assert!(json.contains("\"kind\": null"));
    }

    #[test]
    fn optional_fields_may_be_missing_and_unknown_fields_are_ignored() {
        let json = r#"{"format":"hearsay","version":1,"offsets":"codepoint","extra":[1],
            "documents":[{"id":"x","name":"n","text":"ab","sentences":[],"note":"hi",
            "annotations":[{"id":"a","label":"claim","start":0,"end":2,"text":"ab",
            "confidence":0.5,"origin":"annotator","status":"accepted","colour":"red"}]}]}"#;
        let e = Export::parse(json).unwrap();
        let a = &e.documents[0].annotations[0];
        assert_eq!(
            (
                a.kind,
                a.speaker.as_deref(),
                a.speaker_span,
                a.cue.as_deref()
            ),
            (None, None, None, None)
        );
        assert_eq!(a.label, Label::Claim);
    }

    fn error_of(edit: impl FnOnce(&mut Export)) -> String {
        let mut e = sample();
        edit(&mut e);
        let json = serde_json::to_string(&e).unwrap();
        Export::parse(&json).unwrap_err().to_string()
    }

    #[test]
    fn refuses_inconsistent_exports_naming_the_record() {
        type Edit = Box<dyn FnOnce(&mut Export)>;
        let cases: Vec<(Edit, &str)> = vec![
            (
                Box::new(|e| e.format = "other".into()),
                "\"format\" is \"other\", expected \"hearsay\"",
            ),
            (
                Box::new(|e| e.version = 2),
                "\"version\" is \"2\", expected \"1\"",
            ),
            (
                Box::new(|e| e.offsets = "utf16".into()),
                "\"offsets\" is \"utf16\"",
            ),
            (
                Box::new(|e| e.documents[0].annotations[1].end = 900),
                "document 1 (\"ruiz.txt\"), annotation \"a2\": end 900 is past the end of the text (56 code points)",
            ),
            (
                Box::new(|e| e.documents[0].annotations[1].start = 50),
                "annotation \"a2\": start 50 is after end 41",
            ),
            (
                Box::new(|e| e.documents[0].annotations[0].text = "Nien".into()),
                "annotation \"a1\": text \"Nien\" differs from the text at 1..5 (\"Nein\")",
            ),
            (
                Box::new(|e| e.documents[0].annotations[2].id = "a1".into()),
                "annotation \"a1\": duplicate annotation id",
            ),
            (
                Box::new(|e| {
                    e.documents[0].annotations[0].speaker_span = Some(Span { start: 50, end: 57 })
                }),
                "annotation \"a1\": speaker_span 50..57 is not inside the text",
            ),
            (
                Box::new(|e| e.documents[0].annotations[0].confidence = 1.5),
                "annotation \"a1\": confidence 1.5 is not between 0 and 1",
            ),
            (
                Box::new(|e| e.documents[0].annotations[0].confidence = -0.1),
                "confidence -0.1 is not between 0 and 1",
            ),
            (
                Box::new(|e| e.documents[0].sentences[1].start = 20),
                "document 1 (\"ruiz.txt\"), sentence 1: start 20 overlaps or precedes the previous sentence",
            ),
            (
                Box::new(|e| e.documents[0].sentences[2].end = 57),
                "sentence 2: end 57 is past the end of the text (56 code points)",
            ),
            (
                Box::new(|e| e.documents[0].sentences[0].start = 30),
                "sentence 0: start 30 is after end 25",
            ),
            (
                Box::new(|e| {
                    let mut d = e.documents[0].clone();
                    d.name = "b.txt".into();
                    e.documents.push(d);
                }),
                "document 2 (\"b.txt\"): duplicate document id \"d1\"",
            ),
        ];
        for (edit, want) in cases {
            let got = error_of(edit);
            assert!(got.contains(want), "got {got:?}, want {want:?}");
        }
    }

    #[test]
    fn json_errors_carry_the_position() {
        let err = Export::parse("{\"format\": \"hearsay\",\n \"version\": \"one\"}").unwrap_err();
        let FormatError::Json { line, .. } = &err else {
            panic!("{err:?}")
        };
        assert_eq!(*line, 2);
        let msg = err.to_string();
        assert!(
            msg.contains("invalid type") && msg.contains("line 2"),
            "{msg}"
        );
        let msg = Export::parse("").unwrap_err().to_string();
        assert!(msg.starts_with("not a hearsay export"), "{msg}");
        let msg = Export::parse(r#"{"format":"hearsay","version":1,"offsets":"codepoint"}"#)
            .unwrap_err()
            .to_string();
        assert!(msg.contains("missing field `documents`"), "{msg}");
    }

    #[test]
    fn hostile_input_is_refused_without_panicking() {
        let base = sample().to_json();
        let mut inputs = vec![
            "null".to_string(),
            "[]".to_string(),
            "{".to_string(),
            "\u{feff}{}".to_string(),
            "[".repeat(100_000),
            base.replace("\"start\": 1,", "\"start\": 99999999999999999999999,"),
            base.replace("\"start\": 1,", "\"start\": -1,"),
            base.replace("\"start\": 1,", "\"start\": 1.5,"),
            base.replace("0.93", "1e999"),
            base.replace("\"quote\"", "\"Quote\""),
            base.replace("\"suggested\"", "\"maybe\""),
            base.replace("\"end\": 5,", "\"end\": 18446744073709551615,"),
            base.replace("\"end\": 25,", "\"end\": 18446744073709551615,"),
        ];
        // Every truncation of a valid export.
        for (i, _) in base.char_indices().step_by(7) {
            inputs.push(base[..i].to_string());
        }
        for input in &inputs {
            assert!(Export::parse(input).is_err(), "accepted {input:.80}");
        }
    }

    #[test]
    fn from_analysis_builds_suggested_annotations() {
        let analysis = Analysis {
            sentences: vec![Sentence {
                start: 0,
                end: 25,
                boilerplate: false,
                paragraph: 0,
            }],
            suggestions: vec![
                Suggestion {
                    label: Label::Quote,
                    start: 1,
                    end: 5,
                    kind: Some(QuoteKind::Direct),
                    speaker: Some("Ana Ruiz".into()),
                    speaker_span: Some(Span { start: 14, end: 22 }),
                    cue: Some("sagte".into()),
                    confidence: 0.9,
                    speaker_confidence: Some(0.75),
                    sentence: 0,
                },
                Suggestion {
                    label: Label::Claim,
                    start: 26,
                    end: 99, // past the end: clamped
                    kind: None,
                    speaker: None,
                    speaker_span: None,
                    cue: None,
                    confidence: f32::NAN,
                    speaker_confidence: Some(f32::NAN),
                    sentence: 1,
                },
            ],
            diagnostics: vec![],
        };
        let doc = Document::from_analysis("d7", "some/dir\\ruiz.txt", TEXT, &analysis);
        assert_eq!(doc.id, "d7");
        assert_eq!(doc.name, "ruiz.txt");
        assert_eq!(doc.sentences, analysis.sentences);
        let ids: Vec<&str> = doc.annotations.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a1", "a2"]);
        let a = &doc.annotations[0];
        assert_eq!(a.text, "Nein");
        assert_eq!((a.origin, a.status), (Origin::Extractor, Status::Suggested));
        assert_eq!(a.speaker.as_deref(), Some("Ana Ruiz"));
        assert_eq!(a.confidence, 0.9);
        let b = &doc.annotations[1];
        assert_eq!((b.start, b.end, b.confidence), (26, 56, 0.0));
        assert_eq!(b.text, "Prices rose 5%.\nShe denied it.");
        let export = Export::new(vec![doc]);
        assert_eq!(Export::parse(&export.to_json()).unwrap(), export);
    }

    #[test]
    fn names_and_status_strings() {
        assert_eq!(base_name("a/b\\c.txt"), "c.txt");
        assert_eq!(base_name("c.txt"), "c.txt");
        assert_eq!(base_name("dir/"), "");
        assert_eq!(Origin::Annotator.as_str(), "annotator");
        assert_eq!(Status::Rejected.as_str(), "rejected");
        for s in [Status::Suggested, Status::Accepted, Status::Rejected] {
            assert_eq!(
                serde_json::to_string(&s).unwrap(),
                format!("\"{}\"", s.as_str())
            );
        }
        for o in [Origin::Extractor, Origin::Annotator] {
            assert_eq!(
                serde_json::to_string(&o).unwrap(),
                format!("\"{}\"", o.as_str())
            );
        }
    }

    #[test]
    fn jsonl_has_one_line_per_sentence() {
        let mut e = sample();
        // An annotator's quote in sentence 1 with a speaker; a suggested
        // denial in sentence 0.
        let mut q = ann("a4", Label::Quote, 26, 32);
        q.speaker = Some("Ruiz".into());
        e.documents[0].annotations.push(q);
        let mut d = ann("a5", Label::Denial, 1, 5);
        d.origin = Origin::Extractor;
        d.status = Status::Suggested;
        e.documents[0].annotations.push(d);
        let out = to_jsonl(&e);
        let lines: Vec<serde_json::Value> = out
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0]["document"], "ruiz.txt");
        assert_eq!(lines[0]["document_id"], "d1");
        assert_eq!(lines[0]["text"], "“Nein,” sagte Ana Ruiz 😀.");
        assert_eq!(lines[0]["labels"], serde_json::json!([]));
        assert_eq!(
            lines[0]["suggested"],
            serde_json::json!(["denial", "quote"])
        );
        assert_eq!(lines[1]["sentence"], 1);
        assert_eq!(lines[1]["labels"], serde_json::json!(["claim", "quote"]));
        assert_eq!(lines[1]["speakers"], serde_json::json!(["Ruiz"]));
        // The rejected denial appears nowhere.
        assert_eq!(lines[2]["labels"], serde_json::json!([]));
        assert_eq!(lines[2]["suggested"], serde_json::json!([]));
        assert_eq!(lines[2]["boilerplate"], false);
        assert_eq!(
            (lines[2]["start"].as_u64(), lines[2]["end"].as_u64()),
            (Some(42), Some(56))
        );
    }
}

mod derived {
    use crate::format::*;
    use crate::{Label, QuoteKind};

    /// Emoji (a ZWJ family, a flag), a combining accent, CJK, Arabic and
    /// Hebrew, and CRLF line ends.
    const TEXT: &str = "👩\u{200d}👩\u{200d}👧 Family 🇫🇷 says: “Cafe\u{301} is open,” Zoë said.\r\n\
        中文报道：“我们没有计划。”\r\nقال الوزير: «لن نرفع الضرائب» ثم غادر.\r\nשלום, אמר הדובר.\r\n";

    fn span_of(needle: &str) -> (usize, usize) {
        let byte = TEXT.find(needle).unwrap();
        let start = TEXT[..byte].chars().count();
        (start, start + needle.chars().count())
    }

    fn export() -> Export {
        let pieces = [
            ("a1", "👩\u{200d}👩\u{200d}👧"),
            ("a2", "Cafe\u{301} is open,"),
            ("a3", "我们没有计划。"),
            ("a4", "لن نرفع الضرائب"),
            ("a5", "שלום"),
            ("a6", "\r\n中文"),
            ("a7", "🇫🇷"),
        ];
        let annotations = pieces
            .iter()
            .map(|(id, needle)| {
                let (start, end) = span_of(needle);
                Annotation {
                    kind: Some(QuoteKind::Direct),
                    speaker: Some("Zoë".into()),
                    ..Annotation::new(*id, Label::Quote, start, end, *needle)
                }
            })
            .collect();
        Export::new(vec![Document {
            models: None,
            annotators: Vec::new(),
            id: "d1".into(),
            name: "mixed.txt".into(),
            text: TEXT.into(),
            sentences: vec![],
            annotations,
        }])
    }

    /// What JavaScript would do: encode to UTF-16 and slice.
    fn js_slice(text: &str, start: usize, end: usize) -> String {
        let units: Vec<u16> = text.encode_utf16().collect();
        String::from_utf16(&units[start..end]).unwrap()
    }

    #[test]
    fn sha256_is_the_hex_digest_of_the_utf8_text() {
        assert_eq!(
            sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            sha256_hex(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn derived_fields_are_written_and_agree_with_javascript_slicing() {
        let e = export();
        let json = e.to_json();
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let doc = &v["documents"][0];
        assert_eq!(doc["sha256"], sha256_hex(TEXT));
        assert_eq!(doc["sha256"].as_str().unwrap().len(), 64);
        for a in doc["annotations"].as_array().unwrap() {
            let s16 = a["start_utf16"].as_u64().unwrap() as usize;
            let e16 = a["end_utf16"].as_u64().unwrap() as usize;
            assert_eq!(js_slice(TEXT, s16, e16), a["text"].as_str().unwrap(), "{a}");
            let s = a["start"].as_u64().unwrap() as usize;
            let prefix: String = TEXT.chars().take(s).collect();
            assert_eq!(s16, prefix.encode_utf16().count());
        }
        // The ZWJ family is 5 code points but 8 UTF-16 units.
        let a1 = &doc["annotations"][0];
        assert_eq!(
            (a1["start"].as_u64(), a1["end"].as_u64()),
            (Some(0), Some(5))
        );
        assert_eq!(a1["end_utf16"].as_u64(), Some(8));
        // Field order: sha256 after text, the UTF-16 offsets after end.
        let order = ["\"text\"", "\"sha256\"", "\"sentences\""];
        let pos: Vec<usize> = order.iter().map(|k| json.find(k).unwrap()).collect();
        assert!(pos.windows(2).all(|w| w[0] < w[1]), "{json}");
        let a = json.find("\"annotations\"").unwrap();
        let keys = ["\"end\"", "\"start_utf16\"", "\"end_utf16\"", "\"text\""];
        let pos: Vec<usize> = keys
            .iter()
            .map(|k| a + json[a..].find(k).unwrap())
            .collect();
        assert!(pos.windows(2).all(|w| w[0] < w[1]), "{json}");
        // Round trip, and the methods agree with the JSON.
        assert_eq!(Export::parse(&json).unwrap(), e);
        assert_eq!(e.documents[0].sha256(), sha256_hex(TEXT));
        assert_eq!(e.documents[0].utf16_offsets()[0], (0, 8));
    }

    #[test]
    fn derived_fields_are_optional_when_reading() {
        let e = export();
        let mut v: serde_json::Value = serde_json::from_str(&e.to_json()).unwrap();
        let doc = v["documents"][0].as_object_mut().unwrap();
        doc.remove("sha256");
        for a in doc["annotations"].as_array_mut().unwrap() {
            a.as_object_mut().unwrap().remove("start_utf16");
        }
        assert_eq!(Export::parse(&v.to_string()).unwrap(), e);
        // Upper-case hex is the same digest.
        let mut v: serde_json::Value = serde_json::from_str(&e.to_json()).unwrap();
        v["documents"][0]["sha256"] = sha256_hex(TEXT).to_uppercase().into();
        assert_eq!(Export::parse(&v.to_string()).unwrap(), e);
    }

    #[test]
    fn inconsistent_derived_fields_are_refused_naming_the_record() {
        let e = export();
        let base: serde_json::Value = serde_json::from_str(&e.to_json()).unwrap();
        type Edit = fn(&mut serde_json::Value);
        let cases: [(Edit, &str); 5] = [
            (
                |v| v["documents"][0]["sha256"] = sha256_hex("other text").into(),
                "document 1 (\"mixed.txt\"): sha256 ",
            ),
            (
                |v| v["documents"][0]["sha256"] = "zz".into(),
                "does not match the text (whose sha256 is",
            ),
            (
                // Code point offsets given as UTF-16 offsets: the classic bug.
                |v| v["documents"][0]["annotations"][1]["start_utf16"] = 19.into(),
                "annotation \"a2\": start_utf16 19 does not match start",
            ),
            (
                |v| v["documents"][0]["annotations"][6]["end_utf16"] = 1.into(),
                "annotation \"a7\": end_utf16 1 does not match end",
            ),
            (
                // The text changed (CRLF to LF) but the hash did not.
                |v| {
                    let text = v["documents"][0]["text"]
                        .as_str()
                        .unwrap()
                        .replace("\r\n", "\n");
                    v["documents"][0]["text"] = text.into();
                    v["documents"][0]["annotations"] = serde_json::json!([]);
                },
                "sha256",
            ),
        ];
        for (edit, want) in cases {
            let mut v = base.clone();
            edit(&mut v);
            let got = Export::parse(&v.to_string()).unwrap_err().to_string();
            assert!(got.contains(want), "got {got:?}, want {want:?}");
        }
        // Wrong JSON types for the derived fields are refused, not ignored.
        let mut v = base.clone();
        v["documents"][0]["annotations"][0]["start_utf16"] = (-1).into();
        assert!(Export::parse(&v.to_string()).is_err());
        let mut v = base;
        v["documents"][0]["sha256"] = 5.into();
        assert!(Export::parse(&v.to_string()).is_err());
    }
}

mod review {
    //! How far a document's review has come, from its annotations.

    use crate::Label;
    use crate::format::{Annotation, Document, DocumentReview, Origin, Status};

    fn doc(statuses: &[(Status, Origin)]) -> Document {
        let text = "a b c d e";
        let annotations = statuses
            .iter()
            .enumerate()
            .map(|(i, &(status, origin))| Annotation {
                status,
                origin,
                ..Annotation::new(
                    format!("a{i}"),
                    Label::Claim,
                    2 * i,
                    2 * i + 1,
                    &text[2 * i..2 * i + 1],
                )
            })
            .collect();
        Document {
            models: None,
            annotators: Vec::new(),
            id: "d1".into(),
            name: "a.txt".into(),
            text: text.into(),
            sentences: Vec::new(),
            annotations,
        }
    }

    #[test]
    fn document_without_annotations_is_unreviewed() {
        assert_eq!(doc(&[]).review(), DocumentReview::Unreviewed);
    }

    #[test]
    fn document_of_suggestions_only_is_unreviewed() {
        let d = doc(&[(Status::Suggested, Origin::Extractor); 3]);
        assert_eq!(d.review(), DocumentReview::Unreviewed);
    }

    #[test]
    fn one_decision_among_suggestions_is_partial() {
        let d = doc(&[
            (Status::Suggested, Origin::Extractor),
            (Status::Rejected, Origin::Extractor),
        ]);
        assert_eq!(d.review(), DocumentReview::Partial);
    }

    #[test]
    fn every_annotation_decided_is_reviewed() {
        let d = doc(&[
            (Status::Accepted, Origin::Extractor),
            (Status::Rejected, Origin::Extractor),
            (Status::Accepted, Origin::Annotator),
        ]);
        assert_eq!(d.review(), DocumentReview::Reviewed);
    }

    #[test]
    fn unsettled_adjudication_keeps_the_document_partial() {
        let d = doc(&[
            (Status::Accepted, Origin::Adjudicated),
            (Status::Suggested, Origin::Adjudicated),
        ]);
        assert_eq!(d.review(), DocumentReview::Partial);
    }

    #[test]
    fn a_suggestion_is_never_confirmed_whoever_made_it() {
        let d = doc(&[
            (Status::Suggested, Origin::Extractor),
            (Status::Suggested, Origin::Annotator),
            (Status::Suggested, Origin::Adjudicated),
        ]);
        assert!(d.annotations.iter().all(|a| !a.is_confirmed()));
    }

    #[test]
    fn review_names_are_lowercase() {
        assert_eq!(DocumentReview::Unreviewed.as_str(), "unreviewed");
        assert_eq!(DocumentReview::Partial.as_str(), "partial");
        assert_eq!(DocumentReview::Reviewed.as_str(), "reviewed");
    }
}

#[cfg(feature = "statements")]
mod statements {
    //! The optional `statements` list: read, written, validated.

    use crate::Label;
    use crate::format::*;

    const TEXT: &str = "“No,” Ana Ruiz said.";

    fn doc(id: &str) -> Document {
        Document {
            models: None,
            annotators: Vec::new(),
            id: id.into(),
            name: format!("{id}.txt"),
            text: TEXT.into(),
            sentences: vec![],
            annotations: vec![
                Annotation::new("a1", Label::Quote, 1, 3, "No"),
                Annotation::new("a2", Label::Denial, 1, 3, "No"),
            ],
        }
    }

    fn member(document: &str, annotation: &str) -> Member {
        Member {
            document: document.into(),
            annotation: annotation.into(),
        }
    }

    fn export(members: Vec<Member>) -> Export {
        let mut e = Export::new(vec![doc("d1"), doc("d2")]);
        e.statements = vec![Statement {
            id: "s1".into(),
            speaker: "Ana Ruiz".into(),
            stance: Stance::Denial,
            members,
        }];
        e
    }

    fn refusal(e: &Export) -> String {
        Export::parse(&e.to_json()).unwrap_err().to_string()
    }

    #[test]
    fn statements_round_trip() {
        let e = export(vec![member("d1", "a1"), member("d2", "a1")]);
        assert_eq!(Export::parse(&e.to_json()).unwrap(), e);
    }

    #[test]
    fn statements_are_written_after_the_documents() {
        let json = export(vec![member("d1", "a1"), member("d2", "a1")]).to_json();
        let documents = json.find("\"documents\"").unwrap();
        let statements = json.find("\"statements\"").unwrap();
        assert!(documents < statements, "{json}");
        assert!(json.contains("\"stance\": \"denial\""), "{json}");
    }

    #[test]
    fn an_export_without_statements_has_no_field() {
        assert!(
            !Export::new(vec![doc("d1")])
                .to_json()
                .contains("statements")
        );
    }

    #[test]
    fn writer_writes_the_statements_as_to_json_does() {
        let e = export(vec![member("d1", "a1"), member("d2", "a2")]);
        let mut writer = ExportWriter::new(Vec::new(), Layout::Json).unwrap();
        for d in &e.documents {
            writer.document(d).unwrap();
        }
        let bytes = writer.finish_with(&e.statements).unwrap();
        assert_eq!(String::from_utf8(bytes).unwrap(), e.to_json());
    }

    #[test]
    fn unknown_document_is_refused_by_name() {
        let e = export(vec![member("d1", "a1"), member("d9", "a1")]);
        assert_eq!(
            refusal(&e),
            "statement \"s1\": member names unknown document \"d9\""
        );
    }

    #[test]
    fn unknown_annotation_is_refused_by_name() {
        let e = export(vec![member("d1", "a1"), member("d2", "a7")]);
        assert_eq!(
            refusal(&e),
            "statement \"s1\": member names unknown annotation \"a7\" of document \"d2\""
        );
    }

    #[test]
    fn a_member_twice_is_refused() {
        let e = export(vec![
            member("d1", "a1"),
            member("d2", "a1"),
            member("d1", "a1"),
        ]);
        assert!(
            refusal(&e).contains("twice in this statement"),
            "{}",
            refusal(&e)
        );
    }

    #[test]
    fn a_member_of_two_statements_is_refused() {
        let mut e = export(vec![member("d1", "a1"), member("d2", "a1")]);
        let mut second = e.statements[0].clone();
        second.id = "s2".into();
        second.members = vec![member("d1", "a2"), member("d2", "a1")];
        e.statements.push(second);
        assert!(
            refusal(&e).contains("already a member of statement \"s1\""),
            "{}",
            refusal(&e)
        );
    }

    #[test]
    fn a_statement_in_one_document_is_refused() {
        let e = export(vec![member("d1", "a1"), member("d1", "a2")]);
        assert_eq!(
            refusal(&e),
            "statement \"s1\": members lie in 1 document: a statement spans two or more"
        );
    }

    #[test]
    fn a_duplicate_statement_id_is_refused() {
        let mut e = export(vec![member("d1", "a1"), member("d2", "a1")]);
        let mut second = e.statements[0].clone();
        second.members = vec![member("d1", "a2"), member("d2", "a2")];
        e.statements.push(second);
        assert_eq!(refusal(&e), "statement \"s1\": duplicate statement id");
    }

    #[test]
    fn jsonl_lines_name_their_statements() {
        let e = export(vec![member("d1", "a1"), member("d2", "a1")]);
        let mut e = e;
        for d in &mut e.documents {
            d.sentences = vec![crate::Sentence {
                start: 0,
                end: 20,
                boilerplate: false,
                paragraph: 0,
            }];
        }
        let line: serde_json::Value =
            serde_json::from_str(to_jsonl(&e).lines().next().unwrap()).unwrap();
        assert_eq!(line["statements"], serde_json::json!(["s1"]));
    }

    #[test]
    fn jsonl_lines_without_statements_have_no_field() {
        let mut d = doc("d1");
        d.sentences = vec![crate::Sentence {
            start: 0,
            end: 20,
            boilerplate: false,
            paragraph: 0,
        }];
        assert!(!to_jsonl(&Export::new(vec![d])).contains("statements"));
    }
}
