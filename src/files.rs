//! Files in and out of the page: which reader takes each file a person
//! opens or drops, what becomes of it, and what each export writes.
//!
//! The page reads articles itself ([`EXTENSIONS`]: `.txt`, `.md`, `.html`,
//! `.htm`, and any name not listed there). Every data file (`.json`,
//! `.jsonl`, `.ann`, `.zip`) goes to [`interop::Source::guess`], which knows
//! the other tools' formats; a data file it does not claim is read as a
//! hearsay export. Plain Rust, tested natively: the browser only reads the
//! bytes and downloads the results.
//!
//! ```
//! use hearsay_web::files::{self, Intake};
//!
//! let read = vec![("a.txt".to_owned(), b"Plain text.".to_vec())];
//! let intakes = files::read_all(read);
//! assert!(matches!(&intakes[0], Ok(Intake::Article { name, .. }) if name == "a.txt"));
//! ```

use hearsay_core::format::{DocumentReview, Export, to_jsonl};
use hearsay_core::interop::{self, InputFile, Source, Target};

use crate::state::{Message, Workspace};

/// How the page reads a file, by the extension of its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    /// Article text as it is.
    Text,
    /// An HTML article, reduced to its text first.
    Html,
    /// Another tool's data or a hearsay export: [`Source::guess`] says which.
    Data,
}

/// The extensions the file picker offers, with their reader. A file of any
/// other extension is read as [`Reader::Text`].
pub const EXTENSIONS: [(&str, Reader); 8] = [
    ("txt", Reader::Text),
    ("md", Reader::Text),
    ("html", Reader::Html),
    ("htm", Reader::Html),
    ("json", Reader::Data),
    ("jsonl", Reader::Data),
    ("ann", Reader::Data),
    ("zip", Reader::Data),
];

/// The file picker's `accept` attribute: `.txt,.md,…`.
pub fn accept() -> String {
    EXTENSIONS
        .iter()
        .map(|(extension, _)| format!(".{extension}"))
        .collect::<Vec<_>>()
        .join(",")
}

/// The extension of `name`, lowercased, without the dot (empty if none).
fn extension(name: &str) -> String {
    name.rsplit_once('.')
        .map(|(_, extension)| extension.to_ascii_lowercase())
        .unwrap_or_default()
}

/// `name` without its extension.
fn stem(name: &str) -> &str {
    name.rsplit_once('.').map_or(name, |(stem, _)| stem)
}

/// The reader of a file named `name`.
pub fn reader(name: &str) -> Reader {
    let extension = extension(name);
    EXTENSIONS
        .iter()
        .find(|(known, _)| *known == extension)
        .map_or(Reader::Text, |&(_, reader)| reader)
}

/// Largest file the page reads at all, in bytes: an export or a zip may be
/// several times its texts, but a bigger file is refused before it is read
/// into memory.
pub const MAX_FILE_BYTES: f64 = 100_000_000.0;

/// Why a file of `size` bytes is refused unread, if it is.
pub fn file_too_large(name: &str, size: f64) -> Option<String> {
    (size > MAX_FILE_BYTES).then(|| {
        // Whole megabytes, written as integers: formatting a float would
        // add its code to the page's download.
        let mb = |bytes: f64| (bytes / 1e6).round() as u64;
        format!(
            "{name}: {} MB is more than the {} MB a file may have",
            mb(size),
            mb(MAX_FILE_BYTES)
        )
    })
}

/// A file read and checked, ready to be added to the workspace.
#[derive(Debug, Clone, PartialEq)]
pub enum Intake {
    /// Documents of an export: a hearsay file (`from` is `None`) or another
    /// tool's data converted.
    Export {
        /// The file's name (for brat, the names of its files).
        name: String,
        /// Its documents.
        export: Export,
        /// The tool that wrote it.
        from: Option<Source>,
    },
    /// An article's text, to be analysed.
    Article {
        /// The file's name.
        name: String,
        /// Its text (an HTML article's already reduced).
        text: String,
        /// The encoding it was decoded from, when not UTF-8 ([`decode`]).
        decoded: Option<&'static str>,
    },
}

