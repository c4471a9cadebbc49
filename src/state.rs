//! The annotator's state and every change a person can make to it.
//!
//! This module is plain Rust, without Leptos or the DOM, so all of its logic
//! is tested natively. Components read a [`Workspace`], call one of its
//! methods, and re-render; [`Workspace::undo`] and [`Workspace::redo`] replay
//! [`Edit`]s, each of which records the annotations before and after one
//! decision, so undo has no depth limit and costs memory only in proportion
//! to what changed.
//!
//! Vocabulary: a *label* of a sentence is one carried by an accepted
//! annotation that overlaps it; a *suggestion* is an annotation whose status
//! is still `suggested`.

use std::collections::BTreeSet;

use hearsay_core::format::{Annotation, Document, Export, Origin, Status};
use hearsay_core::{CharIndex, Config, Label, QuoteKind, analyze};

/// One document being annotated, with the reader's place in it.
#[derive(Debug, Clone, PartialEq)]
pub struct DocState {
    /// The document in export form: the text, sentences and annotations.
    pub doc: Document,
    /// Index of the current sentence.
    pub cursor: usize,
    /// For each sentence, the indices into `doc.annotations` overlapping it.
    /// Rebuilt by [`DocState::reindex`] after every change.
    by_sentence: Vec<Vec<usize>>,
    /// Byte range of each sentence in `doc.text`: the text never changes,
    /// so this is computed once and spares every repaint a scan of it.
    sentence_bytes: Vec<(usize, usize)>,
    /// `counts()` and `n_reviewed()`, kept up to date by `reindex`.
    counts: (usize, usize, usize),
    n_reviewed: usize,
    /// Ids of annotations changed since the document was added: saving
    /// writes only these (the overlay) over the stored original (the base).
    touched: BTreeSet<String>,
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

impl DocState {
    /// Wraps a document; the cursor starts at the first sentence.
    pub fn new(doc: Document) -> DocState {
        let next_id = doc.annotations.len() as u64 + 1;
        let index = CharIndex::new(&doc.text);
        let sentence_bytes = doc
            .sentences
            .iter()
            .map(|s| (index.byte(s.start), index.byte(s.end)))
            .collect();
        let mut state = DocState {
            doc,
            cursor: 0,
            by_sentence: Vec::new(),
            sentence_bytes,
            counts: (0, 0, 0),
            n_reviewed: 0,
            touched: BTreeSet::new(),
            next_id,
        };
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
        Workspace::apply(&mut state, &changes, false);
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

    /// Analyses `text` with the extraction core and wraps the result.
    pub fn analyse(id: &str, name: &str, text: &str) -> DocState {
        let analysis = analyze(text, &Config::default());
        DocState::new(Document::from_analysis(id, name, text, &analysis))
    }

    /// Rebuilds the sentence → annotation index. Annotations are kept
    /// sorted by start so that exports are stable.
    fn reindex(&mut self) {
        self.doc
            .annotations
            .sort_by(|a, b| (a.start, a.end, &a.id).cmp(&(b.start, b.end, &b.id)));
        let sentences = &self.doc.sentences;
        let mut by_sentence = vec![Vec::new(); sentences.len()];
        for (i, ann) in self.doc.annotations.iter().enumerate() {
            // First sentence whose end lies after the annotation's start.
            let first = sentences.partition_point(|s| s.end <= ann.start);
            for (j, sentence) in sentences.iter().enumerate().skip(first) {
                let overlaps = sentence.start < ann.end.max(ann.start + 1);
                if !overlaps {
                    break;
                }
                by_sentence[j].push(i);
            }
        }
        self.by_sentence = by_sentence;
        self.cursor = self.cursor.min(sentences.len().saturating_sub(1));
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
        self.n_reviewed = (0..self.n_sentences())
            .filter(|&i| matches!(self.review_of(i), Review::Accepted | Review::Rejected))
            .count();
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
        self.by_sentence
            .get(idx)
            .into_iter()
            .flatten()
            .map(|&i| &self.doc.annotations[i])
    }

    /// Labels of sentence `idx` that are accepted (by the person or as
    /// made by the person), sorted and without repeats.
    pub fn labels_of(&self, idx: usize) -> BTreeSet<Label> {
        self.annotations_of(idx)
            .filter(|a| a.status == Status::Accepted)
            .map(|a| a.label)
            .collect()
    }

    /// Labels suggested for sentence `idx` and not yet decided.
    pub fn suggested_of(&self, idx: usize) -> BTreeSet<Label> {
        self.annotations_of(idx)
            .filter(|a| a.status == Status::Suggested)
            .map(|a| a.label)
            .collect()
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

    /// Number of sentences that have been decided: they carry annotations
    /// and none of them is still a suggestion.
    pub fn n_reviewed(&self) -> usize {
        self.n_reviewed
    }

    /// Counts of non-rejected annotations per label: (quotes, claims, denials).
    pub fn counts(&self) -> (usize, usize, usize) {
        self.counts
    }

    /// The distinct speakers named in the document, sorted, for completion.
    pub fn speakers(&self) -> Vec<String> {
        let set: BTreeSet<&str> = self
            .doc
            .annotations
            .iter()
            .filter(|a| a.status != Status::Rejected)
            .filter_map(|a| a.speaker.as_deref())
            .collect();
        set.into_iter().map(str::to_owned).collect()
    }

    fn fresh_id(&mut self) -> String {
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
    fn new_annotation(&mut self, label: Label, start: usize, end: usize) -> Annotation {
        let index = CharIndex::new(&self.doc.text);
        let end = end.min(index.len_chars());
        let start = start.min(end);
        let text = index.slice(start, end).to_owned();
        Annotation {
            id: self.fresh_id(),
            label,
            start,
            end,
            text,
            kind: (label == Label::Quote).then_some(QuoteKind::Direct),
            speaker: None,
            speaker_span: None,
            cue: None,
            confidence: 1.0,
            origin: Origin::Annotator,
            status: Status::Accepted,
        }
    }
}

/// One reversible change to one document: the annotations it touched,
/// before and after. `None` before means created; `None` after, deleted.
#[derive(Debug, Clone, PartialEq)]
pub struct Edit {
    /// Id of the document.
    pub doc_id: String,
    /// `(annotation id, before, after)` for each annotation touched.
    pub changes: Vec<(String, Option<Annotation>, Option<Annotation>)>,
}

/// Every open document plus the undo history of the session.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Workspace {
    /// The documents, in the order they were added.
    pub docs: Vec<DocState>,
    /// Index of the document on screen.
    pub current: usize,
    undo: Vec<Edit>,
    redo: Vec<Edit>,
    /// What changed since the last [`Workspace::take_pending`].
    pending: Pending,
}

/// What a save has to write: documents added (their base), documents whose
/// annotations changed (their overlay) and documents removed. The index
/// (document order, current document, places) is written on every save.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pending {
    /// Ids of documents added.
    pub added: BTreeSet<String>,
    /// Ids of documents whose annotations changed.
    pub changed: BTreeSet<String>,
    /// Ids of documents removed.
    pub removed: BTreeSet<String>,
}

impl Pending {
    /// True if and only if no document needs writing.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty() && self.removed.is_empty()
    }
}

/// Why an import changed nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError(pub String);

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Largest text the page accepts in one document, in bytes.
pub const MAX_TEXT_BYTES: usize = 16 * 1024 * 1024;

/// Largest file the page reads at all, in bytes: an export or a zip may be
/// several times its texts, but a bigger file is refused before it is read
/// into memory.
pub const MAX_FILE_BYTES: f64 = 100_000_000.0;

/// Why a file of `size` bytes is refused unread, if it is.
pub fn file_too_large(name: &str, size: f64) -> Option<String> {
    (size > MAX_FILE_BYTES).then(|| {
        format!(
            "{name}: {:.0} MB is more than the {:.0} MB a file may have",
            size / 1e6,
            MAX_FILE_BYTES / 1e6
        )
    })
}

impl Workspace {
    /// The document on screen, if any.
    pub fn doc(&self) -> Option<&DocState> {
        self.docs.get(self.current)
    }

