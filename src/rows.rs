//! What the reading view shows: which sentences pass the filter, which of
//! them are drawn, and how each one is cut into marked segments.
//!
//! Rows are virtualised by scroll position: only the rows on screen and a
//! margin around them are drawn, between two spacers that stand for the
//! rows not drawn, so the scroll bar spans the whole document while a key
//! press or a scroll on 8,000 sentences repaints a few dozen rows.
//! Like `state`, this module is plain Rust and tested natively.

use std::hash::{DefaultHasher, Hash, Hasher};

use hearsay_core::format::{Origin, Status};
use hearsay_core::{CharIndex, Label, QuoteKind};

use crate::state::{DocState, Review, Workspace};

/// How many sentences before and after a quote's own its speaker's name is
/// looked for, to mark it.
const MENTION_REACH: usize = 3;

/// Rows drawn beyond each edge of the screen, so that a turn of the wheel
/// finds them already drawn.
pub const OVERSCAN: usize = 20;
/// The rows a screen shows before its height is known.
pub const SCREEN_ROWS: usize = 40;
/// The frame moves in steps of this many rows: scrolling within a step
/// redraws nothing.
pub const FRAME_STEP: usize = 10;
/// The height of a row before any was measured, in CSS pixels.
pub const ROW_HEIGHT: usize = 48;

/// Which sentences the person wants to see.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only sentences with this label, accepted or suggested.
    pub label: Option<Label>,
    /// Only sentences that stand so.
    pub review: Option<Review>,
    /// Only sentences containing this text (case-insensitive).
    pub search: String,
    /// The order sentences are reviewed in.
    pub order: Order,
}

/// The order of review.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Order {
    /// As the document has them.
    #[default]
    Document,
    /// Sentences with undecided suggestions first, the least confident
    /// first; then the others, in document order.
    LeastConfident,
}

impl Order {
    /// The order named `value` in the page's menu (`confidence`), else the
    /// document's.
    pub fn parse(value: &str) -> Order {
        match value {
            "confidence" => Order::LeastConfident,
            _ => Order::Document,
        }
    }
}

impl Filter {
    /// True if and only if the filter lets every sentence through, in
    /// document order.
    pub fn is_empty(&self) -> bool {
        self.label.is_none()
            && self.review.is_none()
            && self.search.trim().is_empty()
            && self.order == Order::Document
    }
}

/// Indices of the sentences of `d` that pass `filter`, in order.
pub fn visible(d: &DocState, filter: &Filter) -> Vec<usize> {
    if filter.is_empty() {
        return (0..d.n_sentences()).collect();
    }
    let needle = filter.search.trim().to_lowercase();
    let mut shown: Vec<usize> = (0..d.n_sentences())
        .filter(|&i| {
            filter.label.is_none_or(|l| {
                d.annotations_of(i)
                    .any(|a| a.label == l && a.status != Status::Rejected)
            })
        })
        .filter(|&i| filter.review.is_none_or(|r| d.review_of(i) == r))
        .filter(|&i| needle.is_empty() || d.sentence_text(i).to_lowercase().contains(&needle))
        .collect();
    if filter.order == Order::LeastConfident {
        // Undecided suggestions first, least confident first; a stable
        // sort keeps ties and the rest in document order.
        let least = |i: usize| {
            d.annotations_of(i)
                .filter(|a| a.status == Status::Suggested)
                .map(|a| a.confidence)
                .reduce(f32::min)
                .unwrap_or(f32::INFINITY)
        };
        let keys: Vec<f32> = shown.iter().map(|&i| least(i)).collect();
        let order =
            hearsay_core::order::sorted_by(shown.len(), &|a, b| keys[a].total_cmp(&keys[b]));
        shown = order.into_iter().map(|k| shown[k]).collect();
    }
    shown
}

/// Where the cursor stands in `visible`: `Ok(position)` when it is shown,
/// else `Err(position)` of the first shown sentence after it (0 when the
/// sentences are not in document order).
fn place(visible: &[usize], cursor: usize) -> Result<usize, usize> {
    if visible.is_sorted() {
        visible.binary_search(&cursor)
    } else {
        visible.iter().position(|&i| i == cursor).ok_or(0)
    }
}

