//! The Leptos components of the annotator.
//!
//! Components stay thin: they read the [`Workspace`] from context, render,
//! and dispatch one of its methods through [`Ctx::change`], which also
//! schedules the save. All decisions live in `state` and `rows`.

use std::time::Duration;

use hearsay_core::format::to_jsonl;
use hearsay_core::interop;
use hearsay_core::{CharIndex, Label};
use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::rows::{self, Filter, RowView};
use crate::state::{Review, Workspace};
use crate::storage;

/// The demo article shown on first open; written for the project.
pub const DEMO_TEXT: &str = include_str!("demo.txt");
/// Its name in the document list.
pub const DEMO_NAME: &str = "demo-veldhaven-bridge.txt";

/// A message for the person, shown under the import panel.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    /// The text.
    pub text: String,
    /// Whether something went wrong.
    pub error: bool,
}

/// The application state shared by every component.
#[derive(Clone, Copy)]
pub struct Ctx {
    /// The documents and their annotations.
    pub ws: RwSignal<Workspace>,
    /// Which sentences are shown.
    pub filter: RwSignal<Filter>,
    /// The last message for the person.
    pub message: RwSignal<Option<Message>>,
    /// Why saving failed, while it fails.
    pub storage_error: RwSignal<Option<String>>,
    /// Whether the key guide is open.
    pub help: RwSignal<bool>,
    /// Whether the speaker editor is open.
    pub speaker_edit: RwSignal<bool>,
    /// Whether the saved work has been restored (or storage found unusable).
    pub ready: RwSignal<bool>,
    /// Set when another tab saved this workspace: this tab stops saving, so
    /// neither overwrites the other, and says so.
    pub other_tab: RwSignal<bool>,
    channel: StoredValue<Option<web_sys::BroadcastChannel>, LocalStorage>,
    db: StoredValue<Option<storage::Db>, LocalStorage>,
    save_pending: StoredValue<bool>,
}

impl Ctx {
    /// Applies `f` to the workspace and schedules a save right after the
    /// repaint, so a key press never waits for storage.
    pub fn change(self, f: impl FnOnce(&mut Workspace)) {
        self.ws.update(f);
        if self.save_pending.get_value() {
            return;
        }
        self.save_pending.set_value(true);
        set_timeout(move || self.save_now(), Duration::ZERO);
    }

    /// Issues the writes of everything changed; their outcome is reported
    /// when the transaction commits. Without a database (storage failed at
    /// start) the warning is already up and nothing is tried.
    fn save_now(self) {
        self.save_pending.set_value(false);
        if self.other_tab.get_untracked() {
            return;
        }
        let Some(db) = self.db.get_value() else {
            return;
        };
        let mut pending = Default::default();
        self.ws.update_untracked(|w| pending = w.take_pending());
        let issued = self.ws.with_untracked(|w| db.save(w, &pending));
        leptos::task::spawn_local(async move {
            let result = match issued {
                Ok(done) => done
                    .await
                    .map(|_| ())
                    .map_err(|e| format!("saving failed: {e:?}")),
                Err(why) => Err(why),
            };
            match result {
                Ok(()) => {
                    storage::mark_saved_work();
                    if self.storage_error.get_untracked().is_some() {
                        self.storage_error.set(None);
                    }
                    if let Some(channel) = self.channel.get_value() {
                        let _ = channel.post_message(&JsValue::from_str("saved"));
                    }
                }
                Err(why) => {
                    self.ws.update_untracked(|w| w.restore_pending(pending));
                    self.storage_error.set(Some(why));
                }
            }
        });
    }

    /// Saves what is pending while the page goes away (see
    /// [`storage::Db::save_before_leaving`]).
    fn save_before_leaving(self) {
        if !self.save_pending.get_value() || self.other_tab.get_untracked() {
            return;
        }
        self.save_pending.set_value(false);
        let Some(db) = self.db.get_value() else {
            return;
        };
        let mut pending = Default::default();
        self.ws.update_untracked(|w| pending = w.take_pending());
        self.ws
            .with_untracked(|w| db.save_before_leaving(w, &pending));
    }

