//! What the speaker ranker knows of who can speak, beyond one word: the
//! names table ([`crate::learn::Names`]: given names, surnames, places) and
//! the shapes of what is not a person: the run of capitalised words a
//! candidate stands in and its head ("Hart & Pike LLP", "the Masters
//! Open", "the Daily Courier Online", "Halvorsen Pipeline Project", "Mount
//! Keller"), and a connective opening a sentence ("Nonetheless, …").
//!
//! Rule: these are features, never a filter: the ranker learns from the
//! training data how much each says, and the text around a quote still
//! decides.
//!
//! Example: in `Hart & Pike LLP` the run's head `LLP` is of kind
//! [`HeadKind::Organisation`], for each of its three words.

use crate::attribution::view::View;
use crate::learn::Names;

/// What the head of a run of capitalised words says it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HeadKind {
    /// No known head.
    None = 0,
    /// A company or firm: "Inc.", "LLP", "Ltd", "Systems".
    Organisation = 1,
    /// A news outlet: "Post", "News", "Online", "Times".
    Outlet = 2,
    /// An event: "Cup", "Open", "Games", "Festival".
    Event = 3,
    /// A project, a work or a law: "Project", "Pipeline", "Act".
    Project = 4,
    /// A place of nature or a place in a town: "Mount", "River", "Street".
    Place = 5,
}

/// Heads and their kinds, lowercased, in byte order (looked up by binary
/// search). A word here may also be a name ("Post", "Open"): the ranker
/// weighs the feature with the rest.
const HEADS: [(&str, HeadKind); 124] = {
    use HeadKind::{Event, Organisation, Outlet, Place, Project};
    [
        ("accord", Project),
        ("act", Project),
        ("ag", Organisation),
        ("agency", Outlet),
        ("airlines", Organisation),
        ("airport", Project),
        ("airways", Organisation),
        ("associates", Organisation),
        ("avenue", Place),
        ("awards", Event),
        ("bay", Place),
        ("bill", Project),
        ("boulevard", Place),
        ("bridge", Project),
        ("broadcasting", Outlet),
        ("bulletin", Outlet),
        ("bv", Organisation),
        ("canyon", Place),
        ("championship", Event),
        ("championships", Event),
        ("channel", Outlet),
        ("chronicle", Outlet),
        ("classic", Event),
        ("co", Organisation),
        ("coast", Place),
        ("conference", Event),
        ("congress", Event),
        ("corp", Organisation),
        ("corporation", Organisation),
        ("corridor", Project),
        ("courier", Outlet),
        ("cup", Event),
        ("daily", Outlet),
        ("dam", Project),
        ("derby", Event),
        ("desert", Place),
        ("dispatch", Outlet),
        ("enterprises", Organisation),
        ("examiner", Outlet),
        ("expo", Event),
        ("express", Outlet),
        ("fair", Event),
        ("festival", Event),
        ("forest", Place),
        ("forum", Event),
        ("gala", Event),
        ("games", Event),
        ("gazette", Outlet),
        ("gmbh", Organisation),
        ("grand", Event),
        ("herald", Outlet),
        ("highway", Project),
        ("holdings", Organisation),
        ("inc", Organisation),
        ("incorporated", Organisation),
        ("industries", Organisation),
        ("initiative", Project),
        ("inquirer", Outlet),
        ("island", Place),
        ("islands", Place),
        ("journal", Outlet),
        ("labs", Organisation),
        ("lake", Place),
        ("league", Event),
        ("limited", Organisation),
        ("llc", Organisation),
        ("llp", Organisation),
        ("ltd", Organisation),
        ("magazine", Outlet),
        ("marathon", Event),
        ("mine", Project),
        ("motors", Organisation),
        ("mount", Place),
        ("mountain", Place),
        ("mountains", Place),
        ("network", Outlet),
        ("news", Outlet),
        ("nv", Organisation),
        ("observer", Outlet),
        ("ocean", Place),
        ("olympics", Event),
        ("online", Outlet),
        ("open", Event),
        ("park", Place),
        ("pharmaceuticals", Organisation),
        ("pipeline", Project),
        ("plant", Project),
        ("plc", Organisation),
        ("post", Outlet),
        ("press", Outlet),
        ("prix", Event),
        ("program", Project),
        ("programme", Project),
        ("project", Project),
        ("radio", Outlet),
        ("railway", Project),
        ("rally", Event),
        ("reservoir", Project),
        ("review", Outlet),
        ("river", Place),
        ("road", Place),
        ("sa", Organisation),
        ("sea", Place),
        ("series", Event),
        ("show", Event),
        ("square", Place),
        ("street", Place),
        ("summit", Event),
        ("systems", Organisation),
        ("technologies", Organisation),
        ("telegraph", Outlet),
        ("television", Outlet),
        ("terminal", Project),
        ("times", Outlet),
        ("tour", Event),
        ("tournament", Event),
        ("treaty", Project),
        ("tribune", Outlet),
        ("tunnel", Project),
        ("tv", Outlet),
        ("valley", Place),
        ("volcano", Place),
        ("week", Event),
        ("wire", Outlet),
    ]
};