    fn doc_mut(&mut self) -> Option<&mut DocState> {
        self.docs.get_mut(self.current)
    }

    fn unique_doc_id(&self, wanted: &str) -> String {
        let taken = |id: &str| self.docs.iter().any(|d| d.doc.id == id);
        if !wanted.is_empty() && !taken(wanted) {
            return wanted.to_owned();
        }
        (self.docs.len() + 1..)
            .map(|n| format!("doc{n}"))
            .find(|id| !taken(id))
            .expect("an unbounded range always yields a free id")
    }

    /// Adds `text` as a new document named `name`, analysed by the core,
    /// and makes it current. Refuses empty or oversized text.
    pub fn add_text(&mut self, name: &str, text: &str) -> Result<usize, ImportError> {
        if text.trim().is_empty() {
            return Err(ImportError(format!("{name}: the text is empty")));
        }
        if text.len() > MAX_TEXT_BYTES {
            return Err(ImportError(format!(
                "{name}: {} MB is more than the {} MB a document may have",
                text.len() / 1_000_000,
                MAX_TEXT_BYTES / 1_000_000
            )));
        }
        let id = self.unique_doc_id("");
        self.docs.push(DocState::analyse(&id, name, text));
        self.current = self.docs.len() - 1;
        self.pending.added.insert(id);
        Ok(self.current)
    }