    fn say(self, text: impl Into<String>, error: bool) {
        self.message.set(Some(Message {
            text: text.into(),
            error,
        }));
    }

    /// Visible sentence indices of the current document.
    fn visible(self) -> Vec<usize> {
        let filter = self.filter.get();
        self.ws.with(|w| {
            w.doc()
                .map(|d| rows::visible(d, &filter))
                .unwrap_or_default()
        })
    }
}

/// Downloads `content` as a file named `name`.
fn download(name: &str, content: &str, mime: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    download_blob(name, &blob)
}

/// Downloads `blob` as a file named `name`.
fn download_blob(name: &str, blob: &web_sys::Blob) -> Result<(), JsValue> {
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let anchor: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        Duration::from_secs(10),
    );
    Ok(())
}

fn export_json(ctx: Ctx) {
    let json = ctx.ws.with_untracked(|w| w.export().to_json());
    if let Err(e) = download("hearsay-export.json", &json, "application/json") {
        ctx.say(format!("export failed: {e:?}"), true);
    }
}

fn export_other(ctx: Ctx, target: interop::Target) {
    let output = ctx
        .ws
        .with_untracked(|w| interop::export(&w.export(), target));
    let name = format!("hearsay-export.{}", target.extension());
    let bytes = output.into_bytes();
    let result = (|| -> Result<(), JsValue> {
        let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes.as_slice()));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(target.mime());
        let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
        download_blob(&name, &blob)
    })();
    if let Err(e) = result {
        ctx.say(format!("export failed: {e:?}"), true);
    }
}

fn export_jsonl(ctx: Ctx) {
    let jsonl = ctx.ws.with_untracked(|w| to_jsonl(&w.export()));
    if let Err(e) = download("hearsay-sentences.jsonl", &jsonl, "application/jsonl") {
        ctx.say(format!("export failed: {e:?}"), true);
    }
}

/// Adds one file a person opened or dropped. Never changes anything when
/// the file is refused.
fn import_bytes(ctx: Ctx, name: &str, bytes: Vec<u8>) -> Result<String, String> {
    let lower = name.to_lowercase();
    // Files of other annotation tools: doccano JSONL, Label Studio JSON
    // (brat pairs are handled in `import_files`).
    let foreign = if lower.ends_with(".jsonl") || lower.ends_with(".json") {
        interop::Source::guess(name, &bytes)
    } else {
        None
    };
    if let Some(source) = foreign {
        let export = interop::import(
            source,
            &[interop::InputFile {
                name,
                bytes: &bytes,
            }],
        )
        .map_err(|e| format!("{name}: {e}"))?;
        let mut result = Err(String::new());
        ctx.change(|w| {
            result = w
                .add_export(name, export)
                .map(|n| format!("{name}: {n} document(s) imported from {}", source.as_str()))
                .map_err(|e| e.0)
        });
        return result;
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            return Err(format!(
                "{name}: not a text file (invalid UTF-8 at byte {})",
                e.utf8_error().valid_up_to()
            ));
        }
    };
    if text.contains('\0') {
        return Err(format!(
            "{name}: looks like a binary file (it contains NUL bytes)"
        ));
    }
    let mut result = Err(String::new());
    if lower.ends_with(".json") {
        ctx.change(|w| {
            result = w
                .import_export(name, &text)
                .map(|n| format!("{name}: {n} document(s) restored"))
                .map_err(|e| e.0)
        });
    } else {
        let text = if lower.ends_with(".html") || lower.ends_with(".htm") {
            hearsay_core::html::html_to_text(&text)
        } else {
            text
        };
        ctx.change(|w| {
            result = w
                .add_text(name, &text)
                .map(|_| format!("{name}: added"))
                .map_err(|e| e.0)
        });
    }
    result
}

