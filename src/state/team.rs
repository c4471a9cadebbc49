//! A team's exports side by side: bringing them in as adjudication
//! documents, moving between their disagreements and settling them. The
//! matching, grouping and choices are the core's
//! ([`hearsay_core::agreement`]); this file applies them to the workspace,
//! so that settling is undone, redone and saved like every decision.

use hearsay_core::agreement::{Choice, Item, PanelError, gather, items};
use hearsay_core::format::{Annotation, Document, Export};
use hearsay_core::{Config, Label, analyze};

use super::{DocState, MAX_NAME_CHARS, Workspace};
use crate::rows::Walk;

/// How a team's disagreements stand in the adjudication documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// Disagreements settled.
    pub settled: usize,
    /// Disagreements in all.
    pub items: usize,
}

impl Workspace {
    /// Adds one adjudication document per text every export shares (see
    /// [`gather`]) and makes the first current. `team` is each annotator's
    /// name and export. Refuses, changing nothing, what the core refuses:
    /// fewer than two annotators, a name given twice, an export without
    /// documents, texts that differ, nothing shared. Returns how many
    /// documents were added.
    pub fn add_team(&mut self, team: &[(String, Export)]) -> Result<usize, PanelError> {
        Ok(self.add_adjudication(gather(team)?))
    }

    /// Adds documents [`gather`] made; returns how many. The documents an
    /// earlier comparison of the same team on the same texts made are
    /// taken out (each removal undone with `u`, as any). The first new
    /// document with an open disagreement is made current, on that
    /// disagreement; else the first new one.
    pub fn add_adjudication(&mut self, docs: Vec<Document>) -> usize {
        let n = docs.len();
        let earlier: Vec<usize> = (0..self.docs.len())
            .filter(|&k| {
                let old = &self.docs[k].doc;
                !old.annotators.is_empty()
                    && docs
                        .iter()
                        .any(|d| d.annotators == old.annotators && d.text == old.text)
            })
            .collect();
        for mut doc in docs {
            doc.id = self.unique_doc_id(&doc.id);
            let name: String = format!("{} (adjudication)", doc.name);
            doc.name = name.chars().take(MAX_NAME_CHARS).collect();
            if doc.sentences.is_empty() && !doc.text.trim().is_empty() {
                doc.sentences = analyze(&doc.text, &Config::default()).sentences;
            }
            self.pending.added.insert(doc.id.clone());
            self.docs.push(DocState::new(doc));
        }
        // Taken out after the new ones got their ids, so that an undone
        // removal never meets its own id again.
        for &k in earlier.iter().rev() {
            self.remove_doc(k);
        }
        self.leave_demo();
        let first = self.docs.len() - n;
        let open =
            (first..self.docs.len()).find(|&k| items(&self.docs[k].doc).iter().any(|i| !i.settled));
        self.current = first;
        if let Some(k) = open {
            self.go_to_label(k, None);
        }
        n
    }

    /// The disagreements of the document on screen (none unless it is an
    /// adjudication document).
    pub fn items(&self) -> Vec<Item> {
        self.doc().map(|d| items(&d.doc)).unwrap_or_default()
    }

    /// Settles the current disagreement as `choice` says, then moves to the
    /// next one still open. Returns false, changing nothing, when there is
    /// no disagreement here or the choice names an annotator the team does
    /// not have.
    pub fn settle(&mut self, choice: Choice) -> bool {
        let all = self.items();
        let Some(d) = self.doc() else { return false };
        let at = d.item.min(all.len().saturating_sub(1));
        let Some(decided) = all
            .get(at)
            .and_then(|item| hearsay_core::agreement::decide(&d.doc, item, choice))
        else {
            return false;
        };
        let changes: Vec<(String, Option<Annotation>, Option<Annotation>)> = decided
            .into_iter()
            .map(|(i, status)| {
                let before = d.doc.annotations[i].clone();
                let after = Annotation {
                    status,
                    ..before.clone()
                };
                (before.id.clone(), Some(before), Some(after))
            })
            .collect();
        self.record(|_| changes);
        let next = (at + 1..all.len())
            .chain(0..at)
            .find(|&i| !all[i].settled)
            .unwrap_or(at);
        self.go_to_item(next, &all);
        true
    }

    /// Makes disagreement `idx` of `items` (the document's) current, and
    /// the sentence where it starts: the speaker editor and the selection
    /// then work on it, and the list scrolls to it.
    fn go_to_item(&mut self, idx: usize, items: &[Item]) {
        let Some(d) = self.doc_mut() else { return };
        d.item = idx;
        if let Some(item) = items.get(idx) {
            let at = d.doc.sentences.partition_point(|s| s.end <= item.start);
            if at < d.doc.sentences.len() {
                self.set_cursor(at);
            }
        }
    }

    /// Moves to the next (or previous) disagreement of the document.
    pub fn step_item(&mut self, walk: Walk) {
        let items = self.items();
        let last = items.len().saturating_sub(1);
        let at = self.doc().map_or(0, |d| d.item.min(last));
        let next = match walk {
            Walk::Forward => (at + 1).min(last),
            Walk::Backward => at.saturating_sub(1),
        };
        self.go_to_item(next, &items);
    }

