//! W3C Web Annotation JSON-LD: a JSON array of `Annotation`s, one per
//! annotation that is not rejected, each self-contained:
//!
//! ```json
//! {"@context": "http://www.w3.org/ns/anno.jsonld",
//!  "id": "urn:hearsay:d1:a1", "type": "Annotation", "motivation": "tagging",
//!  "body": [{"type": "TextualBody", "purpose": "tagging", "value": "quote"},
//!           {"type": "TextualBody", "purpose": "describing", "value": "Ana Ruiz"}],
//!  "target": {"source": "urn:hearsay:d1",
//!    "selector": [
//!      {"type": "TextQuoteSelector", "exact": "…", "prefix": "…", "suffix": "…"},
//!      {"type": "TextPositionSelector", "start": 5, "end": 40}]}}
//! ```
//!
//! The first body tags the label (`quote`, `claim`, `denial`); the second,
//! if the speaker is known, names the speaker. The target carries both a
//! TextQuoteSelector (the exact text with up to 32 code points of prefix
//! and suffix, so the annotation can be re-anchored in an edited text) and
//! a TextPositionSelector. Ids are `urn:hearsay:DOCUMENT:ANNOTATION`, with
//! characters outside `A-Za-z0-9-._~` percent-encoded.
//!
//! **Offsets are code points**: the Web Annotation Data Model's Text
//! Position Selector (W3C Recommendation, §4.2.5) counts the characters of
//! the text from 0 before the first one, start included, end excluded; when
//! w3c/web-annotation issue #206 asked whether a "character position" is a
//! code point or a UTF-8/UTF-16 unit, the Recommendation settled on Unicode
//! code points ("character number"), which is also what JavaScript
//! implementations such as Apache Annotator iterate over.
//!
//! Review status has no standard place, so the export holds only what
//! people decided: accepted, made or adjudicated annotations. The
//! pre-annotation export ([`super::export_pre_annotations`]) adds the
//! suggestions awaiting review, each with `"generator"` (the software that
//! made it) and a body of purpose `assessing` whose value is `suggested`
//! (the model's §3.3.5 purposes, and §3.3.2 on `generator`); rejected
//! annotations are never written.

use serde_json::{Value, json};

use super::{Content, context, writes};
use crate::CharIndex;
use crate::format::{Export, Status};

/// The JSON-LD context of every annotation.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// Code points of prefix and suffix in each TextQuoteSelector.
pub const CONTEXT_CHARS: usize = 32;

/// The software named as the `generator` of a suggestion.
pub const GENERATOR: &str = "hearsay";

/// Writes the annotations `content` selects as a pretty JSON array.
pub(crate) fn export(export: &Export, content: Content) -> String {
    let mut items = Vec::new();
    for doc in &export.documents {
        let index = CharIndex::new(&doc.text);
        let source = format!("urn:hearsay:{}", iri_part(&doc.id));
        for a in &doc.annotations {
            if !writes(content, a) {
                continue;
            }
            let (prefix, suffix) = context(&index, a.start, a.end, CONTEXT_CHARS);
            let mut body = vec![json!({
                "type": "TextualBody", "purpose": "tagging", "value": a.label.as_str(),
            })];
            if let Some(speaker) = &a.speaker {
                body.push(json!({
                    "type": "TextualBody", "purpose": "describing", "value": speaker,
                }));
            }
            let suggested = a.status == Status::Suggested;
            if suggested {
                body.push(json!({
                    "type": "TextualBody", "purpose": "assessing", "value": "suggested",
                }));
            }
            let mut item = json!({
                "@context": CONTEXT,
                "id": format!("{source}:{}", iri_part(&a.id)),
                "type": "Annotation",
                "motivation": "tagging",
                "body": body,
                "target": {
                    "source": source,
                    "selector": [
                        {"type": "TextQuoteSelector", "exact": index.slice(a.start, a.end),
                         "prefix": prefix, "suffix": suffix},
                        {"type": "TextPositionSelector", "start": a.start, "end": a.end},
                    ],
                },
            });
            if suggested {
                item["generator"] = json!({"type": "Software", "name": GENERATOR});
            }
            items.push(item);
        }
    }
    serde_json::to_string_pretty(&Value::Array(items)).unwrap_or_default()
}

/// Percent-encodes everything but unreserved characters.
fn iri_part(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod review_tests {
    //! Only decisions, unless pre-annotations are asked for.

    use serde_json::Value;

    use crate::interop::fixture::{self, SUGGESTED};
    use crate::interop::{Output, Target, export, export_pre_annotations};

    fn items(out: Output) -> Vec<Value> {
        let Output::Text(text) = out else {
            panic!("one text file")
        };
        serde_json::from_str::<Value>(&text)
            .unwrap()
            .as_array()
            .unwrap()
            .clone()
    }

    fn exact(item: &Value) -> &str {
        item["target"]["selector"][0]["exact"].as_str().unwrap()
    }

    #[test]
    fn suggestion_is_left_out() {
        let out = items(export(&fixture::export(), Target::WebAnnotation));
        let written: Vec<&str> = out.iter().map(exact).collect();
        assert_eq!(
            written,
            [
                "The bridge stays open,",
                "The council denied any plan to close it.",
                "We will rebuild the pier,"
            ]
        );
    }

    #[test]
    fn decision_has_no_generator() {
        let out = items(export(&fixture::export(), Target::WebAnnotation));
        assert!(out.iter().all(|i| i.get("generator").is_none()));
    }

    #[test]
    fn pre_annotation_marks_each_suggestion() {
        let out = items(export_pre_annotations(&fixture::export(), Target::WebAnnotation).unwrap());
        assert_eq!(out.len(), 3 + SUGGESTED.len());
        for item in &out {
            let suggested = SUGGESTED.contains(&exact(item));
            let assessing = item["body"]
                .as_array()
                .unwrap()
                .iter()
                .any(|b| b["purpose"] == "assessing" && b["value"] == "suggested");
            assert_eq!(assessing, suggested, "{}", exact(item));
            assert_eq!(
                item.get("generator").is_some(),
                suggested,
                "{}",
                exact(item)
            );
        }
    }

    #[test]
    fn pre_annotation_leaves_out_rejected() {
        let out = items(export_pre_annotations(&fixture::export(), Target::WebAnnotation).unwrap());
        assert!(out.iter().all(|i| exact(i) != "Tolls rose by 40 percent."));
    }
}
