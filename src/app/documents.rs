//! The document list: one entry per document with its counts; a click
//! makes it current, `✎` renames it, `×` removes it (undo puts it back).

use leptos::prelude::*;

use super::Ctx;
use crate::commands::{Action, command};
use crate::rows::{self, DocItem};
use crate::state::{MAX_NAME_CHARS, Message};

/// One entry per document with its counts.
#[component]
pub(super) fn DocumentList() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let items = Memo::new(move |_| ctx.ws.with(rows::documents));
    let totals = move || {
        let [decided, suggested, visited, sentences] = ctx.ws.with(|w| w.totals());
        format!(
            "All documents: {decided} of {suggested} suggestions decided, {visited} of {sentences} sentences visited"
        )
    };
    view! {
        <p class="corpus-progress" data-testid="corpus-progress">{totals}</p>
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
        visited,
        decided: (decided, suggested),
        sentences,
        current,
        demo,
    } = item;
    let on_remove = move |e: leptos::ev::MouseEvent| {
        e.stop_propagation();
        if let Some(name) = ctx.change(|w| w.remove_doc(idx)) {
            let undo_key = command(Action::Undo).key();
            ctx.say(Message::info(format!(
                "removed {name}: {undo_key} puts it back"
            )));
        }
    };
    let on_rename = move |e: leptos::ev::MouseEvent| {
        e.stop_propagation();
        let current_name = ctx.ws.with(|w| w.docs.get(idx).map(|d| d.doc.name.clone()));
        let Ok(Some(value)) = window().prompt_with_message_and_default(
            "New name of the document:",
            &current_name.unwrap_or_default(),
        ) else {
            return;
        };
        if !ctx.change(|w| w.rename_doc(idx, &value)) {
            ctx.say(Message::error(format!(
                "a document name needs 1 to {MAX_NAME_CHARS} characters"
            )));
        }
    };
    view! {
        <li data-testid="document-item" class:current=current on:click=move |_| ctx.change(|w| w.select_doc(idx))>
            <span class="name">{name}</span>
            {demo.then(|| view! {
                <span class="demo-tag" data-testid="demo-tag" title="The demo article: it leaves when you add an article of your own, unless you changed it">"demo"</span>
            })}
            <span class="counts">
                <span class="count-quote" title="quotes">{format!("Q {quotes}")}</span>
                <span class="count-claim" title="claims">{format!("C {claims}")}</span>
                <span class="count-denial" title="denials">{format!("D {denials}")}</span>
                <span class="reviewed" data-testid="document-visited" title="sentences visited">{format!("{visited}/{sentences} visited")}</span>
                <span class="decided" data-testid="document-decided" title="suggestions decided">{format!("{decided}/{suggested} decided")}</span>
            </span>
            <button class="rename-button" data-testid="rename-document" title="Rename this document" aria-label="Rename this document" on:click=on_rename>
                "✎"
            </button>
            <button class="remove" title="Remove this document" aria-label="Remove this document" on:click=on_remove>
                "×"
            </button>
        </li>
    }
}
