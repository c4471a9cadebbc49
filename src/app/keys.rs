//! The commands at work: the key handler, the action bar and what each
//! command does to the page. Keys, names and titles come from
//! [`crate::commands::COMMANDS`].

use hearsay_core::Label;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::Ctx;
use super::review::selection_to_span;
use crate::commands::{self, Action, COMMANDS, KeyPress};
use crate::rows;
use crate::state::Workspace;

/// Runs the command a key press gives, if any.
pub(super) fn on_key(ctx: Ctx, e: web_sys::KeyboardEvent) {
    ctx.input();
    let in_field = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
    let key = e.key();
    let press = KeyPress {
        key: &key,
        ctrl: e.ctrl_key(),
        shift: e.shift_key(),
        alt: e.alt_key(),
        meta: e.meta_key(),
        in_field,
    };
    let Some((action, input)) = commands::lookup(&press) else {
        return;
    };
    // Over the statements view the sentences are hidden: their keys do
    // nothing there, so no decision is made out of sight.
    if ctx.statements_shown() && !commands::works_over_statements(action) {
        return;
    }
    run(ctx, action);
    if !input.keeps_default() {
        e.prevent_default();
    }
}

/// Does what `action` says, on the current sentence.
pub(super) fn run(ctx: Ctx, action: Action) {
    match action {
        Action::Step(walk) => {
            let visible = ctx.visible();
            let cursor = ctx.ws.with_untracked(|w| w.doc().map_or(0, |d| d.cursor));
            if let Some(next) = rows::step(&visible, cursor, walk) {
                ctx.change(|w| w.set_cursor(next));
            }
        }
        Action::Accept => ctx.change(Workspace::accept),
        Action::Reject => ctx.change(Workspace::reject),
        Action::Toggle(label) => ctx.change(|w| w.toggle(label)),
        Action::EditSpeaker => ctx.speaker_edit.set(true),
        Action::MarkSelection => {
            if let Some((start, end)) = selection_to_span() {
                ctx.change(|w| w.add_span(Label::Quote, start, end));
            }
        }
        Action::Undo => {
            ctx.change(Workspace::undo);
        }
        Action::Redo => {
            ctx.change(Workspace::redo);
        }
        Action::Search => {
            if let Some(el) = document().get_element_by_id("search")
                && let Ok(el) = el.dyn_into::<web_sys::HtmlElement>()
            {
                let _ = el.focus();
            }
        }
        Action::Guide => ctx.help.update(|open| *open = !*open),
        Action::Settle(choice) => {
            // Only an adjudication document has disagreements: elsewhere the
            // key schedules no save.
            if ctx.ws.with_untracked(|w| w.team_docs().next().is_some()) {
                ctx.change(|w| w.settle(choice));
            }
        }
        Action::Item(walk) => ctx.change(|w| w.step_item(walk)),
        Action::Guidelines => ctx.guidelines.update(|open| *open = !*open),
        Action::Statements => {
            if ctx.ws.with_untracked(|w| w.docs.len() >= 2) {
                ctx.statements.update(|open| *open = !*open);
            }
        }
        Action::Close => {
            ctx.help.set(false);
            ctx.statements.set(false);
            ctx.guidelines.set(false);
            ctx.speaker_edit.set(false);
            // Focus goes back to the sentences, out of the search field or
            // the speaker editor: the next key is a command, not text.
            if let Some(list) = document().get_element_by_id("sentences")
                && let Ok(list) = list.dyn_into::<web_sys::HtmlElement>()
            {
                let _ = list.focus();
            }
        }
    }
}

/// Buttons doing what the keys do, on the current sentence; each one's
/// title names its keys.
#[component]
pub(super) fn ActionBar() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let buttons = COMMANDS
        .iter()
        .filter_map(|c| {
            let text = c.button?;
            Some(view! {
                <button
                    data-testid=format!("action-{}", c.name)
                    class=c.button_class()
                    title=c.keys()
                    on:click=move |_| run(ctx, c.action)
                >
                    {text}
                </button>
            })
        })
        .collect_view();
    view! { <div class="actions" data-testid="actions">{buttons}</div> }
}
