//! Prodigy JSONL: one task per line, as Prodigy's `db-in` and its `spans`
//! and `relations` interfaces read them.
//!
//! ```json
//! {"text": "…", "meta": {"document": "a.txt"},
//!  "tokens": [{"text": "“", "start": 0, "end": 1, "id": 0, "ws": false}, …],
//!  "spans": [{"start": 1, "end": 5, "token_start": 1, "token_end": 1, "label": "QUOTE"}, …],
//!  "relations": [{"head": 1, "child": 6, "label": "SAID_BY",
//!                 "head_span": {…}, "child_span": {…}}],
//!  "answer": "accept"}
//! ```
//!
//! `"answer"` is a person's answer, never the extractor's. A document
//! whose every annotation is decided gives one task with its confirmed
//! annotations (accepted, made or adjudicated) and `"answer": "accept"`:
//! the whole document as a person labelled it. A document still partly
//! under review gives one `accept` task per confirmed annotation instead
//! (that span is right, nothing said of the rest), and a document nobody
//! reviewed gives no task. Every rejected annotation gives a task holding
//! that span with `"answer": "reject"`. Suggestions awaiting review are
//! left out, and `meta.review` says how far the document's review came.
//!
//! The pre-annotation export ([`super::export_pre_annotations`]) writes
//! one task per document with every annotation not rejected and no
//! `answer`: the input of Prodigy's manual recipes, for review there.
//!
//! Speaker spans are `SPEAKER`
//! spans; a `SAID_BY` relation goes from each annotation (head) to its
//! speaker (child), `head`/`child` being the token index of the span's last
//! token, with the spans themselves in `head_span`/`child_span`.
//!
//! `tokens` come from a simple tokenizer (word runs, each punctuation mark
//! or emoji, whitespace other than one space after a token) that always
//! breaks at span edges, so every span starts and ends on a token edge:
//! `token_start`/`token_end` are inclusive token indices, and `ws` says
//! whether one space follows the token (the text is the tokens' texts, each
//! followed by a space if `ws`).
//!
//! **Offsets are code points**: Prodigy is Python and its `start`/`end`
//! are character offsets into the Python string `text` (as spaCy's
//! `Token.idx` and `Span.start_char` are).

use std::collections::BTreeSet;

use serde_json::{Value, json};

use super::{Content, SAID_BY, SPEAKER, Speakers, documents_of, upper, writes};
use crate::CharIndex;
use crate::format::{Annotation, DocumentReview, Export, Status};

/// One token: code point offsets `[start, end)` and whether a space follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// True if one space follows (and belongs to no token).
    pub ws: bool,
}

/// Characters that stick to the one before: combining marks, joiners,
/// variation selectors, emoji modifiers and tags.
fn joins(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x05BF | 0x05C1..=0x05C2
        | 0x05C4..=0x05C5 | 0x05C7 | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670
        | 0x06D6..=0x06DC | 0x06DF..=0x06E4 | 0x06E7..=0x06E8 | 0x06EA..=0x06ED
        | 0x0900..=0x0903 | 0x093A..=0x094F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF
        | 0x200C..=0x200D | 0x20D0..=0x20FF | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F
        | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F | 0xE0100..=0xE01EF)
}

fn is_regional_indicator(c: char) -> bool {
    matches!(c as u32, 0x1F1E6..=0x1F1FF)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Word,
    Space,
    Other,
}

fn class(c: char) -> Class {
    if c.is_whitespace() {
        Class::Space
    } else if c.is_alphanumeric() {
        Class::Word
    } else {
        Class::Other
    }
}

