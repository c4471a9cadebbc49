//! Unit tables of `state`: every decision, undo and redo, imports and
//! saving, natively.

use super::*;
use hearsay_core::CharIndex;
use hearsay_core::format::{Document, Origin};

const ARTICLE: &str = "Harbour plan stalls\n\nThe port authority rejected the new pier design on Tuesday. \
“We will not build a pier that floods every spring,” chair Lena Ortiz said. \
The weather was mild.";

fn workspace() -> Workspace {
    let mut ws = Workspace::default();
    ws.add_text("harbour.txt", ARTICLE).unwrap();
    ws
}

fn sentence_with(ws: &Workspace, needle: &str) -> usize {
    let d = ws.doc().unwrap();
    let index = CharIndex::new(&d.doc.text);
    (0..d.n_sentences())
        .find(|&i| {
            let s = d.doc.sentences[i];
            index.slice(s.start, s.end).contains(needle)
        })
        .unwrap_or_else(|| panic!("no sentence contains {needle:?}"))
}

#[test]
fn toggle_on_plain_sentence_adds_accepted_annotation_and_undo_removes_it() {
    let mut ws = workspace();
    let idx = sentence_with(&ws, "weather");
    ws.set_cursor(idx);
    let before = ws.doc().unwrap().doc.annotations.len();
    ws.toggle(Label::Claim);
    let d = ws.doc().unwrap();
    assert!(d.labels_of(idx).contains(&Label::Claim));
    assert_eq!(d.doc.annotations.len(), before + 1);
    let made = d
        .annotations_of(idx)
        .find(|a| a.origin == Origin::Annotator)
        .unwrap();
    assert_eq!(made.text, "The weather was mild.");
    assert!(ws.undo());
    assert!(!ws.doc().unwrap().labels_of(idx).contains(&Label::Claim));
    assert_eq!(ws.doc().unwrap().doc.annotations.len(), before);
    assert!(ws.redo());
    assert!(ws.doc().unwrap().labels_of(idx).contains(&Label::Claim));
}

#[test]
fn accept_then_reject_moves_suggestions_between_statuses() {
    let mut ws = workspace();
    let idx = sentence_with(&ws, "floods");
    ws.set_cursor(idx);
    let suggested = ws.doc().unwrap().suggested_of(idx);
    assert!(suggested.contains(&Label::Quote), "{suggested:?}");
    ws.accept();
    let d = ws.doc().unwrap();
    assert!(d.suggested_of(idx).is_empty());
    assert_eq!(d.labels_of(idx), suggested);
    assert_eq!(d.review_of(idx), Review::Accepted);
    ws.reject();
    let d = ws.doc().unwrap();
    assert!(d.labels_of(idx).is_empty());
    assert_eq!(d.review_of(idx), Review::Rejected);
    // Unlimited undo: back through both decisions.
    assert!(ws.undo() && ws.undo());
    assert_eq!(ws.doc().unwrap().suggested_of(idx), suggested);
    assert!(!ws.undo() || ws.undo_depth() == 0);
}

#[test]
fn speaker_edit_applies_to_quotes_of_the_sentence() {
    let mut ws = workspace();
    let idx = sentence_with(&ws, "floods");
    ws.set_cursor(idx);
    assert!(ws.set_speaker("  Lena M. Ortiz "));
    let d = ws.doc().unwrap();
    let quote = d
        .annotations_of(idx)
        .find(|a| a.label == Label::Quote)
        .unwrap();
    assert_eq!(quote.speaker.as_deref(), Some("Lena M. Ortiz"));
    assert_eq!(quote.status, Status::Accepted);
    assert!(d.speakers().contains(&"Lena M. Ortiz".to_owned()));
    let plain = sentence_with(&ws, "weather");
    ws.set_cursor(plain);
    assert!(!ws.set_speaker("Nobody"));
}

#[test]
fn the_speaker_editor_starts_from_the_current_speaker() {
    let mut ws = workspace();
    let idx = sentence_with(&ws, "floods");
    ws.set_cursor(idx);
    ws.set_speaker("Lena M. Ortiz");
    assert_eq!(ws.doc().unwrap().speaker_of(idx), Some("Lena M. Ortiz"));
}

