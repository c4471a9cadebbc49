//! brat standoff: for each document a `NAME.txt` (the text, unchanged) and a
//! `NAME.ann`, plus one `annotation.conf` declaring the types.
//!
//! Fields are separated by tabs (shown as four spaces here):
//!
//! ```text
//! T1    Quote 5 40    We have no plans to raise taxes
//! T2    Speaker 60 73    Dmitry Peskov
//! R1    SaidBy Arg1:T1 Arg2:T2
//! A1    Status T1 Accepted
//! A2    Kind T1 Direct
//! #1    AnnotatorNotes T1    speaker: Dmitry Peskov
//! ```
//!
//! Every annotation is written, with its review status as the `Status`
//! attribute (`Suggested`, `Accepted`, `Rejected`), a quote's kind as
//! `Kind`, and the speaker's name as an `AnnotatorNotes` comment
//! (`speaker: NAME`). A span with a line break inside is written as
//! discontinuous fragments (`T1    Quote 0 5;6 12    …`), as brat itself does,
//! the text field joining them with a space; a span that begins or ends
//! with a line break is written whole, its text field with line breaks and
//! tabs as spaces. Reading takes a discontinuous span from its first
//! fragment's start to its last fragment's end.
//!
//! **Offsets are code points**, half-open, into the `.txt` file exactly as
//! stored (a CRLF counts two): brat's documentation says annotations are
//! connected to the text "through character offsets", "indexed from 0",
//! including the start and excluding the end character (brat "Annotation
//! Data Format"/standoff format page), and brat, written in Python, counts
//! the characters of the decoded Unicode text.

use crate::format::truncate;
use std::collections::{BTreeMap, HashMap, HashSet};

use super::{
    DraftLink, DraftSpan, ImportError, SpanKind, Speakers, build_document, parse_label, title,
    unknown_label, utf8, zip,
};
use crate::format::{Document, Export, Status, base_name};
use crate::{CharIndex, QuoteKind};

/// The `annotation.conf` written with every export.
pub const ANNOTATION_CONF: &str = "\
# hearsay: reported speech in news
[entities]
Quote
Claim
Denial
Speaker

[relations]
SaidBy\tArg1:Quote|Claim|Denial, Arg2:Speaker
<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>

[events]

[attributes]
Status\tArg:Quote|Claim|Denial, Value:Suggested|Accepted|Rejected
Kind\tArg:Quote, Value:Direct|Reported
";

/// The files of the export: `annotation.conf`, then `NAME.txt` and
/// `NAME.ann` for each document (`NAME` is the document name without its
/// extension, made unique and safe as a file name).
pub fn export(export: &Export) -> Vec<(String, Vec<u8>)> {
    let mut files = vec![(
        "annotation.conf".to_string(),
        ANNOTATION_CONF.as_bytes().to_vec(),
    )];
    let mut used = HashSet::new();
    used.insert("annotation".to_string());
    for doc in &export.documents {
        let stem = unique_stem(&doc.name, &mut used);
        files.push((format!("{stem}.txt"), doc.text.as_bytes().to_vec()));
        files.push((format!("{stem}.ann"), ann(doc).into_bytes()));
    }
    files
}

/// A file name stem for `name`, unique among `used`.
fn unique_stem(name: &str, used: &mut HashSet<String>) -> String {
    let base = base_name(name);
    let stem = base.rsplit_once('.').map_or(base, |(s, _)| s);
    let safe: String = stem
        .chars()
        .map(|c| {
            if c.is_control() || "/\\:*?\"<>|".contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect();
    let safe = if safe.is_empty() || safe.starts_with('.') {
        format!("document{safe}")
    } else {
        safe
    };
    let mut candidate = safe.clone();
    let mut n = 1;
    while !used.insert(candidate.to_lowercase()) {
        n += 1;
        candidate = format!("{safe}-{n}");
    }
    candidate
}

/// Line breaks and tabs as spaces: how a span's text is written.
fn flatten(s: &str) -> String {
    s.chars()
        .map(|c| {
            if matches!(
                c,
                '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}' | '\u{85}' | '\u{b}' | '\u{c}'
            ) {
                ' '
            } else {
                c
            }
        })
        .collect()
}

fn is_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}' | '\u{b}' | '\u{c}'
    )
}

