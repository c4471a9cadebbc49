//! Three documents at three stages of review, for the tests of every
//! format: what a person decided must never be confused with what the
//! extractor suggested.

use crate::format::{Annotation, Document, Export, Origin, Status};
use crate::{CharIndex, Label, QuoteKind, Span};

/// Every annotation decided: an accepted quote with its speaker, a rejected
/// claim, the person's own denial.
pub(crate) const REVIEWED: &str = "“The bridge stays open,” mayor Ines Baptiste said. Tolls rose by 40 percent. The council denied any plan to close it.";
/// An accepted quote; a suggested quote with a speaker and a suggested
/// denial still waiting.
pub(crate) const PARTIAL: &str = "“We will rebuild the pier,” harbour master Tom Achebe said. Lena Ortiz said the ferry would return. Ortiz rejected the report.";
/// Only suggestions.
pub(crate) const UNREVIEWED: &str =
    "“Nobody was hurt,” fire chief Ada Kowal said. Kowal denied that the alarm had failed.";

/// The code point span of `needle` in `text`.
pub(crate) fn span_of(text: &str, needle: &str) -> Span {
    let byte = text.find(needle).unwrap_or_else(|| panic!("{needle:?}"));
    let start = text[..byte].chars().count();
    Span {
        start,
        end: start + needle.chars().count(),
    }
}

/// An annotation of `needle` in `text`, with `status` and `origin`.
fn ann(
    text: &str,
    id: &str,
    label: Label,
    needle: &str,
    status: Status,
    origin: Origin,
) -> Annotation {
    let s = span_of(text, needle);
    Annotation {
        status,
        origin,
        confidence: if origin == Origin::Extractor {
            0.8
        } else {
            1.0
        },
        ..Annotation::new(
            id,
            label,
            s.start,
            s.end,
            CharIndex::new(text).slice(s.start, s.end),
        )
    }
}

fn with_speaker(mut a: Annotation, text: &str, speaker: &str) -> Annotation {
    a.speaker = Some(speaker.to_string());
    a.speaker_span = Some(span_of(text, speaker));
    a.kind = Some(QuoteKind::Direct);
    a
}

fn doc(id: &str, name: &str, text: &str, annotations: Vec<Annotation>) -> Document {
    Document {
        models: None,
        annotators: Vec::new(),
        id: id.to_string(),
        name: name.to_string(),
        text: text.to_string(),
        sentences: Vec::new(),
        annotations,
    }
}

/// The suggested spans' texts: none of them may appear as a decision.
pub(crate) const SUGGESTED: [&str; 4] = [
    "Lena Ortiz said the ferry would return.",
    "Ortiz rejected the report.",
    "Nobody was hurt,",
    "Kowal denied that the alarm had failed.",
];

/// `reviewed.txt` (d1), `partial.txt` (d2) and `unreviewed.txt` (d3).
pub(crate) fn export() -> Export {
    let (r, p, u) = (REVIEWED, PARTIAL, UNREVIEWED);
    use Origin::{Annotator, Extractor};
    use Status::{Accepted, Rejected, Suggested};
    let reviewed = doc(
        "d1",
        "reviewed.txt",
        r,
        vec![
            with_speaker(
                ann(
                    r,
                    "a1",
                    Label::Quote,
                    "The bridge stays open,",
                    Accepted,
                    Extractor,
                ),
                r,
                "Ines Baptiste",
            ),
            ann(
                r,
                "a2",
                Label::Claim,
                "Tolls rose by 40 percent.",
                Rejected,
                Extractor,
            ),
            ann(
                r,
                "a3",
                Label::Denial,
                "The council denied any plan to close it.",
                Accepted,
                Annotator,
            ),
        ],
    );
    let mut reported = with_speaker(
        ann(p, "a2", Label::Quote, SUGGESTED[0], Suggested, Extractor),
        p,
        "Lena Ortiz",
    );
    reported.kind = Some(QuoteKind::Reported);
    let partial = doc(
        "d2",
        "partial.txt",
        p,
        vec![
            with_speaker(
                ann(
                    p,
                    "a1",
                    Label::Quote,
                    "We will rebuild the pier,",
                    Accepted,
                    Extractor,
                ),
                p,
                "Tom Achebe",
            ),
            reported,
            ann(p, "a3", Label::Denial, SUGGESTED[1], Suggested, Extractor),
        ],
    );
    let unreviewed = doc(
        "d3",
        "unreviewed.txt",
        u,
        vec![
            with_speaker(
                ann(u, "a1", Label::Quote, SUGGESTED[2], Suggested, Extractor),
                u,
                "Ada Kowal",
            ),
            ann(u, "a2", Label::Denial, SUGGESTED[3], Suggested, Extractor),
        ],
    );
    let export = Export::new(vec![reviewed, partial, unreviewed]);
    export.validate().expect("the fixture is valid");
    export
}

/// The code point spans of the suggestions in the document named `name`.
pub(crate) fn suggested_spans(name: &str) -> Vec<(usize, usize)> {
    let text = match name {
        "partial.txt" => PARTIAL,
        "unreviewed.txt" => UNREVIEWED,
        _ => return Vec::new(),
    };
    SUGGESTED
        .iter()
        .filter(|s| text.contains(*s))
        .map(|s| {
            let sp = span_of(text, s);
            (sp.start, sp.end)
        })
        .collect()
}