#[test]
fn a_sentence_without_a_quote_has_no_speaker_to_start_from() {
    let ws = workspace();
    let plain = sentence_with(&ws, "weather");
    assert_eq!(ws.doc().unwrap().speaker_of(plain), None);
}

/// The first annotation of the document on screen that the person made.
fn made_by_the_person(ws: &Workspace) -> &Annotation {
    ws.doc()
        .unwrap()
        .doc
        .annotations
        .iter()
        .find(|a| a.origin == Origin::Annotator)
        .expect("the person made one")
}

#[test]
fn selection_span_keeps_exact_text_with_emoji() {
    let mut ws = Workspace::default();
    ws.add_text("e.txt", "Fans 🎉🇫🇷 cheered. “Go 👩‍👩‍👧 team,” a fan said.")
        .unwrap();
    // "🇫🇷 cheered" starts at code point 6.
    ws.add_span(Label::Quote, 6, 16);
    let made = made_by_the_person(&ws);
    assert_eq!(made.text, "🇫🇷 cheered");
    assert_eq!((made.start, made.end), (6, 16));
}

#[test]
fn export_round_trips_through_import() {
    let mut ws = workspace();
    ws.set_cursor(sentence_with(&ws, "floods"));
    ws.accept();
    let json = ws.export().to_json();
    let mut other = Workspace::default();
    assert_eq!(other.import_export("x.json", &json), Ok(1));
    assert_eq!(other.export(), ws.export());
}

#[test]
fn bad_import_changes_nothing() {
    let mut ws = workspace();
    let before = ws.clone();
    let err = ws
        .import_export("bad.json", "{\"format\": \"other\"}")
        .unwrap_err();
    assert!(err.to_string().starts_with("bad.json: "), "{err}");
    assert!(ws.import_export("empty.json", "").is_err());
    assert!(ws.add_text("blank.txt", "  \n ").is_err());
    assert_eq!(ws, before);
}

#[test]
fn oversized_document_inside_an_export_is_refused_and_nothing_added() {
    let mut ws = workspace();
    let before = ws.clone();
    let small = Document::from_analysis("d1", "small.txt", "Hi.", &Default::default());
    let huge = Document::from_analysis(
        "d2",
        "huge.txt",
        &"Word. ".repeat(MAX_TEXT_BYTES / 6 + 1),
        &Default::default(),
    );
    let err = ws
        .add_export("work.json", Export::new(vec![small, huge]))
        .unwrap_err();
    assert!(
        err.to_string().starts_with("work.json: ") && err.message.contains("16 MB a document"),
        "{err}"
    );
    assert_eq!(ws, before);
}

#[test]
fn oversized_text_is_refused_before_analysis() {
    let mut ws = workspace();
    let before = ws.clone();
    let huge = "Word. ".repeat(MAX_TEXT_BYTES / 6 + 1);
    let err = ws.add_text("huge.txt", &huge).unwrap_err();
    assert!(
        err.to_string().starts_with("huge.txt: ") && err.message.contains("MB"),
        "{err}"
    );
    assert_eq!(ws, before);
}

#[test]
fn imported_duplicate_document_gets_fresh_id() {
    let mut ws = workspace();
    let json = ws.export().to_json();
    ws.import_export("again.json", &json).unwrap();
    assert_eq!(ws.docs.len(), 2);
    assert_ne!(ws.docs[0].doc.id, ws.docs[1].doc.id);
}

#[test]
fn pending_changes_are_reported_once_and_restored_after_failure() {
    let mut ws = workspace();
    let pending = ws.take_pending();
    assert_eq!(pending.added.len(), 1);
    assert!(ws.take_pending().is_empty());
    ws.set_cursor(2);
    assert!(ws.take_pending().is_empty(), "moving rewrites no document");
    ws.toggle(Label::Denial);
    let pending = ws.take_pending();
    assert_eq!(pending.changed.len(), 1);
    ws.restore_pending(pending.clone());
    assert_eq!(ws.take_pending(), pending);
}