/// Tokenizes `text`, breaking at every offset in `starts` and `ends` (span
/// edges), and never letting a trailing space that a span starts at or
/// ends after become a token's `ws`.
pub fn tokenize(text: &str, starts: &BTreeSet<usize>, ends: &BTreeSet<usize>) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let breaks = |i: usize| starts.contains(&i) || ends.contains(&i);
    let mut tokens: Vec<Token> = Vec::new();
    let mut i = 0;
    while i < n {
        let start = i;
        let c = chars[i];
        let cls = class(c);
        i += 1;
        // The run of this token.
        loop {
            if i >= n || breaks(i) {
                break;
            }
            let d = chars[i];
            if joins(d) && cls != Class::Space {
                i += 1;
                // After a ZWJ, the next character joins too.
                if d == '\u{200d}' && i < n && !breaks(i) && class(chars[i]) == Class::Other {
                    i += 1;
                }
                continue;
            }
            let same = match cls {
                Class::Word => class(d) == Class::Word,
                Class::Space => class(d) == Class::Space,
                // A flag is two regional indicators.
                Class::Other => {
                    is_regional_indicator(c) && is_regional_indicator(d) && i == start + 1
                }
            };
            if !same {
                break;
            }
            i += 1;
        }
        let mut ws = false;
        if cls != Class::Space
            && i < n
            && chars[i] == ' '
            && !starts.contains(&i)
            && !ends.contains(&(i + 1))
        {
            ws = true;
        }
        tokens.push(Token { start, end: i, ws });
        if ws {
            i += 1;
        }
    }
    tokens
}

/// Writes the export as Prodigy JSONL holding `content` (see the module).
pub(crate) fn export(export: &Export, content: Content) -> String {
    let mut out = String::new();
    for doc in documents_of(export, content) {
        let index = CharIndex::new(&doc.text);
        let len = index.len_chars();
        let review = doc.review();
        let usable = |a: &Annotation| a.start < a.end && a.end <= len;
        let written = |a: &Annotation| writes(content, a) && usable(a);
        let rejected = |a: &Annotation| {
            content == Content::Decisions && a.status == Status::Rejected && usable(a)
        };
        let speakers = Speakers::of(doc, written);
        let mut starts = BTreeSet::new();
        let mut ends = BTreeSet::new();
        for a in doc.annotations.iter().filter(|a| written(a) || rejected(a)) {
            starts.insert(a.start);
            ends.insert(a.end);
        }
        for s in &speakers.spans {
            starts.insert(s.start);
            ends.insert(s.end);
        }
        let tokens = tokenize(&doc.text, &starts, &ends);
        let token_values: Vec<Value> = tokens
            .iter()
            .enumerate()
            .map(|(id, t)| {
                json!({"text": index.slice(t.start, t.end), "start": t.start, "end": t.end,
                       "id": id, "ws": t.ws})
            })
            .collect();
        let span = |start: usize, end: usize, label: &str| {
            let token_start = tokens.partition_point(|t| t.start < start);
            let token_end = tokens.partition_point(|t| t.end < end);
            json!({"start": start, "end": end, "token_start": token_start,
                   "token_end": token_end, "label": label, "text": index.slice(start, end)})
        };
        let task = |spans: Vec<Value>, relations: Vec<Value>, answer: Option<&str>| {
            let mut task = json!({
                "text": doc.text,
                "meta": {"document": doc.name, "document_id": doc.id, "review": review.as_str()},
                "tokens": token_values, "spans": spans, "relations": relations,
            });
            if let Some(answer) = answer {
                task["answer"] = json!(answer);
            }
            task
        };
        let speaker_spans: Vec<Value> = speakers
            .spans
            .iter()
            .map(|s| span(s.start, s.end, SPEAKER))
            .collect();
        // Each written annotation's span, with its speaker's span and
        // relation when it has one.
        let mut parts = Vec::new();
        for (k, a) in doc.annotations.iter().enumerate() {
            if !written(a) {
                continue;
            }
            let head = span(a.start, a.end, upper(a.label));
            let speaker = speakers.of[k].map(|s| {
                let child = speaker_spans[s].clone();
                json!({
                    "head": head["token_end"], "child": child["token_end"], "label": SAID_BY,
                    "head_span": head, "child_span": child,
                })
            });
            parts.push((head, speakers.of[k], speaker));
        }
        match (content, review) {
            (Content::Decisions, DocumentReview::Partial) => {
                for (head, s, relation) in parts {
                    let mut spans = vec![head];
                    spans.extend(s.map(|s| speaker_spans[s].clone()));
                    push_line(
                        &mut out,
                        &task(spans, relation.into_iter().collect(), Some("accept")),
                    );
                }
            }
            _ => {
                let mut spans = Vec::new();
                let mut relations = Vec::new();
                for (head, _, relation) in parts {
                    spans.push(head);
                    relations.extend(relation);
                }
                spans.extend(speaker_spans.iter().cloned());
                let answer = (content == Content::Decisions).then_some("accept");
                push_line(&mut out, &task(spans, relations, answer));
            }
        }
        for a in doc.annotations.iter().filter(|a| rejected(a)) {
            push_line(
                &mut out,
                &task(
                    vec![span(a.start, a.end, upper(a.label))],
                    vec![],
                    Some("reject"),
                ),
            );
        }
    }
    out
}

