//! Mounts the annotator. Natively this binary does nothing: the app exists
//! only as WebAssembly (see ARCHITECTURE.md).

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::wasm_bindgen;

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        // A panic is a bug: say where on the console before the module
        // aborts. (The console_error_panic_hook crate adds a JavaScript
        // stack trace, and 1.3 KB of download.)
        std::panic::set_hook(Box::new(|info| {
            web_sys::console::error_1(&format!("hearsay panicked: {info}").into());
        }));
        leptos::mount::mount_to_body(hearsay_web::app::App);
    }
}

/// Runs the extraction core on `text` and returns the number of suggestions:
/// the browser benchmark (`tests/e2e/bench.mjs`) times it through
/// `window.wasmBindings`, which Trunk sets.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn hearsay_bench(text: &str) -> usize {
    analysis(text).suggestions.len()
}

/// The analysis of `text` with the models the page was served with (the
/// rules alone until they are loaded).
#[cfg(target_arch = "wasm32")]
fn analysis(text: &str) -> hearsay_core::Analysis {
    let bundle = hearsay_web::app::shipped_models().unwrap_or_default();
    hearsay_core::analyze_with(
        text,
        &hearsay_core::Config::default(),
        bundle.models(),
        &mut hearsay_core::models::Unobserved,
    )
    .0
}

/// Size of the page's WebAssembly memory in bytes. It grows and never
/// shrinks, so read after a run it is that run's peak; for the browser
/// benchmark.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn hearsay_memory_bytes() -> usize {
    core::arch::wasm32::memory_size(0) * 65536
}

/// Runs the extraction core on `text` and returns its analysis as a plain
/// JavaScript object (sentences, suggestions, diagnostics), for scripts in
/// the page such as the browser benchmark.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn hearsay_analyze(text: &str) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue> {
    serde_wasm_bindgen::to_value(&analysis(text)).map_err(Into::into)
}