#[test]
fn base_plus_overlay_rebuilds_the_document() {
    let mut ws = workspace();
    let base = ws.doc().unwrap().doc.clone();
    ws.set_cursor(sentence_with(&ws, "floods"));
    ws.accept();
    ws.set_cursor(sentence_with(&ws, "weather"));
    ws.toggle(Label::Claim);
    ws.toggle(Label::Claim); // made and deleted again
    ws.toggle(Label::Quote);
    let d = ws.doc().unwrap();
    let overlay = d.overlay();
    assert!(overlay.len() >= 3, "{overlay:?}");
    assert!(
        overlay.iter().any(|(_, a)| a.is_none()),
        "the deleted claim"
    );
    let rebuilt = DocState::from_parts(base, overlay);
    assert_eq!(rebuilt.doc, d.doc);
}

#[test]
fn review_names_round_trip_and_anything_else_is_any_status() {
    for review in Review::ALL {
        assert_eq!(Review::parse(review.as_str()), Some(review));
    }
    assert_eq!(Review::parse(""), None);
    assert_eq!(Review::parse("Accepted"), None);
}

#[test]
fn rename_changes_the_name_saves_the_document_again_and_refuses_blank_names() {
    let mut ws = workspace();
    ws.take_pending();
    assert!(ws.rename_doc(0, "  Harbour story  "));
    assert_eq!(ws.doc().unwrap().doc.name, "Harbour story");
    assert_eq!(ws.export().documents[0].name, "Harbour story");
    let id = ws.doc().unwrap().doc.id.clone();
    assert!(ws.take_pending().added.contains(&id));
    assert!(!ws.rename_doc(0, "   "));
    assert!(!ws.rename_doc(0, &"x".repeat(201)));
    assert!(!ws.rename_doc(9, "nowhere"));
    assert_eq!(ws.doc().unwrap().doc.name, "Harbour story");
    assert!(ws.take_pending().is_empty());
}

#[test]
fn a_removed_document_comes_back_with_undo_and_goes_again_with_redo() {
    let mut ws = workspace();
    ws.add_text("second.txt", "“It floods,” Ann Lee said.")
        .unwrap();
    ws.select_doc(0);
    let idx = sentence_with(&ws, "weather");
    ws.set_cursor(idx);
    ws.toggle(Label::Claim);
    let before = ws.doc().unwrap().clone();
    let id = before.doc.id.clone();
    ws.take_pending();

    assert_eq!(ws.remove_doc(0).as_deref(), Some("harbour.txt"));
    assert_eq!(ws.docs.len(), 1);
    assert!(ws.take_pending().removed.contains(&id));

    assert!(ws.undo());
    assert_eq!(ws.docs.len(), 2);
    assert_eq!(ws.current, 0, "back in its place, and on screen");
    assert_eq!(ws.doc().unwrap().doc, before.doc);
    let pending = ws.take_pending();
    assert!(pending.added.contains(&id) && !pending.removed.contains(&id));
    // The decision made before the removal is still undoable.
    assert!(ws.undo());
    assert!(!ws.doc().unwrap().labels_of(idx).contains(&Label::Claim));
    assert!(ws.redo());
    assert!(ws.redo(), "redo removes it again");
    assert_eq!(ws.docs.len(), 1);
    assert_eq!(ws.docs[0].doc.name, "second.txt");
    assert!(ws.take_pending().removed.contains(&id));
    assert!(ws.remove_doc(5).is_none());
}

#[test]
fn progress_counts_suggestions_decided_and_leaves_out_the_persons_own() {
    let mut ws = workspace();
    let (decided, suggested) = ws.doc().unwrap().decided();
    assert_eq!(decided, 0);
    assert!(
        suggested >= 2,
        "the article has a quote and a denial suggested"
    );
    ws.set_cursor(sentence_with(&ws, "floods"));
    let open = ws
        .doc()
        .unwrap()
        .suggested_of(ws.doc().unwrap().cursor)
        .len();
    ws.accept();
    assert_eq!(ws.doc().unwrap().decided(), (open, suggested));
    // A label the person adds is no suggestion.
    ws.set_cursor(sentence_with(&ws, "weather"));
    ws.toggle(Label::Claim);
    assert_eq!(ws.doc().unwrap().decided(), (open, suggested));
    ws.add_text("second.txt", ARTICLE).unwrap();
    let [d, s, visited, sentences] = ws.totals();
    assert_eq!((d, s), (open, 2 * suggested));
    assert_eq!(
        visited,
        ws.docs.iter().map(|d| d.n_visited()).sum::<usize>()
    );
    assert_eq!(sentences, 2 * ws.docs[0].n_sentences());
}

