//! One document being annotated: its sentence → annotation index, its
//! counts and the questions the views ask of it (labels, suggestions, how
//! a sentence stands). Changes go through [`super::Workspace`], which records
//! them for undo.

use std::collections::BTreeSet;

use hearsay_core::format::{Annotation, Document, Origin, Status};
use hearsay_core::learn::Bundle;
use hearsay_core::models::Unobserved;
use hearsay_core::{CharIndex, CharOffsets, Config, Label, QuoteKind, Sentence, analyze_with};

use super::{Replay, Workspace};

/// One document being annotated, with the reader's place in it.
#[derive(Debug, Clone, PartialEq)]
pub struct DocState {
    /// The document in export form: the text, sentences and annotations.
    pub doc: Document,
    /// Index of the current sentence.
    pub cursor: usize,
    /// Index of the current disagreement, in an adjudication document.
    pub item: usize,
    /// For each sentence, the indices into `doc.annotations` overlapping
    /// it: those of sentence `k` are `hits[hit_starts[k]..hit_starts[k + 1]]`,
    /// in order. Rebuilt by [`DocState::reindex`] after every change, in
    /// two allocations whatever the length of the text.
    hit_starts: Vec<u32>,
    hits: Vec<u32>,
    /// Byte range of each sentence in `doc.text`: the text never changes,
    /// so this is computed once and spares every repaint a scan of it.
    sentence_bytes: Vec<(usize, usize)>,
    /// The code point checkpoints of `doc.text`, made once: a decision on
    /// a long document converts offsets without a pass over its text.
    offsets: CharOffsets,
    /// `counts()`, kept up to date by `reindex`.
    counts: (usize, usize, usize),
    /// Which sentences the cursor has been on, and how many.
    visited: Vec<bool>,
    n_visited: usize,
    /// `decided()`, kept up to date by `reindex`.
    decided: (usize, usize),
    /// Ids of annotations changed since the document was added: saving
    /// writes only these (the overlay) over the stored original (the base).
    pub(super) touched: BTreeSet<String>,
    /// For a long document being scored again window by window at idle
    /// times: the byte where the next window starts.
    pub(super) rescan: Option<usize>,
    /// The id of the models in use when the document was last scored, or
    /// added: it is scored again when they differ. (`doc.models` says which
    /// models suggested its annotations; an imported document keeps its
    /// own until the models in use change.)
    pub synced: Option<String>,
    /// Counter for new annotation ids.
    next_id: u64,
}

/// How a sentence stands, for the status filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Review {
    /// It has suggestions not yet decided.
    Suggested,
    /// It has an accepted annotation and no open suggestion.
    Accepted,
    /// Its annotations were all rejected.
    Rejected,
    /// Nobody, neither the extractor nor the person, marked it.
    Untouched,
}

impl Review {
    /// Every status, in the order of the filter menu.
    pub const ALL: [Review; 4] = [
        Review::Suggested,
        Review::Accepted,
        Review::Rejected,
        Review::Untouched,
    ];

    /// The name used in the filter menu's values.
    pub fn as_str(self) -> &'static str {
        match self {
            Review::Suggested => "suggested",
            Review::Accepted => "accepted",
            Review::Rejected => "rejected",
            Review::Untouched => "untouched",
        }
    }

    /// Parses [`Review::as_str`]; `None` for anything else (the menu's
    /// "Any status").
    pub fn parse(name: &str) -> Option<Review> {
        Review::ALL.into_iter().find(|r| r.as_str() == name)
    }
}

impl DocState {
    /// Wraps a document; the cursor starts at the first sentence.
    pub fn new(doc: Document) -> DocState {
        let next_id = doc.annotations.len() as u64 + 1;
        let offsets = CharOffsets::new(&doc.text);
        let index = offsets.index(&doc.text);
        let sentence_bytes = doc
            .sentences
            .iter()
            .map(|s| (index.byte(s.start), index.byte(s.end)))
            .collect();
        let sentences = doc.sentences.len();
        let mut state = DocState {
            doc,
            cursor: 0,
            item: 0,
            hit_starts: Vec::new(),
            hits: Vec::new(),
            sentence_bytes,
            offsets,
            counts: (0, 0, 0),
            visited: vec![false; sentences],
            n_visited: 0,
            decided: (0, 0),
            touched: BTreeSet::new(),
            rescan: None,
            synced: None,
            next_id,
        };
        state.visit(0);
        state.reindex();
        state
    }