    /// Adds every document of a hearsay JSON export. The whole file is
    /// checked first: if any of it is wrong nothing is added. Documents
    /// whose id is taken get a fresh id. Returns how many were added.
    pub fn import_export(&mut self, name: &str, json: &str) -> Result<usize, ImportError> {
        let export = Export::parse(json).map_err(|e| ImportError(format!("{name}: {e}")))?;
        self.add_export(name, export)
    }

    /// Adds every document of an already validated export (from a hearsay
    /// file or a converted doccano, Label Studio or brat file) and makes
    /// the first current. Returns how many were added.
    pub fn add_export(&mut self, name: &str, export: Export) -> Result<usize, ImportError> {
        if export.documents.is_empty() {
            return Err(ImportError(format!("{name}: the file has no documents")));
        }
        let n = export.documents.len();
        for mut doc in export.documents {
            doc.id = self.unique_doc_id(&doc.id);
            // Files from other tools (and `extract --no-suggestions`) carry
            // no sentences: the reading view needs them, so the core splits
            // the text, and adds no suggestion.
            if doc.sentences.is_empty() && !doc.text.trim().is_empty() {
                doc.sentences = analyze(&doc.text, &Config::default()).sentences;
            }
            self.pending.added.insert(doc.id.clone());
            self.docs.push(DocState::new(doc));
        }
        self.current = self.docs.len() - n;
        Ok(n)
    }

    /// Makes document `idx` current.
    pub fn select_doc(&mut self, idx: usize) {
        if idx < self.docs.len() {
            self.current = idx;
        }
    }

    /// Removes document `idx` (not undoable: the person confirms first).
    pub fn remove_doc(&mut self, idx: usize) {
        if idx >= self.docs.len() {
            return;
        }
        let removed = self.docs.remove(idx);
        self.undo.retain(|e| e.doc_id != removed.doc.id);
        self.redo.retain(|e| e.doc_id != removed.doc.id);
        let id = removed.doc.id;
        self.pending.added.remove(&id);
        self.pending.changed.remove(&id);
        self.pending.removed.insert(id);
        self.current = self.current.min(self.docs.len().saturating_sub(1));
    }

