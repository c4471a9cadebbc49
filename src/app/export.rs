//! The export panel (hearsay JSON, JSONL and the other tools' formats) and
//! the warnings shown while work is not being saved, each with an export.

use std::time::Duration;

use hearsay_core::interop::Target;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use super::Ctx;
use crate::files::{self, Download, ExportFormat};
use crate::state::Message;
use crate::storage;

/// Downloads the workspace as `format`; says so if the browser refuses.
/// The first export asks for the person's name (once: an empty answer is
/// kept too), which names the export's annotator.
fn export(ctx: Ctx, format: ExportFormat) {
    if storage::setting(storage::ANNOTATOR).is_none()
        && let Ok(answer) = window().prompt_with_message("Your name, recorded in your exports as their annotator (you can change it beside the export buttons):")
    {
        let name = answer.unwrap_or_default();
        storage::set_setting(storage::ANNOTATOR, &name);
        ctx.annotator.set(name);
    }
    let name = ctx.annotator.get_untracked();
    let download = ctx.ws.with_untracked(|w| files::export(w, format, &name));
    if let Err(e) = save_file(&download) {
        ctx.say(Message::error(format!("export failed: {e:?}")));
    } else if let Some(note) = &download.note {
        ctx.say(Message::info(note.clone()));
    }
}

/// Hands `download` to the browser as a file.
pub(super) fn save_file(download: &Download) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(download.bytes.as_slice()));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(download.mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let anchor: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(&download.name);
    anchor.click();
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        Duration::from_secs(10),
    );
    Ok(())
}

/// The export buttons and the menu of other tools' formats.
#[component]
pub(super) fn ExportPanel() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let format = NodeRef::<html::Select>::new();
    let on_other = move |_| {
        let chosen = format.get().map(|s| s.value()).unwrap_or_default();
        if let Some(format) = ExportFormat::from_menu_value(&chosen) {
            export(ctx, format);
        }
    };
    let option = |format: ExportFormat, title: String| {
        view! { <option value=format.menu_value()>{title}</option> }
    };
    view! {
        <label class="annotator">
            "Your name (the annotator of your exports) "
            <input
                data-testid="annotator-name"
                autocomplete="name"
                prop:value=move || ctx.annotator.get()
                on:change=move |e| {
                    let name = event_target_value(&e);
                    storage::set_setting(storage::ANNOTATOR, &name);
                    ctx.annotator.set(name);
                }
            />
        </label>
        <section class="export">
            <button data-testid="export-json" on:click=move |_| export(ctx, ExportFormat::Json)>
                "Export JSON"
            </button>
            <button data-testid="export-jsonl" on:click=move |_| export(ctx, ExportFormat::Jsonl)>
                "Export JSONL"
            </button>
        </section>
        <section class="export">
            <select data-testid="export-format" aria-label="Export format" node_ref=format>
                <optgroup label="What people decided">
                    {Target::ALL
                        .into_iter()
                        .map(|t| option(ExportFormat::Other(t), t.title().to_owned()))
                        .collect_view()}
                </optgroup>
                <optgroup label="Pre-annotations: suggestions too, for review in another tool">
                    {Target::ALL
                        .into_iter()
                        .filter(|t| t.has_pre_annotations())
                        .map(|t| {
                            option(
                                ExportFormat::PreAnnotations(t),
                                format!("{}: pre-annotations", t.title()),
                            )
                        })
                        .collect_view()}
                </optgroup>
            </select>
            <button data-testid="export-other" on:click=on_other>
                "Export as"
            </button>
        </section>
    }
}

/// Says when work is not being saved (another tab saved, or storage
/// failed) and offers an export.
#[component]
pub(super) fn StorageWarning() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let export_json = move |_| export(ctx, ExportFormat::Json);
    let other_tab = move || {
        ctx.other_tab.get().then(|| {
            view! {
                <div data-testid="tab-warning" class="storage-warning" role="alert">
                    <strong>"This workspace was changed in another tab. "</strong>
                    "Changes made here are no longer saved, so that neither tab overwrites the other. "
                    <button on:click=move |_| {
                        let _ = window().location().reload();
                    }>"Reload"</button>
                    " to continue with the saved work, or "
                    <button on:click=export_json>"Export"</button>
                    " what is in this tab."
                </div>
            }
        })
    };
    let storage = move || {
        ctx.storage_error.get().map(|why| {
            view! {
                <div data-testid="storage-warning" class="storage-warning" role="alert">
                    <strong>"Your work is not being saved: "</strong>
                    {why}
                    ". It stays in this tab until you close it. "
                    <button on:click=export_json>"Export now"</button>
                </div>
            }
        })
    };
    view! {
        {other_tab}
        {storage}
    }
}
