//! `hearsay-train` on a small corpus written for this test: it trains
//! every model, the files decode, a second run gives the same bytes, and
//! the learned speaker ranker names the speakers of an article it never saw.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use hearsay_core::learn::Bundle;
use hearsay_core::models::{Models, Unobserved};
use hearsay_core::{Config, Label, QuoteKind, analyze_with};
use serde_json::json;

const FIRST: &[&str] = &[
    "Ana", "Tomas", "Lena", "Kofi", "Mei", "Ravi", "Ines", "Oskar",
];
const LAST: &[&str] = &[
    "Ruiz", "Brandt", "Okafor", "Lind", "Haddad", "Novak", "Sato", "Moreau",
];
const ROLES: &[&str] = &["Mayor", "Senator", "union chief", "Finance Minister"];
const SAYINGS: &[&str] = &[
    "We will not accept this budget",
    "The port must stay open all winter",
    "Nobody asked the workers what they think",
    "This plan has been ready for a year",
];

/// One article with its gold, offsets counted in code points.
struct Article {
    text: String,
    attributions: Vec<serde_json::Value>,
    quotes: Vec<serde_json::Value>,
    reported: Vec<serde_json::Value>,
}

impl Article {
    fn new() -> Article {
        Article {
            text: String::new(),
            attributions: Vec::new(),
            quotes: Vec::new(),
            reported: Vec::new(),
        }
    }

    fn at(&self) -> usize {
        self.text.chars().count()
    }

    /// Appends `piece`, returning its code point range.
    fn push(&mut self, piece: &str) -> [usize; 2] {
        let start = self.at();
        self.text.push_str(piece);
        [start, self.at()]
    }

    /// Records an attribution of `content` by `source` (`first last`) with
    /// `cue`, and returns the gold entry the scorer reads for it.
    fn attribute(
        &mut self,
        source: [usize; 2],
        cue: [usize; 2],
        content: [usize; 2],
        (first, last): (&str, &str),
    ) -> serde_json::Value {
        self.attributions
            .push(json!({"Source": [source], "Cue": [cue], "Content": [content]}));
        let text: String = self
            .text
            .chars()
            .skip(content[0])
            .take(content[1] - content[0])
            .collect();
        json!({"text": text, "speaker": last, "speakers": [last], "source": format!("{first} {last}")})
    }
}

/// Article `n`: a lead naming two people, a direct quote with the cue after
/// it, and reported speech by the other person with a cue the rules do not
/// know.
fn article(n: usize) -> Article {
    let mut a = Article::new();
    let p = |k: usize| (FIRST[k % FIRST.len()], LAST[(k * 3 + 1) % LAST.len()]);
    let (f1, l1) = p(n);
    let (f2, l2) = p(n + 5);
    let role = ROLES[n % ROLES.len()];
    a.push(&format!(
        "Harbour talks stall\n\n{role} {f1} {l1} met {f2} {l2} on Monday. "
    ));
    // “…,” said Name.
    a.push("“");
    let content = a.push(SAYINGS[n % SAYINGS.len()]);
    a.push(",” said ");
    let source = a.push(&format!("{f1} {l1}"));
    a.push(". ");
    let cue = [source[0] - 5, source[0] - 1];
    let gold = a.attribute(source, cue, content, (f1, l1));
    a.quotes.push(gold);
    // Name told reporters that ….
    a.push("\n\n");
    let source = a.push(&format!("{f2} {l2}"));
    a.push(" ");
    // A cue no rule knows: only the learned cue model finds this.
    let cue = a.push("mused");
    a.push(" that ");
    let content = a.push("the talks would resume after the holidays");
    a.push(".");
    let gold = a.attribute(source, cue, content, (f2, l2));
    a.reported.push(gold);
    a.push("\n");
    a
}

fn write_corpus(dir: &Path, split: &str, articles: std::ops::Range<usize>) {
    let folder = dir.join(split);
    fs::create_dir_all(&folder).unwrap();
    for n in articles {
        let a = article(n);
        let name = format!("a{n:03}.txt");
        fs::write(folder.join(&name), &a.text).unwrap();
        let gold = json!({
            "doc": name, "quotes": a.quotes, "reported": a.reported, "denials": [],
            "not_denials": [], "optional": [], "boilerplate": [], "attributions": a.attributions,
        });
        fs::write(folder.join(format!("a{n:03}.gold.json")), gold.to_string()).unwrap();
    }
}

