//! Finding denials: someone rejects, rules out or refuses something.
//!
//! Rule: a sentence is a denial when it holds a denial cue ("ruled out",
//! "rejected", "dismissed", "denied", "excludes", "no plans to", "not
//! considering", "there will be no", "wouldn’t send", "refused to join",
//! "against sending", "said no to") whose own negation scope is clean.
//! A negator a few words before the cue ("refused to rule out", "nothing can
//! be ruled out", "is not ruled out", "won’t rule out", "nothing should be
//! excluded") turns it into the opposite, which is not a denial. So does a
//! condition or a question ("if the plan rejected …", "whether she denied
//! …"), and a determiner makes the verb's form a noun ("in the dispute").
//!
//! Example: `The mayor ruled out new taxes.` is a denial with the cue
//! "ruled out"; `The mayor did not rule out new taxes.` is not.

use crate::attribution::Ctx;
use crate::learn::{Features, Model, Sink};
use crate::text::lexicon::{CUE, DENYISH, NEG};
use crate::text::normalise::{Kind, Token, push_key};

/// A denial cue: first and last token index, and the cue text.
pub(crate) struct Cue {
    /// First token of the cue.
    pub first: usize,
    /// Last token of the cue (inclusive).
    pub last: usize,
}

/// How many words before a denial cue an "if" or a "whether" is looked
/// for.
const SUPPOSED_REACH: usize = 12;

/// Verbs whose negated future ("won’t send", "would not deploy") refuses.
const ACTIONS: &[&str] = &[
    "send",
    "deploy",
    "allow",
    "accept",
    "support",
    "agree",
    "join",
    "participate",
    "approve",
    "sign",
    "back",
    "endorse",
    "provide",
    "commit",
    "recognize",
    "recognise",
    "negotiate",
    "attend",
    "pay",
    "release",
    "resign",
    "withdraw",
    "give",
    "station",
    "intervene",
    "fund",
    "supply",
    "arm",
    "budge",
    "tolerate",
    "permit",
    "extradite",
    "lift",
    "concede",
    "apologize",
    "apologise",
    "retreat",
    "surrender",
    "cooperate",
    "comply",
    "step",
];

/// Finds the first denial cue among the words of `[first, last)`.
#[cfg(test)]
pub(crate) fn find(text: &str, tokens: &[Token], first: usize, last: usize) -> Option<Cue> {
    find_all(text, tokens, first, last).into_iter().next()
}

/// Finds every denial cue among the words of `[first, last)`, in order.
pub(crate) fn find_all(text: &str, tokens: &[Token], first: usize, last: usize) -> Vec<Cue> {
    if !tokens[first..last].iter().any(|t| t.has(DENYISH)) {
        return Vec::new();
    }
    let keys = Keys::of(text, tokens, first, last);
    (0..keys.len())
        .filter_map(|j| {
            // Every pattern starts at a denial word, a negator or a speech verb
            // ("said no to"): other words are passed over without comparing
            // strings.
            if keys.k(j).is_empty() || !tokens[keys.idx[j]].has(DENYISH | NEG | CUE) {
                return None;
            }
            let (a, b) = keys.pattern_at(j)?;
            (!keys.supposed(j)).then(|| keys.cue(a, b))
        })
        .collect()
}

/// A sentence's words as lowercase keys (marks and punctuation dropped),
/// with clause breaks kept as empty keys so a negation does not leak across
/// a comma.
struct Keys<'t> {
    tokens: &'t [Token],
    /// The token of each key.
    idx: Vec<usize>,
    /// All keys in one buffer (one allocation per sentence, not per word).
    buf: String,
    /// Each key's range in `buf`.
    ranges: Vec<(usize, usize)>,
}

