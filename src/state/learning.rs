//! The page's models: the bundle that suggests, learns from each decision
//! and scores the suggestions not yet decided again.
//!
//! Rule: a decision's lessons ([`lessons_of_change`]) move the bundle
//! ([`Bundle::learn`], the very code of `hearsay learn`); then the current
//! document's undecided suggestions are scored again at once, and the
//! other documents, found stale by the bundle id they were scored with,
//! when they are opened or the page is idle ([`Workspace::rescore_step`]).
//! Scoring again replaces only the extractor's undecided suggestions: a
//! decided annotation is never touched, and no new suggestion is made
//! where a person decided an annotation of the same label. A document that
//! no model scored (another tool's file) is never scored.
//!
//! A short document (up to [`WHOLE_TEXT_BYTES`]) is analysed whole; in a
//! longer one the text around the decision is scored at once and the rest
//! window by window at idle times ([`RESCORE_BYTES`]), so that a key press
//! on a 1 MB article stays quick.

use std::ops::Range;

use hearsay_core::format::{Annotation, Origin, Status};
use hearsay_core::learn::{Bundle, Lesson, WHOLE_TEXT_BYTES, lessons_of_change};
use hearsay_core::models::Unobserved;
use hearsay_core::{CharIndex, Config, Suggestion, analyze_with};

use super::{DocState, Workspace};

/// How much of a long document one idle step scores again, in bytes.
pub const RESCORE_BYTES: usize = 16 * 1024;
/// Around a decision in a long document, how far on each side its
/// suggestions are scored again at once, in bytes.
pub const RESCORE_MARGIN_BYTES: usize = 2 * 1024;
/// How much text on each side of those suggestions the analysis reads for
/// context, in bytes: a decision's key press analyses about 8 KB of a long
/// document (it read 16 KB before, for 4 KB of suggestions).
pub const RESCORE_CONTEXT_BYTES: usize = 2 * 1024;

/// One change of an annotation: its id, before and after.
pub type Change = (String, Option<Annotation>, Option<Annotation>);

/// The bundle in use and its id.
#[derive(Debug, Clone, PartialEq)]
pub struct Models {
    bundle: Bundle,
    id: String,
}

impl Default for Models {
    fn default() -> Models {
        Models::new(Bundle::default())
    }
}

impl Models {
    /// `bundle`, ready to use.
    pub fn new(bundle: Bundle) -> Models {
        let id = bundle.id();
        Models { bundle, id }
    }

    /// The bundle.
    pub fn bundle(&self) -> &Bundle {
        &self.bundle
    }

    /// The bundle's id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// After the bundle changed: its new id.
    fn changed(&mut self) {
        self.id = self.bundle.id();
    }

    /// Takes back what `update` taught.
    pub(super) fn undo(&mut self, update: &hearsay_core::learn::Update) {
        self.bundle.undo(update);
        self.changed();
    }

    /// Teaches `update` again.
    pub(super) fn redo(&mut self, update: &hearsay_core::learn::Update) {
        self.bundle.redo(update);
        self.changed();
    }
}

/// What the person should know of the models: where they come from and
/// how much they learned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelsStatus {
    /// The bundle's id.
    pub id: String,
    /// Lessons learned since the base models.
    pub lessons: u32,
    /// Documents still to score again with the current models.
    pub stale: usize,
}

/// The undecided suggestions of the extractor: what scoring again may
/// replace.
fn replaceable(a: &Annotation) -> bool {
    a.status == Status::Suggested && a.origin == Origin::Extractor
}