/// Reads the files a person opened or dropped together, in order, each
/// into an [`Intake`] or the reason it is refused. The brat files among them
/// (a zip, or each `.ann` with the `.txt` of the same name) are read
/// together, first. Touches no workspace: a refused file changes nothing.
pub fn read_all(files: Vec<(String, Vec<u8>)>) -> Vec<Result<Intake, String>> {
    // brat pairs `x.ann` with `x.txt`; a `.txt` alone is an article.
    let ann_stems: Vec<String> = files
        .iter()
        .filter(|(name, _)| extension(name) == "ann")
        .map(|(name, _)| stem(name).to_owned())
        .collect();
    let mut brat = Vec::new();
    let mut singles = Vec::new();
    for (name, bytes) in files {
        let route = match reader(&name) {
            Reader::Text if ann_stems.iter().any(|s| s == stem(&name)) => Some(Source::Brat),
            Reader::Data => Source::guess(&name, &bytes),
            Reader::Text | Reader::Html => None,
        };
        match route {
            Some(Source::Brat) => brat.push((name, bytes)),
            _ => singles.push((name, bytes, route)),
        }
    }
    let brat = (!brat.is_empty()).then(|| read_brat(&brat));
    let singles = singles.into_iter().map(|(name, bytes, route)| match route {
        Some(source) => read_foreign(source, name, &bytes),
        None => read_text(name, bytes),
    });
    brat.into_iter().chain(singles).collect()
}