#[test]
fn sentences_visited_are_counted_once_and_saved_as_runs() {
    let mut ws = workspace();
    let n = ws.doc().unwrap().n_sentences();
    assert!(n >= 3);
    // The first sentence is on screen from the start.
    assert_eq!(ws.doc().unwrap().n_visited(), 1);
    ws.set_cursor(2);
    ws.set_cursor(2);
    ws.set_cursor(0);
    let d = ws.doc().unwrap();
    assert_eq!(d.n_visited(), 2);
    assert_eq!(d.visited_runs(), vec![(0, 1), (2, 3)]);
    let mut again = DocState::new(d.doc.clone());
    again.visit_runs(&d.visited_runs());
    again.visit_runs(&[(1, 2), (n, n + 5)]);
    assert_eq!(again.n_visited(), 3);
    assert_eq!(again.visited_runs(), vec![(0, 3)]);
}

// ------------------------------------------------------------- learning

/// The shipped bundle, read as the page reads it.
fn shipped() -> hearsay_core::learn::Bundle {
    hearsay_core::learn::Bundle::read(include_bytes!(
        "../../crates/hearsay-core/models/hearsay.hsb"
    ))
    .unwrap()
}

/// Two paragraphs of one pattern, written for these tests.
const TWICE: &str = "“The bridge will close in May,” said Ines Baptiste, the mayor.\n\n\
    “The ferry will run all summer,” said Tom Achebe, the harbour master.\n";

fn learning(text: &str) -> Workspace {
    let mut ws = Workspace::default();
    ws.restore_models(shipped());
    ws.add_text("harbour.txt", text).unwrap();
    ws
}

/// The confidence of the quote suggested on sentence `idx`.
fn quote_confidence(ws: &Workspace, idx: usize) -> f32 {
    ws.doc()
        .unwrap()
        .annotations_of(idx)
        .find(|a| a.label == Label::Quote)
        .map(|a| a.confidence)
        .unwrap()
}

#[test]
fn a_document_records_the_models_that_scored_it() {
    let ws = learning(TWICE);
    assert_eq!(
        ws.doc().unwrap().doc.models.as_deref(),
        Some(shipped().id().as_str())
    );
}

#[test]
fn rejecting_a_quote_lowers_the_next_of_its_pattern_at_once() {
    let mut ws = learning(TWICE);
    let before = quote_confidence(&ws, 1);
    ws.set_cursor(0);
    ws.reject();
    assert!(quote_confidence(&ws, 1) < before);
    assert_eq!(ws.doc().unwrap().cursor, 0, "the cursor stays");
    assert_eq!(
        ws.doc().unwrap().doc.models.as_deref(),
        Some(ws.models().id())
    );
}

#[test]
fn undo_restores_the_models_byte_for_byte_and_the_suggestions() {
    let mut ws = learning(TWICE);
    let (models, doc) = (ws.models().bundle().write(), ws.doc().unwrap().doc.clone());
    ws.set_cursor(0);
    ws.reject();
    assert_ne!(ws.models().bundle().write(), models);
    assert!(ws.undo());
    assert_eq!(ws.models().bundle().write(), models);
    assert_eq!(ws.doc().unwrap().doc, doc);
}

#[test]
fn redo_teaches_the_decision_again() {
    let mut ws = learning(TWICE);
    ws.set_cursor(0);
    ws.reject();
    let learned = ws.models().bundle().write();
    ws.undo();
    ws.redo();
    assert_eq!(ws.models().bundle().write(), learned);
}

#[test]
fn a_decision_marks_the_models_for_saving() {
    let mut ws = learning(TWICE);
    ws.take_pending();
    ws.set_cursor(0);
    ws.accept();
    assert!(ws.take_pending().models);
}