/// The fragments of `[start, end)` between line breaks, or the whole span
/// if it begins or ends with one (or has none).
fn fragments(index: &CharIndex<'_>, start: usize, end: usize) -> Vec<(usize, usize)> {
    let text: Vec<char> = index.slice(start, end).chars().collect();
    if text.is_empty() || is_break(text[0]) || is_break(text[text.len() - 1]) {
        return vec![(start, end)];
    }
    let mut out = Vec::new();
    let mut from = 0;
    let mut i = 0;
    while i < text.len() {
        if is_break(text[i]) {
            let mut j = i;
            while j < text.len() && is_break(text[j]) {
                j += 1;
            }
            out.push((start + from, start + i));
            from = j;
            i = j;
        } else {
            i += 1;
        }
    }
    out.push((start + from, start + text.len()));
    out
}

/// The `.ann` text of one document.
fn ann(doc: &Document) -> String {
    let index = CharIndex::new(&doc.text);
    let len = index.len_chars();
    let speakers = Speakers::of(doc, |_| true);
    let mut out = String::new();
    let mut t = 0;
    let mut attributes = Vec::new();
    let mut notes = Vec::new();
    let mut t_of = Vec::new();
    let mut write_span = |out: &mut String, label: &str, start: usize, end: usize| {
        t += 1;
        let frags = fragments(&index, start, end);
        let offsets: Vec<String> = frags.iter().map(|(s, e)| format!("{s} {e}")).collect();
        let texts: Vec<String> = frags
            .iter()
            .map(|&(s, e)| flatten(index.slice(s, e)))
            .collect();
        out.push_str(&format!(
            "T{t}\t{label} {}\t{}\n",
            offsets.join(";"),
            texts.join(" ")
        ));
        t
    };
    for a in &doc.annotations {
        if a.start > a.end || a.end > len {
            t_of.push(0);
            continue;
        }
        let id = write_span(&mut out, title(a.label), a.start, a.end);
        t_of.push(id);
        let status = match a.status {
            Status::Suggested => "Suggested",
            Status::Accepted => "Accepted",
            Status::Rejected => "Rejected",
        };
        attributes.push(format!("Status T{id} {status}"));
        if let Some(kind) = a.kind {
            let kind = match kind {
                QuoteKind::Direct => "Direct",
                QuoteKind::Reported => "Reported",
            };
            attributes.push(format!("Kind T{id} {kind}"));
        }
        if let Some(name) = &a.speaker {
            notes.push(format!("AnnotatorNotes T{id}\tspeaker: {}", flatten(name)));
        }
    }
    let speaker_t: Vec<usize> = speakers
        .spans
        .iter()
        .map(|s| write_span(&mut out, "Speaker", s.start, s.end))
        .collect();
    let mut r = 0;
    for (k, of) in speakers.of.iter().enumerate() {
        if let (Some(s), true) = (of, t_of[k] != 0) {
            r += 1;
            out.push_str(&format!(
                "R{r}\tSaidBy Arg1:T{} Arg2:T{}\n",
                t_of[k], speaker_t[*s]
            ));
        }
    }
    for (n, a) in attributes.iter().enumerate() {
        out.push_str(&format!("A{}\t{a}\n", n + 1));
    }
    for (n, note) in notes.iter().enumerate() {
        out.push_str(&format!("#{}\t{note}\n", n + 1));
    }
    out
}

