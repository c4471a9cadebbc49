//! Component tests of the annotator in headless Chromium
//! (wasm-bindgen-test with `run_in_browser`; run by `make test`).
//!
//! Each test clears browser storage, mounts the whole `App` into a fresh
//! container and drives it through the DOM the way a person would.
#![cfg(target_arch = "wasm32")]

use hearsay_web::app::App;
use hearsay_web::storage::Db;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

struct Mounted {
    root: web_sys::HtmlElement,
    // Dropping the handle unmounts the app and removes its key listener.
    _handle: Box<dyn std::any::Any>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.root.remove();
    }
}

async fn mount() -> Mounted {
    // Let the saves of the previous test finish, then start from nothing.
    sleep(50).await;
    Db::open().await.unwrap().clear().await.unwrap();
    mount_over_storage().await
}

/// Mounts the app over whatever storage holds, as a reload does, and waits
/// until it has restored the work and drawn the current sentence.
async fn mount_over_storage() -> Mounted {
    let root: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    let handle = leptos::mount::mount_to(root.clone(), App);
    for _ in 0..100 {
        leptos::task::tick().await;
        if root
            .query_selector("[data-testid=sentence].current")
            .unwrap()
            .is_some()
        {
            break;
        }
        sleep(10).await;
    }
    Mounted {
        root,
        _handle: Box::new(handle),
    }
}

fn all(root: &web_sys::HtmlElement, selector: &str) -> Vec<web_sys::Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect()
}

fn one(root: &web_sys::HtmlElement, selector: &str) -> web_sys::Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

async fn press(key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    window().dispatch_event(&event).unwrap();
    leptos::task::tick().await;
}

fn current(root: &web_sys::HtmlElement) -> web_sys::Element {
    one(root, "[data-testid=sentence].current")
}

#[wasm_bindgen_test]
async fn demo_article_is_loaded_and_analysed() {
    let page = mount().await;
    assert_eq!(all(&page.root, "[data-testid=document-item]").len(), 1);
    let sentences = all(&page.root, "[data-testid=sentence]");
    assert!(sentences.len() >= 10, "only {} sentences", sentences.len());
    let suggested: Vec<String> = sentences
        .iter()
        .map(|s| s.get_attribute("data-suggested").unwrap_or_default())
        .collect();
    for label in ["quote", "denial", "claim"] {
        assert!(
            suggested.iter().any(|s| s.split(' ').any(|l| l == label)),
            "no {label} suggested in the demo: {suggested:?}"
        );
    }
    assert!(!all(&page.root, ".speaker-badge").is_empty());
    assert!(!all(&page.root, ".sentence.boilerplate").is_empty());
}

#[wasm_bindgen_test]
async fn keys_move_accept_reject_and_undo() {
    let page = mount().await;
    // Walk to the first sentence with a suggestion.
    for _ in 0..40 {
        if !current(&page.root)
            .get_attribute("data-suggested")
            .unwrap_or_default()
            .is_empty()
        {
            break;
        }
        press("j").await;
    }
    let row = current(&page.root);
    let suggested = row.get_attribute("data-suggested").unwrap();
    assert!(
        !suggested.is_empty(),
        "no suggestion found by walking with j"
    );
    let idx = row.get_attribute("data-idx").unwrap();
    press("a").await;
    let row = current(&page.root);
    assert_eq!(row.get_attribute("data-idx").unwrap(), idx);
    assert_eq!(row.get_attribute("data-labels").unwrap(), suggested);
    assert_eq!(row.get_attribute("data-suggested").unwrap(), "");
    press("u").await;
    let row = current(&page.root);
    assert_eq!(row.get_attribute("data-suggested").unwrap(), suggested);
    assert_eq!(row.get_attribute("data-labels").unwrap(), "");
    press("x").await;
    let row = current(&page.root);
    assert_eq!(row.get_attribute("data-labels").unwrap(), "");
    assert_eq!(row.get_attribute("data-suggested").unwrap(), "");
    // Toggling a label by hand on the same sentence.
    press("c").await;
    let labels = current(&page.root).get_attribute("data-labels").unwrap();
    assert!(labels.split(' ').any(|l| l == "claim"), "{labels}");
    press("k").await;
    assert_ne!(current(&page.root).get_attribute("data-idx").unwrap(), idx);
}

#[wasm_bindgen_test]
async fn pasted_markup_is_shown_as_text() {
    let page = mount().await;
    let area: web_sys::HtmlTextAreaElement =
        one(&page.root, "[data-testid=import-text]").unchecked_into();
    area.set_value("Officials said <script>alert(1)</script> and <img src=x onerror=alert(2)> were found. “We rejected it,” Ana Paz said.");
    area.dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    let submit: web_sys::HtmlElement =
        one(&page.root, "[data-testid=import-submit]").unchecked_into();
    submit.click();
    leptos::task::tick().await;
    // The untouched demo left when the pasted article came in.
    let items = all(&page.root, "[data-testid=document-item]");
    assert_eq!(items.len(), 1);
    assert!(items[0].text_content().unwrap().starts_with("pasted-1.txt"));
    let text = one(&page.root, "[data-testid=sentences]")
        .text_content()
        .unwrap();
    assert!(text.contains("<script>alert(1)</script>"), "{text}");
    assert!(text.contains("<img src=x onerror=alert(2)>"), "{text}");
    assert!(all(&page.root, "[data-testid=sentences] script").is_empty());
    assert!(all(&page.root, "[data-testid=sentences] img").is_empty());
}