/// Imports brat standoff: `.ann` files with their `.txt` partners, or zips.
fn import_brat(ctx: Ctx, files: &[(String, Vec<u8>)]) -> Result<String, String> {
    let inputs: Vec<interop::InputFile> = files
        .iter()
        .map(|(name, bytes)| interop::InputFile { name, bytes })
        .collect();
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    let label = names.join(", ");
    let export =
        interop::import(interop::Source::Brat, &inputs).map_err(|e| format!("{label}: {e}"))?;
    let mut result = Err(String::new());
    ctx.change(|w| {
        result = w
            .add_export(&label, export)
            .map(|n| format!("{label}: {n} document(s) imported from brat"))
            .map_err(|e| e.0)
    });
    result
}

async fn read_file(file: web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| format!("{}: could not be read", file.name()))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

fn import_files(ctx: Ctx, files: web_sys::FileList) {
    let files: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
    if files.is_empty() {
        return;
    }
    leptos::task::spawn_local(async move {
        let mut added = Vec::new();
        let mut refused = Vec::new();
        let mut read = Vec::new();
        for file in files {
            let name = file.name();
            if let Some(why) = crate::files::file_too_large(&name, file.size()) {
                refused.push(why);
                continue;
            }
            match read_file(file).await {
                Ok(bytes) => read.push((name, bytes)),
                Err(why) => refused.push(why),
            }
        }
        // brat: a zip, or an .ann with the .txt of the same name.
        let stem = |n: &str| {
            n.rsplit_once('.')
                .map_or(n.to_owned(), |(s, _)| s.to_owned())
        };
        let ann_stems: Vec<String> = read
            .iter()
            .filter(|(n, _)| n.to_lowercase().ends_with(".ann"))
            .map(|(n, _)| stem(n))
            .collect();
        let (brat, single): (Vec<_>, Vec<_>) = read.into_iter().partition(|(n, _)| {
            let lower = n.to_lowercase();
            lower.ends_with(".ann")
                || lower.ends_with(".zip")
                || (lower.ends_with(".txt") && ann_stems.contains(&stem(n)))
        });
        if !brat.is_empty() {
            match import_brat(ctx, &brat) {
                Ok(ok) => added.push(ok),
                Err(why) => refused.push(why),
            }
        }
        for (name, bytes) in single {
            match import_bytes(ctx, &name, bytes) {
                Ok(ok) => added.push(ok),
                Err(why) => refused.push(why),
            }
        }
        let error = !refused.is_empty();
        let text = added
            .into_iter()
            .chain(refused.into_iter().map(|r| format!("refused: {r}")))
            .collect::<Vec<_>>()
            .join("; ");
        ctx.say(text, error);
    });
}

