//! Statements across documents: one speaker's one statement, as several
//! outlets report it in their own words.
//!
//! [`candidates`] reads what grouping needs from one document: each quote,
//! claim and denial that has a speaker and is not rejected, with the
//! speaker's key (the folded last name: "Emmanuel Macron", "Macron" and
//! "French President Emmanuel Macron" are one person, and "the French
//! president" is resolved to the name the article writes after those
//! words; a phrase naming no person keys on an organisation in capitals,
//! "NATO" or "a NATO official"), its terms and its stance. [`group`] then
//!
//! 1. splits the candidates by speaker key into blocks, each grouped on
//!    its own ([`block_groups`]; term weights are the block's);
//! 2. joins the overlapping candidates of one speaker in one document (a
//!    denial and the quote that carries it, a direct quote inside reported
//!    speech) into one *unit*;
//! 3. compares only units of different documents that share a term of the
//!    block that is not too common ([`MAX_POSTING`]), each unit with at
//!    most [`MAX_CANDIDATES`] later ones (those sharing the most terms),
//!    so the cost grows with the text, not with its square; two units score as their best
//!    pair of members' wordings (term overlap and character 4-grams,
//!    [`BALANCE`]);
//! 4. joins units greedily, best pair first, while the average score of
//!    the two groups stays at or above [`THRESHOLD`];
//! 5. keeps the groups whose members lie in two or more documents.
//!
//! A statement is named by the name most of its members give (of two
//! words or more; the longer on a tie) and takes the stance most of its
//! members have (a denial on a tie).
//!
//! ```
//! use hearsay_core::format::{Document, Export};
//! use hearsay_core::{analyze, statements};
//!
//! let a = "“Nothing can be ruled out,” Finance Minister Ana Ruiz said on Monday.";
//! let b = "Ruiz said that nothing should be excluded.";
//! let docs: Vec<Document> = [a, b]
//!     .iter()
//!     .enumerate()
//!     .map(|(i, t)| Document::from_analysis(&format!("d{}", i + 1), "x.txt", t, &analyze(t, &Default::default())))
//!     .collect();
//! let found = statements::group_documents(&docs);
//! assert_eq!(found.len(), 1);
//! assert_eq!(found[0].speaker, "Ana Ruiz");
//! ```

mod speaker;
#[cfg(test)]
mod tests;
mod wording;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::format::{Document, Status, spans_overlap};
pub use crate::format::{Member, Stance, Statement};
use crate::order;
use crate::{Label, QuoteKind};

/// Units of different documents are joined while the average similarity
/// of their groups is at least this. Chosen on dev (BENCHMARKS.md): the
/// three real articles' hand-made statements score pair F1 0.500 at 0.2
/// and 0.526 at 0.25 (0.545 at 0.15), and PolNeAR dev, on many stories, gives 70
/// statements at 0.15, 49 at 0.2 and 31 at 0.25, most of them wrong.
pub const THRESHOLD: f32 = 0.25;

/// The weight of the term overlap in a pair's similarity; the character
/// grams have the rest.
pub const OVERLAP_WEIGHT: f32 = 0.5;

/// The settings of [`group_with`]: [`group`] uses [`THRESHOLD`] and
/// [`OVERLAP_WEIGHT`]; the measuring tool tries others.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    /// Groups are joined while their average similarity is at least this.
    pub threshold: f32,
    /// The weight of the term overlap (the grams have `1 - overlap`).
    pub overlap: f32,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            threshold: THRESHOLD,
            overlap: OVERLAP_WEIGHT,
        }
    }
}

/// A term shared by more units of one speaker than this does not make them
/// candidates to compare (it is the speaker's topic, not a statement).
pub const MAX_POSTING: usize = 32;

/// The average similarity of two groups is taken over the pairs of their
/// first this many units (a statement carried by hundreds of outlets is
/// not compared pair by pair at each join).
pub const LINKAGE_SAMPLE: usize = 16;

/// At most this many candidate pairs per unit: the later units that share
/// the most of its terms (that are not too common), the first on a tie.
/// Chosen on the generated corpus of the `statements` bench, whose quotes
/// are planted: 8 keeps pair recall at 0.99–1.00 and raises precision at
/// 100,000 articles from 0.615 to 0.747 (4: 0.817, but recall 0.965 at
/// 1,000); the three real articles and PolNeAR dev give the same figures
/// (no unit there has more).
pub const MAX_CANDIDATES: usize = 8;

