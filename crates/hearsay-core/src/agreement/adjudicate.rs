//! Adjudication: a team's exports of the same documents brought together
//! into one document per text, whose disagreements a person settles.
//!
//! * [`gather`] checks the exports as [`panel`](super::panel) does (two or
//!   more annotators, distinct names, documents matched by the SHA-256 of
//!   their text) and writes one document per shared text. Its `annotators`
//!   are the team in order; each distinct proposal (label, span, kind and
//!   speaker) of the annotators' labels (annotations not rejected and not
//!   left as unreviewed suggestions) is one annotation with origin
//!   `adjudicated` and the names of who proposed it. A proposal every
//!   annotator made, overlapping only proposals every annotator made too
//!   (nested quotes on one sentence, say), is accepted: the team agrees.
//!   Every other proposal is suggested: it is part of a disagreement.
//! * [`items`] groups a document's proposals into disagreements: proposals
//!   of one label whose spans overlap (directly or through another) form
//!   one [`Item`], unless every proposal of the group was made by all.
//! * [`decide`] says which statuses a [`Choice`] sets: take annotator `k`'s
//!   proposals, all of them, or none.
//! * [`proposed`] gives back each annotator's own document, so the team's
//!   agreement ([`panel`](super::panel)) can be measured from adjudication
//!   documents alone, before or after they are settled.
//!
//! ```
//! use hearsay_core::Label;
//! use hearsay_core::agreement::{Choice, decide, gather, items};
//! use hearsay_core::format::{Annotation, Document, Export, Status};
//!
//! let text = "Ann said yes. Bob said no.";
//! let doc = |spans: &[(usize, usize)]| Document {
//!     id: "d".into(),
//!     name: "d.txt".into(),
//!     text: text.into(),
//!     sentences: vec![],
//!     annotations: spans
//!         .iter()
//!         .map(|&(s, e)| Annotation::new(format!("a{s}"), Label::Claim, s, e, &text[s..e]))
//!         .collect(),
//!     annotators: vec![],
//!     models: None,
//! };
//! let team = vec![
//!     ("ann".to_string(), Export::new(vec![doc(&[(0, 13)])])),
//!     ("bob".to_string(), Export::new(vec![doc(&[(0, 13), (14, 26)])])),
//! ];
//! let gold = gather(&team).unwrap();
//! let (first, second) = (&gold[0].annotations[0], &gold[0].annotations[1]);
//! assert_eq!((first.status, &first.annotators[..]), (Status::Accepted, &["ann".to_string(), "bob".to_string()][..]));
//! assert_eq!((second.status, &second.annotators[..]), (Status::Suggested, &["bob".to_string()][..]));
//! let disagreements = items(&gold[0]);
//! assert_eq!(disagreements.len(), 1);
//! // Key 1 takes ann's proposals: she made none here, so Bob's is rejected.
//! assert_eq!(decide(&gold[0], &disagreements[0], Choice::Take(0)), Some(vec![(1, Status::Rejected)]));
//! ```

use super::many::{PanelError, checked};
use crate::Label;
use crate::format::{Annotation, Document, Export, Origin, Status};
use crate::order::sorted_by;

/// One document per text shared by every export, with the team's proposals
/// (see the module documentation). Refuses what [`panel`](super::panel)
/// refuses, and a set of exports that shares no document.
pub fn gather(annotators: &[(String, Export)]) -> Result<Vec<Document>, PanelError> {
    let (shared, _) = checked(annotators)?;
    let names: Vec<String> = annotators.iter().map(|(n, _)| n.clone()).collect();
    Ok(shared
        .iter()
        .map(|docs| {
            let first = docs[0];
            let sentences = docs
                .iter()
                .map(|d| &d.sentences)
                .find(|s| !s.is_empty())
                .cloned()
                .unwrap_or_default();
            Document {
                models: None,
                id: first.id.clone(),
                name: first.name.clone(),
                text: first.text.clone(),
                sentences,
                annotations: proposals(&names, docs),
                annotators: names.clone(),
            }
        })
        .collect())
}

/// The order proposals and groups are kept in: by label, start, end,
/// then kind and speaker (what tells two proposals of one span apart).
fn order(a: &Annotation, b: &Annotation) -> std::cmp::Ordering {
    (a.label, a.start, a.end, a.kind, &a.speaker)
        .cmp(&(b.label, b.start, b.end, b.kind, &b.speaker))
}