fn on_key(ctx: Ctx, e: web_sys::KeyboardEvent) {
    let in_field = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .map(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
        .unwrap_or(false);
    let key = e.key();
    if key == "Escape" {
        ctx.help.set(false);
        ctx.speaker_edit.set(false);
        return;
    }
    if in_field || e.alt_key() || e.meta_key() {
        return;
    }
    let ctrl = e.ctrl_key();
    let handled = match (key.as_str(), ctrl) {
        ("z" | "Z", true) if e.shift_key() => {
            ctx.change(|w| {
                w.redo();
            });
            true
        }
        ("z", true) | ("u", false) => {
            ctx.change(|w| {
                w.undo();
            });
            true
        }
        ("y", true) => {
            ctx.change(|w| {
                w.redo();
            });
            true
        }
        (_, true) => false,
        ("j" | "ArrowDown", _) | ("k" | "ArrowUp", _) => {
            let back = key == "k" || key == "ArrowUp";
            let visible = ctx.visible();
            let cursor = ctx
                .ws
                .with_untracked(|w| w.doc().map(|d| d.cursor).unwrap_or(0));
            let walk = if back {
                rows::Walk::Backward
            } else {
                rows::Walk::Forward
            };
            if let Some(next) = rows::step(&visible, cursor, walk) {
                ctx.change(|w| w.set_cursor(next));
            }
            true
        }
        ("q", _) => {
            ctx.change(|w| w.toggle(Label::Quote));
            true
        }
        ("c", _) => {
            ctx.change(|w| w.toggle(Label::Claim));
            true
        }
        ("d", _) => {
            ctx.change(|w| w.toggle(Label::Denial));
            true
        }
        ("a" | "Enter", _) => {
            ctx.change(Workspace::accept);
            true
        }
        ("x", _) => {
            ctx.change(Workspace::reject);
            true
        }
        ("s", _) => {
            ctx.speaker_edit.set(true);
            true
        }
        ("?", _) => {
            ctx.help.update(|h| *h = !*h);
            true
        }
        ("/", _) => {
            if let Some(el) = document().get_element_by_id("search")
                && let Ok(el) = el.dyn_into::<web_sys::HtmlElement>()
            {
                let _ = el.focus();
            }
            true
        }
        _ => false,
    };
    if handled {
        e.prevent_default();
    }
}

/// Turns the page's text selection into a quote span, if it lies inside
/// the reading view. Offsets come from the `data-start` of the segment
/// elements plus the UTF-16 offset inside each, converted to code points.
fn selection_to_span() -> Option<(usize, usize)> {
    let selection = window().get_selection().ok()??;
    if selection.is_collapsed() || selection.range_count() == 0 {
        return None;
    }
    let point = |node: Option<web_sys::Node>, offset: u32| -> Option<usize> {
        let node = node?;
        let segment = node.parent_element()?.closest("[data-start]").ok()??;
        let start: usize = segment.get_attribute("data-start")?.parse().ok()?;
        let text = node.text_content()?;
        Some(start + CharIndex::new(&text).char_of_utf16(offset as usize))
    };
    let a = point(selection.anchor_node(), selection.anchor_offset())?;
    let b = point(selection.focus_node(), selection.focus_offset())?;
    let _ = selection.remove_all_ranges();
    Some((a.min(b), a.max(b)))
}

/// Restores the saved work, or loads the demo article on first open. If
/// storage cannot be used the demo is loaded and the warning shown.
async fn restore(ctx: Ctx) {
    let demo = |w: &mut Workspace| {
        let _ = w.add_text(DEMO_NAME, DEMO_TEXT);
    };
    // First open (nothing was ever saved here): show the demo at once and
    // open the database behind it, instead of making the first page wait.
    let first_open = !storage::has_saved_work();
    if first_open {
        ctx.ws.update(demo);
        ctx.ready.set(true);
    }
    let opened = storage::Db::open().await;
    let loaded = match &opened {
        Ok(db) => db.load().await,
        Err(why) => Err(why.clone()),
    };
    match loaded {
        Ok(loaded) => {
            ctx.db.set_value(opened.ok());
            if loaded.found {
                // Saved work wins over the demo shown meanwhile.
                ctx.ws.set(loaded.workspace);
            } else if !first_open {
                ctx.ws.update(demo);
            }
            if !loaded.problems.is_empty() {
                ctx.say(loaded.problems.join("; "), true);
            }
            // Save what is not yet stored (the demo, and anything done
            // while the database was opening).
            ctx.change(|_| {});
        }
        Err(why) => {
            // Nothing is written over storage we could not read.
            ctx.storage_error.set(Some(why));
            if !first_open {
                ctx.ws.update(demo);
            }
        }
    }
    ctx.ready.set(true);
    listen_to_other_tabs(ctx);
}

/// Tabs of the same page tell each other when they save. A tab that hears
/// another one save stops saving (its copy is now older than what is
/// stored) and offers to reload.
fn listen_to_other_tabs(ctx: Ctx) {
    let Ok(channel) = web_sys::BroadcastChannel::new("hearsay") else {
        return;
    };
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            if e.data().as_string().as_deref() == Some("saved") {
                ctx.other_tab.set(true);
            }
        });
    channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The listener lives as long as the page.
    on_message.forget();
    ctx.channel.set_value(Some(channel));
}

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let ctx = Ctx {
        ws: RwSignal::new(Workspace::default()),
        filter: RwSignal::new(Filter::default()),
        message: RwSignal::new(None),
        storage_error: RwSignal::new(None),
        help: RwSignal::new(false),
        speaker_edit: RwSignal::new(false),
        ready: RwSignal::new(false),
        other_tab: RwSignal::new(false),
        channel: StoredValue::new_local(None),
        db: StoredValue::new_local(None),
        save_pending: StoredValue::new(false),
    };
    provide_context(ctx);
    leptos::task::spawn_local(restore(ctx));

    let handle = window_event_listener(ev::keydown, move |e| on_key(ctx, e));
    // A reload or a closed tab right after a decision: save before leaving.
    let flush = window_event_listener(ev::pagehide, move |_| ctx.save_before_leaving());
    on_cleanup(move || {
        handle.remove();
        flush.remove();
    });

    view! {
        <div
            class="app"
            on:dragover=|e: ev::DragEvent| e.prevent_default()
            on:drop=move |e: ev::DragEvent| {
                e.prevent_default();
                if let Some(files) = e.data_transfer().and_then(|d| d.files()) {
                    import_files(ctx, files);
                }
            }
        >
            <aside class="sidebar">
                <h1>"hearsay"</h1>
                <ImportPanel />
                <DocumentList />
                <ExportPanel />
            </aside>
            <main class="reader">
                <StorageWarning />
                <p class="hint">
                    "j/k move · a accept · x reject · q/c/d quote/claim/denial · s speaker · u undo · ? all keys"
                </p>
                <FilterBar />
                <ActionBar />
                <SpeakerEditor />
                <Show when=move || ctx.ready.get() fallback=|| view! { <p class="more">"Restoring your work…"</p> }>
                    <SentenceList />
                </Show>
            </main>
            <KeyGuide />
        </div>
    }
}

