//! The key guide opened by `?`: every command of
//! [`crate::commands::COMMANDS`] with its keys, under a title and a close
//! button. A click anywhere, or Escape, closes it.
//! Drawn with plain DOM calls when it opens (a static table: its Leptos
//! view cost more download than it is worth).

use leptos::html;
use leptos::prelude::*;

use super::Ctx;
use super::dom::{add, reopen, set};
use crate::commands::COMMANDS;

/// The table of keys, over the page.
#[component]
pub(super) fn KeyGuide() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let root = NodeRef::<html::Div>::new();
    Effect::new(move |_| {
        let open = ctx.help.get();
        let Some(root) = root.get() else { return };
        if reopen(&root, open) {
            let panel = add(&root, "div", "");
            add(&panel, "h2", "Keys");
            // Any click closes the guide; the button says so.
            let close = add(&panel, "button", "Close");
            set(&close, "data-testid", "key-guide-close");
            let table = add(&panel, "table", "");
            for c in COMMANDS {
                let tr = add(&table, "tr", "");
                add(&add(&tr, "th", ""), "kbd", &c.keys());
                add(&tr, "td", c.description);
            }
        }
    });
    view! {
        <div class="key-guide" data-testid="key-guide" role="dialog" aria-label="Keys" hidden node_ref=root on:click=move |_| ctx.help.set(false)></div>
    }
}