#[wasm_bindgen_test]
async fn empty_paste_is_refused_with_a_message() {
    let page = mount().await;
    let submit: web_sys::HtmlElement =
        one(&page.root, "[data-testid=import-submit]").unchecked_into();
    submit.click();
    leptos::task::tick().await;
    assert_eq!(all(&page.root, "[data-testid=document-item]").len(), 1);
    let message = one(&page.root, "[data-testid=message]");
    assert!(message.class_list().contains("error"));
    assert!(message.text_content().unwrap().contains("empty"));
}

#[wasm_bindgen_test]
async fn key_guide_opens_and_closes() {
    let page = mount().await;
    assert!(all(&page.root, OPEN_GUIDE).is_empty());
    press("?").await;
    assert!(
        one(&page.root, "[data-testid=key-guide]")
            .text_content()
            .unwrap()
            .contains("undo")
    );
    press("Escape").await;
    assert!(all(&page.root, OPEN_GUIDE).is_empty());
}

/// The key guide while it is open (closed, it is hidden).
const OPEN_GUIDE: &str = "[data-testid=key-guide]:not([hidden])";

#[wasm_bindgen_test]
async fn action_bar_hint_and_guide_are_drawn_from_the_command_table() {
    use hearsay_web::commands::{COMMANDS, hint};
    let page = mount().await;
    assert_eq!(one(&page.root, ".hint").text_content().unwrap(), hint());
    for command in COMMANDS {
        let button = page
            .root
            .query_selector(&format!("[data-testid=action-{}]", command.name))
            .unwrap();
        match (command.button, button) {
            (Some(text), Some(button)) => {
                assert_eq!(button.text_content().unwrap(), text);
                assert_eq!(button.get_attribute("title").unwrap(), command.keys());
            }
            (None, None) => {}
            (wanted, found) => panic!("{}: button {wanted:?}, found {found:?}", command.name),
        }
    }
    press("?").await;
    let guide = all(&page.root, "[data-testid=key-guide] tr");
    assert_eq!(guide.len(), COMMANDS.len());
    assert_eq!(guide[0].text_content().unwrap(), "j / ↓next sentence");
    // The guide's button opens it as `?` does; a click on it closes it.
    let guide: web_sys::HtmlElement = one(&page.root, "[data-testid=key-guide]").unchecked_into();
    guide.click();
    leptos::task::tick().await;
    assert!(all(&page.root, OPEN_GUIDE).is_empty());
    let keys: web_sys::HtmlElement = one(&page.root, "[data-testid=action-help]").unchecked_into();
    keys.click();
    leptos::task::tick().await;
    assert_eq!(all(&page.root, OPEN_GUIDE).len(), 1);
}

#[wasm_bindgen_test]
async fn decisions_are_saved_to_storage_at_once() {
    let page = mount().await;
    press("j").await;
    press("c").await;
    // The save runs right after the repaint.
    let db = Db::open().await.unwrap();
    let index = saved_index(&db, "\"cursors\":[1]").await;
    assert!(index.contains("\"cursors\":[1]"), "{index}");
    let loaded = db.load().await.unwrap();
    assert!(loaded.found && loaded.problems.is_empty());
    let doc = &loaded.workspace.docs[0];
    assert_eq!(doc.cursor, 1);
    assert!(
        doc.doc
            .annotations
            .iter()
            .any(|a| a.origin == hearsay_core::format::Origin::Annotator),
        "the hand-made claim is saved"
    );
    drop(page);
}

#[wasm_bindgen_test]
async fn reopening_restores_the_work() {
    let page = mount().await;
    press("j").await;
    press("j").await;
    press("d").await;
    let labels = current(&page.root).get_attribute("data-labels").unwrap();
    saved_index(&Db::open().await.unwrap(), "\"cursors\":[2]").await;
    drop(page);
    // A second app over the same storage, as after a reload.
    let again = mount_over_storage().await;
    assert_eq!(all(&again.root, "[data-testid=document-item]").len(), 1);
    let row = current(&again.root);
    assert_eq!(row.get_attribute("data-idx").unwrap(), "2");
    assert_eq!(row.get_attribute("data-labels").unwrap(), labels);
    assert!(labels.contains("denial"), "{labels}");
}

/// The saved index, once it contains `wanted` (waiting up to 2 s for the
/// save to commit), or as it is then.
async fn saved_index(db: &Db, wanted: &str) -> String {
    let mut index = String::new();
    for _ in 0..100 {
        index = db.raw("index").await.unwrap().unwrap_or_default();
        if index.contains(wanted) {
            break;
        }
        sleep(20).await;
    }
    index
}

/// Waits `ms` milliseconds.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}
