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

use hearsay_core::format::{Annotation, Export, Origin, Status};
pub use hearsay_core::interop::ImportError;
use hearsay_core::learn::Update;
use hearsay_core::{Config, Label, analyze};

mod doc;
mod learning;
mod team;

pub use learning::{Models, ModelsStatus, RESCORE_BYTES};

pub use doc::{DocState, Review};
pub use team::Progress;
#[cfg(test)]
pub(crate) use team::export_of;

/// A message for the person, shown under the import panel: what an import
/// or a command did, or why it did nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The text.
    pub text: String,
    /// Whether something went wrong.
    pub error: bool,
}

impl Message {
    /// A message that something was done.
    pub fn info(text: impl Into<String>) -> Message {
        Message {
            text: text.into(),
            error: false,
        }
    }

    /// A message that something went wrong.
    pub fn error(text: impl Into<String>) -> Message {
        Message {
            text: text.into(),
            error: true,
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
    /// For the removal of a whole document (`changes` is then empty).
    pub removed: Option<Removal>,
    /// What the decision taught the models, undone and redone with it.
    pub learned: Option<Update>,
}

/// The removal of a document, for undo.
#[derive(Debug, Clone, PartialEq)]
pub struct Removal {
    /// Where the document stood in the list.
    pub at: usize,
    /// The document while it is out of the workspace (on the undo stack);
    /// `None` while it is back (on the redo stack).
    pub doc: Option<Box<DocState>>,
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
    /// The models: what suggests, and what learns from each decision.
    models: Models,
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
    /// Whether the models changed (learned, undone, reset, imported).
    pub models: bool,
}

impl Pending {
    /// True if and only if nothing needs writing.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty() && self.removed.is_empty() && !self.models
    }
}

/// Which way an edit is replayed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Replay {
    /// Undo: back to each change's `before`.
    Backward,
    /// Redo: on to each change's `after`.
    Forward,
}

/// Longest document name, in characters.
pub const MAX_NAME_CHARS: usize = 200;

/// Largest text the page accepts in one document, in bytes.
pub const MAX_TEXT_BYTES: usize = 16 * 1024 * 1024;

/// The demo article shown on first open; written for the project.
pub const DEMO_TEXT: &str = include_str!("demo.txt");

