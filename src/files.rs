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
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            return Err(format!(
                "{name}: not a text file (invalid UTF-8 at byte {})",
                e.utf8_error().valid_up_to()
            ));
        }
    };
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
        }),
        Reader::Text => Ok(Intake::Article { name, text }),
    }
}

/// Adds what each intake holds to `ws`, in order, and says what became of
/// it; a refusal passes through. Call it only when some intake is `Ok`, so
/// that a drop of refused files changes (and saves) nothing.
pub fn add_all(
    ws: &mut Workspace,
    intakes: Vec<Result<Intake, String>>,
) -> Vec<Result<String, String>> {
    intakes
        .into_iter()
        .map(|intake| intake.and_then(|intake| add(ws, intake)))
        .collect()
}

fn add(ws: &mut Workspace, intake: Intake) -> Result<String, String> {
    let added = match intake {
        Intake::Export { name, export, from } => ws.add_export(&name, export).map(|n| match from {
            Some(source) => {
                format!("{name}: {n} document(s) imported from {}", source.as_str())
            }
            None => format!("{name}: {n} document(s) restored"),
        }),
        Intake::Article { name, text } => {
            ws.add_text(&name, &text).map(|_| format!("{name}: added"))
        }
    };
    added.map_err(|e| e.to_string())
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

    fn file(name: &str, contents: impl Into<Vec<u8>>) -> (String, Vec<u8>) {
        (name.to_owned(), contents.into())
    }

    /// Imports `files` into a workspace holding one article; returns the
    /// message and the names of the documents.
    fn import(files: Vec<(String, Vec<u8>)>) -> (Message, Vec<String>) {
        let mut ws = Workspace::default();
        ws.add_text("first.txt", ARTICLE).unwrap();
        let outcomes = add_all(&mut ws, read_all(files));
        let names = ws.docs.iter().map(|d| d.doc.name.clone()).collect();
        (report(outcomes), names)
    }

    fn exported(format: ExportFormat) -> Vec<u8> {
        let mut ws = Workspace::default();
        ws.add_text("mill.txt", ARTICLE).unwrap();
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
        let (message, names) = import(vec![file("a.txt", ARTICLE), file("b.md", ARTICLE)]);
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
        let studio = exported(ExportFormat::Other(Target::LabelStudio));
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
            file("plain.txt", ARTICLE),
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
            file("binary.txt", b"\xff\xfe".to_vec()),
            file("nul.txt", "a\0b"),
            file("empty.txt", "  "),
        ]);
        assert!(message.error);
        let parts: Vec<&str> = message.text.split("; ").collect();
        assert_eq!(parts[0], "ok.txt: added");
        assert!(parts[1].starts_with("refused: bad.json: "), "{parts:?}");
        assert_eq!(
            parts[2],
            "refused: binary.txt: not a text file (invalid UTF-8 at byte 0)"
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
}
