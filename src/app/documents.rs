//! The document list: one entry per document with its counts; a click
//! makes it current, `×` removes it.

use leptos::prelude::*;

use super::Ctx;
use crate::rows::{self, DocItem};

/// One entry per document with its counts.
#[component]
pub(super) fn DocumentList() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let items = Memo::new(move |_| ctx.ws.with(rows::documents));
    view! {
        <ul class="documents">
            <For each=move || items.get() key=|item| item.clone() children=move |item| view! { <DocumentItem item=item /> } />
        </ul>
    }
}

/// One document of the list.
#[component]
fn DocumentItem(item: DocItem) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let DocItem {
        idx,
        name,
        counts: (quotes, claims, denials),
        reviewed,
        sentences,
        current,
    } = item;
    let on_remove = move |e: leptos::ev::MouseEvent| {
        e.stop_propagation();
        if window()
            .confirm_with_message("Remove this document and its annotations?")
            .unwrap_or(false)
        {
            ctx.change(|w| w.remove_doc(idx));
        }
    };
    view! {
        <li data-testid="document-item" class:current=current on:click=move |_| ctx.change(|w| w.select_doc(idx))>
            <span class="name">{name}</span>
            <span class="counts">
                <span class="count-quote" title="quotes">{format!("Q {quotes}")}</span>
                <span class="count-claim" title="claims">{format!("C {claims}")}</span>
                <span class="count-denial" title="denials">{format!("D {denials}")}</span>
                <span class="reviewed" title="sentences reviewed">{format!("{reviewed}/{sentences}")}</span>
            </span>
            <button class="remove" title="Remove this document" on:click=on_remove>
                "×"
            </button>
        </li>
    }
}