/// What grouping keeps of one annotation: [`candidates`] makes them. It
/// serialises, so that a distributed job can move candidates to the block
/// of their speaker key (Python's `hearsay.spark.statements`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    /// The document's id.
    pub document: String,
    /// The annotation's id.
    pub annotation: String,
    /// The speaker's key: the folded last name, or an organisation's name.
    pub key: String,
    /// The speaker's name as fully as this annotation gives it.
    pub name: String,
    /// Denial when the annotation is one or a denial overlaps it.
    pub stance: Stance,
    /// Direct or reported, for quotes.
    pub kind: Option<QuoteKind>,
    /// The wording's terms ([`terms`]).
    pub terms: Vec<String>,
    /// First code point of the annotation.
    pub start: usize,
    /// One past its last code point.
    pub end: usize,
}

/// The wording's terms: equivalent negations, modals and verbs merged,
/// function words dropped, the rest stemmed (Snowball English).
pub fn terms(text: &str) -> Vec<String> {
    wording::terms(text)
}

/// The candidates of one document, in its annotations' order: its quotes,
/// claims and denials that are not rejected and whose speaker names
/// someone (directly, or by a role the document writes before a name).
pub fn candidates(doc: &Document) -> Vec<Candidate> {
    let denials: Vec<(usize, usize)> = doc
        .annotations
        .iter()
        .filter(|a| a.label == Label::Denial && a.status != Status::Rejected)
        .map(|a| (a.start, a.end))
        .collect();
    // The roles resolved so far in this document (a handful).
    let mut resolved: Vec<(String, Option<speaker::Speaker>)> = Vec::new();
    let mut out = Vec::new();
    for a in &doc.annotations {
        if a.status == Status::Rejected {
            continue;
        }
        let Some(phrase) = a.speaker.as_deref() else {
            continue;
        };
        let who = match speaker::named(phrase) {
            Some(s) => Some(s),
            None => speaker::descriptor(phrase).and_then(|d| {
                if let Some((_, known)) = resolved.iter().find(|(r, _)| *r == d) {
                    return known.clone();
                }
                let found = speaker::resolve(&d, &doc.text);
                resolved.push((d, found.clone()));
                found
            }),
        };
        let Some(who) = who else {
            continue;
        };
        let denied = a.label == Label::Denial
            || denials
                .iter()
                .any(|&(s, e)| spans_overlap(s, e, a.start, a.end));
        out.push(Candidate {
            document: doc.id.clone(),
            annotation: a.id.clone(),
            key: who.key,
            name: who.name,
            stance: if denied {
                Stance::Denial
            } else {
                Stance::Claim
            },
            kind: a.kind,
            terms: wording::terms(&a.text),
            start: a.start,
            end: a.end,
        });
    }
    out
}

/// The statements of `documents` ([`group`] of their [`candidates`]).
pub fn group_documents<'a>(documents: impl IntoIterator<Item = &'a Document>) -> Vec<Statement> {
    let candidates: Vec<Candidate> = documents.into_iter().flat_map(candidates).collect();
    group(&candidates)
}

/// One utterance in one document: overlapping candidates of one speaker.
struct Unit {
    document: usize,
    members: Vec<usize>,
    /// Every member's terms, for the block's inverted index.
    terms: Vec<u32>,
    /// Each member's wording, in `members`' order.
    wordings: Vec<Wording>,
    stance: Stance,
}

/// One candidate's wording, ready to compare.
struct Wording {
    /// Its terms' ids, sorted.
    terms: Vec<u32>,
    /// Its character 4-grams.
    grams: Vec<u64>,
    /// The sum of the weights of its terms.
    weight: f32,
}

/// A wording is compared with another over at least this share of the
/// longer one's weight: a short fragment ("a lot going on") inside a long
/// quote is not the same statement.
pub const BALANCE: f32 = 0.5;

/// Groups candidates (of documents given in order, each document's
/// candidates together and in its order, as [`candidates`] gives them) into
/// statements: the groups with members in two or more documents, ids `s1`,
/// `s2`, … in the order of their first member.
pub fn group(candidates: &[Candidate]) -> Vec<Statement> {
    group_with(candidates, Params::default())
}

/// [`group`] with other settings.
pub fn group_with(candidates: &[Candidate], params: Params) -> Vec<Statement> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for block in blocks(candidates) {
        groups.extend(block_groups(candidates, &block, params));
    }
    order::sort_by_key(&mut groups, |g| g[0]);
    groups
        .iter()
        .enumerate()
        .map(|(i, g)| statement(format!("s{}", i + 1), candidates, g))
        .collect()
}