/// The first row on screen when the list is scrolled `top` CSS pixels
/// past its start and a row is `row_height` tall (estimated), rounded down
/// to a [`FRAME_STEP`]. Whatever the scroll, a row of the list.
pub fn first_on_screen(len: usize, top: f64, row_height: f64) -> usize {
    let rows = if top > 0.0 && row_height > 0.0 {
        // Saturates: a huge or infinite scroll is the last row.
        (top / row_height) as usize
    } else {
        0
    };
    (rows.min(len.saturating_sub(1)) / FRAME_STEP) * FRAME_STEP
}

/// How many rows a screen `screen_height` CSS pixels tall shows, rows
/// being `row_height` tall: one more for a row cut at each edge.
pub fn screen_rows(screen_height: f64, row_height: usize) -> usize {
    let rows = screen_height / row_height.max(1) as f64;
    if rows.is_finite() && rows > 0.0 {
        (rows as usize).saturating_add(2).min(1_000)
    } else {
        SCREEN_ROWS
    }
}

/// The positions in the visible list to draw when row `first` is at the top
/// of a screen of `screen` rows: the screen and [`OVERSCAN`] rows each side.
pub fn frame(len: usize, first: usize, screen: usize) -> std::ops::Range<usize> {
    // A list just shortened by a filter: its last rows.
    let first = first.min(len.saturating_sub(1));
    let start = first.saturating_sub(OVERSCAN);
    let end = first.saturating_add(screen + OVERSCAN).min(len).max(start);
    start..end
}

/// Where the cursor's row is in `visible`, if it is shown.
pub fn position(visible: &[usize], cursor: usize) -> Option<usize> {
    place(visible, cursor).ok()
}

/// A confidence to two places ("0.07").
pub fn hundredths(c: f32) -> String {
    fixed(f64::from(c.clamp(0.0, 1.0)), 2)
}

/// `x` to `places` decimals ("0.07", "-0.125"), written with integers:
/// formatting a float would add its code to the page's download. A value
/// that rounds to zero has no sign.
pub fn fixed(x: f64, places: u32) -> String {
    let scale = 10u64.pow(places);
    let n = (x * scale as f64).round() as i64;
    let sign = if n < 0 { "-" } else { "" };
    let n = n.unsigned_abs();
    format!(
        "{sign}{}.{:0width$}",
        n / scale,
        n % scale,
        width = places as usize
    )
}

/// Which way the cursor moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Walk {
    /// To the next sentence (`j`).
    Forward,
    /// To the previous sentence (`k`).
    Backward,
}

/// The next (or, walking backward, previous) visible sentence from the
/// cursor.
pub fn step(visible: &[usize], cursor: usize, walk: Walk) -> Option<usize> {
    let here = place(visible, cursor);
    match walk {
        Walk::Backward => here
            .unwrap_or_else(|p| p)
            .checked_sub(1)
            .map(|p| visible[p]),
        Walk::Forward => visible.get(here.map_or_else(|p| p, |p| p + 1)).copied(),
    }
}

/// A run of a sentence's text with the same marks.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Segment {
    /// The text of the run.
    pub text: String,
    /// Code point offset of the run in the document.
    pub start: usize,
    /// CSS classes: `mark-quote`, `mark-denial`, … plus `suggested` when
    /// only suggestions cover it, `mention` on a speaker's name.
    pub class: String,
    /// The speaker of the quote covering the run, or whose name the run
    /// is (`data-speaker`: chips, quotes and names of one speaker are
    /// highlighted together).
    pub speaker: Option<String>,
}

/// A speaker named on a row.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Badge {
    /// The speaker's name.
    pub speaker: String,
    /// `direct` or `reported`.
    pub kind: &'static str,
    /// Whether the quote is still a suggestion.
    pub suggested: bool,
}

/// Everything one sentence row shows.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RowView {
    /// Index of the sentence.
    pub idx: usize,
    /// The sentence cut into marked runs.
    pub segments: Vec<Segment>,
    /// Accepted labels, space-separated (`data-labels`).
    pub labels: String,
    /// Labels suggested and not decided, space-separated (`data-suggested`).
    pub suggested: String,
    /// Rejected labels, space-separated (`data-rejected`).
    pub rejected: String,
    /// Speakers of the quotes on the row.
    pub badges: Vec<Badge>,
    /// Whether the row is the cursor's.
    pub current: bool,
    /// The row's place in the list shown, from 1, and the list's length
    /// (`aria-posinset`, `aria-setsize`: most rows are not drawn); 0 and 0
    /// until [`RowView::at`] sets them.
    pub place: (usize, usize),
    /// Whether the sentence is boilerplate.
    pub boilerplate: bool,
    /// Whether a new paragraph starts with this sentence.
    pub paragraph_start: bool,
    /// The least confidence of the row's undecided suggestions, to two
    /// places (`data-confidence`).
    pub confidence: Option<String>,
}