#[test]
fn moving_the_cursor_teaches_nothing() {
    let mut ws = learning(TWICE);
    let id = ws.models().id().to_owned();
    ws.set_cursor(1);
    assert_eq!(ws.models().id(), id);
    assert!(!ws.take_pending().models);
}

#[test]
fn reset_learning_returns_to_the_shipped_models() {
    let mut ws = learning(TWICE);
    ws.set_cursor(0);
    ws.reject();
    ws.reset_learning();
    assert_eq!(ws.models().bundle().write(), shipped().write());
    assert_eq!(ws.models_status().lessons, 0);
}

#[test]
fn another_document_is_scored_again_when_its_turn_comes() {
    let mut ws = learning(TWICE);
    ws.add_text("ferry.txt", TWICE).unwrap();
    ws.select_doc(0);
    ws.set_cursor(0);
    ws.reject();
    assert_eq!(ws.models_status().stale, 1);
    let before = ws.docs[1].doc.annotations[1].confidence;
    while ws.rescore_step() {}
    assert_eq!(ws.models_status().stale, 0);
    assert!(ws.docs[1].doc.annotations[1].confidence < before);
    assert_eq!(ws.docs[1].doc.models.as_deref(), Some(ws.models().id()));
}

#[test]
fn a_document_no_model_scored_is_never_scored() {
    let mut ws = learning(TWICE);
    let mut other = Document::from_analysis("x", "other.txt", TWICE, &Default::default());
    other.sentences = hearsay_core::analyze(TWICE, &Config::default()).sentences;
    ws.add_export("other.json", Export::new(vec![other]))
        .unwrap();
    ws.select_doc(0);
    ws.set_cursor(0);
    ws.reject();
    while ws.rescore_step() {}
    assert!(ws.docs[1].doc.annotations.is_empty());
}

#[test]
fn scoring_again_never_touches_a_decision() {
    let mut ws = learning(TWICE);
    ws.set_cursor(1);
    ws.accept();
    let accepted = ws.doc().unwrap().doc.annotations[1].clone();
    ws.set_cursor(0);
    ws.reject();
    assert_eq!(ws.doc().unwrap().doc.annotations[1], accepted);
}

#[test]
fn an_imported_document_keeps_its_suggestions_until_the_models_change() {
    let mut ws = learning(TWICE);
    // An export made with other models: its suggestions stay as they are.
    let mut export = ws.export();
    export.documents[0].models = Some("0123456789abcdef".into());
    export.documents[0].annotations[0].confidence = 0.5;
    ws.add_export("theirs.json", export).unwrap();
    assert_eq!(ws.models_status().stale, 0);
    assert_eq!(ws.docs[1].doc.annotations[0].confidence, 0.5);
    assert_eq!(ws.docs[1].doc.models.as_deref(), Some("0123456789abcdef"));
    // A decision changes the models: now it is scored again.
    ws.select_doc(0);
    ws.set_cursor(0);
    ws.reject();
    while ws.rescore_step() {}
    assert_ne!(ws.docs[1].doc.annotations[0].confidence, 0.5);
    assert_eq!(ws.docs[1].doc.models.as_deref(), Some(ws.models().id()));
}

/// Over 64 KB of paragraphs of one pattern, written for these tests: long
/// enough to be scored again window by window.
fn long_text() -> String {
    let names = ["Ines Baptiste", "Tom Achebe", "Lena Fischer", "Omar Haddad"];
    let things = ["bridge", "ferry", "tunnel", "market", "library", "harbour"];
    let mut text = String::new();
    let mut i = 0;
    while text.len() <= hearsay_core::learn::WHOLE_TEXT_BYTES + 8 * 1024 {
        text.push_str(&format!(
            "“The {} will close in May,” said {}, the mayor.\n\n",
            things[i % things.len()],
            names[i % names.len()]
        ));
        i += 1;
    }
    text
}