    /// Moves the cursor to sentence `idx` (clamped).
    pub fn set_cursor(&mut self, idx: usize) {
        if let Some(d) = self.doc_mut() {
            let idx = idx.min(d.n_sentences().saturating_sub(1));
            // The place is kept in the index, so moving rewrites no document.
            d.cursor = idx;
        }
    }

    /// Applies `change` to the current document's annotations and records
    /// it for undo. `change` gets the document and returns the edit made.
    fn record(
        &mut self,
        change: impl FnOnce(&mut DocState) -> Vec<(String, Option<Annotation>, Option<Annotation>)>,
    ) {
        let Some(d) = self.doc_mut() else { return };
        let changes = change(d);
        if changes.is_empty() {
            return;
        }
        let doc_id = d.doc.id.clone();
        Self::apply(d, &changes, false);
        self.pending.changed.insert(doc_id.clone());
        self.undo.push(Edit { doc_id, changes });
        self.redo.clear();
    }

    /// Writes the `after` (or, backwards, the `before`) side of `changes`.
    fn apply(
        d: &mut DocState,
        changes: &[(String, Option<Annotation>, Option<Annotation>)],
        backwards: bool,
    ) {
        for (id, before, after) in changes {
            d.touched.insert(id.clone());
            let target = if backwards { before } else { after };
            let pos = d.doc.annotations.iter().position(|a| &a.id == id);
            match (pos, target) {
                (Some(p), Some(ann)) => d.doc.annotations[p] = ann.clone(),
                (Some(p), None) => {
                    d.doc.annotations.remove(p);
                }
                (None, Some(ann)) => d.doc.annotations.push(ann.clone()),
                (None, None) => {}
            }
        }
        d.reindex();
    }

    /// Sets the status of every annotation of the current sentence whose
    /// status is `from` (and label is `label`, if given) to `to`.
    fn restatus(&mut self, label: Option<Label>, from: Status, to: Status) {
        self.record(|d| {
            let idx = d.cursor;
            d.annotations_of(idx)
                .filter(|a| a.status == from && label.is_none_or(|l| a.label == l))
                .map(|a| {
                    let mut after = a.clone();
                    after.status = to;
                    (a.id.clone(), Some(a.clone()), Some(after))
                })
                .collect()
        });
    }

    /// Accepts every suggestion on the current sentence (`a`, Enter).
    pub fn accept(&mut self) {
        self.restatus(None, Status::Suggested, Status::Accepted);
    }

    /// Rejects every suggestion on the current sentence (`x`). With no
    /// suggestion left, rejects what was accepted instead.
    pub fn reject(&mut self) {
        let has_suggestion = self
            .doc()
            .is_some_and(|d| !d.suggested_of(d.cursor).is_empty());
        if has_suggestion {
            self.restatus(None, Status::Suggested, Status::Rejected);
        } else {
            self.restatus(None, Status::Accepted, Status::Rejected);
        }
    }

    /// Toggles `label` on the current sentence (`q`, `c`, `d`): an accepted
    /// one is rejected (or deleted, if the person made it); else a
    /// suggestion is accepted; else the person's own annotation covering
    /// the sentence is added.
    pub fn toggle(&mut self, label: Label) {
        self.record(|d| {
            let idx = d.cursor;
            let Some(sentence) = d.doc.sentences.get(idx).copied() else {
                return Vec::new();
            };
            let accepted: Vec<&Annotation> = d
                .annotations_of(idx)
                .filter(|a| a.label == label && a.status == Status::Accepted)
                .collect();
            if !accepted.is_empty() {
                return accepted
                    .into_iter()
                    .map(|a| {
                        let after = (a.origin == Origin::Extractor).then(|| Annotation {
                            status: Status::Rejected,
                            ..a.clone()
                        });
                        (a.id.clone(), Some(a.clone()), after)
                    })
                    .collect();
            }
            let suggested: Vec<(String, Option<Annotation>, Option<Annotation>)> = d
                .annotations_of(idx)
                .filter(|a| a.label == label && a.status == Status::Suggested)
                .map(|a| {
                    let after = Annotation {
                        status: Status::Accepted,
                        ..a.clone()
                    };
                    (a.id.clone(), Some(a.clone()), Some(after))
                })
                .collect();
            if !suggested.is_empty() {
                return suggested;
            }
            let ann = d.new_annotation(label, sentence.start, sentence.end);
            vec![(ann.id.clone(), None, Some(ann))]
        });
    }