    /// Makes disagreement `idx` of the document current.
    pub fn select_item(&mut self, idx: usize) {
        let items = self.items();
        self.go_to_item(idx, &items);
    }

    /// Makes document `doc` current, and in it the first open disagreement
    /// of `label` (of any label for `None`), else its first one: where a
    /// figure of the agreement table leads.
    pub fn go_to_label(&mut self, doc: usize, label: Option<Label>) {
        self.select_doc(doc);
        let items = self.items();
        let of = |i: &Item| label.is_none_or(|l| i.label == l);
        let open = items.iter().position(|i| of(i) && !i.settled);
        if let Some(at) = open.or_else(|| items.iter().position(of)) {
            self.go_to_item(at, &items);
        }
    }

    /// The documents the current one's team adjudicates, with their
    /// indices: none unless the current document is an adjudication
    /// document (a team of two or more).
    pub fn team_docs(&self) -> impl Iterator<Item = (usize, &DocState)> {
        let team = self
            .doc()
            .map(|d| &d.doc.annotators)
            .filter(|t| t.len() > 1);
        self.docs
            .iter()
            .enumerate()
            .filter(move |(_, d)| team.is_some_and(|t| &d.doc.annotators == t))
    }

    /// Disagreements settled and in all, over every document the current
    /// one's team adjudicates.
    pub fn progress(&self) -> Progress {
        let mut p = Progress::default();
        for (_, d) in self.team_docs() {
            for item in items(&d.doc) {
                p.items += 1;
                p.settled += usize::from(item.settled);
            }
        }
        p
    }
}

/// A one-document export of `text` named `name` with an annotation of the
/// first occurrence of each needle (ASCII texts: bytes are code points),
/// and the text's sentences when `split`; for tests.
#[cfg(test)]
pub(crate) fn export_of(
    name: &str,
    text: &str,
    split: bool,
    spans: &[(hearsay_core::Label, &str)],
) -> Export {
    Export::new(vec![Document {
        models: None,
        id: "d1".into(),
        name: name.into(),
        text: text.into(),
        sentences: if split {
            analyze(text, &Config::default()).sentences
        } else {
            Vec::new()
        },
        annotations: spans
            .iter()
            .map(|&(label, needle)| {
                let s = text.find(needle).expect("the fixture has it");
                Annotation::new(format!("x{s}"), label, s, s + needle.len(), needle)
            })
            .collect(),
        annotators: Vec::new(),
    }])
}

#[cfg(test)]
mod tests {
    use hearsay_core::Label;
    use hearsay_core::format::{Origin, Status};

    use super::*;

    const TEXT: &str = "Mara said the pier reopens in May. The council denied any delay.";

    fn export(spans: &[(Label, &str)]) -> Export {
        export_of("pier.txt", TEXT, false, spans)
    }

    /// Two annotators who agree on the claim and mark the denial
    /// differently.
    fn team() -> Vec<(String, Export)> {
        vec![
            (
                "ann".into(),
                export(&[
                    (Label::Claim, "the pier reopens in May"),
                    (Label::Denial, "denied any delay"),
                ]),
            ),
            (
                "bob".into(),
                export(&[
                    (Label::Claim, "the pier reopens in May"),
                    (Label::Denial, "The council denied any delay."),
                ]),
            ),
        ]
    }

    fn statuses(w: &Workspace) -> Vec<(String, Status)> {
        w.doc()
            .unwrap()
            .doc
            .annotations
            .iter()
            .map(|a| (a.text.clone(), a.status))
            .collect()
    }

    #[test]
    fn a_team_is_added_as_one_adjudication_document_per_text() {
        let mut w = Workspace::default();
        assert_eq!(w.add_team(&team()), Ok(1));
        let d = w.doc().unwrap();
        assert_eq!(d.doc.name, "pier.txt (adjudication)");
        assert_eq!(d.doc.annotators, ["ann", "bob"]);
        // The reading view needs sentences: the text was split.
        assert_eq!(d.doc.sentences.len(), 2);
        assert!(
            d.doc
                .annotations
                .iter()
                .all(|a| a.origin == Origin::Adjudicated)
        );
        assert_eq!(w.items().len(), 1);
        assert_eq!(
            w.progress(),
            Progress {
                settled: 0,
                items: 1
            }
        );
        let id = d.doc.id.clone();
        assert!(w.take_pending().added.contains(&id));
    }

    #[test]
    fn comparing_the_same_team_again_replaces_its_documents() {
        let mut w = Workspace::default();
        w.add_team(&team()).unwrap();
        let first = w.doc().unwrap().doc.id.clone();
        w.add_team(&team()).unwrap();
        assert_eq!(w.docs.len(), 1);
        assert_ne!(w.doc().unwrap().doc.id, first);
        // The replaced one comes back with undo, under its own id.
        assert!(w.undo());
        assert_eq!(w.docs.len(), 2);
        assert!(w.docs.iter().any(|d| d.doc.id == first));
    }