/// The candidates' indices by speaker key, each block in candidate order,
/// the blocks in key order.
fn blocks(candidates: &[Candidate]) -> Vec<Vec<usize>> {
    let by_key = order::sorted_by(candidates.len(), &|i, j| {
        candidates[i].key.cmp(&candidates[j].key)
    });
    by_key
        .chunk_by(|&i, &j| candidates[i].key == candidates[j].key)
        .map(<[usize]>::to_vec)
        .collect()
}

/// The groups of one speaker's candidates (`block`, indices into
/// `candidates` in order) that span two or more documents, each as its
/// members' indices in order. Each block is grouped on its own, its terms
/// weighted by their frequency in the block: a corpus split by speaker key
/// (Spark's `groupBy`) gives the same groups.
pub fn block_groups(candidates: &[Candidate], block: &[usize], params: Params) -> Vec<Vec<usize>> {
    let (units, weights) = weighted_units(candidates, block);
    let mut parent: Vec<usize> = (0..units.len()).collect();
    join_block(&units, &weights, &mut parent, params);
    // Each root's units, in order.
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); units.len()];
    for u in 0..units.len() {
        let root = find(&mut parent, u);
        groups[root].push(u);
    }
    let mut out: Vec<Vec<usize>> = groups
        .into_iter()
        .filter(|g| g.iter().any(|&u| units[u].document != units[g[0]].document))
        .map(|g| {
            let mut members: Vec<usize> = g
                .iter()
                .flat_map(|&u| units[u].members.iter().copied())
                .collect();
            order::sort_numbers(&mut members);
            members
        })
        .collect();
    order::sort_by_key(&mut out, |g| g[0]);
    out
}

/// The statement `id` of the candidates `members` (indices, in order):
/// the fullest name they give, and the stance most of them have (a denial
/// on a tie).
pub fn statement(id: String, candidates: &[Candidate], members: &[usize]) -> Statement {
    let denials = members
        .iter()
        .filter(|&&m| candidates[m].stance == Stance::Denial)
        .count();
    Statement {
        id,
        speaker: fullest(members.iter().map(|&m| candidates[m].name.as_str())),
        stance: if 2 * denials >= members.len() {
            Stance::Denial
        } else {
            Stance::Claim
        },
        members: members
            .iter()
            .map(|&m| Member {
                document: candidates[m].document.clone(),
                annotation: candidates[m].annotation.clone(),
            })
            .collect(),
    }
}

/// The units of one block's candidates: per document, chains of
/// overlapping spans.
fn units(candidates: &[Candidate], block: &[usize]) -> Vec<Unit> {
    let mut terms: HashMap<&str, u32> = HashMap::new();
    let mut units: Vec<Unit> = Vec::new();
    // Open units of the current document: (unit, start, end of its span).
    let mut open: Vec<(usize, usize, usize)> = Vec::new();
    let mut document = usize::MAX;
    let mut current: Option<&str> = None;
    for &i in block {
        let c = &candidates[i];
        if current != Some(c.document.as_str()) {
            current = Some(c.document.as_str());
            document = document.wrapping_add(1);
            open.clear();
        }
        let hit = open
            .iter()
            .position(|&(_, s, e)| spans_overlap(s, e, c.start, c.end));
        let u = match hit {
            Some(k) => {
                let (u, s, e) = open[k];
                open[k] = (u, s.min(c.start), e.max(c.end));
                u
            }
            None => {
                open.push((units.len(), c.start, c.end));
                units.push(Unit {
                    document,
                    members: Vec::new(),
                    terms: Vec::new(),
                    wordings: Vec::new(),
                    stance: Stance::Claim,
                });
                units.len() - 1
            }
        };
        let unit = &mut units[u];
        unit.members.push(i);
        if c.stance == Stance::Denial {
            unit.stance = Stance::Denial;
        }
        let mut own: Vec<u32> = Vec::with_capacity(c.terms.len());
        for t in &c.terms {
            let next = terms.len() as u32;
            let id = *terms.entry(t.as_str()).or_insert(next);
            if !own.contains(&id) {
                own.push(id);
            }
            if !unit.terms.contains(&id) {
                unit.terms.push(id);
            }
        }
        order::sort_numbers(&mut own);
        unit.wordings.push(Wording {
            terms: own,
            grams: wording::grams(&c.terms),
            weight: 0.0,
        });
    }
    for unit in &mut units {
        order::sort_numbers(&mut unit.terms);
    }
    units
}