/// The changes that make the suggestions of `d` starting in the code
/// points `inner` those of `fresh` (suggestions of the whole text, in code
/// points): updated in place when the span and label are the same, made
/// anew otherwise, and the ones no longer suggested removed. Where a
/// decided annotation of the same label overlaps, nothing is suggested.
pub fn merge(d: &mut DocState, fresh: &[Suggestion], inner: Range<usize>) -> Vec<Change> {
    let within =
        |start: usize| inner.contains(&start) || (inner.is_empty() && start == inner.start);
    let mut changes = Vec::new();
    let mut kept: Vec<&str> = Vec::new();
    let existing: Vec<Annotation> = d
        .doc
        .annotations
        .iter()
        .filter(|a| within(a.start))
        .cloned()
        .collect();
    let mut made: Vec<&Suggestion> = Vec::new();
    for s in fresh.iter().filter(|s| within(s.start)) {
        let decided = existing.iter().any(|a| {
            !replaceable(a) && a.label == s.label && a.overlaps(s.start, s.end.max(s.start + 1))
        });
        if decided {
            continue;
        }
        let same = existing.iter().find(|a| {
            replaceable(a)
                && a.label == s.label
                && a.start == s.start
                && a.end == s.end
                && !kept.contains(&a.id.as_str())
        });
        let Some(a) = same else {
            made.push(s);
            continue;
        };
        kept.push(&a.id);
        let after = Annotation {
            kind: s.kind,
            speaker: s.speaker.clone(),
            speaker_span: s.speaker_span,
            cue: s.cue.clone(),
            confidence: s.confidence,
            speaker_confidence: s.speaker_confidence,
            ..a.clone()
        };
        if &after != a {
            changes.push((a.id.clone(), Some(a.clone()), Some(after)));
        }
    }
    for a in existing.iter().filter(|a| replaceable(a)) {
        if !kept.contains(&a.id.as_str()) {
            changes.push((a.id.clone(), Some(a.clone()), None));
        }
    }
    let texts: Vec<String> = {
        let index = d.index();
        made.iter()
            .map(|s| index.slice(s.start, s.end).to_owned())
            .collect()
    };
    for (s, text) in made.into_iter().zip(texts) {
        let a = Annotation {
            kind: s.kind,
            speaker: s.speaker.clone(),
            speaker_span: s.speaker_span,
            cue: s.cue.clone(),
            confidence: s.confidence,
            speaker_confidence: s.speaker_confidence,
            origin: Origin::Extractor,
            status: Status::Suggested,
            ..Annotation::new(d.fresh_id(), s.label, s.start, s.end, text)
        };
        changes.push((a.id.clone(), None, Some(a)));
    }
    changes
}

/// The suggestions of the bytes `bytes` of the text of `index` analysed
/// alone with `bundle`, in code points of the whole text.
fn suggest(index: &CharIndex, bytes: Range<usize>, bundle: &Bundle) -> Vec<Suggestion> {
    let (analysis, _) = analyze_with(
        &index.text()[bytes.clone()],
        &Config::default(),
        bundle.models(),
        &mut Unobserved,
    );
    let base = index.char_of_byte(bytes.start);
    analysis
        .suggestions
        .into_iter()
        .map(|mut s| {
            s.start += base;
            s.end += base;
            if let Some(sp) = &mut s.speaker_span {
                sp.start += base;
                sp.end += base;
            }
            s
        })
        .collect()
}

/// The code points of the bytes `r` of the text of `index`.
fn chars(index: &CharIndex, r: Range<usize>) -> Range<usize> {
    index.char_of_byte(r.start)..index.char_of_byte(r.end)
}

/// The line-aligned bytes of `text` from `from` for about `len` bytes.
fn lines(text: &str, from: usize, len: usize) -> Range<usize> {
    let bytes = text.as_bytes();
    let start = bytes[..from.min(text.len())]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |k| k + 1);
    let to = from.saturating_add(len).min(text.len());
    let end = bytes[to..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(text.len(), |k| to + k + 1);
    start..end
}

impl Workspace {
    /// The models' id, lessons, and how many documents are still to score
    /// again.
    pub fn models_status(&self) -> ModelsStatus {
        ModelsStatus {
            id: self.models.id.clone(),
            lessons: self.models.bundle.lessons(),
            stale: self.docs.iter().filter(|d| self.is_stale(d)).count(),
        }
    }

    /// The bundle in use.
    pub fn models(&self) -> &Models {
        &self.models
    }

    /// Uses `bundle` from now on (the loaded, restored or imported one);
    /// every scored document is scored again with it. Not undone: it is
    /// no decision.
    pub fn set_models(&mut self, bundle: Bundle) {
        self.models = Models::new(bundle);
        self.pending.models = true;
    }

    /// Uses `bundle` as restored from storage: nothing to save.
    pub fn restore_models(&mut self, bundle: Bundle) {
        self.models = Models::new(bundle);
    }

    /// Forgets what the models learned ("Reset learning"): back to their
    /// base. The undo history of decisions stays, without their learning.
    pub fn reset_learning(&mut self) {
        self.models.bundle.reset();
        self.models.changed();
        self.pending.models = true;
        for edit in self.undo.iter_mut().chain(self.redo.iter_mut()) {
            edit.learned = None;
        }
    }

