//! Reducing an HTML page to the text of its article.
//!
//! The rule: drop what is never read (`<script>`, `<style>`, `<head>`,
//! `<noscript>`, `<template>`, `<svg>`, comments), turn block elements into
//! line breaks so paragraphs stay apart, decode character references, and
//! collapse runs of spaces. It is a tolerant scanner, not a validating
//! parser: broken markup yields text, never an error.
//!
//! ```
//! use hearsay_core::html::html_to_text;
//! let page = "<p>“Yes,” she said &amp; left.</p><script>alert(1)</script><p>Next</p>";
//! assert_eq!(html_to_text(page), "“Yes,” she said & left.\n\nNext");
//! ```

/// Elements whose whole content is dropped.
const SKIPPED: &[&str] = &[
    "script", "style", "head", "noscript", "template", "svg", "iframe", "object",
];

/// Elements that end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "figure",
    "figcaption",
    "table",
    "tr",
    "td",
    "th",
    "hr",
    "main",
    "aside",
    "nav",
    "pre",
    "dd",
    "dt",
    "dl",
    "title",
    "body",
    "html",
];

/// Returns the readable text of `html`, paragraphs separated by a blank line.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        push_text(&mut out, &rest[..lt]);
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |e| &after[e + 3..]);
            continue;
        }
        let Some(gt) = rest.find('>') else {
            // "<" with no ">" after it: plain text, as browsers show it.
            push_text(&mut out, rest);
            rest = "";
            break;
        };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if !closing && SKIPPED.contains(&name.as_str()) && !tag.ends_with('/') {
            rest = skip_element(rest, &name);
            continue;
        }
        if BLOCKS.contains(&name.as_str()) {
            if name == "br" {
                trim_end_spaces(&mut out);
                out.push('\n');
            } else {
                paragraph_break(&mut out);
            }
        }
    }
    push_text(&mut out, rest);
    let trimmed = out.trim();
    trimmed.to_owned()
}

/// Skips past the end tag of `name` (case-insensitive); all of `rest` if
/// there is none.
fn skip_element<'a>(rest: &'a str, name: &str) -> &'a str {
    let lower = rest.to_ascii_lowercase();
    let end_tag = format!("</{name}");
    match lower.find(&end_tag) {
        Some(at) => {
            let after = &rest[at..];
            after.find('>').map_or("", |gt| &after[gt + 1..])
        }
        None => "",
    }
}

fn trim_end_spaces(out: &mut String) {
    while out.ends_with(' ') {
        out.pop();
    }
}

fn paragraph_break(out: &mut String) {
    trim_end_spaces(out);
    if out.is_empty() || out.ends_with("\n\n") {
        return;
    }
    if out.ends_with('\n') {
        out.push('\n');
    } else {
        out.push_str("\n\n");
    }
}

/// Appends text with entities decoded and whitespace collapsed.
fn push_text(out: &mut String, text: &str) {
    let mut rest = text;
    while !rest.is_empty() {
        let (c, len) = if rest.starts_with('&') {
            decode_entity(rest).unwrap_or(('&', 1))
        } else {
            let c = rest.chars().next().unwrap_or(' ');
            (c, c.len_utf8())
        };
        rest = &rest[len..];
        if c.is_whitespace() && c != '\u{a0}' {
            if !(out.is_empty() || out.ends_with(' ') || out.ends_with('\n')) {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

/// Decodes the character reference at the start of `s`: returns the
/// character and the bytes it took, or `None` if it is not one.
fn decode_entity(s: &str) -> Option<(char, usize)> {
    let semi = s[..s.len().min(12)].find(';')?;
    let body = &s[1..semi];
    let c = if let Some(num) = body.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        char::from_u32(code)
            .filter(|&c| c != '\0')
            .unwrap_or('\u{fffd}')
    } else {
        match body {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => '\u{a0}',
            "lsquo" => '‘',
            "rsquo" => '’',
            "ldquo" => '“',
            "rdquo" => '”',
            "laquo" => '«',
            "raquo" => '»',
            "mdash" => '—',
            "ndash" => '–',
            "hellip" => '…',
            "eacute" => 'é',
            "egrave" => 'è',
            "copy" => '©',
            "euro" => '€',
            _ => return None,
        }
    };
    Some((c, semi + 1))
}

#[cfg(test)]
mod tests {
    use super::html_to_text;

    #[test]
    fn cases() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "drops_script_and_style",
                "<style>p{}</style><p>A</p><SCRIPT>x()</SCRIPT>B",
                "A\n\nB",
            ),
            (
                "decodes_numeric_and_named",
                "&#8220;Hi&#x201D; &rsquo;90s &amp;&nbsp;co",
                "“Hi” ’90s &\u{a0}co",
            ),
            ("keeps_unknown_entity", "AT&T &bogus; x", "AT&T &bogus; x"),
            (
                "br_is_a_line_break",
                "one<br>two<br/>three",
                "one\ntwo\nthree",
            ),
            ("collapses_spaces", "<p>  a \n  b  </p>", "a b"),
            (
                "comment_and_head",
                "<head><title>T</title></head><!-- c --><p>x</p>",
                "x",
            ),
            ("unclosed_tag_is_text", "a < b", "a < b"),
            (
                "handler_attributes_vanish",
                "<img src=x onerror=alert(1)>ok",
                "ok",
            ),
            ("unterminated_script", "<p>a</p><script>never ends", "a"),
        ];
        for (name, html, want) in cases {
            assert_eq!(html_to_text(html), *want, "{name}");
        }
    }
}
