//! The Leptos components of the annotator, one file per panel.
//!
//! Components stay thin: they read the [`Workspace`] from context, render,
//! and dispatch one of its methods through [`Ctx::change`], which also
//! schedules the save. Decisions live in `state`, `rows`, `commands` and
//! `files`, which are plain Rust and tested natively.
//!
//! - this file: [`App`], the shared [`Ctx`], saving and restoring;
//! - `import`: the paste area, the file input and dropped files;
//! - `documents`: the document list;
//! - `export`: the export buttons and the storage warnings;
//! - `review`: the filter bar, the sentence list and the speaker editor;
//! - `dom`: plain DOM building for the views drawn without Leptos;
//! - `keys`: the key handler, the action bar and the hint line;
//! - `guide`: the `?` key guide;
//! - `guidelines`: the team's guidelines, opened with `g`;
//! - `statements`: the statements across the open documents, and the
//!   tabs that open them;
//! - `team`: the agreement table and the disagreements of an adjudication
//!   document.

use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::commands;
use crate::rows::{self, Filter};
use crate::state::{Message, Workspace};
use crate::storage;

mod documents;
mod dom;
mod export;
mod guide;
mod guidelines;
mod import;
mod keys;
mod models;
mod review;
mod scroll;
mod statements;
mod team;

/// The bundle the page was served with, once loaded (for page scripts).
pub fn shipped_models() -> Option<hearsay_core::learn::Bundle> {
    models::shipped()
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
    /// Whether the guidelines panel is open.
    pub guidelines: RwSignal<bool>,
    /// Whether the speaker editor is open.
    pub speaker_edit: RwSignal<bool>,
    /// Whether the statements view is open (in place of the sentences).
    pub statements: RwSignal<bool>,
    /// The person's name, written into exports as their annotator (kept
    /// in `localStorage`).
    pub annotator: RwSignal<String>,
    /// Whether the saved work has been restored (or storage found unusable).
    pub ready: RwSignal<bool>,
    /// Set when another tab saved this workspace: this tab stops saving, so
    /// neither overwrites the other, and says so.
    pub other_tab: RwSignal<bool>,
    /// Whether the database is open.
    storage_open: RwSignal<bool>,
    /// Saves scheduled or running: each scheduled save counts until it has
    /// committed, failed or been skipped.
    saves_running: RwSignal<u32>,
    channel: StoredValue<Option<web_sys::BroadcastChannel>, LocalStorage>,
    db: StoredValue<Option<storage::Db>, LocalStorage>,
    save_pending: StoredValue<bool>,
    /// Whether a step of scoring documents again is scheduled.
    rescore_pending: StoredValue<bool>,
    /// Key presses and scroll events so far: background work (scoring
    /// again, saving) waits until none came for a whole pause.
    inputs: StoredValue<u64>,
}

impl Ctx {
    /// Applies `f` to the workspace, schedules a save for the next pause
    /// (so a key press never waits for storage, and a run of keys saves
    /// once) and returns what `f` returned.
    pub fn change<R>(self, f: impl FnOnce(&mut Workspace) -> R) -> R {
        let result = self
            .ws
            .try_update(f)
            .expect("the workspace lives as long as the app");
        if !self.save_pending.get_value() {
            self.save_pending.set_value(true);
            self.saves_running.update(|n| *n += 1);
            self.after_pause(move || self.save_now());
        }
        self.schedule_rescore();
        result
    }

    /// Counts a key press or a scroll: background work waits for a pause.
    pub(super) fn input(self) {
        self.inputs.update_value(|n| *n += 1);
    }

    /// Runs `f` once the person pauses: after [`PAUSE`] with no key press
    /// and no scroll.
    fn after_pause(self, f: impl FnOnce() + 'static) {
        let seen = self.inputs.get_value();
        set_timeout(
            move || {
                if self.inputs.get_value() == seen {
                    f();
                } else {
                    // The person is at work: now would keep the next key
                    // waiting.
                    self.after_pause(f);
                }
            },
            PAUSE,
        );
    }

    /// Scores the stale documents again, one step at a time while the page
    /// is idle (after the models changed, or a document was opened).
    fn schedule_rescore(self) {
        if self.rescore_pending.get_value()
            || self.ws.with_untracked(|w| w.models_status().stale == 0)
        {
            return;
        }
        self.rescore_pending.set_value(true);
        self.after_pause(move || {
            self.rescore_pending.set_value(false);
            self.change(|w| w.rescore_step());
        });
    }

