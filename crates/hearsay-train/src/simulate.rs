//! The simulated annotator: reviews articles as a person would in the page,
//! the models learning from each decision with the page's own code
//! ([`Bundle::learn`]), then scores articles it has not seen.
//!
//! Rule: the reviewer takes the first suggestion it has not decided (the
//! article analysed again after each decision, as the page scores its
//! suggestions again), and
//! - accepts a quote the gold holds, correcting its speaker to the gold's
//!   when the suggestion names another (the gold's source phrase where it
//!   is written nearest the quote, else its head word);
//! - accepts a quote the gold lists as optional (an attribution without a
//!   speech cue), teaching no speaker;
//! - rejects a quote or denial the gold lacks, accepts a denial it holds;
//! - at the end marks each quote it missed by hand (a content lesson), and
//!   each denial it missed.
//!
//! Claims have no gold in these articles and are left alone.

use std::path::Path;
use std::time::{Duration, Instant};

use hearsay_core::learn::{Bundle, Lesson, ModelKind, ONLINE, Online, Verdict};
use hearsay_core::models::Unobserved;
use hearsay_core::{CharIndex, Config, Label, Span, Suggestion, analyze_with};

use crate::corpus::{self, Article, GoldQuote};
use crate::measure;
use crate::scorer::{norm, overlaps, speaker_ok};

/// The numbers of reviewed articles the learning curve is measured at.
pub const STEPS: [usize; 5] = [0, 5, 10, 20, 40];

/// The figures the curve shows, as the scorer names them.
const COLUMNS: [&str; 6] = [
    "speaker_accuracy",
    "quote_precision",
    "direct_quote_recall",
    "reported_speech_recall",
    "reported_speaker_accuracy",
    "denial_f1",
];

/// Whether annotation text `t` (normalised) is matched by fragment `f`.
fn matches(t: &str, f: &str) -> bool {
    let f = norm(f);
    overlaps(t, &f) || (!f.is_empty() && t.contains(&f))
}

/// The gold quotes and reported speech of an article.
fn gold_quotes(a: &Article) -> impl Iterator<Item = &GoldQuote> {
    a.gold.quotes.iter().chain(&a.gold.reported)
}

fn heads(q: &GoldQuote) -> Vec<String> {
    if q.speakers.is_empty() {
        vec![q.speaker.clone()]
    } else {
        q.speakers.clone()
    }
}

/// The code point span of the occurrence of `needle` in `text` nearest to
/// `near`, if there is one.
fn nearest(text: &str, needle: &str, near: Span) -> Option<Span> {
    if needle.trim().is_empty() {
        return None;
    }
    let index = CharIndex::new(text);
    text.match_indices(needle)
        .map(|(k, m)| {
            let start = index.char_of_byte(k);
            Span {
                start,
                end: start + m.chars().count(),
            }
        })
        .min_by_key(|s| {
            if s.end <= near.start {
                near.start - s.end
            } else {
                s.start.saturating_sub(near.end)
            }
        })
}

/// What the reviewer decides of suggestion `s` of article `a`, as lessons.
fn decide(a: &Article, text: &str, s: &Suggestion) -> Vec<Lesson> {
    let span = Span {
        start: s.start,
        end: s.end,
    };
    let t = norm(CharIndex::new(text).slice(s.start, s.end));
    match s.label {
        Label::Quote => {
            let quote = |verdict| Lesson::Quote {
                span,
                kind: s.kind,
                cue: s.cue.clone(),
                verdict,
            };
            let hit = gold_quotes(a).find(|g| matches(&t, &g.text));
            if let Some(g) = hit {
                let mut out = vec![quote(Verdict::Accepted)];
                if speaker_ok(s.speaker.as_deref(), &heads(g)) {
                    if let Some(name) = &s.speaker {
                        out.push(Lesson::Speaker {
                            quote: span,
                            name: name.clone(),
                            at: s.speaker_span,
                        });
                    }
                } else {
                    let at = nearest(text, &g.source, span);
                    let name = if at.is_some() {
                        g.source.clone()
                    } else {
                        heads(g).into_iter().next().unwrap_or_default()
                    };
                    out.push(Lesson::Speaker {
                        quote: span,
                        name,
                        at,
                    });
                }
                out
            } else if a.gold.optional.iter().any(|o| matches(&t, o)) {
                vec![quote(Verdict::Accepted)]
            } else {
                vec![quote(Verdict::Rejected)]
            }
        }
        Label::Denial => {
            let verdict = if a.gold.denials.iter().any(|d| matches(&t, d)) {
                Verdict::Accepted
            } else if a.gold.optional.iter().any(|o| matches(&t, o)) {
                return Vec::new();
            } else {
                Verdict::Rejected
            };
            vec![Lesson::Denial {
                sentence: span,
                verdict,
            }]
        }
        Label::Claim => Vec::new(),
    }
}