    /// Rebuilds a saved document: its original (`base`) with the saved
    /// changes (`overlay`: annotation id → its current value, `None` if
    /// deleted) applied.
    pub fn from_parts(base: Document, overlay: Vec<(String, Option<Annotation>)>) -> DocState {
        let mut state = DocState::new(base);
        let changes: Vec<_> = overlay
            .into_iter()
            .map(|(id, after)| (id, None, after))
            .collect();
        Workspace::apply(&mut state, &changes, Replay::Forward);
        state
    }

    /// The changes since the document was added, for [`DocState::from_parts`].
    pub fn overlay(&self) -> Vec<(String, Option<Annotation>)> {
        self.touched
            .iter()
            .map(|id| {
                (
                    id.clone(),
                    self.doc.annotations.iter().find(|a| &a.id == id).cloned(),
                )
            })
            .collect()
    }

    /// Whether this is the demo article ([`super::Workspace::add_demo`]),
    /// by its name and text: a renamed demo is the person's own.
    pub fn is_demo(&self) -> bool {
        self.doc.name == super::DEMO_NAME && self.doc.text == super::DEMO_TEXT
    }

    /// Whether this is the demo and the person changed nothing in it: it
    /// leaves when they add a document of their own.
    pub fn is_untouched_demo(&self) -> bool {
        self.is_demo() && self.touched.is_empty()
    }