/// The distinct proposals of the annotators' documents, in text order,
/// with their status (see the module documentation).
fn proposals(names: &[String], docs: &[&Document]) -> Vec<Annotation> {
    let mut all: Vec<(&Annotation, usize)> = Vec::new();
    for (k, doc) in docs.iter().enumerate() {
        all.extend(
            doc.annotations
                .iter()
                .filter(|a| a.is_confirmed())
                .map(|a| (a, k)),
        );
    }
    let mut out: Vec<Annotation> = Vec::new();
    for i in sorted_by(all.len(), &|i, j| {
        order(all[i].0, all[j].0).then(all[i].1.cmp(&all[j].1))
    }) {
        let (a, k) = all[i];
        let name = &names[k];
        match out.last_mut() {
            Some(last) if order(last, a).is_eq() => {
                if last.annotators.last() != Some(name) {
                    last.annotators.push(name.clone());
                }
            }
            _ => out.push(Annotation {
                kind: a.kind,
                speaker: a.speaker.clone(),
                speaker_span: a.speaker_span,
                cue: a.cue.clone(),
                origin: Origin::Adjudicated,
                status: Status::Suggested,
                annotators: vec![name.clone()],
                ..Annotation::new(String::new(), a.label, a.start, a.end, a.text.clone())
            }),
        }
    }
    let all: Vec<&Annotation> = out.iter().collect();
    for group in groups(&all) {
        if group
            .iter()
            .all(|&i| out[i].annotators.len() == names.len())
        {
            for i in group {
                out[i].status = Status::Accepted;
            }
        }
    }
    let in_text_order = sorted_by(out.len(), &|i, j| {
        let (a, b) = (&out[i], &out[j]);
        (a.start, a.end).cmp(&(b.start, b.end)).then(order(a, b))
    });
    let mut slots: Vec<Option<Annotation>> = out.into_iter().map(Some).collect();
    in_text_order
        .into_iter()
        .filter_map(|i| slots[i].take())
        .enumerate()
        .map(|(i, a)| Annotation {
            id: format!("a{}", i + 1),
            ..a
        })
        .collect()
}

/// Indices of `annotations` in groups: one label, spans overlapping
/// directly or through another member. Groups come in order of their
/// label, then of their first start.
fn groups(annotations: &[&Annotation]) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut reach = 0;
    for i in sorted_by(annotations.len(), &|i, j| {
        order(annotations[i], annotations[j])
    }) {
        let a = annotations[i];
        match out.last_mut() {
            Some(group)
                if annotations[group[0]].label == a.label
                    && (a.start < reach || (a.start == a.end && a.start <= reach)) =>
            {
                group.push(i);
                reach = reach.max(a.end);
            }
            _ => {
                out.push(vec![i]);
                reach = a.end;
            }
        }
    }
    out
}

/// One disagreement: proposals of one label whose spans overlap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The label.
    pub label: Label,
    /// Where the first proposal starts.
    pub start: usize,
    /// Where the last proposal ends.
    pub end: usize,
    /// The proposals, as indices into the document's annotations, in
    /// their order there.
    pub members: Vec<usize>,
    /// Whether every proposal has been accepted or rejected.
    pub settled: bool,
}

/// The disagreements of an adjudication document, in text order: every
/// group of its `adjudicated` annotations except one whose proposals the
/// whole team made.
pub fn items(doc: &Document) -> Vec<Item> {
    let team = doc.annotators.len();
    let proposals: Vec<usize> = (0..doc.annotations.len())
        .filter(|&i| doc.annotations[i].origin == Origin::Adjudicated)
        .collect();
    let subset: Vec<&Annotation> = proposals.iter().map(|&i| &doc.annotations[i]).collect();
    let out: Vec<Item> = groups(&subset)
        .into_iter()
        .filter(|g| !g.iter().all(|&k| subset[k].annotators.len() >= team))
        .map(|g| {
            let mut members: Vec<usize> = g.iter().map(|&k| proposals[k]).collect();
            crate::order::sort(&mut members);
            let of = |i: usize| &doc.annotations[i];
            Item {
                label: of(members[0]).label,
                start: members.iter().map(|&i| of(i).start).min().unwrap_or(0),
                end: members.iter().map(|&i| of(i).end).max().unwrap_or(0),
                settled: members.iter().all(|&i| of(i).status != Status::Suggested),
                members,
            }
        })
        .collect();
    let in_text_order = sorted_by(out.len(), &|i, j| {
        let (a, b) = (&out[i], &out[j]);
        (a.start, a.end, a.label).cmp(&(b.start, b.end, b.label))
    });
    let mut slots: Vec<Option<Item>> = out.into_iter().map(Some).collect();
    in_text_order
        .into_iter()
        .filter_map(|i| slots[i].take())
        .collect()
}