/// Words that open a sentence as a connective or a sentence adverb
/// ("Nonetheless, the port stays shut."), lowercased, in byte order.
const CONNECTIVES: [&str; 60] = [
    "accordingly",
    "additionally",
    "afterwards",
    "also",
    "alternatively",
    "although",
    "besides",
    "certainly",
    "clearly",
    "consequently",
    "currently",
    "earlier",
    "elsewhere",
    "especially",
    "essentially",
    "eventually",
    "finally",
    "first",
    "fortunately",
    "frankly",
    "furthermore",
    "generally",
    "hence",
    "however",
    "indeed",
    "initially",
    "instead",
    "interestingly",
    "later",
    "likewise",
    "meanwhile",
    "moreover",
    "nevertheless",
    "nonetheless",
    "notably",
    "now",
    "obviously",
    "otherwise",
    "overall",
    "perhaps",
    "previously",
    "rather",
    "recently",
    "regardless",
    "second",
    "separately",
    "similarly",
    "still",
    "subsequently",
    "surprisingly",
    "then",
    "therefore",
    "though",
    "thus",
    "today",
    "typically",
    "ultimately",
    "unfortunately",
    "usually",
    "yet",
];

/// Words that may join the words of one name ("Hart & Pike", "Bank of
/// Canada", "van der Berg").
const JOINERS: [&str; 9] = ["&", "of", "de", "van", "von", "der", "la", "du", "del"];

/// The most words of a run looked at on each side of a candidate.
const RUN_REACH: usize = 4;

/// `word` lowercased (ASCII), if it is short enough to be a head word.
fn lower(word: &str) -> Option<String> {
    (word.len() <= 16).then(|| word.trim_end_matches('.').to_ascii_lowercase())
}

/// The kind of head word `word`.
pub(crate) fn head_kind(word: &str) -> HeadKind {
    let Some(w) = lower(word) else {
        return HeadKind::None;
    };
    HEADS
        .binary_search_by(|(h, _)| h.cmp(&w.as_str()))
        .map_or(HeadKind::None, |k| HEADS[k].1)
}

/// True if `word` is a connective when it opens a sentence.
pub(crate) fn is_connective(word: &str) -> bool {
    lower(word).is_some_and(|w| CONNECTIVES.binary_search(&w.as_str()).is_ok())
}

/// Whether token `i` continues a run of capitalised words: a capitalised
/// word, or a joiner between two.
fn in_run(v: &View, i: usize) -> bool {
    let t = &v.tokens[i];
    if t.is_word() && t.cap() {
        return true;
    }
    let word = v.word(i);
    JOINERS.iter().any(|j| word.eq_ignore_ascii_case(j))
        && i > 0
        && i + 1 < v.tokens.len()
        && v.tokens[i - 1].cap()
        && v.tokens[i + 1].cap()
}

/// The run of capitalised words around token `i` (itself capitalised):
/// its first and last token, at most [`RUN_REACH`] words each side.
pub(crate) fn run(v: &View, i: usize) -> (usize, usize) {
    let mut first = i;
    while first > 0 && i - first < RUN_REACH && in_run(v, first - 1) {
        first -= 1;
    }
    let mut last = i;
    while last + 1 < v.tokens.len() && last - i < RUN_REACH && in_run(v, last + 1) {
        last += 1;
    }
    // A run ends on a word, not a joiner.
    while last > i && !v.tokens[last].cap() {
        last -= 1;
    }
    while first < i && !v.tokens[first].cap() {
        first += 1;
    }
    (first, last)
}

/// What the run around capitalised token `i` says: the kind of its head
/// (the last word, or a place word anywhere in it: "Mount Keller"), and
/// whether the names table lists the run, or a word of it, as a place.
pub(crate) fn run_facts(v: &View, names: Option<&Names>, i: usize) -> (HeadKind, u64) {
    let (first, last) = run(v, i);
    let mut kind = head_kind(v.word(last));
    if kind == HeadKind::None {
        kind = (first..=last)
            .map(|k| head_kind(v.word(k)))
            .find(|&k| k == HeadKind::Place)
            .unwrap_or(HeadKind::None);
    }
    let place = match names {
        Some(names) => {
            let phrase = &v.text[v.tokens[first].start()..v.tokens[last].end()];
            if last > first && names.classes(phrase) & crate::learn::PLACE != 0 {
                2
            } else {
                u64::from(names.classes(v.word(i)) & crate::learn::PLACE != 0)
            }
        }
        None => 0,
    };
    (kind, place)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_are_sorted_for_the_binary_search() {
        assert!(HEADS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(CONNECTIVES.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn a_firm_suffix_is_an_organisation_with_or_without_its_stop() {
        assert_eq!(head_kind("LLP"), HeadKind::Organisation);
        assert_eq!(head_kind("Inc."), HeadKind::Organisation);
    }

    #[test]
    fn outlets_events_projects_and_places_have_their_kinds() {
        assert_eq!(head_kind("Online"), HeadKind::Outlet);
        assert_eq!(head_kind("Open"), HeadKind::Event);
        assert_eq!(head_kind("Pipeline"), HeadKind::Project);
        assert_eq!(head_kind("Mount"), HeadKind::Place);
        assert_eq!(head_kind("Ruiz"), HeadKind::None);
    }

    #[test]
    fn connectives_open_sentences() {
        assert!(is_connective("Nonetheless"));
        assert!(!is_connective("Norland"));
    }
}