    /// Adds the person's quote over code points `start..end` of the current
    /// document (a text selection) and moves the cursor to its sentence.
    pub fn add_span(&mut self, label: Label, start: usize, end: usize) {
        if start >= end {
            return;
        }
        self.record(|d| {
            let ann = d.new_annotation(label, start, end);
            if ann.start >= ann.end {
                return Vec::new();
            }
            d.cursor = d.doc.sentences.partition_point(|s| s.end <= ann.start);
            vec![(ann.id.clone(), None, Some(ann))]
        });
    }

    /// Sets the speaker of every non-rejected quote on the current sentence;
    /// an empty name clears it. Returns false if there was no quote.
    pub fn set_speaker(&mut self, name: &str) -> bool {
        let name = name.trim();
        let speaker = (!name.is_empty()).then(|| name.to_owned());
        let mut found = false;
        self.record(|d| {
            let changes: Vec<_> = d
                .annotations_of(d.cursor)
                .filter(|a| a.label == Label::Quote && a.status != Status::Rejected)
                .map(|a| {
                    let after = Annotation {
                        speaker: speaker.clone(),
                        // The name typed by a person is not written at the
                        // old place in the text any more.
                        speaker_span: None,
                        // Correcting a suggestion is a decision about it.
                        status: Status::Accepted,
                        ..a.clone()
                    };
                    (a.id.clone(), Some(a.clone()), Some(after))
                })
                .collect();
            found = !changes.is_empty();
            changes
        });
        found
    }

    /// Undoes the last edit (of any document). Returns false if there was none.
    pub fn undo(&mut self) -> bool {
        self.step(true)
    }

    /// Redoes the last undone edit. Returns false if there was none.
    pub fn redo(&mut self) -> bool {
        self.step(false)
    }

    fn step(&mut self, backwards: bool) -> bool {
        let edit = if backwards {
            self.undo.pop()
        } else {
            self.redo.pop()
        };
        let Some(edit) = edit else { return false };
        if let Some(pos) = self.docs.iter().position(|d| d.doc.id == edit.doc_id) {
            let d = &mut self.docs[pos];
            Self::apply(d, &edit.changes, backwards);
            // Show the person what was undone.
            if let Some((_, before, after)) = edit.changes.first()
                && let Some(ann) = before.as_ref().or(after.as_ref())
            {
                d.cursor = d.doc.sentences.partition_point(|s| s.end <= ann.start);
                d.reindex();
            }
            self.current = pos;
            self.pending.changed.insert(edit.doc_id.clone());
        }
        if backwards {
            self.redo.push(edit);
        } else {
            self.undo.push(edit);
        }
        true
    }

    /// Number of edits that can be undone.
    pub fn undo_depth(&self) -> usize {
        self.undo.len()
    }

    /// The whole workspace as one hearsay export.
    pub fn export(&self) -> Export {
        Export::new(self.docs.iter().map(|d| d.doc.clone()).collect())
    }

    /// Returns what changed since the last call and forgets it.
    pub fn take_pending(&mut self) -> Pending {
        std::mem::take(&mut self.pending)
    }

    /// Puts back what a failed save did not write, so the next save tries
    /// it again (documents removed since are left out).
    pub fn restore_pending(&mut self, failed: Pending) {
        let exists = |id: &String| self.docs.iter().any(|d| &d.doc.id == id);
        let added: Vec<_> = failed.added.into_iter().filter(exists).collect();
        let changed: Vec<_> = failed.changed.into_iter().filter(exists).collect();
        self.pending.added.extend(added);
        self.pending.changed.extend(changed);
        self.pending.removed.extend(failed.removed);
    }