/// Paste area, file input and the last message.
#[component]
fn ImportPanel() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let text = RwSignal::new(String::new());
    let n_pasted = StoredValue::new(0usize);
    let on_submit = move |_| {
        let body = text.get_untracked();
        n_pasted.update_value(|n| *n += 1);
        let name = format!("pasted-{}.txt", n_pasted.get_value());
        let mut result = Ok(0);
        ctx.change(|w| result = w.add_text(&name, &body));
        match result {
            Ok(_) => {
                text.set(String::new());
                ctx.say(format!("{name}: added"), false);
            }
            Err(e) => ctx.say(e.0, true),
        }
    };
    view! {
        <section class="import">
            <textarea
                data-testid="import-text"
                placeholder="Paste an article here"
                prop:value=move || text.get()
                on:input=move |e| text.set(event_target_value(&e))
            ></textarea>
            <button data-testid="import-submit" on:click=on_submit>
                "Add pasted text"
            </button>
            <label class="file">
                "Open or drop files: articles (.txt .md .html), a hearsay .json, doccano .jsonl, Label Studio .json, brat .ann+.txt or .zip"
                <input
                    data-testid="import-file"
                    type="file"
                    multiple
                    accept=".txt,.md,.html,.htm,.json,.jsonl,.ann,.zip"
                    on:change=move |e: ev::Event| {
                        let input: web_sys::HtmlInputElement = event_target(&e);
                        if let Some(files) = input.files() {
                            import_files(ctx, files);
                        }
                        input.set_value("");
                    }
                />
            </label>
            {move || {
                ctx.message
                    .get()
                    .map(|m| {
                        view! {
                            <p data-testid="message" class=if m.error { "message error" } else { "message" }>
                                {m.text}
                            </p>
                        }
                    })
            }}
        </section>
    }
}

