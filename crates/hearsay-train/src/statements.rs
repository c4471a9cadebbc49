//! `hearsay-train statements`: statement grouping measured on the three
//! real articles of the corpus against the project's hand-made statements
//! (`data/statements-gold.json`, offsets only), at the shipped threshold
//! and around it.
//!
//! A predicted member stands for the gold member it overlaps (in the same
//! article); figures are over pairs of members in different articles:
//! precision is the share of predicted pairs whose two gold members are in
//! one gold statement (a member matching no gold member makes its pairs
//! wrong), recall the share of gold pairs some predicted statement joins.
//! A gold statement's speaker and stance are right when the predicted
//! statement holding most of its members says the same.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use hearsay_core::format::{Document, Stance, Statement};
use hearsay_core::{Config, analyze, statements};
use serde::Deserialize;

#[derive(Deserialize)]
struct Gold {
    articles: Vec<String>,
    statements: Vec<GoldStatement>,
}

#[derive(Deserialize)]
struct GoldStatement {
    speaker: String,
    stance: Stance,
    members: Vec<GoldMember>,
}

#[derive(Deserialize)]
struct GoldMember {
    article: String,
    start: usize,
    end: usize,
}

/// What one grouping scored.
pub struct Score {
    pub precision: f64,
    pub recall: f64,
    pub speakers: usize,
    pub stances: usize,
    pub statements: usize,
    pub predicted: usize,
}

impl Score {
    pub fn f1(&self) -> f64 {
        if self.precision + self.recall == 0.0 {
            0.0
        } else {
            2.0 * self.precision * self.recall / (self.precision + self.recall)
        }
    }
}

const GOLD: &str = include_str!("../data/statements-gold.json");

pub fn report(corpus: &Path) -> Result<(), String> {
    let gold: Gold = serde_json::from_str(GOLD).map_err(|e| format!("statements gold: {e}"))?;
    let paths: Vec<PathBuf> = gold.articles.iter().map(|name| corpus.join(name)).collect();
    let docs = analysed(&paths)?;
    let cands: Vec<statements::Candidate> = docs.iter().flat_map(statements::candidates).collect();
    let found = statements::group(&cands);
    let s = score(&gold, &docs, &found);
    println!(
        "statements on the three real articles: {} gold, {} predicted; pairs across articles P {:.3} R {:.3} F1 {:.3}; speaker right {}/{}, stance right {}/{} (threshold {})",
        s.statements,
        s.predicted,
        s.precision,
        s.recall,
        s.f1(),
        s.speakers,
        s.statements,
        s.stances,
        s.statements,
        statements::THRESHOLD
    );
    if std::env::var_os("HEARSAY_EXPLAIN").is_some() {
        for (a, b, o, g, s) in statements::explain(&cands) {
            let (a, b) = (&cands[a], &cands[b]);
            eprintln!(
                "{s:.2} (o {o:.2} g {g:.2}) {} | {}",
                member(&docs, &a.document, &a.annotation),
                member(&docs, &b.document, &b.annotation)
            );
        }
    }
    println!("threshold  overlap  P      R      F1     speaker  stance");
    for overlap in [0.5f32, 0.75, 1.0] {
        for threshold in [0.15f32, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6] {
            let params = statements::Params { threshold, overlap };
            let s = score(&gold, &docs, &statements::group_with(&cands, params));
            println!(
                "{threshold:<10} {overlap:<8} {:.3}  {:.3}  {:.3}  {}/{}     {}/{}",
                s.precision,
                s.recall,
                s.f1(),
                s.speakers,
                s.statements,
                s.stances,
                s.statements
            );
        }
    }
    dev(corpus)?;
    print_statements(&docs, &found);
    Ok(())
}

/// The documents of `paths`, analysed with the shipped models, numbered
/// `d1`, `d2`, … in order.
fn analysed(paths: &[PathBuf]) -> Result<Vec<Document>, String> {
    let mut docs = Vec::new();
    for (i, path) in paths.iter().enumerate() {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let analysis = analyze(&text, &Config::default());
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        docs.push(Document::from_analysis(
            &format!("d{}", i + 1),
            &name,
            &text,
            &analysis,
        ));
    }
    Ok(docs)
}

/// A member as `document:annotation text…`, for reading by hand.
fn member(docs: &[Document], document: &str, annotation: &str) -> String {
    let text = docs
        .iter()
        .find(|d| d.id == document)
        .and_then(|d| d.annotations.iter().find(|a| a.id == annotation))
        .map_or("", |a| a.text.as_str());
    format!("{document}:{annotation} {:.90}", text.replace('\n', " "))
}

/// Each statement and its members on standard error.
fn print_statements(docs: &[Document], found: &[Statement]) {
    for st in found {
        eprintln!("{} {} [{}]", st.id, st.speaker, st.stance.as_str());
        for m in &st.members {
            eprintln!("    {}", member(docs, &m.document, &m.annotation));
        }
    }
}