/// Reads one document from its `.txt` text and `.ann` text; `name` is the
/// `.txt` file's name and `ann_name` the `.ann` file's, for messages.
pub fn import(name: &str, text: &str, ann_name: &str, ann: &str) -> Result<Document, ImportError> {
    let index = CharIndex::new(text);
    let mut spans: Vec<DraftSpan> = Vec::new();
    let mut fragment_texts: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
    let mut links = Vec::new();
    let mut statuses: Vec<(String, String, Status)> = Vec::new();
    let mut kinds: Vec<(String, String, QuoteKind)> = Vec::new();
    let mut names: Vec<(String, String, String)> = Vec::new();
    for (i, line) in ann.lines().enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        let line_no = i + 1;
        let mut parts = line.splitn(3, '\t');
        let id = parts.next().unwrap_or("");
        let body = parts.next();
        let rest = parts.next();
        let record = format!("{ann_name} line {line_no} ({})", truncate(id, 20));
        let Some(body) = body else {
            return Err(ImportError::new(
                &record,
                "not a brat annotation line (expected ID<TAB>…)",
            ));
        };
        let mut fields = body.split(' ').filter(|f| !f.is_empty());
        let kind = fields.next().unwrap_or("");
        match id.chars().next() {
            Some('T') => {
                let label = parse_label(kind)
                    .ok_or_else(|| ImportError::new(&record, unknown_label(kind)))?;
                let offsets: Vec<&str> = fields.collect();
                let offsets = offsets.join(" ");
                let mut frags = Vec::new();
                for frag in offsets.split(';') {
                    let mut se = frag.split(' ').filter(|f| !f.is_empty());
                    let (Some(s), Some(e), None) = (se.next(), se.next(), se.next()) else {
                        return Err(ImportError::new(
                            &record,
                            format!(
                                "offsets {:?} are not START END[;START END…]",
                                truncate(&offsets, 40)
                            ),
                        ));
                    };
                    let (Ok(s), Ok(e)) = (s.parse::<usize>(), e.parse::<usize>()) else {
                        return Err(ImportError::new(
                            &record,
                            format!(
                                "offsets {:?} are not non-negative integers",
                                truncate(frag, 40)
                            ),
                        ));
                    };
                    if s > e || e > index.len_chars() {
                        return Err(ImportError::new(
                            &record,
                            format!(
                                "fragment {s} {e} is not inside the text ({} code points)",
                                index.len_chars()
                            ),
                        ));
                    }
                    if frags.last().is_some_and(|&(_, pe)| s < pe) {
                        return Err(ImportError::new(
                            &record,
                            "fragments overlap or are out of order",
                        ));
                    }
                    frags.push((s, e));
                }
                let (start, end) = (frags[0].0, frags[frags.len() - 1].1);
                let mut span = DraftSpan::new(record.clone(), id.to_string(), label, start, end);
                if frags.len() > 1 {
                    fragment_texts.insert(id.to_string(), frags);
                }
                span.text = Some(rest.unwrap_or("").to_string());
                spans.push(span);
            }
            Some('R') => {
                if !super::is_said_by(kind) {
                    return Err(ImportError::new(
                        &record,
                        format!(
                            "unknown relation type {:?} (expected SaidBy)",
                            truncate(kind, 40)
                        ),
                    ));
                }
                let mut arg1 = None;
                let mut arg2 = None;
                for f in fields {
                    match f.split_once(':') {
                        Some(("Arg1", t)) => arg1 = Some(t.to_string()),
                        Some(("Arg2", t)) => arg2 = Some(t.to_string()),
                        _ => {}
                    }
                }
                let (Some(from), Some(to)) = (arg1, arg2) else {
                    return Err(ImportError::new(
                        &record,
                        "a relation needs Arg1:ID and Arg2:ID",
                    ));
                };
                links.push(DraftLink { record, from, to });
            }
            Some('A') | Some('M') => {
                let target = fields.next().unwrap_or("").to_string();
                let value = fields.next().unwrap_or("");
                match kind {
                    "Status" => {
                        let status = match value.to_ascii_lowercase().as_str() {
                            "suggested" => Status::Suggested,
                            "accepted" => Status::Accepted,
                            "rejected" => Status::Rejected,
                            _ => {
                                return Err(ImportError::new(
                                    &record,
                                    format!(
                                        "Status {:?} is not Suggested, Accepted or Rejected",
                                        truncate(value, 30)
                                    ),
                                ));
                            }
                        };
                        statuses.push((record, target, status));
                    }
                    "Kind" => {
                        let k = match value.to_ascii_lowercase().as_str() {
                            "direct" => QuoteKind::Direct,
                            "reported" => QuoteKind::Reported,
                            _ => {
                                return Err(ImportError::new(
                                    &record,
                                    format!(
                                        "Kind {:?} is not Direct or Reported",
                                        truncate(value, 30)
                                    ),
                                ));
                            }
                        };
                        kinds.push((record, target, k));
                    }
                    // Other attributes are not hearsay's.
                    _ => {}
                }
            }
            Some('#') => {
                let target = fields.next().unwrap_or("").to_string();
                if let Some(name) = rest.and_then(|r| r.strip_prefix("speaker:")) {
                    names.push((record, target, name.trim().to_string()));
                }
            }
            // Events, normalisations and equivalences are not hearsay's.
            Some('E') | Some('N') | Some('*') => {}
            _ => {
                return Err(ImportError::new(
                    &record,
                    "not a brat annotation line (ids start with T, R, E, A, M, N, # or *)",
                ));
            }
        }
    }
    // Discontinuous spans: check the fragments' texts here.
    for span in &mut spans {
        if let Some(frags) = fragment_texts.get(&span.key) {
            let want: Vec<String> = frags
                .iter()
                .map(|&(s, e)| flatten(index.slice(s, e)))
                .collect();
            let want = want.join(" ");
            let got = span.text.take().unwrap_or_default();
            if flatten(&got) != want {
                return Err(ImportError::new(
                    &span.record,
                    format!(
                        "text {:?} differs from the text of its fragments ({:?})",
                        truncate(&got, 60),
                        truncate(&want, 60)
                    ),
                ));
            }
        }
    }
    let keys: HashMap<String, usize> = spans
        .iter()
        .enumerate()
        .filter(|(_, s)| matches!(s.kind, SpanKind::Annotation(_)))
        .map(|(k, s)| (s.key.clone(), k))
        .collect();
    let find = |record: &str, target: &str, _: &mut Vec<DraftSpan>| {
        keys.get(target).copied().ok_or_else(|| {
            ImportError::new(
                record,
                format!(
                    "refers to {:?}, which is not a quote, claim or denial",
                    truncate(target, 20)
                ),
            )
        })
    };
    for (record, target, status) in statuses {
        let k = find(&record, &target, &mut spans)?;
        spans[k].status = status;
    }
    for (record, target, kind) in kinds {
        let k = find(&record, &target, &mut spans)?;
        spans[k].quote_kind = Some(kind);
    }
    for (record, target, name) in names {
        let k = find(&record, &target, &mut spans)?;
        spans[k].speaker_name = Some(name);
    }
    build_document(name, text, spans, links, flatten)
}

