//! The shared scorer's matching (`../shared/eval/score.py`), in Rust, so a
//! training run can label the extractor's own suggestions the way the
//! figures are measured: a quote is right when it overlaps a gold fragment,
//! a speaker when it holds a gold head word. Kept line for line with the
//! Python: `norm`, `overlaps`, `speaker_ok`.

/// Quote marks, dashes and no-break spaces as the scorer folds them.
fn fold(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2039}' | '\u{203a}' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{ab}' | '\u{bb}' => '"',
        '\u{2013}' | '\u{2014}' => '-',
        '\u{a0}' => ' ',
        c => c,
    }
}

/// `norm`: folded, case-folded, quote marks removed, spaces collapsed,
/// stripped of ` ,.;:` at both ends.
pub fn norm(s: &str) -> String {
    let folded: String = s
        .chars()
        .map(fold)
        .flat_map(char::to_lowercase)
        .filter(|&c| c != '"' && c != '\'')
        .collect();
    let collapsed = folded.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed
        .trim_matches(|c: char| matches!(c, ' ' | ',' | '.' | ';' | ':'))
        .to_string()
}

/// The length of the longest common substring of `a` and `f`, in chars.
fn longest_common(a: &[char], f: &[char]) -> usize {
    let mut best = 0;
    let mut row = vec![0usize; f.len() + 1];
    for &x in a {
        let mut diagonal = 0;
        for (j, &y) in f.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if x == y { diagonal + 1 } else { 0 };
            best = best.max(row[j + 1]);
            diagonal = above;
        }
    }
    best
}

/// `overlaps(a, f)`: an annotation's normalised text `a` matches a
/// fragment `f` when one holds the other (a short annotation must not be a
/// scrap) or they share a run of half the fragment (8 to 40 chars).
pub fn overlaps(a: &str, f: &str) -> bool {
    if a.is_empty() || f.is_empty() {
        return false;
    }
    if a.contains(f) {
        return true;
    }
    let (ac, fc): (Vec<char>, Vec<char>) = (a.chars().collect(), f.chars().collect());
    if f.contains(a) {
        return ac.len() >= fc.len().min(8);
    }
    let need = 40.min(8.max(fc.len() / 2));
    longest_common(&ac, &fc) >= need
}

/// Whether `c` is a word character as Python's `\w` has it.
fn word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// `speaker_ok`: the predicted name, without a bracketed identification at
/// its end, holds one of `heads` as a whole word (case ignored).
pub fn speaker_ok(pred: Option<&str>, heads: &[String]) -> bool {
    let Some(pred) = pred else { return false };
    // `\s*\(.*\)\s*$`: from the first "(" when the name ends with ")".
    let trimmed = pred.trim_end();
    let name = match trimmed.find('(') {
        Some(k) if trimmed.ends_with(')') => trimmed[..k].trim_end(),
        _ => pred,
    };
    let name: Vec<char> = name
        .chars()
        .map(fold)
        .flat_map(char::to_lowercase)
        .collect();
    heads.iter().filter(|h| !h.is_empty()).any(|h| {
        let h: Vec<char> = h.chars().map(fold).flat_map(char::to_lowercase).collect();
        (0..name.len().saturating_sub(h.len() - 1)).any(|at| {
            name[at..at + h.len()] == h[..]
                && (at == 0 || !word_char(name[at - 1]))
                && name.get(at + h.len()).is_none_or(|&c| !word_char(c))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_like_the_python_scorer() {
        assert_eq!(norm("  “Hello,”  World. "), "hello, world");
        assert!(overlaps(&norm("the plan was dead"), &norm("plan was dead")));
        assert!(!overlaps("abc", "abcdefghijklmnop"));
        assert!(overlaps(
            "something completely different then a shared run of words here",
            "another start and then a shared run of words here too"
        ));
        let heads = vec!["Sato".to_string()];
        assert!(speaker_ok(Some("Sato’s assistant"), &heads));
        assert!(speaker_ok(Some("Mei Sato (coach)"), &heads));
        assert!(!speaker_ok(Some("the coach (Mei Sato)"), &heads));
        assert!(!speaker_ok(Some("Satori"), &heads));
        assert!(!speaker_ok(None, &heads));
    }
}
