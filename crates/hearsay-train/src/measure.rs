//! Scoring the extractor on the dev split with the shared scorer
//! (`../shared/eval/score.py`): for any set of models, the export of dev is
//! written to a temporary file and scored, so the figures are the same as
//! `make eval`'s.

use std::path::{Path, PathBuf};
use std::process::Command;

use hearsay_core::format::{Document, Export};
use hearsay_core::models::{Models, Unobserved};
use hearsay_core::{Config, analyze_with};

use crate::corpus;
use crate::folds;

/// The scorer's summary of dev analysed with `models`.
pub fn score_dev(corpus: &Path, models: &Models) -> Result<serde_json::Value, String> {
    let dev = corpus.join("polnear-dev");
    let articles = corpus::polnear(&dev)?;
    let documents = articles.iter().map(|a| document(a, models)).collect();
    score(corpus, &dev, documents)
}

/// The extractor's document of one article.
pub fn document(a: &corpus::Article, models: &Models) -> Document {
    let (analysis, _) = analyze_with(&a.text, &Config::default(), models, &mut Unobserved);
    Document::from_analysis("d", &a.name, &a.text, &analysis)
}

/// Cross-validation on train (five folds by article), scored as a whole.
pub fn cross_validate(corpus: &Path) -> Result<(), String> {
    let dir = corpus.join("polnear-train");
    let articles = corpus::polnear(&dir)?;
    let mut documents = Vec::new();
    for k in 0..folds::FOLDS {
        let (rest, held) = folds::split(&articles, k);
        let models = crate::train_on(&rest);
        documents.extend(held.into_iter().map(|a| document(a, &models)));
    }
    println!("train, 5-fold: {}", score(corpus, &dir, documents)?);
    Ok(())
}

/// Scores `documents` against the gold of `dir` with the shared scorer.
fn score(corpus: &Path, dir: &Path, documents: Vec<Document>) -> Result<serde_json::Value, String> {
    let mut golds: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    golds.sort();
    score_against(corpus, &golds, documents)
}

/// The extractor's documents of `articles` with `models`, scored against
/// their gold with the shared scorer.
pub fn score_articles(
    corpus: &Path,
    articles: &[&corpus::Article],
    models: &Models,
) -> Result<serde_json::Value, String> {
    let documents = articles.iter().map(|a| document(a, models)).collect();
    let golds: Vec<PathBuf> = articles.iter().map(|a| a.gold_path.clone()).collect();
    score_against(corpus, &golds, documents)
}

/// Scores `documents` against the gold files `golds` with the shared
/// scorer.
pub fn score_against(
    corpus: &Path,
    golds: &[PathBuf],
    mut documents: Vec<Document>,
) -> Result<serde_json::Value, String> {
    for (i, d) in documents.iter_mut().enumerate() {
        d.id = format!("d{}", i + 1);
    }
    let path = std::env::temp_dir().join(format!("hearsay-train-{}.json", std::process::id()));
    let json = Export::new(documents).to_json();
    std::fs::write(&path, &json).map_err(|e| e.to_string())?;
    // HEARSAY_KEEP=DIR keeps each scored export there, to read the misses.
    if let Some(keep) = std::env::var_os("HEARSAY_KEEP") {
        let n = std::fs::read_dir(&keep).map_or(0, |d| d.count());
        let file = Path::new(&keep).join(format!("{n}.json"));
        std::fs::write(file, &json).map_err(|e| e.to_string())?;
    }
    let scorer = corpus.join("../eval/score.py");
    let output = Command::new("python3")
        .arg(&scorer)
        .arg(&path)
        .args(golds)
        .arg("--json")
        .output()
        .map_err(|e| format!("cannot run {}: {e}", scorer.display()))?;
    let _ = std::fs::remove_file(&path);
    serde_json::from_slice(&output.stdout).map_err(|e| format!("score.py printed no JSON: {e}"))
}

/// The models of the bundle file `path`.
pub fn load(path: &Path) -> Result<Models, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    hearsay_core::learn::Bundle::read(&bytes)
        .map(|b| b.models().clone())
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// Prints dev figures for the embedded models (or those of the bundle
/// `bundle`), then
/// the ablation (rules only, models only, both) and the learning curve
/// (both, trained on 10, 25, 50 and 100 % of train) as Markdown tables.
pub fn report(corpus: &Path, bundle: Option<&Path>) -> Result<(), String> {
    let models = match bundle {
        Some(path) => load(path)?,
        None => Models::embedded().clone(),
    };
    println!("models: {}", score_dev(corpus, &models)?);
    let articles = corpus::polnear(&corpus.join("polnear-train"))?;
    let columns = [
        "quote_f1",
        "speaker_accuracy",
        "reported_speech_recall",
        "reported_speaker_accuracy",
        "denial_f1",
    ];
    let row = |name: &str, models: &Models| -> Result<String, String> {
        let s = score_dev(corpus, models)?;
        let cells: Vec<String> = columns.iter().map(|c| s[c].to_string()).collect();
        Ok(format!("| {name} | {} |", cells.join(" | ")))
    };
    println!("\n| dev (84 articles) | {} |", columns.join(" | "));
    println!("|---|{}", "---|".repeat(columns.len()));
    println!("{}", row("rules only", &Models::rules_only())?);
    let unseen = Models {
        without_rules: true,
        ..Models::rules_only()
    };
    println!(
        "{}",
        row("models only", &crate::train_models(&articles, unseen))?
    );
    println!("{}", row("rules and models", &crate::train_on(&articles))?);
    // What knowing who can speak brings: the names table, then also the
    // shapes of what is not a person (a firm's suffix, an event's head, a
    // connective, a name inside the quote).
    let no_names = crate::train_models(&articles, Models::rules_only());
    println!("{}", row("without the names table", &no_names)?);
    let no_knowledge = Models {
        without_knowledge: true,
        ..Models::rules_only()
    };
    println!(
        "{}",
        row(
            "without names nor non-person features",
            &crate::train_models(&articles, no_knowledge)
        )?
    );
    println!("\n| trained on | articles | {} |", columns.join(" | "));
    println!("|---|---|{}", "---|".repeat(columns.len()));
    for share in [0.1, 0.25, 0.5, 1.0] {
        let n = ((articles.len() as f64) * share).round() as usize;
        let models = crate::train_on(&articles[..n]);
        let line = row(&format!("{:.0} %", share * 100.0), &models)?;
        println!("{}", line.replacen(" | ", &format!(" | {n} | "), 1));
    }
    Ok(())
}