/// Reads brat files (`(name, bytes)`): each `.ann` with the `.txt` of the
/// same base name, in name order. A `.txt` without `.ann` is a document
/// without annotations; other files (`annotation.conf`, …) are ignored.
pub fn import_files(files: &[(String, Vec<u8>)]) -> Result<Vec<Document>, ImportError> {
    let mut pairs: BTreeMap<String, (Option<usize>, Option<usize>)> = BTreeMap::new();
    for (i, (name, _)) in files.iter().enumerate() {
        let lower = name.to_ascii_lowercase();
        // Extensions in any case (ASCII, so the last 4 bytes are a
        // character boundary); the stem as written.
        let stem = || name[..name.len() - 4].to_string();
        if lower.ends_with(".txt") {
            pairs.entry(stem()).or_default().0 = Some(i);
        } else if lower.ends_with(".ann") {
            pairs.entry(stem()).or_default().1 = Some(i);
        }
    }
    let mut docs = Vec::new();
    for (stem, pair) in pairs {
        match pair {
            (Some(t), a) => {
                let (txt_name, txt) = &files[t];
                let text = utf8(txt_name, txt)?;
                let (ann_name, ann_text) = match a {
                    Some(a) => (files[a].0.as_str(), utf8(&files[a].0, &files[a].1)?),
                    None => ("", ""),
                };
                docs.push(import(txt_name, text, ann_name, ann_text)?);
            }
            (None, _) => {
                return Err(ImportError::new(
                    format!("{stem}.ann"),
                    format!("no {stem}.txt beside it (brat needs the text the offsets refer to)"),
                ));
            }
        }
    }
    Ok(docs)
}

/// Reads a zip of brat files (see [`import_files`]); `name` is the zip's
/// name, for messages.
pub fn import_zip(name: &str, bytes: &[u8]) -> Result<Vec<Document>, ImportError> {
    let files = zip::read(name, bytes)?;
    let files: Vec<(String, Vec<u8>)> = files
        .into_iter()
        .filter(|(n, _)| !n.starts_with("__MACOSX/"))
        .collect();
    let docs = import_files(&files).map_err(|mut e| {
        e.record = format!("{name}: {}", e.record);
        e
    })?;
    if docs.is_empty() {
        return Err(ImportError::new(name, "no .txt/.ann pairs in the archive"));
    }
    Ok(docs)
}
