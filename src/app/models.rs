//! The models: loading the bundle the page is served with, and the panel
//! that says which models suggest, exports and imports a bundle (so a
//! team shares one) and resets what was learned.

use std::cell::RefCell;

use hearsay_core::learn::Bundle;
use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::Ctx;
use crate::state::{Message, ModelsStatus};

thread_local! {
    /// The bundle the page was served with, once loaded: page scripts (the
    /// browser benchmark) analyse with it.
    static SHIPPED: RefCell<Option<Bundle>> = const { RefCell::new(None) };
}

/// The shipped bundle, for page scripts (`hearsay_bench`).
pub fn shipped() -> Option<Bundle> {
    SHIPPED.with(|s| s.borrow().clone())
}

/// The file name of the bundle the build serves: `scripts/csp.py` gives it
/// a hashed name and writes it into `<meta name="hearsay-models">`.
fn bundle_url() -> Option<String> {
    document()
        .query_selector("meta[name=hearsay-models]")
        .ok()
        .flatten()?
        .get_attribute("content")
}

/// Fetches and reads the shipped bundle. `Ok(None)` when the page names
/// none (a test page): the rules alone suggest.
pub(super) async fn load_shipped() -> Result<Option<Bundle>, String> {
    let Some(url) = bundle_url() else {
        return Ok(None);
    };
    let failed = |_| format!("the models ({url}) could not be loaded");
    let response: web_sys::Response = JsFuture::from(window().fetch_with_str(&url))
        .await
        .map_err(failed)?
        .unchecked_into();
    if !response.ok() {
        return Err(format!(
            "the models ({url}) could not be loaded: HTTP {}",
            response.status()
        ));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(failed)?)
        .await
        .map_err(failed)?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    let bundle = Bundle::read(&bytes).map_err(|e| format!("{url}: {e}"))?;
    SHIPPED.with(|s| *s.borrow_mut() = Some(bundle.clone()));
    Ok(Some(bundle))
}

/// Reads a bundle a person opened and uses it, or says why not (the
/// models in use stay).
fn import_models(ctx: Ctx, file: web_sys::File) {
    leptos::task::spawn_local(async move {
        let name = file.name();
        let read = JsFuture::from(file.array_buffer())
            .await
            .map(|b| js_sys::Uint8Array::new(&b).to_vec())
            .map_err(|_| format!("{name}: could not be read"));
        let message = match read.and_then(|bytes| {
            Bundle::read(&bytes).map_err(|e| format!("{name}: {e}; the models in use stay"))
        }) {
            Ok(bundle) => {
                let lessons = bundle.lessons();
                ctx.change(|w| w.set_models(bundle));
                Message::info(format!(
                    "{name}: models imported ({lessons} lessons learned); the documents are scored again"
                ))
            }
            Err(why) => Message::error(why),
        };
        ctx.say(message);
    });
}

/// Downloads the models in use as a bundle file.
fn export_models(ctx: Ctx) {
    let (bytes, id) = ctx
        .ws
        .with_untracked(|w| (w.models().bundle().write(), w.models().id().to_owned()));
    let download = crate::files::Download {
        name: format!("hearsay-models-{id}.hsb"),
        mime: "application/octet-stream",
        bytes,
        note: None,
    };
    if let Err(e) = super::export::save_file(&download) {
        ctx.say(Message::error(format!("export failed: {e:?}")));
    }
}

/// What the status line says of the models.
fn describe(s: &ModelsStatus) -> String {
    let learned = match s.lessons {
        0 => "nothing learned".to_owned(),
        1 => "1 lesson learned from your decisions".to_owned(),
        n => format!("{n} lessons learned from your decisions"),
    };
    let stale = if s.stale > 0 {
        format!(", {} document(s) being scored again", s.stale)
    } else {
        String::new()
    };
    format!("Models {}: {learned}{stale}", s.id)
}

/// Which models suggest, and their buttons. The status line is written by
/// one effect and the buttons share one click handler (each Leptos event
/// handler and reactive attribute costs download).
#[component]
pub(super) fn ModelsPanel() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let status = NodeRef::<html::P>::new();
    Effect::new(move |_| {
        let s = ctx.ws.with(|w| w.models_status());
        let Some(p) = status.get() else { return };
        super::dom::set(&p, "data-models", &s.id);
        super::dom::set(&p, "data-stale", &s.stale.to_string());
        p.set_text_content(Some(&describe(&s)));
    });
    let on_click = move |e: ev::MouseEvent| {
        let action = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.get_attribute("data-action"));
        match action.as_deref() {
            Some("export") => export_models(ctx),
            Some("reset") => {
                ctx.change(|w| w.reset_learning());
                ctx.say(Message::info(
                    "learning reset: the shipped models suggest again",
                ));
            }
            _ => {}
        }
    };
    let on_change = move |e: ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&e);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            import_models(ctx, file);
        }
        input.set_value("");
    };
    view! {
        <section class="models" data-testid="models" on:click=on_click on:change=on_change>
            <p data-testid="models-status" node_ref=status></p>
            <button data-testid="models-export" data-action="export">"Export models"</button>
            <button data-testid="models-reset" data-action="reset">"Reset learning"</button>
            <label class="file">
                "Import models (.hsb)"
                <input data-testid="models-import" type="file" accept=".hsb" />
            </label>
        </section>
    }
}
