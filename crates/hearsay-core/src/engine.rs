//! The pipeline: tokens → sentences → boilerplate → quotes → speakers →
//! reported speech → denials → claims → code point offsets.
//!
//! Rule: everything works on byte offsets of the original text and is
//! converted to code points once, at the end, by counting on from the
//! previous (nearly sorted) offset, with [`CharIndex`] checkpoints for far
//! jumps: no conversion rescans the text from its start. Each stage is
//! linear in the text; the people memory is consulted by hash, and every
//! look-back (pronouns, roles, cues, apposition) is bounded.
//!
//! A quote's cue is looked for right after it, then before it in its
//! sentence, then (for a quote opening a paragraph) in a previous paragraph
//! ending with a colon (`Ann Lee continued:`); a clause ending in a colon
//! before the quote lends its subject. A quote whose last sentence closes
//! inside the marks (`….” Russia insisted that …`) does not take a cue that
//! opens a new clause after it.
//!
//! Example: `“Go,” said Ann Lee.` gives one sentence and one direct quote
//! `Go` by "Ann Lee" with the cue "said".

use crate::lexicon::{
    AUX, CONJ, CUE, DET, FUNC, GROUP, NAMING, NATION, NEG, PREP, PRONOUN, ROLE, TIME, TITLE, WH,
};
use crate::normalise::{Kind, Token, tokenize};
use crate::quotes::{self, NONE, Quote};
use crate::reported::{self, CueAt};
use crate::sentences::{self, Sent};
use crate::speakers::{People, Speaker, View};
use crate::{
    Analysis, CharIndex, Config, Diagnostic, Label, QuoteKind, Sentence, Span, Suggestion,
    boilerplate, claims, denials,
};

/// Converts byte offsets to code points by counting from the previous
/// conversion: offsets come nearly in order, so the total work is linear.
/// Far jumps fall back to the [`CharIndex`] checkpoints.
struct Cursor<'a> {
    text: &'a str,
    /// Built on the first far jump only.
    index: Option<CharIndex<'a>>,
    byte: usize,
    ch: usize,
}

impl Cursor<'_> {
    fn at(&mut self, b: usize) -> usize {
        let b = b.min(self.text.len());
        if !self.text.is_char_boundary(b) {
            let text = self.text;
            return self
                .index
                .get_or_insert_with(|| CharIndex::new(text))
                .char_of_byte(b);
        }
        if b >= self.byte && b - self.byte <= 4096 {
            self.ch += self.text[self.byte..b].chars().count();
        } else if b < self.byte && self.byte - b <= 4096 {
            self.ch -= self.text[b..self.byte].chars().count();
        } else {
            let text = self.text;
            self.ch = self
                .index
                .get_or_insert_with(|| CharIndex::new(text))
                .char_of_byte(b);
        }
        self.byte = b;
        self.ch
    }
}

/// A suggestion in byte offsets.
struct Raw {
    label: Label,
    start: usize,
    end: usize,
    kind: Option<QuoteKind>,
    speaker: Option<Speaker>,
    cue: Option<String>,
    confidence: f32,
}

fn quote_last_token(q: &Quote) -> usize {
    if q.closed {
        q.close
    } else {
        q.close.saturating_sub(1).max(q.open)
    }
}

fn is_terminal(t: &Token) -> bool {
    matches!(
        t.kind,
        Kind::Punct('.') | Kind::Punct('!') | Kind::Punct('?')
    )
}