#[test]
fn a_decision_on_a_long_document_scores_again_around_it_at_once_and_the_rest_when_idle() {
    let mut ws = learning(&long_text());
    let last = ws.doc().unwrap().n_sentences() - 1;
    let (near, far) = (quote_confidence(&ws, 1), quote_confidence(&ws, last));
    ws.set_cursor(0);
    ws.reject();
    assert!(
        quote_confidence(&ws, 1) < near,
        "next to the decision: at once"
    );
    assert_eq!(quote_confidence(&ws, last), far, "far from it: not yet");
    assert_eq!(ws.models_status().stale, 1);
    while ws.rescore_step() {}
    assert!(quote_confidence(&ws, last) < far, "once idle steps ran");
    assert_eq!(ws.models_status().stale, 0);
    assert_eq!(
        ws.doc().unwrap().doc.models.as_deref(),
        Some(ws.models().id())
    );
}

#[test]
fn undo_on_a_long_document_restores_the_models_and_every_suggestion() {
    let mut ws = learning(&long_text());
    let (models, doc) = (ws.models().bundle().write(), ws.doc().unwrap().doc.clone());
    ws.set_cursor(3);
    ws.accept();
    assert!(ws.undo());
    assert_eq!(ws.models().bundle().write(), models);
    assert_eq!(ws.doc().unwrap().doc, doc);
}

/// A workspace showing the demo, as on first open.
fn with_demo() -> Workspace {
    let mut ws = Workspace::default();
    ws.add_demo();
    ws
}

#[test]
fn the_demo_is_marked_as_the_demo() {
    let ws = with_demo();
    assert!(ws.doc().unwrap().is_demo());
    assert!(!workspace().doc().unwrap().is_demo());
}

#[test]
fn the_demo_leaves_when_the_person_adds_an_article() {
    let mut ws = with_demo();
    ws.add_text("harbour.txt", ARTICLE).unwrap();
    let names: Vec<&str> = ws.docs.iter().map(|d| d.doc.name.as_str()).collect();
    assert_eq!(names, ["harbour.txt"]);
    assert_eq!(ws.doc().unwrap().doc.name, "harbour.txt");
    // Out of storage too, at the next save.
    assert_eq!(ws.take_pending().removed.len(), 1);
}

#[test]
fn the_demo_leaves_when_the_person_opens_an_export() {
    let mut ws = with_demo();
    let export = workspace().export();
    assert_eq!(ws.add_export("mine.json", export), Ok(1));
    assert_eq!(ws.docs.len(), 1);
    assert_eq!(ws.doc().unwrap().doc.name, "harbour.txt");
}

#[test]
fn a_demo_the_person_decided_on_stays() {
    let mut ws = with_demo();
    ws.toggle(Label::Claim);
    ws.add_text("harbour.txt", ARTICLE).unwrap();
    assert_eq!(ws.docs.len(), 2);
    assert!(ws.docs[0].is_demo());
    assert_eq!(ws.doc().unwrap().doc.name, "harbour.txt");
}

#[test]
fn a_renamed_demo_is_the_persons_own() {
    let mut ws = with_demo();
    assert!(ws.rename_doc(0, "bridge.txt"));
    assert!(!ws.docs[0].is_demo());
    ws.add_text("harbour.txt", ARTICLE).unwrap();
    assert_eq!(ws.docs.len(), 2);
}

/// A workspace rebuilt, as after a reload, from the demo of `ws`: its
/// stored original (the demo as first added) and its saved changes.
fn reloaded_demo(ws: &Workspace) -> Workspace {
    let mut reloaded = Workspace::default();
    reloaded.docs.push(DocState::from_parts(
        with_demo().docs.remove(0).doc,
        ws.doc().unwrap().overlay(),
    ));
    reloaded
}

#[test]
fn a_decided_demo_is_still_kept_after_a_reload() {
    let mut ws = with_demo();
    ws.toggle(Label::Quote);
    let mut reloaded = reloaded_demo(&ws);
    reloaded.add_text("harbour.txt", ARTICLE).unwrap();
    assert_eq!(reloaded.docs.len(), 2);
}

#[test]
fn an_unchanged_demo_is_still_the_demo_after_a_reload() {
    let mut reloaded = reloaded_demo(&with_demo());
    assert!(reloaded.docs[0].is_demo());
    reloaded.add_text("harbour.txt", ARTICLE).unwrap();
    assert_eq!(reloaded.docs.len(), 1);
}

