//! The statements view (`o`, or its tab, once two or more documents are
//! open): one speaker's one statement across the documents, the
//! statements most documents carry first. What it shows comes from
//! `statements_view`, plain Rust tested natively; this draws it with plain
//! DOM calls (see `dom`), grouped and drawn only while open and again
//! only when a decision changed what the grouping depends on; closed, it
//! is hidden.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::Ctx;
use super::dom::{add, clicked, set};
use crate::statements_view::{self, Row, View};

/// One statement: its speaker, stance and reach, each document's wording
/// (a button to its sentence) and the documents without it.
fn draw_row(list: &Element, row: &Row) {
    let li = add(list, "li", "");
    set(&li, "data-testid", "statement");
    set(&li, "data-outlets", &row.outlets.to_string());
    let head = add(&li, "h3", &row.speaker);
    let tag = add(&head, "span", &format!(" {}", row.stance));
    set(&tag, "class", &format!("stance stance-{}", row.stance));
    set(&tag, "data-testid", "statement-stance");
    let total = row.outlets + row.missing.len();
    add(
        &head,
        "span",
        &format!(" · {} of {total} documents", row.outlets),
    );
    if row.misquote {
        let flag = add(&head, "strong", " · possible misquote");
        set(&flag, "class", "misquote");
        set(&flag, "data-testid", "misquote");
        set(
            &flag,
            "title",
            "Direct quotes of it differ in their words between documents",
        );
    }
    let wordings = add(&li, "ul", "");
    set(&wordings, "class", "wordings");
    for w in &row.wordings {
        let item = add(&wordings, "li", "");
        set(&item, "data-testid", "wording");
        let go = add(&item, "button", &w.outlet);
        set(&go, "data-doc", &w.doc.to_string());
        set(&go, "data-sentence", &w.sentence.to_string());
        set(&go, "title", "Go to this sentence");
        let said = add(&item, if w.direct { "q" } else { "span" }, "");
        set(&said, "class", "said");
        for (i, (word, differs)) in w.words.iter().enumerate() {
            if i > 0 {
                let _ = said.append_with_str_1(" ");
            }
            if *differs {
                add(&said, "mark", word);
            } else {
                let _ = said.append_with_str_1(word);
            }
        }
    }
    if !row.missing.is_empty() {
        let missing = add(&li, "p", &format!("Not in: {}", row.missing.join(", ")));
        set(&missing, "class", "missing");
        set(&missing, "data-testid", "statement-missing");
    }
}

fn draw(root: &Element, view: &View) {
    let summary = add(root, "p", &view.summary);
    set(&summary, "data-testid", "statements-summary");
    let list = add(root, "ol", "");
    set(&list, "class", "statement-list");
    for row in &view.rows {
        draw_row(&list, row);
    }
}

/// A click on a tab, or on a wording's document (its sentence, with the
/// view closed).
fn on_click(ctx: Ctx, e: web_sys::MouseEvent) {
    let Some(el) = clicked(&e, "[data-tab],[data-doc]") else {
        return;
    };
    if let Some(tab) = el.get_attribute("data-tab") {
        ctx.statements.set(tab == "statements");
        return;
    }
    let number = |name: &str| el.get_attribute(name).and_then(|v| v.parse::<usize>().ok());
    if let (Some(doc), Some(sentence)) = (number("data-doc"), number("data-sentence")) {
        ctx.statements.set(false);
        ctx.change(|w| w.go_to(doc, sentence));
    }
}

/// The two tabs over the reader (the sentences, or the statements) and
/// the statements' section, hidden; returns the section.
fn draw_tabs(root: &Element) -> Element {
    let tabs = add(root, "div", "");
    set(&tabs, "class", "tabs");
    set(&tabs, "role", "tablist");
    set(&tabs, "aria-label", "View");
    for (name, text) in [
        ("sentences", "Sentences"),
        ("statements", "Statements across documents"),
    ] {
        let tab = add(&tabs, "button", text);
        set(&tab, "role", "tab");
        set(&tab, "data-tab", name);
        set(&tab, "data-testid", &format!("tab-{name}"));
    }
    let section = add(root, "section", "");
    set(&section, "class", "statements");
    set(&section, "data-testid", "statements");
    set(&section, "aria-label", "Statements across documents");
    section
}

/// Shows the statements or the sentences: the tabs say which, and the
/// section is hidden or shown.
fn show(root: &Element, section: &Element, open: bool) {
    if let Ok(tabs) = root.query_selector_all("[role=tab]") {
        for i in 0..tabs.length() {
            if let Some(tab) = tabs.item(i).and_then(|t| t.dyn_into::<Element>().ok()) {
                let selected =
                    (tab.get_attribute("data-tab").as_deref() == Some("statements")) == open;
                set(
                    &tab,
                    "aria-selected",
                    if selected { "true" } else { "false" },
                );
            }
        }
    }
    if let Some(section) = section.dyn_ref::<web_sys::HtmlElement>() {
        section.set_hidden(!open);
    }
}

/// The tabs (once two or more documents are open) and the statements
/// view, in place of the sentences while open. The statements are
/// grouped and drawn only while open, and again only when a decision
/// changed what the grouping depends on (`statements_view::key`);
/// closing hides them, so opening again with no change between draws
/// nothing.
#[component]
pub(super) fn StatementsView() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let root = NodeRef::<html::Div>::new();
    // The section, once the tabs are drawn, and the key it was drawn for.
    let drawn: StoredValue<Option<(Element, String)>, LocalStorage> = StoredValue::new_local(None);
    Effect::new(move |_| {
        let Some(root) = root.get() else {
            return;
        };
        let open = ctx.statements.get();
        ctx.ws.with(|w| {
            if w.docs.len() < 2 {
                root.set_text_content(None);
                drawn.set_value(None);
                return;
            }
            if drawn.with_value(Option::is_none) {
                drawn.set_value(Some((draw_tabs(&root), String::new())));
            }
            drawn.update_value(|d| {
                let Some((section, was)) = d else {
                    return;
                };
                show(&root, section, open);
                if !open {
                    return;
                }
                let key = statements_view::key(w);
                if *was != key {
                    section.set_text_content(None);
                    add(section, "h2", "Statements across documents");
                    if let Some(view) = statements_view::of_workspace(w) {
                        draw(section, &view);
                    }
                    *was = key;
                }
            });
        });
    });
    view! { <div node_ref=root on:click=move |e| on_click(ctx, e)></div> }
}