fn score(gold: &Gold, docs: &[Document], found: &[Statement]) -> Score {
    // Gold members as (article index, start, end), with their statement.
    let mut gold_members: Vec<(usize, usize, usize, usize)> = Vec::new();
    for (g, st) in gold.statements.iter().enumerate() {
        for m in &st.members {
            let a = gold
                .articles
                .iter()
                .position(|x| *x == m.article)
                .unwrap_or(0);
            gold_members.push((a, m.start, m.end, g));
        }
    }
    // A predicted member's gold member: the one it overlaps most.
    let member_of = |doc: usize, start: usize, end: usize| -> Option<usize> {
        gold_members
            .iter()
            .enumerate()
            .filter(|(_, (a, s, e, _))| *a == doc && start < *e && *s < end)
            .max_by_key(|(_, (_, s, e, _))| end.min(*e) - start.max(*s))
            .map(|(i, _)| i)
    };
    let mut predicted_pairs: HashSet<(String, String)> = HashSet::new();
    let mut right_pairs = 0usize;
    let mut joined: HashSet<(usize, usize)> = HashSet::new();
    // For each gold statement: how many of its members each prediction holds.
    let mut holds: HashMap<usize, HashMap<usize, usize>> = HashMap::new();
    for (p, st) in found.iter().enumerate() {
        let mapped: Vec<(usize, String)> = st
            .members
            .iter()
            .map(|m| {
                let doc = docs.iter().position(|d| d.id == m.document).unwrap_or(0);
                let a = docs[doc].annotations.iter().find(|a| a.id == m.annotation);
                let g = a.and_then(|a| member_of(doc, a.start, a.end));
                let id = match g {
                    Some(g) => format!("g{g}"),
                    None => format!("x{}:{}", m.document, m.annotation),
                };
                (doc, id)
            })
            .collect();
        let mut seen = HashSet::new();
        for (_, id) in &mapped {
            if let Some(g) = id.strip_prefix('g').and_then(|g| g.parse::<usize>().ok())
                && seen.insert(g)
            {
                *holds
                    .entry(gold_members[g].3)
                    .or_default()
                    .entry(p)
                    .or_default() += 1;
            }
        }
        for (i, (da, a)) in mapped.iter().enumerate() {
            for (db, b) in &mapped[i + 1..] {
                if da == db || a == b {
                    continue;
                }
                let key = if a < b {
                    (a.clone(), b.clone())
                } else {
                    (b.clone(), a.clone())
                };
                if !predicted_pairs.insert(key) {
                    continue;
                }
                let parse = |x: &str| x.strip_prefix('g').and_then(|g| g.parse::<usize>().ok());
                if let (Some(ga), Some(gb)) = (parse(a), parse(b))
                    && gold_members[ga].3 == gold_members[gb].3
                {
                    right_pairs += 1;
                    joined.insert((ga.min(gb), ga.max(gb)));
                }
            }
        }
    }
    let mut gold_pairs = 0usize;
    for (i, a) in gold_members.iter().enumerate() {
        for b in &gold_members[i + 1..] {
            if a.3 == b.3 && a.0 != b.0 {
                gold_pairs += 1;
            }
        }
    }
    let (mut speakers, mut stances) = (0, 0);
    for (g, st) in gold.statements.iter().enumerate() {
        let best = holds.get(&g).and_then(|h| {
            h.iter()
                .max_by_key(|(p, n)| (**n, usize::MAX - **p))
                .map(|(p, _)| *p)
        });
        if let Some(p) = best {
            if found[p].speaker == st.speaker {
                speakers += 1;
            }
            if found[p].stance == st.stance {
                stances += 1;
            }
        }
    }
    Score {
        precision: if predicted_pairs.is_empty() {
            0.0
        } else {
            right_pairs as f64 / predicted_pairs.len() as f64
        },
        recall: if gold_pairs == 0 {
            0.0
        } else {
            joined.len() as f64 / gold_pairs as f64
        },
        speakers,
        stances,
        statements: gold.statements.len(),
        predicted: found.len(),
    }
}

/// Statements PolNeAR dev gives at each threshold (no gold: its articles
/// are mostly on different stories, so most statements across them are
/// wrong), and those at `HEARSAY_SHOW_DEV`'s threshold, to judge by hand.
fn dev(corpus: &Path) -> Result<(), String> {
    let dir = corpus.join("polnear-dev");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    let docs = analysed(&names)?;
    let cands: Vec<statements::Candidate> = docs.iter().flat_map(statements::candidates).collect();
    println!(
        "PolNeAR dev ({} articles): statements and members at each threshold",
        docs.len()
    );
    for threshold in [0.15f32, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7] {
        let params = statements::Params {
            threshold,
            ..Default::default()
        };
        let found = statements::group_with(&cands, params);
        let members: usize = found.iter().map(|s| s.members.len()).sum();
        println!(
            "  {threshold:<5} {} statements, {members} members",
            found.len()
        );
    }
    if let Some(t) = std::env::var("HEARSAY_SHOW_DEV")
        .ok()
        .and_then(|t| t.parse::<f32>().ok())
    {
        let params = statements::Params {
            threshold: t,
            ..Default::default()
        };
        print_statements(&docs, &statements::group_with(&cands, params));
    }
    Ok(())
}