/// The online settings to simulate: [`ONLINE`], or, to choose them,
/// `HEARSAY_ONLINE=kind:rate:prior:steps,…` (`kind` as
/// [`ModelKind::as_str`]).
fn online() -> [Online; 5] {
    let mut online = ONLINE;
    let Ok(spec) = std::env::var("HEARSAY_ONLINE") else {
        return online;
    };
    for item in spec.split(',').filter(|s| !s.is_empty()) {
        let parts: Vec<&str> = item.split(':').collect();
        let Some(kind) = ModelKind::ALL.into_iter().find(|k| k.as_str() == parts[0]) else {
            continue;
        };
        let o = &mut online[kind.index()];
        let num = |k: usize| parts.get(k).and_then(|x| x.parse::<f32>().ok());
        o.rate = num(1).unwrap_or(o.rate);
        o.prior = num(2).unwrap_or(o.prior);
        o.steps = num(3).map_or(o.steps, |x| x as usize);
    }
    online
}

/// Whether lessons like `l` are taught: all, unless
/// `HEARSAY_LESSONS=quote,speaker,content,denial` names some (to measure
/// what each brings).
fn taught(l: &Lesson) -> bool {
    let Ok(spec) = std::env::var("HEARSAY_LESSONS") else {
        return true;
    };
    let name = match l {
        Lesson::Quote { .. } => "quote",
        Lesson::Speaker { .. } => "speaker",
        Lesson::Content { .. } => "content",
        Lesson::Claim { .. } => "claim",
        Lesson::Denial { .. } => "denial",
    };
    spec.split(',').any(|s| s == name)
}

/// Reviews article `a` with `bundle` learning from each decision; the
/// time of each [`Bundle::learn`] goes to `times`.
pub fn review(bundle: &mut Bundle, a: &Article, times: &mut Vec<Duration>) {
    let text = a.text.as_str();
    let mut decided: Vec<(Label, Span)> = Vec::new();
    let mut accepted: Vec<String> = Vec::new();
    let mut learn = |bundle: &mut Bundle, lessons: &[Lesson]| {
        let lessons: Vec<Lesson> = lessons.iter().filter(|l| taught(l)).cloned().collect();
        if lessons.is_empty() {
            return;
        }
        let t0 = Instant::now();
        bundle.learn(text, &lessons);
        times.push(t0.elapsed());
    };
    loop {
        let (analysis, _) =
            analyze_with(text, &Config::default(), bundle.models(), &mut Unobserved);
        let next = analysis.suggestions.into_iter().find(|s| {
            s.label != Label::Claim
                && !decided
                    .iter()
                    .any(|(l, d)| *l == s.label && d.start < s.end && s.start < d.end)
        });
        let Some(s) = next else { break };
        decided.push((
            s.label,
            Span {
                start: s.start,
                end: s.end,
            },
        ));
        let lessons = decide(a, text, &s);
        if s.label == Label::Quote
            && lessons.iter().any(|l| {
                matches!(
                    l,
                    Lesson::Quote {
                        verdict: Verdict::Accepted,
                        ..
                    }
                )
            })
        {
            accepted.push(norm(CharIndex::new(text).slice(s.start, s.end)));
        }
        learn(bundle, &lessons);
    }
    // The quotes and denials it missed, marked by hand.
    let mut missed = Vec::new();
    for g in gold_quotes(a) {
        if accepted.iter().any(|t| matches(t, &g.text)) {
            continue;
        }
        if let Some(span) = nearest(text, &g.text, Span { start: 0, end: 0 }) {
            missed.push(Lesson::Content { span });
        }
    }
    let denied: Vec<&Span> = decided
        .iter()
        .filter(|(l, _)| *l == Label::Denial)
        .map(|(_, s)| s)
        .collect();
    let index = CharIndex::new(text);
    for d in &a.gold.denials {
        let Some(span) = nearest(text, d, Span { start: 0, end: 0 }) else {
            continue;
        };
        let covered = denied.iter().any(|s| {
            let t = norm(index.slice(s.start, s.end));
            matches(&t, d)
        });
        if !covered {
            missed.push(Lesson::Denial {
                sentence: span,
                verdict: Verdict::Accepted,
            });
        }
    }
    learn(bundle, &missed);
}