/// brat standoff: `.ann` files with their `.txt` partners, or zips.
fn read_brat(files: &[(String, Vec<u8>)]) -> Result<Intake, String> {
    let inputs: Vec<InputFile> = files
        .iter()
        .map(|(name, bytes)| InputFile { name, bytes })
        .collect();
    let name = files
        .iter()
        .map(|(name, _)| name.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    read_foreign_inputs(Source::Brat, name, &inputs)
}

/// One file of another tool (doccano JSONL, Label Studio JSON).
fn read_foreign(source: Source, name: String, bytes: &[u8]) -> Result<Intake, String> {
    let inputs = [InputFile { name: &name, bytes }];
    read_foreign_inputs(source, name.clone(), &inputs)
}

fn read_foreign_inputs(
    source: Source,
    name: String,
    inputs: &[InputFile],
) -> Result<Intake, String> {
    match interop::import(source, inputs) {
        Ok(export) => Ok(Intake::Export {
            name,
            export,
            from: Some(source),
        }),
        Err(e) => Err(format!("{name}: {e}")),
    }
}

/// An article, or a data file no other tool claims: a hearsay export.
fn read_text(name: String, bytes: Vec<u8>) -> Result<Intake, String> {
    let reader = reader(&name);
    let (text, decoded) = decode(bytes).map_err(|why| format!("{name}: {why}"))?;
    if text.contains('\0') {
        return Err(format!(
            "{name}: looks like a binary file (it contains NUL bytes)"
        ));
    }
    match reader {
        Reader::Data => match Export::parse(&text) {
            Ok(export) => Ok(Intake::Export {
                name,
                export,
                from: None,
            }),
            Err(e) => Err(format!("{name}: {e}")),
        },
        Reader::Html => Ok(Intake::Article {
            text: hearsay_core::html::html_to_text(&text),
            name,
            decoded,
        }),
        Reader::Text => Ok(Intake::Article {
            name,
            text,
            decoded,
        }),
    }
}

/// The code points of bytes 0x80 to 0x9F in Windows-1252 (the five it
/// leaves undefined stay C1 controls, as browsers decode them).
const WINDOWS_1252: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// A text file's bytes as text, and the encoding they were decoded from
/// when it is not UTF-8: a byte order mark says UTF-8 or UTF-16; UTF-16
/// without one is recognised by its zero bytes; any other bytes that are
/// not UTF-8 are read as Windows-1252, the usual encoding of older files.
/// (Plain `std` and one table: a general decoder would add its tables for
/// every encoding to the page's download.)
pub fn decode(bytes: Vec<u8>) -> Result<(String, Option<&'static str>), String> {
    let utf16 = |bytes: &[u8], little: bool, name: &'static str| {
        if !bytes.len().is_multiple_of(2) {
            return Err(format!("{name} text with an odd number of bytes"));
        }
        let units = bytes.chunks_exact(2).map(|p| {
            let pair = [p[0], p[1]];
            if little {
                u16::from_le_bytes(pair)
            } else {
                u16::from_be_bytes(pair)
            }
        });
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .map(|text| (text, Some(name)))
            .map_err(|_| format!("not valid {name} (an unpaired surrogate)"))
    };
    match bytes.as_slice() {
        [0xEF, 0xBB, 0xBF, rest @ ..] => {
            return String::from_utf8(rest.to_vec())
                .map(|text| (text, None))
                .map_err(|e| {
                    format!(
                        "marked as UTF-8 but invalid at byte {}",
                        e.utf8_error().valid_up_to() + 3
                    )
                });
        }
        [0xFF, 0xFE, rest @ ..] => return utf16(rest, true, "UTF-16LE"),
        [0xFE, 0xFF, rest @ ..] => return utf16(rest, false, "UTF-16BE"),
        _ => {}
    }
    // UTF-16 without a mark: most characters of a Latin text have a zero
    // byte, on the odd side (little-endian) or the even side (big-endian).
    let zeros = |parity: usize| {
        bytes
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let half = bytes.len() / 2;
    if bytes.len() >= 4 && bytes.len().is_multiple_of(2) {
        let (even, odd) = (zeros(0), zeros(1));
        if odd * 10 >= half * 4 && even == 0 {
            return utf16(&bytes, true, "UTF-16LE");
        }
        if even * 10 >= half * 4 && odd == 0 {
            return utf16(&bytes, false, "UTF-16BE");
        }
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok((text, None)),
        Err(e) => {
            let text = e
                .into_bytes()
                .into_iter()
                .map(|b| match b {
                    0x80..=0x9F => WINDOWS_1252[usize::from(b - 0x80)],
                    _ => char::from(b),
                })
                .collect();
            Ok((text, Some("Windows-1252")))
        }
    }
}

/// Adds what each intake holds to `ws`, in order, and says what became of
/// it; a refusal passes through. Call it only when some intake is `Ok`, so
/// that a drop of refused files changes (and saves) nothing.
///
/// A text already open (the same SHA-256) is not added again, and the
/// outcome says so. The first document added is opened.
pub fn add_all(
    ws: &mut Workspace,
    intakes: Vec<Result<Intake, String>>,
) -> Vec<Result<String, String>> {
    let mut first: Option<String> = None;
    let outcomes = intakes
        .into_iter()
        .map(|intake| {
            let on_screen = |ws: &Workspace| ws.doc().map(|d| d.doc.id.clone());
            let before = on_screen(ws);
            let outcome = intake.and_then(|intake| add(ws, intake));
            // Adding makes the new document current; nothing else does.
            if first.is_none() && on_screen(ws) != before {
                first = on_screen(ws);
            }
            outcome
        })
        .collect();
    if let Some(id) = first {
        ws.select_id(&id);
    }
    outcomes
}

fn add(ws: &mut Workspace, intake: Intake) -> Result<String, String> {
    let added = match intake {
        Intake::Export {
            name,
            mut export,
            from,
        } => {
            let n = export.documents.len();
            export
                .documents
                .retain(|d| ws.already_open(&d.text).is_none());
            let open = n - export.documents.len();
            if export.documents.is_empty() && open > 0 {
                return Ok(format!("{name}: already open, not added again"));
            }
            ws.add_export(&name, export).map(|n| {
                let what = match from {
                    Some(source) => format!("imported from {}", source.as_str()),
                    None => "restored".to_owned(),
                };
                let skipped = if open > 0 {
                    format!(" ({open} already open, not added again)")
                } else {
                    String::new()
                };
                format!("{name}: {n} document(s) {what}{skipped}")
            })
        }
        Intake::Article {
            name,
            text,
            decoded,
        } => {
            return add_article(ws, &name, &text, decoded);
        }
    };
    added.map_err(|e| e.to_string())
}

/// Adds an article (opened, dropped or pasted), unless its text is
/// already open; says which, and the encoding it was `decoded` from
/// ([`decode`]) when it was not UTF-8.
pub fn add_article(
    ws: &mut Workspace,
    name: &str,
    text: &str,
    decoded: Option<&str>,
) -> Result<String, String> {
    if let Some(open) = ws.already_open(text) {
        return Ok(format!("{name}: already open as {open}, not added again"));
    }
    ws.add_text(name, text)
        .map(|_| match decoded {
            Some(from) => format!("{name}: added, decoded from {from}: it is not UTF-8"),
            None => format!("{name}: added"),
        })
        .map_err(|e| e.to_string())
}

/// One message for a whole import: what was added, then what was refused
/// and why; an error if anything was refused.
pub fn report(outcomes: Vec<Result<String, String>>) -> Message {
    let (added, refused): (Vec<_>, Vec<_>) = outcomes.into_iter().partition(Result::is_ok);
    let error = !refused.is_empty();
    let text = added
        .into_iter()
        .flatten()
        .chain(
            refused
                .into_iter()
                .filter_map(Result::err)
                .map(|why| format!("refused: {why}")),
        )
        .collect::<Vec<_>>()
        .join("; ");
    if error {
        Message::error(text)
    } else {
        Message::info(text)
    }
}

/// What an export button writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// The hearsay JSON export.
    Json,
    /// One line per sentence, for training.
    Jsonl,
    /// Another tool's format: what people decided.
    Other(Target),
    /// Another tool's format as pre-annotations: the suggestions too, for
    /// review in that tool (only targets with
    /// [`Target::has_pre_annotations`]).
    PreAnnotations(Target),
}

