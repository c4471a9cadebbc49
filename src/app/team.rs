//! The team view of an adjudication document: the agreement table (each
//! figure a button to the disagreements behind it), the progress and the
//! disagreements around the current one, each annotator's proposal beside
//! its key. What it shows comes from `team_view`, plain Rust tested
//! natively; this draws it.
//!
//! The view is drawn with plain DOM calls, not Leptos views (their typed
//! views of it cost some 30 KB of download, see `dom`): each of its two
//! parts is drawn again only when its view model changed. One click
//! listener serves every button.

use hearsay_core::Label;
use leptos::html;
use leptos::prelude::*;
use web_sys::Element;

use super::Ctx;
use super::dom::{add, clicked, set};
use crate::figures::{self, Figures};
use crate::team_view::{self, Disagreements, FigureRow, Table};

/// One row of figures; each is a button to the disagreements behind it.
fn figure_row(body: &Element, row: &FigureRow) {
    let tr = add(body, "tr", "");
    set(&add(&tr, "th", &row.head), "scope", "row");
    for c in &row.cells {
        let td = add(&tr, "td", "");
        set(&td, "data-label", c.label);
        set(&td, "data-measure", c.measure);
        set(&td, "data-value", &c.value);
        let button = add(&td, "button", &c.text);
        set(&button, "data-go", &row.go);
        set(&button, "title", "Show the disagreements behind it");
    }
}

/// The agreement table; the per-document rows, when there are several
/// documents, in a second body under their own heading row.
fn draw_table(root: &Element, t: &Table) {
    let table = add(root, "table", "");
    set(&table, "class", "agreement");
    set(&table, "data-testid", "agreement-table");
    add(&table, "caption", &t.caption);
    let head = add(&add(&table, "thead", ""), "tr", "");
    for name in &t.head {
        set(&add(&head, "th", name), "scope", "col");
    }
    let body = add(&table, "tbody", "");
    for r in &t.rows {
        figure_row(&body, r);
    }
    if let Some((heading, rows)) = &t.documents {
        let body = add(&table, "tbody", "");
        set(&body, "data-testid", "agreement-documents");
        let th = add(&add(&body, "tr", ""), "th", heading);
        set(&th, "scope", "colgroup");
        set(&th, "colspan", &t.head.len().to_string());
        for r in rows {
            figure_row(&body, r);
        }
    }
}

/// The progress, the keys and the disagreements around the current one.
fn draw_disagreements(root: &Element, d: &Disagreements) {
    let progress = add(root, "p", &d.progress);
    set(&progress, "class", "progress");
    set(&progress, "data-testid", "adjudication-progress");
    set(&progress, "aria-live", "polite");
    set(&add(root, "p", &d.hint), "class", "hint");
    let list = add(root, "ol", "");
    set(&list, "class", "items");
    for item in &d.items {
        let li = add(&list, "li", "");
        set(&li, "data-testid", "adjudication-item");
        set(&li, "data-item", &item.index.to_string());
        set(&li, "data-label", item.label);
        set(
            &li,
            "data-settled",
            if item.settled { "true" } else { "false" },
        );
        if item.current {
            set(&li, "aria-current", "true");
        }
        let class = match (item.current, item.settled) {
            (true, true) => "current settled",
            (true, false) => "current",
            (false, true) => "settled",
            (false, false) => "",
        };
        set(&li, "class", class);
        let tag = add(&li, "span", item.label);
        set(&tag, "class", &format!("tag tag-{}", item.label));
        let proposals = add(&li, "ul", "");
        for (key, name, said) in &item.proposals {
            let row = add(&proposals, "li", "");
            add(&row, "kbd", key);
            add(&row, "strong", &format!(" {name}"));
            add(&row, "span", &format!(": {said}"));
        }
    }
}

/// A click on a figure (to its disagreements) or on an item (makes it
/// current).
fn on_click(ctx: Ctx, e: web_sys::MouseEvent) {
    let Some(el) = clicked(&e, "[data-go],[data-item]") else {
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

/// What each part of the view was last drawn from: the table (or why
/// there is none) and the disagreements.
type Drawn = (Option<Result<Table, String>>, Option<Disagreements>);

/// The team view, shown above the sentences of an adjudication document.
/// Each part is drawn again only when what it shows changed: moving
/// through the sentences redraws nothing, and a decision redraws the
/// disagreements but not the table (so a clicked figure outlives its click).
#[component]
pub(super) fn TeamView() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let figures_root = NodeRef::<html::Div>::new();
    let items_root = NodeRef::<html::Div>::new();
    // The figures and the key of the documents they cover: measured again
    // only when those change, since a decision does not change what each
    // annotator proposed.
    let cache: StoredValue<(String, Option<Result<Figures, String>>)> =
        StoredValue::new((String::new(), None));
    let drawn: StoredValue<Drawn> = StoredValue::new((None, None));
    Effect::new(move |_| {
        let (Some(top), Some(bottom)) = (figures_root.get(), items_root.get()) else {
            return;
        };
        ctx.ws.with(|w| {
            let key = figures::team_key(w);
            if cache.with_value(|(k, _)| *k != key) {
                cache.set_value((key, figures::of_workspace(w)));
            }
            let table = cache.with_value(|(_, measured)| {
                measured.as_ref().map(|m| {
                    m.as_ref()
                        .map(|f| team_view::table(w.current, f))
                        .map_err(Clone::clone)
                })
            });
            let items = matches!(table, Some(Ok(_))).then(|| team_view::disagreements(w));
            drawn.update_value(|(t, d)| {
                if *t != table {
                    top.set_text_content(None);
                    match &table {
                        Some(Ok(table)) => draw_table(&top, table),
                        Some(Err(why)) => set(&add(&top, "p", why), "class", "message error"),
                        None => {}
                    }
                    *t = table;
                }
                if *d != items {
                    bottom.set_text_content(None);
                    if let Some(items) = &items {
                        draw_disagreements(&bottom, items);
                    }
                    *d = items;
                }
            });
        });
    });
    view! {
        <section class="team" data-testid="team" aria-label="Adjudication" on:click=move |e| on_click(ctx, e)>
            <div node_ref=figures_root></div>
            <div node_ref=items_root></div>
        </section>
    }
}