/// Runs the whole analysis.
pub(crate) fn run(text: &str, config: &Config) -> Analysis {
    let tokens = tokenize(text);
    let mut sents = sentences::split(text, &tokens);
    boilerplate::mark(text, &tokens, &mut sents);
    let found = quotes::find(text, &tokens);
    let v = View {
        text,
        tokens: &tokens,
        inside: &found.inside,
    };
    let sent_of = |tok: usize| sents.partition_point(|s| s.first <= tok).saturating_sub(1);
    let quotes = &found.quotes;
    let nq = quotes.len();
    // The sentence each quote opens in, found once: looking it up again in
    // every loop below was a binary search over all sentences each time.
    let mut walk = 0;
    let q_sent: Vec<usize> = quotes
        .iter()
        .map(|q| {
            // Quotes come in text order: walk forward (a search if not).
            if sents.get(walk).is_some_and(|s| s.first > q.open) {
                return sent_of(q.open);
            }
            while walk + 1 < sents.len() && sents[walk + 1].first <= q.open {
                walk += 1;
            }
            walk
        })
        .collect();

    let mut people = People::default();
    let mut keep = vec![true; nq];
    let mut q_speaker: Vec<Option<Speaker>> = vec![None; nq];
    let mut q_cue: Vec<Option<String>> = vec![None; nq];
    let mut q_attributed = vec![false; nq];
    let mut q_start: Vec<usize> = quotes.iter().map(|q| q.start).collect();
    let mut used = vec![false; tokens.len()];
    let mut raws: Vec<Raw> = Vec::new();
    let mut sent_speaker: Vec<Option<Speaker>> = vec![None; sents.len()];
    let mut sent_attributed = vec![false; sents.len()];
    let mut qi = 0;

    for (si, s) in sents.iter().enumerate() {
        if s.boilerplate {
            while qi < nq && quote_last_token(&quotes[qi]) < s.last {
                keep[qi] = false;
                qi += 1;
            }
            continue;
        }
        people.scan(&v, s.first, s.last);
        // Direct quotes that end in this sentence.
        while qi < nq && quote_last_token(&quotes[qi]) < s.last {
            let q = &quotes[qi];
            let last = quote_last_token(q);
            let floor = sents[q_sent[qi]].first;
            let ceil = s.last;
            let mut chosen: Option<(CueAt, bool)> = None;
            // `… the neighbourhood.” Russia insisted`: a quote whose last
            // sentence ends inside the marks ends the sentence, and a new
            // subject after it opens the next one.
            let closes_sentence =
                q.closed && q.close > q.open + 1 && tokens[q.close - 1].is_punct('.');
            // `,” he said`: a cue right after the closing mark.
            let mut i = last + 1;
            while i < ceil && i < last + 12 {
                if found.inside[i] != NONE || is_terminal(&tokens[i]) && i > last + 1 {
                    break;
                }
                if let Some(c) = reported::cue_at(&v, i, floor) {
                    let direct = (last + 1..i).all(|m| !tokens[m].is_word());
                    // `,” German Chancellor Ann Lee told`: only a speaker
                    // phrase may stand between the quote and its cue; "…,”
                    // but stopped short of calling" is another clause.
                    // "…,” the current Green presidential nominee said": up
                    // to two lowercase modifiers, each before a name or role.
                    let mut modifiers = 0;
                    let speaker_between = (last + 1..i).all(|m| {
                        let t = &tokens[m];
                        if !t.is_word()
                            || t.cap
                            || t.has(ROLE | GROUP | DET | NATION | TITLE | PRONOUN)
                        {
                            return true;
                        }
                        modifiers += 1;
                        let w = &text[t.start()..t.end()];
                        modifiers <= 2
                            && !t.has(FUNC | PREP | AUX | CUE | CONJ | NEG | WH | TIME)
                            && !w.ends_with("ing")
                            && w.chars().all(char::is_alphabetic)
                            && tokens
                                .get(m + 1)
                                .is_some_and(|n| n.is_word() && (n.cap || n.has(ROLE | NATION)))
                    });
                    // "… escapades.” Russia insisted that …" vs "…,” Lee said.":
                    // a cue that opens its own clause after a closed sentence.
                    let own_clause =
                        closes_sentence && tokens.get(c.last + 1).is_some_and(|t| t.is_word());
                    if direct || speaker_between && !own_clause {
                        chosen = Some((c, direct));
                    }
                    break;
                }
                i += 1;
            }
            // `Ann Lee said: “…”`, `Lee said it meant “war”`: a cue before.
            // "X said it meant “war”, according to the agency": the subject's
            // own cue wins over a source cited after the quote.
            if chosen.is_some_and(|(c, _)| c.according)
                && let Some(c) = (floor..q.open)
                    .rev()
                    .take(60)
                    .find_map(|i| reported::cue_at(&v, i, floor))
            {
                chosen = Some((c, false));
            }
            let from_after = chosen.is_some();
            // A short quote needs its cue close by: "X said the plan was
            // “a sham”", not a cue three clauses away.
            let short = !q.clause && q.words <= 4;
            let reach = if short { 25 } else { 60 };
            if chosen.is_none() {
                chosen = (floor..q.open)
                    .rev()
                    .take(reach)
                    .find_map(|i| reported::cue_at(&v, i, floor))
                    .map(|c| (c, false));
            }
            // `Ann Lee continued:` closing a paragraph introduces the quote
            // that opens the next one.
            let mut floor = floor;
            if chosen.is_none() && floor == q.open {
                let mut p = q.open;
                while p > 0 && tokens[p - 1].kind == Kind::Break {
                    p -= 1;
                }
                if p < q.open && p > 1 && tokens[p - 1].is_punct(':') {
                    let f = sents[sent_of(p - 1)].first;
                    if let Some(c) = (f..p - 1)
                        .rev()
                        .take(reach)
                        .find_map(|i| reported::cue_at(&v, i, f))
                    {
                        chosen = Some((c, false));
                        floor = f;
                    }
                }
            }
            if chosen.is_none() && !short {
                chosen = (last + 1..ceil.min(last + 60))
                    .find_map(|i| {
                        reported::cue_at(&v, i, floor).filter(|c| {
                            found.inside[i] == NONE
                                && !(closes_sentence
                                    && tokens.get(c.last + 1).is_some_and(|t| t.is_word()))
                        })
                    })
                    .map(|c| (c, false));
            }
            // `“PENCE: Well, …”`: a transcript speaker label opens the quote.
            let label_end = (q.open + 1..(q.open + 4).min(last)).find(|&m| tokens[m].is_punct(':'));
            if let Some(colon) = label_end {
                let label = &tokens[q.open + 1..colon];
                let caps = label.iter().all(|t| {
                    t.is_word() && !text[t.start()..t.end()].chars().any(char::is_lowercase)
                }) && label.iter().any(|t| {
                    text[t.start()..t.end()]
                        .chars()
                        .filter(|c| c.is_alphabetic())
                        .count()
                        > 1
                });
                if caps
                    && !label.is_empty()
                    && let Some(sp) = people.label(&v, q.open + 1, colon)
                {
                    if let Some(t) = tokens.get(colon + 1) {
                        q_start[qi] = t.start().min(q.end);
                    }
                    // The cue of a transcript line is its colon.
                    q_cue[qi] = Some(":".to_string());
                    q_attributed[qi] = true;
                    q_speaker[qi] = Some(sp);
                    qi += 1;
                    continue;
                }
            }
            // `”― Ann Lee.`: a dash and a name after the closing mark.
            let mut dash_speaker = None;
            if chosen.is_none()
                && tokens
                    .get(last + 1)
                    .is_some_and(|t| t.is_dash() && !t.is_punct('-'))
            {
                let mut lim = last + 2;
                while lim < tokens.len() && lim < last + 12 && tokens[lim].kind != Kind::Break {
                    lim += 1;
                }
                dash_speaker = people.right(&v, last + 2, lim);
            }
            // `Ann Lee scolded him: “…”`: a clause ending in a colon
            // introduces a quote, and its subject speaks.
            let mut colon_speaker = None;
            if chosen.is_none()
                && dash_speaker.is_none()
                && q.open > floor + 1
                && tokens[q.open - 1].is_punct(':')
                && !short
            {
                colon_speaker = people.clause_subject(&v, floor, q.open - 1);
            }
            // "Fox Morning Show", "Grand Plan": a short title-case phrase
            // is a name unless a cue follows it directly; "(laughter)" is a
            // stage direction.
            let content = &tokens[q.open + 1..last.max(q.open + 1)];
            let title = short
                && q.words >= 2
                && !from_after
                && content.iter().filter(|t| t.is_word()).all(|t| t.cap);
            let bracketed = content.first().is_some_and(|t| t.is_punct('('));
            // "an initiative called “strategic autonomy”": a name, not speech.
            // "what it called “a threat”" is speech, though.
            let naming_at = |p: usize| {
                tokens[p].has(NAMING)
                    && (text[tokens[p].start()..tokens[p].end()].eq_ignore_ascii_case("so-called")
                        || p == 0
                        || {
                            let b = &tokens[p - 1];
                            !(b.has(PRONOUN) || b.is_word() && b.cap)
                        })
            };
            let named = q.open > 0 && naming_at(q.open - 1)
                || q.open > 1
                    && tokens[q.open - 1].is_word()
                    && !tokens[q.open - 1].cap
                    && naming_at(q.open - 2);
            if let Some(sp) = dash_speaker {
                // The cue of a signed comment is its dash.
                q_cue[qi] =
                    Some(text[tokens[last + 1].start()..tokens[last + 1].end()].to_string());
                q_attributed[qi] = true;
                q_speaker[qi] = Some(sp);
            } else if let Some(sp) = colon_speaker {
                q_cue[qi] = Some(":".to_string());
                q_attributed[qi] = true;
                q_speaker[qi] = Some(sp);
            } else if (named && q.words <= 6)
                || title
                || bracketed
                || (short || q.single && !q.clause) && chosen.is_none()
            {
                keep[qi] = false;
            } else if let Some((c, direct)) = chosen {
                // A partial quote inside the reported clause ("X said the
                // plan was “chaotic” and …") leaves the cue free for the
                // reported speech around it.
                if c.at > last || q.clause {
                    used[c.at] = true;
                }
                let sfloor = if c.at > last { last + 1 } else { floor };
                let sp = reported::speaker_of(&mut people, &v, c, sfloor, ceil, direct);
                q_cue[qi] = Some(text[tokens[c.at].start()..tokens[c.last].end()].to_string());
                q_attributed[qi] = sp.is_some();
                q_speaker[qi] = sp;
            }
            qi += 1;
        }
        // Reported speech: an unused cue with a subject and content.
        let mut outside_words: Option<usize> = None;
        let mut quoted_sentence: Option<bool> = None;
        let mut i = s.first;
        while i < s.last {
            if used[i] {
                i += 1;
                continue;
            }
            let Some(c) = reported::cue_at(&v, i, s.first) else {
                i += 1;
                continue;
            };
            let sp = reported::speaker_of(&mut people, &v, c, s.first, s.last, false);
            if c.noun || !reported::introduces_clause(&v, c, s.last) {
                i = c.last + 1;
                continue;
            }
            if let Some(sp) = sp {
                // Counted once per sentence: a sentence of many cues must
                // not be rescanned for each.
                let outside = *outside_words.get_or_insert_with(|| {
                    reported::content_words(&v, s.first, s.last, (usize::MAX, 0))
                });
                let cue_words = (c.at..=c.last).filter(|&m| tokens[m].is_word()).count();
                let words = outside.saturating_sub(cue_words);
                let sp_words = tokens[s.first..s.last]
                    .iter()
                    .filter(|t| t.is_word() && t.start() >= sp.start && t.end() <= sp.end)
                    .count();
                let quoted = *quoted_sentence
                    .get_or_insert_with(|| (s.first..s.last).any(|m| found.inside[m] != NONE));
                if words >= sp_words + 3 {
                    used[c.at] = true;
                    let confidence = if c.according {
                        0.75
                    } else if c.noun {
                        0.5
                    } else if quoted {
                        0.6
                    } else {
                        0.7
                    };
                    sent_speaker[si] = Some(sp.clone());
                    sent_attributed[si] = true;
                    let (start, end) = (s.start, s.end);
                    raws.push(Raw {
                        label: Label::Quote,
                        start,
                        end,
                        kind: Some(QuoteKind::Reported),
                        speaker: Some(sp),
                        cue: Some(text[tokens[c.at].start()..tokens[c.last].end()].to_string()),
                        confidence,
                    });
                    break;
                }
            }
            i = c.last + 1;
        }
    }

    // Quotes without a cue: the speaker of the paragraph, or of the previous
    // paragraph when this one opens with the quote.
    let q_para: Vec<usize> = q_sent.iter().map(|&si| sents[si].paragraph).collect();
    for n in 0..nq {
        if !keep[n] || q_speaker[n].is_some() {
            continue;
        }
        let q = &quotes[n];
        let p = q_para[n];
        let prev_same = (0..n)
            .rev()
            .take(50)
            .take_while(|&m| q_para[m] == p)
            .find(|&m| keep[m] && q_attributed[m]);
        let next_same = (n + 1..nq)
            .take(50)
            .take_while(|&m| q_para[m] == p)
            .find(|&m| keep[m] && q_attributed[m]);
        let opens_paragraph = q.open == 0 || tokens[q.open - 1].kind == Kind::Break;
        let from_prev = if q.continues || opens_paragraph {
            (0..n)
                .rev()
                .take(50)
                .take_while(|&m| q_para[m] + 1 >= p)
                .find(|&m| keep[m] && q_speaker[m].is_some())
        } else {
            None
        };
        let source = if q.continues {
            from_prev.or(prev_same).or(next_same)
        } else {
            prev_same.or(next_same).or(from_prev)
        };
        if let Some(m) = source {
            q_speaker[n] = q_speaker[m].clone();
            q_cue[n] = q_cue[m].clone();
        }
    }
    for n in 0..nq {
        if !keep[n] {
            continue;
        }
        let q = &quotes[n];
        let mut confidence: f32 = match (&q_speaker[n], q_attributed[n]) {
            (Some(_), true) => 0.93,
            (Some(_), false) => 0.8,
            (None, _) => 0.6,
        };
        if !q.clause && q.words <= 4 {
            confidence -= 0.08;
        }
        if !q.closed && !q.continues {
            confidence *= 0.6;
        }
        raws.push(Raw {
            label: Label::Quote,
            start: q_start[n],
            end: q.end,
            kind: Some(QuoteKind::Direct),
            speaker: q_speaker[n].clone(),
            cue: q_cue[n].clone(),
            confidence,
        });
    }

    // Denials and claims, sentence by sentence.
    for (si, s) in sents.iter().enumerate() {
        if s.boilerplate {
            continue;
        }
        if let Some(c) = denials::find(text, &tokens, s.first, s.last) {
            let q = found.inside[c.first];
            let speaker = if q != NONE && keep[q as usize] {
                q_speaker[q as usize].clone()
            } else {
                sent_speaker[si]
                    .clone()
                    .or_else(|| people.left(&v, s.first, c.first))
            };
            raws.push(Raw {
                label: Label::Denial,
                start: s.start,
                end: s.end,
                kind: None,
                speaker,
                cue: Some(text[tokens[c.first].start()..tokens[c.last].end()].to_string()),
                confidence: 0.8,
            });
        }
        if config.claims {
            let quoted = (s.first..s.last).any(|m| {
                let q = found.inside[m];
                q != NONE && keep[q as usize] && q_speaker[q as usize].is_some()
            });
            if let Some(score) = claims::score(
                text,
                &tokens,
                s.first,
                s.last,
                sent_attributed[si] || quoted,
            ) {
                raws.push(Raw {
                    label: Label::Claim,
                    start: s.start,
                    end: s.end,
                    kind: None,
                    speaker: None,
                    cue: None,
                    confidence: score,
                });
            }
        }
    }

    finish(text, config, &sents, raws, found.diagnostics, &people)
}