/// One row of the curve: the scorer's figures of `held` after `reviewed`
/// articles.
fn row(label: &str, figures: &serde_json::Value) -> String {
    let cells: Vec<String> = COLUMNS.iter().map(|c| figures[c].to_string()).collect();
    format!("| {label} | {} |", cells.join(" | "))
}

/// The learning curve: on each half of the articles of `dir` (PolNeAR dev
/// unless given), after reviewing 0, 5, 10, 20 and 40 articles of the other
/// half, and on the three real articles after the same reviews; then the
/// time of one update.
pub fn report(corpus: &Path, dir: Option<&Path>) -> Result<(), String> {
    let dir = dir.map_or_else(|| corpus.join("polnear-dev"), Path::to_path_buf);
    let articles = corpus::polnear(&dir)?;
    let real = corpus::real(corpus)?;
    let real: Vec<&Article> = real.iter().collect();
    let halves: [Vec<&Article>; 2] = [
        articles.iter().step_by(2).collect(),
        articles.iter().skip(1).step_by(2).collect(),
    ];
    let mut times = Vec::new();
    println!("| reviewed | scored on | {} |", COLUMNS.join(" | "));
    println!("|---|---|{}", "---|".repeat(COLUMNS.len()));
    for (k, (learn_on, score_on)) in [(&halves[0], &halves[1]), (&halves[1], &halves[0])]
        .into_iter()
        .enumerate()
    {
        let mut bundle = Bundle::shipped().clone().with_online(online());
        let mut reviewed = 0;
        for &step in STEPS.iter().filter(|&&s| s <= learn_on.len()) {
            while reviewed < step {
                review(&mut bundle, learn_on[reviewed], &mut times);
                reviewed += 1;
            }
            let half = measure::score_articles(corpus, score_on, bundle.models())?;
            println!(
                "{}",
                row(
                    &format!("{step} | half {} ({} articles)", 2 - k, score_on.len()),
                    &half
                )
            );
            let on_real = measure::score_articles(corpus, &real, bundle.models())?;
            println!(
                "{}",
                row(&format!("{step} | the 3 real articles"), &on_real)
            );
        }
    }
    // The held-out protocol, newsroom by newsroom: each outlet's first
    // half reviewed (from the shipped models), its other half scored.
    let mut outlets: Vec<(String, Vec<&Article>)> = Vec::new();
    for a in &articles {
        let outlet = a.name.split('_').next().unwrap_or("").to_string();
        match outlets.iter_mut().find(|(o, _)| *o == outlet) {
            Some((_, list)) => list.push(a),
            None => outlets.push((outlet, vec![a])),
        }
    }
    if outlets.len() > 1 {
        let mut shipped = Vec::new();
        let mut learned = Vec::new();
        let mut golds = Vec::new();
        for (_, list) in &outlets {
            let (learn_on, score_on) = list.split_at(list.len() / 2);
            let mut bundle = Bundle::shipped().clone().with_online(online());
            for a in learn_on {
                review(&mut bundle, a, &mut times);
            }
            for a in score_on {
                shipped.push(measure::document(a, Bundle::shipped().models()));
                learned.push(measure::document(a, bundle.models()));
                golds.push(a.gold_path.clone());
            }
        }
        println!(
            "\n| each outlet's second half ({} outlets, {} articles) | {} |",
            outlets.len(),
            golds.len(),
            COLUMNS.join(" | ")
        );
        println!("|---|{}", "---|".repeat(COLUMNS.len()));
        let before = measure::score_against(corpus, &golds, shipped)?;
        println!("{}", row("shipped models", &before));
        let after = measure::score_against(corpus, &golds, learned)?;
        println!(
            "{}",
            row("after the outlet's first half was reviewed", &after)
        );
    }
    times.sort();
    if !times.is_empty() {
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        let mean = times.iter().map(|&d| ms(d)).sum::<f64>() / times.len() as f64;
        let p95 = ms(times[(times.len() * 95 / 100).min(times.len() - 1)]);
        println!(
            "\nupdates: {}, mean {mean:.2} ms, p95 {p95:.2} ms, max {:.2} ms (one decision's lessons: an analysis of the article and the steps)",
            times.len(),
            ms(*times.last().unwrap())
        );
    }
    Ok(())
}
