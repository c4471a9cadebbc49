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
    let mut draft = Draft {
        index: CharIndex::new(text),
        spans: Vec::new(),
        fragment_texts: HashMap::new(),
        links: Vec::new(),
        statuses: Vec::new(),
        kinds: Vec::new(),
        names: Vec::new(),
    };
    for (i, line) in ann.lines().enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        let mut parts = line.splitn(3, '\t');
        let id = parts.next().unwrap_or("");
        let body = parts.next();
        let rest = parts.next();
        let record = format!("{ann_name} line {} ({})", i + 1, truncate(id, 20));
        let Some(body) = body else {
            return Err(ImportError::new(
                &record,
                "not a brat annotation line (expected ID<TAB>…)",
            ));
        };
        let mut fields = body.split(' ').filter(|f| !f.is_empty());
        let kind = fields.next().unwrap_or("");
        let fields: Vec<&str> = fields.collect();
        match id.chars().next() {
            Some('T') => draft.text_bound(record, id, kind, &fields, rest)?,
            Some('R') => draft.relation(record, kind, &fields)?,
            Some('A') | Some('M') => draft.attribute(record, kind, &fields)?,
            Some('#') => {
                let target = fields.first().unwrap_or(&"").to_string();
                if let Some(name) = rest.and_then(|r| r.strip_prefix("speaker:")) {
                    draft.names.push((record, target, name.trim().to_string()));
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
    draft.finish(name, text)
}

/// What the lines of an `.ann` file have said so far.
struct Draft<'t> {
    index: CharIndex<'t>,
    spans: Vec<DraftSpan>,
    /// The fragments of each discontinuous span, by its id.
    fragment_texts: HashMap<String, Vec<(usize, usize)>>,
    links: Vec<DraftLink>,
    /// `(record, target id, value)` of each attribute and note.
    statuses: Vec<(String, String, Status)>,
    kinds: Vec<(String, String, QuoteKind)>,
    names: Vec<(String, String, String)>,
}

impl Draft<'_> {
    /// A `T` line: a span of label `kind` at the offsets in `fields`, with
    /// its text in `rest`.
    fn text_bound(
        &mut self,
        record: String,
        id: &str,
        kind: &str,
        fields: &[&str],
        rest: Option<&str>,
    ) -> Result<(), ImportError> {
        let label =
            parse_label(kind).ok_or_else(|| ImportError::new(&record, unknown_label(kind)))?;
        let offsets = fields.join(" ");
        let mut frags = Vec::new();
        for frag in offsets.split(';') {
            let (s, e) = self.fragment(&record, &offsets, frag)?;
            if frags.last().is_some_and(|&(_, pe)| s < pe) {
                return Err(ImportError::new(
                    &record,
                    "fragments overlap or are out of order",
                ));
            }
            frags.push((s, e));
        }
        let (start, end) = (frags[0].0, frags[frags.len() - 1].1);
        let mut span = DraftSpan::new(record, id.to_string(), label, start, end);
        if frags.len() > 1 {
            self.fragment_texts.insert(id.to_string(), frags);
        }
        span.text = Some(rest.unwrap_or("").to_string());
        self.spans.push(span);
        Ok(())
    }

    /// One `START END` fragment of the offsets of a `T` line.
    fn fragment(
        &self,
        record: &str,
        offsets: &str,
        frag: &str,
    ) -> Result<(usize, usize), ImportError> {
        let mut se = frag.split(' ').filter(|f| !f.is_empty());
        let (Some(s), Some(e), None) = (se.next(), se.next(), se.next()) else {
            return Err(ImportError::new(
                record,
                format!(
                    "offsets {:?} are not START END[;START END…]",
                    truncate(offsets, 40)
                ),
            ));
        };
        let (Ok(s), Ok(e)) = (s.parse::<usize>(), e.parse::<usize>()) else {
            return Err(ImportError::new(
                record,
                format!(
                    "offsets {:?} are not non-negative integers",
                    truncate(frag, 40)
                ),
            ));
        };
        let len = self.index.len_chars();
        if s > e || e > len {
            return Err(ImportError::new(
                record,
                format!("fragment {s} {e} is not inside the text ({len} code points)"),
            ));
        }
        Ok((s, e))
    }

    /// An `R` line: a `SaidBy` relation between the spans in `fields`.
    fn relation(&mut self, record: String, kind: &str, fields: &[&str]) -> Result<(), ImportError> {
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
        self.links.push(DraftLink { record, from, to });
        Ok(())
    }

    /// An `A` or `M` line: a `Status` or `Kind` attribute of a span (other
    /// attributes are not hearsay's).
    fn attribute(
        &mut self,
        record: String,
        kind: &str,
        fields: &[&str],
    ) -> Result<(), ImportError> {
        let target = fields.first().unwrap_or(&"").to_string();
        let value = fields.get(1).unwrap_or(&"");
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
                self.statuses.push((record, target, status));
            }
            "Kind" => {
                let k = match value.to_ascii_lowercase().as_str() {
                    "direct" => QuoteKind::Direct,
                    "reported" => QuoteKind::Reported,
                    _ => {
                        return Err(ImportError::new(
                            &record,
                            format!("Kind {:?} is not Direct or Reported", truncate(value, 30)),
                        ));
                    }
                };
                self.kinds.push((record, target, k));
            }
            _ => {}
        }
        Ok(())
    }

    /// Checks the fragments' texts, applies attributes and notes, and
    /// builds the document.
    fn finish(mut self, name: &str, text: &str) -> Result<Document, ImportError> {
        // Discontinuous spans: check the fragments' texts here.
        for span in &mut self.spans {
            if let Some(frags) = self.fragment_texts.get(&span.key) {
                let want: Vec<String> = frags
                    .iter()
                    .map(|&(s, e)| flatten(self.index.slice(s, e)))
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
        let keys: HashMap<String, usize> = self
            .spans
            .iter()
            .enumerate()
            .filter(|(_, s)| matches!(s.kind, SpanKind::Annotation(_)))
            .map(|(k, s)| (s.key.clone(), k))
            .collect();
        let find = |record: &str, target: &str| {
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
        let mut spans = self.spans;
        for (record, target, status) in self.statuses {
            spans[find(&record, &target)?].status = status;
        }
        for (record, target, kind) in self.kinds {
            spans[find(&record, &target)?].quote_kind = Some(kind);
        }
        for (record, target, name) in self.names {
            spans[find(&record, &target)?].speaker_name = Some(name);
        }
        build_document(name, text, spans, self.links, flatten)
    }
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

#[cfg(test)]
mod review_tests {
    //! Every span carries its `Status`, and a suggestion reads back as one.

    use crate::format::Origin;
    use crate::interop::fixture::{self, SUGGESTED};
    use crate::interop::{
        InputFile, Output, Source, Target, export, export_pre_annotations, import,
    };

    fn ann_file(name: &str) -> String {
        let Output::Files(files) = export(&fixture::export(), Target::Brat) else {
            panic!("brat writes files")
        };
        let (_, bytes) = files
            .into_iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("{name}"));
        String::from_utf8(bytes).unwrap()
    }

    /// The `Status` value of the span whose text is `text` in `ann`.
    fn status_of(ann: &str, text: &str) -> String {
        let id = ann
            .lines()
            .find(|l| l.starts_with('T') && l.ends_with(&format!("\t{text}")))
            .and_then(|l| l.split('\t').next())
            .unwrap_or_else(|| panic!("{text:?} in {ann}"));
        ann.lines()
            .find(|l| l.contains(&format!("Status {id} ")))
            .and_then(|l| l.rsplit(' ').next())
            .unwrap_or_else(|| panic!("status of {id}"))
            .to_string()
    }

    #[test]
    fn suggestion_is_written_as_suggested() {
        let partial = ann_file("partial.ann");
        assert_eq!(status_of(&partial, SUGGESTED[0]), "Suggested");
        assert_eq!(status_of(&partial, SUGGESTED[1]), "Suggested");
        assert_eq!(status_of(&partial, "We will rebuild the pier,"), "Accepted");
    }

    #[test]
    fn unreviewed_document_is_all_suggested() {
        let unreviewed = ann_file("unreviewed.ann");
        assert_eq!(status_of(&unreviewed, SUGGESTED[2]), "Suggested");
        assert_eq!(status_of(&unreviewed, SUGGESTED[3]), "Suggested");
    }

    #[test]
    fn suggestion_reads_back_as_an_undecided_suggestion() {
        let zip = export(&fixture::export(), Target::Brat).into_bytes();
        let back = import(
            Source::Brat,
            &[InputFile {
                name: "a.zip",
                bytes: &zip,
            }],
        )
        .unwrap();
        let unreviewed = back
            .documents
            .iter()
            .find(|d| d.name == "unreviewed.txt")
            .unwrap();
        for a in &unreviewed.annotations {
            assert!(!a.is_confirmed(), "{:?}", a.text);
            assert_eq!(a.origin, Origin::Extractor);
        }
    }

    #[test]
    fn has_no_separate_pre_annotations() {
        assert!(export_pre_annotations(&fixture::export(), Target::Brat).is_none());
    }
}
