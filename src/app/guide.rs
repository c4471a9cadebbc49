//! The key guide opened by `?`: every command of
//! [`crate::commands::COMMANDS`] with its keys. A click or Escape closes it.

use leptos::prelude::*;

use super::Ctx;
use crate::commands::COMMANDS;

/// The table of keys, over the page.
#[component]
pub(super) fn KeyGuide() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let rows = move || {
        COMMANDS
            .iter()
            .map(|c| view! { <tr><th><kbd>{c.keys()}</kbd></th><td>{c.description}</td></tr> })
            .collect_view()
    };
    view! {
        <Show when=move || ctx.help.get()>
            <div class="key-guide" data-testid="key-guide" role="dialog" aria-label="Keys" on:click=move |_| ctx.help.set(false)>
                <table>{rows}</table>
            </div>
        </Show>
    }
}