impl RowView {
    /// The row, at position `pos` (from 0) of a list of `len` rows.
    pub fn at(self, pos: usize, len: usize) -> RowView {
        RowView {
            place: (pos + 1, len),
            ..self
        }
    }

    /// A key that changes whenever anything drawn changes, for `<For>`.
    pub fn key(&self) -> u64 {
        let mut h = DefaultHasher::new();
        self.hash(&mut h);
        h.finish()
    }

    /// The row's CSS classes: `sentence`, then `current`, `boilerplate`,
    /// `paragraph-start` when they apply, `has-<label>` for each accepted
    /// label and `suggests-<label>` for each suggested one.
    pub fn class(&self) -> String {
        let mut class = String::from("sentence");
        for (on, name) in [
            (self.current, " current"),
            (self.boilerplate, " boilerplate"),
            (self.paragraph_start, " paragraph-start"),
        ] {
            if on {
                class.push_str(name);
            }
        }
        for (prefix, labels) in [(" has-", &self.labels), (" suggests-", &self.suggested)] {
            for label in labels.split_whitespace() {
                class.push_str(prefix);
                class.push_str(label);
            }
        }
        class
    }
}

impl Badge {
    /// The badge's CSS classes: `speaker-badge`, its kind, and `suggested`
    /// while the quote is a suggestion.
    pub fn class(&self) -> String {
        let suggested = if self.suggested { " suggested" } else { "" };
        format!("speaker-badge {}{suggested}", self.kind)
    }
}

fn join(labels: impl IntoIterator<Item = Label>) -> String {
    labels
        .into_iter()
        .map(Label::as_str)
        .collect::<Vec<_>>()
        .join(" ")
}

/// One entry of the document list.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DocItem {
    /// Index of the document in the workspace.
    pub idx: usize,
    /// Its name.
    pub name: String,
    /// Non-rejected annotations: (quotes, claims, denials).
    pub counts: (usize, usize, usize),
    /// Sentences the cursor has been on.
    pub visited: usize,
    /// Suggestions decided, and in all.
    pub decided: (usize, usize),
    /// Sentences in all.
    pub sentences: usize,
    /// Whether it is the document on screen.
    pub current: bool,
    /// Whether it is the demo, unchanged: it leaves when the person adds a
    /// document of their own.
    pub demo: bool,
}

/// The document list of `ws`, in order.
pub fn documents(ws: &Workspace) -> Vec<DocItem> {
    ws.docs
        .iter()
        .enumerate()
        .map(|(idx, d)| DocItem {
            idx,
            name: d.doc.name.clone(),
            counts: d.counts(),
            visited: d.n_visited(),
            decided: d.decided(),
            sentences: d.n_sentences(),
            current: idx == ws.current,
            demo: d.is_untouched_demo(),
        })
        .collect()
}