/// Debates for the claim model: check-worthy lines state figures.
fn write_debates(dir: &Path) {
    let folder = dir.join("checkthat-train");
    fs::create_dir_all(&folder).unwrap();
    for d in 0..3 {
        let mut lines = Vec::new();
        let mut labels = Vec::new();
        for k in 0..30 {
            let (line, label) = if k % 5 == 0 {
                (
                    format!(
                        "Unemployment fell to {} percent in {} under this plan.",
                        3 + k % 7,
                        2000 + k
                    ),
                    1,
                )
            } else if k % 5 == 1 {
                (
                    "Thank you, and good evening to everyone here tonight.".to_string(),
                    0,
                )
            } else {
                (
                    format!("I think we should all talk about question number {k}."),
                    0,
                )
            };
            lines.push(line);
            labels.push(label.to_string());
        }
        fs::write(
            folder.join(format!("debate{d}.txt")),
            lines.join("\n") + "\n",
        )
        .unwrap();
        fs::write(
            folder.join(format!("debate{d}.labels")),
            labels.join("\n") + "\n",
        )
        .unwrap();
    }
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hearsay-train-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn train(corpus: &Path, out: &Path) {
    let status = Command::new(env!("CARGO_BIN_EXE_hearsay-train"))
        .arg("--corpus")
        .arg(corpus)
        .arg("models")
        .arg("--out")
        .arg(out)
        .status()
        .unwrap();
    assert!(status.success());
}

fn read(dir: &Path) -> Vec<u8> {
    fs::read(dir.join("hearsay.hsb")).unwrap_or_default()
}

#[test]
fn trains_deterministically_and_learns_who_speaks() {
    let corpus = scratch("corpus");
    write_corpus(&corpus, "polnear-train", 0..40);
    write_debates(&corpus);
    let (one, two) = (scratch("one"), scratch("two"));
    train(&corpus, &one);
    train(&corpus, &two);
    let bytes = read(&one);
    assert!(!bytes.is_empty(), "the bundle is written");
    assert_eq!(bytes, read(&two), "the bundle is the same twice");
    let bundle = Bundle::read(&bytes).unwrap();
    assert!(bundle.is_base(), "nothing learned from decisions");
    let models = bundle.models().clone();
    for (name, model) in [
        ("speaker", &models.speaker),
        ("cue", &models.cue),
        ("quote", &models.quote),
        ("claim", &models.claim),
        ("denial", &models.denial),
    ] {
        assert!(model.is_some(), "{name} in the bundle");
    }
    assert!(models.speaker.is_some() && models.cue.is_some());
    // Articles the models never saw.
    for n in 100..104 {
        let a = article(n);
        let reported = |models: &Models| {
            let (analysis, _) = analyze_with(&a.text, &Config::default(), models, &mut Unobserved);
            analysis
                .suggestions
                .iter()
                .filter(|s| s.kind == Some(QuoteKind::Reported))
                .count()
        };
        assert_eq!(reported(&Models::rules_only()), 0, "the rules miss “mused”");
        assert_eq!(reported(&models), 1, "the learned cue finds it");
        let (analysis, _) = analyze_with(&a.text, &Config::default(), &models, &mut Unobserved);
        let speakers: Vec<&str> = analysis
            .suggestions
            .iter()
            .filter(|s| s.label == Label::Quote)
            .filter_map(|s| s.speaker.as_deref())
            .collect();
        let want = [&a.quotes[0]["speaker"], &a.reported[0]["speaker"]];
        for w in want {
            let w = w.as_str().unwrap();
            assert!(
                speakers.iter().any(|s| s.contains(w)),
                "{w} in {speakers:?}"
            );
        }
        assert!(
            analysis
                .suggestions
                .iter()
                .all(|s| (0.0..=1.0).contains(&s.confidence))
        );
    }
    for dir in [&corpus, &one, &two] {
        let _ = fs::remove_dir_all(dir);
    }
}