/// One entry per document with its counts.
#[component]
fn DocumentList() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let items = Memo::new(move |_| {
        ctx.ws.with(|w| {
            w.docs
                .iter()
                .enumerate()
                .map(|(i, d)| {
                    let (q, c, den) = d.counts();
                    (
                        i,
                        d.doc.name.clone(),
                        q,
                        c,
                        den,
                        d.n_reviewed(),
                        d.n_sentences(),
                        i == w.current,
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <ul class="documents">
            <For
                each=move || items.get()
                key=|item| item.clone()
                children=move |(i, name, q, c, den, reviewed, total, current)| {
                    view! {
                        <li
                            data-testid="document-item"
                            class:current=current
                            on:click=move |_| ctx.change(|w| w.select_doc(i))
                        >
                            <span class="name">{name}</span>
                            <span class="counts">
                                <span class="count-quote" title="quotes">{format!("Q {q}")}</span>
                                <span class="count-claim" title="claims">{format!("C {c}")}</span>
                                <span class="count-denial" title="denials">{format!("D {den}")}</span>
                                <span class="reviewed" title="sentences reviewed">{format!("{reviewed}/{total}")}</span>
                            </span>
                            <button
                                class="remove"
                                title="Remove this document"
                                on:click=move |e| {
                                    e.stop_propagation();
                                    if window().confirm_with_message("Remove this document and its annotations?").unwrap_or(false) {
                                        ctx.change(|w| w.remove_doc(i));
                                    }
                                }
                            >
                                "×"
                            </button>
                        </li>
                    }
                }
            />
        </ul>
    }
}

#[component]
fn ExportPanel() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let format = NodeRef::<html::Select>::new();
    view! {
        <section class="export">
            <button data-testid="export-json" on:click=move |_| export_json(ctx)>
                "Export JSON"
            </button>
            <button data-testid="export-jsonl" on:click=move |_| export_jsonl(ctx)>
                "Export JSONL"
            </button>
        </section>
        <section class="export">
            <select data-testid="export-format" node_ref=format>
                {interop::Target::ALL
                    .into_iter()
                    .map(|t| view! { <option value=t.as_str()>{t.title()}</option> })
                    .collect_view()}
            </select>
            <button
                data-testid="export-other"
                on:click=move |_| {
                    let chosen = format.get().map(|s| s.value()).unwrap_or_default();
                    if let Some(target) = interop::Target::from_name(&chosen) {
                        export_other(ctx, target);
                    }
                }
            >
                "Export as"
            </button>
        </section>
    }
}

#[component]
fn StorageWarning() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
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
                    <button on:click=move |_| export_json(ctx)>"Export"</button>
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
                    <button on:click=move |_| export_json(ctx)>"Export now"</button>
                </div>
            }
        })
    };
    view! {
        {other_tab}
        {storage}
    }
}

#[component]
fn FilterBar() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let on_label = move |e: ev::Event| {
        let value = event_target_value(&e);
        ctx.filter.update(|f| f.label = Label::parse(&value));
    };
    let on_review = move |e: ev::Event| {
        let review = match event_target_value(&e).as_str() {
            "suggested" => Some(Review::Suggested),
            "accepted" => Some(Review::Accepted),
            "rejected" => Some(Review::Rejected),
            "untouched" => Some(Review::Untouched),
            _ => None,
        };
        ctx.filter.update(|f| f.review = review);
    };
    view! {
        <div class="filters">
            <select data-testid="filter-label" on:change=on_label>
                <option value="">"All labels"</option>
                <option value="quote">"Quotes"</option>
                <option value="claim">"Claims"</option>
                <option value="denial">"Denials"</option>
            </select>
            <select data-testid="filter-status" on:change=on_review>
                <option value="">"Any status"</option>
                <option value="suggested">"Suggested"</option>
                <option value="accepted">"Accepted"</option>
                <option value="rejected">"Rejected"</option>
                <option value="untouched">"Untouched"</option>
            </select>
            <input
                id="search"
                data-testid="search"
                type="search"
                placeholder="Search ( / )"
                on:input=move |e| {
                    let value = event_target_value(&e);
                    ctx.filter.update(|f| f.search = value);
                }
            />
        </div>
    }
}

