//! `hearsay-train`: rebuilds hearsay's models from `../shared/corpus`.
//!
//! Deterministic: the same corpus gives byte-identical model files (fixed
//! seeds, one thread, examples in file order). `make train` runs it; the
//! bundle lands in `crates/hearsay-core/models/hearsay.hsb`, which the core
//! embeds and the page loads.

mod calibrate;
mod claims;
mod corpus;
mod cue;
mod denial;
mod folds;
mod measure;
mod scorer;
mod simulate;
mod speaker;
mod statements;

/// The bundle's file name in the models folder.
pub const BUNDLE_FILE: &str = "hearsay.hsb";

use std::fs;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use hearsay_core::learn::Bundle;
use hearsay_core::models::{Models, Trace};
use hearsay_core::{Config, analyze_with};

/// Train hearsay's models on the shared corpus.
#[derive(Parser)]
#[command(name = "hearsay-train", version)]
struct Cli {
    /// The shared corpus (PolNeAR train and dev, CheckThat! debates).
    #[arg(long, default_value = "../shared/corpus")]
    corpus: PathBuf,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Train every model and write the files (the default).
    Models {
        /// Where the model files go.
        #[arg(long, default_value = "crates/hearsay-core/models")]
        out: PathBuf,
        /// Share of the training articles used, for learning curves.
        #[arg(long, default_value_t = 1.0)]
        fraction: f64,
    },
    /// Score the extractor on dev with the embedded models and with the
    /// rules only (or with the bundle `--models`).
    Report {
        /// A model bundle (.hsb) to score instead of the embedded one.
        #[arg(long)]
        models: Option<PathBuf>,
    },
    /// Cross-validation on train: each fifth of the articles is analysed
    /// with models trained on the other four, and all are scored together.
    Cv,
    /// Leave-one-debate-out figures of the claim model on the CheckThat!
    /// debates, beside the rules and suggesting nothing.
    Claims,
    /// The simulated annotator: the learning curve after reviewing 0, 5,
    /// 10, 20 and 40 articles of one half, scored on the other half and on
    /// the three real articles, and the time of one update.
    Simulate {
        /// A folder of articles and their `.gold.json` (PolNeAR dev if
        /// not given).
        #[arg(long)]
        articles: Option<PathBuf>,
    },
    /// Statement grouping on the three real articles against the
    /// project's hand-made statements: pair precision and recall across
    /// articles, speaker and stance per statement.
    Statements,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command.unwrap_or(Command::Models {
        out: PathBuf::from("crates/hearsay-core/models"),
        fraction: 1.0,
    }) {
        Command::Models { out, fraction } => train_all(&cli.corpus, &out, fraction),
        Command::Report { models } => measure::report(&cli.corpus, models.as_deref()),
        Command::Cv => measure::cross_validate(&cli.corpus),
        Command::Claims => claims::report(&cli.corpus),
        Command::Simulate { articles } => simulate::report(&cli.corpus, articles.as_deref()),
        Command::Statements => statements::report(&cli.corpus),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("hearsay-train: {message}");
            ExitCode::from(2)
        }
    }
}

/// Trains every model on the first `fraction` of the training articles.
pub fn train(corpus: &std::path::Path, fraction: f64) -> Result<Models, String> {
    let articles = corpus::polnear(&corpus.join("polnear-train"))?;
    let n = ((articles.len() as f64) * fraction).round() as usize;
    let articles = &articles[..n.clamp(1, articles.len())];
    let mut models = train_on(articles);
    let held = calibrate::out_of_fold(articles, train_on);
    let right = held.quotes.iter().filter(|q| q.1).count();
    eprintln!(
        "quote confidence: {} out-of-fold suggestions, {right} right; {} speakers",
        held.quotes.len(),
        held.speakers.len()
    );
    models.quote = Some(calibrate::quote_model(&held.quotes));
    if let Some(speaker) = models.speaker.as_mut() {
        speaker.calibration = calibrate::speaker_calibration(&held.speakers);
    }
    models.claim = Some(claims::train(corpus, &models)?);
    Ok(models)
}

/// Trains every model on `articles`: the cue classifier first, then the
/// speaker ranker on the quotes the extractor finds with it, knowing the
/// names and places of `data/names.tsv`.
pub fn train_on(articles: &[corpus::Article]) -> Models {
    train_models(articles, with_names(Models::rules_only()))
}

/// `models` with the names and places the ranker knows.
pub fn with_names(models: Models) -> Models {
    static NAMES: std::sync::OnceLock<Option<hearsay_core::learn::Names>> =
        std::sync::OnceLock::new();
    let names = NAMES.get_or_init(|| match corpus::names() {
        Ok(names) => Some(names),
        Err(why) => {
            eprintln!("hearsay-train: no names: {why}");
            None
        }
    });
    Models {
        names: names.clone(),
        ..models
    }
}

/// Trains every model on `articles`, starting from `models` (which says
/// whether the models see the rules' choices).
pub fn train_models(articles: &[corpus::Article], start: Models) -> Models {
    let mut models = start;
    let traces = |models: &Models| -> Vec<Trace> {
        articles
            .iter()
            .map(|a| {
                let mut trace = Trace::default();
                analyze_with(&a.text, &Config::default(), models, &mut trace);
                trace
            })
            .collect()
    };
    let examples: Vec<_> = articles
        .iter()
        .zip(traces(&models))
        .flat_map(|(a, t)| cue::examples(a, &t))
        .collect();
    let positives = examples.iter().filter(|e| e.1).count();
    models.cue = Some(calibrate::train_calibrated(&examples, &cue::options()));
    eprintln!(
        "cue: {} words, {positives} in an annotated cue",
        examples.len()
    );
    let traced = traces(&models);
    let examples: Vec<_> = articles
        .iter()
        .zip(&traced)
        .flat_map(|(a, t)| denial::examples(a, t))
        .collect();
    let positives = examples.iter().filter(|e| e.1).count();
    models.denial = Some(calibrate::train_calibrated(&examples, &denial::options()));
    eprintln!(
        "denial: {} patterns, {positives} of them denials",
        examples.len()
    );
    let groups: Vec<_> = articles
        .iter()
        .zip(&traced)
        .flat_map(|(a, t)| speaker::groups(a, t))
        .collect();
    let model = speaker::train(&groups, &speaker::options());
    let (right, usable) = speaker::accuracy(&model, &groups);
    eprintln!(
        "speaker: {} quotes, {usable} with the gold head among the candidates; top candidate right on train {right}/{usable}",
        groups.len()
    );
    models.speaker = Some(model);
    models
}

fn train_all(corpus: &std::path::Path, out: &std::path::Path, fraction: f64) -> Result<(), String> {
    let models = train(corpus, fraction)?;
    fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    for (name, model) in [
        ("speaker", &models.speaker),
        ("cue", &models.cue),
        ("claim", &models.claim),
        ("denial", &models.denial),
        ("quote", &models.quote),
    ] {
        let Some(model) = model else { continue };
        eprintln!(
            "{name}: {} weights, {} not zero",
            model.weights.len(),
            model.nonzero()
        );
    }
    let bundle = Bundle::from_models(&models);
    let bytes = bundle.write();
    let path = out.join(BUNDLE_FILE);
    fs::write(&path, &bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    eprintln!(
        "wrote {} ({} bytes, id {})",
        path.display(),
        bytes.len(),
        bundle.id()
    );
    Ok(())
}
