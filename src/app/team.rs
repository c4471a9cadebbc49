//! The team view of an adjudication document: the agreement table (each
//! figure a button to the disagreements behind it), the progress and the
//! disagreements around the current one, each annotator's proposal beside
//! its key. The figures and items come from `figures` and `state`, which
//! are plain Rust.
//!
//! The view is drawn with plain DOM calls, not Leptos views: it is
//! rebuilt whole on each change (a table and a dozen items), and Leptos'
//! typed views of it cost some 30 KB of download (see `dom`). One click
//! listener serves every button.

use hearsay_core::Label;
use hearsay_core::format::Status;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::Ctx;
use super::dom::{add, set};
use crate::figures::{self, Figures, MEASURES, Row, thousandths};
use crate::state::Workspace;

/// Items drawn before the current one, and in all.
const BEFORE: usize = 2;
const DRAWN: usize = 12;

/// One row of figures; each is a button to the disagreements behind it
/// (`data-go`: the document's index and the label).
fn figure_row(body: &Element, doc: usize, head: &str, row: &Row) {
    let tr = add(body, "tr", "");
    set(&add(&tr, "th", head), "scope", "row");
    let go = format!("{doc} {}", row.label);
    for c in &row.cells {
        let text = thousandths(c.value);
        let td = add(&tr, "td", "");
        set(&td, "data-label", row.label);
        set(&td, "data-measure", c.measure);
        set(
            &td,
            "data-value",
            if c.value.is_some() { &text } else { "" },
        );
        let button = add(&td, "button", &text);
        set(&button, "data-go", &go);
        set(&button, "title", "Show the disagreements behind it");
    }
}

/// The agreement table, and one row per document when there are several.
fn table(root: &Element, current: usize, f: &Figures) {
    let t = add(root, "table", "");
    set(&t, "class", "agreement");
    set(&t, "data-testid", "agreement-table");
    add(
        &t,
        "caption",
        &format!(
            "Agreement of {} over {} sentences",
            f.annotators.join(", "),
            f.sentences
        ),
    );
    let head = add(&add(&t, "thead", ""), "tr", "");
    for (measure, name) in [("", "label")].into_iter().chain(MEASURES) {
        let name = if measure == "kappa" {
            f.kappa_name()
        } else {
            name
        };
        set(&add(&head, "th", name), "scope", "col");
    }
    let body = add(&t, "tbody", "");
    for r in &f.rows {
        figure_row(&body, current, r.label, r);
    }
    if !f.documents.is_empty() {
        let t = add(root, "table", "");
        set(&t, "class", "agreement");
        set(&t, "data-testid", "agreement-documents");
        add(&t, "caption", "Per document, all labels");
        let body = add(&t, "tbody", "");
        for (i, name, r) in &f.documents {
            figure_row(&body, *i, name, r);
        }
    }
}

/// The progress and the disagreements around the current one.
fn disagreements(root: &Element, w: &Workspace) {
    let p = w.progress();
    let progress = add(root, "p", &format!("{} of {} settled", p.settled, p.items));
    set(&progress, "class", "progress");
    set(&progress, "data-testid", "adjudication-progress");
    set(&progress, "aria-live", "polite");
    set(
        &add(
            root,
            "p",
            "1–9 take an annotator's proposals · b both · n neither · [ ] move · u undo",
        ),
        "class",
        "hint",
    );
    let list = add(root, "ol", "");
    set(&list, "class", "items");
    let Some(d) = w.doc() else { return };
    let items = w.items();
    let at = d.item.min(items.len().saturating_sub(1));
    for (i, item) in items
        .iter()
        .enumerate()
        .skip(at.saturating_sub(BEFORE))
        .take(DRAWN)
    {
        let li = add(&list, "li", "");
        set(&li, "data-testid", "adjudication-item");
        set(&li, "data-item", &i.to_string());
        set(&li, "data-label", item.label.as_str());
        set(
            &li,
            "data-settled",
            if item.settled { "true" } else { "false" },
        );
        let mut class = String::new();
        if i == at {
            set(&li, "aria-current", "true");
            class.push_str("current ");
        }
        if item.settled {
            class.push_str("settled");
        }
        set(&li, "class", &class);
        let tag = add(&li, "span", item.label.as_str());
        set(&tag, "class", &format!("tag tag-{}", item.label.as_str()));
        let proposals = add(&li, "ul", "");
        for (k, name) in d.doc.annotators.iter().enumerate() {
            let row = add(&proposals, "li", "");
            add(&row, "kbd", &(k + 1).to_string());
            add(&row, "strong", &format!(" {name}"));
            let mine: Vec<String> = item
                .members
                .iter()
                .map(|&m| &d.doc.annotations[m])
                .filter(|a| a.annotators.contains(name))
                .map(|a| {
                    let mark = match a.status {
                        Status::Accepted => " ✓",
                        Status::Rejected => " ✗",
                        Status::Suggested => "",
                    };
                    let text = crate::figures::quoted(&a.text);
                    match &a.speaker {
                        Some(s) => format!("{text} — {s}{mark}"),
                        None => format!("{text}{mark}"),
                    }
                })
                .collect();
            let said = if mine.is_empty() {
                "nothing".to_owned()
            } else {
                mine.join(" · ")
            };
            add(&row, "span", &format!(": {said}"));
        }
    }
}

/// A click on a figure (to its disagreements) or on an item (makes it
/// current).
fn on_click(ctx: Ctx, e: web_sys::MouseEvent) {
    let Some(el) = e
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|t| t.closest("[data-go],[data-item]").ok().flatten())
    else {
        return;
    };
    if let Some(item) = el.get_attribute("data-item") {
        if let Ok(i) = item.parse() {
            ctx.change(|w| w.select_item(i));
        }
        return;
    }
    let go = el.get_attribute("data-go").unwrap_or_default();
    let (doc, label) = go.split_once(' ').unwrap_or_default();
    let Ok(doc) = doc.parse::<usize>() else {
        return;
    };
    let label = Label::ALL.into_iter().find(|l| l.as_str() == label);
    ctx.change(|w| w.go_to_label(doc, label));
}

/// The team view, shown above the sentences of an adjudication document.
#[component]
pub(super) fn TeamView() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let root = NodeRef::<html::Section>::new();
    // The figures and the key of the documents they cover: measured again
    // only when those change, since a decision does not change what each
    // annotator proposed.
    let cache: StoredValue<(String, Option<Result<Figures, String>>)> =
        StoredValue::new((String::new(), None));
    Effect::new(move |_| {
        let Some(root) = root.get() else { return };
        let root: &Element = &root;
        ctx.ws.with(|w| {
            let key = figures::team_key(w);
            if cache.with_value(|(k, _)| *k != key) {
                cache.set_value((key, figures::of_workspace(w)));
            }
            root.set_text_content(None);
            cache.with_value(|(_, measured)| match measured {
                Some(Ok(f)) => {
                    table(root, w.current, f);
                    disagreements(root, w);
                }
                Some(Err(why)) => set(&add(root, "p", why), "class", "message error"),
                None => {}
            });
        });
    });
    view! { <section class="team" data-testid="team" aria-label="Adjudication" node_ref=root on:click=move |e| on_click(ctx, e)></section> }
}
