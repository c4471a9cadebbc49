//! A team's annotation guidelines: plain text with light formatting, read
//! into blocks the page draws as text (never as HTML).
//!
//! - `# Title` and `## Section` are headings;
//! - `- item` and `* item` are list items (a run of them is one list);
//! - other lines are text, a blank line ending a paragraph.
//!
//! ```
//! use hearsay_web::guidelines::{Block, blocks};
//!
//! let read = blocks("# Quotes\nMark the words only.\n\n- not the marks\n- not the cue");
//! assert_eq!(read, vec![
//!     Block::Heading(1, "Quotes".into()),
//!     Block::Text("Mark the words only.".into()),
//!     Block::List(vec!["not the marks".into(), "not the cue".into()]),
//! ]);
//! ```

/// One block of the guidelines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A heading: level 1 (`#`) or 2 (`##` and deeper).
    Heading(u8, String),
    /// A list, one string per item.
    List(Vec<String>),
    /// A paragraph, its lines joined by spaces.
    Text(String),
}

/// The blocks of `text`, in order.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut open_text = false;
    for line in text.lines().map(str::trim) {
        let hashes = line.len() - line.trim_start_matches('#').len();
        if hashes > 0 && line[hashes..].starts_with(' ') {
            out.push(Block::Heading(
                hashes.min(2) as u8,
                line[hashes..].trim().to_owned(),
            ));
            open_text = false;
        } else if let Some(item) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")) {
            match out.last_mut() {
                Some(Block::List(items)) if !open_text => items.push(item.trim().to_owned()),
                _ => out.push(Block::List(vec![item.trim().to_owned()])),
            }
            open_text = false;
        } else if line.is_empty() {
            open_text = false;
            // A blank line also ends a list.
            if matches!(out.last(), Some(Block::List(_))) {
                out.push(Block::Text(String::new()));
            }
        } else {
            match out.last_mut() {
                Some(Block::Text(t)) if open_text => {
                    t.push(' ');
                    t.push_str(line);
                }
                _ => out.push(Block::Text(line.to_owned())),
            }
            open_text = true;
        }
    }
    out.retain(|b| *b != Block::Text(String::new()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_lists_and_paragraphs() {
        let text = "# Guide\n## Speakers\nName the person,\nnot the pronoun.\n\nSecond paragraph.\n- one\n* two\n\n- three\n### Deep\n#nospace";
        assert_eq!(
            blocks(text),
            vec![
                Block::Heading(1, "Guide".into()),
                Block::Heading(2, "Speakers".into()),
                Block::Text("Name the person, not the pronoun.".into()),
                Block::Text("Second paragraph.".into()),
                Block::List(vec!["one".into(), "two".into()]),
                Block::List(vec!["three".into()]),
                Block::Heading(2, "Deep".into()),
                Block::Text("#nospace".into()),
            ]
        );
    }

    #[test]
    fn markup_stays_text() {
        let b = blocks("<script>alert(1)</script>\n- <b>bold</b>");
        assert_eq!(
            b,
            vec![
                Block::Text("<script>alert(1)</script>".into()),
                Block::List(vec!["<b>bold</b>".into()]),
            ]
        );
        assert!(blocks("").is_empty());
        assert!(blocks("\n\n  \n").is_empty());
    }
}