    /// The document with id `id`.
    pub fn doc_by_id(&self, id: &str) -> Option<&DocState> {
        self.docs.iter().find(|d| d.doc.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "Harbour plan stalls\n\nThe port authority rejected the new pier design on Tuesday. \
“We will not build a pier that floods every spring,” chair Lena Ortiz said. \
The weather was mild.";

    fn workspace() -> Workspace {
        let mut ws = Workspace::default();
        ws.add_text("harbour.txt", ARTICLE).unwrap();
        ws
    }

    fn sentence_with(ws: &Workspace, needle: &str) -> usize {
        let d = ws.doc().unwrap();
        let index = CharIndex::new(&d.doc.text);
        (0..d.n_sentences())
            .find(|&i| {
                let s = d.doc.sentences[i];
                index.slice(s.start, s.end).contains(needle)
            })
            .unwrap_or_else(|| panic!("no sentence contains {needle:?}"))
    }

    #[test]
    fn toggle_on_plain_sentence_adds_accepted_annotation_and_undo_removes_it() {
        let mut ws = workspace();
        let idx = sentence_with(&ws, "weather");
        ws.set_cursor(idx);
        let before = ws.doc().unwrap().doc.annotations.len();
        ws.toggle(Label::Claim);
        let d = ws.doc().unwrap();
        assert!(d.labels_of(idx).contains(&Label::Claim));
        assert_eq!(d.doc.annotations.len(), before + 1);
        let made = d
            .annotations_of(idx)
            .find(|a| a.origin == Origin::Annotator)
            .unwrap();
        assert_eq!(made.text, "The weather was mild.");
        assert!(ws.undo());
        assert!(!ws.doc().unwrap().labels_of(idx).contains(&Label::Claim));
        assert_eq!(ws.doc().unwrap().doc.annotations.len(), before);
        assert!(ws.redo());
        assert!(ws.doc().unwrap().labels_of(idx).contains(&Label::Claim));
    }

    #[test]
    fn accept_then_reject_moves_suggestions_between_statuses() {
        let mut ws = workspace();
        let idx = sentence_with(&ws, "floods");
        ws.set_cursor(idx);
        let suggested = ws.doc().unwrap().suggested_of(idx);
        assert!(suggested.contains(&Label::Quote), "{suggested:?}");
        ws.accept();
        let d = ws.doc().unwrap();
        assert!(d.suggested_of(idx).is_empty());
        assert_eq!(d.labels_of(idx), suggested);
        assert_eq!(d.review_of(idx), Review::Accepted);
        ws.reject();
        let d = ws.doc().unwrap();
        assert!(d.labels_of(idx).is_empty());
        assert_eq!(d.review_of(idx), Review::Rejected);
        // Unlimited undo: back through both decisions.
        assert!(ws.undo() && ws.undo());
        assert_eq!(ws.doc().unwrap().suggested_of(idx), suggested);
        assert!(!ws.undo() || ws.undo_depth() == 0);
    }

    #[test]
    fn speaker_edit_applies_to_quotes_of_the_sentence() {
        let mut ws = workspace();
        let idx = sentence_with(&ws, "floods");
        ws.set_cursor(idx);
        assert!(ws.set_speaker("  Lena M. Ortiz "));
        let d = ws.doc().unwrap();
        let quote = d
            .annotations_of(idx)
            .find(|a| a.label == Label::Quote)
            .unwrap();
        assert_eq!(quote.speaker.as_deref(), Some("Lena M. Ortiz"));
        assert_eq!(quote.status, Status::Accepted);
        assert!(d.speakers().contains(&"Lena M. Ortiz".to_owned()));
        let plain = sentence_with(&ws, "weather");
        ws.set_cursor(plain);
        assert!(!ws.set_speaker("Nobody"));
    }

    #[test]
    fn selection_span_keeps_exact_text_with_emoji() {
        let mut ws = Workspace::default();
        ws.add_text("e.txt", "Fans 🎉🇫🇷 cheered. “Go 👩‍👩‍👧 team,” a fan said.")
            .unwrap();
        // "🇫🇷 cheered" starts at code point 6.
        ws.add_span(Label::Quote, 6, 16);
        let d = ws.doc().unwrap();
        let made = d
            .doc
            .annotations
            .iter()
            .find(|a| a.origin == Origin::Annotator)
            .unwrap();
        assert_eq!(made.text, "🇫🇷 cheered");
        assert_eq!((made.start, made.end), (6, 16));
    }

    #[test]
    fn export_round_trips_through_import() {
        let mut ws = workspace();
        ws.set_cursor(sentence_with(&ws, "floods"));
        ws.accept();
        let json = ws.export().to_json();
        let mut other = Workspace::default();
        assert_eq!(other.import_export("x.json", &json), Ok(1));
        assert_eq!(other.export(), ws.export());
    }

    #[test]
    fn bad_import_changes_nothing() {
        let mut ws = workspace();
        let before = ws.clone();
        let err = ws
            .import_export("bad.json", "{\"format\": \"other\"}")
            .unwrap_err();
        assert!(err.0.starts_with("bad.json: "), "{err}");
        assert!(ws.import_export("empty.json", "").is_err());
        assert!(ws.add_text("blank.txt", "  \n ").is_err());
        assert_eq!(ws, before);
    }

    #[test]
    fn oversized_text_is_refused_before_analysis() {
        let mut ws = workspace();
        let before = ws.clone();
        let huge = "Word. ".repeat(MAX_TEXT_BYTES / 6 + 1);
        let err = ws.add_text("huge.txt", &huge).unwrap_err();
        assert!(
            err.0.starts_with("huge.txt: ") && err.0.contains("MB"),
            "{err}"
        );
        assert_eq!(ws, before);
    }

    #[test]
    fn files_over_the_limit_are_refused_unread_with_their_size() {
        assert_eq!(file_too_large("a.json", 99_000_000.0), None);
        assert_eq!(
            file_too_large("b.zip", 250_400_000.0).as_deref(),
            Some("b.zip: 250 MB is more than the 100 MB a file may have")
        );
    }

    #[test]
    fn imported_duplicate_document_gets_fresh_id() {
        let mut ws = workspace();
        let json = ws.export().to_json();
        ws.import_export("again.json", &json).unwrap();
        assert_eq!(ws.docs.len(), 2);
        assert_ne!(ws.docs[0].doc.id, ws.docs[1].doc.id);
    }

    #[test]
    fn pending_changes_are_reported_once_and_restored_after_failure() {
        let mut ws = workspace();
        let pending = ws.take_pending();
        assert_eq!(pending.added.len(), 1);
        assert!(ws.take_pending().is_empty());
        ws.set_cursor(2);
        assert!(ws.take_pending().is_empty(), "moving rewrites no document");
        ws.toggle(Label::Denial);
        let pending = ws.take_pending();
        assert_eq!(pending.changed.len(), 1);
        ws.restore_pending(pending.clone());
        assert_eq!(ws.take_pending(), pending);
    }

    #[test]
    fn base_plus_overlay_rebuilds_the_document() {
        let mut ws = workspace();
        let base = ws.doc().unwrap().doc.clone();
        ws.set_cursor(sentence_with(&ws, "floods"));
        ws.accept();
        ws.set_cursor(sentence_with(&ws, "weather"));
        ws.toggle(Label::Claim);
        ws.toggle(Label::Claim); // made and deleted again
        ws.toggle(Label::Quote);
        let d = ws.doc().unwrap();
        let overlay = d.overlay();
        assert!(overlay.len() >= 3, "{overlay:?}");
        assert!(
            overlay.iter().any(|(_, a)| a.is_none()),
            "the deleted claim"
        );
        let rebuilt = DocState::from_parts(base, overlay);
        assert_eq!(rebuilt.doc, d.doc);
    }
}