impl ExportFormat {
    /// The value of the page's export menu entry: the target's name, or
    /// `pre:` and the name for pre-annotations.
    pub fn menu_value(self) -> Option<String> {
        match self {
            ExportFormat::Other(t) => Some(t.as_str().to_owned()),
            ExportFormat::PreAnnotations(t) => Some(format!("pre:{}", t.as_str())),
            ExportFormat::Json | ExportFormat::Jsonl => None,
        }
    }

    /// Parses [`ExportFormat::menu_value`]; `None` for anything else
    /// (pre-annotations of a target that has none included).
    pub fn from_menu_value(value: &str) -> Option<ExportFormat> {
        match value.strip_prefix("pre:") {
            Some(name) => Target::from_name(name)
                .filter(|t| t.has_pre_annotations())
                .map(ExportFormat::PreAnnotations),
            None => Target::from_name(value).map(ExportFormat::Other),
        }
    }
}

/// A team's exports, for [`hearsay_core::agreement::gather`]: each file must be a
/// hearsay JSON export; its annotator is the export's `annotator`, else the
/// file's name without its extension. The first file refused is named.
pub fn read_team(files: Vec<(String, Vec<u8>)>) -> Result<Vec<(String, Export)>, String> {
    files
        .into_iter()
        .map(|(name, bytes)| {
            let text = String::from_utf8(bytes)
                .map_err(|_| format!("{name}: is not UTF-8 text, so not a hearsay export"))?;
            let export = Export::parse(&text).map_err(|e| format!("{name}: {e}"))?;
            let annotator = match export.annotator.as_deref().map(str::trim) {
                Some(a) if !a.is_empty() => a.to_owned(),
                _ => stem(&name).to_owned(),
            };
            Ok((annotator, export))
        })
        .collect()
}

/// A file to download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Download {
    /// Its name.
    pub name: String,
    /// Its media type.
    pub mime: &'static str,
    /// Its contents.
    pub bytes: Vec<u8>,
    /// What the person should know of it: the documents a decisions
    /// export left out because nobody reviewed them.
    pub note: Option<String>,
}

/// The note of a decisions export of `target`: how many documents nobody
/// reviewed were left out, and where their suggestions can be had.
fn left_out_note(export: &Export, target: Target) -> Option<String> {
    if !target.has_pre_annotations() {
        return None;
    }
    let n = export
        .documents
        .iter()
        .filter(|d| d.review() == DocumentReview::Unreviewed)
        .count();
    (n > 0).then(|| {
        format!(
            "{}: {n} of {} documents have no decision in them and were left out (the \
             pre-annotations export has their suggestions)",
            target.title(),
            export.documents.len()
        )
    })
}