/// The demo article's document name.
pub const DEMO_NAME: &str = "demo-veldhaven-bridge.txt";

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
            return Err(ImportError::new(name, "the text is empty"));
        }
        if text.len() > MAX_TEXT_BYTES {
            return Err(ImportError::new(
                name,
                format!(
                    "{} MB is more than the {} MB a document may have",
                    text.len() / 1_000_000,
                    MAX_TEXT_BYTES / 1_000_000
                ),
            ));
        }
        self.push_text(name, text);
        self.leave_demo();
        Ok(self.current)
    }

    /// Adds the demo article, marked as such ([`DocState::is_demo`]): it
    /// leaves the workspace when the person adds a document of their own,
    /// unless they changed it.
    pub fn add_demo(&mut self) {
        self.push_text(DEMO_NAME, DEMO_TEXT);
    }

    /// Takes out every demo nobody changed, keeping the document on screen.
    /// Not undone: nothing of the person's is lost.
    fn leave_demo(&mut self) {
        let on_screen = self.doc().map(|d| d.doc.id.clone());
        let mut k = self.docs.len();
        while k > 0 {
            k -= 1;
            if self.docs[k].is_untouched_demo() && self.docs.len() > 1 {
                self.take_doc(k);
            }
        }
        if let Some(id) = on_screen {
            self.select_id(&id);
        }
    }

    /// Makes the document of id `id` current, if it is open.
    pub fn select_id(&mut self, id: &str) {
        if let Some(k) = self.docs.iter().position(|d| d.doc.id == id) {
            self.current = k;
        }
    }

    /// The name of an open document whose text is `text` (the same
    /// SHA-256), if there is one: the page does not add it twice.
    pub fn already_open(&self, text: &str) -> Option<&str> {
        let digest = || hearsay_core::format::sha256_hex(text);
        let mut wanted: Option<String> = None;
        self.docs
            .iter()
            .filter(|d| d.doc.text.len() == text.len())
            .find(|d| d.doc.sha256() == *wanted.get_or_insert_with(digest))
            .map(|d| d.doc.name.as_str())
    }

    fn push_text(&mut self, name: &str, text: &str) {
        let id = self.unique_doc_id("");
        self.docs.push(DocState::analyse(
            &id,
            name,
            text,
            self.models.bundle(),
            self.models.id(),
        ));
        self.current = self.docs.len() - 1;
        self.pending.added.insert(id);
    }

    /// Adds every document of a hearsay JSON export. The whole file is
    /// checked first: if any of it is wrong nothing is added. Documents
    /// whose id is taken get a fresh id. Returns how many were added.
    pub fn import_export(&mut self, name: &str, json: &str) -> Result<usize, ImportError> {
        let export = Export::parse(json).map_err(|e| ImportError::new(name, e.to_string()))?;
        self.add_export(name, export)
    }

    /// Adds every document of an already validated export (from a hearsay
    /// file or a converted doccano, Label Studio or brat file) and makes
    /// the first current. Returns how many were added.
    pub fn add_export(&mut self, name: &str, export: Export) -> Result<usize, ImportError> {
        if export.documents.is_empty() {
            return Err(ImportError::new(name, "the file has no documents"));
        }
        // The limit of a pasted or opened text holds inside an export too,
        // for every document, before any is added.
        // "16 MB": MAX_TEXT_BYTES / 1_000_000, written out (a format! here
        // costs the page's wasm budget more than it has).
        if export
            .documents
            .iter()
            .any(|d| d.text.len() > MAX_TEXT_BYTES)
        {
            return Err(ImportError::new(
                name,
                "a document in it is more than the 16 MB a document may have",
            ));
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
            let mut state = DocState::new(doc);
            // Its suggestions stay as its file says until the models in use
            // change.
            state.synced = Some(self.models.id().to_owned());
            self.docs.push(state);
        }
        self.current = self.docs.len() - n;
        self.leave_demo();
        Ok(n)
    }

    /// Makes document `idx` current.
    pub fn select_doc(&mut self, idx: usize) {
        if idx < self.docs.len() {
            self.current = idx;
        }
    }

    /// Makes sentence `sentence` of document `doc` the current one (a
    /// jump from the statements view).
    pub fn go_to(&mut self, doc: usize, sentence: usize) {
        self.select_doc(doc);
        if self.current == doc {
            self.set_cursor(sentence);
        }
    }

    /// Removes document `idx`; [`Workspace::undo`] puts it back. Returns
    /// its name.
    pub fn remove_doc(&mut self, idx: usize) -> Option<String> {
        let d = self.take_doc(idx)?;
        let name = d.doc.name.clone();
        self.undo.push(Edit {
            doc_id: d.doc.id.clone(),
            changes: Vec::new(),
            removed: Some(Removal {
                at: idx,
                doc: Some(Box::new(d)),
            }),
            learned: None,
        });
        self.redo.clear();
        Some(name)
    }

    /// Takes document `idx` out of the workspace (and out of storage at
    /// the next save).
    fn take_doc(&mut self, idx: usize) -> Option<DocState> {
        if idx >= self.docs.len() {
            return None;
        }
        let removed = self.docs.remove(idx);
        let id = removed.doc.id.clone();
        self.pending.added.remove(&id);
        self.pending.changed.remove(&id);
        self.pending.removed.insert(id);
        self.current = self.current.min(self.docs.len().saturating_sub(1));
        Some(removed)
    }

    /// Puts a removed document back at `idx` (or last) and makes it current.
    fn put_doc(&mut self, idx: usize, d: DocState) {
        let id = d.doc.id.clone();
        let at = idx.min(self.docs.len());
        self.docs.insert(at, d);
        self.pending.removed.remove(&id);
        // Stored again whole: its base and an empty overlay.
        self.pending.added.insert(id);
        self.current = at;
    }

    /// Renames document `idx` to `name` (trimmed). Returns false, changing
    /// nothing, for an empty name or one over 200 characters.
    pub fn rename_doc(&mut self, idx: usize, name: &str) -> bool {
        let name = name.trim();
        if name.is_empty() || name.chars().count() > MAX_NAME_CHARS {
            return false;
        }
        let Some(d) = self.docs.get_mut(idx) else {
            return false;
        };
        d.doc.name = name.to_owned();
        // The name is stored with the document as added: write it again.
        self.pending.added.insert(d.doc.id.clone());
        true
    }

    /// Moves the cursor to sentence `idx` (clamped).
    pub fn set_cursor(&mut self, idx: usize) {
        if let Some(d) = self.doc_mut() {
            let idx = idx.min(d.n_sentences().saturating_sub(1));
            // The place is kept in the index, so moving rewrites no document.
            d.cursor = idx;
            d.visit(idx);
        }
    }

    /// Applies `change` to the current document's annotations and records
    /// it for undo. `change` gets the document and returns the edit made.
    fn record(
        &mut self,
        change: impl FnOnce(&mut DocState) -> Vec<(String, Option<Annotation>, Option<Annotation>)>,
    ) {
        let Some(d) = self.doc_mut() else { return };
        let mut changes = change(d);
        if changes.is_empty() {
            return;
        }
        let doc_id = d.doc.id.clone();
        Self::apply(d, &changes, Replay::Forward);
        self.pending.changed.insert(doc_id.clone());
        // Each decision teaches the models; the suggestions still to decide
        // are then scored again, as part of the same edit.
        let learned = self.learn_from(&changes);
        if learned.is_some() {
            let rescored = self.rescore_current(&changes);
            changes.extend(rescored);
        }
        self.undo.push(Edit {
            doc_id,
            changes,
            removed: None,
            learned,
        });
        self.redo.clear();
    }

    /// Writes the `after` (or, backwards, the `before`) side of `changes`.
    fn apply(
        d: &mut DocState,
        changes: &[(String, Option<Annotation>, Option<Annotation>)],
        way: Replay,
    ) {
        // Annotations are sorted as `reindex` left them up to `sorted`
        // (a removal keeps the order; an addition goes after it).
        let mut sorted = d.doc.annotations.len();
        for (id, before, after) in changes {
            d.touched.insert(id.clone());
            let (current, target) = match way {
                Replay::Backward => (after, before),
                Replay::Forward => (before, after),
            };
            let pos = position(&d.doc.annotations[..], sorted, id, current.as_ref());
            match (pos, target) {
                (Some(p), Some(ann)) => d.doc.annotations[p] = ann.clone(),
                (Some(p), None) => {
                    d.doc.annotations.remove(p);
                    if p < sorted {
                        sorted -= 1;
                    }
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
    /// document (a text selection), grown to whole words
    /// ([`DocState::snap_to_words`]), and moves the cursor to its sentence.
    pub fn add_span(&mut self, label: Label, start: usize, end: usize) {
        if start >= end {
            return;
        }
        self.record(|d| {
            let (start, end) = d.snap_to_words(start, end);
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
        self.step(Replay::Backward)
    }

    /// Redoes the last undone edit. Returns false if there was none.
    pub fn redo(&mut self) -> bool {
        self.step(Replay::Forward)
    }

    fn step(&mut self, way: Replay) -> bool {
        let edit = match way {
            Replay::Backward => self.undo.pop(),
            Replay::Forward => self.redo.pop(),
        };
        let Some(mut edit) = edit else { return false };
        if let Some(removal) = edit.removed.as_mut() {
            // A removal: undo puts the document back, redo takes it out again.
            match way {
                Replay::Backward => {
                    if let Some(doc) = removal.doc.take() {
                        self.put_doc(removal.at, *doc);
                    }
                }
                Replay::Forward => {
                    let pos = self.docs.iter().position(|d| d.doc.id == edit.doc_id);
                    removal.doc = pos.and_then(|p| self.take_doc(p)).map(Box::new);
                }
            }
        } else if let Some(pos) = self.docs.iter().position(|d| d.doc.id == edit.doc_id) {
            if let Some(update) = &edit.learned {
                match way {
                    Replay::Backward => self.models.undo(update),
                    Replay::Forward => self.models.redo(update),
                }
                self.pending.models = true;
            }
            let id = self.models.id().to_owned();
            let d = &mut self.docs[pos];
            Self::apply(d, &edit.changes, way);
            // The document is again as the models now in use scored it.
            if edit.learned.is_some() && d.doc.models.is_some() {
                d.doc.models = Some(id.clone());
                d.synced = Some(id);
            }
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
        match way {
            Replay::Backward => self.redo.push(edit),
            Replay::Forward => self.undo.push(edit),
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
        self.pending.models |= failed.models;
    }

    /// Over every document: suggestions decided and in all, sentences
    /// visited and in all.
    pub fn totals(&self) -> [usize; 4] {
        let mut t = [0; 4];
        for d in &self.docs {
            let (decided, suggested) = d.decided();
            t[0] += decided;
            t[1] += suggested;
            t[2] += d.n_visited();
            t[3] += d.n_sentences();
        }
        t
    }

    /// The document with id `id`.
    pub fn doc_by_id(&self, id: &str) -> Option<&DocState> {
        self.docs.iter().find(|d| d.doc.id == id)
    }
}

/// The position of the annotation `id` of `annotations`, whose first
/// `sorted` are in `reindex`'s order. Found by a binary search when its
/// value now (`current`) is known and in that part, else by a scan.
fn position(
    annotations: &[Annotation],
    sorted: usize,
    id: &str,
    current: Option<&Annotation>,
) -> Option<usize> {
    if let Some(c) = current {
        let key = (c.start, c.end, id);
        let first =
            annotations[..sorted].partition_point(|b| (b.start, b.end, b.id.as_str()) < key);
        if annotations[..sorted].get(first).is_some_and(|b| b.id == id) {
            return Some(first);
        }
    }
    annotations.iter().position(|a| a.id == id)
}

#[cfg(test)]
mod tests;