fn push_line(out: &mut String, v: &Value) {
    out.push_str(&v.to_string());
    out.push('\n');
}

#[cfg(test)]
mod review_tests {
    //! Prodigy's `answer` is a person's: no task says "accept" for what
    //! nobody reviewed.

    use serde_json::Value;

    use crate::interop::fixture::{self, suggested_spans};
    use crate::interop::{Output, Target, export, export_pre_annotations};

    fn tasks(out: Output) -> Vec<Value> {
        let Output::Text(text) = out else {
            panic!("Prodigy is one text file")
        };
        text.lines()
            .map(|l| serde_json::from_str(l).expect("a JSON line"))
            .collect()
    }

    fn of<'a>(tasks: &'a [Value], name: &str) -> Vec<&'a Value> {
        tasks
            .iter()
            .filter(|t| t["meta"]["document"] == name)
            .collect()
    }

    /// `(start, end)` of every span of `task` but speakers.
    fn spans(task: &Value) -> Vec<(usize, usize)> {
        task["spans"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["label"] != "SPEAKER")
            .map(|s| {
                (
                    s["start"].as_u64().unwrap() as usize,
                    s["end"].as_u64().unwrap() as usize,
                )
            })
            .collect()
    }

    #[test]
    fn unreviewed_document_gets_no_task() {
        let out = tasks(export(&fixture::export(), Target::Prodigy));
        assert!(of(&out, "unreviewed.txt").is_empty());
    }

    #[test]
    fn reviewed_document_is_one_accept_task_and_a_reject_task() {
        let out = tasks(export(&fixture::export(), Target::Prodigy));
        let reviewed = of(&out, "reviewed.txt");
        let answers: Vec<&str> = reviewed
            .iter()
            .map(|t| t["answer"].as_str().unwrap())
            .collect();
        assert_eq!(answers, ["accept", "reject"]);
        assert_eq!(
            spans(reviewed[0]).len(),
            2,
            "the accepted quote and the made denial"
        );
        assert_eq!(reviewed[0]["meta"]["review"], "reviewed");
    }

    #[test]
    fn partial_document_accepts_each_decided_span_alone() {
        let out = tasks(export(&fixture::export(), Target::Prodigy));
        let partial = of(&out, "partial.txt");
        assert_eq!(partial.len(), 1, "one accepted quote, nothing rejected");
        assert_eq!(partial[0]["answer"], "accept");
        assert_eq!(partial[0]["meta"]["review"], "partial");
        assert_eq!(spans(partial[0]).len(), 1);
        // Its speaker and the link to it come along.
        assert_eq!(partial[0]["spans"].as_array().unwrap().len(), 2);
        assert_eq!(partial[0]["relations"].as_array().unwrap().len(), 1);
    }

    #[test]
    fn suggestion_is_in_no_answered_task() {
        let out = tasks(export(&fixture::export(), Target::Prodigy));
        for name in ["partial.txt", "unreviewed.txt"] {
            for task in of(&out, name) {
                for s in suggested_spans(name) {
                    assert!(!spans(task).contains(&s), "{name}: {s:?} is a suggestion");
                }
            }
        }
    }

    #[test]
    fn pre_annotations_are_one_unanswered_task_per_document() {
        let out = tasks(export_pre_annotations(&fixture::export(), Target::Prodigy).unwrap());
        assert_eq!(out.len(), 3);
        assert!(out.iter().all(|t| t.get("answer").is_none()));
        let unreviewed = of(&out, "unreviewed.txt");
        for s in suggested_spans("unreviewed.txt") {
            assert!(spans(unreviewed[0]).contains(&s), "{s:?} missing");
        }
        // The rejected claim of reviewed.txt is not offered again.
        assert_eq!(spans(of(&out, "reviewed.txt")[0]).len(), 2);
    }
}
