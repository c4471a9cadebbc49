//! Plain DOM building for the views drawn without Leptos (the team view,
//! the key guide, the guidelines panel): Leptos' typed views of them cost
//! more download than they are worth. Text always goes in as text nodes.

use leptos::prelude::document;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// A new `tag` element with `text` (none if empty), appended to `parent`.
pub(super) fn add(parent: &Element, tag: &str, text: &str) -> Element {
    let el = document()
        .create_element(tag)
        .expect("creating an element of a known tag works");
    if !text.is_empty() {
        el.set_text_content(Some(text));
    }
    let _ = parent.append_child(&el);
    el
}

/// Sets an attribute (a refused one changes nothing on screen).
pub(super) fn set(el: &Element, name: &str, value: &str) {
    let _ = el.set_attribute(name, value);
}

/// Empties a panel, shows or hides it, and says whether to draw it.
pub(super) fn reopen(panel: &web_sys::HtmlElement, open: bool) -> bool {
    panel.set_hidden(!open);
    panel.set_text_content(None);
    open
}

/// The element a click landed in that matches `selector` (the clicked
/// element or its closest ancestor), if any: one click listener serves
/// every button of a view.
pub(super) fn clicked(e: &web_sys::MouseEvent, selector: &str) -> Option<Element> {
    e.target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|t| t.closest(selector).ok().flatten())
}