/// Buttons doing what the keys do, on the current sentence.
#[component]
fn ActionBar() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let act = move |f: fn(&mut Workspace)| move |_| ctx.change(f);
    view! {
        <div class="actions" data-testid="actions">
            <button data-testid="action-accept" title="a / Enter" on:click=act(Workspace::accept)>"Accept"</button>
            <button data-testid="action-reject" title="x" on:click=act(Workspace::reject)>"Reject"</button>
            <button data-testid="action-quote" class="label-quote" title="q" on:click=act(|w| w.toggle(Label::Quote))>"Quote"</button>
            <button data-testid="action-claim" class="label-claim" title="c" on:click=act(|w| w.toggle(Label::Claim))>"Claim"</button>
            <button data-testid="action-denial" class="label-denial" title="d" on:click=act(|w| w.toggle(Label::Denial))>"Denial"</button>
            <button data-testid="action-speaker" title="s" on:click=move |_| ctx.speaker_edit.set(true)>"Speaker…"</button>
            <button data-testid="action-undo" title="u / Ctrl+Z" on:click=act(|w| { w.undo(); })>"Undo"</button>
            <button data-testid="action-redo" title="Ctrl+Shift+Z / Ctrl+Y" on:click=act(|w| { w.redo(); })>"Redo"</button>
            <button data-testid="action-help" title="?" on:click=move |_| ctx.help.set(true)>"Keys"</button>
        </div>
    }
}

/// The speaker field opened by `s`, completing from the document's speakers.
#[component]
fn SpeakerEditor() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let input = NodeRef::<html::Input>::new();
    Effect::new(move |_| {
        if ctx.speaker_edit.get()
            && let Some(el) = input.get()
        {
            let _ = el.focus();
        }
    });
    let speakers = Memo::new(move |_| {
        ctx.ws
            .with(|w| w.doc().map(|d| d.speakers()).unwrap_or_default())
    });
    view! {
        <Show when=move || ctx.speaker_edit.get()>
            <div class="speaker-editor">
                <label>
                    "Speaker of the quotes in this sentence: "
                    <input
                        data-testid="speaker-input"
                        node_ref=input
                        list="speakers"
                        on:keydown=move |e: ev::KeyboardEvent| {
                            if e.key() == "Enter" {
                                e.prevent_default();
                                let name = event_target_value(&e);
                                let mut found = false;
                                ctx.change(|w| found = w.set_speaker(&name));
                                if !found {
                                    ctx.say("no quote in this sentence: press q first", true);
                                }
                                ctx.speaker_edit.set(false);
                            }
                        }
                    />
                </label>
                <datalist id="speakers">
                    {move || speakers.get().into_iter().map(|s| view! { <option value=s></option> }).collect_view()}
                </datalist>
            </div>
        </Show>
    }
}