fn finish(
    text: &str,
    config: &Config,
    sents: &[Sent],
    mut raws: Vec<Raw>,
    diagnostics: Vec<(usize, String)>,
    people: &People,
) -> Analysis {
    let mut cursor = Cursor {
        text,
        index: None,
        byte: 0,
        ch: 0,
    };
    let mut c = |b: usize| cursor.at(b);
    raws.retain(|r| r.confidence >= config.min_confidence && r.start < r.end);
    raws.sort_by_key(|a| (a.start, a.label, a.end));
    let sentences = sents
        .iter()
        .map(|s| Sentence {
            start: c(s.start),
            end: c(s.end),
            boilerplate: s.boilerplate,
            paragraph: s.paragraph,
        })
        .collect();
    // Suggestions are sorted by start: count again from the beginning.
    cursor.byte = 0;
    cursor.ch = 0;
    let mut c = |b: usize| cursor.at(b);
    // The sentence of each suggestion: the last one starting at or before
    // it, walked forward as the suggestions come in order.
    let mut si = 0;
    let suggestions = raws
        .into_iter()
        .map(|r| {
            while si + 1 < sents.len() && sents[si + 1].start <= r.start {
                si += 1;
            }
            let sentence = si;
            let (speaker, speaker_span) = match r.speaker {
                Some(sp) => {
                    let name = people
                        .display(&sp)
                        .or_else(|| people.fullest(&sp.name))
                        .unwrap_or(sp.name);
                    (
                        Some(name),
                        Some(Span {
                            start: c(sp.start),
                            end: c(sp.end),
                        }),
                    )
                }
                None => (None, None),
            };
            Suggestion {
                label: r.label,
                start: c(r.start),
                end: c(r.end),
                kind: r.kind,
                speaker,
                speaker_span,
                cue: r.cue,
                confidence: r.confidence.clamp(0.0, 1.0),
                sentence,
            }
        })
        .collect();
    let diagnostics = diagnostics
        .into_iter()
        .map(|(at, message)| Diagnostic { at: c(at), message })
        .collect();
    Analysis {
        sentences,
        suggestions,
        diagnostics,
    }
}
