//! The guidelines panel, opened and closed with `g`: the team's guidelines
//! drawn from `guidelines::blocks` as text nodes (never as HTML), and the
//! text to edit them. The text is kept in `localStorage` beside the
//! workspace.

use leptos::html;
use leptos::prelude::*;
use web_sys::Element;

use super::Ctx;
use super::dom::{add, reopen, set};
use crate::guidelines::{Block, blocks};
use crate::storage;

/// Draws `text` into `root`.
fn draw(root: &Element, text: &str) {
    root.set_text_content(None);
    let read = blocks(text);
    if read.is_empty() {
        add(
            root,
            "p",
            "No guidelines yet. Write them below: # a heading, - a list item.",
        );
    }
    for block in read {
        match block {
            Block::Heading(level, title) => {
                add(root, if level == 1 { "h3" } else { "h4" }, &title);
            }
            Block::List(items) => {
                let list = add(root, "ul", "");
                for item in items {
                    add(&list, "li", &item);
                }
            }
            Block::Text(t) => {
                add(root, "p", &t);
            }
        }
    }
}

/// The panel, over the page while open. Drawn with plain DOM calls on
/// opening: its Leptos view cost 3 KB of download.
#[component]
pub(super) fn GuidelinesPanel() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let root = NodeRef::<html::Section>::new();
    Effect::new(move |_| {
        let open = ctx.guidelines.get();
        let Some(root) = root.get() else { return };
        if !reopen(&root, open) {
            return;
        }
        let text = storage::setting(storage::GUIDELINES).unwrap_or_default();
        add(&root, "h2", "Guidelines");
        let shown = add(&root, "div", "");
        set(&shown, "data-testid", "guidelines-view");
        draw(&shown, &text);
        let label = add(&root, "label", "Edit (g or Esc closes)");
        let area = add(&label, "textarea", "");
        set(&area, "data-testid", "guidelines-text");
        area.set_text_content(Some(&text));
    });
    // Typing in the text (the one field of the panel) redraws the view.
    let on_input = move |e: leptos::ev::Event| {
        let value = event_target_value(&e);
        storage::set_setting(storage::GUIDELINES, &value);
        if let Some(shown) = root.get().and_then(|r| {
            r.query_selector("[data-testid=guidelines-view]")
                .ok()
                .flatten()
        }) {
            draw(&shown, &value);
        }
    };
    view! { <section class="guidelines" data-testid="guidelines" role="dialog" aria-label="Guidelines" hidden node_ref=root on:input=on_input></section> }
}