    /// Issues the writes of everything changed; their outcome is reported
    /// when the transaction commits. Without a database (storage failed at
    /// start, or is still opening) nothing is tried: the warning is up, or
    /// the first save after opening writes what is pending.
    fn save_now(self) {
        self.save_pending.set_value(false);
        let db = self.db.get_value();
        let Some(db) = db.filter(|_| !self.other_tab.get_untracked()) else {
            self.save_settled();
            return;
        };
        let pending = self
            .ws
            .try_update_untracked(|w| w.take_pending())
            .unwrap_or_default();
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
            self.save_settled();
        });
    }

    fn save_settled(self) {
        self.saves_running.update(|n| *n = n.saturating_sub(1));
    }

    /// How saving stands, shown as `data-save` on the page (journeys wait
    /// for it rather than for the clock): `pending` while a save is
    /// scheduled or running, `unsaved` when this tab does not save (storage
    /// failed, or another tab saved), `opening` until the database is open,
    /// else `saved`.
    fn save_state(self) -> &'static str {
        if self.saves_running.get() > 0 {
            "pending"
        } else if self.other_tab.get() || self.storage_error.with(Option::is_some) {
            "unsaved"
        } else if !self.storage_open.get() {
            "opening"
        } else {
            "saved"
        }
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
        let pending = self
            .ws
            .try_update_untracked(|w| w.take_pending())
            .unwrap_or_default();
        self.ws
            .with_untracked(|w| db.save_before_leaving(w, &pending));
    }

    /// Shows `message` to the person.
    fn say(self, message: Message) {
        self.message.set(Some(message));
    }

    /// Whether the statements view is shown in place of the sentences:
    /// open, with two or more documents.
    fn statements_shown(self) -> bool {
        self.statements.get() && self.ws.with(|w| w.docs.len() >= 2)
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

/// How long the page waits with no key press and no scroll before it
/// saves or takes a step of scoring documents again, so that a run of
/// decisions is not kept waiting behind either.
const PAUSE: Duration = Duration::from_millis(100);

/// Restores the saved work, or loads the demo article on first open. If
/// storage cannot be used the demo is loaded and the warning shown. The
/// models come first: the bundle the page is served with, then what was
/// learned and saved, if it can be read.
async fn restore(ctx: Ctx) {
    let shipped = models::load_shipped().await;
    let shipped = match shipped {
        Ok(bundle) => bundle.unwrap_or_default(),
        Err(why) => {
            ctx.say(Message::error(format!("{why}: the rules alone suggest")));
            hearsay_core::learn::Bundle::default()
        }
    };
    ctx.ws.update(|w| w.restore_models(shipped.clone()));
    let demo = Workspace::add_demo;
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
            ctx.storage_open.set(true);
            let mut problems = loaded.problems;
            let models = match loaded.models {
                Some(Ok(bundle)) => bundle,
                Some(Err(why)) => {
                    problems.push(format!(
                        "the saved models could not be read ({why}): the shipped models are in use"
                    ));
                    shipped
                }
                None => shipped,
            };
            if loaded.found {
                // Saved work wins over the demo shown meanwhile.
                let mut restored = loaded.workspace;
                restored.restore_models(models);
                ctx.ws.set(restored);
            } else {
                ctx.ws.update(|w| w.restore_models(models));
                if !first_open {
                    ctx.ws.update(demo);
                }
            }
            if !problems.is_empty() {
                ctx.say(Message::error(problems.join("; ")));
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
        statements: RwSignal::new(false),
        guidelines: RwSignal::new(false),
        annotator: RwSignal::new(storage::setting(storage::ANNOTATOR).unwrap_or_default()),
        ready: RwSignal::new(false),
        other_tab: RwSignal::new(false),
        storage_open: RwSignal::new(false),
        saves_running: RwSignal::new(0),
        channel: StoredValue::new_local(None),
        db: StoredValue::new_local(None),
        save_pending: StoredValue::new(false),
        rescore_pending: StoredValue::new(false),
        inputs: StoredValue::new(0),
    };
    provide_context(ctx);
    leptos::task::spawn_local(restore(ctx));

    let handle = window_event_listener(ev::keydown, move |e| keys::on_key(ctx, e));
    // A reload or a closed tab right after a decision: save before leaving.
    let flush = window_event_listener(ev::pagehide, move |_| ctx.save_before_leaving());
    on_cleanup(move || {
        handle.remove();
        flush.remove();
    });

    // Files dragged over the page: it shows where they will go.
    let dragging = RwSignal::new(false);
    view! {
        <div
            class="app"
            data-save=move || ctx.save_state()
            class:dragging=move || dragging.get()
            on:dragover=move |e: ev::DragEvent| {
                e.prevent_default();
                if !dragging.get_untracked() {
                    dragging.set(true);
                }
            }
            // Leaving the window (no element to go to), not a child.
            on:dragleave=move |e: ev::DragEvent| {
                if e.related_target().is_none() {
                    dragging.set(false);
                }
            }
            on:drop=move |e: ev::DragEvent| {
                e.prevent_default();
                dragging.set(false);
                if let Some(files) = e.data_transfer().and_then(|d| d.files()) {
                    import::import_files(ctx, files);
                }
            }
        >
            <aside class="sidebar">
                <h1>"hearsay"</h1>
                <import::ImportPanel />
                <documents::DocumentList />
                <export::ExportPanel />
                <models::ModelsPanel />
            </aside>
            <main class="reader">
                <export::StorageWarning />
                <p class="hint">{commands::hint()}</p>
                <Show when=move || ctx.ws.with(|w| w.doc().is_some_and(|d| d.doc.annotators.len() > 1))>
                    <team::TeamView />
                </Show>
                <statements::StatementsView />
                <div class="review" hidden=move || ctx.statements_shown()>
                    <review::FilterBar />
                    <review::Legend />
                    <keys::ActionBar />
                    <review::SpeakerEditor />
                    <Show when=move || ctx.ready.get() fallback=|| view! { <p class="more">"Restoring your work…"</p> }>
                        <review::SentenceList />
                    </Show>
                </div>
            </main>
            <guide::KeyGuide />
            <guidelines::GuidelinesPanel />
        </div>
    }
}
