//! Reading the training and measuring data of `../shared/corpus`: PolNeAR
//! articles with their gold attributions, and the CheckThat! debates with
//! their check-worthiness labels. Offsets are code points, as in the core.

use std::fs;
use std::ops::Range;
use std::path::{Path, PathBuf};

use hearsay_core::learn::{GIVEN, Names, PLACE, SURNAME};
use serde::Deserialize;

/// One article and its gold.
#[derive(Clone)]
pub struct Article {
    /// File name, as the scorer matches it.
    pub name: String,
    pub text: String,
    pub gold: Gold,
    /// The gold file, for the shared scorer.
    pub gold_path: PathBuf,
}

/// The gold of one PolNeAR article (see the corpus README).
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct Gold {
    pub quotes: Vec<GoldQuote>,
    pub reported: Vec<GoldQuote>,
    pub denials: Vec<String>,
    pub not_denials: Vec<String>,
    pub optional: Vec<String>,
    pub attributions: Vec<Attribution>,
}

/// A direct quote or reported speech of the gold, with its speaker's head
/// words.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct GoldQuote {
    pub text: String,
    pub speaker: String,
    pub speakers: Vec<String>,
    pub source: String,
}

/// One attribution relation, as code point ranges.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct Attribution {
    #[serde(rename = "Source")]
    pub source: Vec<[usize; 2]>,
    #[serde(rename = "Cue")]
    pub cue: Vec<[usize; 2]>,
    #[serde(rename = "Content")]
    pub content: Vec<[usize; 2]>,
}

impl Attribution {
    /// The whole content, first to last range.
    pub fn content_span(&self) -> Option<Range<usize>> {
        Some(self.content.first()?[0]..self.content.last()?[1])
    }
}

/// The `.gold.json` files of `dir`, in name order, with their texts.
pub fn polnear(dir: &Path) -> Result<Vec<Article>, String> {
    gold_files(dir, ".gold.json", dir)
}

/// The three real articles of the corpus: gold in `gold/`, texts beside it.
pub fn real(corpus: &Path) -> Result<Vec<Article>, String> {
    gold_files(&corpus.join("gold"), ".json", corpus)
}

/// The gold files of `dir` whose names end in `suffix`, in name order,
/// with their texts from `texts`.
fn gold_files(dir: &Path, suffix: &str, texts: &Path) -> Result<Vec<Article>, String> {
    let mut golds: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(suffix))
        .collect();
    golds.sort();
    golds
        .iter()
        .map(|path| {
            let json = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
            let value: serde_json::Value =
                serde_json::from_str(&json).map_err(|e| format!("{}: {e}", path.display()))?;
            let name = value["doc"].as_str().unwrap_or_default().to_string();
            let gold: Gold =
                serde_json::from_value(value).map_err(|e| format!("{}: {e}", path.display()))?;
            let text_path = texts.join(&name);
            let text = fs::read_to_string(&text_path)
                .map_err(|e| format!("{}: {e}", text_path.display()))?;
            Ok(Article {
                name,
                text,
                gold,
                gold_path: path.clone(),
            })
        })
        .collect()
}

/// The names and places the speaker ranker knows:
/// `crates/hearsay-train/data/names.tsv` (built from Faker's locale data by
/// `scripts/names.py`; `<class>\t<name>` lines, `#` comments).
pub fn names() -> Result<Names, String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/names.tsv");
    let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut entries = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (class, name) = line
            .split_once('\t')
            .ok_or_else(|| format!("{} line {}: no tab", path.display(), n + 1))?;
        let class = match class {
            "given" => GIVEN,
            "surname" => SURNAME,
            "place" => PLACE,
            other => {
                return Err(format!(
                    "{} line {}: unknown class {other:?}",
                    path.display(),
                    n + 1
                ));
            }
        };
        entries.push((name, class));
    }
    Ok(Names::new(entries))
}

/// One debate transcript: a sentence a line, each labelled.
pub struct Debate {
    pub name: String,
    /// The CheckThat! edition whose training set holds it (2019, 2020).
    pub year: u16,
    pub text: String,
    /// Per line, whether it is check-worthy.
    pub labels: Vec<bool>,
}

/// The debates of both CheckThat! training sets of `corpus` (2019 task 1,
/// then 2020 task 5), each set in name order.
pub fn debates(corpus: &Path) -> Result<Vec<Debate>, String> {
    let mut all = checkthat(&corpus.join("checkthat-train"), 2019)?;
    // The 2020 set came later: a corpus without it trains on 2019 alone.
    let later = corpus.join("checkthat2020-train");
    if later.is_dir() {
        all.extend(checkthat(&later, 2020)?);
    }
    Ok(all)
}

/// The debates of `dir` (`<name>.txt` with `<name>.labels`), in name order.
pub fn checkthat(dir: &Path, year: u16) -> Result<Vec<Debate>, String> {
    let mut texts: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    texts.sort();
    texts
        .iter()
        .map(|path| {
            let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
            let labels_path = path.with_extension("labels");
            let labels = fs::read_to_string(&labels_path)
                .map_err(|e| format!("{}: {e}", labels_path.display()))?
                .split_whitespace()
                .map(|l| l == "1")
                .collect();
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            Ok(Debate {
                name,
                year,
                text,
                labels,
            })
        })
        .collect()
}