/// The units of one block with their weights, and each term's weight.
fn weighted_units(candidates: &[Candidate], block: &[usize]) -> (Vec<Unit>, Vec<f32>) {
    let mut units = units(candidates, block);
    let weights = weights(&units);
    for w in units.iter_mut().flat_map(|u| u.wordings.iter_mut()) {
        w.weight = w.terms.iter().map(|&t| weights[t as usize]).sum();
    }
    (units, weights)
}

/// Each term's weight: its inverse unit frequency, `ln(1 + units / df)`.
fn weights(units: &[Unit]) -> Vec<f32> {
    let mut df: Vec<u32> = Vec::new();
    for u in units {
        for &t in &u.terms {
            let t = t as usize;
            if df.len() <= t {
                df.resize(t + 1, 0);
            }
            df[t] += 1;
        }
    }
    let n = units.len() as f32;
    df.into_iter()
        .map(|d| (1.0 + n / d.max(1) as f32).ln())
        .collect()
}

/// How alike two units are, in `[0, 1]`: the best pair of their members'
/// wordings, each scored by its weighted term overlap (over the shorter
/// wording, or [`BALANCE`] of the longer if that is more) and the Dice
/// coefficient of its character 4-grams, weighted by `params.overlap`; a
/// different stance costs 0.2. Wordings sharing fewer than two terms
/// score 0.
fn similarity(a: &Unit, b: &Unit, weights: &[f32], params: Params) -> f32 {
    let (overlap, grams) = parts(a, b, weights, params);
    let stance = if a.stance == b.stance { 0.0 } else { 0.2 };
    (params.overlap * overlap + (1.0 - params.overlap) * grams - stance).clamp(0.0, 1.0)
}

/// The term overlap and gram Dice of the best pair of two units' wordings.
fn parts(a: &Unit, b: &Unit, weights: &[f32], params: Params) -> (f32, f32) {
    let mut best = (0.0f32, 0.0f32);
    let mut best_score = -1.0f32;
    for x in &a.wordings {
        for y in &b.wordings {
            let (overlap, grams) = pair(x, y, weights);
            let score = params.overlap * overlap + (1.0 - params.overlap) * grams;
            if score > best_score {
                best_score = score;
                best = (overlap, grams);
            }
        }
    }
    best
}