#[test]
fn an_open_text_is_found_by_its_contents_not_its_name() {
    let ws = workspace();
    assert_eq!(ws.already_open(ARTICLE), Some("harbour.txt"));
    assert_eq!(ws.already_open("Another text."), None);
    let longer = format!("{ARTICLE} ");
    assert_eq!(ws.already_open(&longer), None);
}

/// The demo-free workspace of `text`, and `start..end` snapped in it.
fn snapped(text: &str, start: usize, end: usize) -> String {
    let mut ws = Workspace::default();
    ws.add_text("t.txt", text).unwrap();
    let d = ws.doc().unwrap();
    let (start, end) = d.snap_to_words(start, end);
    d.index().slice(start, end).to_owned()
}

#[test]
fn a_selection_that_cuts_a_name_takes_the_whole_name() {
    // "Joost van Le" of "Joost van Leer".
    assert_eq!(
        snapped("Mayor Joost van Leer said so.", 6, 18),
        "Joost van Leer"
    );
}

#[test]
fn a_selection_that_starts_inside_a_word_takes_it_from_its_start() {
    assert_eq!(
        snapped("Mayor Joost van Leer said so.", 8, 20),
        "Joost van Leer"
    );
}

#[test]
fn spaces_at_the_ends_of_a_selection_are_left_out() {
    assert_eq!(
        snapped("Mayor Joost van Leer said so.", 5, 21),
        "Joost van Leer"
    );
}

#[test]
fn a_word_selected_whole_stays_as_it_is() {
    assert_eq!(snapped("Mayor Joost van Leer said so.", 6, 11), "Joost");
}

#[test]
fn punctuation_after_a_word_is_not_a_word() {
    assert_eq!(snapped("“We stay,” she said.", 1, 6), "We stay");
    assert_eq!(snapped("“We stay,” she said.", 1, 9), "We stay,");
}

#[test]
fn an_apostrophe_or_hyphen_inside_a_word_is_part_of_it() {
    assert_eq!(snapped("They don't agree.", 5, 8), "don't");
    assert_eq!(snapped("A far-reaching plan.", 2, 5), "far-reaching");
    assert_eq!(snapped("The mayor’s plan.", 4, 7), "mayor’s");
}

#[test]
fn a_closing_quote_mark_after_a_word_is_left_out() {
    assert_eq!(snapped("She said ‘no’ twice.", 10, 12), "no");
}

#[test]
fn snapping_counts_code_points_past_emoji() {
    assert_eq!(snapped("🎉🎉 Anna Berg won.", 3, 9), "Anna Berg");
}

#[test]
fn a_selection_of_spaces_only_is_empty() {
    let mut ws = Workspace::default();
    ws.add_text("t.txt", "One  two.").unwrap();
    let before = ws.doc().unwrap().doc.annotations.len();
    ws.add_span(Label::Quote, 3, 5);
    assert_eq!(ws.doc().unwrap().doc.annotations.len(), before);
}

#[test]
fn a_span_added_from_a_cut_selection_holds_whole_words() {
    let mut ws = Workspace::default();
    ws.add_text("t.txt", "Mayor Joost van Leer said so.")
        .unwrap();
    ws.add_span(Label::Quote, 6, 18);
    let made = made_by_the_person(&ws);
    assert_eq!(made.text, "Joost van Leer");
    assert_eq!((made.start, made.end), (6, 20));
}

#[test]
fn go_to_opens_the_document_at_the_sentence() {
    let mut ws = workspace();
    let idx = sentence_with(&ws, "floods");
    ws.add_text("second.txt", "One sentence here. Another one there.")
        .unwrap();
    ws.select_doc(1);
    ws.go_to(0, idx);
    assert_eq!(ws.current, 0);
    assert_eq!(ws.doc().unwrap().cursor, idx);
}

#[test]
fn go_to_a_missing_document_changes_nothing() {
    let mut ws = workspace();
    ws.set_cursor(1);
    ws.go_to(5, 0);
    assert_eq!(ws.current, 0);
    assert_eq!(ws.doc().unwrap().cursor, 1);
}