impl<'t> Keys<'t> {
    fn of(text: &str, tokens: &'t [Token], first: usize, last: usize) -> Keys<'t> {
        let n = last - first;
        let mut keys = Keys {
            tokens,
            idx: Vec::with_capacity(n),
            buf: String::with_capacity(tokens[last - 1].end() - tokens[first].start() + 8),
            ranges: Vec::with_capacity(n),
        };
        for (i, t) in tokens.iter().enumerate().take(last).skip(first) {
            match t.kind() {
                Kind::Word => {
                    keys.idx.push(i);
                    let at = keys.buf.len();
                    push_key(&text[t.start()..t.end()], &mut keys.buf);
                    keys.ranges.push((at, keys.buf.len()));
                }
                Kind::Punct(',' | ';' | ':' | '—' | '–' | '.') => {
                    keys.idx.push(i);
                    keys.ranges.push((keys.buf.len(), keys.buf.len()));
                }
                _ => {}
            }
        }
        keys
    }

    fn len(&self) -> usize {
        self.ranges.len()
    }

    /// Key `j`, or `""` past the end and at a clause break.
    fn k(&self, j: usize) -> &str {
        self.ranges.get(j).map_or("", |&(a, b)| &self.buf[a..b])
    }

    /// Whether key `j` negates.
    fn neg_at(&self, j: usize) -> bool {
        self.tokens[self.idx[j]].has(NEG) && !self.k(j).is_empty()
            || matches!(self.k(j), "nothing" | "cannot")
    }

    /// A negator within four words before `j`, in the same clause.
    fn negated(&self, j: usize) -> bool {
        let mut m = j;
        let mut n = 0;
        while m > 0 && n < 4 {
            m -= 1;
            if self.k(m).is_empty() {
                return false;
            }
            if self.neg_at(m) {
                return true;
            }
            n += 1;
        }
        false
    }

    /// Whether `j` stands in a condition or an indirect question of its
    /// clause ("if the plan rejected …", "whether she denied …"): what is
    /// supposed or asked is not denied. Looks at most `SUPPOSED_REACH` words
    /// back, so a clause without punctuation costs no more than a short one.
    fn supposed(&self, j: usize) -> bool {
        (0..j)
            .rev()
            .take(SUPPOSED_REACH)
            .take_while(|&m| !self.k(m).is_empty())
            .any(|m| matches!(self.k(m), "if" | "unless" | "whether"))
    }

    /// Whether the word before `j` is a determiner, which makes a verb's
    /// form a noun ("in the dispute", "a rebuff").
    fn after_determiner(&self, j: usize) -> bool {
        j > 0
            && matches!(
                self.k(j - 1),
                "the" | "a" | "an" | "this" | "these" | "those" | "its" | "their" | "his" | "our"
            )
    }

    /// The cue from key `a` to key `b`. A pattern that reaches past the
    /// sentence's last key ends there: `find` must never index out of the
    /// sentence (a headline has no final stop).
    fn cue(&self, a: usize, b: usize) -> Cue {
        let end = self.len().saturating_sub(1);
        Cue {
            first: self.idx[a.min(end)],
            last: self.idx[b.min(end)],
        }
    }

    /// The keys `[a, b]` of the denial pattern starting at key `j`, if one
    /// does.
    fn pattern_at(&self, j: usize) -> Option<(usize, usize)> {
        let k = |m: usize| self.k(m);
        match k(j) {
            // "ruled out", "ruled it out", "ruling anything out".
            "rule" | "rules" | "ruled" | "ruling" => {
                let o = (j + 1..(j + 4).min(self.len())).find(|&m| k(m) == "out")?;
                (!self.negated(j)).then_some((j, o))
            }
            // "dismissed from his post" is a firing, not a denial.
            "reject" | "rejects" | "rejected" | "rejecting" | "dismiss" | "dismisses"
            | "dismissed" | "dismissing" | "deny" | "denies" | "denied" | "denying" => {
                (k(j + 1) != "from" && !self.negated(j) && !self.after_determiner(j))
                    .then_some((j, j))
            }
            "exclude" | "excludes" | "excluded" | "excluding" => {
                (!self.negated(j)).then_some((j, j))
            }
            // "spurned the offer", "disavowed the remarks", "disputed the
            // figures": denial verbs of the PolNeAR training cues.
            w if DENIAL_VERBS.contains(&w) => {
                (!self.negated(j) && !self.after_determiner(j)).then_some((j, j))
            }
            // "no plans to", "no intention of", "confirming no change".
            "no" => matches!(
                k(j + 1),
                "plans" | "plan" | "intention" | "intent" | "desire" | "change"
            )
            .then_some((j, j + 1)),
            // "there will be no …".
            "there" => (matches!(k(j + 1), "will" | "would" | "shall")
                && k(j + 2) == "be"
                && matches!(k(j + 3), "no" | "never"))
            .then_some((j, j + 3)),
            "not" => self.not_doing(j),
            "never" => {
                (j > 0 && matches!(k(j - 1), "will" | "would") && ACTIONS.contains(&k(j + 1)))
                    .then(|| (j - 1, j + 1))
            }
            "won't" | "wouldn't" | "shan't" | "can't" | "cannot" => {
                ACTIONS.contains(&k(j + 1)).then_some((j, j + 1))
            }
            // "refused to join"; "refused to rule out" is the opposite.
            "refused" | "refuses" | "refuse" | "refusing" | "declined" | "declines" => {
                (k(j + 1) == "to" && !k(j + 2).is_empty() && !NOT_REFUSALS.contains(&k(j + 2)))
                    .then_some((j, j + 2))
            }
            "against" => self.against(j),
            // "said no to".
            "say" | "says" | "said" => (k(j + 1) == "no" && k(j + 2) == "to").then_some((j, j + 2)),
            _ => None,
        }
    }

    /// "not considering", "on not deploying", "will not send".
    fn not_doing(&self, j: usize) -> Option<(usize, usize)> {
        let k = |m: usize| self.k(m);
        if matches!(k(j + 1), "considering" | "planning" | "contemplating") {
            return Some((j, j + 1));
        }
        if j > 0 && matches!(k(j - 1), "on" | "of" | "about") && k(j + 1).ends_with("ing") {
            return Some((j, j + 1));
        }
        (j > 0 && matches!(k(j - 1), "will" | "would" | "shall") && ACTIONS.contains(&k(j + 1)))
            .then(|| (j - 1, j + 1))
    }

    /// "against deploying troops", "spoke out against the plan", "voted
    /// against". "Warned against" is advice, not a refusal (none of the
    /// PolNeAR training articles' five is a denial). The cue starts at the
    /// verb, so the subject just before it is found as who denies ("Ana
    /// Ruiz voted against"). "Lawmakers voted against" ending a headline,
    /// or "voted against, …": no object word.
    fn against(&self, j: usize) -> Option<(usize, usize)> {
        let k = |m: usize| self.k(m);
        let next = k(j + 1);
        let spoke = j >= 2
            && k(j - 1) == "out"
            && matches!(k(j - 2), "spoke" | "speak" | "speaks" | "came" | "come");
        let voted = j >= 1 && matches!(k(j - 1), "voted" | "vote" | "votes" | "argued");
        if !((next.ends_with("ing") && next.len() > 5) || spoke || voted) {
            return None;
        }
        let from = if spoke {
            j - 2
        } else if voted {
            j - 1
        } else {
            j
        };
        Some((from, if next.is_empty() { j } else { j + 1 }))
    }
}

/// Verbs that deny, beyond reject, dismiss, deny and exclude.
const DENIAL_VERBS: &[&str] = &[
    "spurn",
    "spurns",
    "spurned",
    "spurning",
    "rebuff",
    "rebuffs",
    "rebuffed",
    "rebuffing",
    "disavow",
    "disavows",
    "disavowed",
    "disavowing",
    "repudiate",
    "repudiates",
    "repudiated",
    "repudiating",
    "dispute",
    "disputes",
    "disputed",
    "disputing",
    "refute",
    "refutes",
    "refuted",
    "refuting",
    "contradict",
    "contradicts",
    "contradicted",
    "contradicting",
];

/// What "refused to" may be followed by without refusing anything:
/// "refused to rule out" is the opposite, "declined to comment" is silence.
const NOT_REFUSALS: &[&str] = &[
    "rule", "exclude", "deny", "comment", "say", "answer", "discuss", "reject", "dismiss",
    "confirm", "be", "disclose", "specify",
];

/// Whether the denial `cue` is one of the patterns that define a denial
/// ("ruled out", "no plans to", "there will be no"), which no model drops.
pub(crate) fn by_definition(v: &crate::attribution::view::View, cue: &Cue) -> bool {
    ["rule", "rules", "ruled", "ruling", "no", "there"]
        .iter()
        .any(|w| v.is(cue.first, w))
}

/// Feature templates of the denial model.
mod t {
    pub const FIRST: u32 = 201;
    pub const CUE_TEXT: u32 = 202;
    pub const NEXT: u32 = 203;
    pub const PREV: u32 = 204;
    pub const CUE_PROB: u32 = 205;
    pub const IN_QUOTE: u32 = 206;
    pub const SPEAKER: u32 = 207;
    pub const REPORTED: u32 = 208;
    pub const SUBJECT: u32 = 209;
    pub const LENGTH: u32 = 210;
    pub const SPEECH: u32 = 211;
}

/// The features of the denial pattern `cue` of sentence `si`: its words,
/// its neighbours, how likely the cue model finds its first word to be a
/// cue, and whether someone is said to speak in the sentence.
pub(crate) fn features(
    ctx: &Ctx,
    si: usize,
    cue: &Cue,
    cue_model: Option<&Model>,
    f: &mut Features,
) {
    let v = &ctx.v;
    let s = ctx.sentences[si];
    f.text(t::FIRST, v.word(cue.first));
    f.text(t::CUE_TEXT, &ctx.words(cue.first, cue.last));
    let word = |i: usize| {
        if (s.first..s.last).contains(&i) {
            v.word(i)
        } else {
            "<edge>"
        }
    };
    f.text(t::NEXT, word(cue.last + 1));
    f.text(t::PREV, word(cue.first.wrapping_sub(1)));
    if let Some(model) = cue_model {
        let mut g = Features::default();
        let quoted = (s.first..s.last).any(|m| !v.outside(m));
        crate::attribution::learned_cues::features(ctx, s.first, s.last, quoted, cue.first, &mut g);
        let p = model.probability(&g);
        f.with(t::CUE_PROB, (p * 10.0) as u64);
    }
    let in_quote = !v.outside(cue.first);
    f.with(t::IN_QUOTE, u64::from(in_quote));
    f.with(t::SPEAKER, u64::from(ctx.sentence_speaker[si].is_some()));
    // Reported speech comes in sentence order: a search, not a scan.
    let reported = ctx
        .reported
        .binary_search_by_key(&si, |r| r.sentence)
        .is_ok();
    f.with(t::REPORTED, u64::from(reported));
    let subject = match cue.first.checked_sub(1).filter(|&p| p >= s.first) {
        Some(p) if v.tokens[p].has(crate::text::lexicon::PRONOUN) => 1,
        Some(p) if v.tokens[p].cap() => 2,
        Some(p) if v.tokens[p].is_word() => 3,
        Some(_) => 4,
        None => 0,
    };
    f.with(t::SUBJECT, subject);
    f.with(t::LENGTH, ((s.last - s.first) / 8).min(8) as u64);
    let speech = (s.first..s.last).any(|m| v.tokens[m].has(CUE) && v.outside(m));
    f.with(t::SPEECH, u64::from(speech));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalise::tokenize;

    fn cue(text: &str) -> Option<String> {
        let tokens = tokenize(text);
        find(text, &tokens, 0, tokens.len())
            .map(|c| text[tokens[c.first].start()..tokens[c.last].end()].to_string())
    }

    #[test]
    fn every_pattern_starts_at_a_flagged_word() {
        // `find` skips words without these flags: each first word of a
        // pattern must carry one.
        let starts = "rule rules ruled ruling reject rejects rejected rejecting dismiss \
            dismisses dismissed dismissing deny denies denied denying exclude excludes excluded \
            excluding no there not never won't wouldn't shan't can't cannot refused refuses \
            refuse refusing declined declines against say says said";
        for w in starts.split_whitespace() {
            let flags = crate::text::lexicon::lookup(w);
            assert!(flags & (DENYISH | NEG | CUE) != 0, "{w}");
        }
    }

    #[test]
    fn cues_and_negation_scope() {
        assert_eq!(
            cue("The mayor ruled out new taxes.").as_deref(),
            Some("ruled out")
        );
        assert_eq!(cue("She refused to rule out a strike."), None);
        assert_eq!(cue("Nothing can be ruled out."), None);
        // Supposed or asked, not denied.
        assert_eq!(
            cue("If the plan rejected families, they would suffer."),
            None
        );
        assert_eq!(cue("She was asked whether he denied it."), None);
        assert_eq!(
            cue("If they fail, the city could deny permits.").as_deref(),
            Some("deny")
        );
        // A verb's form after a determiner is a noun.
        assert_eq!(cue("He was on the line in the dispute."), None);
        assert_eq!(
            cue("The union disputes the figures.").as_deref(),
            Some("disputes")
        );
        assert_eq!(cue("They warned against hackers."), None);
        assert_eq!(
            cue("They won’t send troops.").as_deref(),
            Some("won’t send")
        );
        assert_eq!(
            cue("It has “no plans” to act.").as_deref(),
            Some("no plans")
        );
    }

    #[test]
    fn a_pattern_at_the_end_of_a_headline_stays_inside_it() {
        // Found by the `analyze` fuzzer: a headline like the first two
        // panicked (index past the sentence's last word). The cue starts
        // at the verb before "against" when there is one.
        let cases = [
            ("Lawmakers voted against", "voted against"),
            ("Critics spoke out against", "spoke out against"),
            ("They voted against, then left.", "voted against"),
            ("They voted against the levy.", "voted against the"),
            ("Unions are against cutting pay.", "against cutting"),
        ];
        for (input, expected) in cases {
            assert_eq!(cue(input).as_deref(), Some(expected), "input: {input}");
        }
    }
}