/// How a disagreement is settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Choice {
    /// Keep what annotator `k` (0-based, in the document's `annotators`)
    /// proposed; reject the rest.
    Take(usize),
    /// Keep every proposal.
    All,
    /// Reject every proposal.
    Neither,
}

/// The statuses `choice` gives the item's proposals: `(annotation index,
/// new status)` for each one whose status changes. `None` for an
/// annotator the document does not have.
pub fn decide(doc: &Document, item: &Item, choice: Choice) -> Option<Vec<(usize, Status)>> {
    let taken = match choice {
        Choice::Take(k) => Some(doc.annotators.get(k)?),
        Choice::All | Choice::Neither => None,
    };
    let keep = |a: &Annotation| match choice {
        Choice::Take(_) => taken.is_some_and(|name| a.annotators.contains(name)),
        Choice::All => true,
        Choice::Neither => false,
    };
    Some(
        item.members
            .iter()
            .filter_map(|&i| {
                let a = doc.annotations.get(i)?;
                let status = if keep(a) {
                    Status::Accepted
                } else {
                    Status::Rejected
                };
                (a.status != status).then_some((i, status))
            })
            .collect(),
    )
}

/// Each annotator's own document, as gathered into `doc`: their name and
/// the document with their proposals as accepted annotator annotations.
/// Empty for a document that is not being adjudicated.
pub fn proposed(doc: &Document) -> Vec<(String, Document)> {
    doc.annotators
        .iter()
        .map(|name| {
            let annotations = doc
                .annotations
                .iter()
                .filter(|a| a.origin == Origin::Adjudicated && a.annotators.contains(name))
                .map(|a| Annotation {
                    origin: Origin::Annotator,
                    status: Status::Accepted,
                    annotators: Vec::new(),
                    ..a.clone()
                })
                .collect();
            // Field by field: `..doc.clone()` would clone every
            // annotation only to drop it.
            (
                name.clone(),
                Document {
                    models: None,
                    id: doc.id.clone(),
                    name: doc.name.clone(),
                    text: doc.text.clone(),
                    sentences: doc.sentences.clone(),
                    annotations,
                    annotators: Vec::new(),
                },
            )
        })
        .collect()
}