    /// True if `d` was scored by a model bundle other than the current one.
    fn is_stale(&self, d: &DocState) -> bool {
        d.doc.models.is_some()
            && (d.synced.as_deref() != Some(self.models.id.as_str()) || d.rescan.is_some())
    }

    /// The lessons of `changes` to the current document, learned; the
    /// update, if anything moved.
    pub(super) fn learn_from(&mut self, changes: &[Change]) -> Option<hearsay_core::learn::Update> {
        let lessons: Vec<Lesson> = changes
            .iter()
            .flat_map(|(_, before, after)| lessons_of_change(before.as_ref(), after.as_ref()))
            .collect();
        if lessons.is_empty() {
            return None;
        }
        let d = self.docs.get(self.current)?;
        let update = self.models.bundle.learn_indexed(&d.index(), &lessons);
        if update.is_empty() {
            return None;
        }
        self.models.changed();
        self.pending.models = true;
        Some(update)
    }

    /// Scores the current document's suggestions again around what
    /// `changes` touched (the whole document when it is short): the
    /// changes made, applied already.
    pub(super) fn rescore_current(&mut self, changes: &[Change]) -> Vec<Change> {
        let Some(d) = self.docs.get(self.current) else {
            return Vec::new();
        };
        if d.doc.models.is_none() {
            return Vec::new();
        }
        let index = d.index();
        let text = index.text();
        let (fresh, inner, rest) = if text.len() <= WHOLE_TEXT_BYTES {
            let all = 0..text.len();
            (
                suggest(&index, all.clone(), &self.models.bundle),
                chars(&index, all),
                false,
            )
        } else {
            let touched = changes
                .iter()
                .filter_map(|(_, b, a)| a.as_ref().or(b.as_ref()))
                .map(|a| index.byte(a.start)..index.byte(a.end));
            let Some(around) = touched.reduce(|a, b| a.start.min(b.start)..a.end.max(b.end)) else {
                return Vec::new();
            };
            let inner = lines(
                text,
                around.start.saturating_sub(RESCORE_MARGIN_BYTES),
                around.len() + 2 * RESCORE_MARGIN_BYTES,
            );
            let analysed = lines(
                text,
                inner.start.saturating_sub(RESCORE_CONTEXT_BYTES),
                inner.len() + 2 * RESCORE_CONTEXT_BYTES,
            );
            let fresh = suggest(&index, analysed, &self.models.bundle);
            (fresh, chars(&index, inner), true)
        };
        let d = &mut self.docs[self.current];
        if rest {
            // The rest of the document waits for idle time.
            d.rescan.get_or_insert(0);
        }
        let changes = merge(d, &fresh, inner);
        Self::apply(d, &changes, super::Replay::Forward);
        if d.rescan.is_none() {
            d.doc.models = Some(self.models.id.clone());
            d.synced = Some(self.models.id.clone());
        }
        if !changes.is_empty() {
            self.pending.changed.insert(d.doc.id.clone());
        }
        changes
    }

    /// Scores one stale document again (the current one first), or the
    /// next window of a long one; not undone (it follows from the models).
    /// Returns true while documents are left to score.
    pub fn rescore_step(&mut self) -> bool {
        let order = std::iter::once(self.current).chain(0..self.docs.len());
        let Some(k) = order
            .filter(|&k| k < self.docs.len())
            .find(|&k| self.is_stale(&self.docs[k]))
        else {
            return false;
        };
        let id = self.models.id.clone();
        let d = &self.docs[k];
        let index = d.index();
        let text = index.text();
        let (range, rescan) = if text.len() <= WHOLE_TEXT_BYTES {
            (0..text.len(), None)
        } else {
            let r = lines(text, d.rescan.unwrap_or(0), RESCORE_BYTES);
            let next = (r.end < text.len()).then_some(r.end);
            (r, next)
        };
        let fresh = suggest(&index, range.clone(), &self.models.bundle);
        let inner = chars(&index, range);
        let d = &mut self.docs[k];
        d.rescan = rescan;
        let changes = merge(d, &fresh, inner);
        Self::apply(d, &changes, super::Replay::Forward);
        if d.rescan.is_none() {
            d.doc.models = Some(id.clone());
            d.synced = Some(id);
        }
        if !changes.is_empty() {
            self.pending.changed.insert(d.doc.id.clone());
        }
        self.docs.iter().any(|d| self.is_stale(d))
    }
}
