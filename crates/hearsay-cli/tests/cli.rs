//! End-to-end tests of the `hearsay` binary.
//!
//! Tests of file handling use `--no-suggestions`, so they hold whatever the
//! extractor does; the test that runs the extractor checks the export's
//! consistency and that the text and HTML copies of one article give the
//! same quotes, each with a speaker.

mod common;

use std::fs;
use std::process::Command;

use common::{
    fails_with, hearsay, hearsay_into_closed_pipe, hearsay_with_stdin, oversized_file, scratch,
    stderr, stdout,
};
use hearsay_core::format::{Annotation, Document, Export, Origin, Status};
use hearsay_core::{CharIndex, Label, Sentence};

fn names(export: &Export) -> Vec<&str> {
    export.documents.iter().map(|d| d.name.as_str()).collect()
}

const ARTICLE: &str = "MOSCOW — “We have nothing to add,” Kremlin spokesman Dmitry Peskov told reporters on Tuesday.\n\nThe minister denied that any talks had taken place. Prices rose by 4% in May, according to the statistics office.\n";

#[test]
fn invalid_utf8_is_skipped_by_name_and_the_rest_exported() {
    let dir = scratch("utf8");
    fs::write(dir.join("good.txt"), "Plain words.\n").unwrap();
    fs::write(dir.join("bad.txt"), b"seventeen bytes!!\xff rest").unwrap();
    let out = hearsay(
        &dir,
        &[
            "extract",
            "--no-suggestions",
            "-o",
            "out.json",
            "good.txt",
            "bad.txt",
            "missing.txt",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("hearsay: skipping bad.txt: not valid UTF-8 (byte 17)"),
        "{err}"
    );
    assert!(err.contains("hearsay: skipping missing.txt:"), "{err}");
    let export = Export::parse(&fs::read_to_string(dir.join("out.json")).unwrap()).unwrap();
    assert_eq!(names(&export), ["good.txt"]);
    assert_eq!(export.documents[0].id, "d1");
    assert_eq!(export.documents[0].text, "Plain words.\n");
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn directories_are_searched_recursively_for_text_files_in_order() {
    let dir = scratch("recurse");
    fs::create_dir_all(dir.join("corpus/sub/deeper")).unwrap();
    fs::write(dir.join("corpus/b.txt"), "B.").unwrap();
    fs::write(dir.join("corpus/a.md"), "A.").unwrap();
    fs::write(dir.join("corpus/sub/c.html"), "<p>C.</p>").unwrap();
    fs::write(dir.join("corpus/sub/deeper/d.HTM"), "<p>D.</p>").unwrap();
    fs::write(dir.join("corpus/sub/skip.json"), "{}").unwrap();
    fs::write(dir.join("corpus/sub/skip.pdf"), "%PDF").unwrap();
    fs::write(dir.join("corpus/noext"), "no").unwrap();
    let out = hearsay(&dir, &["extract", "--no-suggestions", "corpus"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let export = Export::parse(&stdout(&out)).unwrap();
    assert_eq!(names(&export), ["a.md", "b.txt", "c.html", "d.HTM"]);
    let ids: Vec<&str> = export.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["d1", "d2", "d3", "d4"]);
    assert_eq!(export.documents[2].text, "C.");
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn html_is_reduced_to_text() {
    let dir = scratch("html");
    fs::write(
        dir.join("page.html"),
        "<!DOCTYPE html><html><head><title>Title</title><style>p { color: red }</style></head>\
         <body><script>var secret = \"do not export\";</script>\
         <h1>Talks &amp; denials</h1><p>&#8220;No,&#8221; she said. It&rsquo;s over.</p></body></html>",
    )
    .unwrap();
    let out = hearsay(&dir, &["extract", "--no-suggestions", "page.html"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let export = Export::parse(&stdout(&out)).unwrap();
    let text = &export.documents[0].text;
    assert!(
        !text.contains("secret") && !text.contains("color"),
        "{text:?}"
    );
    assert!(!text.contains('<') && !text.contains("&amp;"), "{text:?}");
    assert!(text.contains("Talks & denials"), "{text:?}");
    assert!(text.contains("“No,” she said. It’s over."), "{text:?}");
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn stdin_is_read_as_a_document_named_stdin() {
    let dir = scratch("stdin");
    let out = hearsay_with_stdin(
        &dir,
        &["extract", "--no-suggestions", "--format", "json", "-"],
        "Piped “text”.".into(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let export = Export::parse(&stdout(&out)).unwrap();
    assert_eq!(names(&export), ["stdin"]);
    assert_eq!(export.documents[0].text, "Piped “text”.");
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn usage_errors_exit_2() {
    let dir = scratch("usage");
    for (args, want) in [
        (
            &["extract"][..],
            "required arguments were not provided:\n  <PATH>...",
        ),
        (&[], "Usage: hearsay <COMMAND>"),
        (&["frobnicate"], "unrecognized subcommand 'frobnicate'"),
        (
            &["extract", "--format", "xml", "a.txt"],
            "invalid value 'xml' for '--format <FORMAT>'\n  [possible values: json, jsonl]",
        ),
        (
            &["extract", "-o"],
            "a value is required for '--output <FILE>'",
        ),
        (
            &["score", "one.json"],
            "2 values required by '<EXPORT.json> <EXPORT.json>...'; only 1 was provided",
        ),
    ] {
        let out = hearsay(&dir, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains(want), "{args:?}: {}", stderr(&out));
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    // The help lists every command; each command has its own.
    let out = hearsay(&dir, &["--help"]);
    assert_eq!(out.status.code(), Some(0));
    let help = stdout(&out);
    for command in ["extract", "score", "convert"] {
        assert!(help.contains(&format!("\n  {command} ")), "{help}");
    }
    for (command, option) in [
        ("extract", "--no-suggestions"),
        ("score", "--json"),
        ("convert", "--from <FORMAT>"),
    ] {
        let out = hearsay(&dir, &[command, "--help"]);
        assert_eq!(out.status.code(), Some(0), "{command}");
        let help = stdout(&out);
        assert!(
            help.contains(&format!("Usage: hearsay {command} ")) && help.contains(option),
            "{help}"
        );
    }
    let out = hearsay(&dir, &["--version"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout(&out),
        format!("hearsay {}\n", env!("CARGO_PKG_VERSION"))
    );
    let _ = fs::remove_dir_all(&dir);
}

/// A small hand-annotated export.
fn gold() -> Export {
    let text = "“We will not resign,” the mayor said. Turnout was 61%.\nNobody else spoke.";
    let index = CharIndex::new(text);
    let ann = |id: &str, label, start, end, speaker: Option<&str>| Annotation {
        speaker: speaker.map(String::from),
        ..Annotation::new(id, label, start, end, index.slice(start, end))
    };
    let sentence = |start, end, paragraph| Sentence {
        start,
        end,
        boilerplate: false,
        paragraph,
    };
    Export::new(vec![Document {
        models: None,
        annotators: Vec::new(),
        id: "g1".into(),
        name: "mayor.txt".into(),
        text: text.into(),
        sentences: vec![sentence(0, 37, 0), sentence(38, 54, 0), sentence(55, 73, 1)],
        annotations: vec![
            ann("a1", Label::Quote, 1, 19, Some("the mayor")),
            ann("a2", Label::Denial, 1, 19, None),
            ann("a3", Label::Claim, 38, 54, None),
        ],
    }])
}

#[test]
fn an_export_scored_against_itself_agrees_perfectly() {
    let dir = scratch("score-self");
    let export = gold();
    assert_eq!(
        export.documents[0].annotations[0].text,
        "We will not resign"
    );
    assert_eq!(
        CharIndex::new(&export.documents[0].text).slice(38, 54),
        "Turnout was 61%."
    );
    fs::write(dir.join("gold.json"), export.to_json()).unwrap();
    let out = hearsay(&dir, &["score", "gold.json", "gold.json", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let result: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(result["documents"], 1);
    for label in result["labels"].as_array().unwrap() {
        assert_eq!(label["f1"], 1.0, "{label}");
        assert_eq!(label["kappa"], 1.0, "{label}");
    }
    assert_eq!(result["overall"]["f1"], 1.0);
    assert_eq!(result["overall"]["kappa"], 1.0);
    let out = hearsay(&dir, &["score", "gold.json", "gold.json"]);
    assert_eq!(out.status.code(), Some(0));
    let table = stdout(&out);
    assert!(
        table.contains("quote") && table.contains("1.000"),
        "{table}"
    );
    let _ = fs::remove_dir_all(&dir);
}

/// `gold()` as another annotator saw it: without `drop` annotations, with
/// the quote's speaker renamed when given.
fn annotator(drop: &[&str], speaker: Option<&str>) -> Export {
    let mut export = gold();
    let doc = &mut export.documents[0];
    doc.annotations.retain(|a| !drop.contains(&a.id.as_str()));
    if let Some(name) = speaker {
        doc.annotations[0].speaker = Some(name.into());
    }
    export
}

#[test]
fn three_annotators_give_team_figures_per_label() {
    let dir = scratch("score-team");
    fs::write(dir.join("ann.json"), annotator(&[], None).to_json()).unwrap();
    // Bo left out the claim; Cy the denial and named another speaker.
    fs::write(dir.join("bo.json"), annotator(&["a3"], None).to_json()).unwrap();
    fs::write(
        dir.join("cy.json"),
        annotator(&["a2"], Some("Dan Ross")).to_json(),
    )
    .unwrap();
    let out = hearsay(&dir, &["score", "--json", "ann.json", "bo.json", "cy.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let result: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        result["annotators"],
        serde_json::json!(["ann.json", "bo.json", "cy.json"])
    );
    assert_eq!(result["sentences"], 3);
    let label = |name: &str| {
        result["labels"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["label"] == name)
            .unwrap()
            .clone()
    };
    // Everyone marked the quote: perfect. The claim and the denial have
    // one dissent each in three sentences.
    assert_eq!(label("quote")["fleiss_kappa"], 1.0);
    assert_eq!(label("quote")["alpha"], 1.0);
    assert_eq!(label("quote")["span_f1"], 1.0);
    assert_eq!(label("quote")["exact_f1"], 1.0);
    // The claim's spans are the same where two annotators have one.
    assert_eq!(label("claim")["exact_f1"], label("claim")["span_f1"]);
    let kappa = label("claim")["fleiss_kappa"].as_f64().unwrap();
    assert!(kappa > 0.0 && kappa < 1.0, "{kappa}");
    assert_eq!(
        label("claim")["fleiss_kappa"],
        label("denial")["fleiss_kappa"]
    );
    // Pairs: (ann, bo) and (bo, cy) miss one claim each, (ann, cy) none.
    let f1 = label("claim")["span_f1"].as_f64().unwrap();
    assert!((f1 - 1.0 / 3.0).abs() < 1e-9, "{f1}");
    // Speakers: two of the three pairs disagree on the quote's speaker.
    let speaker = result["speaker"].as_f64().unwrap();
    assert!((speaker - 1.0 / 3.0).abs() < 1e-9, "{speaker}");
    assert_eq!(result["pairs"].as_array().unwrap().len(), 3);
    let table = stdout(&hearsay(&dir, &["score", "ann.json", "bo.json", "cy.json"]));
    assert!(
        table.contains("fleiss_kappa")
            && table.contains("exact_f1")
            && table.contains("3 annotators"),
        "{table}"
    );
    // Two files keep today's shape and gain the team figures.
    let out = hearsay(&dir, &["score", "--json", "ann.json", "bo.json"]);
    let result: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let claim = &result["labels"][1];
    assert_eq!(claim["label"], "claim");
    assert_eq!(claim["recall"], 0.0);
    assert!(
        claim["fleiss_kappa"].is_number() && result["alpha"].is_number(),
        "{result}"
    );
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn team_scoring_refuses_other_texts_and_a_single_file() {
    let dir = scratch("score-team-bad");
    fs::write(dir.join("ann.json"), annotator(&[], None).to_json()).unwrap();
    let mut other = gold();
    other.documents[0].text = other.documents[0].text.replace("spoke", "spake");
    fs::write(dir.join("bo.json"), other.to_json()).unwrap();
    let out = hearsay(&dir, &["score", "ann.json", "bo.json", "ann.json"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("\"mayor.txt\" has another text in bo.json"),
        "{err}"
    );
    assert!(stdout(&out).is_empty());
    let out = hearsay(&dir, &["score", "ann.json"]);
    assert_eq!(out.status.code(), Some(2));
    // Exports that name their annotator are called so; two of one name
    // cannot be told apart.
    for (file, who) in [("x.json", "Ana"), ("y.json", "Ana"), ("z.json", "Bo")] {
        let mut export = annotator(&[], None);
        export.annotator = Some(who.into());
        fs::write(dir.join(file), export.to_json()).unwrap();
    }
    let out = hearsay(&dir, &["score", "--json", "x.json", "z.json", "ann.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let result: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        result["annotators"],
        serde_json::json!(["Ana", "Bo", "ann.json"])
    );
    let out = hearsay(&dir, &["score", "x.json", "y.json", "z.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("two annotators are both called \"Ana\""),
        "{}",
        stderr(&out)
    );
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn malformed_score_input_names_the_file_and_the_record() {
    let dir = scratch("score-bad");
    fs::write(dir.join("gold.json"), gold().to_json()).unwrap();
    let mut bad = gold();
    bad.documents[0].annotations[2].end = 500;
    fs::write(dir.join("bad.json"), serde_json::to_string(&bad).unwrap()).unwrap();
    fs::write(dir.join("junk.json"), "{\"format\": \"hearsay\", ").unwrap();
    let out = hearsay(&dir, &["score", "gold.json", "bad.json"]);
    fails_with(
        &out,
        "bad.json: document 1 (\"mayor.txt\"), annotation \"a3\": end 500 is past the end of the text (73 code points)",
    );
    let out = hearsay(&dir, &["score", "junk.json", "gold.json"]);
    fails_with(&out, "junk.json: not a hearsay export");
    assert!(stderr(&out).contains("line 1"), "{}", stderr(&out));
    let out = hearsay(&dir, &["score", "gold.json", "absent.json"]);
    fails_with(&out, "absent.json:");
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn extraction_output_is_a_consistent_export() {
    let dir = scratch("extract");
    fs::create_dir_all(dir.join("news")).unwrap();
    fs::write(dir.join("news/kremlin.txt"), ARTICLE).unwrap();
    fs::write(
        dir.join("news/page.html"),
        format!(
            "<html><body><p>{}</p></body></html>",
            ARTICLE.replace('\n', "</p><p>")
        ),
    )
    .unwrap();
    let out = hearsay(&dir, &["extract", "-o", "out.json", "news"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json = fs::read_to_string(dir.join("out.json")).unwrap();
    let export = Export::parse(&json).unwrap(); // validates every slice
    assert_eq!(names(&export), ["kremlin.txt", "page.html"]);
    for doc in &export.documents {
        let index = CharIndex::new(&doc.text);
        for a in &doc.annotations {
            assert_eq!(a.text, index.slice(a.start, a.end));
            assert_eq!((a.origin, a.status), (Origin::Extractor, Status::Suggested));
        }
    }
    assert_eq!(export.to_json().trim_end(), json.trim_end());
    // The text and the HTML page hold the same article: the same quotes,
    // each with a speaker.
    let quotes = |doc: &Document| -> Vec<(String, Option<String>)> {
        doc.annotations
            .iter()
            .filter(|a| a.label == Label::Quote)
            .map(|a| (a.text.clone(), a.speaker.clone()))
            .collect()
    };
    let from_text = quotes(&export.documents[0]);
    assert!(
        !from_text.is_empty(),
        "no quote found in the sample article"
    );
    assert!(
        from_text.iter().all(|(_, speaker)| speaker.is_some()),
        "{from_text:?}"
    );
    assert_eq!(from_text, quotes(&export.documents[1]));

    // JSONL: one parsable line per sentence.
    let out = hearsay(&dir, &["extract", "--format=jsonl", "news/kremlin.txt"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), export.documents[0].sentences.len());
    assert!(lines.iter().all(|l| l["document"] == "kremlin.txt"));

    // The extractor agrees with itself.
    let out = hearsay(&dir, &["score", "out.json", "out.json", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let result: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(result["documents"], 2);
    for label in result["labels"].as_array().unwrap() {
        if label["reference"].as_u64() > Some(0) {
            assert_eq!(label["f1"], 1.0, "{label}");
        }
    }
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn oversized_files_are_refused_unread() {
    let dir = scratch("big");
    oversized_file(&dir.join("big.txt"));
    fs::write(dir.join("small.txt"), "Small.").unwrap();
    let out = hearsay(
        &dir,
        &["extract", "--no-suggestions", "big.txt", "small.txt"],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("hearsay: skipping big.txt: too large (65.0 MiB; the limit is 64 MiB)"),
        "{err}"
    );
    let export = Export::parse(&stdout(&out)).unwrap();
    assert_eq!(names(&export), ["small.txt"]);
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn standard_input_over_the_limit_is_refused() {
    let dir = scratch("stdin-big");
    // One byte over 64 MiB; the CLI may stop reading there.
    let input = vec![b'a'; 64 * 1024 * 1024 + 1];
    let out = hearsay_with_stdin(&dir, &["extract", "--no-suggestions", "-"], input);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("hearsay: skipping stdin: too large (over the limit of 64 MiB)"),
        "{}",
        stderr(&out)
    );
    let export = Export::parse(&stdout(&out)).unwrap();
    assert!(export.documents.is_empty());
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn output_files_appear_whole_and_special_files_are_written_in_place() {
    let dir = scratch("sink");
    fs::write(dir.join("a.txt"), "“Fine,” said Ana Ruiz.").unwrap();
    fs::write(dir.join("out.json"), "an older export").unwrap();
    let out = hearsay(&dir, &["extract", "-o", "out.json", "a.txt"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let export = Export::parse(&fs::read_to_string(dir.join("out.json")).unwrap()).unwrap();
    assert_eq!(names(&export), ["a.txt"]);
    // Written under a temporary name and renamed: nothing else is left.
    let mut left: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, ["a.txt", "out.json"]);

    // A device is written to, not replaced by a file.
    let out = hearsay(&dir, &["extract", "-o", "/dev/null", "a.txt"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    use std::os::unix::fs::FileTypeExt;
    assert!(
        fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );

    // A folder that does not exist: a clear message, nothing created.
    let out = hearsay(&dir, &["extract", "-o", "nowhere/out.json", "a.txt"]);
    fails_with(&out, "hearsay: cannot write nowhere/out.json:");
    assert!(!dir.join("nowhere").exists());

    // A reader that stops early (`| head`) is no error and no panic.
    let out = hearsay_into_closed_pipe(&dir, &["extract", "a.txt", "a.txt", "a.txt", "a.txt"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_file_name_that_is_not_utf8_is_named_not_a_panic() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = scratch("latin1");
    fs::create_dir_all(dir.join("news")).unwrap();
    let name = OsStr::from_bytes(b"caf\xe9.txt");
    fs::write(dir.join("news").join(name), "“Fine,” said Ana Ruiz.").unwrap();
    // As an argument: a clear message and exit 2.
    let out = Command::new(env!("CARGO_BIN_EXE_hearsay"))
        .arg("extract")
        .arg(std::path::Path::new("news").join(name))
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("is not valid UTF-8") && !err.contains("panicked"),
        "{err}"
    );
    // Inside a folder given as the argument: read, named with U+FFFD.
    let out = hearsay(&dir, &["extract", "news"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let export = Export::parse(&stdout(&out)).unwrap();
    assert_eq!(names(&export), ["caf\u{fffd}.txt"]);
    let _ = fs::remove_dir_all(&dir);
}

const RUIZ_MONDAY: &str =
    "“Nothing can be ruled out on the pension reform,” Finance Minister Ana Ruiz said on Monday.\n";
const RUIZ_MADRID: &str =
    "“Nothing should be excluded on the reform of pensions,” Ana Ruiz told reporters in Madrid.\n";

#[test]
fn two_files_reporting_one_statement_share_it() {
    let dir = scratch("statements");
    fs::write(dir.join("a.txt"), RUIZ_MONDAY).unwrap();
    fs::write(dir.join("b.txt"), RUIZ_MADRID).unwrap();
    let out = hearsay(&dir, &["extract", "-o", "out.json", "a.txt", "b.txt"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let export = Export::parse(&fs::read_to_string(dir.join("out.json")).unwrap()).unwrap();
    assert_eq!(export.statements.len(), 1, "{:?}", export.statements);
    let s = &export.statements[0];
    assert_eq!(s.speaker, "Ana Ruiz");
    let documents: Vec<&str> = s.members.iter().map(|m| m.document.as_str()).collect();
    assert!(
        documents.contains(&"d1") && documents.contains(&"d2"),
        "{documents:?}"
    );
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn one_file_has_no_statements_field() {
    let dir = scratch("statements-one");
    fs::write(dir.join("a.txt"), RUIZ_MONDAY).unwrap();
    let out = hearsay(&dir, &["extract", "a.txt"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stdout(&out).contains("\"statements\""), "{}", stdout(&out));
    let _ = fs::remove_dir_all(&dir);
}