/// Builds the row of sentence `idx` of `d`.
pub fn row(d: &DocState, idx: usize) -> RowView {
    let s = d.doc.sentences[idx];
    // Offsets inside the sentence, counted from its start: a repaint scans
    // only the sentences drawn, never the whole document.
    let local = CharIndex::new(d.sentence_text(idx));
    let live: Vec<_> = d
        .annotations_of(idx)
        .filter(|a| a.status != Status::Rejected)
        .collect();
    // Where quotes near the sentence name their speaker inside it.
    let mentions: Vec<(usize, usize, &str)> = (idx.saturating_sub(MENTION_REACH)
        ..(idx + MENTION_REACH + 1).min(d.n_sentences()))
        .flat_map(|j| d.annotations_of(j))
        .filter(|a| a.label == Label::Quote && a.status != Status::Rejected)
        .filter_map(|a| {
            let span = a.speaker_span?;
            let name = a.speaker.as_deref()?;
            (span.start >= s.start && span.end <= s.end && span.start < span.end)
                .then_some((span.start, span.end, name))
        })
        .collect();
    // Cut points: the sentence bounds and every live span's and name's
    // bounds inside it.
    let mut cuts = vec![s.start, s.end];
    for (a, b) in live
        .iter()
        .map(|a| (a.start, a.end))
        .chain(mentions.iter().map(|&(a, b, _)| (a, b)))
    {
        cuts.extend([a, b].into_iter().filter(|&c| c > s.start && c < s.end));
    }
    hearsay_core::order::sort(&mut cuts);
    cuts.dedup();
    let segments = cuts
        .windows(2)
        .map(|w| {
            let (start, end) = (w[0], w[1]);
            let covering: Vec<_> = live
                .iter()
                .filter(|a| a.start <= start && a.end >= end)
                .collect();
            let mut class: Vec<&str> = Vec::new();
            for label in Label::ALL {
                if covering.iter().any(|a| a.label == label) {
                    class.push(match label {
                        Label::Quote => "mark-quote",
                        Label::Claim => "mark-claim",
                        Label::Denial => "mark-denial",
                    });
                }
            }
            if !covering.is_empty() && covering.iter().all(|a| a.status == Status::Suggested) {
                class.push("suggested");
            }
            let quoted = covering
                .iter()
                .filter(|a| a.label == Label::Quote)
                .find_map(|a| a.speaker.clone());
            let named = mentions
                .iter()
                .find(|&&(a, b, _)| a <= start && b >= end)
                .map(|&(_, _, name)| name.to_owned());
            if named.is_some() {
                class.push("mention");
            }
            Segment {
                text: local.slice(start - s.start, end - s.start).to_owned(),
                start,
                class: class.join(" "),
                speaker: quoted.or(named),
            }
        })
        .collect();
    // One chip per speaker: the kind of their first quote here, and
    // dashed while any of their quotes is still to decide.
    let mut badges: Vec<Badge> = Vec::new();
    for a in live
        .iter()
        .filter(|a| a.label == Label::Quote && a.start >= s.start)
    {
        let Some(speaker) = &a.speaker else { continue };
        let suggested = a.status == Status::Suggested;
        match badges.iter_mut().find(|b| &b.speaker == speaker) {
            Some(b) => b.suggested |= suggested,
            None => badges.push(Badge {
                speaker: speaker.clone(),
                kind: a.kind.unwrap_or(QuoteKind::Direct).as_str(),
                suggested,
            }),
        }
    }
    let rejected = hearsay_core::order::set(
        d.annotations_of(idx)
            .filter(|a| a.status == Status::Rejected && a.origin == Origin::Extractor)
            .map(|a| a.label),
    );
    let confidence = live
        .iter()
        .filter(|a| a.status == Status::Suggested)
        .map(|a| a.confidence)
        .reduce(f32::min)
        .map(hundredths);
    RowView {
        idx,
        confidence,
        segments,
        labels: join(d.labels_of(idx)),
        suggested: join(d.suggested_of(idx)),
        rejected: join(rejected),
        badges,
        current: idx == d.cursor,
        place: (0, 0),
        boilerplate: s.boilerplate,
        paragraph_start: idx == 0 || d.doc.sentences[idx - 1].paragraph != s.paragraph,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Workspace;

    fn doc(text: &str) -> Workspace {
        let mut ws = Workspace::default();
        ws.add_text("t.txt", text).unwrap();
        ws
    }

    #[test]
    fn confidence_is_the_least_of_the_undecided_suggestions() {
        let mut ws = doc("“Bridges are cheap,” Mayor Tom Reyes said. The weather was mild.");
        let d = ws.doc().unwrap();
        let least = d
            .annotations_of(0)
            .filter(|a| a.status == Status::Suggested)
            .map(|a| a.confidence)
            .reduce(f32::min)
            .expect("the quote is suggested");
        assert_eq!(row(d, 0).confidence, Some(format!("{least:.2}")));
        for c in [0.0, 0.004, 0.005, 0.07, 0.5, 0.996, 1.0] {
            assert_eq!(hundredths(c), format!("{c:.2}"), "{c}");
        }
        assert_eq!(row(d, 1).confidence, None, "nothing suggested");
        ws.set_cursor(0);
        ws.accept();
        assert_eq!(row(ws.doc().unwrap(), 0).confidence, None, "all decided");
    }

    #[test]
    fn segments_rebuild_the_sentence_and_mark_the_quote() {
        let ws = doc("“Bridges are cheap,” Mayor Tom Reyes said. Taxes rose 4% in 2023.");
        let d = ws.doc().unwrap();
        let index = CharIndex::new(&d.doc.text);
        let r = row(d, 0);
        let whole: String = r.segments.iter().map(|s| s.text.as_str()).collect();
        let s = d.doc.sentences[0];
        assert_eq!(whole, index.slice(s.start, s.end));
        let quoted = r
            .segments
            .iter()
            .find(|s| s.class.contains("mark-quote"))
            .unwrap();
        // The marked run is exactly the quote's span, whatever the extractor
        // chose to include.
        let quote = d
            .annotations_of(0)
            .find(|a| a.label == Label::Quote)
            .unwrap();
        assert_eq!(quoted.text, quote.text);
        assert!(quote.text.starts_with("Bridges are cheap"));
        assert!(quoted.class.contains("suggested"));
        assert_eq!(r.badges[0].speaker, "Tom Reyes");
        assert_eq!(r.suggested.split(' ').next(), Some("quote"));
        assert!(r.current);
    }

    #[test]
    fn step_follows_the_filter() {
        let visible: Vec<usize> = (0..1000).filter(|i| i % 3 == 0).collect();
        assert_eq!(step(&visible, 600, Walk::Forward), Some(603));
        assert_eq!(step(&visible, 601, Walk::Backward), Some(600));
        assert_eq!(step(&visible, 0, Walk::Backward), None);
        assert_eq!(step(&visible, 999, Walk::Forward), None);
        assert_eq!(position(&visible, 600), Some(200));
        assert_eq!(position(&visible, 601), None);
    }

    #[test]
    fn the_scroll_position_chooses_the_rows_drawn() {
        let n = 8_000;
        // At the top: the screen and the margin below it.
        assert_eq!(first_on_screen(n, 0.0, 40.0), 0);
        assert_eq!(frame(n, 0, 25), 0..25 + OVERSCAN);
        // Half way down, in whole steps: scrolling a few pixels changes
        // nothing drawn.
        let half = first_on_screen(n, 4_000.0 * 40.0 + 7.0, 40.0);
        assert_eq!(half, 4_000);
        assert_eq!(first_on_screen(n, 4_000.0 * 40.0 + 39.0, 40.0), half);
        assert_eq!(frame(n, half, 25), 4_000 - OVERSCAN..4_000 + 25 + OVERSCAN);
        // The end of the scroll bar reaches the last row, and past it too.
        for top in [7_999.0 * 40.0, 1e12, f64::INFINITY] {
            let last = first_on_screen(n, top, 40.0);
            assert!(frame(n, last, 25).contains(&(n - 1)), "{top}");
        }
        // Above the list, a row of zero height, an empty list.
        assert_eq!(first_on_screen(n, -500.0, 40.0), 0);
        assert_eq!(first_on_screen(n, 500.0, 0.0), 0);
        assert_eq!(first_on_screen(0, 500.0, 40.0), 0);
        assert_eq!(frame(0, 0, 25), 0..0);
        assert_eq!(frame(5, 0, 25), 0..5);
        // A first row past the end (the list was just filtered): the end.
        assert_eq!(frame(100, 4_000, 25), 100 - OVERSCAN - 1..100);
        // A screen's rows: its height over a row's, and the two cut rows.
        assert_eq!(screen_rows(860.0, 33), 28);
        assert_eq!(screen_rows(0.0, 33), SCREEN_ROWS);
        assert_eq!(screen_rows(860.0, 0), 862);
        assert_eq!(screen_rows(f64::INFINITY, 33), SCREEN_ROWS);
        assert_eq!(screen_rows(1e300, 1), 1_000);
    }

    #[test]
    fn document_list_counts_and_marks_the_current_document() {
        let mut ws = doc("“Bridges are cheap,” Mayor Tom Reyes said.");
        ws.add_text("b.txt", "The river rose. The bridge held.")
            .unwrap();
        let items = documents(&ws);
        assert_eq!(items.len(), 2);
        assert_eq!(
            (items[0].name.as_str(), items[0].counts.0, items[0].current),
            ("t.txt", 1, false)
        );
        assert_eq!((items[1].sentences, items[1].current), (2, true));
        assert_eq!(items[1].visited, 1);
    }

    #[test]
    fn a_row_knows_its_place_in_the_list_shown() {
        let ws = doc("One. Two. Three. Four. Five.");
        let d = ws.doc().unwrap();
        assert_eq!(row(d, 3).place, (0, 0));
        let placed = row(d, 3).at(1, 2);
        assert_eq!(placed.place, (2, 2));
        // Its key changes with its place: a row moved by a filter is
        // drawn again with its new place.
        assert_ne!(placed.key(), row(d, 3).at(3, 5).key());
    }

    #[test]
    fn a_speaker_of_two_quotes_in_a_sentence_has_one_chip() {
        let mut ws = doc("“Bridges are cheap,” Mayor Tom Reyes said.");
        ws.set_cursor(0);
        // A second quote inside the first, made by the person.
        ws.add_span(Label::Quote, 1, 8);
        assert!(ws.set_speaker("Tom Reyes"));
        let d = ws.doc().unwrap();
        let quotes = d
            .annotations_of(0)
            .filter(|a| a.label == Label::Quote)
            .count();
        assert_eq!(quotes, 2);
        let r = row(d, 0);
        assert_eq!(r.badges.len(), 1, "{:?}", r.badges);
        assert_eq!(r.badges[0].speaker, "Tom Reyes");
    }

    #[test]
    fn row_classes_name_place_labels_and_suggestions() {
        let mut ws = doc("Intro line.\n\n“Bridges are cheap,” Mayor Tom Reyes said.");
        let quote_idx = ws.doc().unwrap().n_sentences() - 1;
        ws.set_cursor(quote_idx);
        let d = ws.doc().unwrap();
        let r = row(d, quote_idx);
        assert_eq!(
            r.class(),
            "sentence current paragraph-start suggests-quote",
            "{r:?}"
        );
        assert_eq!(r.badges[0].class(), "speaker-badge direct suggested");
        ws.accept();
        let r = row(ws.doc().unwrap(), quote_idx);
        assert_eq!(r.class(), "sentence current paragraph-start has-quote");
        assert_eq!(r.badges[0].class(), "speaker-badge direct");
    }

    #[test]
    fn least_confident_first_puts_undecided_suggestions_first_and_walks_that_order() {
        let mut ws = doc(
            "“Bridges are cheap,” Mayor Tom Reyes said. The weather was mild. Officials said taxes would rise next year.",
        );
        let d = ws.doc().unwrap();
        let least = |i: usize| {
            d.annotations_of(i)
                .filter(|a| a.status == Status::Suggested)
                .map(|a| a.confidence)
                .reduce(f32::min)
        };
        let filter = Filter {
            order: Order::LeastConfident,
            ..Filter::default()
        };
        let order = visible(d, &filter);
        assert_eq!(order.len(), d.n_sentences(), "a reordering, not a filter");
        let keyed: Vec<f32> = order
            .iter()
            .map(|&i| least(i).unwrap_or(f32::INFINITY))
            .collect();
        assert!(keyed.is_sorted(), "{order:?}: {keyed:?}");
        assert!(least(order[0]).is_some(), "a suggestion comes first");
        // j walks the list as shown, from its first row to its last.
        let mut walked = vec![order[0]];
        while let Some(next) = step(&order, *walked.last().unwrap(), Walk::Forward) {
            walked.push(next);
        }
        assert_eq!(walked, order);
        assert_eq!(step(&order, order[1], Walk::Backward), Some(order[0]));
        // Deciding a sentence sends it after the undecided ones.
        ws.set_cursor(order[0]);
        ws.accept();
        let again = visible(ws.doc().unwrap(), &filter);
        assert_ne!(again[0], order[0]);
    }

    #[test]
    fn a_quote_and_its_speakers_name_carry_the_same_speaker() {
        let ws = doc("“Bridges are cheap,” Mayor Tom Reyes said.");
        let d = ws.doc().unwrap();
        let quote = d
            .annotations_of(0)
            .find(|a| a.label == Label::Quote)
            .unwrap();
        let name = quote.speaker.clone().unwrap();
        let span = quote.speaker_span.unwrap();
        let r = row(d, 0);
        let mention: String = r
            .segments
            .iter()
            .filter(|s| s.class.split(' ').any(|c| c == "mention"))
            .map(|s| s.text.as_str())
            .collect();
        let index = CharIndex::new(&d.doc.text);
        assert_eq!(mention, index.slice(span.start, span.end));
        for s in &r.segments {
            let marked = s.class.contains("mark-quote") || s.class.contains("mention");
            assert_eq!(s.speaker.is_some(), marked, "{s:?}");
            if marked {
                assert_eq!(s.speaker.as_deref(), Some(name.as_str()));
            }
        }
    }

    #[test]
    fn search_filter_is_case_insensitive() {
        let ws = doc("The river rose. The Bridge held. Nobody was hurt.");
        let d = ws.doc().unwrap();
        let filter = Filter {
            search: "bridge".into(),
            ..Filter::default()
        };
        let hits = visible(d, &filter);
        assert_eq!(hits.len(), 1);
        assert!(d.sentence_text(hits[0]).contains("Bridge"));
    }
}