/// The term overlap and gram Dice of two wordings.
fn pair(a: &Wording, b: &Wording, weights: &[f32]) -> (f32, f32) {
    let (mut shared, mut count) = (0.0f32, 0);
    wording::for_each_shared(&a.terms, &b.terms, |t| {
        shared += weights[*t as usize];
        count += 1;
    });
    if count < 2 {
        return (0.0, 0.0);
    }
    let over = a
        .weight
        .min(b.weight)
        .max(BALANCE * a.weight.max(b.weight))
        .max(f32::EPSILON);
    (shared / over, wording::dice(&a.grams, &b.grams))
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// Joins the units of one speaker's block: candidate pairs from the
/// block's inverted index of terms, best pair first, two groups joined
/// while the average similarity over their pairs in different documents
/// (of their first [`LINKAGE_SAMPLE`] units) stays at or above the
/// threshold. Each candidate pair is scored once; a pair of units that is
/// no candidate scores 0 in the average.
fn join_block(units: &[Unit], weights: &[f32], parent: &mut [usize], params: Params) {
    // The block's term ids are dense (0, 1, … as `units` met them); each
    // term's units in order.
    let mut postings: Vec<Vec<usize>> = vec![Vec::new(); weights.len()];
    for (u, unit) in units.iter().enumerate() {
        for &t in &unit.terms {
            postings[t as usize].push(u);
        }
    }
    // The candidate pairs, in order: for each unit, the later units of
    // other documents that share a term with it that is not too common.
    // One unit's list is sorted on its own, so the cost grows with the
    // block, not with the square of its pairs' count. A pair listed once
    // shares one such term; it can only score if the units share another
    // term as well (wordings that share fewer than two terms score 0),
    // which is cheaper to check than to score it.
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut later: Vec<usize> = Vec::new();
    let mut mine: Vec<(usize, usize)> = Vec::new();
    for (a, unit) in units.iter().enumerate() {
        later.clear();
        for &t in &unit.terms {
            let list = &postings[t as usize];
            if list.len() > MAX_POSTING {
                continue;
            }
            let from = list.partition_point(|&b| b <= a);
            later.extend(
                list[from..]
                    .iter()
                    .filter(|&&b| units[b].document != unit.document),
            );
        }
        order::sort_numbers(&mut later);
        mine.clear();
        for run in later.chunk_by(|x, y| x == y) {
            let b = run[0];
            if run.len() >= 2 || wording::count_shared(&unit.terms, &units[b].terms) >= 2 {
                mine.push((run.len(), b));
            }
        }
        if mine.len() > MAX_CANDIDATES {
            order::sort_by(&mut mine, |x, y| y.0.cmp(&x.0));
            mine.truncate(MAX_CANDIDATES);
            order::sort_by_key(&mut mine, |x| x.1);
        }
        pairs.extend(mine.iter().map(|&(_, b)| (a, b)));
    }
    // Each candidate pair is scored once; the linkage below looks scores
    // up, and a pair that is no candidate (it shares no term of the block
    // that is not too common) counts as 0.
    let known: Vec<f32> = pairs
        .iter()
        .map(|&(a, b)| similarity(&units[a], &units[b], weights, params))
        .collect();
    let score_of = |x: usize, y: usize| {
        pairs
            .binary_search(&(x.min(y), x.max(y)))
            .map_or(0.0, |k| known[k])
    };
    let mut scored: Vec<(f32, usize, usize)> = pairs
        .iter()
        .zip(&known)
        .filter(|&(_, &s)| s >= params.threshold)
        .map(|(&(a, b), &s)| (s, a, b))
        .collect();
    order::sort_by(&mut scored, |x, y| {
        y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2)))
    });
    // Each root's units; empty for a unit that is no root.
    let mut members: Vec<Vec<usize>> = (0..units.len()).map(|u| vec![u]).collect();
    for (_, a, b) in scored {
        let (ra, rb) = (find(parent, a), find(parent, b));
        if ra == rb {
            continue;
        }
        let (mut sum, mut n) = (0.0f32, 0usize);
        for &x in members[ra].iter().take(LINKAGE_SAMPLE) {
            for &y in members[rb].iter().take(LINKAGE_SAMPLE) {
                if units[x].document != units[y].document {
                    sum += score_of(x, y);
                    n += 1;
                }
            }
        }
        if n > 0 && sum / n as f32 >= params.threshold {
            let moved = std::mem::take(&mut members[rb]);
            parent[rb] = ra;
            members[ra].extend(moved);
        }
    }
}

/// The name the statement goes by: of the names of two or more words,
/// the one most members give, the longer on a tie, then the first; a
/// one-word name only when no member gives more. A word an extractor took
/// into one member's name ("Rival Hillary Clinton") loses to the name the
/// others agree on.
fn fullest<'a>(names: impl Iterator<Item = &'a str>) -> String {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for n in names {
        match counts.iter_mut().find(|(m, _)| *m == n) {
            Some((_, c)) => *c += 1,
            None => counts.push((n, 1)),
        }
    }
    let mut best: Option<(&str, usize, usize)> = None;
    for (n, c) in counts {
        let w = n.split_whitespace().count().min(2);
        let better = best.is_none_or(|(b, bc, bw)| {
            (w, c, n.split_whitespace().count()) > (bw, bc, b.split_whitespace().count())
        });
        if better {
            best = Some((n, c, w));
        }
    }
    best.map(|(n, _, _)| n.to_string()).unwrap_or_default()
}

/// Every pair of units of one speaker in different documents, with the
/// parts of its similarity: `(first member, second member, term overlap,
/// gram Dice, similarity)`, for measuring and choosing the threshold.
#[doc(hidden)]
pub fn explain(candidates: &[Candidate]) -> Vec<(usize, usize, f32, f32, f32)> {
    let mut out = Vec::new();
    for block in blocks(candidates) {
        let (units, weights) = weighted_units(candidates, &block);
        for (i, a) in units.iter().enumerate() {
            for b in &units[i + 1..] {
                if a.document != b.document {
                    let (overlap, grams) = parts(a, b, &weights, Params::default());
                    let s = similarity(a, b, &weights, Params::default());
                    out.push((a.members[0], b.members[0], overlap, grams, s));
                }
            }
        }
    }
    order::sort_by_key(&mut out, |p| (p.0, p.1));
    out
}