/// The whole workspace written as `format`; a hearsay export names
/// `annotator` when it is not blank.
pub fn export(ws: &Workspace, format: ExportFormat, annotator: &str) -> Download {
    let mut export = ws.export();
    let annotator = annotator.trim();
    export.annotator = (!annotator.is_empty()).then(|| annotator.to_owned());
    match format {
        ExportFormat::Json => Download {
            name: "hearsay-export.json".to_owned(),
            mime: "application/json",
            bytes: export.to_json().into_bytes(),
            note: None,
        },
        ExportFormat::Jsonl => Download {
            name: "hearsay-sentences.jsonl".to_owned(),
            mime: "application/jsonl",
            bytes: to_jsonl(&export).into_bytes(),
            note: None,
        },
        ExportFormat::Other(target) => Download {
            name: format!("hearsay-export.{}", target.extension()),
            mime: target.mime(),
            bytes: interop::export(&export, target).into_bytes(),
            note: left_out_note(&export, target),
        },
        ExportFormat::PreAnnotations(target) => Download {
            name: format!("hearsay-pre-annotations.{}", target.extension()),
            mime: target.mime(),
            bytes: interop::export_pre_annotations(&export, target)
                .unwrap_or_else(|| interop::export(&export, target))
                .into_bytes(),
            note: None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "“We will not sell the mill,” owner Rosa Klee said on Friday.";

    /// A second article, unlike [`ARTICLE`]: the same text is added once.
    const OTHER: &str = "“The ferry runs again,” operator Ivo Lind said.";

    /// The article open before each import of [`import`].
    const FIRST: &str = "The council met on Monday, its chair said.";

    fn file(name: &str, contents: impl Into<Vec<u8>>) -> (String, Vec<u8>) {
        (name.to_owned(), contents.into())
    }

    /// Imports `files` into a workspace holding one article; returns the
    /// message and the names of the documents.
    fn import(files: Vec<(String, Vec<u8>)>) -> (Message, Vec<String>) {
        let mut ws = Workspace::default();
        ws.add_text("first.txt", FIRST).unwrap();
        let outcomes = add_all(&mut ws, read_all(files));
        let names = ws.docs.iter().map(|d| d.doc.name.clone()).collect();
        (report(outcomes), names)
    }

    fn exported(format: ExportFormat) -> Vec<u8> {
        exported_of(format, ARTICLE)
    }

    /// An export of a workspace holding `text`, accepted.
    fn exported_of(format: ExportFormat, text: &str) -> Vec<u8> {
        let mut ws = Workspace::default();
        ws.add_text("mill.txt", text).unwrap();
        ws.accept();
        export(&ws, format, "").bytes
    }

    #[test]
    fn menu_values_name_decisions_and_pre_annotations() {
        for t in Target::ALL {
            let decisions = ExportFormat::Other(t);
            let value = decisions.menu_value().unwrap();
            assert_eq!(ExportFormat::from_menu_value(&value), Some(decisions));
            let pre = ExportFormat::PreAnnotations(t);
            let value = pre.menu_value().unwrap();
            let back = ExportFormat::from_menu_value(&value);
            assert_eq!(back, t.has_pre_annotations().then_some(pre), "{value}");
        }
        assert_eq!(ExportFormat::from_menu_value("pre:brat"), None);
        assert_eq!(ExportFormat::from_menu_value("nonsense"), None);
    }

    /// A workspace of two articles, the first reviewed in part.
    fn half_reviewed() -> Workspace {
        let mut ws = Workspace::default();
        ws.add_text("mill.txt", ARTICLE).unwrap();
        ws.accept();
        ws.add_text(
            "other.txt",
            "“The port stays shut,” harbour chief Lea Marsh said.",
        )
        .unwrap();
        ws
    }

    #[test]
    fn doccano_export_leaves_out_the_unreviewed_article_and_says_so() {
        let download = export(&half_reviewed(), ExportFormat::Other(Target::Doccano), "");
        let text = String::from_utf8(download.bytes).unwrap();
        assert_eq!(text.lines().count(), 1);
        assert!(text.contains("mill.txt") && !text.contains("other.txt"));
        assert_eq!(
            download.note.as_deref(),
            Some(
                "doccano (JSONL): 1 of 2 documents have no decision in them and were left out \
                 (the pre-annotations export has their suggestions)"
            )
        );
    }

    #[test]
    fn pre_annotations_hold_every_article_and_are_named_so() {
        let download = export(
            &half_reviewed(),
            ExportFormat::PreAnnotations(Target::Doccano),
            "",
        );
        assert_eq!(download.name, "hearsay-pre-annotations.jsonl");
        let text = String::from_utf8(download.bytes).unwrap();
        assert!(text.contains("mill.txt") && text.contains("other.txt"));
        assert_eq!(download.note, None);
    }

    #[test]
    fn picker_accepts_the_known_extensions() {
        assert_eq!(accept(), ".txt,.md,.html,.htm,.json,.jsonl,.ann,.zip");
    }

    #[test]
    fn readers_by_extension_in_any_case() {
        assert_eq!(reader("a.TXT"), Reader::Text);
        assert_eq!(reader("notes"), Reader::Text);
        assert_eq!(reader("a.csv"), Reader::Text);
        assert_eq!(reader("page.Htm"), Reader::Html);
        assert_eq!(reader("data.JSONL"), Reader::Data);
    }

    #[test]
    fn text_and_markdown_are_added_as_articles() {
        let (message, names) = import(vec![file("a.txt", ARTICLE), file("b.md", OTHER)]);
        assert_eq!(message, Message::info("a.txt: added; b.md: added"));
        assert_eq!(names, ["first.txt", "a.txt", "b.md"]);
    }

    #[test]
    fn html_is_reduced_to_its_text() {
        let mut ws = Workspace::default();
        let html =
            "<p>&ldquo;Prices will fall,&rdquo; analyst Ben Otto said.</p><script>bad()</script>";
        add_all(&mut ws, read_all(vec![file("page.html", html)]));
        let text = &ws.doc().unwrap().doc.text;
        assert!(
            text.contains("“Prices will fall,” analyst Ben Otto said."),
            "{text}"
        );
        assert!(!text.contains("bad()"), "{text}");
    }

    #[test]
    fn hearsay_export_is_restored() {
        let json = exported(ExportFormat::Json);
        let (message, names) = import(vec![file("export.json", json)]);
        assert_eq!(
            message,
            Message::info("export.json: 1 document(s) restored")
        );
        assert_eq!(names, ["first.txt", "mill.txt"]);
    }

    #[test]
    fn other_tools_files_are_recognised_by_interop() {
        let doccano = exported(ExportFormat::Other(Target::Doccano));
        let studio = exported_of(ExportFormat::Other(Target::LabelStudio), OTHER);
        let (message, names) = import(vec![file("d.jsonl", doccano), file("ls.json", studio)]);
        assert_eq!(
            message,
            Message::info(
                "d.jsonl: 1 document(s) imported from doccano; ls.json: 1 document(s) imported from label-studio"
            )
        );
        assert_eq!(names.len(), 3);
    }

    #[test]
    fn brat_zip_and_pairs_are_read_together_first() {
        let zip = exported(ExportFormat::Other(Target::Brat));
        let (message, names) = import(vec![
            file("plain.txt", OTHER),
            file("x.ann", ""),
            file("x.txt", ARTICLE),
            file("b.zip", zip),
        ]);
        assert_eq!(
            message,
            Message::info(
                "x.ann, x.txt, b.zip: 2 document(s) imported from brat; plain.txt: added"
            )
        );
        assert_eq!(names.len(), 4);
    }

    #[test]
    fn refused_files_say_why_after_what_was_added() {
        let (message, names) = import(vec![
            file(
                "bad.json",
                "{\"format\": \"hearsay\", \"version\": \"one\"}",
            ),
            file("ok.txt", ARTICLE),
            file("binary.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec()),
            file("nul.txt", "a\0b"),
            file("empty.txt", "  "),
        ]);
        assert!(message.error);
        let parts: Vec<&str> = message.text.split("; ").collect();
        assert_eq!(parts[0], "ok.txt: added");
        assert!(parts[1].starts_with("refused: bad.json: "), "{parts:?}");
        assert_eq!(
            parts[2],
            "refused: binary.txt: looks like a binary file (it contains NUL bytes)"
        );
        assert_eq!(
            parts[3],
            "refused: nul.txt: looks like a binary file (it contains NUL bytes)"
        );
        assert_eq!(parts[4], "refused: empty.txt: the text is empty");
        assert_eq!(names, ["first.txt", "ok.txt"]);
    }

    #[test]
    fn a_file_refused_while_reading_touches_no_workspace() {
        let intakes = read_all(vec![file(
            "foreign.json",
            "[{\"text\": \"doccano?\", \"label\": []}]",
        )]);
        assert!(intakes.iter().all(Result::is_err), "{intakes:?}");
    }

    #[test]
    fn files_over_the_limit_are_refused_unread_with_their_size() {
        assert_eq!(file_too_large("a.json", 99_000_000.0), None);
        assert_eq!(
            file_too_large("b.zip", 250_400_000.0).as_deref(),
            Some("b.zip: 250 MB is more than the 100 MB a file may have")
        );
    }

    #[test]
    fn an_export_names_its_annotator_when_one_is_given() {
        let mut ws = Workspace::default();
        ws.add_text("mill.txt", ARTICLE).unwrap();
        let read = |annotator| {
            let bytes = export(&ws, ExportFormat::Json, annotator).bytes;
            Export::parse(std::str::from_utf8(&bytes).unwrap())
                .unwrap()
                .annotator
        };
        assert_eq!(read(" Ada "), Some("Ada".to_owned()));
        assert_eq!(read("  "), None);
    }

    #[test]
    fn a_team_is_read_from_hearsay_exports_named_by_annotator_or_file() {
        let mut ws = Workspace::default();
        ws.add_text("mill.txt", ARTICLE).unwrap();
        let json = |annotator| export(&ws, ExportFormat::Json, annotator).bytes;
        let team = read_team(vec![
            file("one.json", json("Ada")),
            file("bo.json", json("")),
        ])
        .unwrap();
        let names: Vec<&str> = team.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Ada", "bo"]);
        let refused = read_team(vec![file("one.json", json("Ada")), file("x.json", "{}")]);
        assert!(refused.unwrap_err().starts_with("x.json: "));
        let binary = read_team(vec![file("y.json", vec![0xff, 0xfe])]);
        assert!(binary.unwrap_err().contains("not UTF-8"));
    }

    #[test]
    fn exports_are_named_and_typed_by_format() {
        let ws = Workspace::default();
        let named = |format| {
            let d = export(&ws, format, "");
            (d.name, d.mime)
        };
        assert_eq!(
            named(ExportFormat::Json),
            ("hearsay-export.json".to_owned(), "application/json")
        );
        assert_eq!(
            named(ExportFormat::Jsonl),
            ("hearsay-sentences.jsonl".to_owned(), "application/jsonl")
        );
        assert_eq!(
            named(ExportFormat::Other(Target::Brat)),
            ("hearsay-export.zip".to_owned(), "application/zip")
        );
    }

    #[test]
    fn an_article_already_open_is_not_added_again_and_the_message_says_so() {
        let (message, names) = import(vec![file("again.txt", FIRST)]);
        assert_eq!(names, ["first.txt"]);
        assert!(!message.error);
        assert_eq!(
            message.text,
            "again.txt: already open as first.txt, not added again"
        );
    }

    #[test]
    fn the_same_file_dropped_twice_at_once_is_added_once() {
        let (message, names) = import(vec![file("b.txt", OTHER), file("b.txt", OTHER)]);
        assert_eq!(names, ["first.txt", "b.txt"]);
        assert_eq!(
            message.text,
            "b.txt: added; b.txt: already open as b.txt, not added again"
        );
    }

    #[test]
    fn an_export_of_open_texts_adds_only_the_others() {
        let mut source = Workspace::default();
        source.add_text("again.txt", FIRST).unwrap();
        source
            .add_text("port.txt", "The port stays shut, Lea Marsh said.")
            .unwrap();
        let json = source.export().to_json();
        let (message, names) = import(vec![file("both.json", json.clone())]);
        assert_eq!(names, ["first.txt", "port.txt"]);
        assert_eq!(
            message.text,
            "both.json: 1 document(s) restored (1 already open, not added again)"
        );
        let mut ws = Workspace::default();
        ws.add_export("both.json", Export::parse(&json).unwrap())
            .unwrap();
        let outcomes = add_all(&mut ws, read_all(vec![file("both.json", json)]));
        assert_eq!(
            outcomes,
            [Ok("both.json: already open, not added again".to_owned())]
        );
        assert_eq!(ws.docs.len(), 2);
    }

    #[test]
    fn the_first_file_of_an_import_is_opened() {
        let (_, names) = import(vec![
            file("a.txt", "Alpha said the dam would hold."),
            file("b.txt", "Beta said it would not."),
        ]);
        assert_eq!(names, ["first.txt", "a.txt", "b.txt"]);
        let mut ws = Workspace::default();
        ws.add_text("first.txt", FIRST).unwrap();
        add_all(
            &mut ws,
            read_all(vec![
                file("a.txt", "Alpha said the dam would hold."),
                file("b.txt", "Beta said it would not."),
            ]),
        );
        assert_eq!(ws.doc().unwrap().doc.name, "a.txt");
    }

    #[test]
    fn opening_files_over_the_demo_takes_it_out_and_opens_the_first() {
        let mut ws = Workspace::default();
        ws.add_demo();
        add_all(
            &mut ws,
            read_all(vec![
                file("a.txt", "Alpha said the dam would hold."),
                file("b.txt", "Beta said it would not."),
            ]),
        );
        let names: Vec<&str> = ws.docs.iter().map(|d| d.doc.name.as_str()).collect();
        assert_eq!(names, ["a.txt", "b.txt"]);
        assert_eq!(ws.doc().unwrap().doc.name, "a.txt");
    }

    fn utf16(text: &str, little: bool, mark: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if mark {
            out.extend(if little { [0xFF, 0xFE] } else { [0xFE, 0xFF] });
        }
        for unit in text.encode_utf16() {
            out.extend(if little {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            });
        }
        out
    }

    #[test]
    fn utf8_is_read_as_it_is() {
        assert_eq!(
            decode("Zoë said so.".into()),
            Ok(("Zoë said so.".to_owned(), None))
        );
    }

    #[test]
    fn a_utf8_byte_order_mark_is_dropped() {
        let bytes = [&[0xEF, 0xBB, 0xBF][..], "Zoë said so.".as_bytes()].concat();
        assert_eq!(decode(bytes), Ok(("Zoë said so.".to_owned(), None)));
    }

    #[test]
    fn utf16_little_endian_with_its_mark_is_decoded() {
        let text = "“Non,” dit Zoë 🎉.";
        assert_eq!(
            decode(utf16(text, true, true)),
            Ok((text.to_owned(), Some("UTF-16LE")))
        );
    }

    #[test]
    fn utf16_big_endian_with_its_mark_is_decoded() {
        let text = "“Non,” dit Zoë.";
        assert_eq!(
            decode(utf16(text, false, true)),
            Ok((text.to_owned(), Some("UTF-16BE")))
        );
    }

    #[test]
    fn utf16_without_a_mark_is_recognised_by_its_zero_bytes() {
        let text = "The mayor said the bridge would open.";
        assert_eq!(
            decode(utf16(text, true, false)),
            Ok((text.to_owned(), Some("UTF-16LE")))
        );
        assert_eq!(
            decode(utf16(text, false, false)),
            Ok((text.to_owned(), Some("UTF-16BE")))
        );
    }

    #[test]
    fn an_unpaired_surrogate_in_utf16_is_refused() {
        let bytes = vec![0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00];
        assert_eq!(
            decode(bytes),
            Err("not valid UTF-16LE (an unpaired surrogate)".to_owned())
        );
    }

    #[test]
    fn bytes_that_are_not_utf8_are_read_as_windows_1252() {
        // “Café” – in Windows-1252: curly quotes 0x93/0x94, é 0xE9, en dash 0x96.
        let bytes = b"\x93Caf\xe9\x94 \x96 \x80 5".to_vec();
        assert_eq!(
            decode(bytes),
            Ok(("“Café” – € 5".to_owned(), Some("Windows-1252")))
        );
    }

    #[test]
    fn a_windows_1252_article_is_added_and_the_message_says_how_it_was_read() {
        let (message, names) = import(vec![file(
            "old.txt",
            b"\x93We stay,\x94 Ren\xe9 Aubry said.".to_vec(),
        )]);
        assert_eq!(names, ["first.txt", "old.txt"]);
        assert_eq!(
            message.text,
            "old.txt: added, decoded from Windows-1252: it is not UTF-8"
        );
    }
}