    /// The code point index of the text.
    pub fn index(&self) -> CharIndex<'_> {
        self.offsets.index(&self.doc.text)
    }

    /// Analyses `text` with the extraction core and the models of
    /// `bundle` (whose id `models_id` the document records) and wraps the
    /// result.
    pub fn analyse(id: &str, name: &str, text: &str, bundle: &Bundle, models_id: &str) -> DocState {
        let (analysis, _) =
            analyze_with(text, &Config::default(), bundle.models(), &mut Unobserved);
        let mut state = DocState::new(Document {
            models: Some(models_id.to_owned()),
            ..Document::from_analysis(id, name, text, &analysis)
        });
        state.synced = Some(models_id.to_owned());
        state
    }

    /// Rebuilds the sentence → annotation index. Annotations are kept
    /// sorted by start so that exports are stable.
    pub(super) fn reindex(&mut self) {
        hearsay_core::order::sort_by(&mut self.doc.annotations, |a, b| {
            (a.start, a.end, &a.id).cmp(&(b.start, b.end, &b.id))
        });
        let (sentences, annotations) = (&self.doc.sentences, &self.doc.annotations);
        let mut starts = vec![0u32; sentences.len() + 1];
        let mut first = 0;
        for a in annotations {
            for_each_sentence(sentences, &mut first, a, |k| starts[k + 1] += 1);
        }
        for k in 1..starts.len() {
            starts[k] += starts[k - 1];
        }
        let mut next = starts.clone();
        let mut hits = vec![0u32; starts.last().map_or(0, |&n| n as usize)];
        first = 0;
        for (i, a) in annotations.iter().enumerate() {
            for_each_sentence(sentences, &mut first, a, |k| {
                hits[next[k] as usize] = i as u32;
                next[k] += 1;
            });
        }
        self.hit_starts = starts;
        self.hits = hits;
        self.cursor = self.cursor.min(self.n_sentences().saturating_sub(1));
        let mut counts = (0, 0, 0);
        for ann in self
            .doc
            .annotations
            .iter()
            .filter(|a| a.status != Status::Rejected)
        {
            match ann.label {
                Label::Quote => counts.0 += 1,
                Label::Claim => counts.1 += 1,
                Label::Denial => counts.2 += 1,
            }
        }
        self.counts = counts;
        // Suggestions are what the extractor or a team proposed, not the
        // person's own annotations.
        let mut decided = (0, 0);
        for a in self
            .doc
            .annotations
            .iter()
            .filter(|a| a.origin != Origin::Annotator)
        {
            decided.0 += usize::from(a.status != Status::Suggested);
            decided.1 += 1;
        }
        self.decided = decided;
    }

    /// Marks sentence `idx` as visited (the cursor is on it).
    pub fn visit(&mut self, idx: usize) {
        if let Some(seen) = self.visited.get_mut(idx)
            && !*seen
        {
            *seen = true;
            self.n_visited += 1;
        }
    }

    /// The visited sentences as runs `(first, end)`, for saving.
    pub fn visited_runs(&self) -> Vec<(usize, usize)> {
        let mut runs: Vec<(usize, usize)> = Vec::new();
        for (i, _) in self.visited.iter().enumerate().filter(|(_, v)| **v) {
            match runs.last_mut() {
                Some((_, end)) if *end == i => *end = i + 1,
                _ => runs.push((i, i + 1)),
            }
        }
        runs
    }

    /// Marks the sentences of saved runs (see [`DocState::visited_runs`]).
    pub fn visit_runs(&mut self, runs: &[(usize, usize)]) {
        for &(first, end) in runs {
            for i in first..end.min(self.visited.len()) {
                self.visit(i);
            }
        }
    }

    /// The text of sentence `idx` (empty if there is no such sentence).
    pub fn sentence_text(&self, idx: usize) -> &str {
        self.sentence_bytes
            .get(idx)
            .map_or("", |&(start, end)| &self.doc.text[start..end])
    }

    /// Number of sentences.
    pub fn n_sentences(&self) -> usize {
        self.doc.sentences.len()
    }

    /// The annotations overlapping sentence `idx`, in start order.
    pub fn annotations_of(&self, idx: usize) -> impl Iterator<Item = &Annotation> {
        let hits = match (self.hit_starts.get(idx), self.hit_starts.get(idx + 1)) {
            (Some(&from), Some(&to)) => &self.hits[from as usize..to as usize],
            _ => &[],
        };
        hits.iter().map(|&i| &self.doc.annotations[i as usize])
    }

    /// Labels of sentence `idx` that are accepted (by the person or as
    /// made by the person), sorted and without repeats.
    pub fn labels_of(&self, idx: usize) -> BTreeSet<Label> {
        hearsay_core::order::set(
            self.annotations_of(idx)
                .filter(|a| a.status == Status::Accepted)
                .map(|a| a.label),
        )
    }

    /// Labels suggested for sentence `idx` and not yet decided.
    pub fn suggested_of(&self, idx: usize) -> BTreeSet<Label> {
        hearsay_core::order::set(
            self.annotations_of(idx)
                .filter(|a| a.status == Status::Suggested)
                .map(|a| a.label),
        )
    }

    /// How sentence `idx` stands.
    pub fn review_of(&self, idx: usize) -> Review {
        let mut any = false;
        let mut accepted = false;
        for ann in self.annotations_of(idx) {
            any = true;
            match ann.status {
                Status::Suggested => return Review::Suggested,
                Status::Accepted => accepted = true,
                Status::Rejected => {}
            }
        }
        match (any, accepted) {
            (false, _) => Review::Untouched,
            (true, true) => Review::Accepted,
            (true, false) => Review::Rejected,
        }
    }

    /// Number of sentences the cursor has been on.
    pub fn n_visited(&self) -> usize {
        self.n_visited
    }

    /// Suggestions (the extractor's, or a team's proposals) decided, and in
    /// all: how far the review of the document has come.
    pub fn decided(&self) -> (usize, usize) {
        self.decided
    }

    /// Counts of non-rejected annotations per label: (quotes, claims, denials).
    pub fn counts(&self) -> (usize, usize, usize) {
        self.counts
    }

    /// The distinct speakers named in the document, sorted, for completion.
    pub fn speakers(&self) -> Vec<String> {
        let set = hearsay_core::order::set(
            self.doc
                .annotations
                .iter()
                .filter(|a| a.status != Status::Rejected)
                .filter_map(|a| a.speaker.as_deref()),
        );
        set.into_iter().map(str::to_owned).collect()
    }

    /// The speaker of the quotes on sentence `idx`, where `s` starts: the
    /// first named speaker of a quote not rejected.
    pub fn speaker_of(&self, idx: usize) -> Option<&str> {
        self.annotations_of(idx)
            .filter(|a| a.label == Label::Quote && a.status != Status::Rejected)
            .find_map(|a| a.speaker.as_deref())
    }

    pub(super) fn fresh_id(&mut self) -> String {
        loop {
            let id = format!("u{}", self.next_id);
            self.next_id += 1;
            if !self.doc.annotations.iter().any(|a| a.id == id) {
                return id;
            }
        }
    }

    /// A new accepted annotation by the person over code points
    /// `start..end`, clamped to the text.
    /// `[start, end)` grown to whole words and trimmed of the spaces at
    /// its ends: a selection that cuts a word ("Joost van Le") takes all
    /// of it. An apostrophe or hyphen between letters is part of a word.
    pub fn snap_to_words(&self, start: usize, end: usize) -> (usize, usize) {
        let index = self.index();
        let end = end.min(index.len_chars());
        let start = start.min(end);
        let text = self.doc.text.as_str();
        let (mut bs, mut be) = (index.byte(start), index.byte(end));
        let (mut start, mut end) = (start, end);
        let before = |b: usize| text[..b].chars().next_back();
        let at = |b: usize| text[b..].chars().next();
        while bs < be && at(bs).is_some_and(char::is_whitespace) {
            bs += at(bs).map_or(0, char::len_utf8);
            start += 1;
        }
        while be > bs && before(be).is_some_and(char::is_whitespace) {
            be -= before(be).map_or(0, char::len_utf8);
            end -= 1;
        }
        if bs == be {
            return (start, end);
        }
        let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let joiner = |c: Option<char>| matches!(c, Some('\'' | '’' | '-' | '‐'));
        let len = |c: Option<char>| c.map_or(0, char::len_utf8);
        // A letter, or a joiner with a letter after it (at) or before it
        // (before): the selection's edge is inside a word.
        let at_word = |b: usize| {
            let c = at(b);
            word(c) || (joiner(c) && word(at(b + len(c))))
        };
        let before_word = |b: usize| {
            let c = before(b);
            word(c) || (joiner(c) && word(before(b - len(c))))
        };
        while before_word(bs) && at_word(bs) {
            bs -= len(before(bs));
            start -= 1;
        }
        while before_word(be) && at_word(be) {
            be += len(at(be));
            end += 1;
        }
        (start, end)
    }

    pub(super) fn new_annotation(&mut self, label: Label, start: usize, end: usize) -> Annotation {
        let index = self.index();
        let end = end.min(index.len_chars());
        let start = start.min(end);
        let text = index.slice(start, end).to_owned();
        Annotation {
            kind: (label == Label::Quote).then_some(QuoteKind::Direct),
            ..Annotation::new(self.fresh_id(), label, start, end, text)
        }
    }
}

/// Calls `f` with the index of each of `sentences` (sorted and
/// non-overlapping) that `a` overlaps, in order; an empty annotation
/// counts as one code point. `first` is the first sentence that does not
/// end before the previous annotation: annotations come sorted by start,
/// so it only moves forward and a pass over them all is linear.
fn for_each_sentence(
    sentences: &[Sentence],
    first: &mut usize,
    a: &Annotation,
    mut f: impl FnMut(usize),
) {
    while sentences.get(*first).is_some_and(|s| s.end <= a.start) {
        *first += 1;
    }
    let end = a.end.max(a.start.saturating_add(1));
    for (k, s) in sentences.iter().enumerate().skip(*first) {
        if s.start >= end {
            break;
        }
        if a.overlaps(s.start, s.end) {
            f(k);
        }
    }
}