/// The reading view: a window of sentence rows around the cursor.
#[component]
fn SentenceList() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let visible = Memo::new(move |_| ctx.visible());
    let rows = Memo::new(move |_| {
        ctx.ws.with(|w| {
            let Some(d) = w.doc() else { return Vec::new() };
            visible.with(|v| {
                rows::window(v, d.cursor)
                    .iter()
                    .map(|&i| rows::row(d, i))
                    .collect::<Vec<_>>()
            })
        })
    });
    let hidden_before = Memo::new(move |_| {
        let first = rows.with(|r| r.first().map(|r| r.idx));
        visible.with(|v| first.map(|f| v.partition_point(|&i| i < f)).unwrap_or(0))
    });
    let hidden_after = Memo::new(move |_| {
        let last = rows.with(|r| r.last().map(|r| r.idx));
        visible.with(|v| {
            last.map(|l| v.len() - v.partition_point(|&i| i <= l))
                .unwrap_or(0)
        })
    });
    // Keep the current sentence on screen: syncing with the DOM is what
    // effects are for.
    Effect::new(move |_| {
        rows.track();
        request_animation_frame(|| {
            if let Ok(Some(el)) = document().query_selector(".sentence.current") {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                el.scroll_into_view_with_scroll_into_view_options(&options);
            }
        });
    });
    let on_mouseup = move |_| {
        if let Some((start, end)) = selection_to_span() {
            ctx.change(|w| w.add_span(Label::Quote, start, end));
        }
    };
    view! {
        <div class="sentences" data-testid="sentences" on:mouseup=on_mouseup>
            <Show when=move || { hidden_before.get() > 0 }>
                <p class="more">{move || format!("… {} sentences above (k to move up)", hidden_before.get())}</p>
            </Show>
            <For each=move || rows.get() key=RowView::key children=move |row| view! { <SentenceRow row=row /> } />
            <Show when=move || { hidden_after.get() > 0 }>
                <p class="more">{move || format!("… {} sentences below (j to move down)", hidden_after.get())}</p>
            </Show>
            <Show when=move || visible.with(|v| v.is_empty())>
                <p class="empty">"No sentence matches the filter."</p>
            </Show>
        </div>
    }
}

/// One sentence with its marks and speaker badges.
#[component]
fn SentenceRow(row: RowView) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let idx = row.idx;
    let mut class = String::from("sentence");
    for (on, name) in [
        (row.current, " current"),
        (row.boilerplate, " boilerplate"),
        (row.paragraph_start, " paragraph-start"),
    ] {
        if on {
            class.push_str(name);
        }
    }
    for label in row.labels.split_whitespace() {
        class.push_str(&format!(" has-{label}"));
    }
    for label in row.suggested.split_whitespace() {
        class.push_str(&format!(" suggests-{label}"));
    }
    let segments = row
        .segments
        .into_iter()
        .map(|s| view! { <span class=s.class data-start=s.start>{s.text}</span> })
        .collect_view();
    let badges = row
        .badges
        .into_iter()
        .map(|b| {
            let class = format!(
                "speaker-badge {}{}",
                b.kind,
                if b.suggested { " suggested" } else { "" }
            );
            view! { <span class=class title=format!("{} quote", b.kind)>{b.speaker}</span> }
        })
        .collect_view();
    view! {
        <div
            class=class
            data-testid="sentence"
            data-idx=idx
            data-labels=row.labels
            data-suggested=row.suggested
            data-rejected=row.rejected
            on:click=move |_| ctx.change(|w| w.set_cursor(idx))
        >
            <span class="text">{segments}</span>
            {badges}
        </div>
    }
}

#[component]
fn KeyGuide() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    const KEYS: &[(&str, &str)] = &[
        ("j / ↓", "next sentence"),
        ("k / ↑", "previous sentence"),
        ("a / Enter", "accept the suggestions on the sentence"),
        ("x", "reject them (or what was accepted)"),
        ("q", "toggle quote"),
        ("c", "toggle claim"),
        ("d", "toggle denial"),
        ("s", "edit the speaker of the sentence's quotes"),
        ("select text", "mark exactly that text as a quote"),
        ("u / Ctrl+Z", "undo"),
        ("Ctrl+Shift+Z / Ctrl+Y", "redo"),
        ("/", "search"),
        ("?", "this guide"),
        ("Esc", "close"),
    ];
    view! {
        <Show when=move || ctx.help.get()>
            <div class="key-guide" data-testid="key-guide" role="dialog" on:click=move |_| ctx.help.set(false)>
                <table>
                    {KEYS.iter().map(|(k, what)| view! { <tr><th><kbd>{*k}</kbd></th><td>{*what}</td></tr> }).collect_view()}
                </table>
            </div>
        </Show>
    }
}