    #[test]
    fn another_team_on_the_same_text_keeps_the_first_teams_documents() {
        let mut w = Workspace::default();
        w.add_team(&team()).unwrap();
        let mut other = team();
        other[1].0 = "cal".into();
        w.add_team(&other).unwrap();
        assert_eq!(w.docs.len(), 2);
    }

    #[test]
    fn the_view_opens_on_the_first_document_with_an_open_disagreement() {
        let other = "The ferry runs daily. The board said fares rise.";
        let with = |spans: &[(Label, &str)]| {
            let mut e = export(&[(Label::Claim, "the pier reopens in May")]);
            e.documents.push(
                export_of("ferry.txt", other, false, spans)
                    .documents
                    .remove(0),
            );
            e.documents[1].id = "d2".into();
            e
        };
        let team = vec![
            ("ann".to_string(), with(&[(Label::Claim, "fares rise")])),
            (
                "bob".to_string(),
                with(&[(Label::Claim, "The board said fares rise.")]),
            ),
        ];
        let mut w = Workspace::default();
        assert_eq!(w.add_team(&team), Ok(2));
        assert_eq!(w.doc().unwrap().doc.name, "ferry.txt (adjudication)");
        assert_eq!(w.items().len(), 1);
    }

    #[test]
    fn a_team_that_agrees_everywhere_has_nothing_to_settle() {
        let agreed = || export(&[(Label::Claim, "the pier reopens in May")]);
        let mut w = Workspace::default();
        w.add_team(&[("ann".into(), agreed()), ("bob".into(), agreed())])
            .unwrap();
        assert_eq!(w.progress(), Progress::default());
    }

    #[test]
    fn settling_is_a_decision_undone_and_redone_like_any_other() {
        let mut w = Workspace::default();
        w.add_team(&team()).unwrap();
        let before = statuses(&w);
        assert!(w.settle(Choice::Take(1)));
        let after = statuses(&w);
        assert!(after.contains(&("The council denied any delay.".into(), Status::Accepted)));
        assert!(after.contains(&("denied any delay".into(), Status::Rejected)));
        assert_eq!(
            w.progress(),
            Progress {
                settled: 1,
                items: 1
            }
        );
        assert!(w.undo());
        assert_eq!(statuses(&w), before);
        assert!(w.redo());
        assert_eq!(statuses(&w), after);
        assert!(w.take_pending().changed.len() == 1);
    }

    #[test]
    fn an_annotator_the_team_lacks_changes_nothing() {
        let mut w = Workspace::default();
        w.add_team(&team()).unwrap();
        let before = w.clone();
        assert!(!w.settle(Choice::Take(2)));
        assert_eq!(w, before);
        // Nor does settling where there is nothing to settle.
        let mut plain = Workspace::default();
        plain.add_text("a.txt", "Nothing here.").unwrap();
        assert!(!plain.settle(Choice::All));
    }

    #[test]
    fn refused_teams_change_nothing() {
        let mut w = Workspace::default();
        let t = team();
        assert!(w.add_team(&t[..1]).is_err());
        let twice = vec![t[0].clone(), ("ann".to_string(), t[1].1.clone())];
        assert!(w.add_team(&twice).is_err());
        assert_eq!(w, Workspace::default());
    }

    #[test]
    fn steps_stay_within_the_items() {
        let mut w = Workspace::default();
        let mut t = team();
        // A claim only bob marks: a second disagreement.
        t[1].1.documents[0]
            .annotations
            .push(Annotation::new("x9", Label::Claim, 0, 4, "Mara"));
        w.add_team(&t).unwrap();
        assert_eq!(w.items().len(), 2);
        w.step_item(Walk::Forward);
        w.step_item(Walk::Forward);
        assert_eq!(w.doc().unwrap().item, 1);
        w.step_item(Walk::Backward);
        w.step_item(Walk::Backward);
        assert_eq!(w.doc().unwrap().item, 0);
        // The sentence follows the disagreement: "Mara" opens the first.
        assert_eq!(w.doc().unwrap().cursor, 0);
        w.step_item(Walk::Forward);
        let d = w.doc().unwrap();
        let denial_at = TEXT.find("The council").unwrap();
        assert!(
            d.doc.sentences[d.cursor].start <= denial_at
                && denial_at < d.doc.sentences[d.cursor].end
        );
        w.step_item(Walk::Backward);
        // Settling moves on to the next open item.
        assert!(w.settle(Choice::Neither));
        assert_eq!(w.doc().unwrap().item, 1);
        // A figure leads to the first open item of its label, else its first.
        w.go_to_label(0, Some(Label::Claim));
        assert_eq!(w.doc().unwrap().item, 0, "the only claim, settled");
        w.go_to_label(0, None);
        assert_eq!(w.doc().unwrap().item, 1, "the first open item");
        w.go_to_label(0, Some(Label::Quote));
        assert_eq!(w.doc().unwrap().item, 1, "no quote item: unchanged");
    }
}
