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
//! Review status has no standard place: suggested annotations are written
//! like accepted ones, and rejected ones are left out.

use serde_json::{Value, json};

use super::context;
use crate::CharIndex;
use crate::format::{Export, Status};

/// The JSON-LD context of every annotation.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// Code points of prefix and suffix in each TextQuoteSelector.
pub const CONTEXT_CHARS: usize = 32;

/// Writes the annotations as a pretty JSON array.
pub fn export(export: &Export) -> String {
    let mut items = Vec::new();
    for doc in &export.documents {
        let index = CharIndex::new(&doc.text);
        let source = format!("urn:hearsay:{}", iri_part(&doc.id));
        for a in &doc.annotations {
            if a.status == Status::Rejected {
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
            items.push(json!({
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
            }));
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