/// The team's exports behind adjudication documents that share one team:
/// per annotator, their documents. `None` unless every document names the
/// same team of two or more.
pub fn exports_of(docs: &[&Document]) -> Option<Vec<(String, Export)>> {
    let team = &docs.first()?.annotators;
    if team.len() < 2 || docs.iter().any(|d| &d.annotators != team) {
        return None;
    }
    let mut out: Vec<(String, Export)> = team
        .iter()
        .map(|n| (n.clone(), Export::new(Vec::new())))
        .collect();
    for doc in docs {
        for (k, (_, d)) in proposed(doc).into_iter().enumerate() {
            out[k].1.documents.push(d);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::super::panel;
    use super::*;
    use crate::format::by_sentence;

    const TEXT: &str = "Ann said “we will build it.” Bob denied it. Cal called it a plan for 2030.";

    fn span(needle: &str) -> (usize, usize) {
        let start = TEXT.find(needle).expect("the fixture holds the needle");
        let start = TEXT[..start].chars().count();
        (start, start + needle.chars().count())
    }

    fn ann(label: Label, needle: &str, speaker: Option<&str>) -> Annotation {
        let (s, e) = span(needle);
        Annotation {
            speaker: speaker.map(str::to_owned),
            ..Annotation::new(format!("x{s}"), label, s, e, needle)
        }
    }

    fn export(annotations: Vec<Annotation>) -> Export {
        Export::new(vec![Document {
            models: None,
            id: "d1".into(),
            name: "plan.txt".into(),
            text: TEXT.into(),
            sentences: crate::analyze(TEXT, &crate::Config::default()).sentences,
            annotations,
            annotators: vec![],
        }])
    }

    /// Three annotators: all agree on the quote; two mark the denial with
    /// different spans; one marks a claim the others do not.
    fn team() -> Vec<(String, Export)> {
        let quote = || ann(Label::Quote, "we will build it.", Some("Ann"));
        vec![
            (
                "ann".into(),
                export(vec![quote(), ann(Label::Denial, "Bob denied it.", None)]),
            ),
            (
                "bob".into(),
                export(vec![
                    quote(),
                    ann(Label::Denial, "denied it", None),
                    ann(Label::Claim, "a plan for 2030", None),
                ]),
            ),
            ("cal".into(), export(vec![quote()])),
        ]
    }

    /// Two annotators who both mark the same three nested quotes.
    fn nested_twice() -> Vec<(String, Export)> {
        let nested = || {
            vec![
                ann(Label::Quote, "Ann said “we will build it.”", Some("Ann")),
                ann(Label::Quote, "“we will build it.”", Some("Ann")),
                ann(Label::Quote, "we will build it.", Some("Ann")),
            ]
        };
        vec![
            ("ann".into(), export(nested())),
            ("bob".into(), export(nested())),
        ]
    }

    #[test]
    fn identical_nested_proposals_of_the_whole_team_are_accepted() {
        let gold = gather(&nested_twice()).unwrap();
        let statuses: Vec<Status> = gold[0].annotations.iter().map(|a| a.status).collect();
        assert_eq!(statuses, [Status::Accepted; 3]);
    }

    #[test]
    fn identical_nested_proposals_of_the_whole_team_are_no_disagreement() {
        let gold = gather(&nested_twice()).unwrap();
        assert_eq!(items(&gold[0]), []);
    }

    #[test]
    fn a_nested_proposal_one_annotator_left_out_keeps_the_group_open() {
        let mut team = nested_twice();
        team[1].1.documents[0].annotations.pop();
        let gold = gather(&team).unwrap();
        let open = items(&gold[0]);
        assert_eq!(open.len(), 1);
        assert_eq!(open[0].members.len(), 3);
    }

    #[test]
    fn agreed_proposals_are_accepted_and_the_rest_suggested() {
        let gold = gather(&team()).unwrap();
        assert_eq!(gold.len(), 1);
        let d = &gold[0];
        assert_eq!(d.annotators, ["ann", "bob", "cal"]);
        let got: Vec<(&str, Status, Vec<&str>)> = d
            .annotations
            .iter()
            .map(|a| {
                assert_eq!(a.origin, Origin::Adjudicated);
                (
                    a.text.as_str(),
                    a.status,
                    a.annotators.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    "we will build it.",
                    Status::Accepted,
                    vec!["ann", "bob", "cal"]
                ),
                ("Bob denied it.", Status::Suggested, vec!["ann"]),
                ("denied it", Status::Suggested, vec!["bob"]),
                ("a plan for 2030", Status::Suggested, vec!["bob"]),
            ]
        );
        let ids: Vec<&str> = d.annotations.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a1", "a2", "a3", "a4"]);
        // The gathered document is a valid export.
        let json = Export::new(gold.clone()).to_json();
        assert_eq!(Export::parse(&json).unwrap().documents, gold);
    }

    #[test]
    fn a_different_speaker_is_a_disagreement() {
        let mut t = team();
        t[2].1.documents[0].annotations[0].speaker = Some("Bob".into());
        let d = &gather(&t).unwrap()[0];
        let quote_items: Vec<Item> = items(d)
            .into_iter()
            .filter(|i| i.label == Label::Quote)
            .collect();
        assert_eq!(quote_items.len(), 1);
        let speakers: Vec<Option<&str>> = quote_items[0]
            .members
            .iter()
            .map(|&i| d.annotations[i].speaker.as_deref())
            .collect();
        assert_eq!(speakers, [Some("Ann"), Some("Bob")]);
    }

    #[test]
    fn items_group_overlapping_proposals_of_a_label() {
        let d = &gather(&team()).unwrap()[0];
        let got: Vec<(Label, Vec<&str>, bool)> = items(d)
            .iter()
            .map(|i| {
                (
                    i.label,
                    i.members
                        .iter()
                        .map(|&m| d.annotations[m].text.as_str())
                        .collect(),
                    i.settled,
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (Label::Denial, vec!["Bob denied it.", "denied it"], false),
                (Label::Claim, vec!["a plan for 2030"], false),
            ]
        );
    }

    #[test]
    fn choices_set_statuses_and_settle_the_item() {
        let mut d = gather(&team()).unwrap().remove(0);
        let denial = items(&d).remove(0);
        let text = |d: &Document, i: usize| d.annotations[i].text.clone();
        // Key 2 takes bob's span and rejects ann's.
        let take_bob = decide(&d, &denial, Choice::Take(1)).unwrap();
        let named: Vec<(String, Status)> =
            take_bob.iter().map(|&(i, s)| (text(&d, i), s)).collect();
        assert_eq!(
            named,
            [
                ("Bob denied it.".to_string(), Status::Rejected),
                ("denied it".to_string(), Status::Accepted),
            ]
        );
        assert_eq!(decide(&d, &denial, Choice::All).unwrap().len(), 2);
        assert!(
            decide(&d, &denial, Choice::Neither)
                .unwrap()
                .iter()
                .all(|&(_, s)| s == Status::Rejected)
        );
        // An annotator the team does not have changes nothing.
        assert_eq!(decide(&d, &denial, Choice::Take(3)), None);
        for (i, s) in take_bob {
            d.annotations[i].status = s;
        }
        let after = items(&d);
        assert!(after[0].settled && !after[1].settled);
        // Deciding again what is already so changes nothing.
        assert_eq!(decide(&d, &after[0], Choice::Take(1)), Some(vec![]));
    }

    #[test]
    fn proposals_give_back_each_annotators_labels() {
        let t = team();
        let gold = gather(&t).unwrap();
        for ((name, export), (got_name, got)) in t.iter().zip(proposed(&gold[0])) {
            assert_eq!(name, &got_name);
            let spans = |d: &Document| {
                let mut v: Vec<(Label, usize, usize, Option<String>)> = d
                    .annotations
                    .iter()
                    .map(|a| (a.label, a.start, a.end, a.speaker.clone()))
                    .collect();
                v.sort();
                v
            };
            assert_eq!(spans(&got), spans(&export.documents[0]));
        }
        // So the team's agreement is the same measured from the gold.
        let docs: Vec<&Document> = gold.iter().collect();
        assert_eq!(
            panel(&exports_of(&docs).unwrap()).unwrap(),
            panel(&t).unwrap()
        );
    }

    #[test]
    fn rejected_and_unreviewed_annotations_are_no_proposal() {
        let mut t = team();
        let extra = |status| Annotation {
            status,
            origin: Origin::Extractor,
            ..ann(Label::Claim, "Cal called it", None)
        };
        t[2].1.documents[0]
            .annotations
            .push(extra(Status::Rejected));
        t[2].1.documents[0]
            .annotations
            .push(extra(Status::Suggested));
        let d = &gather(&t).unwrap()[0];
        assert!(d.annotations.iter().all(|a| a.text != "Cal called it"));
    }

    #[test]
    fn bad_sets_are_refused_with_a_reason() {
        let t = team();
        let one = vec![t[0].clone()];
        assert_eq!(gather(&one), Err(PanelError::TooFew(1)));
        let same = vec![t[0].clone(), ("ann".to_string(), t[1].1.clone())];
        assert_eq!(gather(&same), Err(PanelError::SameName("ann".into())));
        let empty = vec![t[0].clone(), ("bob".to_string(), Export::new(vec![]))];
        assert_eq!(gather(&empty), Err(PanelError::Empty("bob".into())));
        let mut blank = t[1].clone();
        blank.1.documents[0].text = " \n".into();
        blank.1.documents[0].annotations.clear();
        let err = gather(&[t[0].clone(), blank]).unwrap_err();
        assert_eq!(err.to_string(), "bob's document \"plan.txt\" has no text");
        let mut other = t[1].clone();
        other.1.documents[0].text = "Another text.".into();
        other.1.documents[0].annotations.clear();
        let err = gather(&[t[0].clone(), other]).unwrap_err();
        assert!(err.to_string().contains("plan.txt"), "{err}");
        let mut apart = t[1].clone();
        apart.1.documents[0] = Document {
            id: "d9".into(),
            name: "other.txt".into(),
            text: "Another text.".into(),
            ..apart.1.documents[0].clone()
        };
        apart.1.documents[0].annotations.clear();
        assert_eq!(gather(&[t[0].clone(), apart]), Err(PanelError::NoneShared));
    }

    #[test]
    fn groups_chain_through_overlaps_and_keep_labels_apart() {
        let a = |label, s, e| Annotation::new("", label, s, e, "");
        let v = [
            a(Label::Quote, 0, 5),
            a(Label::Quote, 4, 9),
            a(Label::Quote, 8, 12),
            a(Label::Claim, 2, 3),
            a(Label::Quote, 12, 14),
        ];
        let v: Vec<&Annotation> = v.iter().collect();
        assert_eq!(groups(&v), vec![vec![0, 1, 2], vec![4], vec![3]]);
        // Sentences still index the gathered annotations.
        let d = &gather(&team()).unwrap()[0];
        let hits = by_sentence(&d.sentences, d.annotations.iter());
        assert_eq!(hits.iter().map(Vec::len).sum::<usize>(), 4);
    }
}
