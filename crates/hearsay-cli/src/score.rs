//! `hearsay score`: agreement of two or more exports of the same documents.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use hearsay_core::agreement::{Panel, agreement, panel};
use serde_json::{Map, Value};

use crate::Failure;
use crate::files::{load_export, write_whole};

/// Score exports of the same documents against each other.
///
/// With two files: per-label precision, recall and F1 of the second
/// against the first, speaker agreement and Cohen's kappa over sentence
/// labels. With two or more: Fleiss' kappa and Krippendorff's alpha over
/// sentence labels, and span F1 and speaker agreement averaged over
/// annotator pairs (each file is one annotator, named by its `annotator`
/// field, else by its file name;
/// documents are matched by the SHA-256 of their text).
#[derive(clap::Args)]
pub struct Args {
    /// The exports: the first is the reference when there are two (- for
    /// standard input, once)
    #[arg(value_name = "EXPORT.json", num_args = 2.., required = true)]
    files: Vec<PathBuf>,
    /// Print the result as JSON
    #[arg(long)]
    json: bool,
}

/// The annotators' names of the export files: their file names, or the
/// paths as given when two file names are the same; a file given twice is
/// numbered ("gold.json (2)"), so an export can be scored against itself.
fn names(paths: &[PathBuf]) -> Vec<String> {
    let file_name = |path: &Path| {
        path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    };
    let unique = |names: &[String]| {
        names
            .iter()
            .enumerate()
            .all(|(i, n)| !names[..i].contains(n))
    };
    let short: Vec<String> = paths.iter().map(|p| file_name(p)).collect();
    if unique(&short) {
        return short;
    }
    let full: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    full.iter()
        .enumerate()
        .map(
            |(i, name)| match full[..i].iter().filter(|n| *n == name).count() {
                0 => name.clone(),
                seen => format!("{name} ({})", seen + 1),
            },
        )
        .collect()
}

pub fn run(args: Args) -> Result<ExitCode, Failure> {
    let mut annotators = Vec::with_capacity(args.files.len());
    for (path, name) in args.files.iter().zip(names(&args.files)) {
        let export = load_export(path)?;
        // An export that names its annotator is called so.
        let name = export.annotator.clone().unwrap_or(name);
        annotators.push((name, export));
    }
    let team = panel(&annotators).map_err(|e| Failure::Fatal(e.to_string()))?;
    let text = if annotators.len() == 2 {
        let pair = agreement(&annotators[0].1, &annotators[1].1);
        if args.json {
            let mut value = serde_json::to_value(&pair)
                .map_err(|e| Failure::Fatal(format!("cannot render the result: {e}")))?;
            add_team_figures(&mut value, &team);
            json(&value)?
        } else {
            format!("{pair}\n{team}")
        }
    } else if args.json {
        let value = serde_json::to_value(&team)
            .map_err(|e| Failure::Fatal(format!("cannot render the result: {e}")))?;
        json(&value)?
    } else {
        team.to_string()
    };
    write_whole(None, text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

fn json(value: &Value) -> Result<String, Failure> {
    let mut text = serde_json::to_string_pretty(value)
        .map_err(|e| Failure::Fatal(format!("cannot render the result: {e}")))?;
    text.push('\n');
    Ok(text)
}

/// Adds the team's figures to the two-file result, keeping its shape: the
/// top level gains `fleiss_kappa`, `alpha`, `span_f1`, `exact_f1` and
/// `speaker`, and each object of `labels` its label's `fleiss_kappa`,
/// `alpha`, `span_f1` and `exact_f1`.
fn add_team_figures(value: &mut Value, team: &Panel) {
    let number = |x: Option<f64>| x.map_or(Value::Null, Value::from);
    if let Some(top) = value.as_object_mut() {
        top.insert("fleiss_kappa".into(), number(team.fleiss_kappa));
        top.insert("alpha".into(), number(team.alpha));
        top.insert("span_f1".into(), number(team.span_f1));
        top.insert("exact_f1".into(), number(team.exact_f1));
        top.insert("speaker".into(), number(team.speaker));
        if let Some(Value::Array(labels)) = top.get_mut("labels") {
            for (object, figures) in labels
                .iter_mut()
                .filter_map(Value::as_object_mut)
                .zip(&team.labels)
            {
                let add: Map<String, Value> = [
                    ("fleiss_kappa", number(figures.fleiss_kappa)),
                    ("alpha", number(figures.alpha)),
                    ("span_f1", number(figures.span_f1)),
                    ("exact_f1", number(figures.exact_f1)),
                ]
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect();
                object.extend(add);
            }
        }
    }
}
